// Page benchmark of issue 16's "one proposal edit … the page shows it within 100 ms", at 10,000
// plans. `npm run bench:proposal-page` (after `npm run build`; VY_DIST=DIR or BENCH_DIST=DIR serves
// a build elsewhere). bench:gaps measures the worker's handler in Node; this measures what a user
// waits for in the built app, in headless Chromium (SwiftShader WebGL, 1366×900).
//
// Register: the realistic register of bench:gaps (src/coverage/synthetic.ts realisticPlans over the
// 17 units of geodata/units-2021.geojson, with withApprovalDates; the ~3 % of generated plans the
// import's checker refuses as lying outside the district are left out), written to a temporary GeoJSON
// file — checked against the import's limits (src/validation/limits.ts) — and imported through the
// file chooser as a plan register ('Dữ liệu của tôi' → 'Sổ quy hoạch' → 'Thêm vào bản đồ'). The
// demonstration register is switched off, so the page counts exactly the file's plans (the target
// unit's coverage row must show the value this process computes with the engine).
//
// The spot: the largest gap piece (in Node, with the engine) of the slated units; the map is framed
// on it so the proposals section's keyboard path ('Thêm hình chữ nhật giữa bản đồ', a rectangle at
// the centre of the map's visible part) puts the rectangle there. Each cycle, as a user makes it:
// add (button click), drag its north-east vertex with the mouse (terra-draw's select mode), delete
// (the row's Xoá button). Before each edit the app is quiet (no coverage-worker request pending);
// after it, until both the coverage row and the gap row have changed.
//
// Measured in the page, on its clock (performance.now): from the input event that ends the gesture
// (pointerup, its event.timeStamp) to
//   - coverage shown: the first DOM change of the unit's coverage row (tr[data-unit]: its .pct,
//     base → with proposals, data-coverage; the row is re-rendered for every new result);
//   - gaps shown: the first DOM change of the unit's gap row (tr[data-gap-unit]).
// A MutationObserver installed before the input records the time; "frame" is the animation frame
// after it (what is painted next). A wrapper of window.Worker logs every request to the coverage
// worker and its reply (with the worker's own compute time, `ms`): the breakdown tells the page's
// time, the worker's compute, and any waiting in the worker's queue (a request sent while another
// was still in flight). Long tasks of the page's thread in the window are summed.
// Baseline in the same run: the same edits at the same spot with the demonstration register only
// (73 plans): the page's own overhead. The load average is printed with each part.
// Also shown, not in the target ("add-busy"): a rectangle added 300 ms after the target percentage
// changed, while the worker still computes that change's result, the gaps and the timeline (which
// depends on the target) — the cost of waiting in the worker's queue, which answers in order.
// Target: median "coverage shown" of the add/drag/delete edits at 10,000 plans ≤ 100 ms, with at
// least 15 of them measured; exit 1 otherwise.
// BENCH_PROPOSAL_CYCLES=N (default 8: 24 edits), BENCH_PROPOSAL_BUSY=N (default 3),
// BENCH_PLANS=N (default 10,000), BENCH_TRACE=FILE writes a Chromium performance trace of the
// 10,000-plan add/drag/delete edits.
import { preview } from 'vite';
import { chromium, type Browser, type Page } from 'playwright-core';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { centerOfMass, booleanPointInPolygon, pointOnFeature } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { createCoverageIndex } from '../src/coverage/engine.ts';
import { computeCoverage } from '../src/coverage/index.ts';
import { realisticPlans, withApprovalDates } from '../src/coverage/synthetic.ts';
import { MAX_FEATURES, MAX_FILE_BYTES, MAX_TOTAL_VERTICES } from '../src/validation/limits.ts';
import type { InputFeature } from '../src/coverage/types.ts';
import { importFile } from '../src/import/pipeline.ts';

