// Issue 6: presenter mode moves scene by scene and changes what is drawn; Esc gives back the page
// exactly as it was; decks survive reloads and bad deck files are refused; exported images have
// the requested size, the map's colours where the features are, and a legend of the visible layers.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { readFileSync, writeFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { palette } from '../../src/layers/palette';
import { MARK_COLORS } from '../../src/layers/data-marks';
import { messages } from '../../src/i18n/messages';
import { launch, newPage, openApp, waitForIdle, hexToRgb, colorDistance, UI_TIMEOUT } from './browser';

mkdirSync('reports', { recursive: true });
const deck = JSON.parse(readFileSync('geodata/scenes-default.json', 'utf8')) as {
  scenes: { title: { vi: string }; state: { layers: string[]; coverageMode: boolean } }[];
};

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const rendered = (page: Page, layer: string) =>
  page.evaluate((l) => (window as any).__vy.map.queryRenderedFeatures({ layers: [l] }).length as number, layer);
const visibility = (page: Page, layer: string) => page.evaluate((l) => (window as any).__vy.map.getLayoutProperty(l, 'visibility'), layer);
/** Scenes in the deck the app stored (IndexedDB 'viet-yen', store 'decks', key 'current'); -1 when none is stored yet. */
const storedSceneCount = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const req = indexedDB.open('viet-yen');
        // Never create the database (or a version of it) the app has not: that would break its upgrade.
        req.onupgradeneeded = () => req.transaction?.abort();
        req.onerror = () => resolve(-1);
        req.onsuccess = () => {
          const d = req.result;
          if (!d.objectStoreNames.contains('decks')) {
            d.close();
            resolve(-1);
            return;
          }
          const get = d.transaction('decks', 'readonly').objectStore('decks').get('current');
          get.onerror = () => {
            d.close();
            resolve(-1);
          };
          get.onsuccess = () => {
            d.close();
            const v: unknown = get.result;
            if (v === undefined) return resolve(-1);
            try {
              const deck = (typeof v === 'string' ? JSON.parse(v) : v) as { scenes?: unknown };
              resolve(Array.isArray(deck.scenes) ? deck.scenes.length : -1);
            } catch {
              resolve(-1);
            }
          };
        };
      }),
  );

