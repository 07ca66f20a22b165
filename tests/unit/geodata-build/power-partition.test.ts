import { describe, expect, test } from 'vitest';
import { geometryArea } from '../../../src/geo/area';
import { extent } from '../../../src/geo/extent';
import { powerPartition } from '../../../scripts/geodata/power-partition';
import { P, ll, rectM, xy } from './helpers';

// Region: a 2000 × 1000 m rectangle; sites at (500, 500) and (1500, 500).
const region = rectM(0, 0, 2000, 1000);
const total = geometryArea(region);
const sites = (share0: number) => [
  { id: 'a', point: ll(500, 500), targetM2: share0 * total },
  { id: 'b', point: ll(1500, 500), targetM2: (1 - share0) * total },
];
/** x range (m) of a cell */
const xRange = (g: Parameters<typeof extent>[0]) => {
  const [w, s, e, n] = extent(g)!;
  return [xy([w, s])[0], xy([e, n])[0]];
};

describe('powerPartition', () => {
  test('equal targets: the plain Voronoi split at x = 1000 m, no Newton step needed', () => {
    const r = powerPartition(region, sites(0.5), { plane: P });
    expect(r.iterations).toBe(0);
    expect(r.maxRelError).toBeLessThan(1e-6);
    const [a0, a1] = xRange(r.cells[0]!);
    expect(a0).toBeCloseTo(0, 3);
    expect(a1).toBeCloseTo(1000, 3);
    expect(r.movedParts).toBe(0);
  });

  test('targets 1 : 3 move the boundary to x = 500 m, i.e. w_a − w_b = −10⁶ m²', () => {
    // bisector: 2(p_b − p_a)·x = |p_b|² − |p_a|² + w_a − w_b → 2000 x = 2·10⁶ + (w_a − w_b)
    const r = powerPartition(region, sites(0.25), { plane: P });
    expect(r.iterations).toBeGreaterThan(0);
    expect(r.maxRelError).toBeLessThanOrEqual(5e-4);
    expect(r.areasM2[0]! / total).toBeCloseTo(0.25, 3);
    expect(xRange(r.cells[0]!)[1]).toBeGreaterThan(499);
    expect(xRange(r.cells[0]!)[1]).toBeLessThan(501);
    expect(r.weights[0]! - r.weights[1]!).toBeGreaterThan(-1e6 - 2000);
    expect(r.weights[0]! - r.weights[1]!).toBeLessThan(-1e6 + 2000);
    expect(geometryArea(r.cells[0]!) + geometryArea(r.cells[1]!)).toBeCloseTo(total, 0);
  });

  test('a site outside the region is an error', () => {
    expect(() => powerPartition(region, [sites(0.5)[0]!, { id: 'c', point: ll(3000, 500), targetM2: total / 2 }], { plane: P })).toThrow(/outside/);
  });
});
