// The project's one bounding-box function. Unlike Turf's bbox it accepts untrusted input (the
// import pipeline sees malformed files): anything that is not a position is skipped, positions
// can be filtered (non-finite ones are by default), and "nothing found" is null, not ±Infinity.

/** [west, south, east, north] (min x, min y, max x, max y) */
export type BBox = [west: number, south: number, east: number, north: number];

/** Default filter: both coordinates are finite numbers. */
export const finiteXY = (x: number, y: number): boolean => Number.isFinite(x) && Number.isFinite(y);

/** Filter for lon/lat data: finite and within ±180° / ±90°. */
export const lonLatXY = (x: number, y: number): boolean => finiteXY(x, y) && Math.abs(x) <= 180 && Math.abs(y) <= 90;

const MAX_DEPTH = 12; // FeatureCollection › Feature › GeometryCollection › … › MultiPolygon position

/**
 * Bounding box of every position found in `value`: a FeatureCollection, a Feature, a geometry
 * (GeometryCollection included), bare coordinates, or an array of any of these (nulls skipped).
 * Objects are read by their `type` (any other object by its `coordinates`); a `bbox` member is
 * ignored (it may be stale or in another CRS). Positions that `keep` rejects are skipped; null
 * when none remain.
 */
export function extent(value: unknown, keep: (x: number, y: number) => boolean = finiteXY): BBox | null {
  let b: BBox | null = null;
  const add = (x: number, y: number): void => {
    if (!keep(x, y)) return;
    if (!b) b = [x, y, x, y];
    else {
      if (x < b[0]) b[0] = x;
      if (y < b[1]) b[1] = y;
      if (x > b[2]) b[2] = x;
      if (y > b[3]) b[3] = y;
    }
  };
  const visit = (v: unknown, depth: number): void => {
    if (depth > MAX_DEPTH || typeof v !== 'object' || v === null) return;
    if (Array.isArray(v)) {
      if (typeof v[0] === 'number') {
        if (typeof v[1] === 'number') add(v[0], v[1]);
        return;
      }
      for (const e of v) visit(e, depth + 1);
      return;
    }
    const o = v as { type?: unknown; features?: unknown; geometry?: unknown; geometries?: unknown; coordinates?: unknown };
    if (o.type === 'FeatureCollection') visit(o.features, depth + 1);
    else if (o.type === 'Feature') visit(o.geometry, depth + 1);
    else if (o.type === 'GeometryCollection') visit(o.geometries, depth + 1);
    else visit(o.coordinates, depth + 1);
  };
  visit(value, 0);
  return b;
}