describe('presenter mode', () => {
  it('P enters, → changes the scene and what is drawn, digits jump, Esc restores the page as it was', async () => {
    const { page, context, rec } = await newPage(browser, { width: 1920, height: 1080 });
    await openApp(page);
    // A state to come back to: tourism off, a feature selected.
    await page.getByRole('checkbox', { name: 'Du lịch và di sản' }).uncheck();
    await page.getByRole('combobox', { name: 'Tìm kiếm' }).fill('kcn dinh tram');
    await page.getByRole('combobox', { name: 'Tìm kiếm' }).press('Enter');
    await waitForIdle(page);
    const before = page.url();
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('p');
    await page.getByText(`1 / ${deck.scenes.length}`).waitFor();
    expect(await page.locator('.side-panel').isVisible()).toBe(false);
    await expect(page.locator('[data-presenting]').count()).resolves.toBe(1);
    expect(await page.getByRole('heading', { level: 1 }).first().textContent()).toContain(deck.scenes[0]!.title.vi);
    await waitForIdle(page);
    expect(await visibility(page, 'industry-fill')).toBe('none');

    // Scene 3 turns the industrial zones on: → twice.
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.getByText(`3 / ${deck.scenes.length}`).waitFor();
    await waitForIdle(page);
    expect(await visibility(page, 'industry-fill')).toBe('visible');
    expect(await rendered(page, 'industry-fill')).toBeGreaterThan(0);
    // ← goes back; a digit jumps; End goes to the last scene.
    await page.keyboard.press('ArrowLeft');
    await page.getByText(`2 / ${deck.scenes.length}`).waitFor();
    await page.keyboard.press('6');
    await page.getByText(`6 / ${deck.scenes.length}`).waitFor();
    await waitForIdle(page);
    expect(await rendered(page, 'coverage-fill')).toBeGreaterThan(0);
    await page.keyboard.press('End');
    await page.getByText(`${deck.scenes.length} / ${deck.scenes.length}`).waitFor();
    await waitForIdle(page);
    expect(await rendered(page, 'wards-2025-areas-fill')).toBeGreaterThan(0);
    // A click on the right edge goes forward from scene 1.
    await page.keyboard.press('Home');
    await page.getByRole('button', { name: 'Cảnh sau' }).click();
    await page.getByText(`2 / ${deck.scenes.length}`).waitFor();
    await waitForIdle(page);
    await page.screenshot({ path: 'reports/presenter-1920x1080.png' });
    // Readable from the back of the room: minimum font sizes at 1920×1080.
    const px = (sel: string) => page.locator(sel).first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(await px('.presenter-title h1')).toBeGreaterThanOrEqual(32);
    expect(await px('.presenter-legend')).toBeGreaterThanOrEqual(18);
    expect(await px('.presenter-progress')).toBeGreaterThanOrEqual(22);
    // The title and the legend keep clear of the middle of the map.
    const mid = { x: 960, y: 540 };
    for (const sel of ['.presenter-title', '.presenter-legend']) {
      const b = await page.locator(sel).first().boundingBox();
      if (b) expect(mid.x >= b.x && mid.x <= b.x + b.width && mid.y >= b.y && mid.y <= b.y + b.height).toBe(false);
    }

    await page.keyboard.press('Escape');
    await page.locator('[data-presenting]').waitFor({ state: 'detached' });
    await waitForIdle(page);
    expect(page.url()).toBe(before);
    expect(await page.getByRole('checkbox', { name: 'Du lịch và di sản' }).isChecked()).toBe(false);
    await expect(page.getByTestId('feature-card').locator('.feature-title').textContent()).resolves.toBe('KCN Đình Trám');
    expect(rec.consoleErrors).toEqual([]);
    await context.close();
  });

  it('a saved scene survives a reload; a bad deck file is refused and the deck stays', async () => {
    const { page, context } = await newPage(browser);
    await openApp(page);
    await page.getByRole('tab', { name: 'Trình chiếu' }).click();
    const scenes = page.locator('.deck-editor li');
    // The tab's code loads when it is first needed (issue 15): wait for its list, not just the click.
    await expect.poll(() => scenes.count(), { timeout: UI_TIMEOUT }).toBe(deck.scenes.length);
    const n = deck.scenes.length;
    await page.getByRole('button', { name: 'Lưu góc nhìn hiện tại thành cảnh' }).click();
    await expect.poll(() => scenes.count(), { timeout: UI_TIMEOUT }).toBe(n + 1);
    // The save is asynchronous (IndexedDB): reload only once the new scene is stored.
    await expect.poll(() => storedSceneCount(page), { timeout: UI_TIMEOUT }).toBe(n + 1);
    await page.reload();
    await waitForIdle(page);
    await page.getByRole('tab', { name: 'Trình chiếu' }).click();
    await expect.poll(() => page.locator('.deck-editor li').count(), { timeout: UI_TIMEOUT }).toBe(n + 1);

    const dir = mkdtempSync(join(tmpdir(), 'vy-deck-'));
    const bad = join(dir, 'deck.json');
    writeFileSync(bad, '{"format": "viet-yen-deck", "version": 1, "scenes": [ {');
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Nhập bộ cảnh (JSON)…' }).click();
    await (await chooser).setFiles(bad);
    const alert = page.locator('.deck-error');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('deck.json');
    expect(await page.locator('.deck-editor li').count()).toBe(n + 1);
    await context.close();
  });

  it('marks demonstration data and schematic boundaries on the scenes that show them', async () => {
    const { page, context } = await newPage(browser, { width: 1920, height: 1080 });
    const coverageScene = deck.scenes.findIndex((s) => s.state.coverageMode) + 1;
    expect(coverageScene).toBeGreaterThan(0);
    await openApp(page, `?present=${coverageScene}&deck=default`);
    await page.getByText(`${coverageScene} / ${deck.scenes.length}`).waitFor();
    await waitForIdle(page);
    // Rendered, visible text in the overlay: coverage on the demonstration register, on the schematic units.
    const demo = page.locator('.presenter .presenter-mark[data-mark="demonstration"]');
    await expect(demo.isVisible()).resolves.toBe(true);
    await expect(demo.innerText()).resolves.toBe(messages['mark.demonstration'].vi);
    const schematic = page.locator('.presenter .presenter-mark[data-mark="schematic"]');
    await expect(schematic.isVisible()).resolves.toBe(true);
    await expect(schematic.innerText()).resolves.toBe(messages['mark.schematic'].vi);
    // Readable, and clear of the middle of the map.
    expect(await demo.evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(18);
    const b = (await demo.boundingBox())!;
    expect(960 >= b.x && 960 <= b.x + b.width && 540 >= b.y && 540 <= b.y + b.height).toBe(false);
    await page.screenshot({ path: 'reports/presenter-coverage-marks.png' });
    // Scene 1 draws the schematic 2021 units but no demonstration data.
    await page.keyboard.press('Home');
    await page.getByText(`1 / ${deck.scenes.length}`).waitFor();
    await expect(schematic.isVisible()).resolves.toBe(true);
    await expect(demo.count()).resolves.toBe(0);
    await context.close();
  });

  it('a link opens the deck at a given scene', async () => {
    const { page, context } = await newPage(browser, { width: 1920, height: 1080 });
    await openApp(page, '?present=5&deck=default');
    await page.getByText(`5 / ${deck.scenes.length}`).waitFor();
    await waitForIdle(page);
    expect(await rendered(page, 'tourism-point')).toBeGreaterThan(0);
    await context.close();
  });
});

async function exportImage(page: Page, size: string): Promise<PNG> {
  await page.getByRole('tab', { name: 'Trình chiếu' }).click();
  await page.locator('.export-image select').selectOption(size);
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByRole('button', { name: 'Xuất ảnh bản đồ (PNG)' }).click()]);
  const buf = readFileSync((await download.path())!);
  return PNG.sync.read(buf);
}

