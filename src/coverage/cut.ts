// Cutting packed plan geometry along the grid and along unit boundaries (issue 15): the part of
// the engine every plan goes through, so it works on Int32Arrays (packed.ts) without allocating a
// {x, y} object per vertex.
//
// A ring is cut by a half-plane in one linear pass: the chains of kept vertices (each from its
// entry cut point to its exit cut point) are joined along the cut line pairwise in the order their
// cut points lie on it (inside a simple ring the line alternates between in and out at each
// crossing), so the results are simple rings with the input's orientation — no zero-width bridges
// (Sutherland–Hodgman's). A ring whose cut points do not pair up (rounding ties, a self-touching
// ring) makes the function answer null and the caller uses Clipper instead.
import { Clipper, FillRule, type Path64, type Paths64 } from '@countertype/clipper2-ts';
import { pack, unpack, type Packed } from './packed';
import type { PlaneBBox } from './repair';
import * as Clip from '../geo/clip';

export const EMPTY: Packed = { xy: new Int32Array(0), ends: [] };

/** Signed planar area (plane units²), summed exactly as Clipper.areaPaths sums it. */
export function packedArea(p: Packed): number {
  const { xy, ends } = p;
  let total = 0;
  let start = 0;
  for (let r = 0; r < ends.length; r++) {
    const end = ends[r]!;
    total += ringArea(xy, start, end);
    start = end;
  }
  return total;
}

/** Signed planar area of the ring of vertices [start, end) (Clipper.area's sum). */
export function ringArea(xy: Int32Array, start: number, end: number): number {
  if (end - start < 3) return 0;
  let a = 0;
  let px = xy[2 * end - 2]!;
  let py = xy[2 * end - 1]!;
  for (let v = start; v < end; v++) {
    const x = xy[2 * v]!;
    const y = xy[2 * v + 1]!;
    a += (py + y) * (px - x);
    px = x;
    py = y;
  }
  return a * 0.5;
}

