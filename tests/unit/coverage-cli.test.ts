// `npm run coverage`: argument parsing and file validation (pure, in-process), the whole CLI through
// runCoverageCli in-process for exit codes and stderr, and one smoke run of the real script via tsx.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { CliError, formatResult, parseCliArgs, parseFeatureCollection, runCoverageCli } from '../../src/coverage/cli-core';
import { computeCoverage } from '../../src/coverage/engine';
import type { CoverageResult, GapUnit, InputFeature } from '../../src/coverage/types';

const run = promisify(execFile);
const ROOT = join(__dirname, '../..');
const FIX = join(ROOT, 'tests/fixtures/coverage/overlapping-plans');

describe('parseCliArgs', () => {
  it('reads files, percent target, lists and format', () => {
    const a = parseCliArgs(['--units', 'u.json', '--plans=p.json', '--target', '75', '--levels', 'detailed,zoning', '--statuses', 'approved,in_preparation', '--format', 'json']);
    expect(a).toEqual({
      units: 'u.json', plans: 'p.json', format: 'json', lang: 'vi',
      options: { levels: ['detailed', 'zoning'], statuses: ['approved', 'in_preparation'], target: 0.75, asOf: null, proposals: true },
    });
  });
  it('defaults: detailed + approved, 80 %, table', () => {
    expect(parseCliArgs(['--units', 'u', '--plans', 'p'])).toMatchObject({ format: 'table', options: { levels: ['detailed'], statuses: ['approved'], target: 0.8 } });
    expect(parseCliArgs(['--help'])).toBe('help');
  });
  it.each([
    [['--plans', 'p'], /missing --units/],
    [['--units', 'u'], /missing --plans/],
    [['--units', 'u', '--plans', 'p', '--target', '0.8x'], /--target/],
    [['--units', 'u', '--plans', 'p', '--target', '180'], /between 0 and 100/],
    [['--units', 'u', '--plans', 'p', '--levels', 'general'], /unknown value "general"/],
    [['--units', 'u', '--plans', 'p', '--format', 'xml'], /unknown format/],
    [['--units', 'u', '--plans', 'p', '--bogus', '1'], /unknown option "--bogus"/],
    [['--units', '--plans', 'p'], /--units needs a value/],
    [['--units', 'u', '--units', 'v', '--plans', 'p'], /given twice/],
    [['u.json'], /unexpected argument/],
  ])('rejects %j', (argv, msg) => {
    expect(() => parseCliArgs(argv)).toThrow(CliError);
    expect(() => parseCliArgs(argv)).toThrow(msg);
  });
});

describe('parseFeatureCollection', () => {
  const poly = { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[[106, 21], [106.1, 21], [106.1, 21.1], [106, 21]]] } };
  it('accepts a FeatureCollection with polygons (and a UTF-8 BOM)', () => {
    expect(parseFeatureCollection('\uFEFF' + JSON.stringify({ type: 'FeatureCollection', features: [poly] }), 'u.json', 'units')).toHaveLength(1);
  });
  it('allows an empty plans register but not empty units', () => {
    const empty = JSON.stringify({ type: 'FeatureCollection', features: [] });
    expect(parseFeatureCollection(empty, 'p.json', 'plans')).toEqual([]);
    expect(() => parseFeatureCollection(empty, 'u.json', 'units')).toThrow('u.json: no Polygon or MultiPolygon features (0 features)');
  });
  it.each([
    ['{oops', /x.json: not valid JSON/],
    ['[1,2]', /x.json: not a GeoJSON FeatureCollection/],
    [JSON.stringify({ type: 'Feature', geometry: null }), /not a GeoJSON FeatureCollection/],
    [JSON.stringify({ type: 'FeatureCollection', features: [1] }), /item 0 of "features" is not a GeoJSON Feature/],
    [JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [106, 21] } }] }), /no Polygon or MultiPolygon/],
  ])('rejects %s', (text, msg) => {
    expect(() => parseFeatureCollection(text, 'x.json', 'plans')).toThrow(msg);
  });
});

