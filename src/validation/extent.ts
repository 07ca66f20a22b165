// Features outside the district. A tolerance absorbs the differing generalisations of the source
// outlines (the district and the units come from different maps); beyond it, a feature is misplaced
// (swapped coordinates, a copy-paste from another district, a wrong projection).
import Flatbush from 'flatbush';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { isWellShapedGeometry, polygonsOf } from './geometry.ts';
import { rangeProblems } from './ranges.ts';
import { isUsableRing } from './rings.ts';
import type { Localized } from '../i18n/types.ts';
import { decimal, msg, part, same, type Msg } from './messages.ts';

export const EXTENT_TOLERANCE_KM = 0.5;

// Used when geodata/district.geojson is missing or unusable: Việt Yên's bounding box with a little
// margin (105.99–106.18 E, 21.18–21.36 N). Coarser than the outline, so the message says "bbox".
export const DISTRICT_BBOX = { west: 105.99, south: 21.18, east: 106.18, north: 21.36 } as const;

export interface DistrictShape {
  polygons: Position[][][];
  /** How messages name the reference: "the district" or "the district bbox". */
  name: Localized;
}

export function bboxShape(): DistrictShape {
  const { west: w, south: s, east: e, north: n } = DISTRICT_BBOX;
  return { polygons: [[[[w, s], [e, s], [e, n], [w, n], [w, s]]]], name: part('problemPart.districtBbox') };
}

export function districtShape(district: Polygon | MultiPolygon | null | undefined): DistrictShape {
  if (!district) return bboxShape();
  const polygons = district.type === 'Polygon' ? [district.coordinates] : district.coordinates;
  return polygons.length === 0 ? bboxShape() : { polygons, name: part('problemPart.district') };
}

// Local equirectangular projection: at ~21.3° N over 20 km its distance error is far below the
// 500 m tolerance, and it keeps this test a tight loop (a unit file has thousands of vertices).
const KM_PER_DEG_LAT = 110.6;

function kmPerDegLon(lat: number): number {
  return 111.32 * Math.cos((lat * Math.PI) / 180);
}

function segmentDistanceKm(p: Position, a: Position, b: Position, kx: number): number {
  const px = p[0]! * kx, py = p[1]! * KM_PER_DEG_LAT;
  const ax = a[0]! * kx, ay = a[1]! * KM_PER_DEG_LAT;
  const bx = b[0]! * kx, by = b[1]! * KM_PER_DEG_LAT;
  const dx = bx - ax, dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
  return Math.hypot(px - ax - t * dx, py - ay - t * dy);
}

/** The district outline's segments in a local km plane, indexed: built once per shape. */
interface OutlineIndex {
  index: Flatbush;
  /** Segment i: ring positions a = seg[i][0], b = seg[i][1]. */
  segs: [Position, Position][];
  kx0: number;
  bbox: [number, number, number, number];
}

const indexes = new WeakMap<DistrictShape, OutlineIndex>();

function outlineIndex(shape: DistrictShape): OutlineIndex {
  const cached = indexes.get(shape);
  if (cached !== undefined) return cached;
  const segs: [Position, Position][] = [];
  let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
  for (const rings of shape.polygons) for (const ring of rings) {
    for (let i = 0; i + 1 < ring.length; i++) segs.push([ring[i]!, ring[i + 1]!]);
    for (const p of ring) {
      w = Math.min(w, p[0]!);
      e = Math.max(e, p[0]!);
      s = Math.min(s, p[1]!);
      n = Math.max(n, p[1]!);
    }
  }
  const kx0 = kmPerDegLon((s + n) / 2);
  const index = new Flatbush(Math.max(1, segs.length));
  for (const [a, b] of segs) {
    index.add(Math.min(a[0]!, b[0]!) * kx0, Math.min(a[1]!, b[1]!) * KM_PER_DEG_LAT, Math.max(a[0]!, b[0]!) * kx0, Math.max(a[1]!, b[1]!) * KM_PER_DEG_LAT);
  }
  if (segs.length === 0) index.add(0, 0, 0, 0);
  index.finish();
  const out: OutlineIndex = { index, segs, kx0, bbox: [w, s, e, n] };
  indexes.set(shape, out);
  return out;
}

/** Even-odd crossings of a ray east from (x, y), through the index (only segments spanning y). */
function insideShape(x: number, y: number, o: OutlineIndex): boolean {
  let inside = false;
  const py = y * KM_PER_DEG_LAT;
  o.index.search(x * o.kx0, py, Infinity, py, (i) => {
    const [a, b] = o.segs[i]!;
    const xi = a[0]!, yi = a[1]!, xj = b[0]!, yj = b[1]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    return false;
  });
  return inside;
}

