import { describe, expect, test } from 'vitest';
import { mulberry32 } from '../../../src/geo/prng';
import { rotatedGrid, rotatedRect } from '../../../scripts/geodata/plan-tiling';
import { P, ll, xy } from './helpers';

const ringXY = (ring: number[][]) => ring.map((p) => xy(p).map((v) => Math.round(v * 1e6) / 1e6 + 0));

describe('rotatedRect', () => {
  test('200 × 100 m about the centre; 90° turns it counter-clockwise', () => {
    expect(ringXY(rotatedRect(P, ll(0, 0), 200, 100, 0).coordinates[0]!)).toEqual([[-100, -50], [100, -50], [100, 50], [-100, 50], [-100, -50]]);
    expect(ringXY(rotatedRect(P, ll(0, 0), 200, 100, 90).coordinates[0]!)).toEqual([[50, -100], [50, 100], [-50, 100], [-50, -100], [50, -100]]);
  });
});

describe('rotatedGrid', () => {
  const [w, s] = ll(10, 10);
  const [e, n] = ll(250, 150);
  const bbox = [w!, s!, e!, n!] as const;

  test('without jitter: 100 m squares on the grid through the origin, one ring of cells beyond the bbox', () => {
    // columns floor(10/100) − 1 = −1 … ceil(250/100) = 3, rows −1 … ceil(150/100) = 2: 5 × 4 cells
    const cells = rotatedGrid(P, bbox, ll(0, 0), 0, 100, 100, mulberry32(1), 0);
    expect(cells).toHaveLength(20);
    expect(cells.map((c) => [c.row, c.col])).toEqual([-1, 0, 1, 2].flatMap((r) => [-1, 0, 1, 2, 3].map((c) => [r, c])));
    const c = cells.find((x) => x.row === 0 && x.col === 1)!;
    expect(ringXY(c.polygon.coordinates[0]!)).toEqual([[100, 0], [200, 0], [200, 100], [100, 100], [100, 0]]);
    expect(xy(c.center).map((v) => Math.round(v * 1e6) / 1e6)).toEqual([150, 50]);
  });

  test('with jitter: nodes move at most jitter·√2, neighbours share them exactly; same seed, same grid', () => {
    const cells = rotatedGrid(P, bbox, ll(0, 0), 30, 100, 80, mulberry32('grid'), 10);
    const at = (r: number, c: number) => cells.find((x) => x.row === r && x.col === c)!.polygon.coordinates[0]!;
    // ring: node(r,c), node(r,c+1), node(r+1,c+1), node(r+1,c)
    expect(at(0, 1)[0]).toEqual(at(0, 0)[1]);
    expect(at(1, 0)[0]).toEqual(at(0, 0)[3]);
    expect(at(1, 1)[0]).toEqual(at(0, 0)[2]);
    const rot = (30 * Math.PI) / 180;
    for (const cell of cells) {
      const [x, y] = xy(cell.polygon.coordinates[0]![0]!);
      const gx = cell.col * 100;
      const gy = cell.row * 80;
      const [ex, ey] = [gx * Math.cos(rot) - gy * Math.sin(rot), gx * Math.sin(rot) + gy * Math.cos(rot)];
      expect(Math.hypot(x - ex, y - ey)).toBeLessThanOrEqual(10 * Math.SQRT2 + 1e-6);
    }
    expect(rotatedGrid(P, bbox, ll(0, 0), 30, 100, 80, mulberry32('grid'), 10)).toEqual(cells);
  });
});
