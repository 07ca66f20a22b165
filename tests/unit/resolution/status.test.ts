// Target status, milestone lateness and criteria evaluation (pure functions of src/resolution),
// with edge cases and property tests, plus the judgements on the real geodata/resolution.json.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  daysLate,
  evaluateCriterion,
  evaluateTown,
  evaluateUnit,
  latestActual,
  meetsTarget,
  milestoneLateness,
  targetStatus,
} from '../../../src/resolution/status.ts';
import { intervalAt, parseDay, periodOfDay, periodsOf } from '../../../src/resolution/dates.ts';
import type { Actual, Criterion, DateSpec, NumericTarget, RangeTarget, DateTarget, ResolutionFile } from '../../../src/resolution/types.ts';

const SRC = { document: 'test', date: '2021-09-10' };
const actual = (value: number | string, year: number): Actual => ({ value, year, source: SRC, confidence: 'M' });
const base = { id: 't', label: { vi: 't', en: 't' }, scope: 'town' as const, unit: '%', year: 2025, source: SRC, confidence: 'M' as const };
const numeric = (comparator: NumericTarget['comparator'], value: number | null, actuals: Actual[] = []): NumericTarget => ({
  ...base, comparator, value, actuals,
});
const range = (min: number, max: number, actuals: Actual[] = []): RangeTarget => ({ ...base, comparator: 'range', min, max, actuals });
const byDate = (deadline: DateSpec, actuals: Actual[] = []): DateTarget => ({ ...base, comparator: 'by_date', deadline, actuals });
const day = (date: string): DateSpec => ({ date, precision: 'day' });

describe('targetStatus', () => {
  it('no actual → no_figure, whatever the comparator', () => {
    expect(targetStatus(numeric('gte', 23))).toBe('no_figure');
    expect(targetStatus(range(17, 19))).toBe('no_figure');
    expect(targetStatus(byDate({ date: '2022', precision: 'year' }))).toBe('no_figure');
  });

  it('a target whose own figure is a gap → no_figure even with an actual', () => {
    expect(targetStatus(numeric('eq', null, [actual(100, 2024)]))).toBe('no_figure');
  });

  it('strict and non-strict comparators at the boundary', () => {
    expect(targetStatus(numeric('gt', 259_000, [actual(259_000, 2025)]))).toBe('not_met');
    expect(targetStatus(numeric('gte', 23, [actual(23, 2025)]))).toBe('met');
    expect(targetStatus(numeric('lt', 1, [actual(1, 2025)]))).toBe('not_met');
    expect(targetStatus(numeric('lt', 1, [actual(0.8, 2025)]))).toBe('met');
    expect(targetStatus(numeric('lte', 1, [actual(1, 2025)]))).toBe('met');
    expect(targetStatus(numeric('eq', 9, [actual(9, 2024)]))).toBe('met');
    expect(targetStatus(numeric('eq', 9, [actual(8, 2024)]))).toBe('not_met');
  });

  it('range comparator: inclusive on both ends, outside (above or below) is not met', () => {
    expect(targetStatus(range(17, 19, [actual(17, 2025)]))).toBe('met');
    expect(targetStatus(range(17, 19, [actual(18.2, 2025)]))).toBe('met');
    expect(targetStatus(range(17, 19, [actual(19, 2025)]))).toBe('met');
    expect(targetStatus(range(17, 19, [actual(16.99, 2025)]))).toBe('not_met');
    expect(targetStatus(range(17, 19, [actual(19.5, 2025)]))).toBe('not_met');
  });

  it('by_date: met on or before the end of the deadline period', () => {
    const t = (value: string) => byDate({ date: '2025', precision: 'year' }, [actual(value, 2025)]);
    expect(targetStatus(t('2024-02-01'))).toBe('met');
    expect(targetStatus(t('2025-12-31'))).toBe('met');
    expect(targetStatus(t('2026-01-01'))).toBe('not_met');
    expect(targetStatus(byDate({ date: '2023-Q1', precision: 'quarter' }, [actual('2023-04-01', 2023)]))).toBe('not_met');
    // a number is not a date: cannot be judged
    expect(targetStatus(t('2024-02-30'))).toBe('no_figure');
    expect(meetsTarget(byDate({ date: '2025', precision: 'year' }), 2024)).toBeNull();
  });

  it('uses the actual with the latest year, not the last in the list', () => {
    const t = numeric('gte', 23, [actual(18, 2023), actual(25, 2021)]);
    expect(latestActual(t.actuals)!.year).toBe(2023);
    expect(targetStatus(t)).toBe('not_met');
    expect(latestActual([])).toBeNull();
  });

  it('a computed target takes the live value; null from the engine → no_figure', () => {
    const t = { ...numeric('gt', 80), computed: 'coverage' as const };
    expect(targetStatus(t, 84)).toBe('met');
    expect(targetStatus(t, 80)).toBe('not_met');
    expect(targetStatus(t, null)).toBe('no_figure');
    expect(targetStatus(t)).toBe('no_figure');
  });

  it('property: numeric comparators agree with the plain comparison', () => {
    const num = fc.double({ min: -1e6, max: 1e6, noNaN: true });
    fc.assert(
      fc.property(fc.constantFrom('gt', 'gte', 'lt', 'lte', 'eq') as fc.Arbitrary<NumericTarget['comparator']>, num, num, (c, target, v) => {
        const expected = { gt: v > target, gte: v >= target, lt: v < target, lte: v <= target, eq: v === target }[c];
        expect(targetStatus(numeric(c, target, [actual(v, 2025)]))).toBe(expected ? 'met' : 'not_met');
      }),
    );
  });

  it('property: range is met exactly inside [min, max]', () => {
    const num = fc.double({ min: -1e3, max: 1e3, noNaN: true });
    fc.assert(
      fc.property(num, num, num, (a, b, v) => {
        const [min, max] = a <= b ? [a, b] : [b, a];
        expect(targetStatus(range(min, max, [actual(v, 2025)]))).toBe(v >= min && v <= max ? 'met' : 'not_met');
      }),
    );
  });
});