export function packedBounds(p: Packed): PlaneBBox {
  const xy = p.xy;
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (let i = 0; i < xy.length; i += 2) {
    const x = xy[i]!;
    const y = xy[i + 1]!;
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  return { minX, minY, maxX, maxY };
}

/** Exact sign of (b − a) × (c − a) (BigInt when a double could get it wrong). */
export function orient(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  const l = (bx - ax) * (cy - ay);
  const r = (by - ay) * (cx - ax);
  const d = l - r;
  if (Math.abs(d) > 2 ** -50 * (Math.abs(l) + Math.abs(r))) return d > 0 ? 1 : -1;
  const e = BigInt(bx - ax) * BigInt(cy - ay) - BigInt(by - ay) * BigInt(cx - ax);
  return e > 0n ? 1 : e < 0n ? -1 : 0;
}

// ---- The half-plane cut. Module state instead of closures: it runs ~10 times per plan. ----

/** Which half-plane: x < at, x ≥ at, y < at, y ≥ at, or left of the line (L → M, canonical). */
const X_BELOW = 0, X_ABOVE = 1, Y_BELOW = 2, Y_ABOVE = 3, LEFT = 4;
let mode = X_BELOW;
let at = 0;
/** the line a → b (LEFT): kept side; l, m: its endpoints in canonical order for cut points */
let ax_ = 0, ay_ = 0, bx_ = 0, by_ = 0, lx = 0, ly = 0, mx = 0, my = 0;
let cutX = 0;
let cutY = 0;

function kept(x: number, y: number): boolean {
  switch (mode) {
    case X_BELOW: return x < at;
    case X_ABOVE: return x >= at;
    case Y_BELOW: return y < at;
    case Y_ABOVE: return y >= at;
    default: return orient(ax_, ay_, bx_, by_, x, y) >= 0;
  }
}

/** Position of a cut point along the line. */
function along(x: number, y: number): number {
  if (mode === X_BELOW || mode === X_ABOVE) return y;
  if (mode === Y_BELOW || mode === Y_ABOVE) return x;
  return (x - lx) * (mx - lx) + (y - ly) * (my - ly);
}

/**
 * Cut point of the edge s–e with the line, into cutX/cutY. Computed from the endpoints in a
 * canonical order (the lower end first on an axis; lexicographic for a line), so the other
 * side's cut — the neighbouring square, the neighbouring unit — gets the same point.
 */
function cut(sx: number, sy: number, ex: number, ey: number): void {
  if (mode !== LEFT) {
    const onX = mode === X_BELOW || mode === X_ABOVE;
    let px = sx, py = sy, qx = ex, qy = ey;
    if ((onX ? sx : sy) > (onX ? ex : ey)) {
      px = ex; py = ey; qx = sx; qy = sy;
    }
    if ((onX ? qx : qy) === at) {
      cutX = qx; cutY = qy;
    } else if ((onX ? px : py) === at) {
      cutX = px; cutY = py;
    } else if (onX) {
      cutX = at; cutY = Math.round(py + ((at - px) * (qy - py)) / (qx - px));
    } else {
      cutX = Math.round(px + ((at - py) * (qx - px)) / (qy - py)); cutY = at;
    }
    return;
  }
  let px = sx, py = sy, qx = ex, qy = ey;
  if (px > qx || (px === qx && py > qy)) {
    px = ex; py = ey; qx = sx; qy = sy;
  }
  if (orient(lx, ly, mx, my, px, py) === 0) {
    cutX = px; cutY = py;
  } else if (orient(lx, ly, mx, my, qx, qy) === 0) {
    cutX = qx; cutY = qy;
  } else {
    const dx = mx - lx;
    const dy = my - ly;
    const dp = dx * (py - ly) - dy * (px - lx);
    const dq = dx * (qy - ly) - dy * (qx - lx);
    const t = dp / (dp - dq);
    cutX = Math.round(px + t * (qx - px));
    cutY = Math.round(py + t * (qy - py));
  }
}

// Output and scratch buffers, reused. A result is copied out (slice) unless a caller inside this
// module set `target`: then it is a view into that buffer, valid until the buffer's next use
// (splitting reuses one buffer per bisection depth; chained line cuts alternate two) — no
// ArrayBuffer allocated per cut, which was most of the garbage the collector had to deal with.
interface Buf {
  xy: Int32Array;
}
const scratchOut: Buf = { xy: new Int32Array(4096) };
let target: Buf | null = null;
let outXY = scratchOut.xy;
let outN = 0;
/** ring ends of the output so far (a typed buffer: resetting a JS array's length frees its storage) */
let outEnds: Int32Array = new Int32Array(64);
let outRings = 0;
let flags = new Uint8Array(512);
let chainXY = new Int32Array(4096);
let chainStart: Int32Array = new Int32Array(64);
let chainEnd: Int32Array = new Int32Array(64);
let endT = new Float64Array(128);
let endIdx = new Int32Array(128);
let nextChain = new Int32Array(64);

function outPush(x: number, y: number): void {
  const n = outN;
  const start = outRings ? outEnds[outRings - 1]! : 0;
  // Consecutive repeats (a vertex on the cut line is its own cut point) are dropped.
  if (n > start && outXY[2 * n - 2] === x && outXY[2 * n - 1] === y) return;
  if (2 * n + 2 > outXY.length) {
    const bigger = new Int32Array(outXY.length * 2);
    bigger.set(outXY);
    outXY = bigger;
  }
  outXY[2 * n] = x;
  outXY[2 * n + 1] = y;
  outN = n + 1;
}

function outEndRing(): void {
  const start = outRings ? outEnds[outRings - 1]! : 0;
  // A closing repeat.
  while (outN - start > 1 && outXY[2 * outN - 2] === outXY[2 * start] && outXY[2 * outN - 1] === outXY[2 * start + 1]) outN--;
  if (outN - start < 3) outN = start;
  else {
    if (outRings === outEnds.length) outEnds = grow(outEnds);
    outEnds[outRings++] = outN;
  }
}

/**
 * Cuts every ring by the current half-plane (module state set by clipAxis / clipLeftOf). The
 * input itself when nothing is cut off; null when a ring's cut points do not pair up.
 */
function clipRings(p: Packed): Packed | null {
  const { xy, ends } = p;
  // Never write into the buffer being read.
  const into = target !== null && target.xy.buffer !== xy.buffer ? target : null;
  outXY = (into ?? scratchOut).xy;
  outN = 0;
  outRings = 0;
  let start = 0;
  let allKept = true;
  for (let r = 0; r < ends.length; r++) {
    const end = ends[r]!;
    const n = end - start;
    if (n < 3) {
      start = end;
      continue;
    }
    if (flags.length < n) flags = new Uint8Array(2 * n);
    let first = -1;
    let anyKept = false;
    if (mode === LEFT) {
      for (let i = 0; i < n; i++) {
        const k = kept(xy[2 * (start + i)]!, xy[2 * (start + i) + 1]!);
        flags[i] = k ? 1 : 0;
        if (k) anyKept = true;
        else if (first < 0) first = i;
      }
    } else {
      // The axis cases inline (the hot loop: every vertex, about log2(squares) times per plan).
      const off = 2 * start + (mode === X_BELOW || mode === X_ABOVE ? 0 : 1);
      const below = mode === X_BELOW || mode === Y_BELOW;
      for (let i = 0; i < n; i++) {
        const v = xy[off + 2 * i]!;
        const k = below ? v < at : v >= at;
        flags[i] = k ? 1 : 0;
        if (k) anyKept = true;
        else if (first < 0) first = i;
      }
    }
    if (!anyKept) {
      allKept = false;
      start = end;
      continue;
    }
    if (first < 0) {
      for (let v = start; v < end; v++) outPush(xy[2 * v]!, xy[2 * v + 1]!);
      outEndRing();
      start = end;
      continue;
    }
    allKept = false;
    // Chains of kept vertices, each from its entry cut point to its exit cut point.
    if (chainXY.length < 4 * n + 8) chainXY = new Int32Array(8 * n + 16);
    let m = 0;
    let chains = 0;
    let open = false;
    for (let k = 1; k <= n; k++) {
      const si = (first + k - 1) % n;
      const ei = (first + k) % n;
      const sIn = flags[si] === 1;
      const eIn = flags[ei] === 1;
      if (sIn === eIn && !sIn) continue;
      const ex = xy[2 * (start + ei)]!, ey = xy[2 * (start + ei) + 1]!;
      if (sIn && eIn) {
        chainXY[2 * m] = ex;
        chainXY[2 * m + 1] = ey;
        m++;
        continue;
      }
      cut(xy[2 * (start + si)]!, xy[2 * (start + si) + 1]!, ex, ey);
      if (eIn) {
        if (chains >= chainStart.length) {
          chainStart = grow(chainStart);
          chainEnd = grow(chainEnd);
        }
        chainStart[chains] = m;
        chainXY[2 * m] = cutX;
        chainXY[2 * m + 1] = cutY;
        chainXY[2 * m + 2] = ex;
        chainXY[2 * m + 3] = ey;
        m += 2;
        open = true;
      } else {
        chainXY[2 * m] = cutX;
        chainXY[2 * m + 1] = cutY;
        m++;
        chainEnd[chains++] = m;
        open = false;
      }
    }
    if (open) return saveBack(into);
    // Pair the cut points along the line: (1st, 2nd), (3rd, 4th), … each an exit and an entry.
    // Entries are 2c, exits 2c + 1; sorted by position, an entry before an exit on ties.
    if (endT.length < 2 * chains) {
      endT = new Float64Array(4 * chains);
      endIdx = new Int32Array(4 * chains);
    }
    if (nextChain.length < chains) nextChain = new Int32Array(2 * chains);
    for (let c = 0; c < chains; c++) {
      const a = chainStart[c]!;
      const b = chainEnd[c]! - 1;
      endT[2 * c] = along(chainXY[2 * a]!, chainXY[2 * a + 1]!);
      endIdx[2 * c] = 2 * c;
      endT[2 * c + 1] = along(chainXY[2 * b]!, chainXY[2 * b + 1]!);
      endIdx[2 * c + 1] = 2 * c + 1;
    }
    // Insertion sort: a handful of cut points per ring.
    for (let i = 1; i < 2 * chains; i++) {
      const t = endT[i]!;
      const id = endIdx[i]!;
      let j = i - 1;
      while (j >= 0 && (endT[j]! > t || (endT[j] === t && (endIdx[j]! & 1) > (id & 1)))) {
        endT[j + 1] = endT[j]!;
        endIdx[j + 1] = endIdx[j]!;
        j--;
      }
      endT[j + 1] = t;
      endIdx[j + 1] = id;
    }
    for (let c = 0; c < chains; c++) nextChain[c] = -1;
    for (let i = 0; i + 1 < 2 * chains; i += 2) {
      const a = endIdx[i]!;
      const b = endIdx[i + 1]!;
      if ((a & 1) === (b & 1)) return saveBack(into);
      const exit = a & 1 ? a : b;
      const entry = a & 1 ? b : a;
      nextChain[exit >> 1] = entry >> 1;
    }
    // Join: follow each chain's exit to the next chain's entry; -2 marks a chain done.
    for (let c0 = 0; c0 < chains; c0++) {
      if (nextChain[c0] === -2) continue;
      let c = c0;
      while (c >= 0) {
        const nx = nextChain[c]!;
        if (nx === -2) break;
        nextChain[c] = -2;
        for (let v = chainStart[c]!; v < chainEnd[c]!; v++) outPush(chainXY[2 * v]!, chainXY[2 * v + 1]!);
        c = nx;
      }
      outEndRing();
    }
    start = end;
  }
  if (into) into.xy = outXY;
  else scratchOut.xy = outXY;
  if (allKept) return p;
  if (outRings === 0) return EMPTY;
  const outRingEnds: number[] = new Array(outRings);
  for (let r = 0; r < outRings; r++) outRingEnds[r] = outEnds[r]!;
  return { xy: into ? outXY.subarray(0, 2 * outN) : outXY.slice(0, 2 * outN), ends: outRingEnds };
}

/** A null result: the output buffer (it may have grown) goes back where it came from. */
function saveBack(into: Buf | null): null {
  if (into) into.xy = outXY;
  else scratchOut.xy = outXY;
  return null;
}

function grow(a: Int32Array): Int32Array {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

/**
 * Clips to the half-plane x < at (`below`, onX) or x ≥ at (and the same in y); the two halves
 * partition the plane (a vertex on the line goes above). Cut points are rounded identically on
 * both sides (always interpolated from the lower end), so neighbouring squares share them.
 */
export function clipAxis(p: Packed, onX: boolean, value: number, below: boolean): Packed {
  mode = onX ? (below ? X_BELOW : X_ABOVE) : below ? Y_BELOW : Y_ABOVE;
  at = value;
  const r = clipRings(p);
  if (r !== null) return r;
  const far = 2 ** 31;
  const half = onX
    ? below ? square(-far, -far, value, far) : square(value, -far, far, far)
    : below ? square(-far, -far, far, value) : square(-far, value, far, far);
  return pack(Clip.intersect(unpack(p), [half], FillRule.NonZero));
}

/** The part of `p` inside the box x0 ≤ x < x1, y0 ≤ y < y1 (four axis cuts, linear in the vertices). */
export function clipBox(p: Packed, x0: number, y0: number, x1: number, y1: number): Packed {
  let r = clipAxis(p, true, x0, false);
  if (r.ends.length > 0) r = clipAxis(r, true, x1, true);
  if (r.ends.length > 0) r = clipAxis(r, false, y0, false);
  if (r.ends.length > 0) r = clipAxis(r, false, y1, true);
  return r;
}

/**
 * Clips to the closed half-plane left of the directed line a → b (points on it kept); null when
 * a ring's cut points do not pair up. Cut points are computed from the edge's and the line's
 * endpoints in a canonical order, so the neighbouring unit (same line, other direction) gets
 * the same ones.
 */
export function clipLeftOf(p: Packed, ax: number, ay: number, bx: number, by: number): Packed | null {
  mode = LEFT;
  ax_ = ax; ay_ = ay; bx_ = bx; by_ = by;
  if (ax < bx || (ax === bx && ay < by)) {
    lx = ax; ly = ay; mx = bx; my = by;
  } else {
    lx = bx; ly = by; mx = ax; my = ay;
  }
  return clipRings(p);
}

const lineBufs: [Buf, Buf] = [{ xy: new Int32Array(1024) }, { xy: new Int32Array(1024) }];

/**
 * The part cut by the half-planes left of each line (x0, y0, x1, y1, … in `lines`), in turn; null
 * when a cut fails (see clipLeftOf). The result is a view valid until the next call.
 */
export function clipLeftOfAll(part: Packed, lines: Int32Array): Packed | null {
  let r: Packed | null = part;
  let k = 0;
  for (let i = 0; i < lines.length && r !== null && r.ends.length > 0; i += 4) {
    target = lineBufs[k]!;
    k ^= 1;
    try {
      r = clipLeftOf(r, lines[i]!, lines[i + 1]!, lines[i + 2]!, lines[i + 3]!);
    } finally {
      target = null;
    }
  }
  return r;
}

// ---- Splitting along the grid ----

let splitSize = 1;
let splitVisit: (gx: number, gy: number, part: Packed) => void = () => {};
let splitWanted: (gx0: number, gy0: number, gx1: number, gy1: number) => boolean = () => true;

const depthBufs: Buf[] = [];

function splitGo(part: Packed, gx0: number, gy0: number, gx1: number, gy1: number, depth: number): void {
  if (part.ends.length === 0 || !splitWanted(gx0, gy0, gx1, gy1)) return;
  if (gx1 - gx0 === 1 && gy1 - gy0 === 1) {
    splitVisit(gx0, gy0, part);
    return;
  }
  const size = splitSize;
  // Each half is a view into this depth's buffer, used up (recursed into) before the other half
  // is cut into the same buffer.
  if (gx1 - gx0 >= gy1 - gy0) {
    const mid = gx0 + ((gx1 - gx0) >> 1);
    splitGo(cutHalf(part, depth, true, mid * size, true), gx0, gy0, mid, gy1, depth + 1);
    splitGo(cutHalf(part, depth, true, mid * size, false), mid, gy0, gx1, gy1, depth + 1);
  } else {
    const mid = gy0 + ((gy1 - gy0) >> 1);
    splitGo(cutHalf(part, depth, false, mid * size, true), gx0, gy0, gx1, mid, depth + 1);
    splitGo(cutHalf(part, depth, false, mid * size, false), gx0, mid, gx1, gy1, depth + 1);
  }
}

function cutHalf(part: Packed, depth: number, onX: boolean, at: number, below: boolean): Packed {
  target = depthBufs[depth] ??= { xy: new Int32Array(1024) };
  try {
    return clipAxis(part, onX, at, below);
  } finally {
    target = null;
  }
}

/**
 * Calls `visit` for every grid square (edge `size`) the geometry covers, with its part inside it.
 * Bisects along grid lines (the longer side first), so each vertex is cut about log2(squares)
 * times. `wanted(gx0, gy0, gx1, gy1)` (squares gx0 ≤ gx < gx1, gy0 ≤ gy < gy1) prunes regions
 * without any cell of interest. The part handed to `visit` is valid during the call only (copy it
 * to keep it). Not re-entrant (visit must not split).
 */
export function splitPacked(
  p: Packed,
  size: number,
  visit: (gx: number, gy: number, part: Packed) => void,
  wanted: (gx0: number, gy0: number, gx1: number, gy1: number) => boolean,
): void {
  if (p.ends.length === 0) return;
  const b = packedBounds(p);
  splitSize = size;
  splitVisit = visit;
  splitWanted = wanted;
  try {
    splitGo(p, Math.floor(b.minX / size), Math.floor(b.minY / size), Math.floor(b.maxX / size) + 1, Math.floor(b.maxY / size) + 1, 0);
  } finally {
    splitVisit = () => {};
  }
}

/**
 * Non-zero winding of the point (px/2, py/2) — doubled coordinates, so midpoints and bbox centres
 * stay integers — in NonZero paths; the point must lie on none of their edges.
 */
export function insidePacked(p: Packed, px: number, py: number): boolean {
  const { xy, ends } = p;
  let w = 0;
  let start = 0;
  for (let r = 0; r < ends.length; r++) {
    const end = ends[r]!;
    let jx = 2 * xy[2 * end - 2]!;
    let jy = 2 * xy[2 * end - 1]!;
    for (let v = start; v < end; v++) {
      const ix = 2 * xy[2 * v]!;
      const iy = 2 * xy[2 * v + 1]!;
      if (jy <= py) {
        if (iy > py && orient(jx, jy, ix, iy, px, py) > 0) w++;
      } else if (iy <= py && orient(jx, jy, ix, iy, px, py) < 0) w--;
      jx = ix;
      jy = iy;
    }
    start = end;
  }
  return w !== 0;
}

/** Same test on Clipper paths. */
export function insidePaths(paths: Paths64, px: number, py: number): boolean {
  let w = 0;
  for (const ring of paths) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const a = ring[j]!;
      const b = ring[i]!;
      const ay = 2 * a.y, by = 2 * b.y;
      if (ay <= py) {
        if (by > py && orient(2 * a.x, ay, 2 * b.x, by, px, py) > 0) w++;
      } else if (by <= py && orient(2 * a.x, ay, 2 * b.x, by, px, py) < 0) w--;
    }
  }
  return w !== 0;
}