const TARGET_MS = 100;
const WANTED = Number(process.env.BENCH_PLANS ?? 10_000);
const CYCLES = Number(process.env.BENCH_PROPOSAL_CYCLES ?? 8);
const ZOOM = 16;
const BUSY_REPEATS = Number(process.env.BENCH_PROPOSAL_BUSY ?? 3);
const DIST = process.env.VY_DIST ?? process.env.BENCH_DIST ?? 'dist';
if (!existsSync(join(DIST, 'index.html'))) {
  console.error(`bench-proposal-page: ${DIST}/ is missing; run \`npm run build\` first`);
  process.exit(2);
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length === 0 ? NaN : s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const f0 = (x: number): string => (Number.isFinite(x) ? x.toFixed(0) : '—');
const stats = (xs: readonly number[]): string =>
  xs.length ? `median ${f0(median(xs))} ms (range ${f0(Math.min(...xs))}–${f0(Math.max(...xs))}, n = ${xs.length})` : 'no sample';
const load = (): string => `load ${loadavg().map((l) => l.toFixed(2)).join(' ')}`;
const pctVi = (x: number): string => `${(x * 100).toFixed(1).replace('.', ',')}%`;

// ---------------------------------------------------------------- the register file
const units = (JSON.parse(readFileSync('geodata/units-2021.geojson', 'utf8')) as FeatureCollection).features as InputFeature[];
const demo = (JSON.parse(readFileSync('geodata/plans-demo.geojson', 'utf8')) as FeatureCollection).features as InputFeature[];
const positions = (f: InputFeature): number => {
  const g = f.geometry;
  if (g?.type === 'Polygon') return g.coordinates.reduce((s, r) => s + r.length, 0);
  if (g?.type === 'MultiPolygon') return g.coordinates.reduce((s, p) => s + p.reduce((t, r) => t + r.length, 0), 0);
  return 0;
};
// The import's checker refuses a register with errors: some 3 % of the generated plans lie wholly
// outside the district (centred on its outer boundary, or in the units' bbox beyond it). Those are
// left out, as a planner would before importing: the register is the first WANTED plans the
// checker accepts (with the district outline, as the app checks).
const district = JSON.parse(readFileSync('geodata/district.geojson', 'utf8')) as unknown;
const candidates = withApprovalDates(realisticPlans(Math.ceil(WANTED * 1.06) + 50, units));
const checked = importFile({ name: 'candidates.geojson', bytes: Buffer.from(JSON.stringify({ type: 'FeatureCollection', features: candidates })) }, { role: 'plans', district });
if (!checked.ok) throw new Error(`the generated register does not import: ${checked.error}`);
const refused = new Set(checked.problems.filter((p) => p.severity === 'error').map((p) => p.featureIndex));
const all = candidates.filter((_, i) => !refused.has(i)).slice(0, WANTED);
if (all.length < WANTED) throw new Error(`only ${all.length} generated plans pass the import's checker`);
if (refused.size) console.log(`left out ${refused.size} of ${candidates.length} generated plans the import's checker refuses (${[...new Set(checked.problems.filter((p) => p.severity === 'error').map((p) => p.code))].join(', ')})`);
// A register of n plans is the first n of a larger one: the largest prefix within every limit.
let n = Math.min(WANTED, MAX_FEATURES);
let text = '';
const limitNotes: string[] = [];
for (;;) {
  const plans = all.slice(0, n);
  const pos = plans.reduce((s, f) => s + positions(f), 0);
  text = JSON.stringify({ type: 'FeatureCollection', features: plans });
  const bytes = Buffer.byteLength(text);
  if (pos <= MAX_TOTAL_VERTICES && bytes <= MAX_FILE_BYTES) {
    console.log(`register: ${n.toLocaleString('en')} realistic plans, ${pos.toLocaleString('en')} positions, ${(bytes / 1048576).toFixed(1)} MB ` +
      `(limits: ${MAX_FEATURES.toLocaleString('en')} features, ${MAX_TOTAL_VERTICES.toLocaleString('en')} positions, ${MAX_FILE_BYTES / 1048576} MB)`);
    const recheck = importFile({ name: 'register.geojson', bytes: Buffer.from(text) }, { role: 'plans', district });
    if (!recheck.ok || recheck.problems.some((p) => p.severity === 'error')) throw new Error('the register still has problems the import refuses');
    break;
  }
  limitNotes.push(`${n} plans exceed a limit (${pos} positions, ${bytes} bytes)`);
  n = Math.floor(n * 0.95);
}
if (n < WANTED) console.log(`NOTE: ${WANTED} plans do not fit the import's limits; using the largest prefix that fits (${limitNotes.join('; ')})`);
const dir = mkdtempSync(join(tmpdir(), 'vy-bench-proposal-'));
const file = join(dir, 'so-quy-hoach-10000.geojson');
writeFileSync(file, text);
text = '';
const plans = all.slice(0, n);

// ---------------------------------------------------------------- the spot, and what the page must show
const index = createCoverageIndex(units, plans);
const slatedIds = units.filter((u) => u.properties?.['slated_ward'] === true).map((u) => String(u.properties!['code']));
const gaps = index.gaps(slatedIds);
const piece = [...gaps.pieces.features].sort((a, b) => b.properties.area_m2 - a.properties.area_m2)[0]!;
const com = centerOfMass(piece as Feature<Polygon | MultiPolygon>).geometry.coordinates as [number, number];
const SPOT: [number, number] = booleanPointInPolygon(com, piece) ? com : (pointOnFeature(piece).geometry.coordinates as [number, number]);
const UNIT = piece.properties.unit_id;
const unitName = piece.properties.unit_name;
const expected10k = index.result().units.find((u) => u.id === UNIT)!.coverage;
const expectedDemo = computeCoverage(units, demo, {}).units.find((u) => u.id === UNIT)!.coverage;
console.log(`spot: ${SPOT.map((x) => x.toFixed(5)).join(', ')} in ${unitName} (${UNIT}), its largest gap piece (${(piece.properties.area_m2 / 10_000).toFixed(1)} ha); ` +
  `coverage ${pctVi(expected10k)} with the register, ${pctVi(expectedDemo)} with the demonstration register`);
console.log(`node ${process.version}, ${cpus().length} cores, ${load()}\n`);

// ---------------------------------------------------------------- page-side instruments (plain JS)
const INSTRUMENTS = `(() => {
  const B = (window.__bench = { log: [], longtasks: [], armed: null });
  const COV = new Set(['init', 'setOptions', 'setUnits', 'upsertPlan', 'removePlan', 'upsertPlans', 'removePlans', 'gaps', 'timeline']);
  const Native = window.Worker;
  // Every request to the coverage worker and its reply: when sent, when the reply reached the page
  // (before the app reads it), and the worker's own compute time.
  window.Worker = class extends Native {
    constructor(url, opts) {
      super(url, opts);
      this.__cov = false;
      this.addEventListener('message', (ev) => {
        if (!this.__cov) return;
        const t = performance.now();
        const d = ev.data;
        B.log.push({ dir: 'in', t, id: d && d.id, ms: d && d.ms, ok: d && d.ok });
      });
    }
    postMessage(m, ...rest) {
      if (m && COV.has(m.type) && (m.type !== 'init' || Array.isArray(m.units))) this.__cov = true;
      if (this.__cov) B.log.push({ dir: 'out', t: performance.now(), id: m && m.id, type: m && m.type });
      return super.postMessage(m, ...rest);
    }
  };
  B.outstanding = () => {
    const open = new Map();
    for (const e of B.log) {
      if (e.dir === 'out') open.set(e.id, e.type);
      else open.delete(e.id);
    }
    return [...open.values()];
  };
  try {
    new PerformanceObserver((l) => { for (const e of l.getEntries()) B.longtasks.push({ start: e.startTime, dur: e.duration }); })
      .observe({ type: 'longtask', buffered: true });
  } catch (e) {}
  for (const type of ['pointerup', 'click']) {
    window.addEventListener(type, (ev) => {
      if (B.armed) B.armed.inputs.push({ type, ts: ev.timeStamp, at: performance.now() });
    }, true);
  }
  const sig = (sel) => {
    const el = document.querySelector(sel);
    if (!el) return { el: null, text: '' };
    const c = el.querySelector('[data-coverage]');
    return { el, text: el.textContent + '|' + (c ? c.getAttribute('data-coverage') : '') };
  };
  // mode 'any': the first change of the rows (each new result re-renders them). mode 'added': the
  // result with a proposal in the unit (its row shows coverage without → with proposals) and gaps
  // whose area for the unit differs from now — for an edit made while other results still arrive.
  const gapHa = (el) => { const c = el && el.querySelector('.gap-ha'); return c ? c.textContent : null; };
  B.arm = (unit, mode) => {
    const covSel = 'tr[data-unit="' + unit + '"]';
    const gapSel = 'tr[data-gap-unit="' + unit + '"]';
    const a = { unit, armedAt: performance.now(), inputs: [], logFrom: B.log.length, cov0: sig(covSel), gap0: sig(gapSel),
      cov: null, covFrame: null, covText: null, gap: null, gapFrame: null, gapText: null };
    const check = () => {
      const now = performance.now();
      if (a.cov === null) {
        const s = sig(covSel);
        if (s.el && (mode === 'added' ? !!s.el.querySelector('.base-pct') : s.el !== a.cov0.el || s.text !== a.cov0.text)) {
          a.cov = now;
          a.covText = s.text;
          requestAnimationFrame(() => { a.covFrame = performance.now(); });
        }
      }
      if (a.gap === null) {
        const s = sig(gapSel);
        if (s.el && (mode === 'added' ? gapHa(s.el) !== gapHa(a.gap0.el) : s.el !== a.gap0.el || s.text !== a.gap0.text)) {
          a.gap = now;
          a.gapText = s.text;
          requestAnimationFrame(() => { a.gapFrame = performance.now(); });
        }
      }
      if (a.cov !== null && a.gap !== null) obs.disconnect();
    };
    const obs = new MutationObserver(check);
    obs.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    a.stop = () => obs.disconnect();
    B.armed = a;
    return { cov0: a.cov0.text, gap0: a.gap0.text };
  };
  B.take = () => {
    const a = B.armed;
    B.armed = null;
    if (!a) return null;
    a.stop();
    const { stop, cov0, gap0, ...rest } = a;
    return { ...rest, cov0: cov0.text, gap0: gap0.text, log: B.log.slice(a.logFrom), longtasks: B.longtasks.filter((t) => t.start + t.dur >= a.armedAt) };
  };
  B.stored = () => new Promise((resolve, reject) => {
    const open = indexedDB.open('viet-yen');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      if (!db.objectStoreNames.contains('proposals')) return (db.close(), resolve([]));
      const q = db.transaction('proposals').objectStore('proposals').getAll();
      q.onsuccess = () => (db.close(), resolve(q.result));
      q.onerror = () => reject(q.error);
    };
  });
})();`;

interface Taken {
  unit: string;
  armedAt: number;
  inputs: { type: string; ts: number; at: number }[];
  cov: number | null; covFrame: number | null; covText: string | null;
  gap: number | null; gapFrame: number | null; gapText: string | null;
  cov0: string; gap0: string;
  log: { dir: 'in' | 'out'; t: number; id: number; type?: string; ms?: number; ok?: boolean }[];
  longtasks: { start: number; dur: number }[];
}
interface Edit {
  /** add-busy: an add made right after the counting rules changed (the worker recomputes gaps and the timeline). */
  kind: 'add' | 'drag' | 'delete' | 'add-busy';
  input: number;
  /** Input → coverage row changed in the DOM; → the next animation frame. */
  cov: number; covFrame: number;
  gap: number; gapFrame: number;
  /** Input → the edit's request posted to the worker; its round trip; the worker's compute; reply → row changed. */
  toPost: number; editTrip: number; editMs: number; replyToDom: number;
  /** Requests already in flight when the edit's request was posted (it waits behind them). */
  queuedBehind: string[];
  /** The gaps request: posted after the coverage row (ms after input), round trip, compute, reply → gap row. */
  gapsPost: number; gapsTrip: number; gapsMs: number; gapsReplyToDom: number;
  /** Other coverage-worker requests sent in the window (e.g. a timeline). */
  others: string[];
  longTaskMs: number; longestTask: number;
  text: string;
}

const server = await preview({ build: { outDir: DIST }, preview: { host: '127.0.0.1', port: 0 }, logLevel: 'warn' });
const BASE = server.resolvedUrls!.local[0]!;
const browser: Browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
});

