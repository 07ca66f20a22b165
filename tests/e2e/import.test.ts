// Issue 7 through the file chooser: a VN-2000 plan register replaces the demonstration one for
// coverage, survives a reload and goes away when removed; bad files change nothing; property
// values are shown as text; an exported layer re-imports to the same features.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { FeatureCollection } from 'geojson';
import { importFile } from '../../src/import';
import { nodeXmlParser } from '../../src/import/node-xml';
import { computeCoverage } from '../../src/coverage';
import { launch, newPage, openApp, waitForIdle, baseUrl, UI_TIMEOUT } from './browser';

const REGISTER = 'tests/fixtures/import/register-9214.zip';
const units = JSON.parse(readFileSync('geodata/units-2021.geojson', 'utf8')) as FeatureCollection;
const district = JSON.parse(readFileSync('geodata/district.geojson', 'utf8'));
const pctVi = (x: number) => `${(x * 100).toFixed(1).replace('.', ',')}%`;
const tmp = mkdtempSync(join(tmpdir(), 'vy-import-'));

function expectedCoverage() {
  const r = importFile({ name: 'register-9214.zip', bytes: readFileSync(REGISTER) }, { role: 'plans', xmlParser: nodeXmlParser(), district });
  if (!r.ok) throw new Error(r.error);
  return computeCoverage(units.features, r.collection.features, {});
}

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function openData(page: Page) {
  await page.getByRole('tab', { name: 'Dữ liệu của tôi' }).click();
}
const headline = (page: Page) => page.getByTestId('coverage-headline').textContent();
/** Imported layers kept in IndexedDB ('viet-yen', store 'layers'); never creates the database. */
const storedLayerCount = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const req = indexedDB.open('viet-yen');
        req.onupgradeneeded = () => req.transaction?.abort();
        req.onerror = () => resolve(-1);
        req.onsuccess = () => {
          const d = req.result;
          if (!d.objectStoreNames.contains('layers')) return (d.close(), resolve(0));
          const c = d.transaction('layers', 'readonly').objectStore('layers').count();
          c.onsuccess = () => (d.close(), resolve(c.result));
          c.onerror = () => (d.close(), resolve(-1));
        };
      }),
  );

