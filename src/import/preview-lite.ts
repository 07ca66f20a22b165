// The page's preview of a large import (issue 15). A 95 MB register's 2,000-feature preview is
// 6 MB of nested coordinate arrays: cloned to the page (structured clone, on its thread), wrapped
// by the store, cloned again into IndexedDB and into MapLibre's worker — 100–700 ms blocks of the
// page each. The preview only has to show where the file lands and carry the features' properties
// (search, the feature list; a clicked feature's own data is read from the map's full tiles), so
// its rings are simplified (Douglas–Peucker from ~1 m, coarser until a ring has at most 24
// vertices: a 200 m plot is ~12 px wide when the district fills the screen) and its coordinates
// rounded to 1e-6° (~0.1 m): the 95 MB benchmark register's preview goes from 242,000 positions
// (6.3 MB of JSON) to under 48,000.
import type { Feature, Geometry, Position } from 'geojson';

/** Douglas–Peucker tolerance in degrees (~1.1 m north–south, ~1.0 m east–west at 21° N), to start with. */
export const PREVIEW_TOLERANCE_DEG = 1e-5;
/** Most vertices a preview ring or line keeps (the tolerance doubles until it fits). */
export const PREVIEW_MAX_VERTICES = 24;

const round6 = (v: number): number => Math.round(v * 1e6) / 1e6;

/** Douglas–Peucker on lon/lat (planar in degrees: a preview needs no more), endpoints kept. */
function simplifyLine(pts: Position[], tol: number, closed: boolean): Position[] {
  const n = pts.length;
  if (n <= (closed ? 5 : 2)) return pts.map((p) => [round6(p[0]!), round6(p[1]!)]);
  const keep = new Uint8Array(n);
  keep[0] = 1;
  keep[n - 1] = 1;
  const tol2 = tol * tol;
  // A closed ring is split at its farthest vertex from the first so both halves simplify well.
  const stack: [number, number][] = [];
  if (closed) {
    let far = 1;
    let best = -1;
    for (let i = 1; i < n - 1; i++) {
      const d = (pts[i]![0]! - pts[0]![0]!) ** 2 + (pts[i]![1]! - pts[0]![1]!) ** 2;
      if (d > best) {
        best = d;
        far = i;
      }
    }
    keep[far] = 1;
    stack.push([0, far], [far, n - 1]);
  } else {
    stack.push([0, n - 1]);
  }
  while (stack.length > 0) {
    const [lo, hi] = stack.pop()!;
    const ax = pts[lo]![0]!, ay = pts[lo]![1]!, bx = pts[hi]![0]!, by = pts[hi]![1]!;
    const dx = bx - ax, dy = by - ay;
    const len2 = dx * dx + dy * dy;
    let worst = -1;
    let at = -1;
    for (let i = lo + 1; i < hi; i++) {
      const px = pts[i]![0]! - ax, py = pts[i]![1]! - ay;
      let d2: number;
      if (len2 === 0) d2 = px * px + py * py;
      else {
        const t = Math.max(0, Math.min(1, (px * dx + py * dy) / len2));
        d2 = (px - t * dx) ** 2 + (py - t * dy) ** 2;
      }
      if (d2 > worst) {
        worst = d2;
        at = i;
      }
    }
    if (at >= 0 && worst > tol2) {
      keep[at] = 1;
      stack.push([lo, at], [at, hi]);
    }
  }
  const out: Position[] = [];
  for (let i = 0; i < n; i++) if (keep[i]) out.push([round6(pts[i]![0]!), round6(pts[i]![1]!)]);
  // A ring keeps at least a triangle.
  if (closed && out.length < 4) return pts.map((p) => [round6(p[0]!), round6(p[1]!)]);
  return out;
}

/** Simplified until it has at most PREVIEW_MAX_VERTICES vertices (or the tolerance is absurd). */
function capped(pts: Position[], closed: boolean): Position[] {
  let tol = PREVIEW_TOLERANCE_DEG;
  let out = simplifyLine(pts, tol, closed);
  while (out.length > PREVIEW_MAX_VERTICES && tol < 1) {
    tol *= 2;
    out = simplifyLine(out, tol, closed);
  }
  return out;
}

function lightGeometry(g: Geometry | null): Geometry | null {
  if (!g) return g;
  const ok = (c: unknown): c is Position[] => Array.isArray(c) && c.every((p) => Array.isArray(p) && typeof p[0] === 'number' && typeof p[1] === 'number');
  switch (g.type) {
    case 'Polygon':
      return g.coordinates.every(ok) ? { type: 'Polygon', coordinates: g.coordinates.map((r) => capped(r, true)) } : g;
    case 'MultiPolygon':
      return g.coordinates.every((p) => p.every(ok)) ? { type: 'MultiPolygon', coordinates: g.coordinates.map((p) => p.map((r) => capped(r, true))) } : g;
    case 'LineString':
      return ok(g.coordinates) ? { type: 'LineString', coordinates: capped(g.coordinates, false) } : g;
    case 'MultiLineString':
      return g.coordinates.every(ok) ? { type: 'MultiLineString', coordinates: g.coordinates.map((l) => capped(l, false)) } : g;
    default:
      return g;
  }
}

/** The preview features of a large import: same properties, lighter geometry. */
export function lightPreview(features: readonly Feature<Geometry | null>[]): Feature<Geometry | null>[] {
  return features.map((f) => ({ ...f, geometry: lightGeometry(f.geometry) }));
}