type W = { __bench: { outstanding(): string[]; arm(u: string, mode: 'any' | 'added'): unknown; take(): Taken | null; stored(): Promise<{ id: string; name: string; geometry: Polygon }[]> }; __vy: { map: any } };

async function waitForIdle(page: Page): Promise<void> {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await page.waitForFunction(() => {
    const s = document.querySelector('.app')?.getAttribute('data-map-state');
    if (s === 'error') throw new Error('map reported an error');
    const w = window as unknown as { __vy?: { map: { loaded(): boolean; isMoving(): boolean } } };
    return s === 'idle' && !!w.__vy?.map.loaded() && !w.__vy.map.isMoving();
  }, undefined, { timeout: 120_000 });
}

/** No coverage-worker request in flight, nothing shown as computing; then a pause, as between a user's edits. */
async function quiet(page: Page, pause = 400): Promise<void> {
  await page.waitForFunction(() => {
    const b = (window as unknown as W).__bench;
    return b.outstanding().length === 0 && !document.querySelector('[data-testid="coverage-headline"] .busy') &&
      !document.querySelector('[data-testid="gaps"] .busy') && !!document.querySelector('[data-testid="gaps"] tr[data-gap-unit]');
  }, undefined, { timeout: 600_000, polling: 100 });
  await page.waitForTimeout(pause);
}

