// npm run screenshot -- OUT.png [WIDTHxHEIGHT] [URL-SUFFIX] [JS-TO-RUN-AFTER-IDLE]
// Serves dist/ and saves a headless-Chromium screenshot, for looking at the app after UI work.
import { chromium } from 'playwright-core';
import { preview } from 'vite';

const [out = 'screenshot.png', size = '1366x768', suffix = '', script] = process.argv.slice(2);
const [width, height] = size.split('x').map(Number) as [number, number];
// VY_DIST: serve another build directory than dist/ (as the browser tests do).
const server = await preview({ build: { outDir: process.env['VY_DIST'] ?? 'dist' }, preview: { host: '127.0.0.1', port: 0 }, logLevel: 'warn' });
const url = server.resolvedUrls?.local[0] ?? '';
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
});
try {
  const page = await browser.newPage({ viewport: { width, height } });
  page.on('console', (m) => m.type() === 'error' && console.error('console error:', m.text()));
  await page.goto(url + suffix);
  await page.waitForFunction(() => document.querySelector('.app')?.getAttribute('data-map-state') === 'idle', undefined, { timeout: 30_000 });
  if (script) {
    await page.evaluate(script);
    await page.waitForTimeout(1500);
  }
  await page.screenshot({ path: out });
  console.log(`saved ${out}`);
} finally {
  await browser.close();
  await server.close();
}