describe('importing a planner\'s own register', () => {
  it('VN-2000 Shapefile → coverage changes to the expected values → reload → still there → remove → gone', async () => {
    const { page, context, rec } = await newPage(browser);
    await openApp(page);
    await page.getByRole('tab', { name: 'Độ phủ quy hoạch chi tiết' }).click();
    await page.getByTestId('coverage-headline').filter({ hasText: 'đạt mục tiêu' }).waitFor();
    const before = await page.locator('tr[data-unit="07795"] .pct').textContent();

    await openData(page);
    await page.getByTestId('import-input').setInputFiles(REGISTER);
    const item = page.getByTestId('pending-import');
    await item.getByRole('button', { name: 'Thêm vào bản đồ' }).waitFor();
    await expect.poll(() => item.getByTestId('import-crs').textContent(), { timeout: UI_TIMEOUT }).toContain('EPSG:9214');
    expect(await item.getByTestId('import-crs').textContent()).toContain('theo tệp .prj');
    expect(await item.getByRole('radio', { name: /Sổ quy hoạch/ }).isChecked()).toBe(true);
    expect(await item.getByTestId('import-placement').textContent()).toContain('nằm trong khu vực Việt Yên');
    await item.getByRole('button', { name: 'Thêm vào bản đồ' }).click();
    await item.waitFor({ state: 'detached' });

    const exp = expectedCoverage();
    const nenh = exp.units.find((u) => u.id === '07795')!;
    await page.getByRole('tab', { name: 'Độ phủ quy hoạch chi tiết' }).click();
    await expect.poll(() => page.locator('tr[data-unit="07795"] .pct').textContent(), { timeout: UI_TIMEOUT }).toBe(pctVi(nenh.coverage));
    expect(pctVi(nenh.coverage)).not.toBe(before);
    expect(await headline(page)).toBe(`${exp.totals.slated.units_meeting_target}/9 đơn vị dự kiến lên phường đạt mục tiêu trên 80%`);
    expect(await page.getByTestId('coverage-inputs').textContent()).toContain('register-9214');
    expect(await page.locator('.demo-warning').count()).toBe(0);
    // Drawn on the map.
    await waitForIdle(page);
    const drawn = await page.evaluate(() => {
      const m = (window as any).__vy.map;
      const ids = m.getStyle().layers.map((l: any) => l.id).filter((id: string) => id.startsWith('import-') && id.endsWith('-fill'));
      return m.queryRenderedFeatures({ layers: ids }).length;
    });
    expect(drawn).toBeGreaterThan(0);

    await page.reload();
    await waitForIdle(page);
    await page.getByRole('tab', { name: 'Lớp bản đồ' }).click();
    const legendEntry = page.locator('.legend-group[data-group="imported"] .legend-entry');
    await expect(legendEntry.count()).resolves.toBe(1);
    await page.getByRole('tab', { name: 'Độ phủ quy hoạch chi tiết' }).click();
    await expect.poll(() => page.locator('tr[data-unit="07795"] .pct').textContent(), { timeout: UI_TIMEOUT }).toBe(pctVi(nenh.coverage));

    await page.getByRole('tab', { name: 'Lớp bản đồ' }).click();
    await legendEntry.getByRole('button', { name: /^Xóa lớp/ }).click();
    await expect(legendEntry.count()).resolves.toBe(0);
    // The removal reaches IndexedDB asynchronously: reload once it has (a condition, not a pause).
    await expect.poll(() => storedLayerCount(page), { timeout: UI_TIMEOUT }).toBe(0);
    await page.reload();
    await waitForIdle(page);
    await expect(page.locator('.legend-group[data-group="imported"]').count()).resolves.toBe(0);
    expect(rec.consoleErrors).toEqual([]);
    await context.close();
  });

  it('a metric file without a CRS is previewed with EPSG:9214 proposed; a broken file is rejected and nothing changes', async () => {
    const { page, context } = await newPage(browser);
    await openApp(page);
    await openData(page);
    await page.getByTestId('import-input').setInputFiles('tests/fixtures/import/plans-9214-noprj.zip');
    const item = page.getByTestId('pending-import');
    await expect.poll(() => item.getByTestId('import-crs').textContent(), { timeout: UI_TIMEOUT }).toContain('EPSG:9214');
    expect(await item.getByTestId('import-crs').textContent()).toContain('đoán từ tọa độ');
    expect(await item.textContent()).toContain('Tệp không ghi hệ tọa độ');
    // Where it would land is drawn on the map before accepting, and goes away on cancel.
    const previewed = () => page.evaluate(() => (window as any).__vy.map.queryRenderedFeatures({ layers: ['preview-fill'] }).length as number);
    await waitForIdle(page);
    await expect.poll(previewed, { timeout: UI_TIMEOUT }).toBeGreaterThan(0);
    await item.getByRole('button', { name: 'Hủy' }).click();
    await expect(item.count()).resolves.toBe(0);
    await waitForIdle(page);
    await expect.poll(previewed, { timeout: UI_TIMEOUT }).toBe(0);

    const bad = join(tmp, 'hong.geojson');
    writeFileSync(bad, '{"type": "FeatureCollection", "features": [');
    await page.getByTestId('import-input').setInputFiles(bad);
    await expect.poll(() => page.getByTestId('import-error').textContent(), { timeout: UI_TIMEOUT }).toContain('hong.geojson');
    expect(await page.locator('.legend-group[data-group="imported"]').count()).toBe(0);
    await page.getByRole('tab', { name: 'Độ phủ quy hoạch chi tiết' }).click();
    expect(await page.locator('.demo-warning').count()).toBe(1);
    await context.close();
  });

  it('shows property values only as text (no script, no request), and export → import gives back the features', async () => {
    const { page, context, rec } = await newPage(browser);
    let dialogs = 0;
    page.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });
    await openApp(page);
    await openData(page);
    const evil = '<img src=x onerror=alert(1)>';
    const file = join(tmp, 'overlay.geojson');
    const fc = {
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: { id: 'x1', name: evil, ghi_chu: 'Khu vực thử nghiệm' }, geometry: { type: 'Polygon', coordinates: [[[106.1, 21.27], [106.11, 21.27], [106.11, 21.28], [106.1, 21.28], [106.1, 21.27]]] } }],
    };
    writeFileSync(file, JSON.stringify(fc));
    await page.getByTestId('import-input').setInputFiles(file);
    const item = page.getByTestId('pending-import');
    await item.getByRole('button', { name: 'Thêm vào bản đồ' }).click();
    await item.waitFor({ state: 'detached' });
    // Find it and open its info.
    const box = page.getByRole('combobox', { name: 'Tìm kiếm' });
    await box.fill('img src');
    // The search index is rebuilt after an import: Enter chooses once the feature is listed.
    await expect.poll(() => page.getByRole('option').first().locator('.hit-name').textContent(), { timeout: UI_TIMEOUT }).toBe(evil);
    await box.press('Enter');
    await expect(page.getByTestId('feature-card').locator('.feature-title').textContent()).resolves.toBe(evil);
    expect(await page.locator('.feature-card img').count()).toBe(0);
    expect(dialogs).toBe(0);
    const origin = new URL(baseUrl()).origin;
    expect(rec.requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:'))).toEqual([]);

    await page.getByRole('tab', { name: 'Lớp bản đồ' }).click();
    const entry = page.locator('.legend-group[data-group="imported"] .legend-entry');
    const [download] = await Promise.all([page.waitForEvent('download'), entry.getByRole('button', { name: /^Xuất GeoJSON/ }).click()]);
    const exported = readFileSync((await download.path())!);
    const again = importFile({ name: 'again.geojson', bytes: exported }, { role: 'overlay' });
    expect(again.ok).toBe(true);
    if (again.ok) {
      expect(again.collection.features.map((f) => f.properties)).toEqual(fc.features.map((f) => f.properties));
      expect(again.collection.features[0]!.geometry).toEqual(fc.features[0]!.geometry);
    }
    await context.close();
  });

  it('when the browser refuses storage, says so and keeps the layer for the session', async () => {
    const { page, context } = await newPage(browser);
    // Private mode / blocked storage: every IndexedDB open fails.
    await page.addInitScript(() => {
      Object.defineProperty(window, 'indexedDB', {
        value: { open: () => { throw new DOMException('The user denied permission to access the database.', 'SecurityError'); } },
      });
    });
    await openApp(page);
    await openData(page);
    await page.getByTestId('import-input').setInputFiles(REGISTER);
    const item = page.getByTestId('pending-import');
    await item.getByRole('button', { name: 'Thêm vào bản đồ' }).click();
    await expect.poll(() => page.locator('.import-panel .warning').first().textContent(), { timeout: UI_TIMEOUT }).toContain('Không lưu được vào trình duyệt');
    await page.getByRole('tab', { name: 'Lớp bản đồ' }).click();
    await expect(page.locator('.legend-group[data-group="imported"] .legend-entry').count()).resolves.toBe(1);
    await context.close();
  });
});
