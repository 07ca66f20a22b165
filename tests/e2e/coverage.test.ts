// Issue 4, the planners' view: headline and percentages equal the engine's, filters and target
// update table and map, rows and map units select each other, the CSV holds the table.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import type { FeatureCollection } from 'geojson';
import { computeCoverage } from '../../src/coverage';
import { coverageRamp } from '../../src/layers/palette';
import { launch, newPage, openApp, project, screenshotRegion, hexToRgb, colorDistance, waitForIdle, UI_TIMEOUT } from './browser';
import { labelPoint } from '../../src/geo/label-point';
import type { Feature, Polygon } from 'geojson';

const units = JSON.parse(readFileSync('geodata/units-2021.geojson', 'utf8')) as FeatureCollection;
const plans = JSON.parse(readFileSync('geodata/plans-demo.geojson', 'utf8')) as FeatureCollection;
const engine = (o: Partial<{ levels: ('detailed' | 'zoning')[]; statuses: ('approved' | 'in_preparation')[]; target: number }> = {}) =>
  computeCoverage(units.features, plans.features, o);
const pctVi = (x: number) => `${(x * 100).toFixed(1).replace('.', ',')}%`;

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function openCoverage(page: Page) {
  await openApp(page);
  await page.getByRole('tab', { name: 'Độ phủ quy hoạch chi tiết' }).click();
  await page.getByTestId('coverage-headline').filter({ hasText: 'đạt mục tiêu' }).waitFor();
}
const headline = (page: Page) => page.getByTestId('coverage-headline').textContent();
const rowPct = (page: Page, id: string) => page.locator(`tr[data-unit="${id}"] .pct`).textContent();

