// Issue 14: a map people can find their way on — controls that zoom, turn north and fit the
// district; a coverage table that fits its panel at phone, laptop and desktop sizes; tabs that move
// with the arrow keys; exports that keep the screen's labels; a phone presenter that keeps the
// district in view; searched features framed clear of the bottom sheet; map numbers in the UI
// language's format.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import type { FeatureCollection } from 'geojson';
import { bbox } from '@turf/turf';
import { launch, newPage, openApp, waitForIdle, project, UI_TIMEOUT } from './browser';

const district = JSON.parse(readFileSync('geodata/district.geojson', 'utf8')) as FeatureCollection;
const DISTRICT = bbox(district) as [number, number, number, number];
const SIZES = [{ width: 390, height: 844 }, { width: 1366, height: 768 }, { width: 1920, height: 1080 }] as const;

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const camera = (page: Page) =>
  page.evaluate(() => {
    const m = (window as any).__vy.map;
    return { zoom: m.getZoom() as number, bearing: m.getBearing() as number, bounds: m.getBounds().toArray() as [[number, number], [number, number]] };
  });

/** Whether every corner of the district lies inside the map's view. */
const districtInView = async (page: Page) => {
  const { bounds } = await camera(page);
  const [[w, s], [e, n]] = bounds;
  return w <= DISTRICT[0] && s <= DISTRICT[1] && e >= DISTRICT[2] && n >= DISTRICT[3];
};

