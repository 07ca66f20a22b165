// Coverage in PostGIS (sql/coverage.sql) against the in-process engine and the hand-computed
// fixtures, on a private PostgreSQL + PostGIS cluster started once for this file. Needs the
// Debian packages postgresql and postgresql-postgis (.ci/run installs them): without them the
// suite FAILS saying what to install — it is never skipped.
import { readdirSync, readFileSync, existsSync, mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findPostgres, startPrivateCluster, type PrivateCluster } from '../../../scripts/db/private-cluster';
import { connectPg, type DbClient } from '../../../src/db/client';
import { coverageFromDb, DbInputError } from '../../../src/db/coverage-db';
import { planColumns, planRows, unitColumns, unitRows } from '../../../src/db/rows';
import { sql } from '../../../src/db/sql-files';
import { identifierProblem, quoteIdent, redactUrl } from '../../../src/db/identifiers';
import { computeCoverage } from '../../../src/coverage/engine';
import { syntheticPlans, syntheticUnits } from '../../../src/coverage/synthetic';
import type { CoverageOptions, CoverageResult, ExcludedPlan, InputFeature } from '../../../src/coverage/types';

const ROOT = join(__dirname, '../../fixtures/coverage');
const POINTS = 1e-4; // 0.01 coverage points, as a fraction
const REL = 1e-4; // 0.01 % of an area

let cluster: PrivateCluster;
let db: DbClient;

beforeAll(async () => {
  cluster = await startPrivateCluster();
  db = await connectPg(cluster.url);
}, 120_000);

afterAll(async () => {
  await db?.end();
  cluster?.stop();
});

/** A table written as db:load writes it, from features as they are (no import: odd geometries kept). */
async function table(name: string, role: 'units' | 'plans', features: readonly InputFeature[]): Promise<void> {
  const t = { table: name };
  await db.query(sql('schema.sql', 'drop_table', t));
  await db.query(sql('schema.sql', role === 'units' ? 'create_units' : 'create_plans', t));
  const src = features.map((feature) => ({ feature, file: `${name}.geojson` }));
  if (src.length === 0) return;
  const cols = role === 'units' ? unitColumns(unitRows(src)) : planColumns(planRows(src));
  await db.query(sql('schema.sql', role === 'units' ? 'insert_units' : 'insert_plans', t), cols);
}

function closeArea(actual: number, expected: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(REL * Math.max(Math.abs(expected), 1));
}

/** Database and engine agree: same units, coverage within 0.01 points, areas within 0.01 %, same plans and reasons. */
function agree(dbr: CoverageResult, eng: CoverageResult): void {
  expect(dbr.units.map((u) => u.id)).toEqual(eng.units.map((u) => u.id));
  dbr.units.forEach((u, i) => {
    const e = eng.units[i]!;
    expect(u.name).toBe(e.name);
    expect(u.slated).toBe(e.slated);
    closeArea(u.area_m2, e.area_m2);
    closeArea(u.covered_m2, e.covered_m2);
    expect(Math.abs(u.coverage - e.coverage)).toBeLessThanOrEqual(POINTS);
    expect(u.plan_ids).toEqual(e.plan_ids);
  });
  expect(dbr.plans.counted).toBe(eng.plans.counted);
  expect(dbr.plans.excluded.map(({ id, reason }) => ({ id, reason }))).toEqual(eng.plans.excluded.map(({ id, reason }) => ({ id, reason })));
  expect(dbr.options).toEqual(eng.options);
  for (const k of ['slated', 'other', 'district'] as const) {
    expect(dbr.totals[k].units).toBe(eng.totals[k].units);
    closeArea(dbr.totals[k].area_m2, eng.totals[k].area_m2);
    expect(Math.abs(dbr.totals[k].coverage - eng.totals[k].coverage)).toBeLessThanOrEqual(POINTS);
  }
}

interface Expected {
  options: CoverageOptions;
  units: { id: string; area_m2: number; covered_m2: number; coverage: number; meets_target: boolean; plan_ids: string[] }[];
  plans: { counted: number; excluded: ExcludedPlan[] };
  problems: { id: string; kind: string }[];
}

