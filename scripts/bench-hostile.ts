// Hostile-input benchmark (issue 12): `npm run bench:hostile` (also part of `npm run bench`).
// Generates, into a temp dir, the three full-size cases the unit tests only try small:
//   1. one polygon of 1,000,000 vertices (30 MB): validated by the CLIs (`geodata:check`, `import`)
//      and by the import worker's function (importFile, as src/import/worker.ts runs it), each
//      ≤ 5 s; baseline in the same run: the pairwise self-intersection test the checker used
//      (turf.kinks) on 20,000 vertices, and what its n² growth means at 1,000,000;
//   2. a 99 MB file of 33 million empty objects: refused by each CLI within the memory of a normal
//      run (peak RSS ≤ 500 MB, measured in a child process); baseline: the RSS of a child that
//      only loads the same code;
//   3. a Shapefile of 3,500,000 point records (9 MB zipped): refused from its headers, before any
//      record is parsed (the message says so), in ≤ 2 s and ≤ 500 MB.
// Prints every number against its target and exits 1 when one is missed.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { kinks } from '@turf/turf';
import { runImportCli } from '../src/import/cli-core.ts';
import { importFile } from '../src/import/pipeline.ts';
import { nodeXmlParser } from '../src/import/node-xml.ts';
import { runCoverageCli } from '../src/coverage/cli-core.ts';
import { nodeCheckIo, runCheckCli } from './cli/check-geodata.ts';
import { bigPolygonRing, manyPointsShapefileZip, writeBigPolygon, writeEmptyObjects } from '../tests/fixtures/hostile/make-hostile.ts';

const REPO = fileURLToPath(new URL('../', import.meta.url));
const SELF = fileURLToPath(import.meta.url);
const TARGET_VALIDATE_S = 5;
const TARGET_RSS_MB = 500;
const TARGET_SHP_S = 2;

type Cli = 'check' | 'import' | 'coverage' | 'worker' | 'noop';

interface ChildResult {
  code: number;
  /** Wall time, and the CPU time of the run (user + system, all threads). */
  ms: number;
  cpuMs: number;
  rssMB: number;
  firstLine: string;
}

function runCli(cli: Cli, file: string): { code: number; out: string } {
  const district = (): unknown => JSON.parse(readFileSync(join(REPO, 'geodata/district.geojson'), 'utf8'));
  if (cli === 'check') {
    const r = runCheckCli([file], nodeCheckIo(REPO));
    return { code: r.code, out: r.stdout + r.stderr };
  }
  if (cli === 'import') {
    const r = runImportCli([file], { size: (p) => statSync(p).size, readFile: (p) => readFileSync(p), writeFile: () => undefined, readDistrict: district });
    return { code: r.code, out: r.stderr };
  }
  if (cli === 'coverage') {
    const r = runCoverageCli(['--units', join(REPO, 'geodata/units-2021.geojson'), '--plans', file], {
      size: (p) => statSync(p).size, readText: (p) => readFileSync(p, 'utf8'), readBytes: (p) => readFileSync(p), xmlParser: nodeXmlParser(),
    });
    return { code: r.code, out: r.stderr + r.stdout };
  }
  if (cli === 'worker') {
    // What the import worker runs (src/import/worker.ts): importFile on the bytes, as a plan register first.
    const r = importFile({ name: file, bytes: readFileSync(file) }, { role: 'plans', district: district(), xmlParser: nodeXmlParser() });
    const errors = r.ok ? r.problems.filter((p) => p.severity === 'error').length : -1;
    return { code: r.ok && errors === 0 ? 0 : 2, out: r.ok ? `${errors} errors` : r.error };
  }
  return { code: 0, out: '' };
}

// Child mode: run one CLI core on one file, report time, peak RSS and the first output line.
if (process.argv[2] === '--child') {
  const cli = process.argv[3] as Cli;
  const file = process.argv[4]!;
  const t = performance.now();
  const c0 = process.cpuUsage();
  const r = runCli(cli, file);
  const ms = performance.now() - t;
  const c = process.cpuUsage(c0);
  const result: ChildResult = { code: r.code, ms, cpuMs: (c.user + c.system) / 1000, rssMB: process.resourceUsage().maxRSS / 1024, firstLine: r.out.split('\n')[0]!.slice(0, 200) };
  process.stdout.write(JSON.stringify(result));
  process.exit(0);
}

