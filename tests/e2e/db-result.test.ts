// Issue 17 in the browser: a coverage result computed outside the browser (as `npm run coverage --
// --db … --format json` writes it for a province's register in PostGIS) is opened through the
// file chooser together with the province's units file, and the panel and the choropleth show
// all 99 units without the register in the browser; a button goes back to the live engine.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { computeCoverage } from '../../src/coverage/engine';
import { provincePlans, provinceUnits } from '../../src/coverage/synthetic-province';
import { launch, newPage, openApp, waitForIdle, UI_TIMEOUT } from './browser';

const tmp = mkdtempSync(join(tmpdir(), 'vy-db-result-'));
const units = provinceUnits();
// The same shape the database runner prints (its agreement with the engine is tested in tests/unit/db).
const result = computeCoverage(units, provincePlans(300));
const UNITS_FILE = join(tmp, 'bac-ninh-units.geojson');
const RESULT_FILE = join(tmp, 'bac-ninh-coverage.json');
writeFileSync(UNITS_FILE, JSON.stringify({ type: 'FeatureCollection', features: units }));
writeFileSync(RESULT_FILE, JSON.stringify(result, null, 2));

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const coverageTab = (page: Page) => page.getByRole('tab', { name: 'Độ phủ quy hoạch chi tiết' });
const rows = (page: Page) => page.locator('.coverage-table tbody tr[data-unit]');

describe('a coverage result from a database', () => {
  it('shows 99 province units in the panel and on the map, then goes back to the live engine', async () => {
    const { page, rec } = await newPage(browser);
    await openApp(page);
    await coverageTab(page).click();
    await expect.poll(() => rows(page).count(), { timeout: UI_TIMEOUT }).toBe(17);

    // The province's units, as an ordinary layer (their ids are what the result names).
    await page.getByRole('tab', { name: 'Dữ liệu của tôi' }).click();
    await page.getByTestId('import-input').setInputFiles(UNITS_FILE);
    const item = page.getByTestId('pending-import');
    await item.getByRole('button', { name: 'Thêm vào bản đồ' }).waitFor({ timeout: UI_TIMEOUT });
    await item.getByRole('button', { name: 'Thêm vào bản đồ' }).click();
    await item.waitFor({ state: 'detached' });

    // The result file: recognised as a coverage result, not imported as a layer.
    await page.getByTestId('import-input').setInputFiles(RESULT_FILE);
    const note = page.getByTestId('external-result');
    await note.waitFor({ timeout: UI_TIMEOUT });
    expect(await note.textContent()).toContain('Kết quả tính từ cơ sở dữ liệu: bac-ninh-coverage.json');
    expect(await page.getByTestId('external-units').textContent()).toContain('bac-ninh-units (99/99 đơn vị khớp mã)');
    await expect.poll(() => rows(page).count(), { timeout: UI_TIMEOUT }).toBe(99);
    expect(await page.getByTestId('coverage-inputs').textContent()).toContain('bac-ninh-coverage.json · Ranh giới đơn vị: bac-ninh-units');
    expect(await page.locator('.demo-warning').count()).toBe(0);
    const s = result.totals.slated;
    expect(await page.getByTestId('coverage-headline').textContent()).toBe(`${s.units_meeting_target}/${s.units} đơn vị dự kiến lên phường đạt mục tiêu trên 80%`);
    const u = result.units.find((x) => x.coverage > 0.05)!;
    expect(await page.locator(`tr[data-unit="${u.id}"] .pct`).textContent()).toBe(`${(u.coverage * 100).toFixed(1).replace('.', ',')}%`);
    // The result's own options: shown, not editable.
    expect(await page.locator('.coverage-panel fieldset.filters input').first().isDisabled()).toBe(true);
    expect(await page.getByTestId('pending-import').count()).toBe(0);

    // The choropleth from the result's unit ids, on the province's boundaries.
    await waitForIdle(page);
    await page.evaluate(() => (window as any).__vy.map.fitBounds([[105.9, 21.0], [106.3, 21.3]], { animate: false }));
    await waitForIdle(page);
    const drawn = await page.evaluate(() => {
      const m = (window as any).__vy.map;
      return [...new Set(m.queryRenderedFeatures({ layers: ['coverage-fill'] }).map((f: any) => f.properties.id))];
    });
    expect(drawn.length).toBeGreaterThan(80);
    expect(drawn.every((id) => /^BN\d\d$/.test(String(id)))).toBe(true);

    // Back to the live engine: the bundled 17 units again.
    await page.getByRole('button', { name: 'Quay lại tính trực tiếp' }).click();
    await note.waitFor({ state: 'detached' });
    await expect.poll(() => rows(page).count(), { timeout: UI_TIMEOUT }).toBe(17);
    expect(rec.pageErrors).toEqual([]);
  });

  it('refuses a damaged result file with a message and changes nothing', async () => {
    const bad = join(tmp, 'broken-result.json');
    writeFileSync(bad, JSON.stringify({ ...result, units: [{ ...result.units[0], coverage: 7 }] }));
    const { page } = await newPage(browser);
    await openApp(page);
    await page.getByRole('tab', { name: 'Dữ liệu của tôi' }).click();
    await page.getByTestId('import-input').setInputFiles(bad);
    await expect.poll(() => page.getByTestId('import-error').textContent(), { timeout: UI_TIMEOUT })
      .toContain('broken-result.json: not a usable coverage result: unit 0 (BN01) has a coverage outside 0–1');
    await coverageTab(page).click();
    expect(await page.getByTestId('external-result').count()).toBe(0);
  });
});
