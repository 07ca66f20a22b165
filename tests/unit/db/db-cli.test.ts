// `npm run db:load` and `npm run coverage -- --db` as a user runs them: in-process through their
// cores (argv + io) against a private PostgreSQL + PostGIS cluster started once for this file, and
// one subprocess smoke run of each real script. Needs the Debian packages postgresql and
// postgresql-postgis (.ci/run installs them); without them the suite fails saying so.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPrivateCluster, type PrivateCluster } from '../../../scripts/db/private-cluster';
import { connectPg, type Connect, type DbClient } from '../../../src/db/client';
import { runDbLoadCli, type DbLoadIo } from '../../../src/db/load-core';
import { runCoverageDbCli, wantsDb } from '../../../src/db/coverage-cli';
import { parseCliArgs, runCoverageCli } from '../../../src/coverage/cli-core';
import type { CoverageResult } from '../../../src/coverage/types';
import { provincePlans, provinceUnits } from '../../../src/coverage/synthetic-province';
import { nodeXmlParser } from '../../../src/import/node-xml';

const run = promisify(execFile);
const REPO = join(__dirname, '../../..');
const TSX = join(REPO, 'node_modules/.bin/tsx');
const FIX = 'tests/fixtures/coverage/overlapping-plans';
const SHP = 'tests/fixtures/import/plans-9214.zip'; // 73 plans in VN-2000 (EPSG:9214, with .prj)
const SHP_NOPRJ = 'tests/fixtures/import/plans-9214-noprj.zip'; // the same without .prj: the CRS must be given
const UNITS = 'geodata/units-2021.geojson';

let cluster: PrivateCluster;
let url: string;
let db: DbClient;

beforeAll(async () => {
  cluster = await startPrivateCluster();
  url = cluster.url;
  db = await connectPg(url);
}, 120_000);

afterAll(async () => {
  await db?.end();
  cluster?.stop();
});

const never: Connect = () => {
  throw new Error('the database must not be reached');
};

