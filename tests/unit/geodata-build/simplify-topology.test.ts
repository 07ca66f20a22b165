import { describe, expect, test } from 'vitest';
import type { Polygon } from 'geojson';
import { polylineHausdorff, simplifyTopology } from '../../../scripts/geodata/simplify-topology';
import { P, ll, ringM, vertexKeys, vertexKeysM } from './helpers';

const poly = (...pts: [number, number][]): Polygon => ({ type: 'Polygon', coordinates: [ringM(...pts)] });

describe('polylineHausdorff', () => {
  test('a 3 m bump off a 100 m segment is 3 m away; identical lines are 0 apart', () => {
    expect(polylineHausdorff([ll(0, 0), ll(100, 0)], [ll(0, 0), ll(50, 3), ll(100, 0)], P)).toBeCloseTo(3, 6);
    expect(polylineHausdorff([ll(0, 0), ll(100, 0)], [ll(0, 0), ll(100, 0)], P)).toBeCloseTo(0, 9);
  });
});

describe('simplifyTopology', () => {
  // two squares sharing an edge with a 2 m bump at (102, 50)
  const A = poly([0, 0], [100, 0], [102, 50], [100, 100], [0, 100]);
  const B = poly([100, 0], [200, 0], [200, 100], [100, 100], [102, 50]);

  test('the shared edge is simplified once, identically for both neighbours', () => {
    const r = simplifyTopology([A, B], 5, P);
    const [a, b] = r.geometries as Polygon[];
    expect(vertexKeys(a!.coordinates[0]!)).toEqual(vertexKeysM([[0, 0], [100, 0], [100, 100], [0, 100]]));
    expect(vertexKeys(b!.coordinates[0]!)).toEqual(vertexKeysM([[100, 0], [200, 0], [200, 100], [100, 100]]));
    expect(r.verticesBefore - r.verticesAfter).toBe(1); // the bump, once
    expect(r.maxDeviationMetres).toBeCloseTo(2, 6);
  });

  test('a tolerance below the bump keeps everything', () => {
    const r = simplifyTopology([A, B], 1, P);
    expect(r.verticesAfter).toBe(r.verticesBefore);
    expect(r.maxDeviationMetres).toBeCloseTo(0, 9);
    expect(vertexKeys((r.geometries[0] as Polygon).coordinates[0]!)).toEqual(vertexKeys(A.coordinates[0]!));
  });

  test('an island (closed arc) keeps at least a triangle-plus-one: its four corners', () => {
    const island = poly([0, 0], [50, 0], [100, 0], [100, 50], [100, 100], [50, 100], [0, 100], [0, 50]);
    const r = simplifyTopology([island], 1000, P);
    expect(vertexKeys((r.geometries[0] as Polygon).coordinates[0]!)).toEqual(vertexKeysM([[0, 0], [100, 0], [100, 100], [0, 100]]));
  });
});
