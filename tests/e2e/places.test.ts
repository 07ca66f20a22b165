// Issue 11, point 8: the places the resolution names that the map lacked are drawn. The Thổ Hà quan
// họ village (published position, at Đình Thổ Hà) and the Yên Ninh one (indicative: the reference
// point of Nếnh) are rendered in the tourism layer, and a click on each opens its card with the
// indicative badge, its own source and, for Yên Ninh, the commune reference point as its position.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import type { FeatureCollection, Point } from 'geojson';
import { launch, newPage, openApp, project, waitForIdle, UI_TIMEOUT } from './browser';

const tourism = JSON.parse(readFileSync('geodata/tourism.geojson', 'utf8')) as FeatureCollection<Point>;
const at = (id: string) => tourism.features.find((f) => f.properties?.id === id)!.geometry.coordinates as [number, number];

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** Centres the map on the place, returns the ids drawn by `layer` within 3 px of it, and where it is on the page. */
async function renderedAt(page: Page, ll: [number, number], layer: string) {
  await page.evaluate((center) => (window as any).__vy.map.jumpTo({ center, zoom: 15 }), ll);
  await waitForIdle(page);
  const xy = await project(page, ll);
  const ids: string[] = await page.evaluate(({ x, y, layer }) => {
    const m = (window as any).__vy.map;
    const r = m.getCanvas().getBoundingClientRect();
    return m.queryRenderedFeatures([[x - r.left - 3, y - r.top - 3], [x - r.left + 3, y - r.top + 3]], { layers: [layer] }).map((q: any) => q.properties.id);
  }, { ...xy, layer });
  return { ids, xy };
}

describe('places the resolution names', () => {
  it('draws the Thổ Hà and Yên Ninh quan họ villages; their cards say where the position comes from', async () => {
    const { page, context, rec } = await newPage(browser);
    await openApp(page);
    expect(await page.getByRole('checkbox', { name: 'Du lịch và di sản', exact: true }).isChecked()).toBe(true);
    const card = page.getByTestId('feature-card');

    // Thổ Hà: published position (that of Đình Thổ Hà, drawn on top of it)
    const thoHa = await renderedAt(page, at('quan-ho-tho-ha'), 'tourism-point');
    expect(thoHa.ids).toContain('quan-ho-tho-ha');
    await page.mouse.click(thoHa.xy.x, thoHa.xy.y);
    await expect.poll(() => card.locator('.feature-title').textContent(), { timeout: UI_TIMEOUT }).toBe('Làng quan họ Thổ Hà');
    await expect(card.locator('.feature-kind').textContent()).resolves.toBe('Làng quan họ');
    await expect(card.getByTestId('feature-badge').textContent()).resolves.toBe('Minh họa (gần đúng)');
    await expect(card.getByTestId('feature-source').textContent()).resolves.toContain('Wikipedia');
    await expect(card.textContent()).resolves.toContain('Đình Thổ Hà');
    await page.keyboard.press('Escape');

    // Yên Ninh: indicative, at the reference point of Nếnh
    const yenNinh = await renderedAt(page, at('quan-ho-yen-ninh'), 'tourism-point');
    expect(yenNinh.ids).toContain('quan-ho-yen-ninh');
    await page.mouse.click(yenNinh.xy.x, yenNinh.xy.y);
    await expect.poll(() => card.locator('.feature-title').textContent(), { timeout: UI_TIMEOUT }).toBe('Làng quan họ Yên Ninh');
    await expect(card.getByTestId('feature-badge').textContent()).resolves.toBe('Minh họa (gần đúng)');
    const text = (await card.textContent()) ?? '';
    expect(text).toContain('Vị trí gần đúng: điểm tham chiếu của thị trấn Nếnh');
    await expect(card.getByTestId('feature-source').textContent()).resolves.toContain('Wikipedia');

    expect(rec.consoleErrors).toEqual([]);
    expect(rec.pageErrors).toEqual([]);
    await context.close();
  });
});
