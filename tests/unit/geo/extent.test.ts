import { describe, expect, test } from 'vitest';
import { extent, lonLatXY } from '../../../src/geo/extent';

describe('extent', () => {
  test('walks collections, features, geometry collections and bare coordinates', () => {
    const fc = {
      type: 'FeatureCollection',
      bbox: [-999, -999, 999, 999], // ignored
      features: [
        { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [1, 2] } },
        { type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: [[3, -1], [0, 5]] } },
        { type: 'Feature', properties: {}, geometry: { type: 'GeometryCollection', geometries: [{ type: 'Point', coordinates: [10, 0] }] } },
        { type: 'Feature', properties: {}, geometry: null },
      ],
    };
    expect(extent(fc)).toEqual([0, -1, 10, 5]);
    expect(extent(fc.features[1])).toEqual([0, -1, 3, 5]);
    expect(extent([[[[1, 1], [2, 4], [-3, 0], [1, 1]]]])).toEqual([-3, 0, 2, 4]);
    expect(extent([null, { type: 'Point', coordinates: [5, 6] }, undefined])).toEqual([5, 6, 5, 6]);
  });

  test('skips non-positions and non-finite values; null when nothing is left', () => {
    expect(extent({ type: 'LineString', coordinates: [[NaN, 1], [2, Infinity], ['a', 'b'], [4]] })).toBeNull();
    expect(extent({ type: 'LineString', coordinates: [[NaN, 1], [2, 3]] })).toEqual([2, 3, 2, 3]);
    expect(extent({ type: 'FeatureCollection', features: [] })).toBeNull();
    expect(extent(null)).toBeNull();
    expect(extent('text')).toBeNull();
  });

  test('a filter keeps only lon/lat-looking positions', () => {
    const mixed = { type: 'MultiPoint', coordinates: [[106.1, 21.2], [500_000, 2_350_000], [105.9, 21.4]] };
    expect(extent(mixed)).toEqual([105.9, 21.2, 500_000, 2_350_000]);
    expect(extent(mixed, lonLatXY)).toEqual([105.9, 21.2, 106.1, 21.4]);
  });
});