const between = (a: number, b: number, v: number): boolean => (a <= b ? a <= v && v <= b : b <= v && v <= a);

/** Closed segments (ax, ay)–(bx, by) and (cx, cy)–(dx, dy) share a point. */
export function segmentsMeet(ax: number, ay: number, bx: number, by: number, cx: number, cy: number, dx: number, dy: number): boolean {
  if (Math.max(ax, bx) < Math.min(cx, dx) || Math.max(cx, dx) < Math.min(ax, bx) || Math.max(ay, by) < Math.min(cy, dy) || Math.max(cy, dy) < Math.min(ay, by)) return false;
  const o1 = orient(ax, ay, bx, by, cx, cy);
  const o2 = orient(ax, ay, bx, by, dx, dy);
  const o3 = orient(cx, cy, dx, dy, ax, ay);
  const o4 = orient(cx, cy, dx, dy, bx, by);
  if (o1 * o2 < 0 && o3 * o4 < 0) return true;
  return (
    (o1 === 0 && between(ax, bx, cx) && between(ay, by, cy)) ||
    (o2 === 0 && between(ax, bx, dx) && between(ay, by, dy)) ||
    (o3 === 0 && between(cx, dx, ax) && between(cy, dy, ay)) ||
    (o4 === 0 && between(cx, dx, bx) && between(cy, dy, by))
  );
}

/** The segment meets an edge of the packed geometry. */
export function segmentMeetsPacked(ax: number, ay: number, bx: number, by: number, p: Packed): boolean {
  const { xy, ends } = p;
  let start = 0;
  for (let r = 0; r < ends.length; r++) {
    const end = ends[r]!;
    let jx = xy[2 * end - 2]!;
    let jy = xy[2 * end - 1]!;
    for (let v = start; v < end; v++) {
      const ix = xy[2 * v]!;
      const iy = xy[2 * v + 1]!;
      if (segmentsMeet(ax, ay, bx, by, jx, jy, ix, iy)) return true;
      jx = ix;
      jy = iy;
    }
    start = end;
  }
  return false;
}

export function square(x0: number, y0: number, x1: number, y1: number): Path64 {
  return [{ x: x0, y: y0 }, { x: x1, y: y0 }, { x: x1, y: y1 }, { x: x0, y: y1 }];
}
