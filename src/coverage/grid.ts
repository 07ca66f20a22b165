// Split each unit into grid cells (unit ∩ square), built once per unit set. Cells make one plan
// edit cost only the few cells its bbox touches instead of a whole unit's union.
// Clipping is always Clipper.intersect with the square as a path: clipper2-ts 1.5.4's rectClip
// drops corners on some cells (measured: up to half a cell's area lost), so it is not used.
import { Clipper, FillRule, type Path64, type Paths64 } from '@countertype/clipper2-ts';
import type { Frame } from './frame';
import { pathsArea } from './measure';
import type { PlaneBBox, PlaneGeometry } from './repair';
import { clipLeftOfAll, EMPTY, insidePacked, insidePaths, orient, ringArea, segmentMeetsPacked, splitPacked } from './cut';
import { pack, unpack, type Packed } from './packed';
import * as Clip from '../geo/clip';

/** Default cell edge: ~400 m keeps unions small (tens of plan pieces) at register densities. */
export const DEFAULT_CELL_METRES = 400;

export interface Cell {
  unit: number;
  /** the grid square as a path */
  rect: Path64;
  rectBox: PlaneBBox;
  /** unit ∩ rect, NonZero-normalised */
  geom: Paths64;
  /** true when the cell is the whole square: plan pieces need only a rect clip */
  interior: boolean;
  /** planar area (plane units²), for cheap "piece fills the cell" tests */
  area64: number;
  /**
   * Planar area below which a gap in a cell is rounding, not a gap: a strip one grid unit
   * (0.01 mm) wide along the cell's outline. Without it a plan identical to the unit covers
   * 0.9999999 of it (rounded intersection points; float sums of ~1e16 products).
   */
  slack64: number;
  /** ellipsoidal area, m² */
  area_m2: number;
  bbox: PlaneBBox;
  /**
   * The unit's boundary inside the square: edges of `geom` not lying on the square's sides, as
   * x0, y0, x1, y1 quadruples; null for interior cells. A plan part whose bbox meets none of them is
   * wholly inside or wholly outside the cell, so it needs no Clipper intersection (pieceInCell).
   */
  cuts: Int32Array | null;
  /** one convex ring (then a plan part is cut by the lines of `cuts`, no Clipper needed) */
  convex: boolean;
  /**
   * A non-convex cell as convex polygons (a triangulation with diagonals removed while the
   * polygons stay convex): for each, its edges off the square's sides as directed lines
   * (x0, y0, x1, y1, …; the polygon on their left). A part crossing the unit's boundary is cut by
   * each polygon's lines and the results put together, without Clipper. Null: not decomposed
   * (convex, interior, holes or several rings: Clipper).
   */
  convexParts: Int32Array[] | null;
}

/** Key of the grid square (gx, gy) (|gx|, |gy| < 2^15 in any frame: coordinates stay within ±2^30). */
export function squareKey(gx: number, gy: number): number {
  return (gx + 32768) * 65536 + (gy + 32768);
}

function makeCell(unitIndex: number, frame: Frame, geom: Paths64, x0: number, y0: number, x1: number, y1: number): Cell | null {
  const area64 = Clipper.areaPaths(geom);
  if (area64 <= 0) return null;
  const b = Clipper.getBoundsPaths(geom);
  return {
    unit: unitIndex,
    rect: square(x0, y0, x1, y1),
    rectBox: { minX: x0, minY: y0, maxX: x1, maxY: y1 },
    geom,
    interior: isSquare(geom, x0, y0, x1, y1),
    area64,
    slack64: perimeter(geom),
    area_m2: isSquare(geom, x0, y0, x1, y1) ? squareArea(frame, x0, y0, x1, y1) : pathsArea(geom, frame),
    bbox: { minX: b.left, minY: b.top, maxX: b.right, maxY: b.bottom },
    cuts: isSquare(geom, x0, y0, x1, y1) ? null : boundaryCuts(geom, x0, y0, x1, y1),
    convex: isConvex(geom),
    convexParts: isSquare(geom, x0, y0, x1, y1) || isConvex(geom) ? null : convexDecomposition(geom, x0, y0, x1, y1),
  };
}

