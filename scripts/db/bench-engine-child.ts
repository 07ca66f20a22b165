// Child process of `npm run bench:db`: the in-process engine on the benchmark's files, alone in
// its process so that its peak resident memory (the OS high-water mark) is its own. Prints one
// JSON line: parse and compute times, peak RSS, and each unit's numbers for the agreement check.
import { readFileSync } from 'node:fs';
import { computeCoverage } from '../../src/coverage/engine.ts';
import type { InputFeature } from '../../src/coverage/types.ts';

const [unitsFile, ...planFiles] = process.argv.slice(2);
const features = (f: string) => (JSON.parse(readFileSync(f, 'utf8')) as { features: InputFeature[] }).features;
const t0 = performance.now();
const units = features(unitsFile!);
const plans = planFiles.flatMap(features);
const t1 = performance.now();
const r = computeCoverage(units, plans);
const t2 = performance.now();
process.stdout.write(`${JSON.stringify({
  parseMs: t1 - t0,
  computeMs: t2 - t1,
  peakRssMB: process.resourceUsage().maxRSS / 1024,
  counted: r.plans.counted,
  units: r.units.map((u) => ({ id: u.id, area_m2: u.area_m2, coverage: u.coverage, plans: u.plan_ids.length })),
})}\n`);
