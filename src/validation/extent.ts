// Features outside the district. A tolerance absorbs the differing generalisations of the source
// outlines (the district and the units come from different maps); beyond it, a feature is misplaced
// (swapped coordinates, a copy-paste from another district, a wrong projection).
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { isWellShapedGeometry, polygonsOf } from './geometry.ts';
import { rangeProblems } from './ranges.ts';
import { isUsableRing } from './rings.ts';

export const EXTENT_TOLERANCE_KM = 0.5;

// Used when geodata/district.geojson is missing or unusable: Việt Yên's bounding box with a little
// margin (105.99–106.18 E, 21.18–21.36 N). Coarser than the outline, so the message says "bbox".
export const DISTRICT_BBOX = { west: 105.99, south: 21.18, east: 106.18, north: 21.36 } as const;

export interface DistrictShape {
  polygons: Position[][][];
  /** How messages name the reference: "the district" or "the district bbox". */
  name: string;
}

export function bboxShape(): DistrictShape {
  const { west: w, south: s, east: e, north: n } = DISTRICT_BBOX;
  return { polygons: [[[[w, s], [e, s], [e, n], [w, n], [w, s]]]], name: 'the district bbox' };
}

export function districtShape(district: Polygon | MultiPolygon | null | undefined): DistrictShape {
  if (!district) return bboxShape();
  const polygons = district.type === 'Polygon' ? [district.coordinates] : district.coordinates;
  return polygons.length === 0 ? bboxShape() : { polygons, name: 'the district' };
}

// Local equirectangular projection: at ~21.3° N over 20 km its distance error is far below the
// 500 m tolerance, and it keeps this test a tight loop (a unit file has thousands of vertices).
const KM_PER_DEG_LAT = 110.6;

function kmPerDegLon(lat: number): number {
  return 111.32 * Math.cos((lat * Math.PI) / 180);
}

function insideRings(x: number, y: number, rings: readonly Position[][]): boolean {
  // Even-odd over the outer ring and its holes: inside the outer and not in a hole.
  let inside = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i] as [number, number];
      const [xj, yj] = ring[j] as [number, number];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
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

function distanceToOutlineKm(p: Position, shape: DistrictShape, kx: number): number {
  let best = Infinity;
  for (const rings of shape.polygons) {
    for (const ring of rings) {
      for (let i = 0; i + 1 < ring.length; i++) best = Math.min(best, segmentDistanceKm(p, ring[i]!, ring[i + 1]!, kx));
    }
  }
  return best;
}

/** Largest distance (km) of any position outside the shape; 0 when all are inside. */
export function outsideDistanceKm(positions: readonly Position[], shape: DistrictShape): number {
  let worst = 0;
  for (const p of positions) {
    const [x, y] = p as [number, number];
    if (shape.polygons.some((rings) => insideRings(x, y, rings))) continue;
    worst = Math.max(worst, distanceToOutlineKm(p, shape, kmPerDegLon(y)));
  }
  return worst;
}

function formatDistance(km: number): string {
  return km < 10 ? `${km.toFixed(1)} km` : `${Math.round(km)} km`;
}

export function extentProblem(positions: readonly Position[], shape: DistrictShape): string | null {
  const km = outsideDistanceKm(positions, shape);
  return km > EXTENT_TOLERANCE_KM ? `lies ${formatDistance(km)} outside ${shape.name}` : null;
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
