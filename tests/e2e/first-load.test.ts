// Issue 15, the first map: the map starts before the app has the bundled data, gets it (with the
// label points) in one source at once, and the page says the map is ready only once what the first
// view shows is drawn, unit names included.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser, Route } from 'playwright-core';
import { launch, newPage, openApp, waitForIdle, baseUrl, UI_TIMEOUT } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('first map', () => {
  it('the map is created while the units file is still on its way, and is "ready" only with the units and their names drawn, from one source', async () => {
    const { page, context, rec } = await newPage(browser);
    // Hold the app's request for the 2021 units file: the bundled layers reach the map through the
    // app's copy, all at once, in one source (issue 15: one worker round, one frame).
    const held: Route[] = [];
    await context.route(/units-2021-[\w-]+\.geojson/, (route) => void held.push(route));
    // What the map shows at the moment the page first says "idle" (a string: runs as it is in the page).
    await page.addInitScript(`new MutationObserver((_, obs) => {
      if (document.querySelector('.app')?.getAttribute('data-map-state') !== 'idle') return;
      obs.disconnect();
      const m = window.__vy.map;
      window.__atIdle = {
        names: m.queryRenderedFeatures({ layers: ['units-2021-label'] }).map((f) => f.properties.name),
        fills: m.queryRenderedFeatures({ layers: ['units-2021-fill', 'industry-fill', 'tourism-point'] }).map((f) => f.layer.id + ' ' + f.source),
        sources: Object.keys(m.getStyle().sources),
      };
    }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-map-state'], childList: true });`);
    await page.goto(baseUrl());
    await expect.poll(() => held.length, { timeout: UI_TIMEOUT }).toBe(1);
    // The map exists with its style while the data is on its way, and is not "ready".
    await expect.poll(() => page.evaluate(() => !!(window as any).__vy?.map?.getLayer('units-2021-fill')), { timeout: UI_TIMEOUT }).toBe(true);
    expect(await page.locator('.app').getAttribute('data-map-state')).toBe('loading');
    expect(await page.locator('.loading').textContent()).toBeTruthy();
    await held[0]!.continue();
    await waitForIdle(page);
    const at = await page.evaluate(() => (window as any).__atIdle as { names: string[]; fills: string[]; sources: string[] });
    // At the first "ready", the unit names and the layers were on the map, all from the one source.
    expect(new Set(at.names).size).toBeGreaterThanOrEqual(15);
    for (const layer of ['units-2021-fill', 'industry-fill', 'tourism-point']) expect(at.fills).toContain(`${layer} bundled`);
    expect(at.sources).toContain('bundled');
    for (const file of ['units-2021', 'units-2021--labels', 'industry', 'tourism', 'district']) expect(at.sources).not.toContain(file);
    expect(rec.pageErrors).toEqual([]);
    await context.close();
  });

  it("labels are drawn from the page's own Noto Sans: the map gets its data once every subset's face has loaded", async () => {
    const { page, context, rec } = await newPage(browser);
    // Hold the latin-ext face until the bundled files have reached the page; record, when the map
    // is given its data, the state of the page's Noto Sans faces (a string: runs as it is in the page).
    const held: Route[] = [];
    await context.route(/noto-sans-latin-ext-400-normal[\w-]*\.woff2/, (route) => void held.push(route));
    await page.addInitScript(`(() => {
      let vy;
      Object.defineProperty(window, '__vy', { configurable: true, get: () => vy, set: (v) => {
        vy = v;
        const get = v.map.getSource.bind(v.map);
        v.map.getSource = (id) => {
          const s = get(id);
          if (id === 'bundled' && s && !s.__watched) {
            s.__watched = true;
            const set = s.setData.bind(s);
            s.setData = (d, ...r) => {
              window.__facesAtData ??= [...document.fonts].filter((f) => f.family.replace(/["']/g, '') === 'Noto Sans' && f.weight === '400').map((f) => f.status);
              return set(d, ...r);
            };
          }
          return s;
        };
      } });
    })();`);
    const files = ['units-2021', 'wards-2025', 'district', 'industry', 'infrastructure', 'tourism', 'plans-demo'];
    const arrived = Promise.all(files.map((f) => page.waitForResponse((r) => new RegExp(`${f}-[\\w-]+\\.geojson`).test(r.url()), { timeout: UI_TIMEOUT })));
    // The held face keeps the page's load event back: go on once the page has started.
    await page.goto(baseUrl(), { waitUntil: 'commit' });
    await arrived;
    await expect.poll(() => held.length, { timeout: UI_TIMEOUT }).toBe(1);
    expect(await page.evaluate(() => (window as any).__facesAtData)).toBeUndefined();
    await held[0]!.continue();
    await waitForIdle(page);
    const faces = await page.evaluate(() => (window as any).__facesAtData as string[]);
    expect(faces.length).toBeGreaterThanOrEqual(3);
    expect(faces.every((f) => f === 'loaded')).toBe(true);
    // No font files of the map's own: the style declares none, and labels name the page's family.
    const style = await page.evaluate(() => (window as any).__vy.map.getStyle());
    expect(style['font-faces']).toBeUndefined();
    expect(style.glyphs).toBeUndefined();
    expect(new Set(style.layers.filter((l: any) => l.type === 'symbol').map((l: any) => JSON.stringify(l.layout['text-font'])))).toEqual(new Set(['["Noto Sans"]']));
    expect(rec.pageErrors).toEqual([]);
    await context.close();
  });

  it("the side panel's title shows at once and its content follows the map's first frame", async () => {
    const { page, context, rec } = await newPage(browser);
    // When the map first draws, and when the panel's title and its period switch appear (a string:
    // runs as it is in the page; the adapter sets window.__vy as it creates the map).
    await page.addInitScript(`(() => {
      const t = (window.__order = {});
      let vy;
      Object.defineProperty(window, '__vy', { configurable: true, get: () => vy, set: (v) => {
        vy = v;
        v.map.once('render', () => (t.frame ??= performance.now()));
      } });
      new MutationObserver(() => {
        if (document.querySelector('.side-panel h1')) t.title ??= performance.now();
        if (document.querySelector('.period-switch')) t.content ??= performance.now();
      }).observe(document, { subtree: true, childList: true });
    })();`);
    await openApp(page);
    const t = await page.evaluate(() => (window as any).__order as { frame: number; title: number; content: number });
    expect(t.title).toBeLessThan(t.frame);
    expect(t.content).toBeGreaterThan(t.frame);
    await expect.poll(() => page.getByRole('radio', { name: /2024/ }).isVisible()).toBe(true);
    expect(rec.pageErrors).toEqual([]);
    await context.close();
  });

  it("the panel's content waits for the page's first free moment after that frame", async () => {
    const { page, context, rec } = await newPage(browser);
    // Hold every idle callback (a string: runs as it is in the page); the test releases them.
    await page.addInitScript(`(() => {
      const q = (window.__idle = []);
      window.requestIdleCallback = (f) => (q.push(f), q.length);
    })();`);
    await page.goto(baseUrl());
    await waitForIdle(page);
    await expect.poll(() => page.evaluate(() => (window as any).__idle.length), { timeout: UI_TIMEOUT }).toBeGreaterThan(0);
    // The map is ready and its first frame long past: the content still waits for a free moment.
    expect(await page.locator('.period-switch').count()).toBe(0);
    expect(await page.locator('.side-panel h1').isVisible()).toBe(true);
    await page.evaluate(() => (window as any).__idle.splice(0).forEach((f: (d: unknown) => void) => f({ didTimeout: false, timeRemaining: () => 50 })));
    await expect.poll(() => page.getByRole('radio', { name: /2024/ }).isVisible(), { timeout: UI_TIMEOUT }).toBe(true);
    expect(rec.pageErrors).toEqual([]);
    await context.close();
  });

  it('without WebGL the panel still shows its content, with the reason the map could not start', async () => {
    const { page, context } = await newPage(browser);
    await page.addInitScript(`(() => {
      const get = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (kind, ...rest) { return /webgl/.test(kind) ? null : get.call(this, kind, ...rest); };
    })();`);
    await page.goto(baseUrl());
    await expect.poll(() => page.locator('.app').getAttribute('data-map-state'), { timeout: UI_TIMEOUT }).toBe('error');
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/WebGL/i);
    await expect.poll(() => page.getByRole('radio', { name: /2024/ }).isVisible()).toBe(true);
    await context.close();
  });

  it('a period not shown at start is drawn when chosen', async () => {
    const { page, context, rec } = await newPage(browser);
    await openApp(page);
    const drawn2024 = () => page.evaluate(() => (window as any).__vy.map.queryRenderedFeatures({ layers: ['units-2024-fill'] }).length);
    expect(await drawn2024()).toBe(0);
    await page.getByRole('radio', { name: /2024/ }).check();
    await waitForIdle(page);
    const drawn = await page.evaluate(() => new Set((window as any).__vy.map.queryRenderedFeatures({ layers: ['units-2024-fill'] }).map((f: any) => f.properties.code)).size);
    expect(drawn).toBe(17);
    expect(rec.pageErrors).toEqual([]);
    await context.close();
  });
});
