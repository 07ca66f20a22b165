// The DXF and GeoPackage fixtures made by ogr2ogr from the project's own geodata (make-dxf-gpkg.sh):
// each lands within 1 m of the original features with its names, the DXF's hand-added hole and
// bulge arc come out as they should, the GeoPackage tables keep their attribute types.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Feature, Position } from 'geojson';
import { importFile, type ImportOptions, type ImportResult } from '../../../src/import/index.ts';
import { loadSqliteNode } from '../../../src/import/sqlite-node.ts';
import { toWgs84 } from '../../../src/import/reproject.ts';
import type { AnyCollection } from '../../../src/import/types.ts';
import { FIXTURES, expectOk, fixture } from './helpers.ts';

const sqlite = await loadSqliteNode();
const plans = JSON.parse(readFileSync(FIXTURES + 'plans-source.geojson', 'utf8')) as AnyCollection;
const units = JSON.parse(readFileSync(FIXTURES + 'units-source.geojson', 'utf8')) as AnyCollection;
const dxfEdits = JSON.parse(readFileSync(FIXTURES + 'plans-9214.dxf.json', 'utf8')) as {
  closed_flag: string[];
  first_equals_last: string[];
  bulge: { plan: string; from: Position; to: Position; bulge: number };
  hole: { plan: string; layer: string; ring: Position[] };
};

function load(name: string, options: ImportOptions = {}): ImportResult {
  return importFile({ name, bytes: fixture(name) }, { sqlite, ...options });
}

// Distances in metres on a local plane (equirectangular at the point's latitude: < 0.5% off over a
// few km, plenty for a 1 m tolerance).
function local(p: Position, lat0: number): [number, number] {
  return [p[0]! * 111_320 * Math.cos((lat0 * Math.PI) / 180), p[1]! * 110_574];
}

function pointToRing(p: Position, ring: readonly Position[]): number {
  const [x, y] = local(p, p[1]!);
  let best = Infinity;
  for (let i = 0; i + 1 < ring.length; i++) {
    const [ax, ay] = local(ring[i]!, p[1]!);
    const [bx, by] = local(ring[i + 1]!, p[1]!);
    const dx = bx - ax;
    const dy = by - ay;
    const t = dx === 0 && dy === 0 ? 0 : Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
    best = Math.min(best, Math.hypot(ax + t * dx - x, ay + t * dy - y));
  }
  return best;
}

/** Largest distance between two rings: every vertex of each to the other's edges. */
function ringDistance(a: readonly Position[], b: readonly Position[], skip: (p: Position) => boolean = () => false): number {
  let worst = 0;
  for (const p of a) if (!skip(p)) worst = Math.max(worst, pointToRing(p, b));
  for (const p of b) if (!skip(p)) worst = Math.max(worst, pointToRing(p, a));
  return worst;
}

const outer = (f: Feature | undefined): Position[] => {
  const g = f?.geometry;
  if (g?.type === 'Polygon') return g.coordinates[0]!;
  if (g?.type === 'MultiPolygon') return g.coordinates[0]![0]!;
  throw new Error(`not a polygon: ${g?.type}`);
};