function io(over: Partial<DbLoadIo> = {}): DbLoadIo {
  return {
    readFile: (p) => readFileSync(resolve(REPO, p)),
    readDistrict: () => JSON.parse(readFileSync(join(REPO, 'geodata/district.geojson'), 'utf8')) as unknown,
    connect: connectPg,
    now: () => 0,
    ...over,
  };
}
const load = (argv: string[], over: Partial<DbLoadIo> = {}) => runDbLoadCli(argv, io(over));
const rows = async (table: string) => Number((await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${table}"`)).rows[0]!.n);
const noStack = (text: string) => expect(text).not.toMatch(/^\s+at .+:\d+:\d+/m);

describe('db:load (in-process)', () => {
  it.each([
    [[], /no FILE given/],
    [[SHP, '--table', 't'], /missing --db URL/],
    [[SHP, '--db', 'postgresql:///x'], /missing --table NAME/],
    [[SHP, '--db', 'postgresql:///x', '--table', '"; DROP TABLE x; --'], /not a plain identifier/],
    [[SHP, '--db', 'postgresql:///x', '--table', 'a.b'], /contains "\."/],
    [[SHP, '--db', 'postgresql:///x', '--table', 'n'.repeat(64)], /64 bytes long/],
    [[SHP, '--db', 'postgresql:///x', '--table', 'quy_hoạch'], /not a plain identifier/],
    [[SHP, '--db', 'postgresql:///x', '--table', 't', '--role', 'overlay'], /not plans or units/],
    [[SHP, '--db', 'postgresql:///x', '--table', 't', '--batch', '0'], /--batch/],
    [[SHP, '--db', 'postgresql:///x', '--table', 't', '--bogus'], /unknown option "--bogus"/],
  ])('refuses %j before reaching the database (exit 2)', async (argv, why) => {
    const r = await load(argv, { connect: never });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(why);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('prints its usage for --help', async () => {
    const r = await load(['--help'], { connect: never });
    expect(r).toMatchObject({ code: 0, stdout: expect.stringMatching(/^usage: npm run db:load -- FILE…/) });
  });

  it('loads a VN-2000 Shapefile through the import (same messages), with a progress line per batch', async () => {
    const r = await load([SHP, '--db', url, '--table', 'reg', '--batch', '25']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('plans-9214.zip: shapefile, EPSG:9214 (prj), 73 feature(s)');
    expect(r.stderr.match(/^db:load: reg: \d+ of 73 rows/gm)).toEqual(['db:load: reg: 25 of 73 rows', 'db:load: reg: 50 of 73 rows', 'db:load: reg: 73 of 73 rows']);
    expect(r.stdout).toMatch(/loaded 73 plans into "reg"/);
    expect(await rows('reg')).toBe(73);
    const g = (await db.query<{ srid: number; indexed: boolean; lon: number }>(
      `SELECT ST_SRID(geom) AS srid, ST_X(ST_Centroid(geom)) AS lon,
              EXISTS (SELECT 1 FROM pg_indexes WHERE tablename = 'reg' AND indexdef ILIKE '%gist%') AS indexed FROM reg LIMIT 1`)).rows[0]!;
    expect(g).toMatchObject({ srid: 4326, indexed: true });
    expect(g.lon).toBeGreaterThan(105.9); // reprojected from VN-2000 metres
    expect(g.lon).toBeLessThan(106.3);
    const lv = (await db.query<{ level: string | null; status: string | null }>('SELECT DISTINCT level, status FROM reg ORDER BY 1, 2')).rows;
    expect(lv.every((x) => ['detailed', 'zoning', null].includes(x.level) && ['approved', 'in_preparation', null].includes(x.status))).toBe(true);
  });

  it('asks for the CRS as the import does, and writes nothing when a file cannot be read', async () => {
    const r = await load([SHP, SHP_NOPRJ, '--db', url, '--table', 'two']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/plans-9214-noprj.zip: the CRS is a guess; confirm it with --crs EPSG:9214/);
    expect(r.stderr).toMatch(/plans-9214-noprj.zip was not loaded: nothing was written to the database/);
    expect((await db.query(`SELECT to_regclass('two') AS t`)).rows[0]).toEqual({ t: null });
    const ok = await load([SHP, SHP_NOPRJ, '--db', url, '--table', 'two', '--crs', 'EPSG:9214']);
    expect(ok.code).toBe(0);
    expect(await rows('two')).toBe(146);
    // The same register twice: ids made unique in input order, the original kept.
    expect((await db.query(`SELECT id, source_id FROM two WHERE id LIKE '%#2' ORDER BY ord LIMIT 1`)).rows[0]).toEqual({ id: 'qh-001#2', source_id: 'qh-001' });
  });

  it('refuses invalid features as the import does, unless --repair or --skip-invalid', async () => {
    const bowtie = 'tests/fixtures/coverage/self-intersecting-plan/plans.geojson';
    const r = await load([bowtie, '--db', url, '--table', 'bow']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/plans.geojson: feature 0 \(id bowtie\)/);
    expect(r.stderr).toMatch(/use --repair \/ --skip-invalid/);
    const repaired = await load([bowtie, '--db', url, '--table', 'bow', '--repair']);
    expect(repaired.code).toBe(0);
    expect(await rows('bow')).toBe(1);
  });

  it('checks a province\'s register against --extent instead of the district', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vy-db-extent-'));
    const units = join(dir, 'bn-units.geojson');
    const plans = join(dir, 'bn-plans.geojson');
    writeFileSync(units, JSON.stringify({ type: 'FeatureCollection', features: provinceUnits() }));
    writeFileSync(plans, JSON.stringify({ type: 'FeatureCollection', features: provincePlans(40) }));
    const outside = await load([plans, '--db', url, '--table', 'bn_plans']);
    expect(outside.code).toBe(2);
    expect(outside.stderr).toMatch(/outside the district/);
    const inside = await load([plans, '--db', url, '--table', 'bn_plans', '--extent', units]);
    expect(inside.code).toBe(0);
    expect(await rows('bn_plans')).toBe(40);
    expect((await load([plans, '--db', url, '--table', 'bn_x', '--extent', join(dir, 'missing.geojson')])).stderr).toMatch(/--extent .*missing.geojson: cannot be read as GeoJSON \(ENOENT\)/);
    rmSync(dir, { recursive: true, force: true });
  });

  it('replaces an existing table only with --replace; the same load again is a no-op', async () => {
    expect((await load([`${FIX}/plans.geojson`, '--db', url, '--table', 'rep'])).code).toBe(0);
    const again = await load([`${FIX}/plans.geojson`, '--db', url, '--table', 'rep']);
    expect(again).toMatchObject({ code: 0, stdout: expect.stringMatching(/already holds these 2 plans .*nothing to do/) });
    const other = await load([SHP, '--db', url, '--table', 'rep']);
    expect(other.code).toBe(2);
    expect(other.stderr).toMatch(/table "rep" holds another load \(plans from plans.geojson\); add --replace to replace it/);
    expect(await rows('rep')).toBe(2);
    expect((await load([SHP, '--db', url, '--table', 'rep', '--replace'])).code).toBe(0);
    expect(await rows('rep')).toBe(73);
    // A table db:load did not write is never taken over.
    await db.query('CREATE TABLE theirs (x int)');
    const theirs = await load([SHP, '--db', url, '--table', 'theirs']);
    expect(theirs.stderr).toMatch(/table "theirs" exists and was not written by db:load; add --replace/);
  });

  it('resumes an interrupted load, skipping the rows already present', async () => {
    // The connection drops during the third batch.
    let inserts = 0;
    const flaky: Connect = async (u) => {
      const c = await connectPg(u);
      return {
        ...c,
        query: (text, params) => {
          if (text.includes('unnest(') && ++inserts === 3) return Promise.reject(new Error('server closed the connection unexpectedly'));
          return c.query(text, params);
        },
      };
    };
    const cut = await load([SHP, '--db', url, '--table', 'res', '--batch', '10'], { connect: flaky });
    expect(cut.code).toBe(2);
    expect(cut.stderr).toMatch(/server closed the connection unexpectedly \(run the same command again to resume\)/);
    noStack(cut.stderr);
    expect(await rows('res')).toBe(20);
    const resumed = await load([SHP, '--db', url, '--table', 'res', '--batch', '10']);
    expect(resumed.code).toBe(0);
    expect(resumed.stderr).toMatch(/resuming "res": 20 of 73 rows already loaded/);
    expect(resumed.stdout).toMatch(/loaded 53 plans into "res" \(73 in the table\)/);
    expect(await rows('res')).toBe(73);
    expect((await db.query(`SELECT count(DISTINCT id)::int AS n, min(ord)::int AS lo, max(ord)::int AS hi FROM res`)).rows[0]).toEqual({ n: 73, lo: 0, hi: 72 });
    expect((await db.query(`SELECT complete FROM vy_load_state WHERE table_name = 'res'`)).rows[0]).toEqual({ complete: true });
  });

  it('says so when the database cannot be reached, without the password', async () => {
    const r = await load([`${FIX}/plans.geojson`, '--db', `postgresql://postgres:hunter2@/nope?host=${encodeURIComponent(cluster.socketDir)}&port=${cluster.port}`, '--table', 'x']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot connect to postgresql:\/\/postgres:\*\*\*@/);
    expect(r.stderr).not.toContain('hunter2');
  });
});

describe('coverage --db (in-process)', () => {
  beforeAll(async () => {
    expect((await load([UNITS, '--db', url, '--table', 'units21', '--role', 'units'])).code).toBe(0);
    expect((await load([SHP, '--db', url, '--table', 'plans21'])).code).toBe(0);
    expect((await load([`${FIX}/units.geojson`, '--db', url, '--table', 'fx_units', '--role', 'units'])).code).toBe(0);
    expect((await load([`${FIX}/plans.geojson`, '--db', url, '--table', 'fx_plans'])).code).toBe(0);
  }, 60_000);

  const dbCli = (...argv: string[]) => runCoverageDbCli(['--db', url, ...argv], { connect: connectPg, date: new Date('2026-12-02T00:00:00Z') });
  const fileCli = (...argv: string[]) => runCoverageCli(argv, {
    readText: (f) => readFileSync(resolve(REPO, f), 'utf8'), readBytes: (f) => readFileSync(resolve(REPO, f)), xmlParser: nodeXmlParser(),
  });

  it('prints the JSON the in-process CLI prints for the same files', async () => {
    for (const options of [[], ['--levels', 'detailed,zoning', '--statuses', 'approved,in_preparation', '--target', '60']]) {
      const d = await dbCli('--units-table', 'units21', '--plans-table', 'plans21', '--format', 'json', ...options);
      expect(d.code).toBe(0);
      const f = fileCli('--units', UNITS, '--plans', SHP, '--format', 'json', ...options);
      expect(f.code).toBe(0);
      const a = JSON.parse(d.stdout) as CoverageResult;
      const b = JSON.parse(f.stdout) as CoverageResult;
      expect(a.units.map((u) => [u.id, u.name, u.slated, u.meets_target, u.plan_ids])).toEqual(b.units.map((u) => [u.id, u.name, u.slated, u.meets_target, u.plan_ids]));
      a.units.forEach((u, i) => {
        expect(Math.abs(u.coverage - b.units[i]!.coverage)).toBeLessThanOrEqual(1e-4);
        expect(Math.abs(u.area_m2 / b.units[i]!.area_m2 - 1)).toBeLessThanOrEqual(1e-4);
      });
      expect(a.plans).toEqual(b.plans);
      expect(a.options).toEqual(b.options);
      expect(a.totals.slated.units_meeting_target).toBe(b.totals.slated.units_meeting_target);
    }
  });

  it('--as-of and --gaps (issue 16): the same coverage and gaps as the in-process CLI on the demonstration register', async () => {
    expect((await load(['geodata/plans-demo.geojson', '--db', url, '--table', 'plans_demo'])).code).toBe(0);
    const files = new Map<string, string>();
    const writeText = (f: string, t: string) => void files.set(f, t);
    const d = await runCoverageDbCli(['--db', url, '--units-table', 'units21', '--plans-table', 'plans_demo', '--as-of', '2019-12-31', '--format', 'json', '--gaps', 'db.geojson'], { connect: connectPg, writeText });
    expect(d.code, d.stderr).toBe(0);
    const f = runCoverageCli(['--units', UNITS, '--plans', 'geodata/plans-demo.geojson', '--as-of', '2019-12-31', '--format', 'json', '--gaps', 'file.geojson'], {
      readText: (p) => readFileSync(resolve(REPO, p), 'utf8'), writeText,
    });
    expect(f.code, f.stderr).toBe(0);
    const a = JSON.parse(d.stdout) as CoverageResult;
    const b = JSON.parse(f.stdout) as CoverageResult;
    expect(a.as_of).toBe('2019-12-31');
    expect(b.as_of).toBe('2019-12-31');
    expect(a.plans).toEqual(b.plans);
    a.units.forEach((u, i) => expect(Math.abs(u.coverage - b.units[i]!.coverage)).toBeLessThanOrEqual(1e-4));
    type G = { as_of: string; units: { unit_id: string; area_m2: number; gap_m2: number; shortfall_m2: number }[]; features: { properties: { unit_id: string; area_m2: number; rank: number } }[] };
    const ga = JSON.parse(files.get('db.geojson')!) as G;
    const gb = JSON.parse(files.get('file.geojson')!) as G;
    expect(ga.as_of).toBe('2019-12-31');
    expect(ga.units.map((u) => u.unit_id)).toEqual(gb.units.map((u) => u.unit_id));
    ga.units.forEach((u, i) => {
      expect(Math.abs(u.gap_m2 - gb.units[i]!.gap_m2)).toBeLessThanOrEqual(1e-4 * u.area_m2);
      expect(Math.abs(u.shortfall_m2 - gb.units[i]!.shortfall_m2)).toBeLessThanOrEqual(1e-4 * u.area_m2);
    });
    expect(ga.features.map((x) => [x.properties.unit_id, x.properties.rank])).toEqual(gb.features.map((x) => [x.properties.unit_id, x.properties.rank]));
  });

  it('prints the same table and CSV shapes, the CSV naming the tables', async () => {
    const table = await dbCli('--units-table', 'fx_units', '--plans-table', 'fx_plans');
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/^Unit id\s+Name\s+Slated/);
    expect(table.stdout).toMatch(/U1 .* 84\.00%\s+yes\s+2/);
    const csv = await dbCli('--units-table', 'fx_units', '--plans-table', 'fx_plans', '--format', 'csv', '--lang', 'en');
    expect(csv.stdout.startsWith('\uFEFF# Plan registers: fx_plans\r\n')).toBe(true);
    expect(csv.stdout).toContain('# Unit boundaries: fx_units (loaded file)');
    expect(csv.stdout).toMatch(/\r\nU1,Đơn vị 1,yes,114\.919\d,96\.53\d\d,84\.00,yes,2\r\n$/);
  });

  it.each([
    [['--units-table', 'fx_units'], /missing --plans-table NAME/],
    [['--units-table', 'fx_units', '--plans-table', 'fx_plans', '--units', 'u.json'], /not --units \/ --plans/],
    [['--units-table', '"; DROP TABLE fx_units; --', '--plans-table', 'fx_plans'], /--units-table: table name .* not a plain identifier/],
    [['--units-table', 'fx_units', '--plans-table', 'public.fx_plans'], /--plans-table: .*contains "\."/],
    [['--units-table', 'fx_units', '--plans-table', 'ß'.repeat(32)], /64 bytes long/],
    [['--units-table', 'fx_units', '--plans-table', 'missing_table'], /no table "missing_table"/],
    [['--units-table', 'fx_units', '--plans-table', 'fx_units'], /not a plans table/],
    [['--units-table', 'fx_units', '--plans-table', 'fx_plans', '--levels', "detailed'; DROP TABLE fx_plans; --"], /unknown value/],
    [['--units-table', 'fx_units', '--plans-table', 'fx_plans', '--crs', 'EPSG:9214'], /are for files/],
    [['--units-table', 'fx_units', '--plans-table', 'fx_plans', '--as-of', '2019-31-12'], /--as-of: "2019-31-12" is not a date/],
    [['--units-table', 'fx_units', '--plans-table', 'fx_plans', '--gaps', 'out.geojson'], /--gaps: this runner cannot write files/],
  ])('refuses %j (exit 2, one line) and the tables stay', async (argv, why) => {
    const r = await dbCli(...argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(why);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(await rows('fx_units')).toBe(1);
    expect(await rows('fx_plans')).toBe(2);
  });

  it('only --db chooses the database runner; the file runner refuses --db', () => {
    expect(wantsDb(['--units', 'a', '--plans', 'b'])).toBe(false);
    expect(wantsDb(['--db=postgresql:///x', '--units-table', 'a', '--plans-table', 'b'])).toBe(true);
    expect(parseCliArgs(['--db', 'postgresql:///x', '--units-table', 'a', '--plans-table', 'b'])).toMatchObject({ db: { url: 'postgresql:///x', unitsTable: 'a', plansTable: 'b' } });
    expect(runCoverageCli(['--db', 'postgresql:///x', '--units-table', 'a', '--plans-table', 'b'], { readText: () => '' }).code).toBe(2);
    expect(() => parseCliArgs(['--units', 'a', '--plans', 'b', '--units-table', 't'])).toThrow(/need --db/);
  });
});

describe('the real scripts (subprocess smoke)', () => {
  it('npm run db:load loads a register and prints its progress', async () => {
    const r = await run(TSX, ['scripts/db-load.ts', SHP, '--db', url, '--table', 'smoke_plans', '--batch', '50'], { cwd: REPO });
    expect(r.stdout).toMatch(/loaded 73 plans into "smoke_plans"/);
    expect(r.stderr).toMatch(/plans-9214.zip: shapefile, EPSG:9214 \(prj\), 73 feature\(s\)\ndb:load: smoke_plans: 50 of 73 rows/);
  }, 60_000);

  it('npm run coverage -- --db prints the coverage of the tables', async () => {
    const r = await run(TSX, ['scripts/coverage-cli.ts', '--db', url, '--units-table', 'units21', '--plans-table', 'smoke_plans', '--format', 'json'], { cwd: REPO });
    const out = JSON.parse(r.stdout) as CoverageResult;
    expect(out.units).toHaveLength(17);
    expect(out.plans.counted).toBe(56);
    const bad = await run(TSX, ['scripts/coverage-cli.ts', '--db', url, '--units-table', 'a.b', '--plans-table', 'smoke_plans'], { cwd: REPO }).catch((e: { code: number; stderr: string }) => e);
    expect(bad).toMatchObject({ code: 2, stderr: expect.stringMatching(/^coverage: --units-table: table name "a.b" contains "\."/) });
  }, 60_000);
});
