// `npm run import` and `npm run coverage` on DXF drawings and GeoPackages, in-process through their
// cores (argv and an io object in, exit code and output out), with the same messages as the app.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runImportCli } from '../../../src/import/cli-core.ts';
import { runCoverageCli } from '../../../src/coverage/cli-core.ts';
import { nodeXmlParser } from '../../../src/import/node-xml.ts';
import { loadSqliteNode } from '../../../src/import/sqlite-node.ts';
import { FIXTURES, REPO } from './helpers.ts';

const sqlite = await loadSqliteNode();
const district = JSON.parse(readFileSync(join(REPO, 'geodata/district.geojson'), 'utf8')) as unknown;

function importCli(...args: string[]) {
  return runImportCli(args, {
    readFile: (path) => readFileSync(resolve(REPO, path)),
    writeFile: () => {
      throw new Error('not in these tests');
    },
    readDistrict: () => district,
    sqlite,
  });
}

function coverageCli(...args: string[]) {
  return runCoverageCli(args, {
    readText: (file) => readFileSync(resolve(REPO, file), 'utf8'),
    readBytes: (file) => readFileSync(resolve(REPO, file)),
    sqlite,
    xmlParser: nodeXmlParser(),
  });
}

const noStack = (text: string): void => expect(text).not.toMatch(/^\s+at .+(:\d+:\d+|\(native\))/m);

describe('npm run import: DXF', () => {
  it('a drawing names no CRS: the guess must be confirmed (exit 2), then it converts (exit 0)', () => {
    const guessed = importCli(FIXTURES + 'plans-9214.dxf', '--role', 'plans');
    expect(guessed.code).toBe(2);
    expect(guessed.stdout).toBe('');
    expect(guessed.stderr).toContain('plans-9214.dxf: dxf, EPSG:9214 (guess), 73 feature(s)\n');
    expect(guessed.stderr).toContain('plans-9214.dxf: the CRS is a guess; confirm it with --crs EPSG:9214');
    const given = importCli(FIXTURES + 'plans-9214.dxf', '--role', 'plans', '--crs', 'EPSG:9214');
    expect(given.code).toBe(0);
    expect(given.stderr).toMatch(/^plans-9214\.dxf: 9 open polylines were not read \(only closed polylines and hatches become polygons/m);
    const out = JSON.parse(given.stdout) as { features: { properties: { name: string } }[] };
    expect(out.features).toHaveLength(73);
    expect(out.features[0]!.properties.name).toBe('QHCT 1/500 khu đô thị mới Bích Động – Hồng Thái');
  });
  it('a .dwg: the way out in one line, exit 2', () => {
    const r = importCli(FIXTURES + 'bad-formats/drawing.dwg');
    expect(r).toEqual({ code: 2, stdout: '', stderr: 'drawing.dwg: .dwg drawings cannot be read. Save the drawing as DXF in AutoCAD and open it again\n' });
  });
  it('a truncated drawing: one line, exit 2, no stack', () => {
    const r = importCli(FIXTURES + 'bad-formats/truncated.dxf');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('truncated.dxf: is truncated: it ends inside its ENTITIES section (copy or save the drawing again)\n');
    noStack(r.stderr);
  });
});

describe('npm run import: GeoPackage', () => {
  it('the first table by default, saying which tables there are and how to choose', () => {
    const r = importCli(FIXTURES + 'plans-units-9214.gpkg', '--role', 'plans');
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('plans-units-9214.gpkg: has 2 feature tables (so_quy_hoach, ranh_gioi_xa); read "so_quy_hoach" — choose another table (--layer NAME in the CLI)\n');
    expect(r.stderr).toContain('plans-units-9214.gpkg: geopackage, EPSG:9214 (gpkg), 73 feature(s)\n');
    expect((JSON.parse(r.stdout) as { features: unknown[] }).features).toHaveLength(73);
  });
  it('--layer NAME reads that table', () => {
    const r = importCli(FIXTURES + 'plans-units-9214.gpkg', '--layer', 'ranh_gioi_xa');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('plans-units-9214.gpkg: geopackage, EPSG:9214 (gpkg), 17 feature(s)\n');
    const out = JSON.parse(r.stdout) as { features: { properties: { name: string; slated_ward: boolean } }[] };
    expect(out.features.map((f) => f.properties.name)).toContain('Bích Động');
    expect(out.features.filter((f) => f.properties.slated_ward === true)).toHaveLength(9);
  });
  it('--layer with a table that is not there, or without a value', () => {
    expect(importCli(FIXTURES + 'plans-units-9214.gpkg', '--layer', 'x')).toEqual({
      code: 2, stdout: '', stderr: 'plans-units-9214.gpkg: has no feature table "x"; its tables: so_quy_hoach, ranh_gioi_xa\n',
    });
    const r = importCli(FIXTURES + 'plans-units-9214.gpkg', '--layer');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('import: --layer needs a value');
  });
  it('an unsupported SRS asks for --crs (exit 2)', () => {
    const r = importCli(FIXTURES + 'bad-formats/unknown-srs.gpkg');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^unknown-srs\.gpkg: table "plans" uses SRS EPSG:2154 \(RGF93 v1 \/ Lambert-93\), which is not supported; .*\nunknown-srs\.gpkg: give the CRS with --crs/);
  });
  it('WGS 84 GeoPackage: exit 0, no remarks but the summary', () => {
    const r = importCli(FIXTURES + 'plans-4326.gpkg', '--role', 'plans');
    expect(r).toMatchObject({ code: 0, stderr: 'plans-4326.gpkg: geopackage, EPSG:4326 (gpkg), 73 feature(s)\n' });
  });
});

