// Plane geometry for the DXF reader, in the drawing's own units (metres for VN-2000 drawings):
// bulge arcs and circular/elliptic arcs as vertices within a chord tolerance, ring area and
// point-in-ring, and the nesting of rings into polygons with holes.
import Flatbush from 'flatbush';
import type { Position } from 'geojson';

export type XY = [number, number];

/** Largest distance allowed between an arc and the chords that replace it, in drawing units. */
export const ARC_TOLERANCE = 0.05;
/** Segments per arc at most: a hostile radius must not make millions of vertices. */
export const MAX_ARC_SEGMENTS = 4096;
/** Vertices all arcs of one drawing may add: beyond, the drawing is refused (a hostile file of bulges). */
export const MAX_ARC_VERTICES = 5_000_000;

/** Thrown when a drawing's arcs would add more than their budget of vertices. */
export class ArcBudgetExceeded extends Error {}

/** What is left of a drawing's arc vertices; shared by every arc of one read. */
export interface ArcBudget {
  left: number;
}

function spend(budget: ArcBudget | undefined, n: number): void {
  if (budget === undefined) return;
  budget.left -= n;
  if (budget.left < 0) throw new ArcBudgetExceeded(`arcs need more than ${MAX_ARC_VERTICES} vertices`);
}

/** Number of chords for an arc of `radius` sweeping `sweep` radians, each within `tolerance` of it. */
export function arcSegments(radius: number, sweep: number, tolerance = ARC_TOLERANCE): number {
  const r = Math.abs(radius);
  const a = Math.abs(sweep);
  if (!(r > 0) || !(a > 0) || !Number.isFinite(r) || !Number.isFinite(a)) return 1;
  // A chord of angle α lies at most r(1 − cos(α/2)) from its arc.
  const maxAngle = r <= tolerance ? Math.PI / 2 : 2 * Math.acos(1 - tolerance / r);
  return Math.min(MAX_ARC_SEGMENTS, Math.max(1, Math.ceil(a / maxAngle)));
}

/**
 * The points strictly between `a` and `b` on the arc a DXF bulge describes: bulge = tan(θ/4), θ the
 * included angle, positive counter-clockwise. Returns [] for a straight segment (bulge 0).
 */
export function bulgePoints(a: XY, b: XY, bulge: number, tolerance = ARC_TOLERANCE, budget?: ArcBudget): XY[] {
  if (!Number.isFinite(bulge) || Math.abs(bulge) < 1e-12) return [];
  const [x1, y1] = a;
  const [x2, y2] = b;
  const chord = Math.hypot(x2 - x1, y2 - y1);
  if (chord === 0) return [];
  const theta = 4 * Math.atan(bulge);
  const radius = chord / (2 * Math.sin(Math.abs(theta) / 2));
  // Centre: from the chord's midpoint along its normal, towards the arc's centre side.
  const mx = (x1 + x2) / 2;
  const my = (y1 + y2) / 2;
  const h = (chord / 2) * ((1 - bulge * bulge) / (2 * bulge)); // signed distance midpoint → centre
  const nx = -(y2 - y1) / chord;
  const ny = (x2 - x1) / chord;
  const cx = mx + nx * h;
  const cy = my + ny * h;
  const start = Math.atan2(y1 - cy, x1 - cx);
  const n = arcSegments(radius, theta, tolerance);
  spend(budget, n);
  const out: XY[] = [];
  for (let i = 1; i < n; i++) {
    const t = start + (theta * i) / n;
    out.push([cx + radius * Math.cos(t), cy + radius * Math.sin(t)]);
  }
  return out;
}

/** Vertices of a polyline with bulges (bulge i belongs to the segment from vertex i to i+1). */
export function polylineWithBulges(vertices: readonly { x: number; y: number; bulge?: number }[], closed: boolean, budget?: ArcBudget): XY[] {
  const out: XY[] = [];
  const n = vertices.length;
  for (let i = 0; i < n; i++) {
    const v = vertices[i]!;
    out.push([v.x, v.y]);
    const next = i + 1 < n ? vertices[i + 1] : closed ? vertices[0] : undefined;
    if (next !== undefined && v.bulge) out.push(...bulgePoints([v.x, v.y], [next.x, next.y], v.bulge, ARC_TOLERANCE, budget));
  }
  return out;
}

