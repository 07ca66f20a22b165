import { describe, expect, test } from 'vitest';
import { douglasPeucker, douglasPeuckerKeep, segmentDistance, type XY } from '../../../scripts/geodata/douglas-peucker';

describe('segmentDistance', () => {
  test('perpendicular inside the segment, to the nearest end outside it, to the point if degenerate', () => {
    expect(segmentDistance([0, 1], [-1, 0], [1, 0])).toBe(1);
    expect(segmentDistance([4, 3], [0, 0], [1, 0])).toBeCloseTo(Math.hypot(3, 3), 12);
    expect(segmentDistance([3, 4], [0, 0], [0, 0])).toBe(5);
  });
});

describe('douglasPeucker', () => {
  // P2 is 3 from the chord P0–P4; then P1 is 2.6/√13 ≈ 0.721 from P0–P2 and P3 is 2.8/√13 ≈ 0.777
  // from P2–P4 (worked by hand).
  const pts: XY[] = [[0, 0], [1, 0.2], [2, 3], [3, 0.1], [4, 0]];
  test('keeps a vertex only if it is farther than the tolerance from its chord', () => {
    expect(douglasPeucker(pts, 1)).toEqual([true, false, true, false, true]);
    expect(douglasPeucker(pts, 0.75)).toEqual([true, false, true, true, true]);
    expect(douglasPeucker(pts, 0.5)).toEqual([true, true, true, true, true]);
    expect(douglasPeucker(pts, 3)).toEqual([true, false, false, false, true]);
  });

  test('measures to the chord segment, not its line: a spike past the end is kept', () => {
    // P1 is 1 from the line through P0–P2 but √5 ≈ 2.24 from the segment
    expect(douglasPeucker([[0, 0], [12, 1], [10, 0]], 1.5)).toEqual([true, true, true]);
  });

  test('two points or fewer are kept as they are', () => {
    expect(douglasPeucker([[0, 0], [1, 1]], 10)).toEqual([true, true]);
    expect(douglasPeucker([[0, 0]], 10)).toEqual([true]);
  });

  test('douglasPeuckerKeep marks only inside the given range', () => {
    const keep = pts.map(() => false);
    douglasPeuckerKeep(pts, 0, 2, 0.5, keep);
    expect(keep).toEqual([false, true, false, false, false]);
  });
});
