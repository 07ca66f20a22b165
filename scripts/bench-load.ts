// First-map benchmark (issue 15): how long from navigation to the map's first idle, for the app
// against a bare MapLibre page that loads the same geodata files from the same server, interleaved
// in one run (so machine load hits both alike), in headless Chromium with software WebGL. A third
// page, the bare one given the app's own style and data, shows how much of the difference is the
// map itself (labels, layers) and how much the app's code.
// `npm run bench:load` (after `npm run build`). Also reports the app's own JS (apart from MapLibre)
// gzipped. Targets: first idle ≤ 1.3× the bare page (median of the runs); app JS ≤ 120 kB gzip.
// Exit code 1 when a target is missed. The same runs report the CPU each page used up to its first
// idle, by thread, and how long its threads waited for a CPU (Linux: /proc's per-thread counters).
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { cpus } from 'node:os';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';
import { cpuBetween, THREAD_GROUPS, type LoadCpu, type ThreadSample } from './bench/load-cpu';

// 15 runs: with 7 the ratio of one run moved by ±0.2 between runs of the same build.
const RUNS = Number(process.env.BENCH_LOAD_RUNS ?? 15);
const RATIO_TARGET = 1.3;
const JS_TARGET_KB = 120;
const DIST = 'dist';
const MAPLIBRE_DIST = 'node_modules/maplibre-gl/dist';

if (!existsSync(join(DIST, 'index.html'))) {
  console.error('bench-load: dist/ is missing; run `npm run build` first');
  process.exit(2);
}

const assets = readdirSync(join(DIST, 'assets'));
const geojson = assets.filter((f) => f.endsWith('.geojson')).map((f) => `/assets/${f}`);
const district = JSON.parse(readFileSync(join(DIST, 'assets', assets.find((f) => f.startsWith('district-'))!), 'utf8')) as {
  features: { geometry: { coordinates: number[][][] | number[][][][] } }[];
};
const flat = (c: unknown): number[][] => (typeof (c as number[])[0] === 'number' ? [c as number[]] : (c as unknown[]).flatMap(flat));
const pts = district.features.flatMap((f) => flat(f.geometry.coordinates));
const bbox = [Math.min(...pts.map((p) => p[0]!)), Math.min(...pts.map((p) => p[1]!)), Math.max(...pts.map((p) => p[0]!)), Math.max(...pts.map((p) => p[1]!))];

/**
 * A page with MapLibre's own ESM build and nothing else: `head` adds stylesheets, `script` creates
 * `map`; the page gives the same `data-map-state="idle"` signal the app gives.
 */
const barePage = (head: string, script: string) => `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,">
<link rel="stylesheet" href="/bare/ml/maplibre-gl.css">${head}
<style>html,body{margin:0;height:100%}.app,#map{position:fixed;inset:0}</style></head>
<body><div class="app" data-map-state="loading"><div id="map"></div></div>
<script type="module">
import { Map, setWorkerUrl } from '/bare/ml/maplibre-gl.mjs';
setWorkerUrl('/bare/ml/maplibre-gl-worker.mjs');
${script}
map.once('idle', () => document.querySelector('.app').setAttribute('data-map-state', 'idle'));
</script></body></html>`;

// The bare page: one GeoJSON source per file, a fill, a line and a circle layer each.
const BARE_HTML = barePage('', `const files = ${JSON.stringify(geojson)};
const sources = {}, layers = [{ id: 'bg', type: 'background', paint: { 'background-color': '#f3f0ea' } }];
files.forEach((url, i) => {
  sources['s' + i] = { type: 'geojson', data: url };
  layers.push({ id: 'f' + i, type: 'fill', source: 's' + i, filter: ['==', ['geometry-type'], 'Polygon'], paint: { 'fill-color': '#9ab', 'fill-opacity': 0.5 } });
  layers.push({ id: 'l' + i, type: 'line', source: 's' + i, paint: { 'line-color': '#345' } });
  layers.push({ id: 'c' + i, type: 'circle', source: 's' + i, filter: ['==', ['geometry-type'], 'Point'], paint: { 'circle-radius': 5 } });
});
const map = new Map({ container: 'map', style: { version: 8, sources, layers }, bounds: ${JSON.stringify([[bbox[0], bbox[1]], [bbox[2], bbox[3]]])} });`);

