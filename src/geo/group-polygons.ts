// Clipper2 result rings grouped into polygons without Clipper's PolyTree. clipper2-ts 1.5.4's
// PolyTree sometimes puts a hole beside its outer ring instead of under it (seen on a triangle
// minus a quadrilateral inside it, and on even-odd unions of rings sharing vertices), and whoever
// reads the tree then takes the hole for a polygon of its own: its area counted instead of
// subtracted. The flat result's rings are right (outer rings positive, holes negative); only the
// nesting is wrong, so it is rebuilt here. Used by the coverage gaps and the import's repair.
import { Clipper, PointInPolygonResult, type Path64, type Paths64 } from '@countertype/clipper2-ts';
import Flatbush from 'flatbush';

interface Outer {
  ring: Path64;
  area: number;
  holes: Path64[];
}

/**
 * Above this many outer rings a hole tries only those whose bounding box meets its own (a Flatbush
 * index): the same owner, without testing every hole against every ring (a repair splitting a
 * polygon into 10,000 parts around 10,000 holes would otherwise take 10⁸ point-in-polygon tests).
 */
const INDEXED_OUTERS = 32;

/** A vertex of the hole strictly inside the outer ring (holes may touch their outer ring at a vertex). */
function holds(o: Outer, h: Path64): boolean {
  for (const p of h) {
    const at = Clipper.pointInPolygon(p, o.ring);
    if (at !== PointInPolygonResult.IsOn) return at === PointInPolygonResult.IsInside;
  }
  return false;
}

/**
 * A boolean operation's result paths (outer rings positive, holes negative, as Clipper returns them
 * whatever the fill rule) grouped into polygons: each hole goes to the smallest outer ring
 * containing it. Rings of zero area are dropped.
 */
export function groupPolygons(paths: Paths64): Paths64[] {
  const outers: Outer[] = [];
  const holes: Path64[] = [];
  for (const r of paths) {
    const a = Clipper.area(r);
    if (a > 0) outers.push({ ring: r, area: a, holes: [] });
    else if (a < 0) holes.push(r);
  }
  if (outers.length === 1) outers[0]!.holes.push(...holes);
  else {
    outers.sort((x, y) => x.area - y.area);
    let candidates = (_h: Path64): readonly Outer[] => outers;
    if (outers.length > INDEXED_OUTERS && holes.length > 0) {
      // A ring whose box misses the hole's box has none of its vertices inside: never the owner.
      const index = new Flatbush(outers.length);
      for (const o of outers) {
        const b = Clipper.getBounds(o.ring);
        index.add(b.left, b.top, b.right, b.bottom);
      }
      index.finish();
      candidates = (h) => {
        const b = Clipper.getBounds(h);
        // Indexes in insertion order are the rings by increasing area: the smallest holder first.
        return index.search(b.left, b.top, b.right, b.bottom).sort((x, y) => x - y).map((i) => outers[i]!);
      };
    }
    for (const h of holes) {
      const owner = candidates(h).find((o) => holds(o, h));
      // A hole no outer ring holds cannot come out of Clipper; kept with the largest rather than lost.
      (owner ?? outers[outers.length - 1])?.holes.push(h);
    }
  }
  return outers.map((o) => [o.ring, ...o.holes]);
}
