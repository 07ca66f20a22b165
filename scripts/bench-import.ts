// Import responsiveness benchmark (issue 7: "a 100 MB GeoJSON imports without freezing the page";
// issue 15: no main-thread block over 200 ms). `npm run bench:import` (after `npm run build`;
// BENCH_DIST=DIR serves a build elsewhere). Generates a ~95 MB GeoJSON register (seeded), imports it
// through the file chooser in headless Chromium and records how long the page's thread was blocked
// (a 10 ms heartbeat's gaps over 60 ms) while the file is read, reprojected and checked, and while
// the accepted layer is drawn (its vector tiles are cut in the tile worker, so the page only ever
// receives one small tile at a time). Target: no block over 200 ms in either phase, in every one of
// three runs (BENCH_RUNS=N), each in a fresh browser context; exits 1 when any run misses it.
//
// A performance trace of each run says what a block was: the page's longest tasks with their wall and
// thread (CPU) time, and, for the longest heartbeat gap, how much of it the page's thread actually
// worked — a long gap in which the thread hardly ran is a busy machine (other processes, or the
// app's own workers on 2 cores), not the page's work. Baselines in the same run: the heartbeat on the
// idle app page (what the machine alone causes), JSON.parse of the same text on the page's thread,
// and the whole pipeline on one thread, as an app without a worker would run it.
import { chromium } from 'playwright-core';
import { preview } from 'vite';
import { createWriteStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { booleanPointInPolygon } from '@turf/turf';
import type { Feature } from 'geojson';
import type { Polygonal } from '../src/geo/types.ts';
import { mulberry32 } from '../src/geo/prng.ts';
import { importFile } from '../src/import/pipeline.ts';

// Plots are placed inside the district, as a real register's would be (the checker flags others).
const district = (JSON.parse(readFileSync('geodata/district.geojson', 'utf8')) as { features: Feature<Polygonal>[] }).features[0]!;

// "Without freezing" (issue 15): the page never stops responding for more than 200 ms.
const TARGET_MS = 200;
// The built app to serve: dist/ (`npm run build`), or BENCH_DIST=DIR for a build elsewhere.
const DIST = process.env.BENCH_DIST ?? 'dist';
if (!existsSync(join(DIST, 'index.html'))) {
  console.error(`bench-import: ${DIST}/ is missing; run \`npm run build\` first`);
  process.exit(2);
}

async function makeFile(path: string, bytes: number): Promise<number> {
  const rnd = mulberry32(7).next;
  const out = createWriteStream(path);
  out.write('{"type":"FeatureCollection","features":[');
  let size = 0;
  let i = 0;
  while (size < bytes) {
    const cx = 106.0 + rnd() * 0.17;
    const cy = 21.19 + rnd() * 0.16;
    if (!booleanPointInPolygon([cx, cy], district)) continue;
    const ring: number[][] = [];
    for (let k = 0; k < 120; k++) {
      const r = 0.002 * (1 + 0.1 * rnd());
      ring.push([+(cx + r * Math.cos((2 * Math.PI * k) / 120)).toFixed(6), +(cy + r * Math.sin((2 * Math.PI * k) / 120)).toFixed(6)]);
    }
    ring.push(ring[0]!);
    const f = JSON.stringify({ type: 'Feature', properties: { id: `f${i}`, ten_qh: `Lô ${i}`, cap_qh: '1/500', trang_thai: 'Đã phê duyệt' }, geometry: { type: 'Polygon', coordinates: [ring] } });
    out.write((i ? ',' : '') + f);
    size += Buffer.byteLength(f);
    i++;
  }
  out.write(']}');
  await new Promise((r) => out.end(r));
  return i;
}

const dir = mkdtempSync(join(tmpdir(), 'vy-bench-import-'));
const file = join(dir, 'register-95mb.geojson');
const count = await makeFile(file, 95 * 1024 * 1024);
console.log(`file: ${(statSync(file).size / 1048576).toFixed(1)} MB, ${count} polygons of 121 positions`);

const server = await preview({ build: { outDir: DIST }, preview: { host: '127.0.0.1', port: 0 }, logLevel: 'warn' });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
});