// The floor: the bare page given the app's own style, captured from the app once it is idle (every
// source with its data inline, the app's camera, labels without fade), with the app's CSS for its
// label fonts: no app code, no fetching. What the app takes beyond it is the app's own.
const appCss = assets.filter((f) => f.startsWith('index-') && f.endsWith('.css')).map((f) => `<link rel="stylesheet" href="/assets/${f}">`).join('');
const floorPage = (captured: string) => barePage(appCss, `const o = ${captured};
const map = new Map({ container: 'map', style: o.style, center: o.center, zoom: o.zoom, fadeDuration: 0 });
window.__map = map;`);
let floorHtml = '';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css',
  '.json': 'application/json', '.geojson': 'application/geo+json', '.woff2': 'font/woff2', '.woff': 'font/woff', '.wasm': 'application/wasm',
};

function serve(): Promise<{ server: Server; base: string }> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    let path: string;
    if (url.pathname === '/bare-styled.html') {
      res.writeHead(200, { 'content-type': TYPES['.html']! });
      return res.end(floorHtml);
    }
    if (url.pathname === '/bare.html') {
      res.writeHead(200, { 'content-type': TYPES['.html']! });
      return res.end(BARE_HTML);
    }
    if (url.pathname.startsWith('/bare/ml/')) path = join(MAPLIBRE_DIST, normalize(url.pathname.slice('/bare/ml/'.length)));
    else path = join(DIST, normalize(url.pathname === '/' ? 'index.html' : url.pathname.slice(1)));
    if (!existsSync(path) || !statSync(path).isFile()) {
      res.writeHead(404);
      return res.end();
    }
    res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' });
    res.end(readFileSync(path));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    const a = server.address();
    resolve({ server, base: `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}` });
  }));
}

/** A file of /proc, or null once its process or thread has ended. */
function read(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

/** The running processes' ids (none where there is no /proc). */
const processes = (): number[] => (existsSync('/proc') ? readdirSync('/proc').filter((d) => /^\d+$/.test(d)).map(Number) : []);

/**
 * A process's parent, from /proc/<pid>/stat (`pid (comm) state ppid …`: the name may hold spaces
 * and parentheses, the last ')' ends it); null once the process is gone.
 */
function parentOf(pid: number): number | null {
  const stat = read(`/proc/${pid}/stat`);
  return stat === null ? null : Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
}

/**
 * Every thread of the browser's processes (the browser's own and its descendants), with its CPU
 * and wait times from /proc; empty where /proc has no per-thread schedstat (not Linux).
 */
function sampleThreads(browserPid: number | undefined): ThreadSample[] {
  if (browserPid === undefined || !existsSync(`/proc/${browserPid}/task`)) return [];
  const parent = new Map<number, number>();
  for (const pid of processes()) {
    const ppid = parentOf(pid);
    if (ppid !== null) parent.set(pid, ppid);
  }
  const ours = (pid: number): boolean => {
    for (let p: number | undefined = pid, n = 0; p !== undefined && p > 1 && n < 20; p = parent.get(p), n++) if (p === browserPid) return true;
    return false;
  };
  const out: ThreadSample[] = [];
  for (const pid of parent.keys()) {
    if (!ours(pid)) continue;
    const type = /--type=([\w-]+)/.exec(read(`/proc/${pid}/cmdline`) ?? '')?.[1] ?? 'browser';
    let tids: string[] = [];
    try {
      tids = readdirSync(`/proc/${pid}/task`);
    } catch {
      continue;
    }
    for (const tid of tids) {
      const sched = read(`/proc/${pid}/task/${tid}/schedstat`)?.split(' ');
      const comm = read(`/proc/${pid}/task/${tid}/comm`)?.trim();
      if (!sched || comm === undefined) continue;
      out.push({ pid, tid: Number(tid), process: type, comm, runNs: Number(sched[0]), waitNs: Number(sched[1]) });
    }
  }
  return out;
}

/**
 * Milliseconds from navigation start to the first `data-map-state="idle"` (a fresh context: no
 * cache), and, for the app, to its side panel's content (the period switch) being in the page.
 */
async function firstIdle(browser: Browser, url: string, panel = false): Promise<{ idle: number; panel: number; cpu: LoadCpu }> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  // The CPU of the load: sampled before the navigation and when the page calls this at its idle (a
  // message sent at once, so the work the app starts after its idle is left out). A renderer of an
  // earlier page still closing would count too (none was seen).
  const before = sampleThreads(browserPid);
  let cpu: LoadCpu | undefined;
  await context.exposeBinding('__vyIdle', () => void (cpu ??= cpuBetween(before, sampleThreads(browserPid))));
  // A string: runs as it is in the page.
  await page.addInitScript(`new MutationObserver((_, obs) => {
    if (document.querySelector('.period-switch')) window.__panelAt ??= performance.now();
    if (window.__idleAt === undefined && document.querySelector('.app')?.getAttribute('data-map-state') === 'idle') (window.__idleAt = performance.now(), window.__vyIdle());
    if (window.__idleAt !== undefined && window.__panelAt !== undefined) obs.disconnect();
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-map-state'], childList: true });`);
  await page.goto(url);
  await page.waitForFunction('window.__idleAt !== undefined', undefined, { timeout: 120_000 });
  if (panel) await page.waitForFunction('window.__panelAt !== undefined', undefined, { timeout: 120_000 });
  const ms = (await page.evaluate('({ idle: window.__idleAt, panel: window.__panelAt ?? NaN })')) as { idle: number; panel: number };
  await context.close();
  if (!cpu) throw new Error(`bench-load: ${url} reported no idle to the bench`);
  return { ...ms, cpu };
}