const stored = (page: Page) => page.evaluate(() => (window as unknown as W).__bench.stored());
async function storedCount(page: Page, k: number): Promise<{ id: string; name: string; geometry: Polygon }[]> {
  const t = Date.now();
  for (;;) {
    const s = await stored(page);
    if (s.length === k) return s;
    if (Date.now() - t > 30_000) throw new Error(`IndexedDB holds ${s.length} proposals, not ${k}`);
    await page.waitForTimeout(50);
  }
}
async function project(page: Page, ll: [number, number]): Promise<{ x: number; y: number }> {
  return page.evaluate((p) => {
    const m = (window as unknown as W).__vy.map;
    const q = m.project(p);
    const r = m.getCanvas().getBoundingClientRect();
    return { x: q.x + r.left, y: q.y + r.top };
  }, ll);
}
const addButton = (page: Page) => page.getByRole('button', { name: 'Thêm hình chữ nhật giữa bản đồ' });
const deleteButton = (page: Page) => page.locator('.proposal-list li button.danger').first();

/** One edit: arm the observers, make the gesture, wait until the coverage and gap rows changed. */
async function measure(page: Page, kind: Edit['kind'], gesture: () => Promise<void>, opts: { quiet?: boolean; mode?: 'any' | 'added' } = {}): Promise<Edit | null> {
  if (opts.quiet !== false) await quiet(page);
  await page.evaluate(([u, m]) => (window as unknown as W).__bench.arm(u, m), [UNIT, opts.mode ?? 'any'] as const);
  await gesture();
  try {
    await page.waitForFunction(() => {
      const a = (window as unknown as { __bench: { armed: { cov: number | null; gap: number | null; covFrame: number | null; gapFrame: number | null } | null } }).__bench.armed;
      return !!a && a.covFrame !== null && a.gapFrame !== null;
    }, undefined, { timeout: 60_000, polling: 50 });
  } catch {
    const a = await page.evaluate(() => (window as unknown as W).__bench.take());
    console.log(`  ${kind}: the rows did not change within 60 s (coverage ${a?.cov !== null ? 'changed' : 'unchanged'}, gaps ${a?.gap !== null ? 'changed' : 'unchanged'}); not counted`);
    return null;
  }
  const a = (await page.evaluate(() => (window as unknown as W).__bench.take()))!;
  const up = a.inputs.find((i) => i.type === 'pointerup') ?? a.inputs[0];
  if (!up) throw new Error(`${kind}: no input event seen`);
  const input = up.ts;
  const outs = a.log.filter((e) => e.dir === 'out');
  const reply = (id: number) => a.log.find((e) => e.dir === 'in' && e.id === id);
  const edit = outs.find((e) => e.type === 'upsertPlans' || e.type === 'removePlans' || e.type === 'upsertPlan' || e.type === 'removePlan');
  const gapsReq = outs.find((e) => e.type === 'gaps' && (!edit || e.t >= edit.t));
  // Requests in flight when the edit was posted: posted earlier (in this window or before) and not answered yet.
  const before = await page.evaluate(() =>
    (window as unknown as { __bench: { log: { dir: string; t: number; id: number; type?: string }[] } }).__bench.log.slice());
  const queuedBehind: string[] = [];
  if (edit) {
    const open = new Map<number, string>();
    for (const e of before) {
      if (e.t >= edit.t) break;
      if (e.dir === 'out') open.set(e.id, e.type ?? '?');
      else open.delete(e.id);
    }
    queuedBehind.push(...open.values());
  }
  const er = edit ? reply(edit.id) : undefined;
  const gr = gapsReq ? reply(gapsReq.id) : undefined;
  const inWindow = a.longtasks.filter((t) => t.start < (a.gap ?? a.cov ?? Infinity) && t.start + t.dur > input);
  return {
    kind, input,
    cov: a.cov! - input, covFrame: a.covFrame! - input, gap: a.gap! - input, gapFrame: a.gapFrame! - input,
    toPost: edit ? edit.t - input : NaN, editTrip: edit && er ? er.t - edit.t : NaN, editMs: er?.ms ?? NaN, replyToDom: er ? a.cov! - er.t : NaN,
    queuedBehind,
    gapsPost: gapsReq ? gapsReq.t - input : NaN, gapsTrip: gapsReq && gr ? gr.t - gapsReq.t : NaN, gapsMs: gr?.ms ?? NaN, gapsReplyToDom: gr ? a.gap! - gr.t : NaN,
    others: outs.filter((e) => e !== edit && e !== gapsReq).map((e) => e.type ?? '?'),
    longTaskMs: inWindow.reduce((s, t) => s + t.dur, 0), longestTask: Math.max(0, ...inWindow.map((t) => t.dur)),
    text: (a.covText ?? '').split('|')[0]!.replace(/\s+/g, ' ').trim(),
  };
}

