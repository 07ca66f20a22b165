// Self-intersections of a polygon's rings, found through a spatial index of its segments (flatbush,
// a packed Hilbert R-tree): each segment is tested only against the segments whose bounding boxes
// touch its own, so a ring of 1,000,000 vertices is checked in about a second instead of the hours
// a pairwise test (turf.kinks, n² / 2 pairs) would take.
//
// The work is bounded whatever the input: at most MAX_FOUND crossings are collected (the message
// then says how many more at least), and at most PAIR_BUDGET(n) candidate pairs are examined. A
// polygon whose segments' boxes overlap so much that the budget runs out (a hostile "star" of long
// spikes through one point) is reported as too complex to check, an error: never accepted unchecked.
//
// Semantics are turf.kinks's, which the project used before: two segments of a polygon that are not
// neighbours in the same ring and share any point (crossing or touching) make a self-intersection;
// a repeated vertex is not one. Unlike turf, a collinear overlap of two segments counts too.
import Flatbush from 'flatbush';
import type { Position } from 'geojson';
import { polygonLabel, type LabelledPolygon } from './geometry.ts';
import { formatPosition } from './format.ts';
import { msg, type Msg } from './messages.ts';

const MAX_REPORTED = 3;
/** Crossings collected before the search stops: enough to report 3 and say "at least N more". */
export const MAX_FOUND = 100;
/** Candidate segment pairs examined at most: 64 per segment, and never fewer than 4 million. */
export function pairBudget(segments: number): number {
  return Math.max(4_000_000, 64 * segments);
}

export interface KinkScan {
  /** Distinct crossing points found (at most MAX_FOUND), in discovery order. */
  points: Position[];
  /** True when the search stopped at MAX_FOUND: there may be more than points.length. */
  capped: boolean;
  /** True when the pair budget ran out before every segment was tested. */
  gaveUp: boolean;
  /** Segments tested. */
  segments: number;
}

class Stop extends Error {}