/** Whole squares of one row have one area (a lon/lat rectangle's area depends on its latitudes only). */
const squareAreas = new WeakMap<Frame, Map<string, number>>();
function squareArea(frame: Frame, x0: number, y0: number, x1: number, y1: number): number {
  let m = squareAreas.get(frame);
  if (!m) squareAreas.set(frame, (m = new Map()));
  const key = `${x1 - x0},${y0},${y1}`;
  let a = m.get(key);
  if (a === undefined) m.set(key, (a = pathsArea([square(x0, y0, x1, y1)], frame)));
  return a;
}

/** One counter-clockwise ring turning left (or straight) at every vertex. */
function isConvex(geom: Paths64): boolean {
  const p = geom[0];
  if (geom.length !== 1 || !p || p.length < 3 || Clipper.area(p) <= 0) return false;
  for (let i = 0; i < p.length; i++) {
    const a = p[(i + p.length - 1) % p.length]!;
    const b = p[i]!;
    const c = p[(i + 1) % p.length]!;
    if (orient(a.x, a.y, b.x, b.y, c.x, c.y) < 0) return false;
  }
  return true;
}

/** See Cell.convexParts. Null when the geometry is not one simple counter-clockwise ring. */
function convexDecomposition(geom: Paths64, x0: number, y0: number, x1: number, y1: number): Int32Array[] | null {
  const ring = geom[0];
  if (geom.length !== 1 || !ring || ring.length < 4 || Clipper.area(ring) <= 0) return null;
  const pt = ring;
  const o = (a: number, b: number, c: number): number => orient(pt[a]!.x, pt[a]!.y, pt[b]!.x, pt[b]!.y, pt[c]!.x, pt[c]!.y);
  // Ear clipping (exact predicates): an ear is a convex vertex whose triangle holds no other vertex.
  const idx = ring.map((_, i) => i);
  const polys: number[][] = [];
  let guard = 0;
  while (idx.length > 3) {
    if (++guard > 10_000) return null;
    let cut = false;
    for (let i = 0; i < idx.length; i++) {
      const a = idx[(i + idx.length - 1) % idx.length]!;
      const b = idx[i]!;
      const c = idx[(i + 1) % idx.length]!;
      const turn = o(a, b, c);
      if (turn === 0) {
        // A straight vertex: drop it (it stays a vertex of the neighbouring polygon's edge).
        idx.splice(i, 1);
        cut = true;
        break;
      }
      if (turn < 0) continue;
      let ear = true;
      for (const j of idx) {
        if (j === a || j === b || j === c) continue;
        if (o(a, b, j) >= 0 && o(b, c, j) >= 0 && o(c, a, j) >= 0) {
          ear = false;
          break;
        }
      }
      if (!ear) continue;
      polys.push([a, b, c]);
      idx.splice(i, 1);
      cut = true;
      break;
    }
    if (!cut) return null;
  }
  if (idx.length === 3 && o(idx[0]!, idx[1]!, idx[2]!) > 0) polys.push([...idx]);
  // A straight vertex dropped above is still on its neighbour's edge: the decomposition must
  // cover the ring, so check the areas add up.
  // Hertel–Mehlhorn: merge neighbours across a shared diagonal while the result stays convex.
  const convexPoly = (p: number[]): boolean => p.every((_, i) => o(p[(i + p.length - 1) % p.length]!, p[i]!, p[(i + 1) % p.length]!) >= 0);
  for (let merged = true; merged; ) {
    merged = false;
    outer: for (let i = 0; i < polys.length; i++) {
      for (let j = i + 1; j < polys.length; j++) {
        const P = polys[i]!, Q = polys[j]!;
        for (let a = 0; a < P.length; a++) {
          const u = P[a]!, v = P[(a + 1) % P.length]!;
          const b = Q.findIndex((q, k) => q === v && Q[(k + 1) % Q.length] === u);
          if (b < 0) continue;
          // P: … u v …, Q: … v u …  →  P up to u, then Q after u round to v, then P after v.
          const m: number[] = [];
          for (let k = 0; k < P.length; k++) {
            m.push(P[(a + 1 + k) % P.length]!); // v … u
          }
          for (let k = 2; k < Q.length; k++) m.push(Q[(b + k) % Q.length]!); // after u … before v
          if (!convexPoly(m)) continue;
          polys[i] = m;
          polys.splice(j, 1);
          merged = true;
          break outer;
        }
      }
    }
  }
  let sum = 0;
  for (const p of polys) sum += Clipper.area(p.map((k) => pt[k]!));
  if (Math.abs(sum - Clipper.area(ring)) > 1e-9 * Math.abs(sum) + 1) return null;
  return polys.map((p) => {
    const lines: number[] = [];
    for (let k = 0; k < p.length; k++) {
      const a = pt[p[k]!]!, b = pt[p[(k + 1) % p.length]!]!;
      const onSide = (a.x === b.x && (a.x === x0 || a.x === x1)) || (a.y === b.y && (a.y === y0 || a.y === y1));
      if (!onSide) lines.push(a.x, a.y, b.x, b.y);
    }
    return Int32Array.from(lines);
  });
}

