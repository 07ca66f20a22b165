// FROZEN COPY of the coverage engine as it was before issue 15 (commit 62d4163 plus the grid
// bisection then in the work tree), kept only so `npm run bench:coverage` can measure the old
// engine against the new one in the same run. Not used by the app; do not change.
// Split each unit into grid cells (unit ∩ square), built once per unit set. Cells make one plan
// edit cost only the few cells its bbox touches instead of a whole unit's union.
// Clipping is always Clipper.intersect with the square as a path: clipper2-ts 1.5.4's rectClip
// drops corners on some cells (measured: up to half a cell's area lost), so it is not used.
import { Clipper, FillRule, type Path64, type Paths64 } from '@countertype/clipper2-ts';
import type { Frame } from './frame';
import { pathsArea } from './measure';
import type { PlaneBBox, PlaneGeometry } from './repair';

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
}

/** Above this many vertices a geometry is cut by bisection (splitAlongGrid), not strip by strip. */
export const LARGE_VERTICES = 5_000;

export function vertexCount(paths: Paths64): number {
  let n = 0;
  for (const p of paths) n += p.length;
  return n;
}

/**
 * Calls `visit` for every grid square (edge `size`) the paths cover, with their part inside it.
 * Bisects along grid lines (the longer side first), so each vertex is clipped about log2(squares)
 * times: O(n log n) for a huge polygon, where clipping it once per square would be O(n × squares).
 * `wanted(x0, y0, x1, y1)` (plane coordinates) prunes regions without any cell of interest.
 */
export function splitAlongGrid(
  paths: Paths64,
  size: number,
  visit: (gx: number, gy: number, part: Paths64) => void,
  wanted: (x0: number, y0: number, x1: number, y1: number) => boolean = () => true,
): void {
  if (paths.length === 0) return;
  const b = Clipper.getBoundsPaths(paths);
  const go = (part: Paths64, gx0: number, gy0: number, gx1: number, gy1: number): void => {
    if (part.length === 0 || !wanted(gx0 * size, gy0 * size, gx1 * size, gy1 * size)) return;
    if (gx1 - gx0 === 1 && gy1 - gy0 === 1) {
      // The one Clipper operation per square: the pieces come out normalised as everywhere else.
      const piece = Clipper.intersect(part, [square(gx0 * size, gy0 * size, gx1 * size, gy1 * size)], FillRule.NonZero);
      if (piece.length > 0) visit(gx0, gy0, piece);
      return;
    }
    if (gx1 - gx0 >= gy1 - gy0) {
      const mid = (gx0 + ((gx1 - gx0) >> 1)) * size;
      go(clipHalfPlane(part, true, mid, true), gx0, gy0, mid / size, gy1);
      go(clipHalfPlane(part, true, mid, false), mid / size, gy0, gx1, gy1);
    } else {
      const mid = (gy0 + ((gy1 - gy0) >> 1)) * size;
      go(clipHalfPlane(part, false, mid, true), gx0, gy0, gx1, mid / size);
      go(clipHalfPlane(part, false, mid, false), gx0, mid / size, gx1, gy1);
    }
  };
  go(paths, Math.floor(b.left / size), Math.floor(b.top / size), Math.floor(b.right / size) + 1, Math.floor(b.bottom / size) + 1);
}

type Pt = { x: number; y: number };

/**
 * Clips every ring to the half-plane x < at (`below`, onX) or x ≥ at (and the same in y) in one
 * linear pass per ring; the two halves partition the plane (a vertex on the line goes above).
 * Each ring is cut into chains inside the half-plane, and the chains are joined along the line
 * pairwise in the order their cut points lie on it (inside a simple ring, the line alternates
 * between in and out at each crossing), so the results are simple rings with the input's
 * orientation — no zero-width bridges (Sutherland–Hodgman's), which clipper2-ts mis-reads. A ring
 * whose cut points do not pair up (rounding ties, a self-touching ring) is clipped by Clipper instead.
 * Cut points are rounded identically on both sides, so neighbouring squares share them.
 */
