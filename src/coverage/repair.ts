// GeoJSON (Multi)Polygon -> normalised integer paths in the local frame, repairing what can be
// repaired and saying what was done. Clipper's union with a fill rule is the repair: it resolves
// self-intersections (bowties), misplaced holes and overlapping MultiPolygon parts, and rounding to
// the frame's integer grid (0.01 mm) merges near-identical vertices (the input that makes Turf throw "Unable to complete
// output ring").
import { Clipper, FillRule, type Path64, type Paths64 } from '@countertype/clipper2-ts';
import type { Geometry, Position } from 'geojson';
import { type Frame } from './frame';
import { pack, unpack, type Packed } from './packed';
import { packedArea, packedBounds } from './cut';
import { validRings } from './simple';
import type { ProblemKind } from './types';
import { geometryComplexity, SMALL_POLYGON } from '../geo/complexity';
import * as Clip from '../geo/clip';

/** More than `limit` positions in a (Multi)Polygon's rings (geometryComplexity skips smaller ones). */
function positionsOver(g: Geometry, limit: number): boolean {
  const polys: unknown = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
  let n = 0;
  if (!Array.isArray(polys)) return true;
  for (const poly of polys) {
    if (!Array.isArray(poly)) return true;
    for (const ring of poly) {
      if (!Array.isArray(ring)) return true;
      n += ring.length;
      if (n > limit) return true;
    }
  }
  return false;
}

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

/** The same, packed (packed.ts): what the engine keeps for plans. */
export interface PlanePacked {
  packed: Packed;
  bbox: PlaneBBox;
}

export type PackedOutcome =
  | { ok: true; geom: PlanePacked; repairs: { kind: ProblemKind; message: string }[] }
  | { ok: false; reason: 'not_polygon' | 'invalid_geometry'; detail: string };

export type RepairOutcome =
  | { ok: true; geom: PlaneGeometry; repairs: { kind: ProblemKind; message: string }[] }
  | { ok: false; reason: 'not_polygon' | 'invalid_geometry'; detail: string };

class InvalidGeometry extends Error {}

let ringBuf = new Int32Array(1024);

/** One GeoJSON ring to the plane: x, y interleaved, repeats and the closing vertex dropped. */
function convertRing(ring: unknown, frame: Frame, stats: { merged: number }): Int32Array {
  if (!Array.isArray(ring)) throw new InvalidGeometry('a ring is not an array of positions');
  if (ringBuf.length < 2 * ring.length) ringBuf = new Int32Array(4 * ring.length);
  const out = ringBuf;
  const { lon0, lat0, sx, sy } = frame;
  let n = 0;
  let prevLon = NaN;
  let prevLat = NaN;
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
    // toPoint (frame.ts), inlined.
    const x = Math.round((lon - lon0) * sx);
    const y = Math.round((lat - lat0) * sy);
    if (n > 0 && out[2 * n - 2] === x && out[2 * n - 1] === y) {
      // Same integer point: an exact repeat is harmless, distinct input vertices are a snap.
      if (prevLon !== lon || prevLat !== lat) stats.merged++;
    } else {
      out[2 * n] = x;
      out[2 * n + 1] = y;
      n++;
    }
    prevLon = lon;
    prevLat = lat;
  }
  // Drop the closing vertex (Clipper paths are implicitly closed) and any that collapsed onto it.
  while (n > 1 && out[0] === out[2 * n - 2] && out[1] === out[2 * n - 1]) n--;
  return out.slice(0, 2 * n);
}

function polygonRings(coords: unknown, frame: Frame, stats: { merged: number }): Int32Array[] {
  if (!Array.isArray(coords)) throw new InvalidGeometry('polygon coordinates are not an array of rings');
  const rings: Int32Array[] = [];
  for (const r of coords as unknown[]) {
    const path = convertRing(r, frame, stats);
    if (path.length >= 6) rings.push(path);
  }
  return rings;
}

const toPath = (r: Int32Array): Path64 => unpack({ xy: r, ends: [r.length >> 1] })[0]!;

