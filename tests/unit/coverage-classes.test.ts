import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { coverageClass, classBounds } from '../../src/coverage/classes';
import { sortRows } from '../../src/ui/coverage-table';
import type { UnitCoverage } from '../../src/coverage/types';

describe('coverage classes', () => {
  it('puts the target at the class break: more than the target is class 4, the target itself is not', () => {
    expect(coverageClass(0.81, 0.8)).toBe(4);
    expect(coverageClass(0.8, 0.8)).toBe(3);
    expect(coverageClass(0.6, 0.8)).toBe(3);
    expect(coverageClass(0.59, 0.8)).toBe(2);
    expect(coverageClass(0, 0.8)).toBe(0);
    expect(classBounds(0.8)).toEqual([[0, 0.2], [0.2, 0.4], [0.4, 0.6000000000000001], [0.6000000000000001, 0.8], [0.8, 1]]);
  });

  it('is monotone in coverage for any target (property)', () => {
    fc.assert(fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0.05, max: 1, noNaN: true }), (a, b, t) => {
      const [lo, hi] = a <= b ? [a, b] : [b, a];
      expect(coverageClass(lo, t)).toBeLessThanOrEqual(coverageClass(hi, t));
    }));
  });
});

describe('coverage table sorting', () => {
  const row = (id: string, name: string, coverage: number): UnitCoverage => ({
    id, name, slated: true, area_m2: 1, covered_m2: coverage, coverage, meets_target: coverage > 0.8, plan_ids: [],
  });
  const rows = [row('a', 'Tự Lạn', 0.5), row('b', 'Bích Động', 0.9), row('c', 'Nếnh', 0.5)];

  it('sorts by coverage both ways, keeping ties in engine order', () => {
    expect(sortRows(rows, { key: 'coverage', dir: 'asc' }).map((r) => r.id)).toEqual(['a', 'c', 'b']);
    expect(sortRows(rows, { key: 'coverage', dir: 'desc' }).map((r) => r.id)).toEqual(['b', 'a', 'c']);
  });

  it('sorts names the Vietnamese way', () => {
    expect(sortRows(rows, { key: 'name', dir: 'asc' }).map((r) => r.name)).toEqual(['Bích Động', 'Nếnh', 'Tự Lạn']);
  });
});
