import { describe, expect, test } from 'vitest';
import type { Feature } from 'geojson';
import { stringifyFeatureCollection } from '../../../scripts/geodata/serialize-geojson';

const pt = (id: string, x: number): Feature => ({ type: 'Feature', id, properties: { b: 1, a: 'x' }, geometry: { type: 'Point', coordinates: [x, 0] } });

describe('stringifyFeatureCollection', () => {
  test('one feature per line, keys in construction order, foreign members before the features', () => {
    expect(stringifyFeatureCollection([pt('p', 1), pt('q', 2.5)], { name: 'demo' })).toBe(
      '{"type":"FeatureCollection",\n' +
        '"name":"demo",\n' +
        '"features":[\n' +
        '{"type":"Feature","id":"p","properties":{"b":1,"a":"x"},"geometry":{"type":"Point","coordinates":[1,0]}},\n' +
        '{"type":"Feature","id":"q","properties":{"b":1,"a":"x"},"geometry":{"type":"Point","coordinates":[2.5,0]}}\n' +
        ']}\n',
    );
  });
  test('no features', () => {
    expect(stringifyFeatureCollection([])).toBe('{"type":"FeatureCollection",\n"features":[\n\n]}\n');
  });
});
