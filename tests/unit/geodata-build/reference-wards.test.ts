import { describe, expect, test } from 'vitest';
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import { geometryArea } from '../../../src/geo/area';
import type { Polygonal } from '../../../src/geo/types';
import { generaliseWards, type RefWardProps } from '../../../scripts/geodata/reference-wards';
import { vertexKeys } from './helpers';

// Two reference "wards" on the 1e-5° grid that overlap in a 0.0001° × 0.01° strip, and an outline
// equal to their union. The lower code ('1', the eastern one) keeps the strip.
const rect = (x0: number, y0: number, x1: number, y1: number): Polygon => ({ type: 'Polygon', coordinates: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]] });
const ward = (id: string, g: Polygonal): Feature<Polygonal, RefWardProps> => ({ type: 'Feature', properties: { id, name: `W${id}`, type: 'Phường', area_km2: 1, population: 1000 }, geometry: g });
const west = rect(106.0, 21.2, 106.01, 21.21);
const east = rect(106.0099, 21.2, 106.02, 21.21);
const ref: FeatureCollection<Polygonal, RefWardProps> = { type: 'FeatureCollection', features: [ward('2', west), ward('1', east)] };
const outline: FeatureCollection<Polygonal> = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: rect(106.0, 21.2, 106.02, 21.21) }] };

describe('generaliseWards', () => {
  const r = generaliseWards(ref, outline, 80);
  const out = JSON.parse(r.text) as FeatureCollection<Polygon> & { derivation: Record<string, unknown> };

  test('the overlap goes to the lower code; the wards then tile the outline exactly', () => {
    expect(r.problems).toEqual([]);
    expect(out.features.map((f) => f.properties!['code'])).toEqual(['1', '2']);
    expect(vertexKeys(out.features[0]!.geometry.coordinates[0]!)).toEqual(vertexKeys(east.coordinates[0]!));
    expect(vertexKeys(out.features[1]!.geometry.coordinates[0]!)).toEqual(vertexKeys(rect(106.0, 21.2, 106.0099, 21.21).coordinates[0]!));
    expect(r.derivation['reference_overlap_m2']).toBe(Math.round(geometryArea(rect(106.0099, 21.2, 106.01, 21.21))));
    expect(r.derivation['reference_slivers']).toBe(0);
    expect(r.derivation['outline_2019_symmetric_difference_pct']).toBe(0);
    expect(out.derivation).toEqual(r.derivation);
  });

  test('a ward that does not survive as one polygon is reported', () => {
    const split = { type: 'MultiPolygon' as const, coordinates: [rect(106.03, 21.2, 106.04, 21.21).coordinates, rect(106.05, 21.2, 106.06, 21.21).coordinates] };
    const bad = generaliseWards({ type: 'FeatureCollection', features: [ward('3', split), ward('4', rect(106.07, 21.2, 106.08, 21.21))] }, outline, 80);
    expect(bad.problems).toEqual(['W3: MultiPolygon']);
  });
});
