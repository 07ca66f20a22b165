import { describe, expect, test } from 'vitest';
import type { Polygon } from 'geojson';
import { snapAndNode } from '../../../scripts/geodata/snap-node';
import { P, ll, ringM } from './helpers';

const poly = (...pts: [number, number][]): Polygon => ({ type: 'Polygon', coordinates: [ringM(...pts)] });
const opts = { plane: P, snapMetres: 1.5, nodeMetres: 1.0 };

describe('snapAndNode', () => {
  // A: 100 m square. B: east of it, its first corner 0.58 m from A's (100, 0) and its last corner
  // (100.2, 50) 0.2 m from A's east edge.
  const A = poly([0, 0], [100, 0], [100, 100], [0, 100]);
  const B = poly([100.5, 0.3], [200, 0], [200, 50], [100.2, 50]);

  test("a vertex within the snap distance becomes the earlier geometry's vertex", () => {
    const [, b] = snapAndNode([A, B], opts);
    expect(b).toEqual({ type: 'Polygon', coordinates: [[ll(100, 0), ll(200, 0), ll(200, 50), ll(100.2, 50), ll(100, 0)]] });
  });

  test("a vertex within the node distance of an edge is inserted into that edge (T-junction)", () => {
    const [a] = snapAndNode([A, B], opts);
    expect(a).toEqual({ type: 'Polygon', coordinates: [[ll(0, 0), ll(100, 0), ll(100.2, 50), ll(100, 100), ll(0, 100), ll(0, 0)]] });
  });

  test('order matters: the first geometry keeps its vertices', () => {
    const [b, a] = snapAndNode([B, A], opts);
    expect(b!.coordinates[0]![0]).toEqual(ll(100.5, 0.3));
    expect(a!.coordinates[0]![1]).toEqual(ll(100.5, 0.3));
  });

  test('beyond both distances nothing changes', () => {
    const far = poly([103, 0], [200, 0], [200, 50], [102, 50]);
    expect(snapAndNode([A, far], opts)).toEqual([A, far]);
  });

  test('a geometry whose vertices all snap together collapses: an error', () => {
    expect(() => snapAndNode([A, poly([0.4, 0.4], [0.9, 0.4], [0.4, 0.9])], opts)).toThrow(/collapsed/);
  });
});
