// Every folder of tests/fixtures/coverage: engine output vs expected.json (computed by hand +
// GeographicLib Planimeter, see the folder's README), with default and small cells.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeCoverage } from '../../../src/coverage/engine';
import type { CoverageOptions, ExcludedPlan, InputFeature } from '../../../src/coverage/types';

const ROOT = join(__dirname, '../../fixtures/coverage');
const REL = 1e-4; // 0.01 %

interface Expected {
  options: CoverageOptions;
  units: { id: string; area_m2: number; covered_m2: number; coverage: number; meets_target: boolean; plan_ids: string[] }[];
  plans: { counted: number; excluded: ExcludedPlan[] };
  problems: { id: string; kind: string }[];
}

const read = <T>(dir: string, f: string): T => JSON.parse(readFileSync(join(ROOT, dir, f), 'utf8')) as T;
const cases = readdirSync(ROOT).filter((d) => existsSync(join(ROOT, d, 'expected.json'))).sort();

function close(actual: number, expected: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(REL * Math.max(Math.abs(expected), 1));
}

it('finds the 13 fixture cases', () => {
  expect(cases.length).toBe(13);
});

describe.each(cases)('fixture %s', (name) => {
  const units = read<{ features: InputFeature[] }>(name, 'units.geojson').features;
  const plans = read<{ features: InputFeature[] }>(name, 'plans.geojson').features;
  const exp = read<Expected>(name, 'expected.json');

  it.each([400, 150])('matches expected.json with %d m cells', (cellMetres) => {
    const r = computeCoverage(units, plans, exp.options, { cellMetres });
    expect(r.units.map((u) => u.id)).toEqual(exp.units.map((u) => u.id));
    r.units.forEach((u, i) => {
      const e = exp.units[i]!;
      close(u.area_m2, e.area_m2);
      close(u.covered_m2, e.covered_m2);
      expect(Math.abs(u.coverage - e.coverage)).toBeLessThanOrEqual(REL * Math.max(e.coverage, 1e-9) + 1e-12);
      expect(u.meets_target).toBe(e.meets_target);
      expect(u.plan_ids).toEqual(e.plan_ids);
    });
    expect(r.plans.counted).toBe(exp.plans.counted);
    expect(r.plans.excluded.map(({ id, reason }) => ({ id, reason }))).toEqual(exp.plans.excluded);
    for (const p of exp.problems) expect(r.problems).toContainEqual(expect.objectContaining(p));
    expect(r.options).toEqual(exp.options);
    // Totals are finite and consistent with the rows, never NaN.
    const area = exp.units.reduce((s, u) => s + u.area_m2, 0);
    close(r.totals.district.area_m2, area);
    for (const t of Object.values(r.totals)) {
      expect(Number.isFinite(t.coverage)).toBe(true);
      expect(t.coverage).toBeGreaterThanOrEqual(0);
      expect(t.coverage).toBeLessThanOrEqual(1);
    }
  });
});