const PHASES = ['idle', 'import', 'draw'] as const;
type PhaseName = (typeof PHASES)[number];
/** What the trace says about one phase (null without a trace, BENCH_TRACE=0). */
interface PhaseTrace {
  /** The longest top-level task of the page's main thread: wall and thread time, ms. */
  task: { wall: number; thread: number };
  /** The longest gap between two heartbeats and the page's thread time within it, ms. */
  gap: { wall: number; thread: number };
}
interface Phase { ms: number; gaps: number[]; trace: PhaseTrace | null }
interface Run { phases: Record<PhaseName, Phase>; load: string }

// How long the idle page's heartbeat is watched before the import (the machine's own noise floor).
const IDLE_MS = 5000;

/** One import and draw in a fresh browser context (so no layer kept in IndexedDB by an earlier run comes back). */
async function runOnce(): Promise<Run> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  try {
    const page = await context.newPage();
    await page.goto(server.resolvedUrls!.local[0]! + '#panel=data');
    await page.waitForFunction(() => document.querySelector('.app')?.getAttribute('data-map-state') === 'idle', undefined, { timeout: 120_000 });
    // What the app still does after its first idle (the search index, coverage) is not the import's.
    await page.waitForTimeout(2000);
    // A heartbeat every 10 ms: the gaps between beats are how long the page could not respond
    // (input, scrolling, the progress bar), whatever blocked it.
    await page.evaluate(() => {
      const w = window as unknown as { __gaps: number[]; __last: number };
      w.__gaps = [];
      w.__last = performance.now();
      setInterval(() => {
        const now = performance.now();
        if (now - w.__last > 60) w.__gaps.push(now - w.__last);
        w.__last = now;
      }, 10);
    });
    const takeLong = () => page.evaluate(async () => {
      await new Promise((r) => setTimeout(r, 300));
      const w = window as unknown as { __gaps: number[] };
      const v = w.__gaps;
      w.__gaps = [];
      return v;
    });
    // Phase boundaries as User Timing marks: they are in the trace, on its own clock.
    const mark = (name: string) => page.evaluate((n) => void performance.mark(`bench:${n}`), name);

    const tracing = process.env.BENCH_TRACE !== '0';
    if (tracing) await browser.startTracing(page, { categories: ['toplevel', 'devtools.timeline', 'v8.execute', 'disabled-by-default-devtools.timeline', 'blink.user_timing'] });

    await mark('idle');
    const ti = Date.now();
    await page.waitForTimeout(IDLE_MS);
    const idleMs = Date.now() - ti;
    const idleLong = await takeLong();

    // The app's import, through the file chooser.
    await mark('import');
    await page.getByTestId('import-input').setInputFiles(file);
    const t0 = Date.now();
    await page.getByRole('button', { name: 'Thêm vào bản đồ', disabled: false }).waitFor({ timeout: 300_000 });
    const readMs = Date.now() - t0;
    const readLong = await takeLong();

    await mark('draw');
    const t1 = Date.now();
    await page.getByRole('button', { name: 'Thêm vào bản đồ' }).click({ timeout: 120_000 });
    // Drawn: the layer's vector source is on the map, its tiles are loaded and the map has settled.
    // The probe itself must be light: getStyle() serialises every source's data and
    // queryRenderedFeatures over 34,000 polygons takes ~0.4 s of the page's thread per poll.
    await page.waitForFunction(
      () => {
        type M = { getLayersOrder(): string[]; getLayer(id: string): { source: string } | undefined; isSourceLoaded(id: string): boolean; loaded(): boolean; areTilesLoaded(): boolean };
        const m = (window as unknown as { __vy: { map: M } }).__vy.map;
        const id = m.getLayersOrder().find((l) => l.startsWith('import-') && l.endsWith('-fill'));
        const source = id ? m.getLayer(id)?.source : undefined;
        return !!source && m.isSourceLoaded(source) && m.areTilesLoaded() && m.loaded();
      },
      undefined,
      { timeout: 300_000, polling: 250 },
    );
    const drawMs = Date.now() - t1;
    const drawLong = await takeLong();
    await mark('end');
    const traced = tracing ? reportTrace(await browser.stopTracing()) : null;
    const phase = (name: PhaseName, ms: number, gaps: number[]): Phase => ({ ms, gaps, trace: traced?.get(name) ?? null });
    return {
      phases: { idle: phase('idle', idleMs, idleLong), import: phase('import', readMs, readLong), draw: phase('draw', drawMs, drawLong) },
      load: loadavg().map((x) => x.toFixed(1)).join(', '),
    };
  } finally {
    await context.close();
  }
}