describe('formatResult', () => {
  const units = [
    { type: 'Feature' as const, properties: { code: 'A', name: 'Bích Động', slated: true }, geometry: { type: 'Polygon' as const, coordinates: [[[106.05, 21.25], [106.06, 21.25], [106.06, 21.26], [106.05, 21.26], [106.05, 21.25]]] } },
    { type: 'Feature' as const, properties: { code: 'B', slated_ward: true }, geometry: { type: 'Polygon' as const, coordinates: [[[106.06, 21.25], [106.07, 21.25], [106.07, 21.26], [106.06, 21.26], [106.06, 21.25]]] } },
  ];
  const r = computeCoverage(units, [{ ...units[0]!, properties: { id: 'p' } }]);
  it('table: aligned columns and the slated headline', () => {
    const t = formatResult(r, 'table', 'vi');
    expect(t).toContain('1 of 2 slated units meet the 80% target');
    const lines = t.split('\n');
    expect(lines[0]!.indexOf('Area ha')).toBeGreaterThan(0);
    expect(lines[2]).toMatch(/^A\s+Bích Động\s+yes\s+\d+\.\d{2}\s+\d+\.\d{2}\s+100\.00%\s+yes\s+1$/);
    expect(lines[3]).toMatch(/^B\s+yes\s+[\d.]+\s+0\.00\s+0\.00%\s+no\s+0$/);
  });
  it('json: the documented shape', () => {
    const j = JSON.parse(formatResult(r, 'json', 'en')) as Record<string, unknown>;
    expect(Object.keys(j)).toEqual(expect.arrayContaining(['units', 'totals', 'options', 'plans']));
    expect((j['units'] as unknown[])[0]).toMatchObject({ id: 'A', name: 'Bích Động', slated: true, coverage: 1, meets_target: true, plan_ids: ['p'] });
  });
});

