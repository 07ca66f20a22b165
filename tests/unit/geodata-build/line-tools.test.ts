import { describe, expect, test } from 'vitest';
import type { Position } from 'geojson';
import { boundaryArc, clipLineToPolygons, nearestVertex, offsetLine, pointInRings, simplifyLine } from '../../../scripts/geodata/line-tools';
import { P, ll, ringM, xy } from './helpers';

// planar fixtures in plain numbers: a 10 × 10 square with a 2 × 2 hole in the middle
const square: Position[][] = [[[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]]];
const withHole: Position[][] = [square[0]!, [[4, 4], [6, 4], [6, 6], [4, 6], [4, 4]]];
const closeTo = (a: readonly number[], b: readonly number[], digits = 6) => {
  expect(a[0]).toBeCloseTo(b[0]!, digits);
  expect(a[1]).toBeCloseTo(b[1]!, digits);
};

describe('pointInRings', () => {
  test('inside, in the hole, outside; over several polygons', () => {
    expect(pointInRings([1, 1], [withHole])).toBe(true);
    expect(pointInRings([5, 5], [withHole])).toBe(false);
    expect(pointInRings([15, 5], [withHole])).toBe(false);
    expect(pointInRings([28, 3], [withHole, [[[20, 0], [30, 0], [30, 10], [20, 0]]]])).toBe(true);
  });
});

describe('clipLineToPolygons', () => {
  test('keeps the runs inside, split by holes; vertices inside are kept', () => {
    // crossings at t = 1/8, 3/8, 1/2, 3/4 of the segment: exact in binary
    expect(clipLineToPolygons([[-2, 5], [14, 5]], [square])).toEqual([[[0, 5], [10, 5]]]);
    expect(clipLineToPolygons([[-2, 5], [14, 5]], [withHole])).toEqual([[[0, 5], [4, 5]], [[6, 5], [10, 5]]]);
    expect(clipLineToPolygons([[5, 5], [5, 15]], [square])).toEqual([[[5, 5], [5, 10]]]);
    expect(clipLineToPolygons([[1, 1], [2, 2], [3, 1]], [square])).toEqual([[[1, 1], [2, 2], [3, 1]]]);
    expect(clipLineToPolygons([[20, 20], [30, 30]], [square])).toEqual([]);
  });
});

describe('boundary arcs (in metres, local plane)', () => {
  const ring = ringM([0, 0], [100, 0], [100, 100], [0, 100]);
  test('nearestVertex', () => {
    expect(nearestVertex(ring, ll(97, 103), P)).toBe(2);
    expect(nearestVertex(ring, ll(-5, 1), P)).toBe(0);
  });
  test('boundaryArc walks the way that passes nearest `via`', () => {
    expect(boundaryArc(ring, ll(1, 1), ll(99, 99), ll(120, -10), P)).toEqual([ring[0], ring[1], ring[2]]);
    expect(boundaryArc(ring, ll(1, 1), ll(99, 99), ll(-10, 120), P)).toEqual([ring[0], ring[3], ring[2]]);
  });
});

describe('offsetLine', () => {
  test('a straight line moves sideways by the distance; positive is to the left', () => {
    const line = [ll(0, 0), ll(100, 0)];
    offsetLine(line, 10, P).forEach((p, i) => closeTo(xy(p), [[0, 10], [100, 10]][i]!));
    offsetLine(line, -10, P).forEach((p, i) => closeTo(xy(p), [[0, -10], [100, -10]][i]!));
  });
  test('a right-angle corner gets a mitred vertex at (90, 10)', () => {
    const out = offsetLine([ll(0, 0), ll(100, 0), ll(100, 100)], 10, P).map(xy);
    closeTo(out[1]!, [90, 10]);
    closeTo(out[2]!, [90, 100]);
  });
});

describe('simplifyLine', () => {
  test('drops wiggles under the tolerance (metres), keeps the ends and the corner', () => {
    const line = [ll(0, 0), ll(50, 0.4), ll(100, 0), ll(100, 50), ll(100.3, 100)];
    expect(simplifyLine(line, 1, P)).toEqual([line[0], line[2], line[4]]);
    expect(simplifyLine(line, 0.1, P)).toEqual(line); // (100, 50) is 0.15 m off its chord
    expect(simplifyLine(line, 1, P)[0]).not.toBe(line[0]); // copies, not the input positions
  });
});
