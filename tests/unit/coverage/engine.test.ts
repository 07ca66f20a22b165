// Engine behaviour beyond the fixtures: incremental API, ids, options, repairs, protocol.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeCoverage, createCoverageIndex } from '../../../src/coverage/engine';
import { naiveCoverage } from '../../../src/coverage/naive';
import { normalizeOptions } from '../../../src/coverage/plan-filter';
import { isSlated, planId, uniqueIds, unitId } from '../../../src/coverage/unit-id';
import { handle } from '../../../src/coverage/worker';
import type { InputFeature } from '../../../src/coverage/types';
import { rectRing } from './arbitraries';

const unit = (code: string, ring = rectRing(0, 0, 1000, 1000), props: Record<string, unknown> = {}): InputFeature => ({
  type: 'Feature', properties: { code, ...props }, geometry: { type: 'Polygon', coordinates: [ring] },
});
const plan = (id: string, ring: ReturnType<typeof rectRing>, props: Record<string, unknown> = {}): InputFeature => ({
  type: 'Feature', properties: { id, ...props }, geometry: { type: 'Polygon', coordinates: [ring] },
});
const U = unit('U1');
const half = plan('half', rectRing(0, 0, 500, 1000));

describe('ids and attributes', () => {
  it('unit id: code, then id, then feature id, then index', () => {
    expect(unitId({ type: 'Feature', properties: { code: 'C', id: 'I' }, geometry: null }, 3)).toBe('C');
    expect(unitId({ type: 'Feature', properties: { id: 7 }, geometry: null }, 3)).toBe('7');
    expect(unitId({ type: 'Feature', id: 'F', properties: null, geometry: null }, 3)).toBe('F');
    expect(unitId({ type: 'Feature', properties: { code: '' }, geometry: null }, 3)).toBe('3');
  });
  it('plan id: id, then feature id, then index', () => {
    expect(planId({ type: 'Feature', id: 'F', properties: { id: 'P' }, geometry: null }, 0)).toBe('P');
    expect(planId({ type: 'Feature', id: 'F', properties: {}, geometry: null }, 0)).toBe('F');
    expect(planId({ type: 'Feature', properties: {}, geometry: null }, 4)).toBe('4');
  });
  it('slated: slated or slated_ward strictly true', () => {
    expect(isSlated(unit('a', undefined, { slated: true }))).toBe(true);
    expect(isSlated(unit('a', undefined, { slated_ward: true }))).toBe(true);
    expect(isSlated(unit('a', undefined, { slated: 'true' }))).toBe(false);
  });
  it('duplicate ids are made unique and reported', () => {
    expect(uniqueIds(['a', 'b', 'a', 'a'])).toEqual({ ids: ['a', 'b', 'a#2', 'a#3'], renamed: [{ from: 'a', to: 'a#2' }, { from: 'a', to: 'a#3' }] });
    const r = computeCoverage([U], [half, plan('half', rectRing(500, 0, 500, 1000))]);
    expect(r.units[0]!.plan_ids).toEqual(['half', 'half#2']);
    expect(r.units[0]!.coverage).toBe(1);
    expect(r.problems).toContainEqual(expect.objectContaining({ id: 'half#2', kind: 'duplicate_id_renamed' }));
  });
});

describe('options', () => {
  it('defaults to detailed + approved, target 0.8', () => {
    expect(normalizeOptions(undefined)).toEqual({ levels: ['detailed'], statuses: ['approved'], target: 0.8, asOf: null, proposals: true });
  });
  it('rejects a percent given as target, unknown levels and statuses', () => {
    expect(() => normalizeOptions({ target: 80 })).toThrow(RangeError);
    expect(() => normalizeOptions({ target: Number.NaN })).toThrow(RangeError);
    expect(() => normalizeOptions({ levels: ['general' as 'zoning'] })).toThrow(/unknown level/);
    expect(() => normalizeOptions({ statuses: ['draft' as 'approved'] })).toThrow(/unknown status/);
  });
  it('meets_target is strict: exactly the target does not meet it', () => {
    const r = computeCoverage([U], [plan('all', rectRing(0, 0, 1000, 1000))], { target: 1 });
    expect(r.units[0]!.coverage).toBe(1);
    expect(r.units[0]!.meets_target).toBe(false);
    expect(computeCoverage([U], [plan('all', rectRing(0, 0, 1000, 1000))], { target: 0.99 }).units[0]!.meets_target).toBe(true);
  });
  it('level and status values are matched case-insensitively', () => {
    const r = computeCoverage([U], [plan('p', rectRing(0, 0, 500, 1000), { level: ' Detailed ', status: 'APPROVED' })]);
    expect(r.plans.counted).toBe(1);
  });
});