/** Points of a circular arc from `start` to `end` (radians), counter-clockwise unless `clockwise`. Includes both ends. */
export function arcPoints(cx: number, cy: number, r: number, start: number, end: number, clockwise: boolean, tolerance = ARC_TOLERANCE, budget?: ArcBudget): XY[] {
  let sweep = clockwise ? start - end : end - start;
  while (sweep <= 0) sweep += 2 * Math.PI;
  if (sweep > 2 * Math.PI) sweep = 2 * Math.PI;
  const signed = clockwise ? -sweep : sweep;
  const n = arcSegments(r, sweep, tolerance);
  spend(budget, n);
  const out: XY[] = [];
  for (let i = 0; i <= n; i++) {
    const t = start + (signed * i) / n;
    out.push([cx + r * Math.cos(t), cy + r * Math.sin(t)]);
  }
  return out;
}

/** Points of an elliptic arc (DXF: centre, major-axis end point relative to it, minor/major ratio, parameters). */
export function ellipsePoints(
  cx: number, cy: number, mx: number, my: number, ratio: number, start: number, end: number, clockwise: boolean, tolerance = ARC_TOLERANCE,
  budget?: ArcBudget,
): XY[] {
  const major = Math.hypot(mx, my);
  const rot = Math.atan2(my, mx);
  let sweep = clockwise ? start - end : end - start;
  while (sweep <= 0) sweep += 2 * Math.PI;
  if (sweep > 2 * Math.PI) sweep = 2 * Math.PI;
  const signed = clockwise ? -sweep : sweep;
  // The major radius bounds the curvature radius from above only for flat ellipses; it is safe.
  const n = arcSegments(major, sweep, tolerance);
  spend(budget, n);
  const out: XY[] = [];
  const cos = Math.cos(rot);
  const sin = Math.sin(rot);
  for (let i = 0; i <= n; i++) {
    const t = start + (signed * i) / n;
    const ex = major * Math.cos(t);
    const ey = major * ratio * Math.sin(t);
    out.push([cx + ex * cos - ey * sin, cy + ex * sin + ey * cos]);
  }
  return out;
}

/** Consecutive repeated vertices removed (within 1e-9 units). */
export function dropRepeats(points: readonly XY[]): XY[] {
  const out: XY[] = [];
  for (const p of points) {
    const q = out[out.length - 1];
    if (q === undefined || Math.abs(q[0] - p[0]) > 1e-9 || Math.abs(q[1] - p[1]) > 1e-9) out.push(p);
  }
  return out;
}

/** A closed ring (first = last), or null when fewer than 3 distinct vertices remain. */
export function closeRing(points: readonly XY[]): XY[] | null {
  let pts = dropRepeats(points);
  if (pts.length > 1) {
    const a = pts[0]!;
    const b = pts[pts.length - 1]!;
    if (Math.abs(a[0] - b[0]) <= 1e-9 && Math.abs(a[1] - b[1]) <= 1e-9) pts = pts.slice(0, -1);
  }
  if (pts.length < 3) return null;
  return [...pts, pts[0]!];
}

/** Signed area (shoelace; positive counter-clockwise) of a closed ring. */
export function signedArea(ring: readonly Position[]): number {
  let s = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const a = ring[i]!;
    const b = ring[i + 1]!;
    s += a[0]! * b[1]! - b[0]! * a[1]!;
  }
  return s / 2;
}

/** 1 inside, 0 on the boundary (within `eps`), -1 outside (even-odd rule). */
export function pointInRing(p: Position, ring: readonly Position[], eps = 1e-9): -1 | 0 | 1 {
  const [x, y] = p as [number, number];
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as [number, number];
    const [xj, yj] = ring[j] as [number, number];
    // On the segment?
    const dx = xj - xi;
    const dy = yj - yi;
    const len2 = dx * dx + dy * dy;
    if (len2 > 0) {
      const t = Math.max(0, Math.min(1, ((x - xi) * dx + (y - yi) * dy) / len2));
      if (Math.hypot(xi + t * dx - x, yi + t * dy - y) <= eps) return 0;
    } else if (Math.hypot(xi - x, yi - y) <= eps) return 0;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside ? 1 : -1;
}

