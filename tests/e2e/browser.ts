// Shared browser harness: Debian's Chromium through playwright-core, WebGL on SwiftShader, the
// network-quiet flags from the toolchain notes, and a recorder of every request and console error.
import { chromium, type Browser, type Page, type BrowserContext } from 'playwright-core';
import { inject } from 'vitest';
import { PNG } from 'pngjs';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const MAP_IDLE_TIMEOUT = 30_000;
/**
 * How long to wait for the UI to show a result (expect.poll's own default is 1 s, too tight on a busy
 * 2-core machine with WebGL on the CPU). A ceiling, not a pause: waits end as soon as the condition holds.
 */
export const UI_TIMEOUT = 30_000;

export function baseUrl(): string {
  return inject('baseUrl');
}

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--use-angle=swiftshader',
      '--enable-unsafe-swiftshader',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      '--no-sandbox',
    ],
  });
}

export interface Recorded {
  requests: string[];
  consoleErrors: string[];
  pageErrors: string[];
}

export async function newPage(
  browser: Browser,
  opts: { width?: number; height?: number; reducedMotion?: 'reduce' | 'no-preference' } = {},
): Promise<{ page: Page; context: BrowserContext; rec: Recorded }> {
  const context = await browser.newContext({
    viewport: { width: opts.width ?? 1366, height: opts.height ?? 768 },
    deviceScaleFactor: 1,
    reducedMotion: opts.reducedMotion ?? 'reduce',
  });
  const page = await context.newPage();
  const rec: Recorded = { requests: [], consoleErrors: [], pageErrors: [] };
  page.on('request', (r) => rec.requests.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error') rec.consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => rec.pageErrors.push(e.message));
  return { page, context, rec };
}

/** Opens the app (optionally with a query/hash) and waits until the map is idle; fails on error or timeout. */
export async function openApp(page: Page, suffix = ''): Promise<void> {
  await page.goto(baseUrl() + suffix);
  await waitForIdle(page);
  await waitForPanel(page);
}

/**
 * The side panel's content is built at the page's first free moment after the map's first frame,
 * which may come after the map's idle: the app is open when both are there.
 */
export async function waitForPanel(page: Page): Promise<void> {
  await page.locator('.period-switch').waitFor({ state: 'attached', timeout: UI_TIMEOUT });
}

export async function waitForIdle(page: Page): Promise<void> {
  // A change made just now (paint, visibility, camera) renders on a later frame: let two pass
  // before asking whether the map is settled, or a stale 'idle' would be trusted.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await page.waitForFunction(
    () => {
      const s = document.querySelector('.app')?.getAttribute('data-map-state');
      if (s === 'error') throw new Error('map reported an error');
      const w = window as unknown as { __vy?: { map: { loaded(): boolean; isMoving(): boolean } } };
      return s === 'idle' && !!w.__vy?.map.loaded() && !w.__vy.map.isMoving();
    },
    undefined,
    { timeout: MAP_IDLE_TIMEOUT },
  );
}

/** Screen position of a lon/lat on the map canvas, in page pixels. */
export async function project(page: Page, lngLat: [number, number]): Promise<{ x: number; y: number }> {
  return page.evaluate((ll) => {
    const w = window as unknown as { __vy: { map: { project(l: [number, number]): { x: number; y: number }; getCanvas(): HTMLCanvasElement } } };
    const p = w.__vy.map.project(ll);
    const r = w.__vy.map.getCanvas().getBoundingClientRect();
    return { x: p.x + r.left, y: p.y + r.top };
  }, lngLat);
}

/** RGB of the screenshot pixel at a page position (what the user sees, panels included). */
export async function pixelAt(page: Page, x: number, y: number): Promise<[number, number, number]> {
  const img = await screenshotRegion(page, x, y, 0);
  return img.at(0, 0);
}

export interface Region {
  /** RGB at offset (dx, dy) from the centre. */
  at(dx: number, dy: number): [number, number, number];
}

/** One screenshot of the (2r+1)² square around a page position, decoded. */
export async function screenshotRegion(page: Page, x: number, y: number, r: number): Promise<Region> {
  const cx = Math.round(x);
  const cy = Math.round(y);
  const buf = await page.screenshot({ clip: { x: cx - r, y: cy - r, width: 2 * r + 1, height: 2 * r + 1 } });
  const png = PNG.sync.read(buf);
  return {
    at(dx, dy) {
      const i = ((dy + r) * png.width + (dx + r)) * 4;
      return [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!];
    },
  };
}

export function hexToRgb(hex: string): [number, number, number] {
  const h = hex.replace('#', '');
  return [parseInt(h.slice(0, 2), 16), parseInt(h.slice(2, 4), 16), parseInt(h.slice(4, 6), 16)];
}

export function colorDistance(a: readonly number[], b: readonly number[]): number {
  return Math.hypot(a[0]! - b[0]!, a[1]! - b[1]!, a[2]! - b[2]!);
}
