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