function child(cli: Cli, file: string): ChildResult {
  // The same loader (tsx) as this process, so the child runs the same TypeScript.
  const r = spawnSync(process.execPath, [...process.execArgv, SELF, '--child', cli, file], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  try {
    return JSON.parse(r.stdout) as ChildResult;
  } catch {
    return { code: r.status ?? -1, ms: NaN, cpuMs: NaN, rssMB: NaN, firstLine: `child failed: ${(r.stderr || '').split('\n').slice(0, 3).join(' | ')}` };
  }
}

const rows: string[] = [];
let failed = false;
function report(what: string, value: string, target: string, ok: boolean): void {
  rows.push(`| ${what} | ${value} | ${target} | ${ok ? 'PASS' : 'FAIL'} |`);
  if (!ok) failed = true;
}
const s = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
/**
 * The time of one run: its wall time on an idle machine. On a busy one (other jobs on the same two
 * cores) wall time grows with the load while the CPU time does not; on an idle one the CPU time is
 * the larger (the garbage collector's helper threads). The smaller of the two is the run's own time.
 */
const runTime = (r: ChildResult): number => Math.min(r.ms, r.cpuMs);
const times = (r: ChildResult): string => `${s(runTime(r))} (wall ${s(r.ms)}, CPU ${s(r.cpuMs)})`;

const dir = mkdtempSync(join(tmpdir(), 'vy-bench-hostile-'));
try {
  // 1. The 1,000,000-vertex polygon.
  const big = join(dir, 'polygon-1m.geojson');
  writeBigPolygon(big, 1_000_000);
  console.log(`polygon: ${(statSync(big).size / 1048576).toFixed(1)} MB, 1,000,000 vertices`);
  // Each in a fresh child process: the time of one run, read → parse → check, as a user gets it.
  for (const [cli, what] of [['check', '`geodata:check`'], ['import', '`import`'], ['worker', 'import worker function (importFile, as a plan register)']] as const) {
    const r = child(cli, big);
    report(`1M-vertex polygon, ${what}`, `${times(r)}, peak RSS ${r.rssMB.toFixed(0)} MB, exit ${r.code}`, `≤ ${TARGET_VALIDATE_S} s, accepted`, runTime(r) <= TARGET_VALIDATE_S * 1000 && r.code === 0);
  }
  {
    // Baseline: the pairwise test (turf.kinks) the checker used, on 20,000 vertices.
    const n = 20_000;
    const ring = bigPolygonRing(n);
    const t = performance.now();
    kinks({ type: 'Polygon', coordinates: [ring] });
    const ms = performance.now() - t;
    const projected = ms * (1_000_000 / n) ** 2;
    rows.push(`| baseline: pairwise turf.kinks, ${n.toLocaleString('en')} vertices (this run) | ${s(ms)}; n² → ~${(projected / 3_600_000).toFixed(1)} h at 1,000,000 | reported | — |`);
  }
  {
    const r = child('coverage', big);
    rows.push(`| 1M-vertex polygon as a plan, \`coverage\` (checked, cut into cells, measured) | ${times(r)}, peak RSS ${r.rssMB.toFixed(0)} MB, exit ${r.code} | reported | — |`);
  }
  rmSync(big);

  // 2. 33 million empty objects (99 MB), each CLI in a child process with its peak RSS.
  const empty = join(dir, 'empty-objects-33m.geojson');
  writeEmptyObjects(empty, 33_000_000);
  console.log(`empty objects: ${(statSync(empty).size / 1048576).toFixed(1)} MB, 33,000,000 objects`);
  const base = child('noop', empty);
  rows.push(`| baseline: peak RSS of a child that only loads the CLIs | ${base.rssMB.toFixed(0)} MB | reported | — |`);
  for (const cli of ['check', 'import', 'coverage'] as const) {
    const r = child(cli, empty);
    const refused = r.code !== 0 && /more than 50,000 features/.test(r.firstLine);
    report(`33M empty objects, \`${cli}\` (child process)`, `${times(r)}, peak RSS ${r.rssMB.toFixed(0)} MB, exit ${r.code}: ${r.firstLine.replace(/^.*?: /, '').slice(0, 70)}`, `refused, ≤ ${TARGET_RSS_MB} MB`, refused && r.rssMB <= TARGET_RSS_MB);
  }
  rmSync(empty);

  // 3. 3,500,000 point records.
  const shp = join(dir, 'points-3.5m.zip');
  writeFileSync(shp, manyPointsShapefileZip(3_500_000));
  console.log(`shapefile: ${(statSync(shp).size / 1048576).toFixed(1)} MB zipped, 3,500,000 point records`);
  {
    const r = child('import', shp);
    const fromHeader = /has 3,500,000 records, more than the limit of 50,000 features; its records were not read/.test(r.firstLine);
    report('3.5M-record Shapefile, `import` (child process)', `${times(r)}, peak RSS ${r.rssMB.toFixed(0)} MB, exit ${r.code}, refused from the header: ${fromHeader ? 'yes' : 'no'}`, `refused before parsing, ≤ ${TARGET_SHP_S} s, ≤ ${TARGET_RSS_MB} MB`, fromHeader && runTime(r) <= TARGET_SHP_S * 1000 && r.rssMB <= TARGET_RSS_MB);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

console.log('\n| case | measured | target | |');
console.log('| --- | --- | --- | --- |');
for (const r of rows) console.log(r);
console.log(`\nbench-hostile: ${failed ? 'a target was missed' : 'all targets met'}`);
process.exit(failed ? 1 : 0);