/** The app's style as MapLibre holds it once the app is idle (sources with their data), and its camera. */
async function captureStyle(browser: Browser, url: string): Promise<string> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForSelector('.app[data-map-state="idle"]', { state: 'attached', timeout: 120_000 });
  // A string: runs as it is in the page (window.__vy is the app's test hook).
  const json = (await page.evaluate('(() => { const m = window.__vy.map; return JSON.stringify({ style: m.getStyle(), center: m.getCenter(), zoom: m.getZoom() }); })()')) as string;
  await context.close();
  // Inline in a module script: keep `</script>` in data from closing it.
  return json.replace(/</g, '\\u003c');
}

/** The floor page's warm-up, and a check that it draws what the app draws, labels included. */
async function checkFloor(browser: Browser, url: string): Promise<void> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForSelector('.app[data-map-state="idle"]', { state: 'attached', timeout: 120_000 });
  const drawn = (await page.evaluate(`(() => { const m = window.__map; const ids = m.getStyle().layers.filter((l) => l.type === 'symbol').map((l) => l.id);
    return { labels: ids.length ? m.queryRenderedFeatures({ layers: ids }).length : 0, all: m.queryRenderedFeatures().length }; })()`)) as { labels: number; all: number };
  await context.close();
  if (drawn.labels === 0 || drawn.all === 0) throw new Error(`bench-load: the floor page drew ${drawn.all} features, ${drawn.labels} labels: its style was not captured`);
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const range = (xs: number[]) => `${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)}`;

const { server, base } = await serve();
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
});
// The browser is this process's child (Playwright starts it); its threads and its descendants' are sampled.
const browserPid = processes().find((pid) => parentOf(pid) === process.pid && (read(`/proc/${pid}/cmdline`) ?? '').includes('chrom'));
const app: number[] = [];
const bare: number[] = [];
const styled: number[] = [];
const panel: number[] = [];
const cpu: Record<'app' | 'floor' | 'bare page', LoadCpu[]> = { app: [], floor: [], 'bare page': [] };
try {
  // One warm-up of each (disk cache of the OS, Chromium start-up), not counted; the app's also
  // gives the floor page its style.
  floorHtml = floorPage(await captureStyle(browser, `${base}/`));
  await firstIdle(browser, `${base}/bare.html`);
  await checkFloor(browser, `${base}/bare-styled.html`);
  for (let i = 0; i < RUNS; i++) {
    const a = await firstIdle(browser, `${base}/`, true);
    app.push(a.idle);
    panel.push(a.panel);
    cpu.app.push(a.cpu);
    const b = await firstIdle(browser, `${base}/bare.html`);
    bare.push(b.idle);
    cpu['bare page'].push(b.cpu);
    const f = await firstIdle(browser, `${base}/bare-styled.html`);
    styled.push(f.idle);
    cpu.floor.push(f.cpu);
  }
} finally {
  await browser.close();
  server.close();
}