describe('incremental index', () => {
  it('upsert, change, remove and options update the result', () => {
    const idx = createCoverageIndex([U], []);
    expect(idx.result().units[0]!.coverage).toBe(0);
    expect(idx.upsertPlan(half)).toBe('half');
    expect(idx.result().units[0]!.coverage).toBeCloseTo(0.5, 4);
    idx.upsertPlan(plan('half', rectRing(0, 0, 250, 1000)));
    expect(idx.result().units[0]!.coverage).toBeCloseTo(0.25, 4);
    idx.upsertPlan(plan('z', rectRing(500, 0, 500, 1000), { level: 'zoning' }));
    expect(idx.result().units[0]!.coverage).toBeCloseTo(0.25, 4);
    expect(idx.result().plans.excluded).toEqual([{ id: 'z', reason: 'level_not_selected' }]);
    idx.setOptions({ levels: ['detailed', 'zoning'] });
    expect(idx.result().units[0]!.coverage).toBeCloseTo(0.75, 4);
    expect(idx.result().units[0]!.plan_ids).toEqual(['half', 'z']);
    idx.setOptions({ target: 0.7 });
    expect(idx.result().units[0]!.meets_target).toBe(true);
    expect(idx.removePlan('half')).toBe(true);
    expect(idx.removePlan('half')).toBe(false);
    expect(idx.result().units[0]!.coverage).toBeCloseTo(0.5, 4);
    idx.setUnits([unit('U2', rectRing(500, 0, 500, 1000))]);
    const r = idx.result();
    expect(r.units.map((u) => u.id)).toEqual(['U2']);
    expect(r.units[0]!.coverage).toBe(1);
  });

  it('a plan upserted without an id gets a fresh index id and never replaces another plan', () => {
    const idx = createCoverageIndex([U], [plan('1', rectRing(0, 0, 100, 1000))]);
    const anon: InputFeature = { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [rectRing(500, 0, 500, 1000)] } };
    expect(idx.upsertPlan(anon)).toBe('2');
    expect(idx.result().units[0]!.plan_ids).toEqual(['1', '2']);
    expect(idx.result().units[0]!.coverage).toBeCloseTo(0.6, 4);
  });

  it('results are snapshots: later edits do not mutate an earlier result', () => {
    const idx = createCoverageIndex([U], [half]);
    const before = idx.result();
    idx.removePlan('half');
    expect(before.units[0]!.plan_ids).toEqual(['half']);
    expect(before.units[0]!.coverage).toBeCloseTo(0.5, 4);
  });
});

describe('bad input never throws and is reported', () => {
  it('empty everything gives zeros', () => {
    const r = computeCoverage([], []);
    expect(r.units).toEqual([]);
    expect(r.totals.district).toEqual({ units: 0, area_m2: 0, covered_m2: 0, coverage: 0, units_meeting_target: 0 });
  });
  it('plans with bad geometry are left out with a reason', () => {
    const bad: InputFeature[] = [
      { type: 'Feature', properties: { id: 'nogeom' }, geometry: null },
      { type: 'Feature', properties: { id: 'line' }, geometry: { type: 'LineString', coordinates: [[106.05, 21.25], [106.06, 21.26]] } },
      { type: 'Feature', properties: { id: 'vn2000' }, geometry: { type: 'Polygon', coordinates: [[[580000, 2350000], [581000, 2350000], [581000, 2351000], [580000, 2350000]]] } },
      { type: 'Feature', properties: { id: 'nan' }, geometry: { type: 'Polygon', coordinates: [[[Number.NaN, 21.25], [106.06, 21.25], [106.06, 21.26], [Number.NaN, 21.25]]] } },
      { type: 'Feature', properties: { id: 'flat' }, geometry: { type: 'Polygon', coordinates: [[[106.05, 21.25], [106.06, 21.25], [106.07, 21.25], [106.05, 21.25]]] } },
      { type: 'Feature', properties: { id: 'junk' }, geometry: { type: 'Polygon', coordinates: 'x' as unknown as [] } },
    ];
    const r = computeCoverage([U], [...bad, half]);
    expect(r.plans.counted).toBe(1);
    expect(r.plans.excluded.map((e) => [e.id, e.reason])).toEqual([
      ['nogeom', 'not_polygon'], ['line', 'not_polygon'], ['vn2000', 'invalid_geometry'],
      ['nan', 'invalid_geometry'], ['flat', 'invalid_geometry'], ['junk', 'invalid_geometry'],
    ]);
    expect(r.plans.excluded.find((e) => e.id === 'vn2000')!.detail).toMatch(/not lon\/lat/);
    expect(r.units[0]!.coverage).toBeCloseTo(0.5, 4);
  });
  it('a unit without usable geometry is listed with zero area and reported', () => {
    const r = computeCoverage([{ type: 'Feature', properties: { code: 'X', slated: true }, geometry: null }, U], [half]);
    expect(r.units[0]).toMatchObject({ id: 'X', area_m2: 0, coverage: 0, meets_target: false });
    expect(r.problems).toContainEqual(expect.objectContaining({ subject: 'unit', id: 'X', kind: 'unit_invalid_geometry' }));
    expect(r.totals.slated.units).toBe(1);
  });
  it('overlapping MultiPolygon parts count once and are reported as repaired', () => {
    const mp: InputFeature = { type: 'Feature', properties: { id: 'mp' }, geometry: { type: 'MultiPolygon', coordinates: [[rectRing(0, 0, 500, 1000)], [rectRing(250, 0, 500, 1000)]] } };
    const r = computeCoverage([U], [mp]);
    expect(r.units[0]!.coverage).toBeCloseTo(0.75, 4);
    expect(r.problems).toContainEqual(expect.objectContaining({ id: 'mp', kind: 'self_intersection_repaired' }));
  });
  it('ring orientation does not matter (clockwise outer, counter-clockwise hole)', () => {
    const cw: InputFeature = { type: 'Feature', properties: { id: 'cw' }, geometry: { type: 'Polygon', coordinates: [rectRing(0, 0, 1000, 1000).reverse(), rectRing(250, 250, 500, 500)] } };
    expect(computeCoverage([U], [cw]).units[0]!.coverage).toBeCloseTo(0.75, 4);
  });
});

