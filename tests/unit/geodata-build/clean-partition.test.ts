import { describe, expect, test } from 'vitest';
import { geometryArea } from '../../../src/geo/area';
import { cleanPartition } from '../../../scripts/geodata/clean-partition';
import { P, ll, rectM } from './helpers';

describe('cleanPartition', () => {
  test('an overlap goes to the earlier polygon', () => {
    // A 200 × 100 m and B 200 × 100 m overlap in the 100 × 100 m square x ∈ [100, 200]
    const A = rectM(0, 0, 200, 100);
    const B = rectM(100, 0, 300, 100);
    const r = cleanPartition([A, B], P);
    expect(geometryArea(r.geometries[0]!)).toBeCloseTo(geometryArea(A), 3);
    expect(geometryArea(r.geometries[1]!)).toBeCloseTo(geometryArea(rectM(200, 0, 300, 100)), 3);
    expect(r.overlapM2).toBeCloseTo(geometryArea(rectM(100, 0, 200, 100)), 3);
    expect(r.overlapM2).toBeGreaterThan(9_990); // ≈ 10 000 m²; the plane is within 0.1% of true metres
    expect(r.overlapM2).toBeLessThan(10_010);
    expect(r.slivers).toEqual([]);
  });

  test('an enclosed sliver goes to the neighbour sharing most of its boundary', () => {
    // A: 400 × 100 m. B sits on top, touching A only at both ends, leaving a 300 × 10 m gap:
    // the gap's bottom (300 m) borders A, its top and sides (300 + 10 + 10 m) border B.
    const A = rectM(0, 0, 400, 100);
    const B = {
      type: 'Polygon' as const,
      coordinates: [[ll(0, 100), ll(50, 100), ll(50, 110), ll(350, 110), ll(350, 100), ll(400, 100), ll(400, 200), ll(0, 200), ll(0, 100)]],
    };
    const r = cleanPartition([A, B], P);
    expect(r.overlapM2).toBeCloseTo(0, 3);
    expect(r.slivers).toHaveLength(1);
    expect(r.slivers[0]!.assignedTo).toBe(1);
    expect(r.slivers[0]!.areaM2).toBeCloseTo(geometryArea(rectM(50, 100, 350, 110)), 3);
    expect(geometryArea(r.geometries[0]!)).toBeCloseTo(geometryArea(A), 3);
    expect(geometryArea(r.geometries[1]!)).toBeCloseTo(geometryArea(rectM(0, 100, 400, 200)), 3);
    expect(r.geometries[1]!.type === 'Polygon' && r.geometries[1]!.coordinates.length).toBe(1); // no hole left
  });

  test('a polygon entirely inside earlier ones is an error', () => {
    expect(() => cleanPartition([rectM(0, 0, 100, 100), rectM(10, 10, 20, 20)], P)).toThrow(/entirely inside/);
  });
});