// The app's own JS: every emitted script except MapLibre's chunk and its worker.
const js = assets.filter((f) => /\.(m?js)$/.test(f) && !f.startsWith('maplibre'));
const entry = readFileSync(join(DIST, 'index.html'), 'utf8');
// What the page loads before it runs: the entry scripts and, transitively, their static imports
// (dynamic `import()` chunks load later, when a feature is first used).
const initial: string[] = [];
const visit = (f: string) => {
  if (initial.includes(f) || f.startsWith('maplibre')) return;
  initial.push(f);
  const code = readFileSync(join(DIST, 'assets', f), 'utf8');
  for (const m of code.matchAll(/(?:^|[;\n}])\s*import\s*(?:[^'"()]*?from\s*)?["']\.\/([^"']+\.m?js)["']/g)) visit(m[1]!);
};
for (const f of js) if (entry.includes(f)) visit(f);
const gz = (files: string[]) => files.reduce((s, f) => s + gzipSync(readFileSync(join(DIST, 'assets', f))).length, 0) / 1024;
const ratio = median(app) / median(bare);
const initialKb = gz(initial);

console.log(`first idle, ${RUNS} interleaved runs, 1366×768, headless Chromium + SwiftShader`);
console.log(`  app:        median ${median(app).toFixed(0)} ms (range ${range(app)})`);
console.log(`  bare page:  median ${median(bare).toFixed(0)} ms (range ${range(bare)})`);
console.log(`  bare page given the app's own style and data (the floor): median ${median(styled).toFixed(0)} ms (range ${range(styled)}), ${(median(styled) / median(bare)).toFixed(2)}× the bare page`);
console.log(`  ratio:      ${ratio.toFixed(2)}× (target ≤ ${RATIO_TARGET}×)`);
console.log(`  the app's side panel content in the page: median ${median(panel).toFixed(0)} ms (range ${range(panel)}); its title shows at once`);
console.log(`app JS apart from MapLibre: loaded at start ${initialKb.toFixed(1)} kB gzip (${initial.join(', ')}); all chunks and workers ${gz(js).toFixed(1)} kB`);
console.log(`  target: ≤ ${JS_TARGET_KB} kB gzip loaded at start`);
// CPU time, by thread group, of the same runs; with its first idle, how many cores a page kept busy
// (the CPU is counted from just before the navigation, so slightly more than the first idle's span).
if (cpu.app.some((c) => c.totalMs > 0)) {
  console.log(`CPU from navigation to the first idle, same runs (medians, s; ${cpus().length} cores here): used, and waited for`);
  const cols = ['first idle', ...THREAD_GROUPS, 'total', 'cores busy', 'waited'];
  console.log('  ' + 'page'.padEnd(10) + cols.map((c) => c.padStart(11)).join(''));
  const idles = { app, floor: styled, 'bare page': bare };
  for (const name of ['app', 'floor', 'bare page'] as const) {
    const runs = cpu[name];
    const s = (ms: number) => (ms / 1000).toFixed(2);
    const row = [s(median(idles[name])), ...THREAD_GROUPS.map((g) => s(median(runs.map((r) => r.cpuMs[g])))), s(median(runs.map((r) => r.totalMs)))];
    row.push(median(runs.map((r, i) => r.totalMs / idles[name][i]!)).toFixed(2), s(median(runs.map((r) => r.totalWaitMs))));
    console.log('  ' + name.padEnd(10) + row.map((c) => c.padStart(11)).join(''));
  }
  console.log("  main: the page's main thread; worker: its Web Workers (MapLibre's); helpers: its thread pool (V8's parsing,");
  console.log('  compilers and GC, raster); gpu: the GPU process with SwiftShader\'s threads; other: browser, IO, compositor.');
  console.log('  waited: time threads were ready to run but had no CPU.');
} else console.log('CPU by thread: not measured (needs Linux /proc schedstat)');
const ok = ratio <= RATIO_TARGET && initialKb <= JS_TARGET_KB;
console.log(ok ? 'bench-load: targets met' : 'bench-load: TARGET MISSED');
process.exit(ok ? 0 : 1);