/** Edges of a cell's geometry that do not lie on its square's sides (see Cell.cuts). */
function boundaryCuts(geom: Paths64, x0: number, y0: number, x1: number, y1: number): Int32Array {
  const out: number[] = [];
  for (const p of geom) for (let i = 0; i < p.length; i++) {
    const a = p[i]!;
    const b = p[(i + 1) % p.length]!;
    const onSide = (a.x === b.x && (a.x === x0 || a.x === x1)) || (a.y === b.y && (a.y === y0 || a.y === y1));
    if (!onSide) out.push(a.x, a.y, b.x, b.y);
  }
  return Int32Array.from(out);
}

export function buildCells(unit: PlaneGeometry, unitIndex: number, frame: Frame, cellMetres = DEFAULT_CELL_METRES): Cell[] {
  const size = Math.max(1, Math.round(cellMetres * frame.unitsPerMetre));
  const cells: Cell[] = [];
  // Cut along the grid by bisection (linear half-plane cuts: O(n log n) for any unit, where a
  // Clipper intersection per column strip and per square cost ~0.5 s for the 17 units). The cuts
  // keep the unit's simple, NonZero-oriented rings simple and oriented (they may touch along a
  // square's side, which neither Clipper nor the tests below mind).
  splitPacked(pack(unit.paths), size, (gx, gy, part) => {
    const x0 = gx * size, y0 = gy * size, x1 = x0 + size, y1 = y0 + size;
    const c = makeCell(unitIndex, frame, unpack(part), x0, y0, x1, y1);
    if (c !== null) cells.push(c);
  }, () => true);
  return cells;
}

function isSquare(geom: Paths64, x0: number, y0: number, x1: number, y1: number): boolean {
  const p = geom[0];
  return geom.length === 1 && !!p && p.length === 4 && p.every((q) => (q.x === x0 || q.x === x1) && (q.y === y0 || q.y === y1));
}

function perimeter(paths: Paths64): number {
  let s = 0;
  for (const p of paths) for (let i = 0; i < p.length; i++) {
    const a = p[i]!;
    const b = p[(i + 1) % p.length]!;
    s += Math.hypot(b.x - a.x, b.y - a.y);
  }
  return s;
}

function square(x0: number, y0: number, x1: number, y1: number): Path64 {
  return [{ x: x0, y: y0 }, { x: x1, y: y0 }, { x: x1, y: y1 }, { x: x0, y: y1 }];
}

function inside(b: PlaneBBox, box: PlaneBBox): boolean {
  return b.minX >= box.minX && b.maxX <= box.maxX && b.minY >= box.minY && b.maxY <= box.maxY;
}

/**
 * A plan's part inside the cell's square (as splitPacked gives it) clipped to the cell: itself in
 * an interior cell; in a cell on the unit's boundary, itself or nothing when its bbox meets none of
 * the boundary's edges (the bbox centre, off every cut, says which side); cut by the boundary's
 * lines in a convex cell; else itself or nothing when no boundary edge meets it and each of its
 * components is on one side, and Clipper's intersection otherwise.
 */
