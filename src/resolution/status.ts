// Pure judgements over the resolution file: is a target met, was a milestone on time, does a unit
// meet a legal criterion. A missing figure is never guessed: it gives no_figure / no_record /
// missing, so the UI can show the gap as a gap.
import { intervalAt, intervalOf, parseDay } from './dates.ts';
import type {
  Actual,
  Criterion,
  CriteriaSet,
  DateSpec,
  Measure,
  Target,
  TownFigures,
  UnitFigures,
} from './types.ts';

// ---------------------------------------------------------------------------------------------
// Targets

export type TargetStatus = 'met' | 'not_met' | 'no_figure';

/** The actual with the latest year (the later one in the list on a tie); null when there is none. */
export function latestActual(actuals: readonly Actual[]): Actual | null {
  let best: Actual | null = null;
  for (const a of actuals) if (best === null || a.year >= best.year) best = a;
  return best;
}

/**
 * Whether `value` satisfies the target: true/false, or null when it cannot be judged (the target
 * has no figure, or the value is of the wrong kind: a number for a by_date target, an invalid date…).
 */
export function meetsTarget(target: Target, value: number | string): boolean | null {
  if (target.comparator === 'by_date') {
    if (typeof value !== 'string') return null;
    const day = parseDay(value);
    const deadline = intervalOf(target.deadline);
    if (day === null || deadline === null) return null;
    return day <= deadline.end;
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) return null;
  if (target.comparator === 'range') return value >= target.min && value <= target.max;
  const t = target.value;
  if (t === null) return null;
  switch (target.comparator) {
    case 'gt':
      return value > t;
    case 'gte':
      return value >= t;
    case 'lt':
      return value < t;
    case 'lte':
      return value <= t;
    case 'eq':
      return value === t;
  }
}

/**
 * Status of a target from its latest actual. For a `computed` target the app passes the live value
 * (`computedValue`); undefined means "use the stored actuals", null means "the engine has no value".
 */
export function targetStatus(target: Target, computedValue?: number | null): TargetStatus {
  let value: number | string | null;
  if (computedValue !== undefined) value = computedValue;
  else value = latestActual(target.actuals)?.value ?? null;
  if (value === null) return 'no_figure';
  const ok = meetsTarget(target, value);
  return ok === null ? 'no_figure' : ok ? 'met' : 'not_met';
}

// ---------------------------------------------------------------------------------------------
// Milestones

/**
 * on_time: the actual lies inside the planned date/period; early / late: wholly before / after it;
 * no_record: no actual date; unscheduled: happened but nothing was planned; indeterminate: the
 * actual is known only coarsely and straddles an edge of the planned period (or a date is invalid).
 */
export type Lateness = 'on_time' | 'late' | 'early' | 'no_record' | 'unscheduled' | 'indeterminate';

export function milestoneLateness(planned: DateSpec | null, actual: DateSpec | null): Lateness {
  if (actual === null) return 'no_record';
  if (planned === null) return 'unscheduled';
  const p = intervalOf(planned);
  const a = intervalOf(actual);
  if (p === null || a === null) return 'indeterminate';
  if (a.end < p.start) return 'early';
  if (a.start > p.end) return 'late';
  if (a.start >= p.start && a.end <= p.end) return 'on_time';
  return 'indeterminate';
}

/** Whole days between the end of the planned period and the actual date (positive = late), for
 * day-precision actuals; null otherwise. */
export function daysLate(planned: DateSpec | null, actual: DateSpec | null): number | null {
  if (planned === null || actual === null || actual.precision !== 'day') return null;
  const p = intervalOf(planned);
  const a = intervalAt(actual.date, 'day');
  if (p === null || a === null) return null;
  if (a.start > p.end) return a.start - p.end;
  if (a.start < p.start) return a.start - p.start;
  return 0;
}

// ---------------------------------------------------------------------------------------------
// Criteria

/** meets / below (the figure is known and fails) / missing (no figure, or no threshold). */
export type CriterionOutcome = 'meets' | 'below' | 'missing';

export type MeasureValue = number | boolean | string | null;

export function evaluateCriterion(c: Criterion, value: MeasureValue): CriterionOutcome {
  if (value === null || c.value === null) return 'missing';
  switch (c.comparator) {
    case 'gte':
      if (typeof value !== 'number' || typeof c.value !== 'number') return 'missing';
      return value >= c.value ? 'meets' : 'below';
    case 'eq':
      if (typeof value !== typeof c.value) return 'missing';
      return value === c.value ? 'meets' : 'below';
    case 'in':
      if (typeof value !== 'string' || !Array.isArray(c.value)) return 'missing';
      return c.value.includes(value) ? 'meets' : 'below';
  }
}

/** The value a unit has for a measure (null when the unit has no figure or the measure is not a
 * unit measure). */
export function unitMeasureValue(u: UnitFigures, measure: Measure): MeasureValue {
  switch (measure) {
    case 'population':
      return u.population.value;
    case 'area_km2':
      return u.area_km2.value;
    case 'infrastructure_recognised':
      return u.infrastructure_recognised.value;
    default:
      return null;
  }
}

/** The value the town has for a measure; the ward share is derived from wards / commune units. */
export function townMeasureValue(t: TownFigures, measure: Measure): MeasureValue {
  switch (measure) {
    case 'population':
      return t.population.value;
    case 'area_km2':
      return t.area_km2.value;
    case 'commune_units':
      return t.commune_units.value;
    case 'urban_type':
      return t.urban_type.value;
    case 'ward_share_pct': {
      const w = t.wards.value;
      const n = t.commune_units.value;
      return w === null || n === null || n <= 0 ? null : (100 * w) / n;
    }
    default:
      return null;
  }
}

export interface CriterionResult {
  criterion_id: string;
  measure: Measure;
  outcome: CriterionOutcome;
  value: MeasureValue;
  threshold: Criterion['value'];
}

export function evaluateUnit(set: CriteriaSet, unit: UnitFigures): CriterionResult[] {
  return set.criteria.map((c) => {
    const value = unitMeasureValue(unit, c.measure);
    return { criterion_id: c.id, measure: c.measure, outcome: evaluateCriterion(c, value), value, threshold: c.value };
  });
}

export function evaluateTown(set: CriteriaSet, town: TownFigures): CriterionResult[] {
  return set.criteria.map((c) => {
    const value = townMeasureValue(town, c.measure);
    return { criterion_id: c.id, measure: c.measure, outcome: evaluateCriterion(c, value), value, threshold: c.value };
  });
}

/** Per unit, per criterion of a set (units in file order). */
export function evaluateUnits(
  set: CriteriaSet,
  units: readonly UnitFigures[],
): { unit_id: string; results: CriterionResult[] }[] {
  return units.map((u) => ({ unit_id: u.unit_id, results: evaluateUnit(set, u) }));
}