describe('npm run coverage: any format the import reads', () => {
  const json = (r: { stdout: string }) => JSON.parse(r.stdout) as { units: { id: string; coverage: number }[]; plans: { counted: number } };
  const baseline = json(coverageCli('--units', 'geodata/units-2021.geojson', '--plans', FIXTURES + 'plans-source.geojson', '--format', 'json'));

  it('a GeoPackage register gives the numbers of the same register in GeoJSON', () => {
    const r = coverageCli('--units', 'geodata/units-2021.geojson', '--plans', FIXTURES + 'plans-4326.gpkg', '--format', 'json');
    expect(r.code).toBe(0);
    const got = json(r);
    expect(got.plans.counted).toBe(baseline.plans.counted);
    got.units.forEach((u, i) => expect(u.coverage).toBeCloseTo(baseline.units[i]!.coverage, 6));
  });
  it('units and plans from the two tables of one GeoPackage (--units-layer / --plans-layer), VN-2000 within a hair', () => {
    const r = coverageCli('--units', FIXTURES + 'plans-units-9214.gpkg', '--units-layer', 'ranh_gioi_xa',
      '--plans', FIXTURES + 'plans-units-9214.gpkg', '--plans-layer', 'so_quy_hoach', '--format', 'json');
    expect(r.code).toBe(0);
    const got = json(r);
    expect(got.plans.counted).toBe(baseline.plans.counted);
    got.units.forEach((u, i) => {
      expect(u.id).toBe(baseline.units[i]!.id);
      expect(Math.abs(u.coverage - baseline.units[i]!.coverage)).toBeLessThan(1e-4);
    });
  });
  it('a DXF register needs --crs for its guessed CRS, then counts every outline (no level/status: approved detailed)', () => {
    const refused = coverageCli('--units', 'geodata/units-2021.geojson', '--plans', FIXTURES + 'plans-9214.dxf');
    expect(refused).toEqual({
      code: 2, stdout: '',
      stderr: 'coverage: plans-9214.dxf: names no CRS and its coordinates are metres; EPSG:9214 is proposed: confirm it with --crs EPSG:9214 (or give the right one)\n',
    });
    const r = coverageCli('--units', 'geodata/units-2021.geojson', '--plans', FIXTURES + 'plans-9214.dxf', '--crs', 'EPSG:9214', '--format', 'json');
    expect(r.code).toBe(0);
    expect(json(r).plans.counted).toBe(73);
  });
  it('a broken file: the import\'s message in one line, exit 2', () => {
    const r = coverageCli('--units', 'geodata/units-2021.geojson', '--plans', FIXTURES + 'bad-formats/drawing.dwg');
    expect(r).toEqual({ code: 2, stdout: '', stderr: 'coverage: drawing.dwg: .dwg drawings cannot be read. Save the drawing as DXF in AutoCAD and open it again\n' });
  });
  it('a zipped Shapefile and a KML register too', () => {
    for (const file of ['plans-9214.zip', 'plans.kml']) {
      const r = coverageCli('--units', 'geodata/units-2021.geojson', '--plans', FIXTURES + file, '--format', 'json');
      expect([file, r.code, r.stderr]).toEqual([file, 0, '']);
      expect(json(r).plans.counted).toBe(baseline.plans.counted);
    }
  });
});