export function piecePacked(cell: Cell, part: Packed, partBox: PlaneBBox): Packed {
  const cuts = cell.cuts;
  if (cuts === null) return part;
    let near = false;
  for (let i = 0; i < cuts.length; i += 4) {
    const ax = cuts[i]!, ay = cuts[i + 1]!, bx = cuts[i + 2]!, by = cuts[i + 3]!;
    if (Math.max(ax, bx) < partBox.minX || Math.min(ax, bx) > partBox.maxX || Math.max(ay, by) < partBox.minY || Math.min(ay, by) > partBox.maxY) continue;
    near = true;
    break;
  }
  if (partBox.maxX <= partBox.minX || partBox.maxY <= partBox.minY) return EMPTY;
  if (!near) {
    // The whole bbox is on one side of the unit's boundary: its centre (on no cut and strictly
    // inside the square) says which.
    return insidePaths(cell.geom, partBox.minX + partBox.maxX, partBox.minY + partBox.maxY) ? part : EMPTY;
  }
  if (cell.convex) {
    // The cell is the square ∩ the half-planes left of its boundary edges (a CCW ring).
    return clipLeftOfAll(part, cuts) ?? clipperPiece(cell, part);
  }
  for (let i = 0; i < cuts.length; i += 4) {
    // The unit's boundary crosses or touches the part: cut it by each convex part of the cell.
    if (segmentMeetsPacked(cuts[i]!, cuts[i + 1]!, cuts[i + 2]!, cuts[i + 3]!, part)) return (cell.convexParts ? byConvexParts(part, cell.convexParts) : null) ?? clipperPiece(cell, part);
  }
  // The boundary passes through the bbox without meeting the part: either a piece of it (a hole
  // of the unit) lies inside the part — Clipper — or each connected component of the part (an
  // outer ring with its holes) is wholly on one side, which the midpoint of any of its edges off
  // the square's sides tells. All on one side: the part or nothing; else Clipper.
  for (let i = 0; i < cuts.length; i += 4) {
    if (insidePacked(part, 2 * cuts[i]!, 2 * cuts[i + 1]!)) return clipperPiece(cell, part);
  }
  const { minX: x0, minY: y0, maxX: x1, maxY: y1 } = cell.rectBox;
  const { xy, ends } = part;
  let side = 0;
  let start = 0;
  for (let r = 0; r < ends.length; r++) {
    const end = ends[r]!;
    if (ringArea(xy, start, end) > 0) {
      let s = 0;
      for (let v = start; v < end && s === 0; v++) {
        const w = v + 1 < end ? v + 1 : start;
        const ax = xy[2 * v]!, ay = xy[2 * v + 1]!, bx = xy[2 * w]!, by = xy[2 * w + 1]!;
        const onSide = (ax === bx && (ax === x0 || ax === x1)) || (ay === by && (ay === y0 || ay === y1));
        if (onSide || (ax === bx && ay === by)) continue;
        s = insidePaths(cell.geom, ax + bx, ay + by) ? 1 : -1;
      }
      if (s === 0 || (side !== 0 && s !== side)) return clipperPiece(cell, part);
      side = s;
    }
    start = end;
  }
  return side > 0 ? part : side < 0 ? EMPTY : clipperPiece(cell, part);
}

/** The general case: Clipper's intersection of the part with the cell. */
function clipperPiece(cell: Cell, part: Packed): Packed {
  return pack(Clip.intersect(unpack(part), cell.geom, FillRule.NonZero));
}

/** The part cut by each convex polygon's lines, the pieces put together (they touch along diagonals). */
function byConvexParts(part: Packed, parts: readonly Int32Array[]): Packed | null {
  const pieces: Packed[] = [];
  for (const lines of parts) {
    const r = clipLeftOfAll(part, lines);
    if (r === null) return null;
    // A view into a reused buffer (or the part itself): copied before the next convex part.
    if (r.ends.length > 0) pieces.push({ xy: r.xy.slice(), ends: r.ends.slice() });
  }
  if (pieces.length === 0) return EMPTY;
  if (pieces.length === 1) return pieces[0]!;
  let n = 0;
  for (const p of pieces) n += p.xy.length;
  const xy = new Int32Array(n);
  const ends: number[] = [];
  let k = 0;
  for (const p of pieces) {
    xy.set(p.xy, k);
    for (const e of p.ends) ends.push(e + (k >> 1));
    k += p.xy.length;
  }
  return { xy, ends };
}
