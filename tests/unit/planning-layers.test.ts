// Checks the generated planning layers (geodata/industry|infrastructure|tourism|plans-demo.geojson)
// against the source table, the units and the facts. PLANNING_LAYERS_DIR points at another
// geodata folder (e.g. a stand-in) for the inputs and outputs; default: the repository's.
import { describe, test, expect } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as turf from '@turf/turf';
import type { Feature, FeatureCollection, Geometry, Point, Polygon, Position } from 'geojson';
import { geometryArea } from '../../src/geo/area';
import type { Polygonal } from '../../src/geo/types';
import { buildPlanningLayers, PLANNING_LAYER_FILES, type PlanningSources } from '../../scripts/geodata/planning-layers';
import { intersectGeom, differenceGeom, unionGeom } from '../../scripts/geodata/polygon-ops';

type Props = Record<string, unknown>;

const repo = resolve(__dirname, '../..');
const dir = resolve(process.env.PLANNING_LAYERS_DIR ?? join(repo, 'geodata'));
const read = <G extends Geometry = Geometry>(name: string) => JSON.parse(readFileSync(join(dir, name), 'utf8')) as FeatureCollection<G, Props>;
const source = JSON.parse(readFileSync(join(dir, 'source/planning.json'), 'utf8')) as {
  industry: { id: string }[];
  infrastructure: { id: string }[];
  tourism: { id: string }[];
};
// Positioned places of source/resolution-places.json follow the table in their layer (tested in
// resolution-places-layer.test.ts); here only their ids, in order.
const placed = (JSON.parse(readFileSync(join(dir, 'source/resolution-places.json'), 'utf8')) as {
  places: { id: string; kind: string; position: string }[];
}).places.filter((p) => p.position !== 'unknown');
const placedIn = (kinds: string[]) => placed.filter((p) => kinds.includes(p.kind)).map((p) => p.id);
const industry = read<Polygonal>('industry.geojson');
const infrastructure = read('infrastructure.geojson');
const tourism = read('tourism.geojson');
const plans = read<Polygonal>('plans-demo.geojson');
const units = read<Polygonal>('units-2021.geojson');
const district = read<Polygonal>('district.geojson').features[0]!.geometry;
const HA = 10_000;

const unit = (code: string): Polygonal => {
  const u = units.features.find((f) => f.properties.code === code);
  if (!u) throw new Error(`no unit ${code}`);
  return u.geometry;
};
const unionOf = (codes: readonly string[]) => unionGeom(codes.map(unit))!;
const byId = (fc: FeatureCollection<Geometry, Props>, id: string) => {
  const f = fc.features.find((x) => x.properties.id === id);
  if (!f) throw new Error(`no feature ${id}`);
  return f;
};
const outsideShare = (g: Polygonal, container: Polygonal) => geometryArea(differenceGeom(g, [container])) / geometryArea(g);
const overlapM2 = (a: Polygonal, b: Polygonal) => (turf.booleanIntersects(a, b) ? geometryArea(intersectGeom(a, b)) : 0);
const pointIn = (p: Position, g: Polygonal) => turf.booleanPointInPolygon(p, g);

function allPositions(g: Geometry): Position[] {
  switch (g.type) {
    case 'Point':
      return [g.coordinates];
    case 'LineString':
    case 'MultiPoint':
      return g.coordinates;
    case 'Polygon':
    case 'MultiLineString':
      return g.coordinates.flat();
    case 'MultiPolygon':
      return g.coordinates.flat(2);
    default:
      return [];
  }
}
function outerRings(g: Geometry): Position[][] {
  if (g.type === 'Polygon') return [g.coordinates[0]!];
  if (g.type === 'MultiPolygon') return g.coordinates.map((p) => p[0]!);
  return [];
}
const signed2 = (r: Position[]) => r.reduce((s, a, i) => { const b = r[(i + 1) % r.length]!; return s + a[0]! * b[1]! - b[0]! * a[1]!; }, 0);

const layers = { industry, infrastructure, tourism, plans };

