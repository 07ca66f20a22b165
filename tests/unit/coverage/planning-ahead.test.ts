// Issue 16 engine behaviour beyond the properties: approval dates and their field names, as-of
// exclusion reasons, proposals and base coverage, gaps' shape, the worker messages, the date order,
// coverage over time.
import { describe, expect, it } from 'vitest';
import { approvalDate, isIsoDate, parseDate } from '../../../src/coverage/approval-date';
import { between, insertByDate, removeByDate, upperBound } from '../../../src/coverage/date-order';
import { computeCoverage, createCoverageIndex } from '../../../src/coverage/engine';
import { normalizeOptions } from '../../../src/coverage/plan-filter';
import { coverageTimeline } from '../../../src/coverage/timeline';
import { handle } from '../../../src/coverage/worker';
import type { InputFeature } from '../../../src/coverage/types';
import { rectRing } from './arbitraries';

const unit = (code: string, ring = rectRing(0, 0, 1000, 1000), props: Record<string, unknown> = {}): InputFeature => ({
  type: 'Feature', properties: { code, slated: true, ...props }, geometry: { type: 'Polygon', coordinates: [ring] },
});
const plan = (id: string, ring: ReturnType<typeof rectRing>, props: Record<string, unknown> = {}): InputFeature => ({
  type: 'Feature', properties: { id, ...props }, geometry: { type: 'Polygon', coordinates: [ring] },
});
const U = unit('U1');
// Quarters of the unit, approved on different days.
const q1 = plan('q1', rectRing(0, 0, 500, 500), { approved_on: '2018-03-01' });
const q2 = plan('q2', rectRing(500, 0, 500, 500), { ngay_phe_duyet: '15/06/2019' });
const q3 = plan('q3', rectRing(0, 500, 500, 500), { 'Ngày phê duyệt': '2020-01-01' });
const q4 = plan('q4', rectRing(500, 500, 500, 500));

describe('approval dates', () => {
  it('reads ISO and day-first dates, rejects impossible days and bare years', () => {
    expect(parseDate('2019-12-31')).toBe('2019-12-31');
    expect(parseDate('2019-12-31T00:00:00Z')).toBe('2019-12-31');
    expect(parseDate('31/12/2019')).toBe('2019-12-31');
    expect(parseDate('1.2.2020')).toBe('2020-02-01');
    expect(parseDate('2019-02-29')).toBeNull();
    expect(parseDate('2020-02-29')).toBe('2020-02-29');
    expect(parseDate('2019')).toBeNull();
    expect(parseDate(20191231)).toBeNull();
    expect(isIsoDate('2019-12-31')).toBe(true);
    expect(isIsoDate('2019-13-01')).toBe(false);
    expect(isIsoDate('31/12/2019')).toBe(false);
  });
  it('finds approved_on and the Vietnamese field names, with or without tone marks', () => {
    expect(approvalDate(q1)).toBe('2018-03-01');
    expect(approvalDate(q2)).toBe('2019-06-15');
    expect(approvalDate(q3)).toBe('2020-01-01');
    expect(approvalDate(q4)).toBeUndefined();
    expect(approvalDate(plan('x', rectRing(0, 0, 1, 1), { ngay_duyet: 'sắp tới' }))).toEqual({ unreadable: 'sắp tới' });
    expect(approvalDate(plan('x', rectRing(0, 0, 1, 1), { approved_on: '' }))).toBeUndefined();
  });
  it('options: asOf must be a real day or null, proposals a boolean', () => {
    expect(normalizeOptions({ asOf: '2019-12-31' }).asOf).toBe('2019-12-31');
    expect(() => normalizeOptions({ asOf: '31/12/2019' })).toThrow(/YYYY-MM-DD/);
    expect(() => normalizeOptions({ asOf: '2019-02-30' })).toThrow(RangeError);
    expect(() => normalizeOptions({ proposals: 'yes' as unknown as boolean })).toThrow(/proposals/);
  });
});