// Three runs by default: the target holds in every one of them, not on average (BENCH_RUNS=N).
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 3));
const runs: Run[] = [];
let parseMs = 0;
let pipelineMs = 0;
try {
  for (let i = 0; i < RUNS; i++) {
    console.log(`\nrun ${i + 1} of ${RUNS} (load average before: ${loadavg().map((x) => x.toFixed(1)).join(', ')})`);
    runs.push(await runOnce());
  }

  // Baseline: JSON.parse of the same text on the page's thread, as a task of the page, timed there.
  const page = await browser.newPage();
  await page.goto(server.resolvedUrls!.local[0]!);
  const text = await (await import('node:fs/promises')).readFile(file, 'utf8');
  await page.evaluate((t) => ((window as unknown as { __text: string }).__text = t), text);
  parseMs = await page.evaluate(() => new Promise<number>((resolve) => setTimeout(() => {
    const t = performance.now();
    JSON.parse((window as unknown as { __text: string }).__text);
    resolve(performance.now() - t);
  }, 0)));

  // Baseline 2: the whole import pipeline on one thread (what the page would do without a worker).
  const tn = Date.now();
  const r = importFile({ name: 'register-95mb.geojson', bytes: readFileSync(file) }, { role: 'plans', district });
  pipelineMs = Date.now() - tn;
  if (!r.ok) throw new Error(r.error);
} finally {
  await browser.close();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}

