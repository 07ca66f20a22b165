// Issue 11, the resolution's own measures: the targets table lists every target with an actual or
// "no published figure", its detailed-plan row follows the live engine and the register in use,
// the 938 milestone switches the map to 2024 and highlights the nine, the criteria table flags
// Tăng Tiến's area.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import type { FeatureCollection } from 'geojson';
import { computeCoverage } from '../../src/coverage';
import type { ResolutionFile } from '../../src/resolution/types';
import { launch, newPage, openApp, waitForIdle, UI_TIMEOUT } from './browser';

const resolution = JSON.parse(readFileSync('geodata/resolution.json', 'utf8')) as ResolutionFile;
const units = JSON.parse(readFileSync('geodata/units-2021.geojson', 'utf8')) as FeatureCollection;
const plans = JSON.parse(readFileSync('geodata/plans-demo.geojson', 'utf8')) as FeatureCollection;
const TANG_TIEN = units.features.find((f) => f.properties?.['name'] === 'Tăng Tiến')!.properties!['id'] as string;
const pctVi = (x: number) => `${(x * 100).toFixed(1).replace('.', ',')} %`;

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function openResolution(page: Page) {
  await openApp(page);
  await page.getByRole('tab', { name: 'Nghị quyết' }).click();
  await page.getByTestId('targets-table').waitFor();
}
const liveCell = (page: Page) => page.locator('tr[data-target="detailed-plans"] td').nth(1);

describe('resolution view', () => {
  it('lists every target with its latest actual or "no published figure", and a status', async () => {
    const { page, context, rec } = await newPage(browser, { width: 1366, height: 900 });
    await openResolution(page);
    for (const target of resolution.targets) {
      const row = page.locator(`tr[data-target="${target.id}"]`);
      expect(await row.locator('th').textContent()).toBe(target.label.vi);
      const actual = (await row.locator('td').nth(1).textContent()) ?? '';
      if (target.computed) continue; // checked below against the engine
      if (target.actuals.length === 0) expect(actual, target.id).toBe('chưa có số liệu công bố');
      else expect(actual, target.id).toContain(`(${Math.max(...target.actuals.map((a) => a.year))})`);
      if (target.actuals.length === 0) expect(await row.getAttribute('data-status'), target.id).toBe('no_figure');
      expect(['Đạt', 'Chưa đạt', 'Chưa có số liệu']).toContain((await row.locator('.status').textContent())?.trim());
    }
    expect(rec.consoleErrors).toEqual([]);
    await context.close();
  });

  it('the detailed-plan row takes the live coverage of the nine and names the register; it changes with the register', async () => {
    const { page, context } = await newPage(browser, { width: 1366, height: 900 });
    await openResolution(page);
    const demo = computeCoverage(units.features, plans.features, {});
    await expect.poll(() => page.getByTestId('live-coverage').textContent(), { timeout: UI_TIMEOUT }).toBe(pctVi(demo.totals.slated.coverage));
    expect(await liveCell(page).textContent()).toContain('Tính trực tiếp trên: sổ trình diễn (dữ liệu trình diễn, không phải số liệu thật)');
    expect(await liveCell(page).textContent()).toContain(`${demo.totals.slated.units_meeting_target}/9 đơn vị trên 80 %`);
    // Without the demonstration register, coverage is computed on no plan at all.
    await page.getByRole('button', { name: 'Mở bảng độ phủ' }).click();
    await expect.poll(() => page.getByRole('tab', { name: 'Độ phủ quy hoạch chi tiết' }).getAttribute('aria-selected')).toBe('true');
    await page.getByRole('checkbox', { name: 'Tính cả sổ quy hoạch trình diễn' }).uncheck();
    await page.getByRole('tab', { name: 'Nghị quyết' }).click();
    await expect.poll(() => page.getByTestId('live-coverage').textContent(), { timeout: UI_TIMEOUT }).toBe(pctVi(0));
    expect(await liveCell(page).textContent()).not.toContain('trình diễn');
    await context.close();
  });

  it('choosing the 938 milestone switches the map to 2024 and highlights the nine units it names', async () => {
    const { page, context } = await newPage(browser, { width: 1366, height: 900 });
    await openResolution(page);
    const m = resolution.milestones.find((x) => x.document === '938/NQ-UBTVQH15' && x.period === '2024')!;
    expect(m.units).toHaveLength(9);
    await page.locator(`li[data-milestone="${m.id}"] button`).click();
    await expect.poll(() => page.getByRole('radio', { name: /2024/ }).isChecked(), { timeout: UI_TIMEOUT }).toBe(true);
    await expect.poll(() => page.url()).toContain('period=2024');
    await waitForIdle(page);
    const highlighted = await page.evaluate(() =>
      [...new Set((window as any).__vy.map.queryRenderedFeatures({ layers: ['selection-fill'] }).map((f: any) => String(f.properties.id)))].sort(),
    );
    expect(highlighted).toEqual([...m.units].sort());
    expect(await page.locator('.milestone-shown').textContent()).toContain('9 đơn vị được tô đậm');
    // Cleared: nothing highlighted.
    await page.getByRole('button', { name: 'Bỏ chọn mốc' }).click();
    await waitForIdle(page);
    expect(await page.evaluate(() => (window as any).__vy.map.queryRenderedFeatures({ layers: ['selection-fill'] }).length)).toBe(0);
    await context.close();
  });

  it('the criteria table flags Tăng Tiến\'s area below 5.5 km² with what the sources say', async () => {
    const { page, context } = await newPage(browser, { width: 1366, height: 900 });
    await openResolution(page);
    const row = page.locator(`[data-testid="criteria-table"] tr[data-unit="${TANG_TIEN}"]`);
    await row.scrollIntoViewIfNeeded();
    const area = row.locator('td[data-outcome]').first();
    expect(await area.getAttribute('data-outcome')).toBe('below');
    expect(await area.locator('.flag').isVisible()).toBe(true);
    expect(await area.textContent()).toContain('4,79');
    expect(await row.locator('th').textContent()).toContain('chưa tìm thấy nguồn');
    // A unit with no published figure shows the gap, not a number.
    const missing = resolution.unit_figures.find((u) => u.area_km2.value === null)!;
    expect(await page.locator(`[data-testid="criteria-table"] tr[data-unit="${missing.unit_id}"] td[data-outcome]`).first().textContent()).toBe('chưa có số liệu công bố');
    await context.close();
  });
});

describe('the resolution in presenter mode', () => {
  it('scene 1 shows the targets over the map; the last scene shows the timeline', async () => {
    const { page, context } = await newPage(browser, { width: 1920, height: 1080 });
    await openApp(page, '?present=1&deck=default');
    const panel = page.locator('.scene-panel[data-panel="targets"]');
    await panel.waitFor({ timeout: UI_TIMEOUT });
    expect(await panel.isVisible()).toBe(true);
    await panel.getByTestId('targets-table').waitFor({ timeout: UI_TIMEOUT });
    for (const target of resolution.targets.slice(0, 3)) expect(await panel.textContent()).toContain(target.label.vi);
    expect(await panel.locator('tr[data-target="detailed-plans"]').textContent()).toContain('dữ liệu trình diễn');
    await page.keyboard.press('End');
    const timeline = page.locator('.scene-panel[data-panel="timeline"]');
    await timeline.waitFor({ timeout: UI_TIMEOUT });
    expect(await timeline.locator('li[data-milestone="thi-xa"]').textContent()).toContain('01/02/2024');
    expect(await page.locator('.scene-panel[data-panel="targets"]').count()).toBe(0);
    await context.close();
  });
});
