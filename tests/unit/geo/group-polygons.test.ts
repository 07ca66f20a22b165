// groupPolygons (src/geo/group-polygons.ts): past 32 outer rings a hole looks for its owner through
// a bounding-box index; the polygons must be exactly those of testing every ring in turn.
import { Clipper, FillRule, PointInPolygonResult, type Path64, type Paths64 } from '@countertype/clipper2-ts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupPolygons } from '../../../src/geo/group-polygons.ts';

/** The grouping without the index: every outer ring by increasing area, the first holding the hole. */
function plainScan(paths: Paths64): Paths64[] {
  const outers: { ring: Path64; area: number; holes: Path64[] }[] = [];
  const holes: Path64[] = [];
  for (const r of paths) {
    const a = Clipper.area(r);
    if (a > 0) outers.push({ ring: r, area: a, holes: [] });
    else if (a < 0) holes.push(r);
  }
  outers.sort((x, y) => x.area - y.area);
  for (const h of holes) {
    const owner = outers.find((o) => {
      for (const p of h) {
        const at = Clipper.pointInPolygon(p, o.ring);
        if (at !== PointInPolygonResult.IsOn) return at === PointInPolygonResult.IsInside;
      }
      return false;
    });
    (owner ?? outers[outers.length - 1])?.holes.push(h);
  }
  return outers.map((o) => [o.ring, ...o.holes]);
}

const square = (x: number, y: number, s: number): Path64 => [{ x, y }, { x: x + s, y }, { x: x + s, y: y + s }, { x, y: y + s }];

describe('groupPolygons', () => {
  it('gives the same polygons with the index as testing every outer ring (nested squares, touching ones)', () => {
    // Squares on a coarse lattice: they nest (holes, islands in holes) and touch at corners and edges.
    const sq = fc.record({ x: fc.integer({ min: 0, max: 40 }), y: fc.integer({ min: 0, max: 40 }), s: fc.integer({ min: 1, max: 30 }) });
    fc.assert(
      fc.property(fc.array(sq, { minLength: 30, maxLength: 150 }), (squares) => {
        const paths = Clipper.union(squares.map(({ x, y, s }) => square(x * 10, y * 10, s * 10)), FillRule.EvenOdd);
        expect(groupPolygons(paths)).toEqual(plainScan(paths));
      }),
      { numRuns: 200 },
    );
  });
  it('a grid of squares with a hole each and an island in every other hole', () => {
    const paths: Paths64 = [];
    for (let i = 0; i < 20; i++) {
      for (let j = 0; j < 20; j++) {
        paths.push(square(i * 100, j * 100, 90), square(i * 100 + 10, j * 100 + 10, 70));
        if ((i + j) % 2 === 0) paths.push(square(i * 100 + 30, j * 100 + 30, 30));
      }
    }
    const result = Clipper.union(paths, FillRule.EvenOdd);
    const polys = groupPolygons(result);
    expect(polys).toEqual(plainScan(result));
    expect(polys.map((p) => p.length).sort()).toEqual([...Array(200).fill(1), ...Array(400).fill(2)].sort());
  });
});