const read = <T>(dir: string, f: string): T => JSON.parse(readFileSync(join(ROOT, dir, f), 'utf8')) as T;
const cases = readdirSync(ROOT).filter((d) => existsSync(join(ROOT, d, 'expected.json'))).sort();

describe('the private cluster', () => {
  it('fails (never skips) saying what to install when PostgreSQL or PostGIS is missing', () => {
    const empty = mkdtempSync(join(tmpdir(), 'vy-no-pg-'));
    expect(() => findPostgres(join(empty, 'lib'), join(empty, 'share'))).toThrow(/apt-get install postgresql postgresql-postgis/);
    mkdirSync(join(empty, 'lib/15/bin'), { recursive: true });
    for (const b of ['initdb', 'pg_ctl', 'pg_isready', 'postgres']) writeFileSync(join(empty, 'lib/15/bin', b), '');
    expect(() => findPostgres(join(empty, 'lib'), join(empty, 'share'))).toThrow(/PostgreSQL 15 has no PostGIS extension.*postgresql-15-postgis-3/);
    expect(findPostgres().bin).toMatch(/^\/usr\/lib\/postgresql\/\d+\/bin$/);
  });
});

const exp0: CoverageOptions = { levels: ['detailed'], statuses: ['approved'], target: 0.8 };

describe('the coverage fixtures in PostGIS', () => {
  it('finds the fixture cases', () => expect(cases.length).toBeGreaterThanOrEqual(13));

  it.each(cases)('%s: matches expected.json and the engine', async (name) => {
    const units = read<{ features: InputFeature[] }>(name, 'units.geojson').features;
    const plans = read<{ features: InputFeature[] }>(name, 'plans.geojson').features;
    const exp = read<Expected>(name, 'expected.json');
    const slug = name.replace(/-/g, '_');
    await table(`u_${slug}`, 'units', units);
    await table(`p_${slug}`, 'plans', plans);
    const { result, gaps } = await coverageFromDb(db, { units: `u_${slug}`, plans: `p_${slug}` }, exp.options, { gaps: true });
    // Against the hand-computed numbers…
    expect(result.units.map((u) => u.id)).toEqual(exp.units.map((u) => u.id));
    result.units.forEach((u, i) => {
      const e = exp.units[i]!;
      closeArea(u.area_m2, e.area_m2);
      closeArea(u.covered_m2, e.covered_m2);
      expect(Math.abs(u.coverage - e.coverage)).toBeLessThanOrEqual(POINTS);
      expect(u.meets_target).toBe(e.meets_target);
      expect(u.plan_ids).toEqual(e.plan_ids);
    });
    expect(result.plans.counted).toBe(exp.plans.counted);
    expect(result.plans.excluded.map(({ id, reason }) => ({ id, reason }))).toEqual(exp.plans.excluded);
    for (const p of exp.problems) expect(result.problems).toContainEqual(expect.objectContaining(p));
    // …and against the engine on the same input.
    agree(result, computeCoverage(units, plans, exp.options));
    // Gaps (issue 16) against the GEOS + Geod expectations of tests/fixtures/coverage/gaps/ (0.01 % of the unit).
    const eg = JSON.parse(readFileSync(join(ROOT, 'gaps', `${name}.json`), 'utf8')) as { units: { unit_id: string; area_m2: number; gap_m2: number; shortfall_m2: number; pieces_m2: number[] }[] };
    const slated = result.units.filter((u) => u.slated).map((u) => u.id);
    expect(gaps!.units.map((u) => u.unit_id)).toEqual(slated.length > 0 ? slated : result.units.map((u) => u.id));
    for (const u of gaps!.units) {
      const e = eg.units.find((x) => x.unit_id === u.unit_id)!;
      const tol = REL * e.area_m2;
      expect(Math.abs(u.gap_m2 - e.gap_m2)).toBeLessThanOrEqual(tol);
      expect(Math.abs(u.shortfall_m2 - e.shortfall_m2)).toBeLessThanOrEqual(tol);
      const pieces = gaps!.pieces.features.filter((f) => f.properties.unit_id === u.unit_id);
      expect(pieces.map((p) => p.properties.rank)).toEqual(e.pieces_m2.map((_, k) => k + 1));
      pieces.forEach((p, k) => expect(Math.abs(p.properties.area_m2 - e.pieces_m2[k]!)).toBeLessThanOrEqual(tol));
    }
  });

  it('as of a date: plans approved later or undated are left out, as the engine does', async () => {
    const U = read<{ features: InputFeature[] }>('overlapping-plans', 'units.geojson').features;
    const P = read<{ features: InputFeature[] }>('overlapping-plans', 'plans.geojson').features;
    const dated = P.map((f, i): InputFeature => ({ ...f, properties: { ...f.properties, ...(i === 0 ? { approved_on: '2019-05-01' } : i === 1 ? { ngay_phe_duyet: '15/06/2021' } : {}) } }));
    await table('u_asof', 'units', U);
    await table('p_asof', 'plans', dated);
    for (const asOf of ['2018-12-31', '2020-01-01', '2022-01-01', null]) {
      const options = { ...exp0, asOf };
      const { result } = await coverageFromDb(db, { units: 'u_asof', plans: 'p_asof' }, options);
      const eng = computeCoverage(U, dated, options);
      agree(result, eng);
      expect(result.as_of).toBe(asOf);
      expect(result.plans.excluded.map((e) => e.reason)).toEqual(eng.plans.excluded.map((e) => e.reason));
    }
  });
});

