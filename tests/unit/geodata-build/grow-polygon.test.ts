import { describe, expect, test } from 'vitest';
import type { Rng } from '../../../src/geo/prng';
import { blobPolygon, blobRing, growToArea, randomBlobShape, type BlobShape } from '../../../scripts/geodata/grow-polygon';
import { P, ll, shoelace, xy } from './helpers';

/** a plain ellipse (circle by default) with 8 vertices, overridden by `s` */
const round = (s: Partial<BlobShape> = {}): BlobShape => ({ aspect: 1, rotationDeg: 0, squareness: 2, wobble: [], vertices: 8, ...s });

describe('blobRing', () => {
  test('aspect 1, squareness 2, no wobble: a regular polygon on the circle of the radius', () => {
    const ring = blobRing(P, ll(0, 0), 100, round()).map(xy);
    expect(ring).toHaveLength(9);
    expect(ring[8]).toEqual(ring[0]);
    for (const [x, y] of ring) expect(Math.hypot(x, y)).toBeCloseTo(100, 6);
    expect(ring[0]![0]).toBeCloseTo(100, 6);
    expect(ring[2]![1]).toBeCloseTo(100, 6);
  });

  test('aspect stretches to r·√a by r/√a; rotation turns it counter-clockwise', () => {
    const flat = blobRing(P, ll(0, 0), 100, round({ aspect: 4 })).map(xy);
    expect(flat[0]![0]).toBeCloseTo(200, 6); // 100·√4
    expect(flat[2]![1]).toBeCloseTo(50, 6); // 100/√4
    const turned = blobRing(P, ll(0, 0), 100, round({ aspect: 4, rotationDeg: 90 })).map(xy);
    expect(turned[0]![0]).toBeCloseTo(0, 6);
    expect(turned[0]![1]).toBeCloseTo(200, 6);
  });

  test('with many vertices the area tends to π r²', () => {
    const g = blobPolygon(P, ll(0, 0), 100, round({ vertices: 360 }));
    // regular 360-gon: (n/2) r² sin(2π/n) = 180 · 10⁴ · sin 1° ≈ 31 414.3 m²
    expect(shoelace(g.coordinates[0]!.map(xy))).toBeCloseTo(180 * 1e4 * Math.sin(Math.PI / 180), 3);
  });
});

describe('randomBlobShape', () => {
  const half: Rng = { next: () => 0.5, range: (lo, hi) => lo + (hi - lo) / 2, int: (lo) => lo };
  test('draws each parameter from its range; given options win', () => {
    const s = randomBlobShape(half);
    expect(s.aspect).toBeCloseTo(1.5, 12);
    expect(s.rotationDeg).toBeCloseTo(90, 12);
    expect(s.squareness).toBeCloseTo(4, 12);
    expect(s.vertices).toBe(40);
    const expected = [[2, 0.05, Math.PI], [3, 0.035, Math.PI], [5, 0.02, Math.PI]];
    expect(s.wobble).toHaveLength(3);
    s.wobble.forEach((w, i) => w.forEach((v, k) => expect(v).toBeCloseTo(expected[i]![k]!, 12)));
    expect(randomBlobShape(half, { aspect: 3, vertices: 12 })).toMatchObject({ aspect: 3, rotationDeg: 90, vertices: 12 });
  });
});

describe('growToArea', () => {
  const square = (r: number) => r; // "geometry" = half side; area (2r)²
  const area = (r: number) => (2 * r) ** 2;
  test('bisects the radius until the area is within tolerance', () => {
    const r = growToArea(square, area, 400, { tolerance: 0.001 })!;
    expect(Math.abs(r.areaM2 - 400)).toBeLessThanOrEqual(0.4);
    expect(r.radiusM).toBeCloseTo(10, 1);
    expect(r.ratio).toBeCloseTo(1, 2);
  });
  test('returns the closest result when the target cannot be reached, null when nothing grows', () => {
    const capped = growToArea((r) => Math.min(r, 5), area, 400)!;
    expect(capped.areaM2).toBe(100);
    expect(capped.ratio).toBe(0.25);
    expect(growToArea(() => null, area, 400)).toBeNull();
  });
});