/** A drag in small steps (terra-draw and MapLibre see every move). */
async function drag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }): Promise<void> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + (to.x - from.x) / 3, from.y + (to.y - from.y) / 3, { steps: 4 });
  await page.mouse.move(to.x, to.y, { steps: 8 });
  await page.mouse.up();
}

async function session(label: string, withRegister: boolean, trace: string | undefined): Promise<{ edits: Edit[]; loadBefore: string; loadAfter: string }> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, deviceScaleFactor: 1, reducedMotion: 'reduce' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript(INSTRUMENTS);
  try {
    await page.goto(BASE);
    await waitForIdle(page);
    const t0 = Date.now();
    if (withRegister) {
      await page.getByRole('tab', { name: 'Dữ liệu của tôi' }).click();
      await page.getByTestId('import-input').setInputFiles(file);
      const item = page.getByTestId('pending-import');
      const add = item.getByRole('button', { name: 'Thêm vào bản đồ' });
      await add.waitFor({ timeout: 300_000 });
      const role = item.getByRole('radio', { name: /Sổ quy hoạch/ });
      if ((await role.count()) && !(await role.isChecked())) await role.check();
      await page.getByRole('button', { name: 'Thêm vào bản đồ', disabled: false }).waitFor({ timeout: 120_000 });
      await add.click();
      await item.waitFor({ state: 'detached', timeout: 300_000 });
    }
    await page.getByRole('tab', { name: 'Độ phủ quy hoạch chi tiết' }).click();
    if (withRegister) {
      const demoBox = page.getByRole('checkbox', { name: 'Tính cả sổ quy hoạch trình diễn' });
      if (await demoBox.isChecked()) await demoBox.uncheck();
    }
    const want = pctVi(withRegister ? expected10k : expectedDemo);
    const pct = page.locator(`tr[data-unit="${UNIT}"] .pct`);
    const tw = Date.now();
    for (;;) {
      if ((await pct.count()) && (await pct.textContent()) === want) break;
      if (Date.now() - tw > 300_000) throw new Error(`${label}: ${unitName}'s row shows ${await pct.textContent()}, not the engine's ${want}`);
      await page.waitForTimeout(200);
    }
    await page.getByTestId('proposals').waitFor();
    // The chart (coverage over time) is asked for when the tab opens: let it and the gaps finish.
    await page.locator('[data-testid="timeline"] svg, [data-testid="timeline"] canvas').first().waitFor({ timeout: 600_000 }).catch(() => undefined);
    await quiet(page);
    console.log(`${label}: ready in ${((Date.now() - t0) / 1000).toFixed(1)} s (${unitName} ${want}); ${load()}`);
    // What the coverage worker did to get there (a first edit made meanwhile would wait behind it).
    const startup = await page.evaluate(() => (window as unknown as { __bench: { log: Taken['log'] } }).__bench.log.slice());
    console.log(`  coverage-worker requests so far (type: round trip / worker compute, ms): ${startup.filter((e) => e.dir === 'out').map((o) => {
      const r = startup.find((e) => e.dir === 'in' && e.id === o.id);
      return `${o.type}: ${r ? f0(r.t - o.t) : '…'} / ${r ? f0(r.ms ?? NaN) : '…'}`;
    }).join('; ')}`);

    // Frame the map on the spot; a first rectangle (loads the drawing tools, not counted) tells where
    // "the centre of the map's visible part" is, and the map is moved so rectangles land on the spot.
    await page.evaluate(([c, z]) => (window as unknown as W).__vy.map.jumpTo({ center: c, zoom: z }), [SPOT, ZOOM] as const);
    await waitForIdle(page);
    await quiet(page);
    await addButton(page).click();
    const [first] = await storedCount(page, 1);
    const ring = first!.geometry.coordinates[0]!.slice(0, 4);
    const centre: [number, number] = [ring.reduce((s, p) => s + p[0]!, 0) / 4, ring.reduce((s, p) => s + p[1]!, 0) / 4];
    await quiet(page);
    await deleteButton(page).click();
    await storedCount(page, 0);
    await page.evaluate(([s, c]) => {
      const m = (window as unknown as W).__vy.map;
      const at = m.getCenter();
      m.jumpTo({ center: [at.lng + s[0] - c[0], at.lat + s[1] - c[1]] });
    }, [SPOT, centre] as const);
    await waitForIdle(page);

    if (trace) await browser.startTracing(page, { path: trace, categories: ['toplevel', 'devtools.timeline', 'v8.execute', 'disabled-by-default-devtools.timeline', 'blink.user_timing'] });
    const edits: Edit[] = [];
    const loadBefore = load();
    let dragFailed = 0;
    for (let c = 0; c < CYCLES; c++) {
      const added = await measure(page, 'add', () => addButton(page).click());
      if (added) edits.push(added);
      const [p] = await storedCount(page, 1);
      // The north-east corner, moved 30 px out and 20 px up (the rectangle is selected after it is added).
      const ne = p!.geometry.coordinates[0]!.reduce((a, q) => (q[0]! + q[1]! > a[0]! + a[1]! ? q : a));
      const v = await project(page, [ne[0]!, ne[1]!]);
      const dragged = await measure(page, 'drag', () => drag(page, v, { x: v.x + 30, y: v.y - 20 }));
      if (dragged) edits.push(dragged);
      else dragFailed++;
      const deleted = await measure(page, 'delete', () => deleteButton(page).click());
      if (deleted) edits.push(deleted);
      await storedCount(page, 0);
    }
    if (trace) await browser.stopTracing();
    // Not in the target: a rectangle added 300 ms after the target percentage changed, when the
    // worker is still busy with that change (its result, the gaps of the nine, the timeline, which
    // depends on the target) — what waiting in the worker's queue costs the page.
    const target = page.getByRole('spinbutton', { name: 'Mục tiêu (%)' });
    for (let r = 0; r < BUSY_REPEATS; r++) {
      await quiet(page);
      await target.fill(r % 2 ? '80' : '79');
      await target.press('Enter');
      await page.waitForTimeout(300);
      const busy = await measure(page, 'add-busy', () => addButton(page).click(), { quiet: false, mode: 'added' });
      if (busy) edits.push(busy);
      await storedCount(page, 1);
      await quiet(page);
      await deleteButton(page).click();
      await storedCount(page, 0);
    }
    if (BUSY_REPEATS % 2) {
      await quiet(page);
      await target.fill('80');
      await target.press('Enter');
    }
    if (dragFailed) console.log(`${label}: ${dragFailed} vertex drags did not change coverage (not counted)`);
    if (errors.length) console.log(`${label}: page errors: ${errors.join(' | ')}`);
    return { edits, loadBefore, loadAfter: load() };
  } catch (e) {
    const shot = join(tmpdir(), 'vy-bench-proposal-failed.png');
    await page.screenshot({ path: shot, fullPage: true }).catch(() => undefined);
    console.error(`${label}: failed (screenshot ${shot}); page errors: ${errors.join(' | ') || 'none'}`);
    throw e;
  } finally {
    await context.close();
  }
}