describe('a synthetic register (17 units, 1,000 clustered plans of 20–200 vertices)', () => {
  const units = syntheticUnits();
  const plans = syntheticPlans(1000, 7);
  beforeAll(async () => {
    await table('syn_units', 'units', units);
    await table('syn_plans', 'plans', plans);
  }, 60_000);

  it.each<[string, Partial<CoverageOptions>]>([
    ['approved detailed plans', {}],
    ['every level and status, 60 %', { levels: ['detailed', 'zoning'], statuses: ['approved', 'in_preparation'], target: 0.6 }],
  ])('database and engine agree: %s', async (_label, o) => {
    const options: CoverageOptions = { levels: ['detailed'], statuses: ['approved'], target: 0.8, ...o };
    const { result } = await coverageFromDb(db, { units: 'syn_units', plans: 'syn_plans' }, options);
    const eng = computeCoverage(units, plans, options);
    agree(result, eng);
    // Not a vacuous agreement: the register does cover something, unevenly.
    expect(result.totals.district.coverage).toBeGreaterThan(0.02);
    expect(new Set(result.units.map((u) => u.plan_ids.length)).size).toBeGreaterThan(3);
  }, 60_000);
});

describe('plan filter, repairs and ids in SQL', () => {
  const sq = (x0: number, y0: number, x1: number, y1: number) => ({ type: 'Polygon' as const, coordinates: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]] });
  const unit: InputFeature = { type: 'Feature', properties: { code: 'U1', name: 'Một', slated: true }, geometry: sq(106.05, 21.25, 106.06, 21.26) };
  const plan = (id: string | undefined, props: Record<string, unknown>, geometry: InputFeature['geometry'] = sq(106.05, 21.25, 106.052, 21.26)): InputFeature =>
    ({ type: 'Feature', properties: { ...(id === undefined ? {} : { id }), ...props }, geometry });

  it('reads levels and statuses through the vocabulary, counts a missing value, leaves out an unknown one with its reason', async () => {
    const plans = [
      plan('a', { level: '1/500', status: 'Đã phê duyệt' }),
      plan('b', { level: 'QHPK', status: 'approved' }),
      plan('c', { level: 'chi tiết', status: 'đang lập' }),
      plan('d', {}),
      plan('e', { level: 'hủy', status: 'approved' }),
      plan('f', { level: 'detailed', status: 'bỏ' }),
      plan('a', { level: 'detailed' }, sq(106.058, 21.25, 106.06, 21.26)),
      plan(undefined, {}, { type: 'Point', coordinates: [106.055, 21.255] }),
      plan('g', {}, { type: 'Polygon', coordinates: [[[106.05, 21.25], [106.06, 21.26], [106.05, 21.26], [106.06, 21.25], [106.05, 21.25]]] }),
      plan('h', {}, null),
      plan('proj', {}, sq(580000, 2350000, 581000, 2351000)),
    ];
    await table('f_units', 'units', [unit]);
    await table('f_plans', 'plans', plans);
    for (const options of [
      { levels: ['detailed'], statuses: ['approved'], target: 0.8 },
      { levels: ['detailed', 'zoning'], statuses: ['in_preparation'], target: 0.1 },
    ] as CoverageOptions[]) {
      const { result } = await coverageFromDb(db, { units: 'f_units', plans: 'f_plans' }, options);
      const eng = computeCoverage([unit], plans, options);
      agree(result, eng);
      expect(result.plans.excluded).toEqual(eng.plans.excluded.map((e) => (e.reason === 'invalid_geometry' || e.reason === 'not_polygon' ? { ...e, detail: expect.any(String) } : e)));
      expect(result.problems.map(({ id, kind }) => ({ id, kind }))).toEqual(eng.problems.map(({ id, kind }) => ({ id, kind })));
    }
    const { result } = await coverageFromDb(db, { units: 'f_units', plans: 'f_plans' }, { levels: ['detailed'], statuses: ['approved'], target: 0.8 });
    expect(result.plans.excluded).toContainEqual({ id: 'e', reason: 'level_not_recognised', detail: 'level "hủy" is not a known plan level' });
    expect(result.plans.excluded).toContainEqual({ id: '7', reason: 'not_polygon', detail: 'geometry is Point' });
    expect(result.plans.excluded).toContainEqual({ id: 'proj', reason: 'invalid_geometry', detail: expect.stringMatching(/not lon\/lat/) });
    expect(result.problems).toContainEqual(expect.objectContaining({ id: 'a#2', kind: 'duplicate_id_renamed' }));
    expect(result.problems).toContainEqual(expect.objectContaining({ id: 'g', kind: 'self_intersection_repaired', message: expect.stringMatching(/Self-intersection/) }));
  });

  it('repairs an invalid unit and reports it; a unit without a polygon counts as area 0', async () => {
    const bowtie: InputFeature = { type: 'Feature', properties: { code: 'B' }, geometry: { type: 'Polygon', coordinates: [[[106.05, 21.25], [106.06, 21.26], [106.05, 21.26], [106.06, 21.25], [106.05, 21.25]]] } };
    const line: InputFeature = { type: 'Feature', properties: { code: 'L' }, geometry: { type: 'LineString', coordinates: [[106.05, 21.25], [106.06, 21.26]] } };
    const plans = [plan('p', {}, sq(106.05, 21.25, 106.06, 21.255))];
    await table('bad_units', 'units', [bowtie, line]);
    await table('bad_plans', 'plans', plans);
    const options: CoverageOptions = { levels: ['detailed'], statuses: ['approved'], target: 0.8 };
    const { result } = await coverageFromDb(db, { units: 'bad_units', plans: 'bad_plans' }, options);
    const eng = computeCoverage([bowtie, line], plans, options);
    agree(result, eng);
    expect(result.problems.map(({ id, kind }) => ({ id, kind }))).toEqual(eng.problems.map(({ id, kind }) => ({ id, kind })));
    expect(result.units[1]).toMatchObject({ id: 'L', area_m2: 0, coverage: 0 });
  });
});