/** Distance (km) from p to the nearest outline segment: nearest boxes first, refined exactly. */
function distanceToOutlineKm(p: Position, o: OutlineIndex): number {
  if (o.segs.length === 0) return Infinity;
  const kx = kmPerDegLon(p[1]!);
  let best = Infinity;
  // Box distances use the outline's kx; the exact test the point's: a 1% margin covers the difference.
  for (const i of o.index.neighbors(p[0]! * o.kx0, p[1]! * KM_PER_DEG_LAT, 32)) {
    const [a, b] = o.segs[i]!;
    best = Math.min(best, segmentDistanceKm(p, a, b, kx));
  }
  const more = o.index.neighbors(p[0]! * o.kx0, p[1]! * KM_PER_DEG_LAT, Infinity, best * 1.01 + 1e-9);
  for (const i of more) {
    const [a, b] = o.segs[i]!;
    best = Math.min(best, segmentDistanceKm(p, a, b, kx));
  }
  return best;
}

/** Distance (km) from p to a lon/lat box, 0 inside it. */
function boxDistanceKm(p: Position, box: readonly [number, number, number, number]): number {
  const x = p[0]!, y = p[1]!;
  const dx = x < box[0] ? box[0] - x : x > box[2] ? x - box[2] : 0;
  const dy = y < box[1] ? box[1] - y : y > box[3] ? y - box[3] : 0;
  return Math.hypot(dx * kmPerDegLon(Math.min(Math.abs(y), 89.9)), dy * KM_PER_DEG_LAT);
}

/** Exact distances are worked out for at most this many far positions (the farthest by box). */
const FAR_SAMPLE = 1_000;

/**
 * Largest distance (km) of any position outside the shape; 0 when all are inside. Bounded work:
 * positions within the outline's bbox are tested through the outline's segment index; positions
 * outside it are certainly outside, and their exact distance is worked out for the FAR_SAMPLE
 * farthest (by distance to the bbox, a lower bound), which is what the message reports.
 */
export function outsideDistanceKm(positions: readonly Position[], shape: DistrictShape): number {
  const o = outlineIndex(shape);
  let worst = 0;
  const far: { p: Position; d: number }[] = [];
  let floor = 0;
  for (const p of positions) {
    const d = boxDistanceKm(p, o.bbox);
    if (d > 0) {
      if (d <= floor) continue;
      far.push({ p, d });
      if (far.length >= 2 * FAR_SAMPLE) {
        far.sort((a, b) => b.d - a.d);
        far.length = FAR_SAMPLE;
        floor = far[FAR_SAMPLE - 1]!.d;
      }
      continue;
    }
    if (insideShape(p[0]!, p[1]!, o)) continue;
    worst = Math.max(worst, distanceToOutlineKm(p, o));
  }
  far.sort((a, b) => b.d - a.d);
  for (const { p, d } of far.slice(0, FAR_SAMPLE)) {
    if (d <= worst) break;
    worst = Math.max(worst, distanceToOutlineKm(p, o));
  }
  return worst;
}

function formatDistance(km: number): Localized {
  const n = km < 10 ? decimal(km, 1) : same(String(Math.round(km)));
  return { vi: `${n.vi} km`, en: `${n.en} km` };
}

export function extentProblem(positions: readonly Position[], shape: DistrictShape): Msg | null {
  const km = outsideDistanceKm(positions, shape);
  return km > EXTENT_TOLERANCE_KM ? msg('outside', { distance: formatDistance(km), reference: shape.name }) : null;
}

/**
 * Any layer, also one that may reach beyond the district (an overlay, the checker's generic files,
 * coverage inputs): a feature more than FAR_KM from it is not about Việt Yên — swapped or wrong
 * coordinates, or a wrong CRS (a polygon in Paris is 8,000 km away).
 */
export const FAR_KM = 100;

export function farProblem(positions: readonly Position[], shape: DistrictShape): Msg | null {
  const o = outlineIndex(shape);
  let nearest = Infinity;
  for (const p of positions) {
    nearest = Math.min(nearest, boxDistanceKm(p, o.bbox));
    if (nearest <= FAR_KM) return null;
  }
  if (!Number.isFinite(nearest)) return null;
  return msg('far', { distance: formatDistance(nearest), reference: shape.name, far: FAR_KM });
}

function isAreal(g: unknown): g is Polygon | MultiPolygon {
  return isWellShapedGeometry(g) && (g.type === 'Polygon' || g.type === 'MultiPolygon');
}

/**
 * The district outline from a parsed district.geojson (a FeatureCollection, a Feature or a bare
 * geometry): all its polygons as one MultiPolygon, or null when there is nothing sound to test against.
 */
export function districtFromGeoJson(value: unknown): MultiPolygon | null {
  const o = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  const candidates: unknown[] =
    o.type === 'FeatureCollection' && Array.isArray(o.features)
      ? o.features.map((f) => (typeof f === 'object' && f !== null ? (f as Record<string, unknown>).geometry : null))
      : o.type === 'Feature'
        ? [o.geometry]
        : [value];
  const polygons: Position[][][] = [];
  for (const g of candidates) {
    if (!isAreal(g)) continue;
    for (const p of polygonsOf(g)) polygons.push(p.rings);
  }
  const sound = polygons.length > 0 &&
    polygons.every((rings) => rings.length > 0 && rings.every(isUsableRing)) &&
    rangeProblems(polygons.flat(2)).length === 0;
  return sound ? { type: 'MultiPolygon', coordinates: polygons } : null;
}
