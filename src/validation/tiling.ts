// The 2021 units must tile the district: every point of the district in exactly one unit. Gaps and
// overlaps would make the per-unit sums (area, population density, plan coverage) disagree with the
// district's own totals. Sliver-level mismatch between source maps is tolerated up to a limit.
import { area, difference, featureCollection, feature, union } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { Polygonal as Areal } from '../geo/types.ts';
import { decimal, msg, part, type Msg } from './messages.ts';

// Turf's spherical area, not src/geo/area.ts: only ratios are reported here and the sphere's ~0.3%
// bias cancels in them, so the rules need no dependency beyond turf and geojson-validation.
const geometryArea = (g: Polygon | MultiPolygon): number => area(g);

export const TILING_LIMIT_PCT = 0.1;

export interface Tiling {
  gapPct: number;
  overlapPct: number;
  /** What the percentages are of: the district outline, or (without one) the union of the units. */
  reference: 'the district' | 'their union';
}

function unionOf(parts: readonly Areal[]): Feature<Areal> | null {
  if (parts.length === 0) return null;
  // turf.union refuses fewer than two geometries.
  if (parts.length === 1) return feature(parts[0]!);
  return union(featureCollection(parts.map((g) => feature(g))));
}

/** Area of the holes of a geometry, m²: without a district outline, gaps are holes in the union. */
function holesArea(g: Areal): number {
  const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  return polygons.reduce(
    (sum, rings) => sum + rings.slice(1).reduce((s, hole) => s + geometryArea({ type: 'Polygon', coordinates: [hole] }), 0),
    0,
  );
}

export function measureTiling(units: readonly Areal[], district: Areal | null): Tiling {
  const merged = unionOf(units);
  const unionArea = merged ? geometryArea(merged.geometry) : 0;
  // Σ areas − area of the union = area covered more than once (counted once per extra layer).
  const overlap = Math.max(0, units.reduce((s, g) => s + geometryArea(g), 0) - unionArea);
  if (district) {
    const uncovered = merged ? difference(featureCollection([feature(district), merged])) : feature(district);
    const ref = geometryArea(district);
    const gap = uncovered ? geometryArea(uncovered.geometry) : 0;
    return { gapPct: ref > 0 ? (100 * gap) / ref : 0, overlapPct: ref > 0 ? (100 * overlap) / ref : 0, reference: 'the district' };
  }
  const holes = merged ? holesArea(merged.geometry) : 0;
  const ref = unionArea + holes;
  return { gapPct: ref > 0 ? (100 * holes) / ref : 0, overlapPct: ref > 0 ? (100 * overlap) / ref : 0, reference: 'their union' };
}

export function describeTiling(t: Tiling, digits = 2): string {
  return `gaps of ${t.gapPct.toFixed(digits)}% and overlap ${t.overlapPct.toFixed(digits)}% of ${t.reference}`;
}

export function tilingProblem(t: Tiling): Msg | null {
  if (t.gapPct + t.overlapPct < TILING_LIMIT_PCT) return null;
  // describeTiling's words, as data (the same digits).
  const reference = part(t.reference === 'the district' ? 'problemPart.district' : 'problemPart.union');
  return msg('tiling', { gap: decimal(t.gapPct, 2), overlap: decimal(t.overlapPct, 2), reference, limit: decimal(TILING_LIMIT_PCT, 1) });
}
