// `npm run bench:db`: coverage of a province — 99 synthetic units on a grid around Bắc Ninh
// (src/coverage/synthetic-province.ts) — by registers of 100, 1,000, 10,000 and 100,000 clustered,
// overlapping plans of 20–200 vertices, computed in PostGIS (sql/coverage.sql, on a private
// cluster this script starts and removes) and by the in-process engine (in a child process, so
// its peak RSS is its own), in the same run. Prints wall time and peak memory of each, where the
// crossover lies, and checks that both agree (0.01 coverage points, 0.01 % of area per unit):
// exit 1 if they do not. Needs PostgreSQL + PostGIS (apt-get install postgresql postgresql-postgis;
// .ci/run installs them). BENCH_DB_SIZES=1000,10000 runs fewer sizes.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPrivateCluster } from './db/private-cluster.ts';
import { connectPg } from '../src/db/client.ts';
import { coverageFromDb } from '../src/db/coverage-db.ts';
import { runDbLoadCli } from '../src/db/load-core.ts';
import { provincePlans, provinceUnits } from '../src/coverage/synthetic-province.ts';
import { DEFAULT_OPTIONS } from '../src/coverage/types.ts';

const SIZES = (process.env.BENCH_DB_SIZES ?? '100,1000,10000,100000').split(',').map(Number);
const PER_FILE = 10_000; // the import's limits: 50,000 features and 100 MB per file
const ROOT = new URL('..', import.meta.url).pathname;

interface Row {
  plans: number;
  loadS: number;
  dbS: number;
  dbPeakMB: number;
  engineS: number;
  engineParseS: number;
  enginePeakMB: number;
  maxPoints: number;
  maxAreaRel: number;
}

/** Peak resident memory of a server process (the OS high-water mark), MB. */
function vmHwmMB(pid: number): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