function share(png: PNG, cx: number, cy: number, r: number, rgb: number[], tol = 14): number {
  let hits = 0;
  let all = 0;
  for (let y = cy - r; y <= cy + r; y += 2) {
    for (let x = cx - r; x <= cx + r; x += 2) {
      const i = (y * png.width + x) * 4;
      if (colorDistance([png.data[i]!, png.data[i + 1]!, png.data[i + 2]!], rgb) <= tol) hits++;
      all++;
    }
  }
  return hits / all;
}

describe('map images', () => {
  it('exports slide and A4 PNGs of the requested size with the features in their colours and a legend', async () => {
    const { page, context } = await newPage(browser);
    await openApp(page);
    // Centre on Minh Đức (not slated), away from its label.
    await page.evaluate(() => (window as any).__vy.map.jumpTo({ center: [106.125, 21.318], zoom: 13 }));
    await waitForIdle(page);
    const atCentre = await page.evaluate(() => {
      const m = (window as any).__vy.map;
      const c = m.project(m.getCenter());
      return m.queryRenderedFeatures(c).map((f: any) => f.layer.id);
    });
    expect(atCentre).toContain('units-2021-fill');

    for (const [size, w, h] of [['slide', 1920, 1080], ['a4', 2339, 1654]] as const) {
      const png = await exportImage(page, size);
      expect([png.width, png.height]).toEqual([w, h]);
      expect(share(png, Math.round(w / 2), Math.round(h / 2), 12, hexToRgb(palette.otherFill))).toBeGreaterThan(0.6);
      // The legend box (bottom left) shows the swatches of the visible layers.
      const legendRegion = { x: 0, y: Math.round(h * 0.45), w: Math.round(w * 0.35), h: Math.round(h * 0.55) };
      let slatedSwatch = 0;
      for (let y = legendRegion.y; y < legendRegion.y + legendRegion.h; y += 2) {
        for (let x = legendRegion.x; x < legendRegion.x + legendRegion.w; x += 2) {
          const i = (y * png.width + x) * 4;
          if (colorDistance([png.data[i]!, png.data[i + 1]!, png.data[i + 2]!], hexToRgb(palette.slatedFill)) < 6) slatedSwatch++;
        }
      }
      expect(slatedSwatch).toBeGreaterThan(10);
      writeFileSync(`reports/export-${size}.png`, PNG.sync.write(png));
    }
    await context.close();
  });

  it('a 1920 × 1080 image with demonstration data carries the demonstration mark; one without it does not', async () => {
    const { page, context } = await newPage(browser);
    await openApp(page);
    const countNear = (png: PNG, hex: string) => {
      // The marks sit under the title block, top left.
      const rgb = hexToRgb(hex);
      let n = 0;
      for (let y = 0; y < Math.round(png.height * 0.4); y += 2) {
        for (let x = 0; x < Math.round(png.width * 0.6); x += 2) {
          const i = (y * png.width + x) * 4;
          if (colorDistance([png.data[i]!, png.data[i + 1]!, png.data[i + 2]!], rgb) < 6) n++;
        }
      }
      return n;
    };
    // The demonstration plan register on: the image says the data are not real figures.
    await page.getByRole('checkbox', { name: 'Quy hoạch chi tiết, phân khu (trình diễn)' }).check();
    await waitForIdle(page);
    const withDemo = await exportImage(page, 'slide');
    expect([withDemo.width, withDemo.height]).toEqual([1920, 1080]);
    writeFileSync('reports/export-slide-demo.png', PNG.sync.write(withDemo));
    expect(countNear(withDemo, MARK_COLORS.demonstration.fill)).toBeGreaterThan(1000);
    expect(countNear(withDemo, MARK_COLORS.schematic.fill)).toBeGreaterThan(1000);
    // Off again: no demonstration mark, the schematic-boundaries mark stays (the 2021 units are drawn).
    await page.getByRole('tab', { name: 'Lớp bản đồ' }).click();
    await page.getByRole('checkbox', { name: 'Quy hoạch chi tiết, phân khu (trình diễn)' }).uncheck();
    await waitForIdle(page);
    const without = await exportImage(page, 'slide');
    expect(countNear(without, MARK_COLORS.demonstration.fill)).toBeLessThan(20);
    expect(countNear(without, MARK_COLORS.schematic.fill)).toBeGreaterThan(1000);
    await context.close();
  });
});