describe('map controls', () => {
  it('zoom in / out, compass and "whole district" move the camera; labelled in both languages; keyboard reachable', async () => {
    const { page, context, rec } = await newPage(browser);
    await openApp(page);
    const zoomIn = page.getByRole('button', { name: 'Phóng to' });
    const zoomOut = page.getByRole('button', { name: 'Thu nhỏ' });
    const whole = page.getByRole('button', { name: 'Cả thị xã' });
    const north = page.getByRole('button', { name: 'Xoay bản đồ về hướng bắc' });
    const z0 = (await camera(page)).zoom;
    await zoomIn.click();
    await waitForIdle(page);
    expect((await camera(page)).zoom).toBeCloseTo(z0 + 1, 1);
    await zoomOut.click();
    await zoomOut.click();
    await waitForIdle(page);
    expect((await camera(page)).zoom).toBeCloseTo(z0 - 1, 1);

    // Away from the district, turned: the compass turns north, "whole district" frames it all.
    await page.evaluate(() => (window as any).__vy.map.jumpTo({ center: [106.4, 21.5], zoom: 14, bearing: 40 }));
    await waitForIdle(page);
    expect(await districtInView(page)).toBe(false);
    await north.click();
    await waitForIdle(page);
    expect(Math.abs((await camera(page)).bearing)).toBeLessThan(0.5);
    await whole.click();
    await waitForIdle(page);
    expect(await districtInView(page)).toBe(true);
    // The district is framed, not lost in a world view: it fills a good part of the map.
    const z = (await camera(page)).zoom;
    expect(z).toBeGreaterThan(10);

    // Keyboard: the controls are buttons in the tab order; Enter zooms.
    await zoomIn.focus();
    await page.keyboard.press('Enter');
    await waitForIdle(page);
    expect((await camera(page)).zoom).toBeCloseTo(z + 1, 1);
    expect(await zoomIn.evaluate((el) => (el as HTMLElement).tabIndex)).toBeGreaterThanOrEqual(0);
    expect(await zoomIn.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe('none');

    // Metric scale bar.
    await expect(page.locator('.maplibregl-ctrl-scale').textContent()).resolves.toMatch(/^\d+[\s\u00a0](m|km)$/);

    // English labels, without a reload.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('button', { name: 'Zoom in' }).waitFor({ timeout: UI_TIMEOUT });
    for (const name of ['Zoom out', 'Whole district', 'Reset bearing to north']) expect(await page.getByRole('button', { name }).count()).toBe(1);
    expect(rec.consoleErrors).toEqual([]);
    await context.close();
  });

  it('presenter mode hides the controls', async () => {
    const { page, context } = await newPage(browser, { width: 1920, height: 1080 });
    await openApp(page, '?present=1&deck=default');
    await page.locator('[data-presenting]').waitFor({ timeout: UI_TIMEOUT });
    await waitForIdle(page);
    expect(await page.locator('.maplibregl-ctrl-top-right').isVisible()).toBe(false);
    expect(await page.locator('.maplibregl-ctrl-scale').isVisible()).toBe(false);
    await context.close();
  });
});

describe('layouts that fit', () => {
  for (const size of SIZES) {
    it(`${size.width}×${size.height}: the coverage table's unit, coverage and meets-target columns lie inside the panel`, async () => {
      const { page, context } = await newPage(browser, size);
      await openApp(page);
      await page.getByRole('tab', { name: 'Độ phủ quy hoạch chi tiết' }).click();
      await page.getByTestId('coverage-headline').filter({ hasText: 'đạt mục tiêu' }).waitFor({ timeout: UI_TIMEOUT });
      const panel = (await page.locator('.side-panel').boundingBox())!;
      const wrap = (await page.locator('.table-wrap').boundingBox())!;
      const inside = (b: { x: number; width: number }, box: { x: number; width: number }) => b.x >= box.x - 0.5 && b.x + b.width <= box.x + box.width + 0.5;
      const row = page.locator('.coverage-table tbody tr').first();
      await row.scrollIntoViewIfNeeded();
      for (const sel of ['th.col-name', 'th.col-coverage', 'th.col-meets']) {
        const b = (await page.locator(`thead ${sel}`).boundingBox())!;
        expect(b, sel).not.toBeNull();
        expect(inside(b, panel), `${sel} inside the panel`).toBe(true);
        expect(inside(b, wrap), `${sel} inside the table's box`).toBe(true);
      }
      for (const sel of ['th[scope="row"]', 'td.coverage-cell', 'td.col-meets']) {
        const b = (await row.locator(sel).boundingBox())!;
        expect(inside(b, panel), `${sel} inside the panel`).toBe(true);
        expect(inside(b, wrap), `${sel} inside the table's box`).toBe(true);
      }
      // The panel widened for the table on a large screen: the map moved with it, the district's
      // west edge is still clear of the panel.
      if (size.width >= 1100) {
        expect(panel.width).toBeGreaterThan(500);
        await waitForIdle(page);
        const west = await project(page, [DISTRICT[0], (DISTRICT[1] + DISTRICT[3]) / 2]);
        expect(west.x).toBeGreaterThan(panel.x + panel.width);
      }
      // Nothing scrolls sideways: the table is no wider than its box.
      expect(await page.locator('.table-wrap').evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(1);
      await page.screenshot({ path: `reports/coverage-${size.width}x${size.height}.png` });
      await context.close();
    });
  }

  it('tabs follow the WAI-ARIA pattern: one tab stop, ← → Home End move and select', async () => {
    const { page, context } = await newPage(browser);
    await openApp(page);
    const tabs = page.getByRole('tab');
    expect(await tabs.evaluateAll((els) => els.filter((e) => (e as HTMLElement).tabIndex === 0).length)).toBe(1);
    await page.getByRole('tab', { name: 'Lớp bản đồ' }).focus();
    await page.keyboard.press('ArrowRight');
    const coverage = page.getByRole('tab', { name: 'Độ phủ quy hoạch chi tiết' });
    await expect.poll(() => coverage.getAttribute('aria-selected'), { timeout: UI_TIMEOUT }).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('tab-coverage');
    expect(await page.locator('#tabpanel-coverage').isVisible()).toBe(true);
    expect(await page.locator('#tabpanel-legend').isVisible()).toBe(false);
    await page.keyboard.press('End');
    await expect.poll(() => page.getByRole('tab', { name: 'Trình chiếu' }).getAttribute('aria-selected'), { timeout: UI_TIMEOUT }).toBe('true');
    await page.keyboard.press('Home');
    await expect.poll(() => page.getByRole('tab', { name: 'Lớp bản đồ' }).getAttribute('aria-selected'), { timeout: UI_TIMEOUT }).toBe('true');
    await page.keyboard.press('ArrowLeft'); // wraps to the last
    await expect.poll(() => page.getByRole('tab', { name: 'Trình chiếu' }).getAttribute('aria-selected'), { timeout: UI_TIMEOUT }).toBe('true');
    expect(page.url()).toContain('panel=present');
    await context.close();
  });

  it('on a phone the presenter keeps the whole district in view, its legend folded', async () => {
    const { page, context } = await newPage(browser, { width: 390, height: 844 });
    await openApp(page, '?present=1&deck=default');
    await page.locator('[data-presenting]').waitFor({ timeout: UI_TIMEOUT });
    await waitForIdle(page);
    await expect.poll(() => districtInView(page), { timeout: UI_TIMEOUT }).toBe(true);
    // Not only inside the map: clear of the title bar and the progress line.
    const title = (await page.locator('.presenter-title').boundingBox())!;
    const foot = (await page.locator('.presenter-foot').boundingBox())!;
    const nw = await project(page, [DISTRICT[0], DISTRICT[3]]);
    const se = await project(page, [DISTRICT[2], DISTRICT[1]]);
    expect(nw.x).toBeGreaterThanOrEqual(0);
    expect(se.x).toBeLessThanOrEqual(390);
    expect(nw.y).toBeGreaterThanOrEqual(title.y + title.height - 1);
    expect(se.y).toBeLessThanOrEqual(foot.y + 1);
    // Nothing covers it: the scene's table and the legend are folded behind buttons.
    expect(await page.locator('.scene-panel').count()).toBe(0);
    await page.getByRole('button', { name: 'Hiện bảng' }).click();
    await page.locator('.scene-panel').waitFor({ timeout: UI_TIMEOUT });
    await page.getByRole('button', { name: 'Ẩn bảng' }).click();
    await page.locator('.scene-panel').waitFor({ state: 'detached', timeout: UI_TIMEOUT });
    expect(await page.locator('.presenter-legend').count()).toBe(0);
    await page.getByRole('button', { name: 'Hiện chú giải' }).click();
    const legend = (await page.locator('.presenter-legend').boundingBox())!;
    expect(legend.width).toBeGreaterThan(300);
    await page.screenshot({ path: 'reports/presenter-phone-390x844.png' });
    await context.close();
  });

  it('on a phone a searched feature is framed above the bottom sheet', async () => {
    const { page, context } = await newPage(browser, { width: 390, height: 844 });
    await openApp(page);
    const sheet = (await page.locator('.side-panel').boundingBox())!;
    for (const [query, lngLat] of [['KCN Quang Châu', null], ['bo da', [106.05263, 21.24253]]] as const) {
      const box = page.getByRole('combobox', { name: 'Tìm kiếm' });
      await box.fill(query);
      await box.press('Enter');
      await waitForIdle(page);
      const at = lngLat
        ? [await project(page, lngLat as [number, number])]
        : await page.evaluate(() => {
          const m = (window as any).__vy.map;
          const f = m.queryRenderedFeatures({ layers: ['selection-line'] });
          const pts: { x: number; y: number }[] = [];
          for (const g of f) for (const ring of (g.geometry.type === 'Polygon' ? g.geometry.coordinates : g.geometry.type === 'MultiPolygon' ? g.geometry.coordinates.flat() : [g.geometry.coordinates])) for (const c of ring) pts.push(m.project(c));
          return pts;
        });
      expect(at.length, query).toBeGreaterThan(0);
      for (const p of at) {
        expect(p.y, query).toBeLessThan(sheet.y);
        expect(p.y, query).toBeGreaterThanOrEqual(0);
        expect(p.x, query).toBeGreaterThanOrEqual(0);
        expect(p.x, query).toBeLessThanOrEqual(390);
      }
    }
    await context.close();
  });
});

describe('map labels and images', () => {
  it('coverage labels on the map follow the UI language’s decimal separator', async () => {
    const { page, context } = await newPage(browser);
    await openApp(page);
    await page.getByRole('tab', { name: 'Độ phủ quy hoạch chi tiết' }).click();
    await page.getByRole('switch', { name: 'Tô màu bản đồ theo độ phủ' }).check();
    const texts = () => page.evaluate(() => (window as any).__vy.map.queryRenderedFeatures({ layers: ['coverage-label'] }).map((f: any) => f.properties.coverage_text as string));
    await expect.poll(async () => (await texts()).length, { timeout: UI_TIMEOUT }).toBeGreaterThan(5);
    await waitForIdle(page);
    const vi = await texts();
    expect(vi.every((s: string) => /^\d+,\d%$/.test(s)), vi.join(' ')).toBe(true);
    // The same figure as the table writes.
    const tablePct = await page.locator('tr[data-unit="07777"] .pct').textContent();
    expect(vi).toContain(tablePct);
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(async () => (await texts()).every((s: string) => /^\d+\.\d%$/.test(s)), { timeout: UI_TIMEOUT }).toBe(true);
    // The legend explains every colour drawn, including the units the target does not apply to.
    expect(await page.locator('.legend-entry[data-layer="coverage"]').textContent()).toContain('Target does not apply');
    await context.close();
  });

  it('the A4 image keeps the KCN and Bổ Đà labels the screen (and the slide) show', async () => {
    const { page, context } = await newPage(browser);
    await openApp(page);
    // A view where both labels are just above their minimum zoom on screen.
    await page.evaluate(() => (window as any).__vy.map.jumpTo({ center: [106.075, 21.235], zoom: 12.1 }));
    await waitForIdle(page);
    const onScreen = await page.evaluate(() =>
      (window as any).__vy.map.queryRenderedFeatures({ layers: ['industry-label', 'tourism-point-label'] }).map((f: any) => f.properties.name as string));
    expect(onScreen).toContain('Chùa Bổ Đà');
    const kcn = onScreen.filter((n: string) => n.startsWith('KCN'));
    expect(kcn.length).toBeGreaterThan(0);

    const labelsOf = async (size: 'slide' | 'a4') => {
      await page.getByRole('tab', { name: 'Trình chiếu' }).click();
      await page.locator('.export-image select').selectOption(size);
      await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByRole('button', { name: 'Xuất ảnh bản đồ (PNG)' }).click()]);
      return page.evaluate(() => (window as any).__vy.lastExport as { labels: { layer: string; text: string }[]; zoom: number; pixelRatio: number });
    };
    const slide = await labelsOf('slide');
    const a4 = await labelsOf('a4');
    expect(a4.zoom).toBeCloseTo(12.1, 5);
    expect(a4.pixelRatio).toBeCloseTo(2339 / 1366, 2);
    for (const img of [slide, a4]) {
      const names = img.labels.map((l) => l.text);
      expect(names).toContain('Chùa Bổ Đà');
      for (const k of kcn) expect(names, k).toContain(k);
    }
    await context.close();
  });
});
