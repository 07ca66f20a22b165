// Issue 16, planning ahead in the browser: the gaps of the nine (table, map layer, largest pieces,
// exports that re-import to the same area) and coverage "as of" a date, equal to what the engine
// and the CLI give for the same data, kept in the link.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import { area } from '@turf/turf';
import { createCoverageIndex } from '../../src/coverage/engine';
import { coverageTimeline } from '../../src/coverage/timeline';
import { runCoverageCli } from '../../src/coverage/cli-core';
import { importFile } from '../../src/import';
import { launch, newPage, openApp, waitForIdle, UI_TIMEOUT } from './browser';

const units = JSON.parse(readFileSync('geodata/units-2021.geojson', 'utf8')) as FeatureCollection;
const plans = JSON.parse(readFileSync('geodata/plans-demo.geojson', 'utf8')) as FeatureCollection;
const haVi = (m2: number) => (m2 / 10_000).toLocaleString('vi-VN', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const pctVi = (x: number) => `${(x * 100).toFixed(1).replace('.', ',')}%`;

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function openCoverage(page: Page, suffix = '') {
  await openApp(page, suffix);
  await page.getByRole('tab', { name: 'Độ phủ quy hoạch chi tiết' }).click();
  await page.getByTestId('coverage-headline').filter({ hasText: 'đạt mục tiêu' }).waitFor({ timeout: UI_TIMEOUT });
}

describe('gaps to the target', () => {
  it('lists each ward-to-be\'s gap and shortfall, draws the gap layer, zooms to a piece, and exports files that re-import to the same area', async () => {
    const expected = createCoverageIndex(units.features, plans.features, {}).gaps();
    const { page, context, rec } = await newPage(browser);
    await openCoverage(page);
    const gaps = page.getByTestId('gaps');
    await gaps.locator('tbody tr').first().waitFor({ timeout: UI_TIMEOUT });
    expect(await gaps.locator('tbody tr').count()).toBe(9);
    for (const u of expected.units) {
      const row = gaps.locator(`tr[data-gap-unit="${u.unit_id}"]`);
      expect(await row.locator('.gap-ha').textContent()).toBe(haVi(u.gap_m2));
      expect(await row.locator('.shortfall-ha').textContent()).toBe(u.shortfall_m2 > 0 ? haVi(u.shortfall_m2) : '0 (đã đạt)');
    }
    // Tự Lạn is below the target in the demonstration register: a real shortfall is shown.
    expect(expected.units.find((u) => u.unit_id === '07774')!.shortfall_m2).toBeGreaterThan(0);

    // The gap layer on the map.
    await gaps.getByRole('switch', { name: 'Hiện khoảng trống trên bản đồ' }).check();
    await waitForIdle(page);
    const drawn = () => page.evaluate(() => (window as any).__vy.map.queryRenderedFeatures({ layers: ['gaps-fill'] }).length as number);
    await expect.poll(drawn, { timeout: UI_TIMEOUT }).toBeGreaterThan(0);
    expect(page.url()).toContain('gaps');

    // The largest piece: a click frames it.
    const largest = [...expected.pieces.features].sort((a, b) => b.properties.area_m2 - a.properties.area_m2)[0]!;
    const first = gaps.locator('.gap-pieces button').first();
    expect(await first.textContent()).toBe(`${largest.properties.unit_name}: ${haVi(largest.properties.area_m2)} ha`);
    await first.click();
    await waitForIdle(page);
    const center = await page.evaluate(() => (window as any).__vy.map.getCenter().toArray() as [number, number]);
    const ring = (largest.geometry.type === 'Polygon' ? largest.geometry.coordinates : largest.geometry.coordinates[0]!)[0]!;
    const xs = ring.map((p) => p[0]!), ys = ring.map((p) => p[1]!);
    const pad = 0.01;
    expect(center[0]).toBeGreaterThan(Math.min(...xs) - pad);
    expect(center[0]).toBeLessThan(Math.max(...xs) + pad);
    expect(center[1]).toBeGreaterThan(Math.min(...ys) - pad);
    expect(center[1]).toBeLessThan(Math.max(...ys) + pad);

    // Both exports import back to the engine's gap pieces (same area within 0.01 %, both measured
    // with Turf: the engine's own areas are ellipsoidal, Turf's spherical), the Shapefile as EPSG:9214.
    const total = expected.pieces.features.reduce((s, f) => s + area(f), 0);
    for (const [label, name, crs] of [
      ['Tải khoảng trống (GeoJSON, WGS 84)', /^viet-yen-khoang-trong-trinh-dien-\d{4}-\d\d-\d\d\.geojson$/, 'EPSG:4326'],
      ['Tải khoảng trống (Shapefile, VN-2000 EPSG:9214)', /^viet-yen-khoang-trong-trinh-dien-vn2000-\d{4}-\d\d-\d\d\.zip$/, 'EPSG:9214'],
    ] as const) {
      const [download] = await Promise.all([page.waitForEvent('download'), gaps.getByRole('button', { name: label }).click()]);
      expect(download.suggestedFilename()).toMatch(name);
      const back = importFile({ name: download.suggestedFilename(), bytes: readFileSync((await download.path())!) }, {});
      if (!back.ok) throw new Error(back.error);
      expect(back.crs.code).toBe(crs);
      const a = back.collection.features.reduce((s, f) => s + area(f as Feature<Polygon>), 0);
      expect(Math.abs(a - total) / total).toBeLessThan(1e-4);
      expect(back.collection.features.every((f) => f.properties?.['demo'] === true)).toBe(true);
    }
    expect(rec.consoleErrors).toEqual([]);
    expect(rec.pageErrors).toEqual([]);
    await context.close();
  }, 120_000);
});

describe('coverage as of a date', () => {
  it('2019-12-31 lowers Bích Động to what the CLI gives with --as-of; the link keeps the date; the chart shows when the nine crossed the target', async () => {
    const cli = runCoverageCli(['--units', 'geodata/units-2021.geojson', '--plans', 'geodata/plans-demo.geojson', '--as-of', '2019-12-31', '--format', 'json'],
      { readText: (f) => readFileSync(f, 'utf8') });
    expect(cli.code).toBe(0);
    const asOf = JSON.parse(cli.stdout) as { as_of: string; units: { id: string; coverage: number }[] };
    expect(asOf.as_of).toBe('2019-12-31');
    const bichDong = asOf.units.find((u) => u.id === '07777')!.coverage;
    const now = createCoverageIndex(units.features, plans.features, {}).result().units.find((u) => u.id === '07777')!.coverage;
    expect(bichDong).toBeLessThan(now);

    const { page, context, rec } = await newPage(browser);
    await openCoverage(page);
    const row = page.locator('tr[data-unit="07777"] .pct');
    expect(await row.textContent()).toBe(pctVi(now));
    await page.getByLabel('Tính đến ngày').fill('2019-12-31');
    await expect.poll(() => row.textContent(), { timeout: UI_TIMEOUT }).toBe(pctVi(bichDong));
    expect(await page.getByTestId('as-of-active').textContent()).toBe('Độ phủ tính đến ngày 31/12/2019');
    expect(page.url()).toContain('asof=2019-12-31');

    // The chart: when Bích Động crossed 80 %, as the engine's own timeline says.
    const tl = coverageTimeline(createCoverageIndex(units.features, plans.features, {}), createCoverageIndex(units.features, plans.features, {}).approvalDates());
    const crossed = tl.units.find((u) => u.unit_id === '07777')!.crossed!;
    expect(crossed).toMatch(/^\d{4}-\d\d-\d\d$/);
    const timeline = page.getByTestId('timeline');
    // The series is computed only once the chart is opened.
    expect(await timeline.getByTestId('coverage-chart').count()).toBe(0);
    await timeline.getByText('Biểu đồ độ phủ theo ngày phê duyệt').click();
    await timeline.getByLabel('Biểu đồ cho').selectOption('07777');
    const [y, m, d] = crossed.split('-');
    await expect.poll(() => timeline.getByTestId('chart-crossed').textContent(), { timeout: UI_TIMEOUT }).toBe(`Vượt mục tiêu ngày ${d}/${m}/${y}`);
    expect(await timeline.locator('svg path.series').getAttribute('d')).toMatch(/^M[\d.]+,[\d.]+(H[\d.]+V[\d.]+)+H[\d.]+$/);
    expect(await timeline.textContent()).toContain('Ngày phê duyệt là dữ liệu trình diễn');

    // A reload (a shared link) keeps the date and its coverage.
    await page.reload();
    await page.getByTestId('coverage-headline').filter({ hasText: 'đạt mục tiêu' }).waitFor({ timeout: UI_TIMEOUT });
    await expect.poll(() => page.locator('tr[data-unit="07777"] .pct').textContent(), { timeout: UI_TIMEOUT }).toBe(pctVi(bichDong));
    // Cleared: back to every plan.
    await page.getByRole('button', { name: 'Mọi ngày (bỏ lọc)' }).click();
    await expect.poll(() => page.locator('tr[data-unit="07777"] .pct').textContent(), { timeout: UI_TIMEOUT }).toBe(pctVi(now));
    expect(page.url()).not.toContain('asof');
    expect(rec.consoleErrors).toEqual([]);
    await context.close();
  }, 120_000);
});
