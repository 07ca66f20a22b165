// Polyline helpers for schematic infrastructure: clip a hand-traced line to a polygon, take an arc
// of a polygon's boundary (the river follows the district edge), offset a line sideways in metres.
// Planar in lon/lat (or the local plane): segments are ≤ a few km, so the error is negligible.
import { booleanPointInPolygon } from '@turf/turf';
import type { Position } from 'geojson';
import { douglasPeucker } from './douglas-peucker.ts';
import type { LocalPlane } from './local-plane.ts';

type Rings = readonly (readonly Position[])[];

/** Whether p lies inside any of the polygons (holes excluded): Turf's test, over coordinate arrays. */
export function pointInRings(p: Position, polys: readonly Rings[]): boolean {
  return polys.some((rings) => booleanPointInPolygon(p, { type: 'Polygon', coordinates: rings as Position[][] }));
}

/** Parameters t in (0,1) where segment p→q crosses segment a→b. */
function crossParam(p: Position, q: Position, a: Position, b: Position): number | null {
  const rx = q[0]! - p[0]!;
  const ry = q[1]! - p[1]!;
  const sx = b[0]! - a[0]!;
  const sy = b[1]! - a[1]!;
  const den = rx * sy - ry * sx;
  if (den === 0) return null;
  const t = ((a[0]! - p[0]!) * sy - (a[1]! - p[1]!) * sx) / den;
  const u = ((a[0]! - p[0]!) * ry - (a[1]! - p[1]!) * rx) / den;
  return t > 0 && t < 1 && u >= 0 && u <= 1 ? t : null;
}

const lerp = (p: Position, q: Position, t: number): Position => [p[0]! + (q[0]! - p[0]!) * t, p[1]! + (q[1]! - p[1]!) * t];

/**
 * The runs of `line` that lie inside the polygon(s); each run has ≥ 2 positions. (Turf has no
 * line-in-polygon clip: lineSplit + a midpoint test would do the same with more work.)
 */
export function clipLineToPolygons(line: readonly Position[], polys: readonly Rings[]): Position[][] {
  const runs: Position[][] = [];
  let cur: Position[] = [];
  const flush = () => {
    if (cur.length >= 2) runs.push(cur);
    cur = [];
  };
  for (let i = 1; i < line.length; i++) {
    const p = line[i - 1]!;
    const q = line[i]!;
    const ts = [0, 1];
    for (const rings of polys) for (const ring of rings) for (let k = 1; k < ring.length; k++) {
      const t = crossParam(p, q, ring[k - 1]!, ring[k]!);
      if (t !== null) ts.push(t);
    }
    ts.sort((x, y) => x - y);
    for (let k = 1; k < ts.length; k++) {
      const t0 = ts[k - 1]!;
      const t1 = ts[k]!;
      if (t1 - t0 < 1e-12) continue;
      const inside = pointInRings(lerp(p, q, (t0 + t1) / 2), polys);
      if (inside) {
        const a = lerp(p, q, t0);
        const last = cur[cur.length - 1];
        if (!last || last[0] !== a[0] || last[1] !== a[1]) {
          if (cur.length > 0) flush();
          cur.push(a);
        }
        cur.push(lerp(p, q, t1));
      } else flush();
    }
  }
  flush();
  return runs;
}

/** Index of the ring vertex nearest to p (planar, in the given plane). */
export function nearestVertex(ring: readonly Position[], p: Position, plane: LocalPlane): number {
  const [px, py] = plane.toPlane(p);
  let best = 0;
  let bestD = Infinity;
  const n = ring.length - 1; // closed ring: last repeats first
  for (let i = 0; i < n; i++) {
    const [x, y] = plane.toPlane(ring[i]!);
    const d = (x - px) ** 2 + (y - py) ** 2;
    if (d < bestD) {
      bestD = d;
      best = i;
    }
  }
  return best;
}

// Kept rather than turf.lineSlice: that cuts at projected points, not vertices, and cannot be told
// which way round the ring to go.
/**
 * The arc of a closed ring from the vertex nearest `from` to the vertex nearest `to`, going the
 * way that passes closest to `via` (a ring has two arcs between two vertices).
 */
export function boundaryArc(ring: readonly Position[], from: Position, to: Position, via: Position, plane: LocalPlane): Position[] {
  const n = ring.length - 1;
  const i0 = nearestVertex(ring, from, plane);
  const i1 = nearestVertex(ring, to, plane);
  const walk = (step: 1 | -1): Position[] => {
    const out: Position[] = [];
    for (let i = i0; ; i = (i + step + n) % n) {
      out.push(ring[i]!);
      if (i === i1) break;
    }
    return out;
  };
  const [vx, vy] = plane.toPlane(via);
  const closest = (arc: Position[]) =>
    Math.min(...arc.map((q) => {
      const [x, y] = plane.toPlane(q);
      return (x - vx) ** 2 + (y - vy) ** 2;
    }));
  const fwd = walk(1);
  const back = walk(-1);
  return closest(fwd) <= closest(back) ? fwd : back;
}

// Kept rather than turf.lineOffset, which offsets in degrees alike in lon and lat (~7% off here).
/**
 * Offsets a polyline sideways by `distM` (positive = to the left of the direction of travel) with
 * mitred joins capped at 2× the distance, in the local plane.
 */
export function offsetLine(line: readonly Position[], distM: number, plane: LocalPlane): Position[] {
  const pts = line.map((p) => plane.toPlane(p));
  const normals: [number, number][] = [];
  for (let i = 1; i < pts.length; i++) {
    const dx = pts[i]![0] - pts[i - 1]![0];
    const dy = pts[i]![1] - pts[i - 1]![1];
    const len = Math.hypot(dx, dy) || 1;
    normals.push([-dy / len, dx / len]); // left normal
  }
  return pts.map((p, i) => {
    const a = normals[Math.max(0, i - 1)]!;
    const b = normals[Math.min(normals.length - 1, i)]!;
    let nx = a[0] + b[0];
    let ny = a[1] + b[1];
    const len = Math.hypot(nx, ny);
    if (len < 1e-9) {
      nx = a[0];
      ny = a[1];
    } else {
      nx /= len;
      ny /= len;
    }
    const cosHalf = Math.max(0.5, nx * a[0] + ny * a[1]); // mitre, capped at 2×
    return plane.toLonLat([p[0] + (nx * distM) / cosHalf, p[1] + (ny * distM) / cosHalf]);
  });
}

/** Douglas–Peucker in the local plane, tolerance in metres (keeps the end points). */
export function simplifyLine(line: readonly Position[], tolM: number, plane: LocalPlane): Position[] {
  const keep = douglasPeucker(line.map((p) => plane.toPlane(p)), tolM);
  return line.filter((_, i) => keep[i]).map((p) => [p[0]!, p[1]!]);
}
