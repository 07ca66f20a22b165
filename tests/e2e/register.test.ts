// Issue 13, the register flow through the file chooser: a register with only id/ten is accepted as
// approved detailed plans and changes its unit's coverage to the value computed here; removing it
// brings every unit back without a reload (and can be undone); the coverage options live in the
// URL, so a reload and a shared link keep a 70% target with zoning plans counted.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import type { FeatureCollection } from 'geojson';
import { computeCoverage } from '../../src/coverage';
import { launch, newPage, openApp, waitForIdle, waitForPanel, baseUrl, UI_TIMEOUT } from './browser';

const units = JSON.parse(readFileSync('geodata/units-2021.geojson', 'utf8')) as FeatureCollection;
const demo = JSON.parse(readFileSync('geodata/plans-demo.geojson', 'utf8')) as FeatureCollection;
const pctVi = (x: number) => `${(x * 100).toFixed(1).replace('.', ',')}%`;
const BICH_DONG = '07777';

// Three rectangles in Bích Động, as a planner keeps them: only id and ten.
const rect = (x: number, y: number, w: number, h: number) => [[[x, y], [x + w, y], [x + w, y + h], [x, y + h], [x, y]]];
const register: FeatureCollection = {
  type: 'FeatureCollection',
  features: [0, 1, 2].map((i) => ({
    type: 'Feature',
    properties: { id: `qh-${i + 1}`, ten: `Khu ${i + 1}` },
    geometry: { type: 'Polygon', coordinates: rect(106.088 + i * 0.006, 21.283, 0.005, 0.004) },
  })),
};

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const rowPct = (page: Page, id: string) => page.locator(`tr[data-unit="${id}"] .pct`).textContent();
async function openCoverage(page: Page) {
  await page.getByRole('tab', { name: 'Độ phủ quy hoạch chi tiết' }).click();
  await page.getByTestId('coverage-headline').filter({ hasText: 'đạt mục tiêu' }).waitFor();
}

describe('a planner\'s register as it comes', () => {
  it('only id/ten → approved detailed plans; its unit\'s coverage is the engine\'s; removal restores every unit, undo brings it back', async () => {
    const { page, context, rec } = await newPage(browser);
    await openApp(page);
    await openCoverage(page);
    const before = await page.locator('.coverage-table tbody tr .pct').allTextContents();
    expect(await rowPct(page, BICH_DONG)).toBe(pctVi(computeCoverage(units.features, demo.features, {}).units.find((u) => u.id === BICH_DONG)!.coverage));

    await page.getByRole('tab', { name: 'Dữ liệu của tôi' }).click();
    await page.getByTestId('import-input').setInputFiles({ name: 'so-quy-hoach.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify(register)) });
    const item = page.getByTestId('pending-import');
    await item.getByRole('button', { name: 'Thêm vào bản đồ' }).waitFor();
    await item.getByRole('radio', { name: /Sổ quy hoạch/ }).check();
    await item.getByTestId('register-default').waitFor({ timeout: UI_TIMEOUT });
    expect(await item.getByTestId('register-default').textContent()).toContain('tính là QHCT đã phê duyệt');
    expect(await item.getByTestId('import-problems').count()).toBe(0);
    expect(await item.getByRole('button', { name: 'Thêm vào bản đồ' }).isEnabled()).toBe(true);
    await item.getByRole('button', { name: 'Thêm vào bản đồ' }).click();
    await item.waitFor({ state: 'detached' });

    // The register replaces the demonstration one: Bích Động is covered by the three plans alone.
    const mine = computeCoverage(units.features, register.features.map((f) => ({ ...f, properties: { ...f.properties, level: 'detailed', status: 'approved' } })), {});
    const expected = mine.units.find((u) => u.id === BICH_DONG)!.coverage;
    expect(expected).toBeGreaterThan(0);
    await openCoverage(page);
    await expect.poll(() => rowPct(page, BICH_DONG), { timeout: UI_TIMEOUT }).toBe(pctVi(expected));

    // Removed: every unit is back to what it was, at once.
    await page.getByRole('tab', { name: 'Lớp bản đồ' }).click();
    await page.getByRole('button', { name: /^Xóa lớp: so-quy-hoach/ }).click();
    await page.getByText('Đã xóa lớp “so-quy-hoach”.').waitFor({ timeout: UI_TIMEOUT });
    await openCoverage(page);
    await expect.poll(() => page.locator('.coverage-table tbody tr .pct').allTextContents(), { timeout: UI_TIMEOUT }).toEqual(before);

    // Undo brings it back (and its numbers).
    await page.getByRole('tab', { name: 'Lớp bản đồ' }).click();
    await page.getByRole('button', { name: 'Hoàn tác' }).click();
    await openCoverage(page);
    await expect.poll(() => rowPct(page, BICH_DONG), { timeout: UI_TIMEOUT }).toBe(pctVi(expected));
    expect(rec.pageErrors).toEqual([]);
    await context.close();
  });

  it('a 70% target with zoning plans counted survives a reload and a shared link', async () => {
    const { page, context } = await newPage(browser);
    await openApp(page);
    await openCoverage(page);
    await page.getByRole('checkbox', { name: 'Phân khu 1/2000' }).check();
    const target = page.getByRole('spinbutton', { name: 'Mục tiêu (%)' });
    await target.fill('70');
    await target.press('Enter');
    const want = computeCoverage(units.features, demo.features, { levels: ['detailed', 'zoning'], target: 0.7 });
    const headline = `${want.totals.slated.units_meeting_target}/9`;
    await page.getByTestId('coverage-headline').filter({ hasText: 'trên 70%' }).waitFor({ timeout: UI_TIMEOUT });
    await expect.poll(() => page.url()).toContain('levels=detailed,zoning');
    expect(page.url()).toContain('target=70');
    const link = page.url();

    const check = async (p: Page) => {
      await p.getByTestId('coverage-headline').filter({ hasText: 'trên 70%' }).waitFor({ timeout: UI_TIMEOUT });
      expect(await p.getByTestId('coverage-headline').textContent()).toContain(headline);
      expect(await p.getByRole('checkbox', { name: 'Phân khu 1/2000' }).isChecked()).toBe(true);
      expect(await p.getByRole('spinbutton', { name: 'Mục tiêu (%)' }).inputValue()).toBe('70');
    };
    await page.reload();
    await waitForIdle(page);
    await check(page);

    const other = await newPage(browser);
    await other.page.goto(link);
    await waitForIdle(other.page);
    await waitForPanel(other.page);
    await check(other.page);
    expect(link.startsWith(baseUrl())).toBe(true);
    await other.context.close();
    await context.close();
  });
});
