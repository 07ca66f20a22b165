// Issue 11, point 8: the places the resolution names that the map lacked
// (geodata/source/resolution-places.json) are drawn in the tourism or infrastructure layer, with
// their provenance and source; places without a position are not drawn; indicative positions stand
// for their commune (inside it, at or next to its reference point); the golf course lists its
// decisions. Checks the committed files, then the build core on altered inputs.
import { describe, test, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as turf from '@turf/turf';
import type { FeatureCollection, Geometry, Point, Position } from 'geojson';
import type { Polygonal } from '../../src/geo/types';
import {
  buildPlaceFeatures,
  SHARED_POINT_SPREAD_M,
  type ResolutionPlace,
  type ResolutionPlacesSource,
  type UnitProps,
} from '../../scripts/geodata/planning-layers';

type Props = Record<string, unknown>;
const dir = resolve(__dirname, '../../geodata');
const readJson = <T>(name: string) => JSON.parse(readFileSync(join(dir, name), 'utf8')) as T;
const source = readJson<ResolutionPlacesSource>('source/resolution-places.json');
const unitFacts = readJson<{ code: string; reference_point: Position }[]>('source/units-2021.json');
const units = readJson<FeatureCollection<Polygonal, UnitProps>>('units-2021.geojson');
const district = readJson<FeatureCollection<Polygonal>>('district.geojson');
const layers = {
  tourism: readJson<FeatureCollection<Geometry, Props>>('tourism.geojson'),
  infrastructure: readJson<FeatureCollection<Geometry, Props>>('infrastructure.geojson'),
  industry: readJson<FeatureCollection<Geometry, Props>>('industry.geojson'),
  plans: readJson<FeatureCollection<Geometry, Props>>('plans-demo.geojson'),
};

/** Where each kind belongs (written out here, not taken from the build). */
const EXPECTED_LAYER: Record<string, 'tourism' | 'infrastructure'> = {
  quan_ho_village: 'tourism',
  craft_village: 'tourism',
  compact_urban_core: 'infrastructure',
};

const placed = source.places.filter((p) => p.position !== 'unknown');
const unknown = source.places.filter((p) => p.position === 'unknown');
const unitGeom = (code: string) => units.features.find((f) => f.properties.code === code)!.geometry;
const findIn = (layer: keyof typeof layers, id: string) => layers[layer].features.filter((f) => f.id === id || f.properties.id === id);
const coords = (id: string) => {
  const [f] = [...findIn('tourism', id), ...findIn('infrastructure', id)];
  return (f!.geometry as Point).coordinates;
};
const metres = (a: Position, b: Position) => turf.distance(a, b, { units: 'meters' });

describe('the committed layers', () => {
  test('the file has what the issue lists: 6 positioned places, 11 without a position', () => {
    expect(placed.map((p) => p.id)).toEqual([
      'khu-do-thi-nen-bich-dong',
      'quan-ho-tho-ha',
      'quan-ho-yen-ninh',
      'quan-ho-trung-dong',
      'quan-ho-van-coc',
      'lang-nghe-may-tre-dan-tang-tien',
    ]);
    expect(unknown.length).toBe(11);
  });

  test.each(placed.map((p) => [p.id, p] as const))('%s is drawn once, in its layer, with its provenance and source', (_id, p) => {
    const layer = EXPECTED_LAYER[p.kind];
    expect(layer, `no expected layer for kind ${p.kind}`).toBeDefined();
    const other = layer === 'tourism' ? 'infrastructure' : 'tourism';
    const fs = findIn(layer!, p.id);
    expect(fs.length).toBe(1);
    expect(findIn(other, p.id)).toEqual([]);
    const f = fs[0]!;
    expect(f.id).toBe(p.id);
    expect(f.geometry.type).toBe('Point');
    const q = f.properties;
    expect(q.name).toBe(p.name.vi);
    expect(q.aliases).toContain(p.name.en);
    expect(q.kind).toBe(p.kind);
    expect(q.provenance).toBe('indicative');
    expect(q.confidence).toBe(p.confidence);
    expect(q.source).toContain(p.source.document);
    if (p.source.url) expect(q.source).toContain(p.source.url);
    if (!p.verified) expect(q.source).toMatch(/unverified/);
    expect(typeof q.description).toBe('string');
    expect(q.description as string).toContain(p.name.vi);
    if (layer === 'tourism') {
      // the same property set as the table's tourism points, plus `source`
      expect(Object.keys(q)).toEqual(['id', 'name', 'aliases', 'kind', 'unit_code', 'description', 'heritage_rank', 'geometry_source', 'provenance', 'confidence', 'source']);
      expect(q.unit_code).toBe(p.commune_unit_id);
      expect(q.heritage_rank).toBeNull();
    } else {
      expect(q.status).toBe('planned');
      expect(q.plan_ref, 'the resolution is not confirmed to name it').toBeUndefined();
    }
  });

  test('indicative positions stand for their commune: inside it, at its reference point or spread around it, and say so', () => {
    const indicative = placed.filter((p) => p.position === 'indicative');
    expect(indicative.length).toBe(5);
    for (const p of indicative) {
      const ref = unitFacts.find((u) => u.code === p.commune_unit_id)!.reference_point;
      expect([p.lon, p.lat], `${p.id}: lon/lat are the reference point of ${p.commune_unit_id}`).toEqual(ref);
      const at = coords(p.id);
      expect(turf.booleanPointInPolygon(at, unitGeom(p.commune_unit_id!)), p.id).toBe(true);
      const sharing = indicative.filter((o) => o.lon === p.lon && o.lat === p.lat && EXPECTED_LAYER[o.kind] === EXPECTED_LAYER[p.kind]);
      if (sharing.length === 1) expect(at, p.id).toEqual([p.lon, p.lat]);
      else expect(Math.abs(metres(at, [p.lon!, p.lat!]) - SHARED_POINT_SPREAD_M), p.id).toBeLessThan(2);
      const [f] = [...findIn('tourism', p.id), ...findIn('infrastructure', p.id)];
      expect(f!.properties.geometry_source as string).toMatch(/^Indicative: the reference point of (commune|township) /);
      expect(f!.properties.description as string).toContain('Vị trí gần đúng: điểm tham chiếu của');
    }
    // Trung Đồng and Vân Cốc share Vân Trung's reference point: both drawn, 200 m apart
    expect(metres(coords('quan-ho-trung-dong'), coords('quan-ho-van-coc'))).toBeGreaterThan(1.9 * SHARED_POINT_SPREAD_M);
  });

  test('a published position is drawn exactly where it is published (Thổ Hà: at Đình Thổ Hà)', () => {
    const p = placed.find((x) => x.id === 'quan-ho-tho-ha')!;
    expect(p.position).toBe('published');
    expect(coords(p.id)).toEqual([p.lon, p.lat]);
    expect(coords(p.id)).toEqual((findIn('tourism', 'dinh-tho-ha')[0]!.geometry as Point).coordinates);
    expect(findIn('tourism', p.id)[0]!.properties.geometry_source).toBe(`Published position: ${p.position_note}`);
    expect(findIn('tourism', p.id)[0]!.properties.description as string).not.toContain('gần đúng');
  });

  test('no place without a position is drawn in any planning layer (by id or by name)', () => {
    for (const p of unknown) {
      for (const [name, fc] of Object.entries(layers)) {
        const hits = fc.features.filter((f) => f.id === p.id || f.properties.id === p.id || f.properties.name === p.name.vi);
        expect(hits.map((f) => f.properties.id), `${p.id} in ${name}`).toEqual([]);
      }
    }
  });

  test('the golf course lists its decisions with numbers and dates', () => {
    const golf = findIn('tourism', source.golf_course.on_map)[0]!;
    expect(golf.properties.kind).toBe('golf_course');
    const decisions = golf.properties.decisions as string[];
    expect(decisions.length).toBe(source.golf_course.decisions.length);
    expect(decisions[0]).toMatch(/^268\/QĐ-UBND ngày 14\/02\/2019 \(UBND tỉnh Bắc Giang\): .*1\/500.* – 152,4 ha$/);
    expect(decisions[2]).toMatch(/^205\/QĐ-UBND năm 2022 .* – 141,4 ha$/);
    source.golf_course.decisions.forEach((d, i) => {
      const [y, m, day] = d.date.split('-');
      expect(decisions[i]).toContain(d.decision ?? 'chưa rõ số văn bản');
      expect(decisions[i]).toContain(d.precision === 'day' ? `${day}/${m}/${y}` : y);
    });
    // only the golf course carries decisions
    expect(layers.tourism.features.filter((f) => 'decisions' in f.properties).map((f) => f.id)).toEqual([source.golf_course.on_map]);
  });
});

describe('the build core on altered inputs', () => {
  const base = () => structuredClone(source);
  const build = (s: ResolutionPlacesSource) => buildPlaceFeatures(s, units, district, new Map([['dinh-tho-ha', 'Đình Thổ Hà']]));
  const ids = (r: ReturnType<typeof build>) => [...r.tourism, ...r.infrastructure].map((f) => f.id);
  const edit = (s: ResolutionPlacesSource, id: string, change: Partial<ResolutionPlace>) => Object.assign(s.places.find((p) => p.id === id)!, change);

  test('rebuilds the committed points', () => {
    const r = build(base());
    const committed = (layer: 'tourism' | 'infrastructure') => layers[layer].features.filter((f) => placed.some((p) => p.id === f.id));
    expect(JSON.parse(JSON.stringify(r.tourism))).toEqual(committed('tourism'));
    expect(JSON.parse(JSON.stringify(r.infrastructure))).toEqual(committed('infrastructure'));
  });

  test('a place whose position becomes unknown is no longer drawn; a lone indicative point sits on its reference point', () => {
    const s = base();
    edit(s, 'quan-ho-van-coc', { position: 'unknown', lon: null, lat: null, commune_unit_id: null });
    const r = build(s);
    expect(ids(r)).not.toContain('quan-ho-van-coc');
    const trungDong = r.tourism.find((f) => f.id === 'quan-ho-trung-dong')!;
    expect(trungDong.geometry.coordinates).toEqual([106.1335, 21.2292]);
    expect(trungDong.properties!.description).not.toContain('dùng chung');
  });

  test('a newly positioned place is drawn, in the layer of its kind', () => {
    const s = base();
    edit(s, 'quan-ho-dinh-ca', { position: 'indicative', lon: 106.0999, lat: 21.2757, commune_unit_id: '07777' });
    const r = build(s);
    expect(r.tourism.map((f) => f.id)).toContain('quan-ho-dinh-ca');
    expect(r.infrastructure.map((f) => f.id)).toEqual(['khu-do-thi-nen-bich-dong']);
  });

  test('stops on an indicative point outside its commune, and on a positioned kind without a layer', () => {
    const outside = base();
    edit(outside, 'quan-ho-yen-ninh', { commune_unit_id: '07759' }); // Nếnh's point, said to be in Thượng Lan
    expect(() => build(outside)).toThrow(/quan-ho-yen-ninh: point outside its commune 07759/);
    const noLayer = base();
    edit(noLayer, 'ql17', { position: 'indicative', lon: 106.0999, lat: 21.2757, commune_unit_id: '07777' });
    expect(() => build(noLayer)).toThrow(/ql17: no layer for a placed "national_road"/);
  });

  test('deterministic: the same input gives the same features', () => {
    expect(JSON.stringify(build(base()))).toBe(JSON.stringify(build(base())));
  });
});
