// Benchmark of the coverage engine against the naive Turf baseline (issue 4).
// `npm run bench`. Synthetic registers (seeded, so every run measures the same thing) over the
// real units if geodata/units-2021.geojson exists, else a synthetic 17-unit tiling.
// Targets: full recompute ≥ 5× the baseline at 1,000 plans; one plan changed at 10,000 ≤ 50 ms
// (median of 20 edits). Exit code 1 when a target fails.
import { existsSync, readFileSync } from 'node:fs';
import { createCoverageIndex } from '../src/coverage/engine.ts';
import { naiveCoverage } from '../src/coverage/naive.ts';
import { syntheticPlans, syntheticUnits } from '../src/coverage/synthetic.ts';
import { extent } from '../src/geo/extent.ts';
import { mulberry32 } from '../src/geo/prng.ts';
import type { InputFeature, CoverageResult } from '../src/coverage/types.ts';

const UNITS_FILE = 'geodata/units-2021.geojson';
const SIZES = [100, 1_000, 10_000];
const EDITS = 20;

function loadUnits(): { units: InputFeature[]; source: string } {
  if (existsSync(UNITS_FILE)) {
    try {
      const fc = JSON.parse(readFileSync(UNITS_FILE, 'utf8')) as { features?: InputFeature[] };
      const units = (fc.features ?? []).filter((f) => f.geometry?.type === 'Polygon' || f.geometry?.type === 'MultiPolygon');
      if (units.length > 0) return { units, source: `${UNITS_FILE} (${units.length} units)` };
    } catch {
      /* fall through to the synthetic tiling: the file may be half-written by its producer */
    }
  }
  return { units: syntheticUnits(), source: 'synthetic 17-unit tiling (seeded)' };
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

function time<T>(f: () => T): { ms: number; value: T } {
  const t = performance.now();
  const value = f();
  return { ms: performance.now() - t, value };
}

/** Peak resident set of the process so far, MB (OS high-water mark, not a sample). */
const peakRssMB = (): number => process.resourceUsage().maxRSS / 1024;

/** A plan moved by 20–100 m: what a planner's edit looks like. */
function moved(f: InputFeature, rnd: () => number): InputFeature {
  const dx = ((rnd() - 0.5) * 2 * 100) / 103_800;
  const dy = ((rnd() - 0.5) * 2 * 100) / 110_750;
  const shift = (c: unknown): unknown =>
    Array.isArray(c) && typeof c[0] === 'number' ? [c[0] + dx, (c[1] as number) + dy] : (c as unknown[]).map(shift);
  const g = f.geometry!;
  return { ...f, geometry: { ...g, coordinates: shift((g as { coordinates: unknown }).coordinates) } as typeof g };
}

function maxDiff(a: CoverageResult, b: CoverageResult): number {
  let d = 0;
  a.units.forEach((u, i) => (d = Math.max(d, Math.abs(u.coverage - (b.units[i]?.coverage ?? NaN)))));
  return d;
}

interface Row {
  n: number;
  full: number;
  fullRuns: number;
  editMedian: number;
  editMax: number;
  peak: number;
  heap: number;
  result: CoverageResult;
  baseline?: number;
  diff?: number;
}

const { units, source } = loadUnits();
const bbox = extent(units) ?? undefined;
console.log(`units: ${source}`);
console.log(`node ${process.version}, ${(await import('node:os')).cpus().length} cores\n`);

const rows: Row[] = [];
for (const n of SIZES) {
  const plans = syntheticPlans(n, 42, bbox);
  const runs = n >= 10_000 ? 1 : 3;
  const fullTimes: number[] = [];
  let index = createCoverageIndex(units, plans);
  let result = index.result();
  for (let r = 0; r < runs; r++) {
    const t = time(() => {
      const idx = createCoverageIndex(units, plans);
      return { idx, res: idx.result() };
    });
    fullTimes.push(t.ms);
    index = t.value.idx;
    result = t.value.res;
  }
  const rnd = mulberry32(7 + n).next;
  const edits: number[] = [];
  for (let k = 0; k < EDITS; k++) {
    const f = plans[Math.floor(rnd() * n)]!;
    const g = moved(f, rnd);
    edits.push(time(() => (index.upsertPlan(g), index.result())).ms);
  }
  rows.push({
    n,
    full: median(fullTimes),
    fullRuns: runs,
    editMedian: median(edits),
    editMax: Math.max(...edits),
    peak: peakRssMB(),
    heap: process.memoryUsage().heapUsed / 2 ** 20,
    result,
  });
  console.log(`engine ${n}: full ${median(fullTimes).toFixed(0)} ms, one change ${median(edits).toFixed(1)} ms`);
}

// Baselines after all engine runs, so the engine's peak memory is not the baseline's.
for (const row of rows) {
  if (row.n > 1_000) continue;
  const plans = syntheticPlans(row.n, 42, bbox);
  const t = time(() => naiveCoverage(units, plans));
  row.baseline = t.ms;
  row.diff = maxDiff(row.result, t.value);
  console.log(`baseline ${row.n}: ${t.ms.toFixed(0)} ms`);
}

const fmt = (ms: number): string => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(ms < 10 ? 1 : 0)} ms`);
const table = [
  ['plans', 'full (median)', 'one change (median / max)', 'Turf baseline', 'baseline/engine', 'max |Δcoverage|', 'peak RSS', 'heap'],
  ...rows.map((r) => [
    r.n.toLocaleString('en'),
    `${fmt(r.full)}${r.fullRuns === 1 ? ' (1 run)' : ''}`,
    `${fmt(r.editMedian)} / ${fmt(r.editMax)}`,
    r.baseline === undefined ? 'skipped (≈400 s measured elsewhere)' : fmt(r.baseline),
    r.baseline === undefined ? '—' : `${(r.baseline / r.full).toFixed(1)}×`,
    r.diff === undefined ? '—' : r.diff.toExponential(1),
    `${r.peak.toFixed(0)} MB`,
    `${r.heap.toFixed(0)} MB`,
  ]),
];
const widths = table[0]!.map((_, c) => Math.max(...table.map((r) => r[c]!.length)));
console.log('');
for (const r of table) console.log(r.map((c, i) => c.padEnd(widths[i]!)).join('  '));

const r1k = rows.find((r) => r.n === 1_000)!;
const r10k = rows.find((r) => r.n === 10_000)!;
const ratio = (r1k.baseline ?? 0) / r1k.full;
const checks = [
  { name: 'full recompute ≥ 5× Turf baseline at 1,000 plans', ok: ratio >= 5, got: `${ratio.toFixed(1)}×` },
  { name: 'one plan changed at 10,000 plans ≤ 50 ms (median)', ok: r10k.editMedian <= 50, got: fmt(r10k.editMedian) },
  { name: 'engine agrees with baseline (max |Δcoverage| ≤ 1e-4)', ok: rows.every((r) => r.diff === undefined || r.diff <= 1e-4), got: rows.map((r) => r.diff?.toExponential(1) ?? '—').join(', ') },
];
console.log('');
for (const c of checks) console.log(`${c.ok ? 'PASS' : 'FAIL'}  ${c.name}: ${c.got}`);
process.exitCode = checks.every((c) => c.ok) ? 0 : 1;
