// The pure parts of gaps.ts: grouping Clipper's rings into polygons, seam edges and the pieces
// they join (corner contacts do not), the shortfall.
import { Clipper, ClipType, FillRule, PolyTree64, type Paths64 } from '@countertype/clipper2-ts';
import { describe, expect, it } from 'vitest';
import { differencePolygons, groupPolygons, seamComponents, seamEdges, shortfall } from '../../../src/coverage/gaps';
import { square } from '../../../src/coverage/cut';

describe('groupPolygons', () => {
  // A cell (triangle) minus a plan piece inside it: clipper2-ts 1.5.4's PolyTree puts the hole
  // beside its outer ring instead of under it; the grouping must not.
  const cell: Paths64 = [[{ x: 0, y: 15686490 }, { x: -25118756, y: 31389202 }, { x: -11625209, y: 608962 }, { x: 0, y: 1683687 }]];
  const piece: Paths64 = [[{ x: -18835688, y: 17056844 }, { x: -4750555, y: 18656247 }, { x: -14856097, y: 24973614 }, { x: -20748168, y: 21419418 }]];
  it('keeps a hole with its outer ring where PolyTree does not', () => {
    const tree = new PolyTree64();
    Clipper.booleanOpWithPolyTree(ClipType.Difference, cell, piece, tree, FillRule.NonZero);
    expect(tree.count).toBe(2); // the library's answer this grouping works around
    const polys = differencePolygons(cell, piece);
    expect(polys).toHaveLength(1);
    expect(polys[0]!.map((r) => Math.sign(Clipper.area(r)))).toEqual([1, -1]);
  });
  it('gives each hole to the smallest outer ring holding it (islands in holes are polygons)', () => {
    const withIsland = Clipper.difference([square(0, 0, 100, 100), square(200, 0, 300, 100)], [square(40, 40, 60, 60), square(220, 20, 240, 40)], FillRule.NonZero);
    const polys = groupPolygons([...withIsland, square(45, 45, 55, 55)]);
    expect(polys.map((p) => p.length).sort()).toEqual([1, 2, 2]);
    // The hole at 40..60 belongs to the square at 0..100, not to the other one.
    const first = polys.find((p) => p.length === 2 && Clipper.getBounds(p[0]!).left === 0)!;
    expect(Clipper.getBounds(first[1]!).left).toBe(40);
  });
});

describe('seams', () => {
  const left = { minX: 0, minY: 0, maxX: 100, maxY: 100 };
  const right = { minX: 100, minY: 0, maxX: 200, maxY: 100 };
  it('finds the edges on the square sides', () => {
    expect(seamEdges([square(50, 0, 100, 40)], left)).toEqual(expect.arrayContaining([
      { vertical: true, line: 100, lo: 0, hi: 40 },
      { vertical: false, line: 0, lo: 50, hi: 100 },
    ]));
    expect(seamEdges([square(10, 10, 20, 20)], left)).toEqual([]);
  });
  it('joins pieces sharing a stretch of seam, not pieces meeting at a corner', () => {
    const a = { seams: seamEdges([square(50, 0, 100, 40)], left) };
    const b = { seams: seamEdges([square(100, 20, 150, 35)], right) }; // shares x = 100, y 20..35 with a
    const c = { seams: seamEdges([square(100, 40, 120, 80)], right) }; // meets a at (100, 40) only
    const d = { seams: seamEdges([square(0, 60, 100, 100)], left) }; // shares x = 100, y 60..80 with c
    expect(seamComponents([a, b]).map((g) => g.sort())).toEqual([[0, 1]]);
    expect(seamComponents([a, c]).length).toBe(2);
    expect(seamComponents([a, b, c, d]).map((g) => g.sort()).sort()).toEqual([[0, 1], [2, 3]]);
  });
});

it('shortfall is what the target still needs, never negative', () => {
  expect(shortfall(0.8, 1000, 500)).toBe(300);
  expect(shortfall(0.8, 1000, 900)).toBe(0);
});