describe('plans-9214.dxf (AutoCAD drawing of the register, VN-2000 metres, no CRS)', () => {
  const r = expectOk(load('plans-9214.dxf', { role: 'plans' }));
  // Two demo plans share a name: features are matched by the id TEXT each outline holds (texts: "name | id").
  const idOf = (f: { properties: Record<string, unknown> | null }): string =>
    String((f.properties!.source_properties as Record<string, unknown>).texts).split(' | ').pop()!;
  const byId = new Map(r.collection.features.map((f) => [idOf(f), f]));
  const src = (id: string) => plans.features.find((f) => f.properties!.id === id)!;

  it('proposes EPSG:9214 with the map preview, as a Shapefile without .prj', () => {
    expect(r.kind).toBe('dxf');
    expect(r.crs).toEqual({ code: 'EPSG:9214', source: 'guess', needsConfirmation: true });
    expect(r.placement.overlapsDistrict).toBe(true);
    expect(r.warnings.join('\n')).toContain('confirm or choose another');
  });
  it('reports the roads (open polylines) as not read', () => {
    expect(r.warnings).toContainEqual(expect.stringMatching(/^plans-9214\.dxf: \d+ open polylines were not read \(only closed polylines and hatches/));
  });
  it('has every plan, named from the tallest text inside it, its layer and the id text kept', () => {
    expect(r.collection.features).toHaveLength(plans.features.length);
    expect(r.mapping?.name).toBe('text');
    for (const f of plans.features) {
      const got = byId.get(f.properties!.id as string);
      expect(got, f.properties!.id as string).toBeDefined();
      expect(got!.properties!.name).toBe(f.properties!.name);
      const sp = got!.properties!.source_properties as Record<string, unknown>;
      expect(sp.texts).toBe(`${f.properties!.name} | ${f.properties!.id}`);
      const level = f.properties!.level === 'detailed' ? 'QHCT' : 'QHPK';
      expect(String(sp.layer).startsWith(level)).toBe(true);
      expect(sp.entity).toBe(level === 'QHCT' ? 'LWPOLYLINE' : 'HATCH');
    }
  });
  it('lands within 1 m of the original outlines (closed flag or first = last alike)', () => {
    const arcPlan = dxfEdits.bulge.plan;
    for (const f of plans.features) {
      const id = f.properties!.id as string;
      const got = byId.get(id)!;
      if (id === arcPlan) continue;
      expect(ringDistance(outer(got as Feature), outer(f as Feature)), id).toBeLessThan(1);
    }
    expect(dxfEdits.closed_flag.length).toBeGreaterThan(10);
    expect(dxfEdits.first_equals_last.length).toBeGreaterThan(10);
  });
  it('reads the square inside a plan of the same layer as its hole', () => {
    const f = src(dxfEdits.hole.plan);
    const got = byId.get(dxfEdits.hole.plan)!;
    expect(got.geometry?.type).toBe('Polygon');
    const rings = (got.geometry as { coordinates: Position[][] }).coordinates;
    expect(rings).toHaveLength(2);
    const toLonLat = toWgs84('EPSG:9214')!;
    const hole = dxfEdits.hole.ring.map((p) => toLonLat(p));
    expect(ringDistance(rings[1]!, hole)).toBeLessThan(0.01);
    expect(ringDistance(rings[0]!, outer(f as Feature))).toBeLessThan(1);
  });
  it('turns the bulge into an arc within 0.1 m, the rest of the outline within 1 m', () => {
    const { plan, from, to, bulge } = dxfEdits.bulge;
    const index = r.collection.features.findIndex((f) => idOf(f) === plan);
    // In the drawing's own metres (sourceCollection): the circle through the bulged segment's ends
    // (the vertices as the drawing has them; the JSON beside it rounds them to 0.1 mm).
    const ring = (r.sourceCollection!.features[index]!.geometry as { coordinates: Position[][] }).coordinates[0]!;
    const start = ring.findIndex((p) => Math.hypot(p[0]! - from[0]!, p[1]! - from[1]!) < 1e-3);
    const end = ring.findIndex((p) => Math.hypot(p[0]! - to[0]!, p[1]! - to[1]!) < 1e-3);
    const [x1, y1] = ring[start] as [number, number];
    const [x2, y2] = ring[end] as [number, number];
    const chord = Math.hypot(x2 - x1, y2 - y1);
    const theta = 4 * Math.atan(bulge);
    const radius = chord / (2 * Math.sin(theta / 2));
    const h = (chord / 2) * ((1 - bulge * bulge) / (2 * bulge));
    const cx = (x1 + x2) / 2 - ((y2 - y1) / chord) * h;
    const cy = (y1 + y2) / 2 + ((x2 - x1) / chord) * h;
    expect(start).toBe(0);
    const arc = ring.slice(start, end + 1);
    expect(arc.length).toBeGreaterThan(10);
    const sagitta = radius * (1 - Math.cos(theta / 2));
    expect(sagitta).toBeGreaterThan(20); // a real arc, not a rounding
    for (let i = 0; i + 1 < arc.length; i++) {
      const [ax, ay] = arc[i] as [number, number];
      const [bx, by] = arc[i + 1] as [number, number];
      // Vertices on the circle, and every point of every chord within 0.1 m of it.
      expect(Math.abs(Math.hypot(ax - cx, ay - cy) - radius)).toBeLessThan(1e-6);
      for (const t of [0.25, 0.5, 0.75]) {
        const d = Math.abs(Math.hypot(ax + t * (bx - ax) - cx, ay + t * (by - ay) - cy) - radius);
        expect(d).toBeLessThan(0.1);
      }
    }
    // The rest of the outline: the original's other vertices within 1 m.
    const original = outer(src(plan) as Feature);
    const got = outer(r.collection.features[index] as Feature);
    for (const p of original.slice(1)) expect(pointToRing(p, got)).toBeLessThan(1);
  });
  it('imports with the CRS confirmed and no errors, every plan counting (no level/status: approved detailed)', () => {
    const ok = expectOk(load('plans-9214.dxf', { role: 'plans', crs: 'EPSG:9214' }));
    expect(ok.crs).toEqual({ code: 'EPSG:9214', source: 'user', needsConfirmation: false });
    expect(ok.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(ok.collection.features.every((f) => f.properties!.level === 'detailed' && f.properties!.status === 'approved')).toBe(true);
  });
});

describe('plans-units-9214.gpkg (two feature tables, EPSG:9214)', () => {
  it('reads the first table by default, lists both and says how to choose', () => {
    const r = expectOk(load('plans-units-9214.gpkg', { role: 'plans' }));
    expect(r.kind).toBe('geopackage');
    expect(r.layers).toEqual(['so_quy_hoach', 'ranh_gioi_xa']);
    expect(r.layer).toBe('so_quy_hoach');
    expect(r.warnings).toEqual([
      'plans-units-9214.gpkg: has 2 feature tables (so_quy_hoach, ranh_gioi_xa); read "so_quy_hoach" — choose another table (--layer NAME in the CLI)',
    ]);
    expect(r.i18n?.[0]?.key).toBe('importFmt.gpkgSeveralTables');
  });
  it('so_quy_hoach: CRS from gpkg_spatial_ref_sys (EPSG code), within 1 m, the plan properties after mapping', () => {
    const r = expectOk(load('plans-units-9214.gpkg', { role: 'plans', layer: 'so_quy_hoach' }));
    expect(r.crs).toEqual({ code: 'EPSG:9214', source: 'gpkg', needsConfirmation: false });
    expect(r.warnings).toEqual([]);
    expect(r.mapping).toEqual({ id: 'ma_qh', name: 'ten_qh', level: 'cap_qh', status: 'trang_thai', decision: 'so_qd', date: 'ngay_qd' });
    expect(r.collection.features).toHaveLength(plans.features.length);
    r.collection.features.forEach((f, i) => {
      const original = plans.features[i]!;
      for (const k of ['id', 'name', 'level', 'status', 'decision', 'approved_on']) expect([k, f.properties![k]]).toEqual([k, original.properties![k]]);
      expect(ringDistance(outer(f as Feature), outer(original as Feature))).toBeLessThan(1);
    });
    // Attribute types: DATE as text, REAL as a number.
    const sp = r.collection.features[0]!.properties!.source_properties as Record<string, unknown>;
    expect(sp.ngay_qd).toBe('2022-12-09');
    expect(sp.dien_tich).toBe(44.98);
    expect(r.problems).toEqual([]);
  });
  it('ranh_gioi_xa: the custom VN-2000 WKT recognised as EPSG:9214, booleans and JSON kept typed', () => {
    const r = expectOk(load('plans-units-9214.gpkg', { layer: 'ranh_gioi_xa' }));
    expect(r.crs).toEqual({ code: 'EPSG:9214', source: 'gpkg', needsConfirmation: false });
    expect(r.collection.features).toHaveLength(units.features.length);
    r.collection.features.forEach((f, i) => {
      const original = units.features[i]!;
      expect(f.properties).toEqual({
        code: original.properties!.code,
        name: original.properties!.name,
        type_2021: original.properties!.type_2021,
        slated_ward: original.properties!.slated_ward,
        ward_2025: original.properties!.ward_2025,
      });
      expect(ringDistance(outer(f as Feature), outer(original as Feature))).toBeLessThan(1);
    });
  });
  it('refuses a table that is not there, naming those that are', () => {
    const r = load('plans-units-9214.gpkg', { layer: 'nope' });
    expect(r).toMatchObject({ ok: false, error: 'plans-units-9214.gpkg: has no feature table "nope"; its tables: so_quy_hoach, ranh_gioi_xa' });
  });
  it('needs the SQLite module (an internal error, never a crash)', () => {
    const r = importFile({ name: 'plans-units-9214.gpkg', bytes: fixture('plans-units-9214.gpkg') }, {});
    expect(r).toMatchObject({ ok: false, error: 'plans-units-9214.gpkg: GeoPackage needs SQLite (internal: sqlite option missing)' });
  });
});

describe('plans-4326.gpkg (one table, WGS 84)', () => {
  const r = expectOk(load('plans-4326.gpkg', { role: 'plans' }));
  it('is read as EPSG:4326 from the GeoPackage, within 1 m, with its names and no remarks', () => {
    expect(r.crs).toEqual({ code: 'EPSG:4326', source: 'gpkg', needsConfirmation: false });
    expect(r.layers).toEqual(['plans']);
    expect(r.warnings).toEqual([]);
    expect(r.problems).toEqual([]);
    r.collection.features.forEach((f, i) => {
      const original = plans.features[i]!;
      expect(f.properties!.name).toBe(original.properties!.name);
      expect(f.properties!.id).toBe(original.properties!.id);
      expect(ringDistance(outer(f as Feature), outer(original as Feature))).toBeLessThan(1);
    });
    expect((r.collection.features[0]!.properties!.source_properties as Record<string, unknown>).demo).toBe(true);
  });
});