describe.each(Object.entries(layers))('%s: common rules', (_name, fc) => {
  test('ids are unique, non-empty and equal the feature id', () => {
    const ids = fc.features.map((f) => f.properties.id);
    expect(ids.every((id) => typeof id === 'string' && id.length > 0)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    for (const f of fc.features) expect(f.id).toBe(f.properties.id);
  });
  test('every feature says where its geometry comes from', () => {
    for (const f of fc.features) {
      expect(typeof f.properties.geometry_source, String(f.properties.id)).toBe('string');
      expect((f.properties.geometry_source as string).length).toBeGreaterThan(10);
      expect(['indicative', 'demonstration']).toContain(f.properties.provenance);
    }
  });
  test('coordinates have at most 5 decimals; outer rings counter-clockwise; no self-intersections', () => {
    for (const f of fc.features) {
      for (const p of allPositions(f.geometry)) for (const x of p) expect(Math.abs(x * 1e5 - Math.round(x * 1e5))).toBeLessThan(1e-6);
      for (const r of outerRings(f.geometry)) expect(signed2(r), String(f.properties.id)).toBeGreaterThan(0);
      if (f.geometry.type !== 'Point') expect(turf.kinks(f as Feature<Polygonal>).features.length, String(f.properties.id)).toBe(0);
    }
  });
  test('everything lies inside the district (the river may run just outside)', () => {
    for (const f of fc.features) {
      const g = f.geometry;
      const id = String(f.properties.id);
      if (f.properties.kind === 'river') continue;
      if (g.type === 'Point') expect(pointIn(g.coordinates, district), id).toBe(true);
      else if (g.type === 'Polygon' || g.type === 'MultiPolygon') expect(outsideShare(g, district), id).toBeLessThan(0.001);
      else if (g.type === 'LineString' || g.type === 'MultiLineString') {
        const lines = g.type === 'LineString' ? [g.coordinates] : g.coordinates;
        for (const l of lines) for (let i = 1; i < l.length; i++) {
          const mid = [(l[i - 1]![0]! + l[i]![0]!) / 2, (l[i - 1]![1]! + l[i]![1]!) / 2];
          expect(pointIn(mid, district), id).toBe(true);
        }
      }
    }
  });
});

describe('ids are stable', () => {
  test('industry, infrastructure and tourism ids follow the source table, plans are qh-001…', () => {
    expect(industry.features.map((f) => f.properties.id)).toEqual(source.industry.map((x) => x.id));
    expect(infrastructure.features.map((f) => f.properties.id)).toEqual([...source.infrastructure.map((x) => x.id), ...placedIn(['compact_urban_core'])]);
    expect(tourism.features.map((f) => f.properties.id)).toEqual([...source.tourism.map((x) => x.id), ...placedIn(['quan_ho_village', 'craft_village'])]);
    expect(plans.features.map((f) => f.properties.id)).toEqual(plans.features.map((_, i) => `qh-${String(i + 1).padStart(3, '0')}`));
  });
  test('rebuilding from the same inputs gives byte-identical files', () => {
    const input: PlanningSources = {
      planning: JSON.parse(readFileSync(join(dir, 'source/planning.json'), 'utf8')),
      units: JSON.parse(readFileSync(join(dir, 'units-2021.geojson'), 'utf8')),
      district: JSON.parse(readFileSync(join(dir, 'district.geojson'), 'utf8')),
      places: JSON.parse(readFileSync(join(dir, 'source/resolution-places.json'), 'utf8')),
    };
    const out = buildPlanningLayers(input);
    expect(Object.keys(out.files)).toEqual([...PLANNING_LAYER_FILES]);
    for (const name of PLANNING_LAYER_FILES) {
      expect(out.files[name], `${name} is stale: run npm run geodata:build`).toBe(readFileSync(join(dir, name), 'utf8'));
    }
    expect(out.report.some((l) => l.startsWith('plans-demo: '))).toBe(true);
  }, 120_000);
});

describe('scripts/build-planning-layers.ts (CLI smoke test)', () => {
  test('reads --root, writes the four files to --out', () => {
    const out = mkdtempSync(join(tmpdir(), 'planning-layers-'));
    try {
      execFileSync(join(repo, 'node_modules/.bin/tsx'), [join(repo, 'scripts/build-planning-layers.ts'), '--root', resolve(dir, '..'), '--out', out, '--quiet'], { stdio: 'pipe' });
      for (const name of PLANNING_LAYER_FILES) expect(readFileSync(join(out, name), 'utf8'), name).toBe(readFileSync(join(dir, name), 'utf8'));
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 180_000);
});

describe('industry', () => {
  test('KCN/CCN, statuses and codes are valid; clusters sized as clusters', () => {
    for (const f of industry.features) {
      const p = f.properties;
      expect(['KCN', 'CCN']).toContain(p.kind);
      expect(['operating', 'expanding', 'planned']).toContain(p.status);
      expect(['H', 'M', 'U']).toContain(p.confidence);
      expect(p.geometry).toBe('indicative');
      expect(p.provenance).toBe('indicative');
      expect((p.host_units as string[]).every((c) => /^\d{5}$/.test(c))).toBe(true);
      if (p.kind === 'CCN') expect(geometryArea(f.geometry) / HA).toBeLessThanOrEqual(75);
    }
  });
  test('polygons are within ±10% of their stated area', () => {
    const stated = industry.features.filter((f) => f.properties.area_ha !== null);
    expect(stated.length).toBeGreaterThanOrEqual(6);
    for (const f of stated) {
      const ratio = geometryArea(f.geometry) / HA / (f.properties.area_ha as number);
      expect(ratio, String(f.properties.id)).toBeGreaterThan(0.9);
      expect(ratio, String(f.properties.id)).toBeLessThan(1.1);
    }
    expect(byId(industry, 'kcn-dinh-tram').properties.area_ha).toBe(127.35);
  });
  test('polygons lie inside their host units', () => {
    for (const f of industry.features) {
      expect(outsideShare(f.geometry, unionOf(f.properties.host_units as string[])), String(f.properties.id)).toBeLessThan(0.01);
    }
  });
  test('polygons do not overlap each other', () => {
    const fs = industry.features;
    for (let i = 0; i < fs.length; i++) for (let j = i + 1; j < fs.length; j++) {
      expect(overlapM2(fs[i]!.geometry, fs[j]!.geometry), `${fs[i]!.properties.id} × ${fs[j]!.properties.id}`).toBeLessThan(100);
    }
  });
});

describe('infrastructure', () => {
  test('kinds and statuses are valid; the resolution items are planned', () => {
    const kinds = ['river', 'expressway', 'national_road', 'provincial_road', 'railway', 'inland_port', 'logistics_centre', 'bus_station', 'trade_centre', 'workers_housing', 'compact_urban_core'];
    for (const f of infrastructure.features) {
      expect(kinds).toContain(f.properties.kind);
      expect(['existing', 'planned']).toContain(f.properties.status);
      expect(f.properties.provenance).toBe('indicative');
    }
    for (const k of ['inland_port', 'logistics_centre', 'bus_station', 'trade_centre', 'workers_housing']) {
      const fs = infrastructure.features.filter((f) => f.properties.kind === k);
      expect(fs.length, k).toBeGreaterThan(0);
      expect(fs.every((f) => f.properties.status === 'planned'), k).toBe(true);
    }
    expect(infrastructure.features.filter((f) => f.properties.kind === 'trade_centre').length).toBeGreaterThanOrEqual(2);
  });
  test('the Cầu river follows the district boundary (every vertex within 150 m of it)', () => {
    const river = infrastructure.features.find((f) => f.properties.kind === 'river')!.geometry;
    expect(river.type).toBe('LineString');
    const edge = turf.polygonToLine(turf.feature(district)) as Feature<Geometry>;
    const lines = edge.geometry.type === 'LineString' ? [edge.geometry.coordinates] : (edge.geometry as { coordinates: Position[][] }).coordinates;
    for (const p of allPositions(river)) {
      const d = Math.min(...lines.map((l) => turf.pointToLineDistance(p, turf.lineString(l), { units: 'meters' })));
      expect(d).toBeLessThan(150);
    }
    expect(turf.length(turf.feature(river), { units: 'kilometers' })).toBeGreaterThan(15);
  });
  test('workers\' housing is 20–40 ha', () => {
    const h = infrastructure.features.find((f) => f.properties.kind === 'workers_housing')!;
    const a = geometryArea(h.geometry) / HA;
    expect(a).toBeGreaterThanOrEqual(20);
    expect(a).toBeLessThanOrEqual(40);
  });
});

describe('tourism', () => {
  const pos = (id: string) => (byId(tourism, id).geometry as Point).coordinates;
  test('Bổ Đà and Đình Thổ Hà sit exactly at the facts coordinates', () => {
    expect(pos('chua-bo-da')).toEqual([106.05263, 21.24253]);
    expect(pos('dinh-tho-ha')).toEqual([106.0425, 21.2028]);
    expect(byId(tourism, 'chua-bo-da').properties.heritage_rank).toBe('Di tích quốc gia đặc biệt (2016)');
  });
  test('quan họ villages and the temple are points inside their units', () => {
    const pts = tourism.features.filter((f) => f.properties.kind === 'quan_ho_village' || f.properties.kind === 'temple');
    // 4 Ninh Sơn + Sen Hồ + temple + 4 Quang Châu + 3 Quảng Minh, + 4 from resolution-places.json
    // (Thổ Hà, Yên Ninh, Trung Đồng, Vân Cốc)
    expect(pts.length).toBe(17);
    for (const f of pts) {
      expect(f.geometry.type).toBe('Point');
      expect(pointIn((f.geometry as Point).coordinates, unit(f.properties.unit_code as string)), String(f.properties.id)).toBe(true);
    }
  });
  test('the golf course is ~141.4 ha (±10%) inside Hương Mai ∪ Trung Sơn', () => {
    const g = byId(tourism, 'san-golf-viet-yen').geometry as Polygonal;
    const a = geometryArea(g) / HA;
    expect(a).toBeGreaterThan(141.4 * 0.9);
    expect(a).toBeLessThan(141.4 * 1.1);
    expect(outsideShare(g, unionOf(['07771', '07780']))).toBeLessThan(0.01);
  });
  test('the Tiên Sơn – Vân Hà tourism area contains Bổ Đà and Thổ Hà', () => {
    const area = byId(tourism, 'khu-du-lich-tien-son-van-ha').geometry as Polygonal;
    expect(pointIn(pos('chua-bo-da'), area)).toBe(true);
    expect(pointIn(pos('dinh-tho-ha'), area)).toBe(true);
  });
  test('Thổ Hà pottery village is ~20 ha around the đình', () => {
    const v = byId(tourism, 'lang-gom-tho-ha').geometry as Polygonal;
    expect(geometryArea(v) / HA).toBeGreaterThan(15);
    expect(geometryArea(v) / HA).toBeLessThan(25);
    expect(pointIn(pos('dinh-tho-ha'), v)).toBe(true);
  });
});

describe('plans-demo (fictional register)', () => {
  const fs = plans.features;
  test('40–80 plans, all demo, valid levels/statuses/decisions/dates', () => {
    expect(fs.length).toBeGreaterThanOrEqual(40);
    expect(fs.length).toBeLessThanOrEqual(80);
    for (const f of fs) {
      const p = f.properties;
      expect(p.demo).toBe(true);
      expect(p.provenance).toBe('demonstration');
      expect(['detailed', 'zoning']).toContain(p.level);
      expect(['approved', 'in_preparation']).toContain(p.status);
      if (p.status === 'approved') {
        expect(p.decision).toMatch(/\(demo\)$/);
        expect(p.approved_on).toMatch(/^20(19|2[0-5])-\d\d-\d\d$/);
      } else {
        expect(p.decision).toBeNull();
        expect(p.approved_on).toBeNull();
      }
      const a = geometryArea(f.geometry) / HA;
      expect(a, String(p.id)).toBeGreaterThanOrEqual(5);
      expect(a, String(p.id)).toBeLessThanOrEqual(150);
      expect(f.geometry.type).toBe('Polygon');
      expect((f.geometry as Polygon).coordinates[0]!.length - 1).toBeLessThanOrEqual(30);
    }
    for (const k of ['zoning', 'in_preparation']) expect(fs.some((f) => f.properties.level === k || f.properties.status === k), k).toBe(true);
  });
  test('some plans overlap each other (≥ 3 pairs by more than 1 ha)', () => {
    let pairs = 0;
    for (let i = 0; i < fs.length; i++) for (let j = i + 1; j < fs.length; j++) if (overlapM2(fs[i]!.geometry, fs[j]!.geometry) > HA) pairs++;
    expect(pairs).toBeGreaterThanOrEqual(3);
  });
  test('some plans cross unit boundaries, and unit_codes say which units each touches', () => {
    const crossing = fs.filter((f) => (f.properties.unit_codes as string[]).length >= 2);
    expect(crossing.length).toBeGreaterThanOrEqual(2);
    for (const f of crossing) {
      for (const c of f.properties.unit_codes as string[]) expect(overlapM2(f.geometry, unit(c)), `${f.properties.id} in ${c}`).toBeGreaterThan(0.5 * HA - 1);
    }
  });
  test('approved detailed plans (overlaps once) put 3–6 slated units above 80%, the others below', () => {
    const counting = fs.filter((f) => f.properties.level === 'detailed' && f.properties.status === 'approved').map((f) => f.geometry);
    const slated = units.features.filter((u) => u.properties.slated_ward === true);
    expect(slated.length).toBe(9);
    const cov = slated.map((u) => {
      const touching = counting.filter((g) => turf.booleanIntersects(g, u.geometry));
      const un = unionGeom(touching);
      return un ? geometryArea(intersectGeom(un, u.geometry)) / geometryArea(u.geometry) : 0;
    });
    const above = cov.filter((c) => c > 0.8).length;
    expect(above).toBeGreaterThanOrEqual(3);
    expect(above).toBeLessThanOrEqual(6);
    expect(cov.filter((c) => c < 0.8).length).toBeGreaterThanOrEqual(3);
    // zoning and in-preparation plans would push more units over the line if counted
    const all = fs.map((f) => f.geometry);
    const aboveAll = slated.filter((u) => {
      const un = unionGeom(all.filter((g) => turf.booleanIntersects(g, u.geometry)));
      return un ? geometryArea(intersectGeom(un, u.geometry)) / geometryArea(u.geometry) > 0.8 : false;
    }).length;
    expect(aboveAll).toBeGreaterThan(above);
  });
});
