// Pure helpers of the coverage table: sorting and coverage classes (also used by the map legend).
import type { UnitCoverage } from '../coverage/types';

export type SortKey = 'name' | 'slated' | 'area' | 'covered' | 'coverage' | 'plans';
export interface Sort {
  key: SortKey;
  dir: 'asc' | 'desc';
}

const value = (r: UnitCoverage, k: SortKey): number | string => {
  switch (k) {
    case 'name': return r.name;
    case 'slated': return r.slated ? 1 : 0;
    case 'area': return r.area_m2;
    case 'covered': return r.covered_m2;
    case 'coverage': return r.coverage;
    case 'plans': return r.plan_ids.length;
  }
};

/** Rows in table order; ties keep the engine's order (stable), names compare the Vietnamese way. */
export function sortRows(rows: readonly UnitCoverage[], s: Sort): UnitCoverage[] {
  const sign = s.dir === 'asc' ? 1 : -1;
  return rows
    .map((r, i) => ({ r, i }))
    .sort((a, b) => {
      const va = value(a.r, s.key);
      const vb = value(b.r, s.key);
      const c = typeof va === 'string' ? va.localeCompare(vb as string, 'vi') : va - (vb as number);
      return c !== 0 ? sign * c : a.i - b.i;
    })
    .map((x) => x.r);
}

/**
 * Coverage classes for the map, with the target as a class break: class 4 is "more than target",
 * the others split [0, target] into four equal bands (0 = lowest).
 */
export function coverageClass(coverage: number, target: number): 0 | 1 | 2 | 3 | 4 {
  if (coverage > target) return 4;
  const band = Math.min(3, Math.floor((coverage / (target || 1)) * 4));
  return Math.max(0, band) as 0 | 1 | 2 | 3;
}

/** Class bounds as fractions, for the legend: [from, to] per class. */
export function classBounds(target: number): [number, number][] {
  const q = target / 4;
  return [[0, q], [q, 2 * q], [2 * q, 3 * q], [3 * q, target], [target, 1]];
}