export type Bounds = [number, number, number, number];

export function boundsOf(ring: readonly Position[]): Bounds {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const [x, y] of ring as [number, number][]) {
    if (x < minX) minX = x;
    if (y < minY) minY = y;
    if (x > maxX) maxX = x;
    if (y > maxY) maxY = y;
  }
  return [minX, minY, maxX, maxY];
}

/** Whether ring `inner` lies inside ring `outer`: every vertex inside or on it, at least one strictly inside. */
export function ringInside(inner: readonly Position[], outer: readonly Position[]): boolean {
  let strictly = false;
  for (let i = 0; i + 1 < inner.length; i++) {
    const where = pointInRing(inner[i]!, outer);
    if (where < 0) return false;
    if (where > 0) strictly = true;
  }
  return strictly; // every vertex on the boundary: the same ring, not a hole
}

export interface RingInput<T> {
  ring: XY[];
  /** Rings nest only with rings of the same group (the DXF layer). */
  group: string;
  data: T;
}

export interface NestedPolygon<T> {
  /** Outer ring first, then its holes. */
  rings: XY[][];
  /** Data of the outer ring. */
  data: T;
  group: string;
  area: number;
}

/**
 * Rings → polygons: a ring inside another of its group is a hole of the smallest one containing it,
 * a ring inside a hole is again an outer ring (even-odd nesting), as CAD hatching reads them.
 */
export function nestRings<T>(inputs: readonly RingInput<T>[]): NestedPolygon<T>[] {
  const items = inputs.map((r, i) => ({ ...r, i, area: Math.abs(signedArea(r.ring)), bounds: boundsOf(r.ring), depth: 0, parent: -1 }));
  const byGroup = new Map<string, typeof items>();
  for (const it of items) {
    const list = byGroup.get(it.group) ?? [];
    list.push(it);
    byGroup.set(it.group, list);
  }
  const out: NestedPolygon<T>[] = [];
  for (const list of byGroup.values()) {
    // Largest first: a ring's possible parents are all placed before it.
    list.sort((a, b) => b.area - a.area || a.i - b.i);
    const index = list.length > 1 ? new Flatbush(list.length) : null;
    if (index) {
      for (const it of list) index.add(...it.bounds);
      index.finish();
    }
    const polygons = new Map<number, NestedPolygon<T>>();
    list.forEach((it, k) => {
      let parent = -1;
      if (index) {
        for (const c of index.search(...it.bounds)) {
          if (c >= k) continue; // only larger (earlier) rings
          const cand = list[c]!;
          const [a0, a1, a2, a3] = cand.bounds;
          const [b0, b1, b2, b3] = it.bounds;
          if (b0 < a0 || b1 < a1 || b2 > a2 || b3 > a3) continue;
          if (parent >= 0 && list[parent]!.area <= cand.area) continue;
          if (ringInside(it.ring, cand.ring)) parent = c;
        }
      }
      it.parent = parent;
      it.depth = parent < 0 ? 0 : list[parent]!.depth + 1;
      if (it.depth % 2 === 0) {
        const p: NestedPolygon<T> = { rings: [it.ring], data: it.data, group: it.group, area: it.area };
        polygons.set(k, p);
        out.push(p);
      } else {
        polygons.get(parent)!.rings.push(it.ring);
      }
    });
  }
  return out;
}

/** Whether a point lies inside a polygon (outer ring first, holes after): in the outer, in no hole. */
export function pointInPolygon(p: Position, rings: readonly (readonly Position[])[]): boolean {
  if (rings.length === 0 || pointInRing(p, rings[0]!) < 0) return false;
  for (let i = 1; i < rings.length; i++) if (pointInRing(p, rings[i]!) > 0) return false;
  return true;
}
