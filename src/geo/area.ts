// Ellipsoidal (WGS 84) areas and lengths. Turf's spherical area is ~0.27% too large at Việt Yên's
// latitude; official VN-2000 plane areas agree with the ellipsoid to ~0.001%, so every area the
// explorer reports comes from here (GeographicLib, exact to round-off).
// The package is CommonJS: a default import works under Vite, vitest and Node ESM (tsx) alike.
import geodesic from 'geographiclib-geodesic';
import type { Feature, Geometry, Position } from 'geojson';
import type { Polygonal } from './types';

const geod = geodesic.Geodesic.WGS84;

/** Unsigned area in m² of one linear ring (closed or not). */
export function ringArea(ring: readonly Position[]): number {
  const n = ring.length;
  if (n < 3) return 0;
  const poly = geod.Polygon(false);
  // A closing vertex repeats the first; PolygonArea closes the ring itself.
  const last = ring[n - 1]!;
  const first = ring[0]!;
  const m = last[0] === first[0] && last[1] === first[1] ? n - 1 : n;
  for (let i = 0; i < m; i++) {
    const p = ring[i]!;
    poly.AddPoint(p[1]!, p[0]!);
  }
  return Math.abs(poly.Compute(false, true).area ?? 0);
}

/** Area in m² of a polygon's coordinates: outer ring minus holes. */
export function polygonCoordsArea(rings: readonly (readonly Position[])[]): number {
  if (rings.length === 0) return 0;
  let a = ringArea(rings[0]!);
  for (let i = 1; i < rings.length; i++) a -= ringArea(rings[i]!);
  return Math.max(0, a);
}

/** Area in m² of any geometry (0 for points and lines). */
export function geometryArea(g: Geometry | null | undefined): number {
  if (!g) return 0;
  switch (g.type) {
    case 'Polygon':
      return polygonCoordsArea(g.coordinates);
    case 'MultiPolygon':
      return g.coordinates.reduce((s, p) => s + polygonCoordsArea(p), 0);
    case 'GeometryCollection':
      return g.geometries.reduce((s, x) => s + geometryArea(x), 0);
    default:
      return 0;
  }
}

export function featureArea(f: Feature<Geometry | null> | Feature<Polygonal>): number {
  return geometryArea(f.geometry);
}

/** Geodesic length in m of a line's positions. */
export function lineLength(coords: readonly Position[]): number {
  let s = 0;
  for (let i = 1; i < coords.length; i++) {
    const a = coords[i - 1]!;
    const b = coords[i]!;
    s += geod.Inverse(a[1]!, a[0]!, b[1]!, b[0]!).s12 ?? 0;
  }
  return s;
}

/** Length in m of any lineal geometry (0 for others). */
export function geometryLength(g: Geometry | null | undefined): number {
  if (!g) return 0;
  switch (g.type) {
    case 'LineString':
      return lineLength(g.coordinates);
    case 'MultiLineString':
      return g.coordinates.reduce((s, l) => s + lineLength(l), 0);
    case 'GeometryCollection':
      return g.geometries.reduce((s, x) => s + geometryLength(x), 0);
    default:
      return 0;
  }
}