describe('milestoneLateness', () => {
  const q1 = { date: '2023-Q1', precision: 'quarter' } as const;

  it('quarter precision: the last day of the quarter is on time, the next day is late', () => {
    expect(milestoneLateness(q1, day('2023-01-01'))).toBe('on_time');
    expect(milestoneLateness(q1, day('2023-03-31'))).toBe('on_time');
    expect(milestoneLateness(q1, day('2023-04-01'))).toBe('late');
    expect(milestoneLateness(q1, day('2022-12-31'))).toBe('early');
    expect(daysLate(q1, day('2023-04-10'))).toBe(10);
    expect(daysLate(q1, day('2023-02-10'))).toBe(0);
  });

  it('a coarse actual inside the period is on time; one straddling its edge is indeterminate', () => {
    expect(milestoneLateness(q1, { date: '2023-03', precision: 'month' })).toBe('on_time');
    expect(milestoneLateness(q1, { date: '2023-04', precision: 'month' })).toBe('late');
    expect(milestoneLateness(q1, { date: '2023', precision: 'year' })).toBe('indeterminate');
    expect(milestoneLateness(day('2021-10-15'), { date: '2021-10', precision: 'month' })).toBe('indeterminate');
  });

  it('day and month deadlines; leap years', () => {
    expect(milestoneLateness(day('2021-10-15'), day('2021-10-15'))).toBe('on_time');
    expect(milestoneLateness(day('2021-10-15'), day('2021-10-16'))).toBe('late');
    expect(milestoneLateness({ date: '2021-10', precision: 'month' }, day('2021-10-31'))).toBe('on_time');
    expect(milestoneLateness({ date: '2024-02', precision: 'month' }, day('2024-02-29'))).toBe('on_time');
    expect(milestoneLateness({ date: '2025', precision: 'year' }, day('2024-02-01'))).toBe('early');
  });

  it('no actual → no_record; nothing planned → unscheduled; invalid date → indeterminate', () => {
    expect(milestoneLateness(q1, null)).toBe('no_record');
    expect(milestoneLateness(null, null)).toBe('no_record');
    expect(milestoneLateness(null, day('2023-09-11'))).toBe('unscheduled');
    expect(milestoneLateness(q1, day('2023-02-30'))).toBe('indeterminate');
  });

  it('property: against a quarter, a day actual is early / on time / late exactly by containment', () => {
    const dayArb = fc.date({ min: new Date(Date.UTC(2000, 0, 1)), max: new Date(Date.UTC(2040, 11, 31)), noInvalidDate: true });
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2040 }), fc.integer({ min: 1, max: 4 }), dayArb, (year, q, d) => {
        const planned: DateSpec = { date: `${year}-Q${q}`, precision: 'quarter' };
        const iso = d.toISOString().slice(0, 10);
        const a = parseDay(iso)!;
        const p = intervalAt(planned.date, 'quarter')!;
        const expected = a < p.start ? 'early' : a > p.end ? 'late' : 'on_time';
        expect(milestoneLateness(planned, day(iso))).toBe(expected);
      }),
    );
  });
});

describe('dates and periods', () => {
  it('only real calendar dates parse', () => {
    expect(parseDay('2023-02-30')).toBeNull();
    expect(parseDay('2023-02-29')).toBeNull();
    expect(parseDay('1900-02-29')).toBeNull();
    expect(parseDay('2024-02-29')).not.toBeNull();
    expect(intervalAt('2023-Q5', 'quarter')).toBeNull();
    expect(intervalAt('2023-13', 'month')).toBeNull();
    expect(intervalAt('2023-02-01', 'month')).toBeNull();
  });

  it('property: a day parses exactly when Date keeps it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2100 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), (y, m, d) => {
        const text = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
        const js = new Date(Date.UTC(y, m - 1, d));
        const real = m >= 1 && m <= 12 && js.getUTCMonth() === m - 1 && js.getUTCDate() === d;
        expect(parseDay(text) !== null).toBe(real);
      }),
    );
  });

  it('map periods change on 1 Feb 2024 and 1 Jul 2025', () => {
    expect(periodOfDay(parseDay('2024-01-31')!)).toBe('2021');
    expect(periodOfDay(parseDay('2024-02-01')!)).toBe('2024');
    expect(periodOfDay(parseDay('2025-06-30')!)).toBe('2024');
    expect(periodOfDay(parseDay('2025-07-01')!)).toBe('2025');
    expect(periodsOf(intervalAt('2025', 'year')!)).toEqual(['2024', '2025']);
    expect(periodsOf(intervalAt('2023-Q1', 'quarter')!)).toEqual(['2021']);
  });
});