describe('hostile table names and values', () => {
  beforeAll(async () => {
    await table('h_units', 'units', [{ type: 'Feature', properties: { code: 'U1' }, geometry: { type: 'Polygon', coordinates: [[[106.05, 21.25], [106.06, 21.25], [106.06, 21.26], [106.05, 21.26], [106.05, 21.25]]] } }]);
  });

  it.each([
    ['"; DROP TABLE h_units; --', /not a plain identifier/],
    ["x'; DROP TABLE h_units; --", /not a plain identifier/],
    ['public.h_units', /contains "\."/],
    ['a.b', /contains "\."/],
    ['x'.repeat(64), /64 bytes long/],
    ['bảng_quy_hoạch', /not a plain identifier/],
    ['ạ'.repeat(30), /bytes long|not a plain identifier/],
    ['', /is empty/],
    ['1abc', /not a plain identifier/],
    ['pg_class', /pg_/],
  ])('refuses %j', async (name, why) => {
    expect(identifierProblem(name)).toMatch(why);
    expect(() => quoteIdent(name)).toThrow(RangeError);
    await expect(coverageFromDb(db, { units: name, plans: 'h_units' }, { levels: ['detailed'], statuses: ['approved'], target: 0.8 })).rejects.toThrow(DbInputError);
    await expect(coverageFromDb(db, { units: 'h_units', plans: name }, { levels: ['detailed'], statuses: ['approved'], target: 0.8 })).rejects.toThrow(why);
    // Nothing happened to the tables.
    expect((await db.query(`SELECT count(*)::int AS n FROM ${quoteIdent('h_units')}`)).rows[0]).toEqual({ n: 1 });
  });

  it('refuses a missing table and a table of the wrong shape, saying which', async () => {
    const o: CoverageOptions = { levels: ['detailed'], statuses: ['approved'], target: 0.8 };
    await expect(coverageFromDb(db, { units: 'h_units', plans: 'no_such_table' }, o)).rejects.toThrow(/no table "no_such_table"/);
    await expect(coverageFromDb(db, { units: 'h_units', plans: 'h_units' }, o)).rejects.toThrow(/not a plans table .*missing columns source_id/);
    await expect(coverageFromDb(db, { units: 'spatial_ref_sys', plans: 'h_units' }, o)).rejects.toThrow(/not a units table/);
  });

  it('accepts a 63-byte name and quotes mixed case exactly', async () => {
    const long = 'T'.repeat(63);
    expect(identifierProblem(long)).toBeNull();
    await table(long, 'plans', []);
    const { result } = await coverageFromDb(db, { units: 'h_units', plans: long }, { levels: ['detailed'], statuses: ['approved'], target: 0.8 });
    expect(result.units).toHaveLength(1);
    expect(result.plans.counted).toBe(0);
  });

  it('keeps hostile values inert: ids, names and levels come back as written', async () => {
    const evil = ["'; DROP TABLE h_units; --", '$1', 'Robert"); DELETE FROM vy_load_state; --', 'nul\u0000byte', '=cmd|calc'];
    const plans: InputFeature[] = evil.map((id, i) => ({
      type: 'Feature',
      properties: { id, name: id, level: i === 0 ? id : 'detailed', status: 'approved' },
      geometry: { type: 'Polygon', coordinates: [[[106.05 + i * 0.001, 21.25], [106.051 + i * 0.001, 21.25], [106.051 + i * 0.001, 21.26], [106.05 + i * 0.001, 21.26], [106.05 + i * 0.001, 21.25]]] },
    }));
    await table('h_plans', 'plans', plans);
    const { result } = await coverageFromDb(db, { units: 'h_units', plans: 'h_plans' }, { levels: ['detailed'], statuses: ['approved'], target: 0.8 });
    expect(result.plans.excluded).toEqual([{ id: evil[0], reason: 'level_not_recognised', detail: `level "${evil[0]}" is not a known plan level` }]);
    expect(result.units[0]!.plan_ids).toEqual([evil[1], evil[2], 'nul\uFFFDbyte', evil[4]]);
    expect((await db.query(`SELECT count(*)::int AS n FROM ${quoteIdent('h_units')}`)).rows[0]).toEqual({ n: 1 });
  });

  it('never shows a password in a connection error', async () => {
    expect(redactUrl('postgresql://vy:s3cret@db.example/vy')).toBe('postgresql://vy:***@db.example/vy');
    expect(redactUrl('postgresql:///vy?host=/tmp&password=s3cret')).toBe('postgresql:///vy?host=/tmp&password=***');
    await expect(connectPg(`postgresql://postgres:s3cret@/nope?host=${encodeURIComponent(cluster.socketDir)}&port=${cluster.port}`)).rejects.toThrow(/postgres:\*\*\*@.*database "nope" does not exist/);
  });
});
