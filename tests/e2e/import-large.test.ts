// Large registers take the Blob path (features never copied to the page): coverage is computed on
// all of them in the worker, the map draws all of them from vector tiles cut in the tile worker,
// they survive a reload, and export gives them all back.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import { computeCoverage } from '../../src/coverage';
import { launch, newPage, openApp, waitForIdle } from './browser';

const units = JSON.parse(readFileSync('geodata/units-2021.geojson', 'utf8')) as FeatureCollection;
const pctVi = (x: number) => `${(x * 100).toFixed(1).replace('.', ',')}%`;

/** 6,000 small square plots (≈ 30 m) on a grid over Nếnh and around: more than the Blob threshold. */
function register(): FeatureCollection<Polygon> {
  const features: Feature<Polygon>[] = [];
  const d = 0.0003;
  for (let i = 0; i < 6000; i++) {
    const x = 106.095 + (i % 100) * 0.0005;
    const y = 21.228 + Math.floor(i / 100) * 0.0005;
    features.push({
      type: 'Feature',
      properties: { ma_qh: `L-${i}`, ten_qh: `Lô ${i}`, cap_qh: '1/500', trang_thai: 'Đã phê duyệt' },
      geometry: { type: 'Polygon', coordinates: [[[x, y], [x + d, y], [x + d, y + d], [x, y + d], [x, y]]] },
    });
  }
  return { type: 'FeatureCollection', features };
}

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('a large plan register', () => {
  it('counts every plan for coverage, draws them, survives a reload and exports them all', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vy-large-'));
    const file = join(dir, 'so-lon.geojson');
    const fc = register();
    writeFileSync(file, JSON.stringify(fc));
    const expected = computeCoverage(units.features, fc.features.map((f) => ({ ...f, properties: { id: f.properties!.ma_qh, level: 'detailed', status: 'approved' } })), {});
    const nenh = expected.units.find((u) => u.id === '07795')!;
    expect(nenh.coverage).toBeGreaterThan(0.05);

    const { page, context, rec } = await newPage(browser);
    await openApp(page);
    await page.getByRole('tab', { name: 'Dữ liệu của tôi' }).click();
    await page.getByTestId('import-input').setInputFiles(file);
    const add = page.getByRole('button', { name: 'Thêm vào bản đồ' });
    await add.waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('pending-import').textContent()).toContain('6000');
    await add.click();
    await page.getByRole('tab', { name: 'Độ phủ quy hoạch chi tiết' }).click();
    const nenhPct = () => page.locator('tr[data-unit="07795"] .pct').textContent();
    await expect.poll(nenhPct, { timeout: 30_000 }).toBe(pctVi(nenh.coverage));
    await waitForIdle(page);
    const drawn = await page.evaluate(() => {
      const m = (window as any).__vy.map;
      const ids = m.getStyle().layers.map((l: any) => l.id).filter((id: string) => id.startsWith('import-') && id.endsWith('-fill'));
      return new Set(m.querySourceFeatures(ids[0].replace(/-fill$/, ''), { sourceLayer: 'features' }).map((f: any) => f.properties.id)).size;
    });
    expect(drawn).toBeGreaterThan(2000); // more than the in-page preview holds

    await page.reload();
    await waitForIdle(page);
    await page.getByRole('tab', { name: 'Độ phủ quy hoạch chi tiết' }).click();
    await expect.poll(nenhPct, { timeout: 30_000 }).toBe(pctVi(nenh.coverage));
    // The in-page preview (kept as GeoJSON text) comes back too: search finds its features.
    const box = page.getByRole('combobox', { name: 'Tìm kiếm' });
    await box.fill('Lô 1999');
    await expect.poll(() => page.getByRole('option').first().locator('.hit-name').textContent(), { timeout: 30_000 }).toBe('Lô 1999');

    await page.getByRole('tab', { name: 'Lớp bản đồ' }).click();
    const entry = page.locator('.legend-group[data-group="imported"] .legend-entry');
    const [download] = await Promise.all([page.waitForEvent('download'), entry.getByRole('button', { name: /^Xuất GeoJSON/ }).click()]);
    const exported = JSON.parse(readFileSync((await download.path())!, 'utf8')) as FeatureCollection;
    expect(exported.features).toHaveLength(6000);
    expect(exported.features[5999]!.properties!.name).toBe('Lô 5999');
    expect(rec.consoleErrors).toEqual([]);
    await context.close();
  });
});