describe('the near-identical-vertices fixture is a real Turf trap', () => {
  const dir = join(__dirname, '../../fixtures/coverage/near-identical-vertices');
  const units = (JSON.parse(readFileSync(join(dir, 'units.geojson'), 'utf8')) as { features: InputFeature[] }).features;
  const plans = (JSON.parse(readFileSync(join(dir, 'plans.geojson'), 'utf8')) as { features: InputFeature[] }).features;
  it('Turf 7.4 (the naive reference) throws on it', () => {
    expect(() => naiveCoverage(units, plans)).toThrow();
  });
  it('the engine covers the unit fully and reports the merged vertices', () => {
    const r = computeCoverage(units, plans);
    expect(r.units[0]!.coverage).toBe(1);
    expect(r.plans.counted).toBe(2);
  });
});

describe('worker protocol', () => {
  it('answers each request with its id and the result, errors as messages', () => {
    expect(handle({ id: 1, type: 'upsertPlan', feature: half })).toMatchObject({ id: 1, ok: false });
    const init = handle({ id: 2, type: 'init', units: [U], plans: [] });
    expect(init).toMatchObject({ id: 2, ok: true });
    const up = handle({ id: 3, type: 'upsertPlan', feature: half });
    expect(up.ok && up.result.units[0]!.coverage).toBeCloseTo(0.5, 4);
    const opt = handle({ id: 4, type: 'setOptions', options: { target: 80 } });
    expect(opt).toMatchObject({ id: 4, ok: false, error: expect.stringMatching(/fraction/) });
    const rm = handle({ id: 5, type: 'removePlan', planId: 'half' });
    expect(rm.ok && rm.result.units[0]!.coverage).toBe(0);
    const su = handle({ id: 6, type: 'setUnits', units: [] });
    expect(su.ok && su.result.units).toEqual([]);
  });
});

describe('plan levels and statuses in the planners\' own words', () => {
  const U = unit('07777', rectRing(0, 0, 1000, 1000), { slated_ward: true });
  const strip = (id: string, x: number, props: Record<string, unknown>): InputFeature => ({
    type: 'Feature',
    properties: { id, ...props },
    geometry: { type: 'Polygon', coordinates: [rectRing(x, 0, 100, 1000)] },
  });
  it('reads "1/500", "QHCT", "Đã phê duyệt", "da duyet"; counts missing fields; leaves out and reports unknown values', () => {
    const plans = [
      strip('a', 0, { level: '1/500', status: 'Đã phê duyệt' }),
      strip('b', 100, { level: 'QHCT', status: 'da duyet' }),
      strip('c', 200, {}), // no fields: an approved detailed plan
      strip('d', 300, { level: 'Chi tiết', status: 'Hủy' }), // cancelled: not a known status
      strip('e', 400, { level: '1/10000', status: 'approved' }),
      strip('f', 500, { level: 'Phân khu 1/2000', status: 'đang lập' }),
    ];
    const r = computeCoverage([U], plans);
    expect(r.units[0]!.plan_ids).toEqual(['a', 'b', 'c']);
    expect(r.units[0]!.coverage).toBeCloseTo(0.3, 6);
    expect(r.plans.excluded).toEqual([
      { id: 'd', reason: 'status_not_recognised', detail: 'status "Hủy" is not a known plan status' },
      { id: 'e', reason: 'level_not_recognised', detail: 'level "1/10000" is not a known plan level' },
      { id: 'f', reason: 'level_not_selected' },
    ]);
    const both = computeCoverage([U], plans, { levels: ['detailed', 'zoning'], statuses: ['approved', 'in_preparation'] });
    expect(both.units[0]!.plan_ids).toEqual(['a', 'b', 'c', 'f']);
    // The naive Turf reference applies the same rule.
    expect(naiveCoverage([U], plans).units[0]!.coverage).toBeCloseTo(0.3, 6);
  });
});
