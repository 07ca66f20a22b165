// Fixture helpers for the geodata build tests: shapes are drawn in metres in the project's local
// plane and converted to lon/lat, so expected values can be worked out by hand.
import type { Position } from 'geojson';
import { VIET_YEN_PLANE as P } from '../../../scripts/geodata/local-plane';

export { P };

/** lon/lat of the point (x, y) metres east/north of the plane's origin */
export const ll = (x: number, y: number): Position => P.toLonLat([x, y]);

/** metres (x, y) of a lon/lat position */
export const xy = (p: Position): [number, number] => P.toPlane(p);

/** closed lon/lat ring through the given points in metres */
export const ringM = (...pts: [number, number][]): Position[] => [...pts, pts[0]!].map(([x, y]) => ll(x, y));

/** axis-aligned rectangle in metres as a Polygon */
export const rectM = (x0: number, y0: number, x1: number, y1: number) => ({
  type: 'Polygon' as const,
  coordinates: [ringM([x0, y0], [x1, y0], [x1, y1], [x0, y1])],
});

/** |shoelace area| of a ring in its own units (test-side, independent of the code under test) */
export const shoelace = (ring: readonly Position[]): number => {
  let s = 0;
  for (let i = 0; i + 1 < ring.length; i++) s += ring[i]![0]! * ring[i + 1]![1]! - ring[i + 1]![0]! * ring[i]![1]!;
  return Math.abs(s) / 2;
};

/** distinct vertices of a closed ring as sorted "x,y" keys (rounded to `digits`), order-free */
export const vertexKeys = (ring: readonly Position[], digits = 6): string[] =>
  [...new Set(ring.map((p) => `${p[0]!.toFixed(digits)},${p[1]!.toFixed(digits)}`))].sort();

/** vertexKeys of a ring given in metres */
export const vertexKeysM = (pts: [number, number][], digits = 6): string[] => vertexKeys(pts.map(([x, y]) => ll(x, y)), digits);