const TRACE = process.env.BENCH_TRACE;
let ok = false;
try {
  const big = await session(`${n.toLocaleString('en')} plans`, true, TRACE);
  const base = await session('demonstration register only (73 plans)', false, undefined);

  const rowOf = (e: Edit) =>
    `  ${e.kind.padEnd(8)} cov ${f0(e.cov).padStart(5)} (frame ${f0(e.covFrame).padStart(5)})  gaps ${f0(e.gap).padStart(5)} (frame ${f0(e.gapFrame).padStart(5)})` +
    ` | input→post ${f0(e.toPost).padStart(4)}, edit trip ${f0(e.editTrip).padStart(4)} (worker ${f0(e.editMs).padStart(4)}), reply→row ${f0(e.replyToDom).padStart(4)}` +
    ` | gaps post @${f0(e.gapsPost).padStart(4)}, trip ${f0(e.gapsTrip).padStart(4)} (worker ${f0(e.gapsMs).padStart(4)}), reply→row ${f0(e.gapsReplyToDom).padStart(4)}` +
    `${e.replyToDom < 0 ? ' [row changed before the reply!]' : ''} | long tasks ${f0(e.longTaskMs)} (max ${f0(e.longestTask)})${e.queuedBehind.length ? ` | queued behind ${e.queuedBehind.join(',')}` : ''}${e.others.length ? ` | also ${e.others.join(',')}` : ''}`;
  const summary = (label: string, r: { edits: Edit[]; loadBefore: string; loadAfter: string }) => {
    console.log(`\n${label} — ${r.edits.length} edits (${r.loadBefore} before, ${r.loadAfter} after); times from the input event, ms:`);
    for (const e of r.edits) console.log(rowOf(e));
    const by = (k: Edit['kind'] | null) => r.edits.filter((e) => (k === null ? e.kind !== 'add-busy' : e.kind === k));
    for (const k of [null, 'add', 'drag', 'delete', 'add-busy'] as const) {
      const es = by(k);
      if (!es.length) continue;
      console.log(`  ${(k ?? 'all').padEnd(8)} coverage shown ${stats(es.map((e) => e.cov))}; next frame ${f0(median(es.map((e) => e.covFrame)))} ms; ` +
        `gaps shown ${stats(es.map((e) => e.gap))}; worker compute: edit ${f0(median(es.map((e) => e.editMs)))} ms + gaps ${f0(median(es.map((e) => e.gapsMs)))} ms (medians)`);
    }
  };
  summary(`${n.toLocaleString('en')} plans`, big);
  summary('baseline, demonstration register only', base);
  const steady = (r: { edits: Edit[] }) => r.edits.filter((e) => e.kind !== 'add-busy');
  const m = median(steady(big).map((e) => e.cov));
  const mb = median(steady(base).map((e) => e.cov));
  const g = median(steady(big).map((e) => e.gap));
  ok = steady(big).length >= 15 && m <= TARGET_MS;
  console.log(`\none proposal edit at ${n.toLocaleString('en')} plans: coverage shown ${f0(m)} ms median (target ≤ ${TARGET_MS} ms; baseline at 73 plans ${f0(mb)} ms), gaps shown ${f0(g)} ms median (baseline ${f0(median(steady(base).map((e) => e.gap)))} ms)`);
  const busy = big.edits.filter((e) => e.kind === 'add-busy');
  if (busy.length) console.log(`an add 300 ms after the target changed (not in the target): coverage shown ${stats(busy.map((e) => e.cov))} at ${n.toLocaleString('en')} plans, ${stats(base.edits.filter((e) => e.kind === 'add-busy').map((e) => e.cov))} at 73`);
  if (steady(big).length < 15) console.log(`only ${steady(big).length} edits measured (at least 15 wanted)`);
  if (TRACE) console.log(`trace of the ${n.toLocaleString('en')}-plan edits: ${TRACE}`);
  console.log(ok ? 'bench-proposal-page: target met' : 'bench-proposal-page: TARGET MISSED');
} finally {
  await browser.close();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}
process.exit(ok ? 0 : 1);