/** |outer| − Σ|holes| as the input claims it, to detect when the repair changed the area. */
function claimedArea(rings: Paths64): number {
  let a = 0;
  rings.forEach((r, i) => {
    const s = Math.abs(Clipper.area(r));
    a += i === 0 ? s : -s;
  });
  return a;
}

function concat(rings: readonly Int32Array[]): Packed {
  let n = 0;
  for (const r of rings) n += r.length;
  const xy = new Int32Array(n);
  const ends: number[] = new Array(rings.length);
  let k = 0;
  rings.forEach((r, i) => {
    xy.set(r, k);
    k += r.length;
    ends[i] = k >> 1;
  });
  return { xy, ends };
}

/** GeoJSON (Multi)Polygon → normalised packed geometry in the frame, repaired where needed. */
export function toPlanePacked(g: Geometry | null | undefined, frame: Frame): PackedOutcome {
  if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) {
    return { ok: false, reason: 'not_polygon', detail: `geometry is ${g ? g.type : 'null'}` };
  }
  // Bounded time (issue 12): a shape that would make the sweep quadratic is reported, not clipped.
  // (Estimated only above SMALL_POLYGON positions, counted here without copying the rings.)
  const tooComplex = positionsOver(g, SMALL_POLYGON) ? geometryComplexity(g) : null;
  if (tooComplex !== null) return { ok: false, reason: 'invalid_geometry', detail: tooComplex };
  try {
    const polys: unknown[] = g.type === 'Polygon' ? [g.coordinates] : Array.isArray(g.coordinates) ? g.coordinates : [];
    const stats = { merged: 0 };
    let packed: Packed | null = null;
    let changed = false;
    if (polys.length === 1) {
      const rings = polygonRings(polys[0], frame, stats);
      // Already valid (the common case): the repair union would only orient the rings.
      if (rings.length > 0 && validRings(rings)) packed = rings.length === 1 ? { xy: rings[0]!, ends: [rings[0]!.length >> 1] } : concat(rings);
    }
    if (packed === null) {
      const parts: Paths64 = [];
      for (const poly of polys) {
        const rings = polygonRings(poly, frame, { merged: 0 }).map(toPath);
        if (rings.length === 0) continue;
        // EvenOdd per polygon: GeoJSON's ring orientation is often wrong in the wild, even-odd
        // reads "outer ring then holes" correctly whatever the orientation.
        const fixed = Clip.union(rings, FillRule.EvenOdd);
        const claimed = claimedArea(rings);
        const got = Clipper.areaPaths(fixed);
        // Planar areas are float sums of large products: compare relatively.
        if (Math.abs(claimed - got) > 1 + 1e-9 * Math.abs(got)) changed = true;
        for (const p of fixed) parts.push(p);
      }
      if (polys.length !== 1) {
        // Count merged vertices once (the loop above converts the rings a second time).
        stats.merged = 0;
        for (const poly of polys) polygonRings(poly, frame, stats);
      }
      // Overlapping MultiPolygon parts (invalid but common) merge under NonZero.
      const paths = polys.length > 1 ? Clip.union(parts, FillRule.NonZero) : parts;
      if (polys.length > 1 && Math.abs(Clipper.areaPaths(paths) - Clipper.areaPaths(parts)) > 1 + 1e-9 * Math.abs(Clipper.areaPaths(parts))) changed = true;
      packed = pack(paths);
    }
    if (packed.ends.length === 0 || packedArea(packed) <= 0) {
      return { ok: false, reason: 'invalid_geometry', detail: 'empty or zero-area geometry' };
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
    return { ok: true, geom: { packed, bbox: packedBounds(packed) }, repairs };
  } catch (e) {
    // Clipper should not throw on finite input, but never let one bad plan break the register.
    const detail = e instanceof InvalidGeometry ? e.message : `could not be repaired (${e instanceof Error ? e.message : String(e)})`;
    return { ok: false, reason: 'invalid_geometry', detail };
  }
}

/** The same as Clipper paths (units, tests). */
export function toPlaneGeometry(g: Geometry | null | undefined, frame: Frame): RepairOutcome {
  const r = toPlanePacked(g, frame);
  if (!r.ok) return r;
  return { ok: true, geom: { paths: unpack(r.geom.packed), bbox: r.geom.bbox }, repairs: r.repairs };
}
