// Issue 13 through the file chooser: an AutoCAD DXF register (VN-2000 metres, no CRS) imports after
// the user confirms EPSG:9214 and replaces the demonstration register for coverage; a GeoPackage with
// two tables lets the user choose the table (SQLite runs as WebAssembly served by the app itself);
// a .dwg is refused with the way out, in Vietnamese.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import type { FeatureCollection } from 'geojson';
import { importFile } from '../../src/import';
import { computeCoverage } from '../../src/coverage';
import { launch, newPage, openApp, waitForIdle, baseUrl, UI_TIMEOUT } from './browser';

const DXF = 'tests/fixtures/import/plans-9214.dxf';
const GPKG = 'tests/fixtures/import/plans-units-9214.gpkg';
const DWG = 'tests/fixtures/import/bad-formats/drawing.dwg';
const units = JSON.parse(readFileSync('geodata/units-2021.geojson', 'utf8')) as FeatureCollection;
const district = JSON.parse(readFileSync('geodata/district.geojson', 'utf8'));
const pctVi = (x: number) => `${(x * 100).toFixed(1).replace('.', ',')}%`;

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

describe('DXF and GeoPackage through the file chooser', () => {
  it('a DXF register: EPSG:9214 proposed and confirmed, read as a plan register, coverage follows it', async () => {
    const { page, context, rec } = await newPage(browser);
    await openApp(page);
    await openData(page);
    await page.getByTestId('import-input').setInputFiles(DXF);
    const item = page.getByTestId('pending-import');
    await expect.poll(() => item.getByTestId('import-crs').textContent(), { timeout: UI_TIMEOUT }).toContain('EPSG:9214');
    expect(await item.getByTestId('import-crs').textContent()).toContain('đoán từ tọa độ');
    expect(await item.textContent()).toContain('Tệp không ghi hệ tọa độ');
    // What was not read is said, in the UI language.
    expect(await item.textContent()).toContain('plans-9214.dxf: 9 polyline hở không được đọc');
    expect(await item.getByTestId('import-placement').textContent()).toContain('nằm trong khu vực Việt Yên');
    // Where it would land is drawn before anything is accepted.
    await waitForIdle(page);
    const previewed = () => page.evaluate(() => (window as any).__vy.map.queryRenderedFeatures({ layers: ['preview-fill'] }).length as number);
    await expect.poll(previewed, { timeout: UI_TIMEOUT }).toBeGreaterThan(0);

    // Confirm the proposed CRS.
    await item.getByRole('combobox', { name: /Hệ tọa độ của tệp/ }).selectOption('EPSG:9214');
    await expect.poll(() => item.getByTestId('import-crs').textContent(), { timeout: UI_TIMEOUT }).toContain('do bạn chọn');
    await expect.poll(() => item.textContent(), { timeout: UI_TIMEOUT }).not.toContain('Tệp không ghi hệ tọa độ');

    // A drawing has no level/status fields: the user says it is a plan register; names come from the texts.
    await item.getByRole('radio', { name: /Sổ quy hoạch/ }).check();
    const nameField = item.getByRole('combobox', { name: /Tên quy hoạch/ });
    await expect.poll(() => nameField.inputValue(), { timeout: UI_TIMEOUT }).toBe('text');
    await expect.poll(() => item.textContent(), { timeout: UI_TIMEOUT }).toContain('73 đối tượng sẵn sàng');
    await item.getByRole('button', { name: 'Thêm vào bản đồ' }).click();
    await item.waitFor({ state: 'detached' });

    const r = importFile({ name: 'plans-9214.dxf', bytes: readFileSync(DXF) }, { role: 'plans', crs: 'EPSG:9214', district });
    if (!r.ok) throw new Error(r.error);
    const exp = computeCoverage(units.features, r.collection.features, {});
    const unit = exp.units.find((u) => u.id === '07795')!;
    await page.getByRole('tab', { name: 'Độ phủ quy hoạch chi tiết' }).click();
    await expect.poll(() => page.locator('tr[data-unit="07795"] .pct').textContent(), { timeout: UI_TIMEOUT }).toBe(pctVi(unit.coverage));
    expect(await page.getByTestId('coverage-inputs').textContent()).toContain('plans-9214');
    expect(await page.locator('.demo-warning').count()).toBe(0);
    // A plan found by its name (the MTEXT inside its outline).
    const box = page.getByRole('combobox', { name: 'Tìm kiếm' });
    await box.fill('Bich Dong Hong Thai');
    // The search index is rebuilt after an import: Enter chooses once the plan is listed first.
    await expect.poll(() => page.getByRole('option').first().locator('.hit-name').textContent(), { timeout: UI_TIMEOUT })
      .toBe('QHCT 1/500 khu đô thị mới Bích Động – Hồng Thái');
    await box.press('Enter');
    await expect.poll(() => page.getByTestId('feature-card').locator('.feature-title').textContent(), { timeout: UI_TIMEOUT })
      .toBe('QHCT 1/500 khu đô thị mới Bích Động – Hồng Thái');
    expect(rec.consoleErrors).toEqual([]);
    expect(rec.pageErrors).toEqual([]);
    await context.close();
  }, 120_000);

  it('a GeoPackage with two tables: the table is chosen in the panel; SQLite comes from the app itself', async () => {
    const { page, context, rec } = await newPage(browser);
    await openApp(page);
    await openData(page);
    await page.getByTestId('import-input').setInputFiles(GPKG);
    const item = page.getByTestId('pending-import');
    await expect.poll(() => item.getByTestId('import-crs').textContent(), { timeout: UI_TIMEOUT }).toContain('EPSG:9214');
    expect(await item.getByTestId('import-crs').textContent()).toContain('theo GeoPackage');
    const table = item.getByTestId('import-layer');
    expect(await table.locator('option').allTextContents()).toEqual(['so_quy_hoach', 'ranh_gioi_xa']);
    expect(await table.inputValue()).toBe('so_quy_hoach');
    expect(await item.textContent()).toContain('có 2 bảng đối tượng (so_quy_hoach, ranh_gioi_xa); đã đọc "so_quy_hoach"');
    expect(await item.textContent()).toContain('73 đối tượng sẵn sàng');
    expect(await item.getByRole('radio', { name: /Sổ quy hoạch/ }).isChecked()).toBe(true);

    await table.selectOption('ranh_gioi_xa');
    await expect.poll(() => item.textContent(), { timeout: UI_TIMEOUT }).toContain('17 đối tượng sẵn sàng');
    expect(await table.inputValue()).toBe('ranh_gioi_xa');
    expect(await item.textContent()).not.toContain('có 2 bảng đối tượng');
    await item.getByRole('radio', { name: /Lớp tham khảo/ }).check();
    await expect.poll(() => item.getByRole('button', { name: 'Thêm vào bản đồ' }).isEnabled(), { timeout: UI_TIMEOUT }).toBe(true);
    await item.getByRole('button', { name: 'Thêm vào bản đồ' }).click();
    await item.waitFor({ state: 'detached' });
    await page.getByRole('tab', { name: 'Lớp bản đồ' }).click();
    await expect.poll(() => page.locator('.legend-group[data-group="imported"] .legend-entry').count(), { timeout: UI_TIMEOUT }).toBe(1);

    // The SQLite WebAssembly was loaded from the app's own origin; nothing from another host.
    const origin = new URL(baseUrl()).origin;
    expect(rec.requests.some((u) => u.startsWith(origin) && u.endsWith('.wasm'))).toBe(true);
    expect(rec.requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:'))).toEqual([]);
    expect(rec.consoleErrors).toEqual([]);
    expect(rec.pageErrors).toEqual([]);
    await context.close();
  }, 120_000);

  it('a .dwg is refused with the way out (save as DXF), in Vietnamese and in English', async () => {
    const { page, context } = await newPage(browser);
    await openApp(page);
    await openData(page);
    await page.getByTestId('import-input').setInputFiles(DWG);
    await expect.poll(() => page.getByTestId('import-error').textContent(), { timeout: UI_TIMEOUT })
      .toBe('drawing.dwg: không đọc trực tiếp được bản vẽ .dwg. Lưu bản vẽ dưới dạng DXF trong AutoCAD rồi mở lại');
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.getByTestId('import-error').textContent(), { timeout: UI_TIMEOUT })
      .toBe('drawing.dwg: .dwg drawings cannot be read. Save the drawing as DXF in AutoCAD and open it again');
    await context.close();
  });
});
