// Self-intersections, via turf.kinks (the brief prefers turf over a home-made segment test).
import { kinks } from '@turf/turf';
import type { Polygon, Position } from 'geojson';
import type { LabelledPolygon } from './geometry.ts';
import { formatPosition } from './format.ts';

const MAX_REPORTED = 3;

/**
 * turf.kinks compares every pair of non-adjacent segments, so a repeated vertex (A, B, B, C) makes
 * A–B and B–C "intersect" at B. Repeated vertices are harmless, so they are dropped first.
 */
function withoutRepeats(ring: readonly Position[]): Position[] {
  return ring.filter((p, i) => i === 0 || p[0] !== ring[i - 1]![0] || p[1] !== ring[i - 1]![1]);
}

function polygonKinks(rings: readonly Position[][]): string[] {
  const geometry: Polygon = { type: 'Polygon', coordinates: rings.map(withoutRepeats) };
  const seen = new Set<string>();
  // turf reports a crossing between two different rings once per ring order: dedupe by position.
  for (const f of kinks(geometry).features) seen.add(formatPosition(f.geometry.coordinates, 6));
  return [...seen];
}

/**
 * Self-intersections of one polygon (its rings must be closed, ≥ 4 positions: rings.ts first).
 * Run per polygon: turf.kinks on a whole MultiPolygon would also flag parts that merely touch each
 * other, which is not a self-intersection of either part.
 */
export function kinkProblemsOf({ label, rings }: LabelledPolygon): string[] {
  const points = polygonKinks(rings);
  const out = points.slice(0, MAX_REPORTED).map((p) => `${label}self-intersection at ${p}`);
  if (points.length > MAX_REPORTED) out.push(`${label}${points.length - MAX_REPORTED} more self-intersections`);
  return out;
}
