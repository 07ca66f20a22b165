// Coverage over time (issue 16): the engine stepped through the approval dates in order — each step
// adds only the plans approved since the previous one (options.asOf moves incrementally) — and
// put back where it was. The series is the register's history: proposals are left out. Coverage only grows with the date, so a unit crossed the target on the
// first step at which it meets it.
import type { CoverageIndex } from './engine';
import type { CoverageResult } from './types';

export interface TimelineSeries {
  /** Coverage (0..1) as of each of `dates`. */
  coverage: number[];
  /** The first step date at which the target is met (null: not within the dates). */
  crossed: string | null;
}

export interface CoverageTimeline {
  /** Ascending; coverage is as of the end of each day. The first is the day before any approval. */
  dates: string[];
  /** 'day': every approval date is a step; 'month': steps at month ends (a long register). */
  step: 'day' | 'month';
  target: number;
  units: (TimelineSeries & { unit_id: string; name: string; slated: boolean })[];
  /** The units becoming wards, together (area-weighted). */
  slated: TimelineSeries;
  /** Plans left out of every step because they have no readable approval date. */
  undated: number;
}

const dayBefore = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
const monthEnd = (d: string) => {
  const [y, m] = d.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
};

/** The step dates for these approval dates: each date, or month ends beyond `maxSteps`. */
export function timelineSteps(approvalDates: readonly string[], maxSteps = 150): { dates: string[]; step: 'day' | 'month' } {
  let dates = [...new Set(approvalDates)].sort();
  let step: 'day' | 'month' = 'day';
  if (dates.length > maxSteps) {
    step = 'month';
    dates = [...new Set(dates.map(monthEnd))];
    // Still too many (decades of approvals): every k-th month end, always keeping the last.
    if (dates.length > maxSteps) {
      const k = Math.ceil(dates.length / maxSteps);
      dates = dates.filter((_, i) => i % k === k - 1 || i === dates.length - 1);
    }
  }
  return { dates: dates.length ? [dayBefore(dates[0]!), ...dates] : [], step };
}

export function coverageTimeline(index: Pick<CoverageIndex, 'setOptions' | 'result' | 'options'>, approvalDates: readonly string[], maxSteps = 150): CoverageTimeline {
  const before = index.result();
  const { dates, step } = timelineSteps(approvalDates, maxSteps);
  const results: CoverageResult[] = [];
  // History only: proposals (the user's what-ifs) have no approval date and stay out of the series.
  const proposals = index.options().proposals ?? true;
  try {
    for (const d of dates) {
      index.setOptions({ asOf: d, proposals: false });
      results.push(index.result());
    }
  } finally {
    index.setOptions({ asOf: before.as_of, proposals });
  }
  const target = before.options.target;
  const crossed = (meets: boolean[]) => {
    const i = meets.indexOf(true);
    return i < 0 ? null : dates[i]!;
  };
  const units = before.units.map((u, k) => {
    // Rows keep the unit order of the engine's result at every step; matched by id to be safe.
    const at = (r: CoverageResult) => (r.units[k]?.id === u.id ? r.units[k]! : r.units.find((x) => x.id === u.id)!);
    return {
      unit_id: u.id, name: u.name, slated: u.slated,
      coverage: results.map((r) => at(r).coverage),
      crossed: crossed(results.map((r) => at(r).meets_target)),
    };
  });
  const slatedCoverage = results.map((r) => r.totals.slated.coverage);
  return {
    dates, step, target, units,
    slated: { coverage: slatedCoverage, crossed: crossed(slatedCoverage.map((c) => c > target)) },
    undated: results.length ? results[0]!.plans.excluded.filter((e) => e.reason === 'no_approval_date').length : 0,
  };
}