describe('date order', () => {
  it('keeps items sorted, finds the ones between two dates, removes by identity', () => {
    const items: { date: string; n: number }[] = [];
    for (const [d, n] of [['2019-01-01', 1], ['2017-05-05', 2], ['2019-01-01', 3], ['2021-01-01', 4]] as const) insertByDate(items, { date: d, n });
    expect(items.map((i) => i.n)).toEqual([2, 1, 3, 4]);
    expect(upperBound(items, '2019-01-01')).toBe(3);
    expect(between(items, '2017-05-05', '2019-01-01').map((i) => i.n)).toEqual([1, 3]);
    expect(between(items, '2022-01-01', '2018-01-01').map((i) => i.n)).toEqual([1, 3, 4]);
    expect(removeByDate(items, items[1]!)).toBe(true);
    expect(items.map((i) => i.n)).toEqual([2, 3, 4]);
    expect(removeByDate(items, { date: '2019-01-01', n: 3 })).toBe(false);
  });
});

describe('coverage as of a date', () => {
  const plans = [q1, q2, q3, q4];
  it('leaves out plans approved later and plans without a date, with their reasons', () => {
    const r = computeCoverage([U], plans, { asOf: '2019-12-31' });
    expect(r.as_of).toBe('2019-12-31');
    expect(r.units[0]!.coverage).toBeCloseTo(0.5, 4);
    expect(r.units[0]!.plan_ids).toEqual(['q1', 'q2']);
    expect(r.plans.excluded).toEqual([{ id: 'q3', reason: 'approved_after_as_of' }, { id: 'q4', reason: 'no_approval_date' }]);
    const all = computeCoverage([U], plans);
    expect(all.as_of).toBeNull();
    expect(all.units[0]!.coverage).toBeCloseTo(1, 6);
  });
  it('says why an unreadable date leaves a plan out', () => {
    const r = computeCoverage([U], [plan('x', rectRing(0, 0, 10, 10), { approved_on: 'Q3/2019' })], { asOf: '2020-01-01' });
    expect(r.plans.excluded).toEqual([{ id: 'x', reason: 'no_approval_date', detail: expect.stringContaining('"Q3/2019"') }]);
  });
  it('steps both ways and back to no filter', () => {
    const idx = createCoverageIndex([U], plans);
    for (const [asOf, expected] of [['2018-12-31', 0.25], ['2019-06-15', 0.5], ['2020-01-01', 0.75], ['2017-01-01', 0], [null, 1], ['2019-06-14', 0.25]] as const) {
      idx.setOptions({ asOf });
      expect(idx.result().units[0]!.coverage).toBeCloseTo(expected, 4);
      expect(idx.result().as_of).toBe(asOf);
    }
  });
});

describe('proposals', () => {
  const prop = plan('p', rectRing(500, 500, 500, 500), { proposal: true });
  it('count by default, are not date-filtered, and give the coverage without them as base_*', () => {
    const r = computeCoverage([U, unit('U2', rectRing(2000, 0, 100, 100))], [q1, prop], { asOf: '2019-01-01' });
    const u = r.units[0]!;
    expect(u.coverage).toBeCloseTo(0.5, 4);
    expect(u.base_coverage).toBeCloseTo(0.25, 4);
    expect(u.base_covered_m2! / u.area_m2).toBeCloseTo(0.25, 4);
    expect(u.plan_ids).toEqual(['q1', 'p']);
    // Only where a proposal meets the unit.
    expect(r.units[1]!.base_coverage).toBeUndefined();
    expect('base_coverage' in r.units[1]!).toBe(false);
  });
  it('proposals: false leaves them out (reported), coverage = base, no base_*', () => {
    const r = computeCoverage([U], [q1, prop], { proposals: false });
    expect(r.units[0]!.coverage).toBeCloseTo(0.25, 4);
    expect(r.units[0]!.base_coverage).toBeUndefined();
    expect(r.plans.excluded).toEqual([{ id: 'p', reason: 'proposal_not_counted' }]);
  });
  it('a proposal over an already covered part adds nothing', () => {
    const r = computeCoverage([U], [q1, plan('p', rectRing(100, 100, 200, 200), { proposal: true })]);
    expect(r.units[0]!.coverage).toBeCloseTo(r.units[0]!.base_coverage!, 9);
  });
});