describe('coverage panel', () => {
  it('shows the engine\'s headline and percentages, and follows the filters and the target', async () => {
    const { page, context, rec } = await newPage(browser);
    await openCoverage(page);
    const base = engine();
    expect(await headline(page)).toBe(`${base.totals.slated.units_meeting_target}/9 đơn vị dự kiến lên phường đạt mục tiêu trên 80%`);
    const nenh = base.units.find((u) => u.id === '07795')!;
    expect(await rowPct(page, '07795')).toBe(pctVi(nenh.coverage));
    expect(await page.locator('.coverage-table tbody tr').count()).toBe(17);

    // Count zoning plans too.
    await page.getByRole('checkbox', { name: 'Phân khu 1/2000' }).check();
    const zoning = engine({ levels: ['detailed', 'zoning'] });
    await page.getByTestId('coverage-headline').filter({ hasText: `${zoning.totals.slated.units_meeting_target}/9` }).waitFor();
    expect(await rowPct(page, '07795')).toBe(pctVi(zoning.units.find((u) => u.id === '07795')!.coverage));
    expect(zoning.totals.slated.units_meeting_target).not.toBe(base.totals.slated.units_meeting_target);

    // Lower the target to 60%.
    const target = page.getByRole('spinbutton', { name: 'Mục tiêu (%)' });
    await target.fill('60');
    await target.press('Enter');
    const t60 = engine({ levels: ['detailed', 'zoning'], target: 0.6 });
    await page.getByTestId('coverage-headline').filter({ hasText: `trên 60%` }).waitFor();
    expect(await headline(page)).toBe(`${t60.totals.slated.units_meeting_target}/9 đơn vị dự kiến lên phường đạt mục tiêu trên 60%`);
    expect(rec.consoleErrors).toEqual([]);
    await context.close();
  });

  it('sorts the table by a column', async () => {
    const { page, context } = await newPage(browser);
    await openCoverage(page);
    await page.getByRole('button', { name: /^Độ phủ/ }).click(); // already ascending → descending
    const first = await page.locator('.coverage-table tbody tr').first().getAttribute('data-unit');
    const best = [...engine().units].sort((a, b) => b.coverage - a.coverage)[0]!;
    expect(first).toBe(best.id);
    expect(await page.locator('th[aria-sort="descending"]').count()).toBe(1);
    await context.close();
  });

  it('colours units by coverage class in map mode; rows and map units select each other', async () => {
    const { page, context } = await newPage(browser);
    await openCoverage(page);
    await page.getByRole('switch', { name: 'Tô màu bản đồ theo độ phủ' }).check();
    await waitForIdle(page);
    const base = engine();
    const meets = base.units.find((u) => u.slated && u.meets_target)!;
    const below = base.units.find((u) => u.slated && !u.meets_target && u.coverage < 0.6)!;
    const unitFeature = (id: string) => units.features.find((f) => f.properties!.code === id) as Feature<Polygon>;

    // Legend shows the class break at the target.
    await page.getByRole('tab', { name: 'Lớp bản đồ' }).click();
    expect(await page.locator('.legend-entry[data-layer="coverage"]').textContent()).toContain('> 80% (đạt mục tiêu)');
    await page.getByRole('tab', { name: 'Độ phủ quy hoạch chi tiết' }).click();

    // Pixels: a unit that meets the target is drawn in the top class colour, one far below is not.
    const classOf = async (id: string) => page.evaluate((code) => {
      const m = (window as any).__vy.map;
      const f = m.queryRenderedFeatures({ layers: ['coverage-fill'] }).find((q: any) => q.properties.id === code);
      return f?.properties.coverage_class;
    }, id);
    expect(await classOf(meets.id)).toBe(4);
    expect(await classOf(below.id)).toBeLessThan(4);
    // Sample away from plan outlines: the unit's label anchor is inside it; look for the class colour nearby.
    const p = await project(page, labelPoint(unitFeature(meets.id)).geometry.coordinates as [number, number]);
    const region = await screenshotRegion(page, p.x, p.y, 30);
    let found = false;
    for (let dx = -30; dx <= 30 && !found; dx += 3) for (let dy = -30; dy <= 30 && !found; dy += 3) {
      if (colorDistance(region.at(dx, dy), hexToRgb(coverageRamp[4])) < 12) found = true;
    }
    expect(found).toBe(true);

    // Row → map: frames the unit and outlines its counting plans.
    await page.locator(`tr[data-unit="${below.id}"] .row-button`).click();
    await waitForIdle(page);
    expect(await page.locator(`tr[data-unit="${below.id}"]`).getAttribute('aria-selected')).toBe('true');
    const focusedPlans = await page.evaluate(() => {
      const m = (window as any).__vy.map;
      return [...new Set(m.queryRenderedFeatures({ layers: ['coverage-plans'] }).filter((f: any) => f.properties.focused).map((f: any) => f.properties.plan_id))];
    });
    expect(focusedPlans.sort()).toEqual([...below.plan_ids].sort());
    const center = await page.evaluate(() => (window as any).__vy.map.getCenter().toArray());
    const [w, s, e, n] = (await import('@turf/turf')).bbox(unitFeature(below.id));
    expect(center[0]).toBeGreaterThan(w - 0.01);
    expect(center[0]).toBeLessThan(e + 0.01);
    expect(center[1]).toBeGreaterThan(s - 0.01);
    expect(center[1]).toBeLessThan(n + 0.01);

    // Map → row: clicking another unit selects its row.
    const lp = labelPoint(unitFeature(meets.id)).geometry.coordinates as [number, number];
    await page.evaluate((center) => (window as any).__vy.map.jumpTo({ center, zoom: 12.5 }), lp);
    await waitForIdle(page);
    const q = await project(page, lp);
    await page.mouse.click(q.x, q.y + 14);
    await page.locator(`tr[data-unit="${meets.id}"][aria-selected="true"]`).waitFor({ timeout: UI_TIMEOUT });
    await context.close();
  });

  it('exports the table as a UTF-8 CSV with BOM, in table order, with the options used', async () => {
    const { page, context } = await newPage(browser);
    await openCoverage(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Xuất CSV' }).click()]);
    const path = await download.path();
    const text = readFileSync(path!, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain('detailed');
    expect(text).toContain('approved');
    expect(text).toContain('> 80%');
    // Issue 11: the first line names the register counted, and says it is demonstration data; then the
    // options; then that the 2021 boundaries are schematic.
    const lines = text.slice(1).split(/\r?\n/);
    expect(lines[0]).toBe('# Sổ quy hoạch: sổ trình diễn — DỮ LIỆU TRÌNH DIỄN (giả định) — không phải số liệu thật');
    expect(lines[1]).toMatch(/^# Cấp quy hoạch: detailed/);
    expect(lines[2]).toContain('ranh giới xã 2021 là sơ đồ');
    const tableOrder = await page.locator('.coverage-table tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-unit')));
    // Data rows: after the '#' comment lines and the header.
    const csvIds = lines.filter((l) => l && !l.startsWith('#')).slice(1).map((l) => l.split(',')[0]);
    expect(csvIds).toEqual(tableOrder);
    const nenhLine = text.split(/\r?\n/).find((l) => l.startsWith('07795,'))!;
    expect(nenhLine).toContain('Nếnh');
    await context.close();
  });
});
