// Totals for slated units, other units and the district; shared by the engine and the naive
// reference so both report the same shape. District = sum over units (units tile the district).
import type { CoverageTotal, UnitCoverage } from './types';

export function ratio(covered: number, area: number): number {
  if (!(area > 0) || !Number.isFinite(covered)) return 0;
  return Math.min(1, Math.max(0, covered / area));
}

/** The resolution says "more than 80%": strictly greater. */
export function meetsTarget(coverage: number, target: number): boolean {
  return coverage > target;
}

function total(rows: readonly UnitCoverage[]): CoverageTotal {
  let area = 0;
  let covered = 0;
  let meeting = 0;
  for (const r of rows) {
    area += r.area_m2;
    covered += r.covered_m2;
    if (r.meets_target) meeting++;
  }
  return { units: rows.length, area_m2: area, covered_m2: covered, coverage: ratio(covered, area), units_meeting_target: meeting };
}

export function computeTotals(rows: readonly UnitCoverage[]): { slated: CoverageTotal; other: CoverageTotal; district: CoverageTotal } {
  return {
    slated: total(rows.filter((r) => r.slated)),
    other: total(rows.filter((r) => !r.slated)),
    district: total(rows),
  };
}