/** Twice the signed area of (a, b, c), computed relative to a to limit cancellation. */
function orient(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  return (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
}

function sign(x: number): number {
  return x > 0 ? 1 : x < 0 ? -1 : 0;
}

/** Whether c (known collinear with ab) lies within ab's bounding box. */
function within(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): boolean {
  return Math.min(ax, bx) <= cx && cx <= Math.max(ax, bx) && Math.min(ay, by) <= cy && cy <= Math.max(ay, by);
}

/**
 * The point where segments ab and cd meet, or null. Crossing and touching count; collinear segments
 * count when they overlap over a length (a shared end point alone does not, as in turf.kinks).
 */
export function segmentContact(
  ax: number, ay: number, bx: number, by: number,
  cx: number, cy: number, dx: number, dy: number,
): [number, number] | null {
  const o1 = sign(orient(ax, ay, bx, by, cx, cy));
  const o2 = sign(orient(ax, ay, bx, by, dx, dy));
  const o3 = sign(orient(cx, cy, dx, dy, ax, ay));
  const o4 = sign(orient(cx, cy, dx, dy, bx, by));
  if (o1 === 0 && o2 === 0) {
    // Collinear: an overlap of positive length is a self-intersection (a ring doubling back on itself).
    const useX = Math.abs(bx - ax) >= Math.abs(by - ay);
    const [a0, a1] = useX ? [Math.min(ax, bx), Math.max(ax, bx)] : [Math.min(ay, by), Math.max(ay, by)];
    const [c0, c1] = useX ? [Math.min(cx, dx), Math.max(cx, dx)] : [Math.min(cy, dy), Math.max(cy, dy)];
    const lo = Math.max(a0, c0);
    const hi = Math.min(a1, c1);
    if (hi <= lo) return null;
    const mid = (lo + hi) / 2;
    if (useX) {
      const t = bx === ax ? 0 : (mid - ax) / (bx - ax);
      return [mid, ay + t * (by - ay)];
    }
    const t = by === ay ? 0 : (mid - ay) / (by - ay);
    return [ax + t * (bx - ax), mid];
  }
  if (o1 !== o2 && o3 !== o4) {
    if (o1 === 0 && within(ax, ay, bx, by, cx, cy)) return [cx, cy];
    if (o2 === 0 && within(ax, ay, bx, by, dx, dy)) return [dx, dy];
    if (o3 === 0 && within(cx, cy, dx, dy, ax, ay)) return [ax, ay];
    if (o4 === 0 && within(cx, cy, dx, dy, bx, by)) return [bx, by];
    if (o1 === 0 || o2 === 0 || o3 === 0 || o4 === 0) return null;
    const den = (dy - cy) * (bx - ax) - (dx - cx) * (by - ay);
    if (den === 0) return null;
    const t = ((dx - cx) * (ay - cy) - (dy - cy) * (ax - cx)) / den;
    return [ax + t * (bx - ax), ay + t * (by - ay)];
  }
  return null;
}

/**
 * Self-intersections of one polygon (rings closed, ≥ 4 positions: rings.ts runs first). Repeated
 * consecutive vertices are skipped (they are harmless, and would otherwise make zero-length segments).
 */
export function scanSelfIntersections(rings: readonly (readonly Position[])[], maxFound = MAX_FOUND): KinkScan {
  let total = 0;
  for (const r of rings) total += Math.max(0, r.length - 1);
  // Segment i: (xy[4i], xy[4i+1]) → (xy[4i+2], xy[4i+3]); ring[i] its ring, pos[i] its place in it.
  const xy = new Float64Array(total * 4);
  const ring = new Int32Array(total);
  const pos = new Int32Array(total);
  const ringLength = new Int32Array(rings.length);
  let n = 0;
  rings.forEach((r, ri) => {
    let k = 0;
    let px = NaN;
    let py = NaN;
    for (let i = 0; i < r.length; i++) {
      const x = r[i]![0]!;
      const y = r[i]![1]!;
      if (i > 0 && !(x === px && y === py)) {
        xy[4 * n] = px;
        xy[4 * n + 1] = py;
        xy[4 * n + 2] = x;
        xy[4 * n + 3] = y;
        ring[n] = ri;
        pos[n] = k++;
        n++;
      }
      px = x;
      py = y;
    }
    ringLength[ri] = k;
  });
  const scan: KinkScan = { points: [], capped: false, gaveUp: false, segments: n };
  if (n < 2) return scan;
  const index = new Flatbush(n);
  for (let i = 0; i < n; i++) {
    const ax = xy[4 * i]!, ay = xy[4 * i + 1]!, bx = xy[4 * i + 2]!, by = xy[4 * i + 3]!;
    index.add(Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by));
  }
  index.finish();

  const seen = new Set<string>();
  let budget = pairBudget(n);
  const adjacent = (a: number, b: number): boolean => {
    if (ring[a] !== ring[b]) return false;
    const d = Math.abs(pos[a]! - pos[b]!);
    // Neighbours along the ring, including the last segment and the first (the ring is closed).
    return d === 1 || d === ringLength[ring[a]!]! - 1;
  };
  // Consecutive segments lie close together: one index query per GROUP of them (their joint box)
  // costs far less than one per segment, and each candidate is then tested against the group's
  // members by box first. Each pair is tested once (i < j).
  const GROUP = 16;
  let g0 = 0;
  let g1 = 0;
  const visit = (j: number, x0: number, y0: number, x1: number, y1: number): boolean => {
    for (let i = g0; i < g1; i++) {
      if (j <= i) break;
      const ax = xy[4 * i]!, ay = xy[4 * i + 1]!, bx = xy[4 * i + 2]!, by = xy[4 * i + 3]!;
      if (Math.max(ax, bx) < x0 || Math.min(ax, bx) > x1 || Math.max(ay, by) < y0 || Math.min(ay, by) > y1) continue;
      if (--budget < 0) {
        scan.gaveUp = true;
        throw new Stop();
      }
      if (adjacent(i, j)) continue;
      const p = segmentContact(ax, ay, bx, by, xy[4 * j]!, xy[4 * j + 1]!, xy[4 * j + 2]!, xy[4 * j + 3]!);
      if (p === null) continue;
      const key = `${p[0]},${p[1]}`;
      if (seen.has(key)) continue;
      seen.add(key);
      scan.points.push(p);
      if (scan.points.length >= maxFound) {
        scan.capped = true;
        throw new Stop();
      }
    }
    return false;
  };
  try {
    for (g0 = 0; g0 < n; g0 = g1) {
      g1 = Math.min(n, g0 + GROUP);
      let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
      for (let i = g0; i < g1; i++) {
        const ax = xy[4 * i]!, ay = xy[4 * i + 1]!, bx = xy[4 * i + 2]!, by = xy[4 * i + 3]!;
        minX = Math.min(minX, ax, bx);
        minY = Math.min(minY, ay, by);
        maxX = Math.max(maxX, ax, bx);
        maxY = Math.max(maxY, ay, by);
      }
      index.search(minX, minY, maxX, maxY, visit);
    }
  } catch (e) {
    if (!(e instanceof Stop)) throw e;
  }
  return scan;
}

/**
 * Self-intersections of one polygon as problem messages (its rings must be closed, ≥ 4 positions:
 * rings.ts first). Run per polygon: a whole MultiPolygon would also flag parts that merely touch
 * each other, which is not a self-intersection of either part.
 */
export function kinkProblemsOf(polygon: LabelledPolygon): Msg[] {
  const scan = scanSelfIntersections(polygon.rings);
  if (scan.points.length === 0 && !scan.gaveUp) return [];
  const part = polygonLabel(polygon);
  const seen = new Set<string>();
  const points: string[] = [];
  for (const p of scan.points) {
    const text = formatPosition(p, 6);
    if (!seen.has(text)) (seen.add(text), points.push(text));
  }
  const out = points.slice(0, MAX_REPORTED).map((at) => msg('kink', { part, at }));
  const rest = points.length - MAX_REPORTED;
  if (scan.capped && rest > 0) out.push(msg('kinksMoreAtLeast', { part, n: rest, max: MAX_FOUND }));
  else if (rest > 0) out.push(msg('kinksMore', { part, n: rest }));
  if (scan.gaveUp) out.push(msg('kinksTooComplex', { part, segments: scan.segments, pairs: pairBudget(scan.segments) }));
  return out;
}