const max = (v: number[]) => Math.round(Math.max(0, ...v));
const median = (v: number[]) => {
  const s = [...v].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const LABEL: Record<PhaseName, string> = {
  idle: `baseline: the idle app page, ${IDLE_MS / 1000} s`,
  import: 'read, reproject, check (worker)',
  draw: 'accept → drawn (tile worker + MapLibre, software WebGL)',
};
const cells = (ph: Phase): string => {
  const t = ph.trace;
  const gap = t ? `${Math.round(t.gap.thread)} of ${Math.round(t.gap.wall)} ms` : '—';
  const task = t ? `${Math.round(t.task.wall)} / ${Math.round(t.task.thread)} ms` : '—';
  return `${(ph.ms / 1000).toFixed(1)} s | ${max(ph.gaps)} ms | ${ph.gaps.length} | ${gap} | ${task}`;
};
console.log(`\nload average when done: ${loadavg().map((x) => x.toFixed(1)).join(', ')} (${cpus().length} cores)`);
console.log('\n| run | phase | wall time | longest main-thread block (heartbeat) | blocks > 60 ms | page thread time in the longest gap (trace) | longest task, wall / thread (trace) | load average (1, 5, 15 min) at the run\'s end |');
console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
runs.forEach((run, i) => {
  for (const name of PHASES) console.log(`| ${i + 1} | ${LABEL[name]} | ${cells(run.phases[name])} | ${name === 'idle' ? run.load : ''} |`);
});
console.log(`| | baseline: JSON.parse alone on the page | ${(parseMs / 1000).toFixed(1)} s | ${Math.round(parseMs)} ms (all of it) | 1 | | | |`);
console.log(`| | baseline: the same pipeline on one thread (Node, this run) | ${(pipelineMs / 1000).toFixed(1)} s | ${pipelineMs} ms (all of it) | 1 | | | |`);

const range = (v: number[]) => `median ${Math.round(median(v))} ms, range ${Math.min(...v)}–${Math.max(...v)} ms over ${v.length} runs`;
const summary = (name: PhaseName, what: string) => {
  const v = runs.map((r) => max(r.phases[name].gaps));
  const ok = v.every((x) => x <= TARGET_MS);
  console.log(`${what}: longest block ${range(v)}; target ≤ ${TARGET_MS} ms in every run: ${ok ? 'PASS' : 'FAIL'}`);
  return ok;
};
console.log('');
const readOk = summary('import', 'importing (worker)');
const drawOk = summary('draw', 'drawing the accepted layer (vector tiles cut in the tile worker)');
console.log(`the idle app page on this machine, same runs: longest gap ${range(runs.map((r) => max(r.phases.idle.gaps)))} (what the machine's load alone causes)`);
console.log(`without a worker the page would be blocked ${pipelineMs} ms (the pipeline on one thread), ${Math.round(parseMs)} ms by JSON.parse alone`);
process.exit(readOk && drawOk ? 0 : 1);

/**
 * Per phase, from a Chromium trace of the page: its main thread's longest top-level task (wall and
 * thread time) and its longest heartbeat gap with the thread time the page spent inside it; prints
 * the longest tasks with the biggest events in them. Phases start at the `bench:*` User Timing marks.
 */
function reportTrace(buf: Buffer): Map<PhaseName, PhaseTrace> {
  interface Ev { name: string; cat?: string; ph: string; ts: number; dur?: number; tdur?: number; pid: number; tid: number; args?: { name?: string; data?: { functionName?: string; url?: string; timerId?: number } } }
  const out = new Map<PhaseName, PhaseTrace>();
  const events = (JSON.parse(buf.toString('utf8')) as { traceEvents: Ev[] }).traceEvents;
  // The app's renderer: the one whose main thread ran the most JavaScript.
  const calls = new Map<number, number>();
  for (const e of events) if (e.name === 'FunctionCall') calls.set(e.pid, (calls.get(e.pid) ?? 0) + 1);
  const main = events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').sort((a, b) => (calls.get(b.pid) ?? 0) - (calls.get(a.pid) ?? 0))[0];
  if (!main) {
    console.log('trace: renderer main thread not found');
    return out;
  }
  const at = (name: string) => events.find((e) => e.name === `bench:${name}` && e.pid === main.pid)?.ts;
  const bounds = [...PHASES, 'end'].map(at);
  if (bounds.some((b) => b === undefined)) {
    console.log('trace: phase marks not found');
    return out;
  }
  const onMain = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur !== undefined);
  const tasks = onMain.filter((e) => e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask');
  // The heartbeat is the timer that fired most often.
  const fires = new Map<number, number[]>();
  for (const e of onMain) {
    const id = e.name === 'TimerFire' ? e.args?.data?.timerId : undefined;
    if (id !== undefined) fires.set(id, [...(fires.get(id) ?? []), e.ts]);
  }
  const beats = [...fires.values()].sort((a, b) => b.length - a.length)[0]?.sort((a, b) => a - b) ?? [];
  const ownThread = (a: number, b: number) =>
    tasks.reduce((sum, t) => {
      const overlap = Math.min(b, t.ts + t.dur!) - Math.max(a, t.ts);
      return overlap > 0 ? sum + ((t.tdur ?? 0) * overlap) / t.dur! : sum;
    }, 0);
  const long: Ev[] = [];
  PHASES.forEach((name, i) => {
    const [from, to] = [bounds[i]!, bounds[i + 1]!];
    const inPhase = tasks.filter((t) => t.ts >= from && t.ts < to);
    const top = inPhase.reduce<Ev | null>((m, t) => (m === null || t.dur! > m.dur! ? t : m), null);
    let gap = { wall: 0, thread: 0 };
    for (let k = 1; k < beats.length; k++) {
      const [a, b] = [beats[k - 1]!, beats[k]!];
      if (b > from && a < to && b - a > gap.wall * 1000) gap = { wall: (b - a) / 1000, thread: Math.min(b - a, ownThread(a, b)) / 1000 };
    }
    out.set(name, { task: { wall: (top?.dur ?? 0) / 1000, thread: (top?.tdur ?? 0) / 1000 }, gap });
    if (name !== 'idle') long.push(...inPhase.filter((t) => t.dur! > 50_000).map((t) => ({ ...t, cat: name })));
  });
  console.log('trace: main-thread tasks over 50 ms (wall / thread time, and the largest events inside)');
  for (const t of long.sort((a, b) => b.dur! - a.dur!).slice(0, 8)) {
    const inside = onMain.filter((e) => e.ts >= t.ts && e.ts + e.dur! <= t.ts + t.dur! && e.dur! > 10_000 && e.name !== t.name);
    const top = inside.sort((a, b) => b.dur! - a.dur!).slice(0, 4).map((e) => `${e.name}${e.args?.data?.functionName ? ' ' + e.args.data.functionName : ''}${e.args?.data?.url ? ' ' + e.args.data.url.split('/').pop() : ''} ${(e.dur! / 1000).toFixed(0)} ms`);
    console.log(`  ${t.cat}: ${(t.dur! / 1000).toFixed(0)} ms wall / ${((t.tdur ?? 0) / 1000).toFixed(0)} ms thread: ${top.join('; ')}`);
  }
  return out;
}
