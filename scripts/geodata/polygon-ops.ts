// Thin null-safe wrappers over Turf's boolean operations on bare geometries, plus small-part
// cleanup: clipping a shape against unit boundaries leaves slivers that must not reach the output.
import { difference, featureCollection, feature, intersect, union } from '@turf/turf';
import type { Feature, Position } from 'geojson';
import type { Polygonal } from '../../src/geo/types.ts';
import { polygonsOf } from './tidy-polygonal.ts';

/** A bare geometry as a Feature with empty properties (what Turf's operations take). */
export const asFeature = (g: Polygonal): Feature<Polygonal> => feature(g);

function roundGeom(g: Polygonal, decimals: number): Polygonal {
  const f = 10 ** decimals;
  const r = (p: Position): Position => [Math.round(p[0]! * f) / f, Math.round(p[1]! * f) / f];
  return g.type === 'Polygon'
    ? { type: 'Polygon', coordinates: g.coordinates.map((ring) => ring.map(r)) }
    : { type: 'MultiPolygon', coordinates: g.coordinates.map((poly) => poly.map((ring) => ring.map(r))) };
}

/**
 * polyclip-ts (behind Turf) occasionally fails to close an output ring on near-degenerate input;
 * snapping inputs to a 1e-8° then 1e-7° grid (≤ 1 cm) resolves it without visible change.
 */
function robust(op: (gs: Polygonal[]) => Polygonal | null, gs: Polygonal[]): Polygonal | null {
  try {
    return op(gs);
  } catch (e) {
    for (const d of [8, 7, 6]) {
      try {
        return op(gs.map((g) => roundGeom(g, d)));
      } catch {
        // try a coarser grid
      }
    }
    throw e;
  }
}

export function intersectGeom(a: Polygonal | null, b: Polygonal | null): Polygonal | null {
  if (!a || !b) return null;
  return robust(([x, y]) => intersect(featureCollection([asFeature(x!), asFeature(y!)]))?.geometry ?? null, [a, b]);
}

/** a minus every geometry in `others` (nulls ignored). */
export function differenceGeom(a: Polygonal | null, others: readonly (Polygonal | null)[]): Polygonal | null {
  if (!a) return null;
  const rest = others.filter((g): g is Polygonal => g !== null);
  if (rest.length === 0) return a;
  return robust((gs) => difference(featureCollection(gs.map(asFeature)))?.geometry ?? null, [a, ...rest]);
}

export function unionGeom(parts: readonly (Polygonal | null)[]): Polygonal | null {
  const gs = parts.filter((g): g is Polygonal => g !== null);
  if (gs.length === 0) return null;
  if (gs.length === 1) return gs[0]!;
  return robust((xs) => union(featureCollection(xs.map(asFeature)))?.geometry ?? null, gs);
}

/**
 * Keeps the largest part, plus other parts of at least `minPartShare` of it; drops holes smaller
 * than `minHoleM2`. `areaOf` measures one polygon's coordinates in m² (injected: the ellipsoidal
 * area module is CommonJS-bound in some runners).
 */
export function dropSmallParts(
  g: Polygonal | null,
  areaOf: (rings: Position[][]) => number,
  opts: { minPartShare?: number; minHoleM2?: number } = {},
): Polygonal | null {
  const parts = polygonsOf(g);
  if (parts.length === 0) return null;
  const share = opts.minPartShare ?? 1.01; // default: largest part only
  const minHole = opts.minHoleM2 ?? 0;
  const sized = parts.map((p) => ({ p, a: areaOf([p[0]!]) }));
  const max = Math.max(...sized.map((s) => s.a));
  const kept = sized
    .filter((s) => s.a === max || s.a >= share * max)
    .map((s) => [s.p[0]!, ...s.p.slice(1).filter((h) => areaOf([h]) >= minHole)]);
  if (kept.length === 1) return { type: 'Polygon', coordinates: kept[0]! };
  return { type: 'MultiPolygon', coordinates: kept };
}
