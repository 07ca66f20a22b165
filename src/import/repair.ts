// Repairing polygon geometries on request (never silently): planners' files come out of CAD
// conversions with unclosed rings, doubled vertices, bow-ties and either winding. Each step is
// reported per feature so the user can see what changed before accepting the import.
// Bounded by the input's size: self-intersections are found through the checker's segment index
// (src/validation/kinks.ts) and resolved by Clipper2's sweep (even-odd union, the coverage engine's
// own repair), both O(n log n); a 1,000,000-vertex bow-tie is repaired in seconds.
import { rewind } from '@turf/turf';
import { FillRule, type Path64, type Paths64 } from '@countertype/clipper2-ts';
import type { Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import { scanSelfIntersections } from '../validation/kinks.ts';
import { clipComplexity } from '../geo/complexity.ts';
import { groupPolygons } from '../geo/group-polygons.ts';
import * as Clip from '../geo/clip.ts';
import { createFrame, pathToLonLat, toPoint, type Frame } from '../coverage/frame.ts';
import { signedArea2 } from '../validation/rings.ts';
import type { AnyCollection, AnyFeature } from './types.ts';
import { errorText } from './types.ts';

export interface RepairAction {
  featureIndex: number;
  featureId: string | null;
  /** What was done, e.g. "closed ring 0; resolved the self-intersections of a polygon by splitting it into 2 parts". */
  message: string;
}

function same(a: Position, b: Position): boolean {
  return a[0] === b[0] && a[1] === b[1];
}

interface RingFix {
  ring: Position[] | null;
  notes: string[];
}

function fixRing(ring: Position[], index: number): RingFix {
  const notes: string[] = [];
  const kept = ring.filter((p, i) => i === 0 || !same(p, ring[i - 1]!));
  if (kept.length < ring.length) notes.push(`dropped ${ring.length - kept.length} repeated vertices in ring ${index}`);
  if (kept.length > 0 && !same(kept[0]!, kept[kept.length - 1]!)) {
    kept.push([...kept[0]!]);
    notes.push(`closed ring ${index}`);
  }
  if (kept.length < 4) return { ring: null, notes: [...notes, `dropped degenerate ring ${index} (${kept.length} positions)`] };
  return { ring: kept, notes };
}

function ringBbox(rings: readonly Position[][]): [number, number, number, number] {
  let w = Infinity, so = Infinity, e = -Infinity, n = -Infinity;
  for (const r of rings) for (const p of r) {
    if (p[0]! < w) w = p[0]!;
    if (p[0]! > e) e = p[0]!;
    if (p[1]! < so) so = p[1]!;
    if (p[1]! > n) n = p[1]!;
  }
  return [w, so, e, n];
}

/** A Clipper result path back in lon/lat as a closed GeoJSON ring. */
function closedRing(frame: Frame, path: Path64): Position[] {
  const ring: Position[] = pathToLonLat(frame, path);
  ring.push([...ring[0]!]);
  return ring;
}

/** Even-odd union in a local integer plane: bow-ties become separate parts, crossings are resolved. */
function splitSelfIntersecting(rings: Position[][]): Position[][][] {
  const frame = createFrame(ringBbox(rings));
  const paths: Paths64 = rings.map((r) => {
    const path: Path64 = [];
    for (let i = 0; i + 1 < r.length; i++) path.push(toPoint(frame, r[i]![0]!, r[i]![1]!));
    return path;
  });
  // Flat result grouped by containment, not Clipper's PolyTree: clipper2-ts 1.5.4's tree sometimes
  // lists a hole beside its outer ring (rings sharing vertices), which would turn the hole into a
  // part of its own, covered instead of cut out (see group-polygons.ts).
  return groupPolygons(Clip.union(paths, FillRule.EvenOdd)).map((poly) => poly.map((r) => closedRing(frame, r)));
}

/** What resolving a polygon's self-intersections did, by the number of parts left (all start "resolved"). */
export function selfIntersectionNote(parts: number): string {
  if (parts === 0) return 'resolved the self-intersections of a polygon: no area was left, so it was dropped';
  if (parts === 1) return 'resolved the self-intersections of a polygon: it stays one part';
  return `resolved the self-intersections of a polygon by splitting it into ${parts} parts`;
}

/** One polygon's rings fixed, then bow-ties split; [] when nothing of it survives. */
function fixPolygon(rings: Position[][], notes: string[]): Position[][][] {
  const fixed: Position[][] = [];
  for (let i = 0; i < rings.length; i++) {
    const r = fixRing(rings[i]!, i);
    notes.push(...r.notes);
    if (r.ring !== null) fixed.push(r.ring);
    else if (i === 0) return []; // without its outer ring the polygon is gone, holes too
  }
  if (fixed.length === 0) return [];
  const scan = scanSelfIntersections(fixed, 1);
  if (scan.points.length === 0 && !scan.gaveUp) return [fixed];
  // Clipper is quadratic on some shapes (a saw-tooth folded over itself): refused, not run for minutes.
  const why = clipComplexity(fixed);
  if (why !== null) {
    notes.push(`not repaired: ${why}`);
    return [fixed];
  }
  const parts = splitSelfIntersecting(fixed);
  notes.push(selfIntersectionNote(parts.length));
  return parts;
}

/** The repaired geometry and what was done; null geometry when nothing usable is left. */
export function repairGeometry(g: Geometry | null): { geometry: Geometry | null; notes: string[] } {
  if (g === null || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) return { geometry: g, notes: [] };
  const notes: string[] = [];
  const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  const out = polygons.flatMap((p) => fixPolygon(p, notes));
  if (out.length === 0) return { geometry: null, notes: [...notes, 'no usable polygon left'] };
  const geometry: Polygon | MultiPolygon =
    out.length === 1 ? { type: 'Polygon', coordinates: out[0]! } : { type: 'MultiPolygon', coordinates: out };
  // RFC 7946 winding: outer rings counter-clockwise, holes clockwise.
  // Which rings turn the wrong way, before rewinding (comparing the whole coordinates would copy them).
  const wrong = out.some((rings) => rings.some((r, i) => (i === 0 ? signedArea2(r) < 0 : signedArea2(r) > 0)));
  const wound = rewind(geometry, { reverse: false }) as Polygon | MultiPolygon;
  if (wrong) notes.push('rewound rings to RFC 7946 order');
  return { geometry: wound, notes };
}

function idOf(f: AnyFeature): string | null {
  if (typeof f !== 'object' || f === null) return null;
  const props = f.properties;
  const id = (typeof props === 'object' && props !== null ? props.id : undefined) ?? f.id;
  return typeof id === 'string' || typeof id === 'number' ? String(id) : null;
}

/** Repairs the features whose indexes are given (the invalid ones); the others are left untouched. */
export function repairFeatures(fc: AnyCollection, indexes: ReadonlySet<number>): { collection: AnyCollection; actions: RepairAction[] } {
  const actions: RepairAction[] = [];
  const features = fc.features.map((f, i) => {
    if (!indexes.has(i) || typeof f !== 'object' || f === null || !('geometry' in f)) return f;
    try {
      const { geometry, notes } = repairGeometry(f.geometry);
      if (notes.length > 0) actions.push({ featureIndex: i, featureId: idOf(f), message: notes.join('; ') });
      return { ...f, geometry };
    } catch (e) {
      actions.push({ featureIndex: i, featureId: idOf(f), message: `could not be repaired (${errorText(e)})` });
      return f;
    }
  });
  return { collection: { ...fc, features }, actions };
}

/** The collection without the given features, and a note per dropped feature. */
export function dropFeatures(fc: AnyCollection, indexes: ReadonlySet<number>): { collection: AnyCollection; actions: RepairAction[] } {
  const actions: RepairAction[] = [];
  const features = fc.features.filter((f, i) => {
    if (!indexes.has(i)) return true;
    actions.push({ featureIndex: i, featureId: idOf(f), message: 'left out (invalid)' });
    return false;
  });
  return { collection: { ...fc, features }, actions };
}

/**
 * Outer rings counter-clockwise, holes clockwise (RFC 7946), for formats with another or no winding
 * convention (Shapefile: clockwise outer rings; KML; pre-RFC GeoJSON). A convention change, not a repair.
 */
export function rewindCollection(fc: AnyCollection): AnyCollection {
  const features = fc.features.map((f) => {
    const g = f?.geometry;
    if (g === null || g === undefined || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) return f;
    try {
      return { ...f, geometry: rewind(g, { reverse: false }) as Geometry };
    } catch {
      return f; // malformed: the checker reports it
    }
  });
  return { ...fc, features };
}