const fmtS = (s: number) => (s < 10 ? s.toFixed(2) : s.toFixed(1));
const dir = mkdtempSync(join(tmpdir(), 'vy-bench-db-'));
const cluster = await startPrivateCluster({ log: (l) => console.log(l) });
// Interrupted (Ctrl-C, a CI timeout): the private cluster goes with us.
for (const sig of ['SIGINT', 'SIGTERM'] as const) process.once(sig, () => process.exit(130));
const rows: Row[] = [];
let failed = false;
try {
  const units = provinceUnits();
  const unitsFile = join(dir, 'units.geojson');
  writeFileSync(unitsFile, JSON.stringify({ type: 'FeatureCollection', features: units }));
  const loadIo = { readFile: (p: string) => readFileSync(p), connect: connectPg };
  const u = await runDbLoadCli([unitsFile, '--db', cluster.url, '--table', 'bench_units', '--role', 'units'], loadIo);
  if (u.code !== 0) throw new Error(u.stderr);
  console.log(`99 units around Bắc Ninh (${PER_FILE.toLocaleString('en-US')} plans per register file); PostgreSQL in a private cluster (shared_buffers 256MB, work_mem 64MB)`);
  for (const n of SIZES) {
    const plans = provincePlans(n);
    const sub = join(dir, String(n));
    mkdirSync(sub);
    const files: string[] = [];
    for (let i = 0; i < plans.length; i += PER_FILE) {
      const f = join(sub, `plans-${String(i / PER_FILE).padStart(2, '0')}.geojson`);
      writeFileSync(f, JSON.stringify({ type: 'FeatureCollection', features: plans.slice(i, i + PER_FILE) }));
      files.push(f);
    }
    // PostGIS: load through db:load (the import, then batches), then the coverage on a fresh connection.
    let t = performance.now();
    const l = await runDbLoadCli([...files, '--db', cluster.url, '--table', `bench_plans_${n}`, '--batch', '2000', '--extent', unitsFile], loadIo);
    if (l.code !== 0) throw new Error(l.stderr);
    const loadS = (performance.now() - t) / 1000;
    const client = await connectPg(cluster.url);
    const pid = await client.backendPid!();
    t = performance.now();
    const { result } = await coverageFromDb(client, { units: 'bench_units', plans: `bench_plans_${n}` }, { ...DEFAULT_OPTIONS, levels: [...DEFAULT_OPTIONS.levels], statuses: [...DEFAULT_OPTIONS.statuses] });
    const dbS = (performance.now() - t) / 1000;
    const dbPeakMB = vmHwmMB(pid);
    await client.end();
    // The engine, alone in a child process, on the same files.
    const child = spawnSync(process.execPath, ['--max-old-space-size=16000', '--import', 'tsx', join(ROOT, 'scripts/db/bench-engine-child.ts'), unitsFile, ...files], {
      cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024,
    });
    if (child.status !== 0) throw new Error(`engine child failed: ${child.stderr}`);
    const eng = JSON.parse(child.stdout) as { parseMs: number; computeMs: number; peakRssMB: number; counted: number; units: { id: string; area_m2: number; coverage: number }[] };
    let maxPoints = 0;
    let maxAreaRel = 0;
    result.units.forEach((x, i) => {
      const y = eng.units[i]!;
      if (x.id !== y.id) throw new Error(`unit order differs at ${i}: ${x.id} vs ${y.id}`);
      maxPoints = Math.max(maxPoints, Math.abs(x.coverage - y.coverage) * 100);
      maxAreaRel = Math.max(maxAreaRel, Math.abs(x.area_m2 / y.area_m2 - 1));
    });
    if (result.plans.counted !== eng.counted) throw new Error(`counted plans differ: ${result.plans.counted} vs ${eng.counted}`);
    const row = { plans: n, loadS, dbS, dbPeakMB, engineS: eng.computeMs / 1000, engineParseS: eng.parseMs / 1000, enginePeakMB: eng.peakRssMB, maxPoints, maxAreaRel };
    rows.push(row);
    const agree = maxPoints <= 0.01 && maxAreaRel <= 1e-4;
    if (!agree) failed = true;
    console.log(
      `${n.toLocaleString('en-US').padStart(7)} plans: PostGIS ${fmtS(dbS)} s (server backend peak ${Math.round(dbPeakMB)} MB; db:load ${fmtS(loadS)} s)` +
      ` | engine ${fmtS(row.engineS)} s (+${fmtS(row.engineParseS)} s parsing; process peak ${Math.round(row.enginePeakMB)} MB)` +
      ` | ${(row.engineS / dbS).toFixed(1)}× | agree within ${maxPoints.toExponential(1)} points, ${(maxAreaRel * 100).toExponential(1)} % area${agree ? '' : '  ✗ DISAGREE'}`,
    );
    rmSync(sub, { recursive: true, force: true });
  }
  // Crossover: between which sizes the faster side changes (the coverage query alone, and counting
  // the one-off loading: db:load through the import vs the engine's parsing of the same files).
  const crossover = (dbFaster: (r: Row) => boolean, what: string, better = 'faster') => {
    const who = (r: Row) => (dbFaster(r) ? 'PostGIS' : 'the engine');
    const changes: string[] = [];
    for (let i = 1; i < rows.length; i++) {
      if (who(rows[i]!) !== who(rows[i - 1]!)) changes.push(`between ${rows[i - 1]!.plans.toLocaleString('en-US')} and ${rows[i]!.plans.toLocaleString('en-US')} plans (${who(rows[i]!)} ${better} above)`);
    }
    return changes.length ? `${what}: crossover ${changes.join('; ')}` : `${what}: no crossover, ${rows.length ? who(rows[0]!) : '—'} ${better} at every size measured`;
  };
  console.log(crossover((r) => r.dbS < r.engineS, 'coverage (query vs engine)'));
  console.log(crossover((r) => r.dbS + r.loadS < r.engineS + r.engineParseS, 'including loading (db:load + query vs parsing + engine)'));
  console.log(crossover((r) => r.dbPeakMB < r.enginePeakMB, 'peak memory (server backend vs engine process)', 'smaller'));
  mkdirSync(join(ROOT, 'bench-results'), { recursive: true });
  writeFileSync(join(ROOT, 'bench-results/db.json'), JSON.stringify({ date: new Date().toISOString(), rows }, null, 2));
} finally {
  cluster.stop();
  rmSync(dir, { recursive: true, force: true });
}
if (failed) {
  console.error('bench:db: PostGIS and the engine disagree by more than 0.01 points or 0.01 % of area');
  process.exitCode = 1;
}
