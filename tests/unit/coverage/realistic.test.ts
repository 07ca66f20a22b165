// Issue 15: the engine on registers shaped like real ones (synthetic.ts realisticPlans: 20–200
// vertex rings, 50–600 m, clustered and overlapping, straddling unit boundaries, some with holes)
// agrees with the naive Turf reference; result() is memoised; edits equal a full recompute.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { computeCoverage, createCoverageIndex } from '../../../src/coverage/engine';
import { naiveCoverage } from '../../../src/coverage/naive';
import { realisticPlans } from '../../../src/coverage/synthetic';
import type { InputFeature } from '../../../src/coverage/types';

const units = (JSON.parse(readFileSync('geodata/units-2021.geojson', 'utf8')) as { features: InputFeature[] }).features;

describe('realistic registers', () => {
  const plans = realisticPlans(80, units, 15);

  it('look like real registers: 20–200 vertices, 50–600 m, some holes', () => {
    const sizes = plans.map((p) => (p.geometry as { coordinates: number[][][] }).coordinates[0]!.length - 1);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(20);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(200);
    const holes = plans.filter((p) => (p.geometry as { coordinates: unknown[] }).coordinates.length > 1).length;
    expect(holes).toBeGreaterThan(0);
    expect(holes).toBeLessThan(plans.length * 0.25);
    // The first n plans of a larger register are the register of n plans.
    expect(realisticPlans(20, units, 15)).toEqual(plans.slice(0, 20));
  });

  it('agrees with the naive Turf reference within 1e-4 coverage, plan lists equal', () => {
    const r = computeCoverage(units, plans);
    const n = naiveCoverage(units, plans, undefined, { planIds: true });
    r.units.forEach((u, i) => {
      expect(Math.abs(u.coverage - n.units[i]!.coverage)).toBeLessThanOrEqual(1e-4);
      expect(u.plan_ids).toEqual(n.units[i]!.plan_ids);
    });
    expect(r.plans.counted).toBe(n.plans.counted);
  }, 60_000);

  it('agrees with the engine at other cell sizes (cell seams cross the plans)', () => {
    const a = computeCoverage(units, plans);
    for (const cellMetres of [150, 1000]) {
      const b = computeCoverage(units, plans, undefined, { cellMetres });
      a.units.forEach((u, i) => expect(Math.abs(u.covered_m2 - b.units[i]!.covered_m2)).toBeLessThanOrEqual(1e-6 * u.area_m2 + 1));
    }
  });

  it('result() is memoised until something changes; edits equal a full recompute', () => {
    const idx = createCoverageIndex(units, plans);
    const first = idx.result();
    expect(idx.result()).toBe(first);
    expect(Object.isFrozen(first) && Object.isFrozen(first.units[0])).toBe(true);
    // Move one plan, remove another, switch the options: each time the same as from scratch.
    const moved: InputFeature = JSON.parse(JSON.stringify(plans[3]));
    for (const ring of (moved.geometry as { coordinates: number[][][] }).coordinates) for (const p of ring) p[0]! += 0.0007;
    idx.upsertPlan(moved);
    const afterMove = idx.result();
    expect(afterMove).not.toBe(first);
    const expected = computeCoverage(units, plans.map((p, i) => (i === 3 ? moved : p)));
    afterMove.units.forEach((u, i) => expect(Math.abs(u.covered_m2 - expected.units[i]!.covered_m2)).toBeLessThanOrEqual(1e-6 * u.area_m2 + 1));
    expect(afterMove.units.map((u) => u.plan_ids)).toEqual(expected.units.map((u) => u.plan_ids));
    idx.removePlan(String(plans[7]!.properties!['id']));
    idx.setOptions({ statuses: ['approved', 'in_preparation'] });
    const rest = plans.map((p, i) => (i === 3 ? moved : p)).filter((_, i) => i !== 7);
    const again = computeCoverage(units, rest, { statuses: ['approved', 'in_preparation'] });
    idx.result().units.forEach((u, i) => expect(Math.abs(u.covered_m2 - again.units[i]!.covered_m2)).toBeLessThanOrEqual(1e-6 * u.area_m2 + 1));
    expect(idx.result().plans.counted).toBe(again.plans.counted);
  });
});