export function clipHalfPlane(paths: Paths64, onX: boolean, at: number, below: boolean): Paths64 {
  const out: Paths64 = [];
  const coord = (p: Pt): number => (onX ? p.x : p.y);
  const along = (p: Pt): number => (onX ? p.y : p.x);
  const kept = (p: Pt): boolean => (below ? coord(p) < at : coord(p) >= at);
  const cut = (s: Pt, e: Pt): Pt => {
    // Always interpolate from the lower end so both halves round the same way.
    const [a, c] = coord(s) <= coord(e) ? [s, e] : [e, s];
    if (coord(c) === at) return c;
    if (coord(a) === at) return a;
    if (onX) return { x: at, y: Math.round(a.y + ((at - a.x) * (c.y - a.y)) / (c.x - a.x)) };
    return { x: Math.round(a.x + ((at - a.y) * (c.x - a.x)) / (c.y - a.y)), y: at };
  };
  for (const path of paths) {
    const n = path.length;
    if (n < 3) continue;
    let first = -1;
    let anyKept = false;
    for (let i = 0; i < n; i++) {
      if (kept(path[i]!)) anyKept = true;
      else if (first < 0) first = i;
    }
    if (!anyKept) continue;
    if (first < 0) {
      out.push(path);
      continue;
    }
    // Chains of kept vertices, each from its entry cut point to its exit cut point.
    const chains: Path64[] = [];
    let chain: Path64 | null = null;
    for (let k = 1; k <= n; k++) {
      const s = path[(first + k - 1) % n]!;
      const e = path[(first + k) % n]!;
      const sIn = kept(s);
      const eIn = kept(e);
      if (!sIn && eIn) chain = [cut(s, e), e];
      else if (sIn && eIn) chain!.push(e);
      else if (sIn && !eIn) {
        chain!.push(cut(s, e));
        chains.push(chain!);
        chain = null;
      }
    }
    // Pair the cut points along the line: (1st, 2nd), (3rd, 4th), … each an exit and an entry.
    const ends: { t: number; chain: number; exit: boolean }[] = [];
    chains.forEach((c, i) => {
      ends.push({ t: along(c[0]!), chain: i, exit: false });
      ends.push({ t: along(c[c.length - 1]!), chain: i, exit: true });
    });
    ends.sort((a, b) => a.t - b.t || Number(a.exit) - Number(b.exit));
    const next = new Int32Array(chains.length).fill(-1);
    let consistent = true;
    for (let i = 0; i + 1 < ends.length; i += 2) {
      const a = ends[i]!;
      const b = ends[i + 1]!;
      if (a.exit === b.exit) {
        consistent = false;
        break;
      }
      const exit = a.exit ? a : b;
      const entry = a.exit ? b : a;
      next[exit.chain] = entry.chain;
    }
    if (!consistent) {
      const far = 2 ** 31;
      const half = onX
        ? below ? square(-far, -far, at, far) : square(at, -far, far, far)
        : below ? square(-far, -far, far, at) : square(-far, at, far, far);
      for (const p of Clipper.intersect([path], [half], FillRule.NonZero)) out.push(p);
      continue;
    }
    const done = new Uint8Array(chains.length);
    for (let c0 = 0; c0 < chains.length; c0++) {
      if (done[c0]) continue;
      const ring: Path64 = [];
      let c = c0;
      while (c >= 0 && !done[c]) {
        done[c] = 1;
        for (const p of chains[c]!) ring.push(p);
        c = next[c]!;
      }
      if (ring.length >= 3) out.push(ring);
    }
  }
  return out;
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
    area_m2: pathsArea(geom, frame),
    bbox: { minX: b.left, minY: b.top, maxX: b.right, maxY: b.bottom },
  };
}

export function buildCells(unit: PlaneGeometry, unitIndex: number, frame: Frame, cellMetres = DEFAULT_CELL_METRES): Cell[] {
  const size = Math.max(1, Math.round(cellMetres * frame.unitsPerMetre));
  const { minX, minY, maxX, maxY } = unit.bbox;
  const cells: Cell[] = [];
  if (vertexCount(unit.paths) > LARGE_VERTICES) {
    splitAlongGrid(unit.paths, size, (gx, gy, geom) => {
      const c = makeCell(unitIndex, frame, geom, gx * size, gy * size, (gx + 1) * size, (gy + 1) * size);
      if (c !== null) cells.push(c);
    });
    return cells;
  }
  // Two levels (column strip, then cell) so each cell clip sees only the strip's vertices,
  // not the whole unit boundary.
  for (let gx = Math.floor(minX / size); gx * size < maxX; gx++) {
    const x0 = gx * size;
    const x1 = x0 + size;
    const strip = Clipper.intersect(unit.paths, [square(x0, minY - 1, x1, maxY + 1)], FillRule.NonZero);
    if (strip.length === 0) continue;
    for (let gy = Math.floor(minY / size); gy * size < maxY; gy++) {
      const y0 = gy * size;
      const y1 = y0 + size;
      const rect = square(x0, y0, x1, y1);
      const geom = Clipper.intersect(strip, [rect], FillRule.NonZero);
      const area64 = Clipper.areaPaths(geom);
      if (area64 <= 0) continue;
      const b = Clipper.getBoundsPaths(geom);
      const interior = isSquare(geom, x0, y0, x1, y1);
      cells.push({
        unit: unitIndex,
        rect,
        rectBox: { minX: x0, minY: y0, maxX: x1, maxY: y1 },
        geom,
        interior,
        area64,
        slack64: perimeter(geom),
        area_m2: pathsArea(geom, frame),
        bbox: { minX: b.left, minY: b.top, maxX: b.right, maxY: b.bottom },
      });
    }
  }
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

/** Plan clipped to a cell. A plan wholly inside an interior cell needs no clipping at all. */
export function clipToCell(cell: Cell, plan: Paths64, planBox: PlaneBBox): Paths64 {
  if (cell.interior && inside(planBox, cell.rectBox)) return plan;
  return Clipper.intersect(plan, cell.interior ? [cell.rect] : cell.geom, FillRule.NonZero);
}
