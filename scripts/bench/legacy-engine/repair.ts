// FROZEN COPY of the coverage engine as it was before issue 15 (commit 62d4163 plus the grid
// bisection then in the work tree), kept only so `npm run bench:coverage` can measure the old
// engine against the new one in the same run. Not used by the app; do not change.
// GeoJSON (Multi)Polygon -> normalised integer paths in the local frame, repairing what can be
// repaired and saying what was done. Clipper's union with a fill rule is the repair: it resolves
// self-intersections (bowties), misplaced holes and overlapping MultiPolygon parts, and rounding to
// the frame's integer grid (0.01 mm) merges near-identical vertices (the input that makes Turf throw "Unable to complete
// output ring").
import { Clipper, FillRule, type Path64, type Paths64 } from '@countertype/clipper2-ts';
import type { Geometry, Position } from 'geojson';
import { toPoint, type Frame } from './frame';
import type { ProblemKind } from '../../../src/coverage/types';

export interface PlaneBBox {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

export interface PlaneGeometry {
  /** NonZero-normalised: outer rings positive, holes negative, no self-intersections. */
  paths: Paths64;
  bbox: PlaneBBox;
}

export type RepairOutcome =
  | { ok: true; geom: PlaneGeometry; repairs: { kind: ProblemKind; message: string }[] }
  | { ok: false; reason: 'not_polygon' | 'invalid_geometry'; detail: string };

class InvalidGeometry extends Error {}

function convertRing(ring: unknown, frame: Frame, stats: { merged: number }): Path64 {
  if (!Array.isArray(ring)) throw new InvalidGeometry('a ring is not an array of positions');
  const out: Path64 = [];
  let prev: Position | undefined;
  for (const pos of ring as unknown[]) {
    if (!Array.isArray(pos) || pos.length < 2) throw new InvalidGeometry('a position is not [lon, lat]');
    const lon = pos[0] as unknown;
    const lat = pos[1] as unknown;
    if (typeof lon !== 'number' || typeof lat !== 'number' || !Number.isFinite(lon) || !Number.isFinite(lat)) {
      throw new InvalidGeometry('a coordinate is not a finite number');
    }
    if (Math.abs(lon) > 180 || Math.abs(lat) > 90) {
      throw new InvalidGeometry(`coordinate (${lon}, ${lat}) is not lon/lat (projected data? use WGS 84 degrees)`);
    }
    const p = toPoint(frame, lon, lat);
    const last = out[out.length - 1];
    if (last && last.x === p.x && last.y === p.y) {
      // Same integer point: an exact repeat is harmless, distinct input vertices are a snap.
      if (prev && (prev[0] !== lon || prev[1] !== lat)) stats.merged++;
    } else {
      out.push(p);
    }
    prev = pos as Position;
  }
  // Drop the closing vertex (Clipper paths are implicitly closed) and any that collapsed onto it.
  while (out.length > 1 && out[0]!.x === out[out.length - 1]!.x && out[0]!.y === out[out.length - 1]!.y) out.pop();
  return out;
}

function polygonRings(coords: unknown, frame: Frame, stats: { merged: number }): Paths64 {
  if (!Array.isArray(coords)) throw new InvalidGeometry('polygon coordinates are not an array of rings');
  const rings: Paths64 = [];
  for (const r of coords as unknown[]) {
    const path = convertRing(r, frame, stats);
    if (path.length >= 3) rings.push(path);
  }
  return rings;
}

/** |outer| − Σ|holes| as the input claims it, to detect when the repair changed the area. */
function claimedArea(rings: Paths64): number {
  let a = 0;
  rings.forEach((r, i) => {
    const s = Math.abs(Clipper.area(r));
    a += i === 0 ? s : -s;
  });
  return a;
}

export function toPlaneGeometry(g: Geometry | null | undefined, frame: Frame): RepairOutcome {
  if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) {
    return { ok: false, reason: 'not_polygon', detail: `geometry is ${g ? g.type : 'null'}` };
  }
  try {
    const polys: unknown[] = g.type === 'Polygon' ? [g.coordinates] : Array.isArray(g.coordinates) ? g.coordinates : [];
    const stats = { merged: 0 };
    const parts: Paths64 = [];
    let changed = false;
    for (const poly of polys) {
      const rings = polygonRings(poly, frame, stats);
      if (rings.length === 0) continue;
      // EvenOdd per polygon: GeoJSON's ring orientation is often wrong in the wild, even-odd
      // reads "outer ring then holes" correctly whatever the orientation.
      const fixed = Clipper.union(rings, FillRule.EvenOdd);
      const claimed = claimedArea(rings);
      const got = Clipper.areaPaths(fixed);
      // Planar areas are float sums of large products: compare relatively.
      if (Math.abs(claimed - got) > 1 + 1e-9 * Math.abs(got)) changed = true;
      for (const p of fixed) parts.push(p);
    }
    // Overlapping MultiPolygon parts (invalid but common) merge under NonZero.
    const paths = polys.length > 1 ? Clipper.union(parts, FillRule.NonZero) : parts;
    if (polys.length > 1 && Math.abs(Clipper.areaPaths(paths) - Clipper.areaPaths(parts)) > 1 + 1e-9 * Math.abs(Clipper.areaPaths(parts))) changed = true;
    if (paths.length === 0 || Clipper.areaPaths(paths) <= 0) {
      return { ok: false, reason: 'invalid_geometry', detail: 'empty or zero-area geometry' };
    }
    let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
    for (const p of paths) for (const q of p) {
      if (q.x < minX) minX = q.x;
      if (q.y < minY) minY = q.y;
      if (q.x > maxX) maxX = q.x;
      if (q.y > maxY) maxY = q.y;
    }
    const repairs: { kind: ProblemKind; message: string }[] = [];
    if (changed) {
      repairs.push({
        kind: 'self_intersection_repaired',
        message: 'self-intersecting rings, misplaced holes or overlapping parts: repaired (even-odd rings, parts merged)',
      });
    }
    if (stats.merged > 0) {
      repairs.push({
        kind: 'near_duplicate_vertices_merged',
        message: `${stats.merged} near-identical vertices (< 0.01 mm apart) merged`,
      });
    }
    return { ok: true, geom: { paths, bbox: { minX, minY, maxX, maxY } }, repairs };
  } catch (e) {
    // Clipper should not throw on finite input, but never let one bad plan break the register.
    const detail = e instanceof InvalidGeometry ? e.message : `could not be repaired (${e instanceof Error ? e.message : String(e)})`;
    return { ok: false, reason: 'invalid_geometry', detail };
  }
}