describe('gaps', () => {
  it('are the uncovered part, merged across cells, with shortfall to the target', () => {
    const idx = createCoverageIndex([U, unit('U2', rectRing(2000, 0, 300, 300), { slated: false })], [q1, q2], undefined, { cellMetres: 60 });
    const g = idx.gaps();
    // Default: the slated units only.
    expect(g.units.map((u) => u.unit_id)).toEqual(['U1']);
    const u = g.units[0]!;
    expect(u.gap_m2 / u.area_m2).toBeCloseTo(0.5, 4);
    expect(u.shortfall_m2 / u.area_m2).toBeCloseTo(0.3, 4);
    // The north half is one piece although ~60 cells hold parts of it.
    expect(g.pieces.features).toHaveLength(1);
    expect(g.pieces.features[0]!.properties).toMatchObject({ unit_id: 'U1', rank: 1 });
    expect(g.pieces.features[0]!.geometry.type).toBe('Polygon');
    expect(g.target).toBe(0.8);
    expect(g.as_of).toBeNull();
    expect(idx.gaps(['U2', 'nope']).units.map((x) => x.unit_id)).toEqual(['U2']);
  });
  it('rank pieces largest first; a proposal filling a piece removes it', () => {
    // Two separate gaps: west strip (100 wide) and east strip (200 wide).
    const mid = plan('mid', rectRing(100, 0, 700, 1000));
    const idx = createCoverageIndex([U], [mid], undefined, { cellMetres: 150 });
    let g = idx.gaps();
    expect(g.pieces.features.map((f) => Math.round(f.properties.area_m2 / g.units[0]!.area_m2 * 10))).toEqual([2, 1]);
    idx.upsertPlans([plan('p', rectRing(800, 0, 200, 1000), { proposal: true })]);
    g = idx.gaps();
    expect(g.pieces.features).toHaveLength(1);
    expect(idx.result().units[0]!.base_coverage).toBeCloseTo(0.7, 4);
    expect(idx.removePlans(['p', 'absent'])).toBe(1);
    expect(idx.gaps().pieces.features).toHaveLength(2);
  });
});

describe('worker messages', () => {
  it('upsertPlans, removePlans, gaps and timeline answer with the result', () => {
    expect(handle({ id: 1, type: 'init', units: [U], plans: [q1] })).toMatchObject({ id: 1, ok: true });
    const up = handle({ id: 2, type: 'upsertPlans', features: [q2, plan('p', rectRing(0, 500, 500, 500), { proposal: true })] });
    expect(up.ok && up.result.units[0]!.coverage).toBeCloseTo(0.75, 4);
    expect(up.ok && up.result.units[0]!.base_coverage).toBeCloseTo(0.5, 4);
    const g = handle({ id: 3, type: 'gaps' });
    expect(g.ok && g.gaps!.units[0]!.gap_m2 / g.gaps!.units[0]!.area_m2).toBeCloseTo(0.25, 4);
    const rm = handle({ id: 4, type: 'removePlans', planIds: ['p', 'q2'] });
    expect(rm.ok && rm.result.units[0]!.coverage).toBeCloseTo(0.25, 4);
    const tl = handle({ id: 5, type: 'timeline' });
    expect(tl.ok && tl.timeline!.dates).toEqual(['2018-02-28', '2018-03-01']);
    expect(tl.ok && tl.result.as_of).toBeNull();
  });
});

describe('coverage over time', () => {
  it('equals a fresh computation at each step and leaves asOf as it was', () => {
    const plans = [q1, q2, q3, q4];
    const idx = createCoverageIndex([U], plans, { asOf: '2019-07-01' });
    const tl = coverageTimeline(idx, idx.approvalDates());
    expect(tl.dates).toEqual(['2018-02-28', '2018-03-01', '2019-06-15', '2020-01-01']);
    tl.dates.forEach((d, i) => {
      expect(tl.units[0]!.coverage[i]).toBeCloseTo(computeCoverage([U], plans, { asOf: d }).units[0]!.coverage, 9);
    });
    expect(tl.units[0]!.crossed).toBeNull(); // 75 % at most: q4 has no date
    expect(tl.undated).toBe(1);
    expect(idx.result().as_of).toBe('2019-07-01');
  });

  it('leaves proposals out of the history and counts them again afterwards', () => {
    const proposal = plan('p', rectRing(0, 500, 500, 500), { proposal: true });
    const idx = createCoverageIndex([U], [q1, proposal], {});
    const withProposal = idx.result().units[0]!.coverage;
    const tl = coverageTimeline(idx, idx.approvalDates());
    expect(tl.units[0]!.coverage[tl.dates.length - 1]).toBeCloseTo(computeCoverage([U], [q1], {}).units[0]!.coverage, 9);
    expect(idx.options().proposals).toBe(true);
    expect(idx.result().units[0]!.coverage).toBeCloseTo(withProposal, 12);
  });
});