describe('criteria', () => {
  const c = (over: Partial<Criterion>): Criterion => ({
    id: 'c', label: { vi: 'c', en: 'c' }, measure: 'area_km2', comparator: 'gte', value: 5.5, unit: 'km²',
    article: 'Điều 8', source: SRC, confidence: 'H', ...over,
  });

  it('meets / below / missing', () => {
    expect(evaluateCriterion(c({}), 5.5)).toBe('meets');
    expect(evaluateCriterion(c({}), 4.79)).toBe('below');
    expect(evaluateCriterion(c({}), null)).toBe('missing');
    expect(evaluateCriterion(c({ value: null }), 12)).toBe('missing');
    expect(evaluateCriterion(c({ measure: 'infrastructure_recognised', comparator: 'eq', value: true }), true)).toBe('meets');
    expect(evaluateCriterion(c({ measure: 'infrastructure_recognised', comparator: 'eq', value: true }), false)).toBe('below');
    expect(evaluateCriterion(c({ measure: 'urban_type', comparator: 'in', value: ['III', 'IV'] }), 'IV')).toBe('meets');
    expect(evaluateCriterion(c({ measure: 'urban_type', comparator: 'in', value: ['III', 'IV'] }), 'V')).toBe('below');
    expect(evaluateCriterion(c({}), 'IV')).toBe('missing');
  });
});

describe('the real file', () => {
  const res = JSON.parse(
    readFileSync(fileURLToPath(new URL('../../../geodata/resolution.json', import.meta.url)), 'utf8'),
  ) as ResolutionFile;
  const target = (id: string) => res.targets.find((t) => t.id === id)!;
  const milestone = (id: string) => res.milestones.find((m) => m.id === id)!;
  const unit = (id: string) => res.unit_figures.find((u) => u.unit_id === id)!;
  const ward = res.criteria.find((s) => s.id === 'phuong-thi-xa-2023')!;
  const outcomes = (id: string) => Object.fromEntries(evaluateUnit(ward, unit(id)).map((r) => [r.criterion_id, r.outcome]));

  it('target statuses', () => {
    expect(targetStatus(target('thi-xa'))).toBe('met');
    expect(targetStatus(target('wards'))).toBe('met');
    expect(targetStatus(target('population'))).toBe('not_met');
    expect(targetStatus(target('growth-rate'))).toBe('not_met');
    expect(targetStatus(target('urban-type-iv'))).toBe('no_figure');
    expect(targetStatus(target('hospital-beds'))).toBe('no_figure');
    expect(targetStatus(target('payment-accounts'))).toBe('no_figure');
    expect(targetStatus(target('detailed-plans'), 84)).toBe('met');
  });

  it('milestone lateness', () => {
    expect(milestoneLateness(milestone('thi-xa').planned, milestone('thi-xa').actual)).toBe('early');
    expect(milestoneLateness(milestone('urban-type-iv').planned, milestone('urban-type-iv').actual)).toBe('no_record');
    expect(milestoneLateness(milestone('mid-term-review').planned, milestone('mid-term-review').actual)).toBe('no_record');
    expect(milestoneLateness(milestone('qd-956').planned, milestone('qd-956').actual)).toBe('unscheduled');
  });

  it('ward criteria per unit: Tăng Tiến below on area, gaps are missing, non-slated units not assessed', () => {
    expect(outcomes('07789')).toMatchObject({ population: 'meets', area: 'below', infrastructure: 'meets', 'socio-economic': 'missing' });
    expect(outcomes('07777')).toMatchObject({ population: 'meets', area: 'meets', infrastructure: 'meets' });
    expect(outcomes('07774')).toMatchObject({ population: 'missing', area: 'missing', infrastructure: 'meets' });
    expect(outcomes('07768')).toMatchObject({ population: 'meets', area: 'meets', infrastructure: 'missing' });
  });

  it('thị xã criteria on the town figures (derived ward share 9/17)', () => {
    const set = res.criteria.find((s) => s.id === 'thi-xa-2023')!;
    const r = Object.fromEntries(evaluateTown(set, res.town_figures).map((x) => [x.criterion_id, x]));
    expect(r.area!.outcome).toBe('below');
    expect(r['ward-share']!.value).toBeCloseTo(52.94, 2);
    expect(r['ward-share']!.outcome).toBe('meets');
    expect(r['urban-type']!.outcome).toBe('missing');
  });
});
