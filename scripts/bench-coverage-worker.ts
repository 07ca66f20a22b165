// Coverage in the browser at register scale (issue 15, point 6): the app's own coverage worker
// (as built in dist/, or BENCH_DIST=DIR) in headless Chromium, given a realistic register of
// 100,000 plans (BENCH_PLANS=N for another size) the way the app gives it a large import — a Blob
// of GeoJSON text that the worker reads and parses itself. Reports the time to the first result and
// the peak memory of the tab's renderer process (the worker lives there; VmHWM from /proc), and
// whether the worker survived. `npm run bench:coverage-worker` (after `npm run build`).
import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { InputFeature } from '../src/coverage/types.ts';
import { realisticPlans } from '../src/coverage/synthetic.ts';

const DIST = process.env.BENCH_DIST ?? 'dist';
const N = Number(process.env.BENCH_PLANS ?? 100_000);
if (!existsSync(join(DIST, 'index.html'))) {
  console.error(`bench-coverage-worker: ${DIST}/ is missing; run \`npm run build\` first`);
  process.exit(2);
}
// The coverage worker's chunk: the one that reads plan Blobs.
const workerFile = readdirSync(join(DIST, 'assets')).find((f) => f.endsWith('.js') && /^worker-/.test(f) && readFileSync(join(DIST, 'assets', f), 'utf8').includes('planBlobs'));
if (!workerFile) {
  console.error('bench-coverage-worker: the coverage worker chunk was not found in the build');
  process.exit(2);
}

const units = (JSON.parse(readFileSync('geodata/units-2021.geojson', 'utf8')) as { features: InputFeature[] }).features;
const dir = mkdtempSync(join(tmpdir(), 'vy-bench-cw-'));
const planFile = join(dir, 'plans.geojson');
{
  const parts: string[] = [];
  for (const f of realisticPlans(N, units)) parts.push(JSON.stringify(f));
  writeFileSync(planFile, `{"type":"FeatureCollection","features":[${parts.join(',')}]}`);
}
console.log(`register: ${N.toLocaleString('en')} realistic plans, ${(readFileSync(planFile).length / 2 ** 20).toFixed(0)} MB of GeoJSON; uptime: ${execFileSync('uptime').toString().trim()}`);

/** Peak and current resident memory (MB) of Chromium's renderer processes. */
function renderers(): { pid: number; hwm: number; rss: number }[] {
  const out: { pid: number; hwm: number; rss: number }[] = [];
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!cmd.includes('--type=renderer') || !cmd.includes('vy-bench-cw')) continue;
      const st = readFileSync(`/proc/${pid}/status`, 'utf8');
      const kb = (k: string) => Number(/(\d+) kB/.exec(st.split('\n').find((l) => l.startsWith(k)) ?? '')?.[1] ?? 0);
      out.push({ pid: Number(pid), hwm: kb('VmHWM') / 1024, rss: kb('VmRSS') / 1024 });
    } catch {
      /* gone */
    }
  }
  return out;
}

// One local server for the built app's files, a blank page of its origin and the register (a
// 280 MB body is too large for a route fulfilled through the DevTools protocol).
const types: Record<string, string> = { js: 'text/javascript', mjs: 'text/javascript', wasm: 'application/wasm', json: 'application/json', geojson: 'application/geo+json', html: 'text/html' };
const server = createServer((req, res) => {
  const path = decodeURIComponent((req.url ?? '/').split('?')[0]!);
  const file = path === '/plans.geojson' ? planFile : path === '/bench-blank.html' ? null : join(DIST, path.replace(/^\/+/, ''));
  if (file === null) {
    res.writeHead(200, { 'content-type': 'text/html' });
    return void res.end('<!doctype html><title>bench</title>');
  }
  if (file.includes('..') || !existsSync(file) || !statSync(file).isFile()) {
    res.writeHead(404);
    return void res.end();
  }
  res.writeHead(200, { 'content-type': types[file.split('.').pop() ?? ''] ?? 'application/octet-stream', 'content-length': statSync(file).size });
  createReadStream(file).pipe(res);
});
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${(server.address() as { port: number }).port}/`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  // The marker argument lets renderers() find this browser's processes among others'.
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run', `--user-agent=vy-bench-cw`, '--renderer-process-limit=1'],
});
let code = 0;
try {
  const page = await browser.newPage();
  await page.goto(base + 'bench-blank.html');
  const before = renderers();
  let peak = 0;
  const poll = setInterval(() => {
    for (const r of renderers()) peak = Math.max(peak, r.hwm);
  }, 200);
  let crashed = false;
  page.on('crash', () => (crashed = true));
  const reply = await page.evaluate(
    async ({ url, units }) => {
      const blob = await (await fetch('plans.geojson')).blob();
      const w = new Worker(url, { type: 'module' });
      const t = performance.now();
      return await new Promise<{ ok: boolean; ms: number; error?: string; coverage?: number; counted?: number }>((resolve) => {
        w.onmessage = (e: MessageEvent) => {
          const d = e.data as { ok: boolean; error?: string; result?: { totals: { district: { coverage: number } }; plans: { counted: number } } };
          resolve({ ok: d.ok, ms: performance.now() - t, ...(d.error ? { error: d.error } : {}), ...(d.result ? { coverage: d.result.totals.district.coverage, counted: d.result.plans.counted } : {}) });
        };
        w.onerror = (e) => resolve({ ok: false, ms: performance.now() - t, error: `worker error: ${e.message || 'crashed (out of memory?)'}` });
        w.postMessage({ id: 1, type: 'init', units, plans: [], options: { levels: ['detailed'], statuses: ['approved'], target: 0.8 }, planBlobs: [blob] });
      });
    },
    { url: `assets/${workerFile}`, units },
  ).catch((e: Error) => ({ ok: false, ms: NaN, error: `${crashed ? 'the tab crashed' : 'the page closed'} (${e.message.split('\n')[0]})` }) as { ok: boolean; ms: number; error?: string; coverage?: number; counted?: number });
  clearInterval(poll);
  for (const r of renderers()) peak = Math.max(peak, r.hwm);
  const baseline = Math.max(0, ...before.map((r) => r.hwm));
  console.log(`\n| plans | first result in the worker | renderer peak RSS (tab + worker) | renderer before | outcome |`);
  console.log('| --- | --- | --- | --- | --- |');
  console.log(`| ${N.toLocaleString('en')} | ${(reply.ms / 1000).toFixed(1)} s | ${peak.toFixed(0)} MB | ${baseline.toFixed(0)} MB | ${reply.ok ? `ok: ${reply.counted} plans counted, district coverage ${reply.coverage?.toFixed(4)}` : `FAILED: ${reply.error}`} |`);
  console.log(`\nuptime: ${execFileSync('uptime').toString().trim()}`);
  if (!reply.ok) code = 1;
} finally {
  await browser.close();
  server.close();
  rmSync(dir, { recursive: true, force: true });
}
process.exit(code);
