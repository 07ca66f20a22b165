// How much work a sweep-line clipper would do on a polygon, estimated in O(n log n) before asking
// it. Clipper2 (the coverage engine, the import's repair) sweeps a line across the polygon and at
// every stop ("scanbeam": each distinct vertex y) walks all edges crossing the line: the work is
// the sum, over edges, of the stops each one spans — n for an ordinary polygon, n² / 4 for a
// hostile one (a star of 20,000 spikes through one point, a saw-tooth folded over itself), where
// Clipper then runs for minutes. The same holds across x for sweeps ordered by x. A polygon whose
// estimate exceeds the budget, or that crosses itself too often to count (kinks.ts stops at 100),
// is refused with a message instead of clipped: bounded time, and said why.
import type { Position } from 'geojson';
import { scanSelfIntersections } from '../validation/kinks.ts';

/** Self-intersections a repair takes on (Clipper resolves them in O((n + k) log n)); more is a drawing to fix. */
export const MAX_REPAIRED_CROSSINGS = 10_000;

/** Polygons up to this many vertices are never estimated: their worst case is cheap. */
export const SMALL_POLYGON = 2_000;

/** Edge-stops a clip may cost (a few seconds of Clipper at most); a 1,000,000-vertex blob costs ~2 million. */
export const SWEEP_BUDGET = 20_000_000;

/** Σ over edges of the distinct coordinate values (one axis) within the edge's span; `v` holds the
 * ring vertices in order, `ends` where each ring stops (exclusive). */
function axisCost(v: Float64Array, ends: readonly number[]): number {
  const sorted = v.slice().sort();
  let u = 0;
  for (let i = 0; i < sorted.length; i++) if (u === 0 || sorted[i] !== sorted[u - 1]) sorted[u++] = sorted[i]!;
  const rank = (x: number): number => {
    let lo = 0, hi = u;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  let cost = 0;
  let start = 0;
  for (const end of ends) {
    let prev = start < end ? rank(v[start]!) : 0;
    for (let i = start + 1; i < end; i++) {
      const r = rank(v[i]!);
      cost += (r > prev ? r - prev : prev - r) + 1;
      prev = r;
    }
    start = end;
  }
  return cost;
}

/** The larger of the x and y sweep costs of one polygon's rings. */
export function sweepCost(rings: readonly (readonly Position[])[]): number {
  let n = 0;
  for (const r of rings) n += r.length;
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  const ends: number[] = [];
  let k = 0;
  for (const r of rings) {
    for (let i = 0; i < r.length; i++) {
      xs[k] = r[i]![0]!;
      ys[k++] = r[i]![1]!;
    }
    ends.push(k);
  }
  return Math.max(axisCost(xs, ends), axisCost(ys, ends));
}

/**
 * Why a polygon (its rings, lon/lat or any plane) is too complex to clip or repair, or null. Rings
 * must hold finite [x, y] positions (the callers have checked them).
 */
export function clipComplexity(rings: readonly (readonly Position[])[], costKnown = false): string | null {
  const cost = costKnown ? 0 : sweepCost(rings);
  if (cost > SWEEP_BUDGET) {
    return `too complex to clip: its edges span ${cost} sweep steps (limit ${SWEEP_BUDGET}); simplify it`;
  }
  const scan = scanSelfIntersections(rings, MAX_REPAIRED_CROSSINGS);
  if (scan.capped || scan.gaveUp) {
    const n = scan.capped ? `at least ${MAX_REPAIRED_CROSSINGS} times` : 'more often than can be counted';
    return `crosses itself ${n}: too many to repair automatically; fix the drawing`;
  }
  return null;
}

/** The same for a whole GeoJSON geometry (each polygon of a MultiPolygon on its own); null when fine. */
export function geometryComplexity(g: unknown): string | null {
  const o = typeof g === 'object' && g !== null ? (g as { type?: unknown; coordinates?: unknown }) : {};
  if (o.type !== 'Polygon' && o.type !== 'MultiPolygon') return null;
  const polys = polygonRingsOf(o.coordinates, o.type === 'MultiPolygon');
  // Small polygons cannot be expensive (2,000² / 4 steps is a millisecond): not even estimated.
  let vertices = 0;
  for (const rings of polys) for (const r of rings) vertices += r.length;
  if (vertices <= SMALL_POLYGON) return null;
  // The sweep runs over all parts together; the self-intersections are each part's own.
  const cost = sweepCost(polys.flat());
  if (cost > SWEEP_BUDGET) return `too complex to clip: its edges span ${cost} sweep steps (limit ${SWEEP_BUDGET}); simplify it`;
  for (const rings of polys) {
    const why = clipComplexity(rings, true);
    if (why !== null) return why;
  }
  return null;
}

/** The rings of a GeoJSON (Multi)Polygon's coordinates as position lists, skipping anything malformed. */
export function polygonRingsOf(coordinates: unknown, multi: boolean): Position[][][] {
  const polys = multi ? (Array.isArray(coordinates) ? coordinates : []) : [coordinates];
  const out: Position[][][] = [];
  for (const poly of polys) {
    if (!Array.isArray(poly)) continue;
    const rings: Position[][] = [];
    for (const ring of poly) {
      if (!Array.isArray(ring)) continue;
      const ok = ring.filter((p): p is Position => Array.isArray(p) && Number.isFinite(p[0]) && Number.isFinite(p[1]));
      if (ok.length > 0) rings.push(ok);
    }
    out.push(rings);
  }
  return out;
}
