// Issue 14: basemaps. "none" (the default) keeps every request on the page's own origin; the online
// street map and imagery are requested only once chosen, and only from their configured template
// (pointed here at a tile server on this machine through the loopback-only override); a local
// .pmtiles file is drawn with the Protomaps style and the bundled fonts and comes back after a reload.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createServer, type Server } from 'node:http';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { launch, newPage, openApp, waitForIdle, pixelAt, colorDistance, hexToRgb, baseUrl, UI_TIMEOUT } from './browser';
import { buildPmtiles, LAKE, LAKE_NAME } from './pmtiles-fixture';
import { TILE_OVERRIDE_KEY, FILL_OPACITY_OVER } from '../../src/map/basemaps';
import { sameForEveryFeature } from '../../src/map/shader-variants';

const TILE_RGB: [number, number, number] = [240, 100, 20];
const PROTOMAPS_WATER = '#80deea'; // @protomaps/basemaps "light" flavour

let browser: Browser;
let server: Server;
let tileOrigin = '';
const served: string[] = [];

beforeAll(async () => {
  browser = await launch();
  const png = new PNG({ width: 256, height: 256 });
  for (let i = 0; i < png.data.length; i += 4) png.data.set([...TILE_RGB, 255], i);
  const body = PNG.sync.write(png);
  server = createServer((req, res) => {
    served.push(req.url ?? '');
    res.writeHead(200, { 'content-type': 'image/png', 'access-control-allow-origin': '*', 'cache-control': 'no-store' });
    res.end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  tileOrigin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await browser?.close();
  await new Promise((r) => server?.close(r));
});

const foreign = (requests: string[]) => {
  const origin = new URL(baseUrl()).origin;
  return requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:'));
};
/** Open the basemap choice (folded to one line by default) and pick one. */
async function pick(page: Page, name: RegExp) {
  const picker = page.getByTestId('basemap-picker');
  if (!(await picker.evaluate((d) => (d as HTMLDetailsElement).open))) await picker.locator('summary').click();
  await page.getByRole('radio', { name }).check();
}
// The style binds the opacity per feature, with one value for all (src/map/shader-variants.ts).
const fillOpacity = async (page: Page) => sameForEveryFeature(await page.evaluate(() => (window as any).__vy.map.getPaintProperty('units-2021-fill', 'fill-opacity')));

describe('basemaps', () => {
  it('online street map and imagery: nothing requested until chosen, then only the configured template; tiles drawn, fills give way', async () => {
    const { page, context, rec } = await newPage(browser);
    await context.addInitScript(([key, value]) => localStorage.setItem(key, value), [
      TILE_OVERRIDE_KEY, JSON.stringify({ street: `${tileOrigin}/street/{z}/{x}/{y}.png`, satellite: `${tileOrigin}/sat/{z}/{y}/{x}` }),
    ] as const);
    await openApp(page);
    // "none" is the default: the offline map, nothing asked of any other host.
    await page.evaluate(() => (window as any).__vy.map.zoomTo(13, { duration: 0 }));
    await waitForIdle(page);
    expect(served).toEqual([]);
    expect(foreign(rec.requests)).toEqual([]);
    expect(await fillOpacity(page)).toBe(1);

    await pick(page, /OpenStreetMap/);
    await waitForIdle(page);
    expect(served.length).toBeGreaterThan(0);
    expect(served.every((u) => /^\/street\/\d+\/\d+\/\d+\.png$/.test(u))).toBe(true);
    expect(foreign(rec.requests).every((u) => u.startsWith(`${tileOrigin}/street/`))).toBe(true);
    expect(page.url()).toContain('basemap=street');
    // Drawn: east of the district, where no thematic layer is, the map shows the tiles' colour.
    await page.evaluate(() => (window as any).__vy.map.jumpTo({ center: [106.3, 21.3], zoom: 12 }));
    await waitForIdle(page);
    const box = (await page.locator('.map').boundingBox())!;
    const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    expect(colorDistance(await pixelAt(page, centre.x + 150, centre.y), TILE_RGB)).toBeLessThan(12);
    // Attribution and the online mark are visible; thematic fills give way to the basemap.
    await expect(page.locator('.maplibregl-ctrl-attrib').textContent()).resolves.toContain('© OpenStreetMap contributors');
    await expect(page.locator('.vy-ctrl-notice').textContent()).resolves.toContain('trực tuyến');
    expect(await fillOpacity(page)).toBeCloseTo(FILL_OPACITY_OVER.street, 5);

    await pick(page, /Ảnh vệ tinh/);
    await waitForIdle(page);
    expect(served.some((u) => /^\/sat\/\d+\/\d+\/\d+$/.test(u))).toBe(true);
    await expect(page.locator('.maplibregl-ctrl-attrib').textContent()).resolves.toContain('Esri');
    expect(await fillOpacity(page)).toBeCloseTo(FILL_OPACITY_OVER.satellite, 5);

    // Back to none: the online mark goes, the fills come back.
    await pick(page, /Không có/);
    await waitForIdle(page);
    expect(await page.locator('.vy-ctrl-notice').isVisible()).toBe(false);
    expect(await fillOpacity(page)).toBe(1);
    expect(page.url()).not.toContain('basemap=');
    expect(rec.consoleErrors).toEqual([]);
    await context.close();
  });

  it('a link cannot point the basemap at another server', async () => {
    const { page, context, rec } = await newPage(browser);
    // A hostile override (not loopback) is ignored; the default template would then be used, so
    // only check that nothing goes to the hostile host.
    await context.addInitScript(([key]) => localStorage.setItem(key, JSON.stringify({ street: 'https://tiles.invalid/{z}/{x}/{y}.png' })), [TILE_OVERRIDE_KEY] as const);
    await context.route((url) => !url.href.startsWith(new URL(baseUrl()).origin), (route) => route.abort());
    await openApp(page, '#basemap=https://tiles.invalid/{z}/{x}/{y}.png');
    expect(foreign(rec.requests)).toEqual([]);
    expect(await page.locator('input[name="basemap"][value="none"]').isChecked()).toBe(true);
    await context.close();
  });

  it('upgrading the database from version 1 keeps the stored decks and layers and adds the basemap and proposal stores', async () => {
    const { page, context } = await newPage(browser);
    // A browser that used the app before this version: database 'viet-yen' v1 with a kept deck.
    await page.route(baseUrl(), (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>v1</title>' }));
    await page.goto(baseUrl());
    await page.evaluate(() => new Promise<void>((resolve, reject) => {
      const req = indexedDB.open('viet-yen', 1);
      req.onupgradeneeded = () => {
        req.result.createObjectStore('layers', { keyPath: 'id' });
        req.result.createObjectStore('decks');
      };
      req.onerror = () => reject(req.error);
      req.onsuccess = () => {
        const tx = req.result.transaction('decks', 'readwrite');
        tx.objectStore('decks').put('kept-before-the-upgrade', 'marker');
        tx.oncomplete = () => (req.result.close(), resolve());
      };
    }));
    await page.unroute(baseUrl());
    await openApp(page);
    await expect.poll(() => page.evaluate(() => new Promise<{ version: number; stores: string[]; marker: unknown }>((resolve) => {
      const req = indexedDB.open('viet-yen');
      req.onsuccess = () => {
        const d = req.result;
        const get = d.transaction('decks', 'readonly').objectStore('decks').get('marker');
        get.onsuccess = () => {
          resolve({ version: d.version, stores: [...d.objectStoreNames].sort(), marker: get.result });
          d.close();
        };
      };
    })), { timeout: UI_TIMEOUT }).toEqual({ version: 3, stores: ['basemaps', 'decks', 'layers', 'proposals'], marker: 'kept-before-the-upgrade' });
    await context.close();
  });

  it('a local .pmtiles basemap renders with the Protomaps style and comes back after a reload', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vy-pmtiles-'));
    const file = join(dir, 'bac-ninh-test.pmtiles');
    writeFileSync(file, buildPmtiles());
    const { page, context, rec } = await newPage(browser);
    await openApp(page);
    const picker = page.getByTestId('basemap-picker');
    await picker.locator('summary').click();
    await picker.locator('input[type="file"]').setInputFiles(file);
    await expect.poll(() => page.getByRole('radio', { name: /\.pmtiles/ }).isChecked(), { timeout: UI_TIMEOUT }).toBe(true);
    await page.evaluate((lake) => (window as any).__vy.map.jumpTo({ center: [(lake[0] + lake[2]) / 2, (lake[1] + lake[3]) / 2], zoom: 12 }), LAKE);
    await waitForIdle(page);

    const drawn = async () => {
      const box = (await page.locator('.map').boundingBox())!;
      // The lake fills the centre of the map in the style's water colour…
      const water = await pixelAt(page, box.x + box.width / 2 + 40, box.y + box.height / 2 + 40);
      // …and its name is placed with the bundled font.
      const labels = await page.evaluate(() => (window as any).__vy.map.queryRenderedFeatures({ layers: ['basemap-places_locality'] }).map((f: any) => f.properties.name));
      return { water, labels };
    };
    await expect.poll(async () => colorDistance((await drawn()).water, hexToRgb(PROTOMAPS_WATER)), { timeout: UI_TIMEOUT }).toBeLessThan(12);
    expect((await drawn()).labels).toContain(LAKE_NAME);
    expect(await page.evaluate(() => (window as any).__vy.map.queryRenderedFeatures({ layers: ['basemap-earth'] }).length)).toBeGreaterThan(0);
    await expect(page.getByTestId('basemap-file').textContent()).resolves.toContain('bac-ninh-test.pmtiles');
    expect(page.url()).toContain('basemap=local');
    expect(foreign(rec.requests)).toEqual([]);

    // Kept in IndexedDB: a reload draws it again without asking for the file.
    await page.reload();
    await waitForIdle(page);
    await expect.poll(async () => colorDistance((await drawn()).water, hexToRgb(PROTOMAPS_WATER)), { timeout: UI_TIMEOUT }).toBeLessThan(12);
    await expect(page.getByTestId('basemap-file').textContent()).resolves.toContain('bac-ninh-test.pmtiles');
    expect(foreign(rec.requests)).toEqual([]);
    expect(rec.consoleErrors).toEqual([]);
    await context.close();
  });
});