describe('runCoverageCli (the CLI in-process)', () => {
  // Relative paths resolve from the repo root, where `npm run coverage` runs.
  const cli = (args: string[]) => runCoverageCli(args, { readText: (file) => readFileSync(resolve(ROOT, file), 'utf8') });

  it('prints JSON with the same numbers as the engine, exit 0', () => {
    const r = cli(['--units', join(FIX, 'units.geojson'), '--plans', join(FIX, 'plans.geojson'), '--format', 'json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { units: { id: string; coverage: number; plan_ids: string[] }[] };
    expect(out.units[0]!.id).toBe('U1');
    expect(out.units[0]!.coverage).toBeCloseTo(0.840003, 5);
    expect(out.units[0]!.plan_ids).toEqual(['A', 'B']);
  });

  it('missing file: one line naming it on stderr, exit 2, no stack trace', () => {
    const r = cli(['--units', 'nope/units.geojson', '--plans', join(FIX, 'plans.geojson')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('coverage: nope/units.geojson: file not found\n');
  });

  it('not JSON / bad args: exit 2 with a one-line message', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cov-cli-'));
    const bad = join(dir, 'plans.geojson');
    writeFileSync(bad, 'not json');
    const r = cli(['--units', join(FIX, 'units.geojson'), '--plans', bad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^coverage: ${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: not valid JSON .*\\n$`));
    const r2 = cli(['--units', join(FIX, 'units.geojson'), '--plans', join(FIX, 'plans.geojson'), '--target', 'eighty']);
    expect(r2.code).toBe(2);
    expect(r2.stderr.trim().split('\n')).toHaveLength(1);
    expect(r2.stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  it('--help: the usage on stdout, exit 0', () => {
    const r = cli(['--help']);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toMatch(/^usage: npm run coverage -- --units FILE --plans FILE/);
  });

  it('a file unreadable for another reason: its message in one line, exit 2', () => {
    const r = runCoverageCli(['--units', 'u', '--plans', 'p'], {
      readText: () => {
        throw new Error('disk on fire');
      },
    });
    expect(r).toEqual({ code: 2, stdout: '', stderr: 'coverage: u: disk on fire\n' });
  });
});

describe('--as-of and --gaps (issue 16, in-process)', () => {
  const UNITS = 'geodata/units-2021.geojson';
  const PLANS = 'geodata/plans-demo.geojson';
  const written = new Map<string, string>();
  const cli = (args: string[]) =>
    runCoverageCli(args, { readText: (file) => readFileSync(resolve(ROOT, file), 'utf8'), writeText: (file, text) => written.set(file, text) });

  it('--as-of is validated: a real day YYYY-MM-DD, else exit 2 with one line', () => {
    expect(parseCliArgs(['--units', 'u', '--plans', 'p', '--as-of', '2019-12-31'])).toMatchObject({ options: { asOf: '2019-12-31' } });
    for (const bad of ['2019-31-12', '31/12/2019', '2019-02-29', 'yesterday']) {
      const r = cli(['--units', UNITS, '--plans', PLANS, '--as-of', bad]);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`coverage: --as-of: "${bad}" is not a date YYYY-MM-DD (e.g. 2019-12-31)\n`);
    }
  });

  it('JSON carries as_of; Bích Động on the bundled demonstration register as of 2019-12-31', () => {
    const r = cli(['--units', UNITS, '--plans', PLANS, '--as-of', '2019-12-31', '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as CoverageResult;
    expect(out.as_of).toBe('2019-12-31');
    const bd = out.units.find((u) => u.id === '07777')!;
    // Same as the engine called directly with the date: only plans approved by then count.
    const units = (JSON.parse(readFileSync(resolve(ROOT, UNITS), 'utf8')) as { features: InputFeature[] }).features;
    const plans = (JSON.parse(readFileSync(resolve(ROOT, PLANS), 'utf8')) as { features: InputFeature[] }).features;
    const early = plans.filter((p) => typeof p.properties?.['approved_on'] === 'string' && p.properties['approved_on'] <= '2019-12-31');
    expect(bd.coverage).toBeCloseTo(computeCoverage(units, early).units.find((u) => u.id === '07777')!.coverage, 12);
    expect(bd.coverage).toBeLessThan(computeCoverage(units, plans).units.find((u) => u.id === '07777')!.coverage);
    expect(out.plans.excluded.filter((e) => e.reason === 'approved_after_as_of').length).toBeGreaterThan(0);
    const all = JSON.parse(cli(['--units', UNITS, '--plans', PLANS, '--format', 'json']).stdout) as CoverageResult;
    expect(all.as_of).toBeNull();
  });

  it('--gaps writes the slated units\' gap pieces as GeoJSON with a per-unit summary', () => {
    const r = cli(['--units', UNITS, '--plans', PLANS, '--as-of', '2019-12-31', '--gaps', 'out/gaps.geojson']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/^coverage: wrote \d+ gap pieces? of 9 units to out\/gaps.geojson\n$/);
    const g = JSON.parse(written.get('out/gaps.geojson')!) as { type: string; as_of: string; target: number; units: GapUnit[]; features: { type: string; geometry: { type: string }; properties: Record<string, unknown> }[] };
    expect(g.type).toBe('FeatureCollection');
    expect(g.as_of).toBe('2019-12-31');
    expect(g.target).toBe(0.8);
    expect(g.units).toHaveLength(9);
    for (const u of g.units) {
      expect(Math.abs(u.gap_m2 + u.covered_m2 - u.area_m2)).toBeLessThanOrEqual(1e-4 * u.area_m2);
      expect(u.shortfall_m2).toBeCloseTo(Math.max(0, 0.8 * u.area_m2 - u.covered_m2), 3);
    }
    for (const f of g.features) {
      expect(f.type).toBe('Feature');
      expect(['Polygon', 'MultiPolygon']).toContain(f.geometry.type);
      expect(Object.keys(f.properties).sort()).toEqual(['area_m2', 'rank', 'unit_id', 'unit_name']);
    }
    const bd = g.units.find((u) => u.unit_id === '07777')!;
    const pieces = g.features.filter((f) => f.properties['unit_id'] === '07777');
    expect(pieces.reduce((s, f) => s + (f.properties['area_m2'] as number), 0)).toBeCloseTo(bd.gap_m2, 0);
  });

  it('--gaps without a way to write, or with an empty name: exit 2', () => {
    const noWrite = runCoverageCli(['--units', UNITS, '--plans', PLANS, '--gaps', 'x.geojson'], { readText: (file) => readFileSync(resolve(ROOT, file), 'utf8') });
    expect(noWrite).toMatchObject({ code: 2, stderr: 'coverage: --gaps: this runner cannot write files\n' });
    expect(cli(['--units', UNITS, '--plans', PLANS, '--gaps=']).code).toBe(2);
  });
});

describe('scripts/coverage-cli.ts (one subprocess smoke test)', () => {
  it('runs under tsx: the table on stdout, exit 0', async () => {
    const r = await run(join(ROOT, 'node_modules/.bin/tsx'), ['scripts/coverage-cli.ts', '--units', join(FIX, 'units.geojson'), '--plans', join(FIX, 'plans.geojson'), '--lang', 'en'], { cwd: ROOT }).then(
      (r) => ({ code: 0, ...r }),
      (e: { code?: number; stdout?: string; stderr?: string }) => ({ code: e.code ?? -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' }),
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Unit id\s+Name\s+Slated\s+Area ha/);
  }, 120_000);
});
