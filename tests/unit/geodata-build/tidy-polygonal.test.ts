import { describe, expect, test } from 'vitest';
import { cleanOpenRing, fromPolygons, polygonsOf, roundTo, signedArea2, tidyPolygonal } from '../../../scripts/geodata/tidy-polygonal';

describe('roundTo / signedArea2 / cleanOpenRing', () => {
  test('rounds half away from zero at 5 decimals and never returns -0', () => {
    expect(roundTo(106.123456, 5)).toBe(106.12346);
    expect(roundTo(21.000004, 5)).toBe(21);
    expect(Object.is(roundTo(-0.000001, 5), 0)).toBe(true);
  });

  test('twice the signed area: +2 for a counter-clockwise unit square, -2 clockwise', () => {
    expect(signedArea2([[0, 0], [1, 0], [1, 1], [0, 1]])).toBe(2);
    expect(signedArea2([[0, 0], [0, 1], [1, 1], [1, 0]])).toBe(-2);
  });

  test('drops repeated vertices, the closing vertex and A-B-A spikes', () => {
    const ring = [[0, 0], [2, 0], [2, 0], [2, 2], [3, 3], [2, 2], [0, 2], [0, 0]];
    expect(cleanOpenRing(ring)).toEqual([[0, 0], [2, 0], [2, 2], [0, 2]]);
  });
});

describe('tidyPolygonal', () => {
  test('rounds, closes and rewinds: outer counter-clockwise, holes clockwise', () => {
    const cw = { type: 'Polygon' as const, coordinates: [[[0, 0], [0, 1.000004], [1, 1], [1, 0], [0, 0]]] };
    expect(tidyPolygonal(cw)).toEqual({ type: 'Polygon', coordinates: [[[1, 0], [1, 1], [0, 1], [0, 0], [1, 0]]] });
    const withHole = {
      type: 'Polygon' as const,
      coordinates: [
        [[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]],
        [[1, 1], [2, 1], [2, 2], [1, 2], [1, 1]], // counter-clockwise: wrong for a hole
      ],
    };
    expect(tidyPolygonal(withHole)!.coordinates[1]).toEqual([[1, 2], [2, 2], [2, 1], [1, 1], [1, 2]]);
  });

  test('degenerate parts go; one part left becomes a Polygon; nothing left is null', () => {
    const flat = [[[0, 0], [1, 0], [2, 0], [0, 0]]]; // zero area
    const square = [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]];
    expect(tidyPolygonal({ type: 'MultiPolygon', coordinates: [flat, square] })).toEqual({ type: 'Polygon', coordinates: square });
    expect(tidyPolygonal({ type: 'Polygon', coordinates: [[[0, 0], [0.000001, 0], [0, 0.000001], [0, 0]]] })).toBeNull();
  });
});

describe('polygonsOf / fromPolygons', () => {
  test('round trip between geometries and coordinate arrays', () => {
    const a = [[[0, 0], [1, 0], [1, 1], [0, 0]]];
    const b = [[[5, 5], [6, 5], [6, 6], [5, 5]]];
    expect(polygonsOf(null)).toEqual([]);
    expect(polygonsOf({ type: 'Polygon', coordinates: a })).toEqual([a]);
    expect(polygonsOf({ type: 'MultiPolygon', coordinates: [a, b] })).toEqual([a, b]);
    expect(fromPolygons([])).toBeNull();
    expect(fromPolygons([a])).toEqual({ type: 'Polygon', coordinates: a });
    expect(fromPolygons([a, b])).toEqual({ type: 'MultiPolygon', coordinates: [a, b] });
  });
});
