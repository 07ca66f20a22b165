import { describe, expect, test } from 'vitest';
import type { Polygon, Position } from 'geojson';
import type { Polygonal } from '../../../src/geo/types';
import { asFeature, differenceGeom, dropSmallParts, intersectGeom, unionGeom } from '../../../scripts/geodata/polygon-ops';
import { extent } from '../../../src/geo/extent';
import { polygonsOf } from '../../../scripts/geodata/tidy-polygonal';
import { shoelace } from './helpers';

const rect = (x0: number, y0: number, x1: number, y1: number): Polygon => ({
  type: 'Polygon',
  coordinates: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]],
});
/** planar area in degrees², holes subtracted */
const area = (g: Polygonal | null) => polygonsOf(g).reduce((s, p) => s + shoelace(p[0]!) - p.slice(1).reduce((h, r) => h + shoelace(r), 0), 0);

// A = [106.00, 106.02] × [21.00, 21.02], B = [106.01, 106.03] × [21.00, 21.02]: they share a
// 0.01° × 0.02° strip (2e-4 deg²).
const A = rect(106.0, 21.0, 106.02, 21.02);
const B = rect(106.01, 21.0, 106.03, 21.02);

describe('boolean operations on bare geometries', () => {
  test('intersection, difference and union of two overlapping squares', () => {
    const i = intersectGeom(A, B)!;
    expect(area(i)).toBeCloseTo(2e-4, 12);
    expect(extent(i)).toEqual([106.01, 21.0, 106.02, 21.02]);
    const d = differenceGeom(A, [B])!;
    expect(area(d)).toBeCloseTo(2e-4, 12);
    expect(extent(d)).toEqual([106.0, 21.0, 106.01, 21.02]);
    const u = unionGeom([A, B])!;
    expect(u.type).toBe('Polygon');
    expect(area(u)).toBeCloseTo(6e-4, 12);
    expect(extent(u)).toEqual([106.0, 21.0, 106.03, 21.02]);
  });

  test('nulls and trivial cases', () => {
    expect(intersectGeom(null, A)).toBeNull();
    expect(intersectGeom(A, rect(107, 21, 107.01, 21.01))).toBeNull();
    expect(differenceGeom(null, [A])).toBeNull();
    expect(differenceGeom(A, [null])).toBe(A);
    expect(differenceGeom(A, [rect(105.9, 20.9, 106.1, 21.1)])).toBeNull();
    expect(unionGeom([null])).toBeNull();
    expect(unionGeom([A, null])).toBe(A);
  });

  test('asFeature wraps a geometry with empty properties', () => {
    expect(asFeature(A)).toEqual({ type: 'Feature', properties: {}, geometry: A });
  });
});

describe('dropSmallParts', () => {
  // parts of area 4, 1 and 0.25 (planar units); the big one has a hole of 0.25
  const big: Position[][] = [[[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]], [[0.5, 0.5], [0.5, 1], [1, 1], [1, 0.5], [0.5, 0.5]]];
  const mid: Position[][] = [[[5, 0], [6, 0], [6, 1], [5, 1], [5, 0]]];
  const small: Position[][] = [[[8, 0], [8.5, 0], [8.5, 0.5], [8, 0.5], [8, 0]]];
  const g: Polygonal = { type: 'MultiPolygon', coordinates: [mid, big, small] };
  const areaOf = (rings: Position[][]) => shoelace(rings[0]!);

  test('by default keeps only the largest part, holes included', () => {
    expect(dropSmallParts(g, areaOf)).toEqual({ type: 'Polygon', coordinates: big });
  });
  test('keeps parts of at least minPartShare of the largest, drops holes under minHoleM2', () => {
    expect(dropSmallParts(g, areaOf, { minPartShare: 0.2 })).toEqual({ type: 'MultiPolygon', coordinates: [mid, big] });
    expect(dropSmallParts(g, areaOf, { minPartShare: 0.05, minHoleM2: 0.3 })).toEqual({ type: 'MultiPolygon', coordinates: [mid, [big[0]!], small] });
    expect(dropSmallParts(null, areaOf)).toBeNull();
  });
});
