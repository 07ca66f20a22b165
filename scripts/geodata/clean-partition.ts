// Turns polygons that should tile an area but overlap a little and leave slivers between them
// into an exact partition of their union: every overlap goes to one polygon (the earlier one in
// input order, so the result is deterministic), every enclosed sliver (a hole of the union) to
// the neighbour that shares the longest part of its boundary.
import * as turf from '@turf/turf';
import type { Feature, Position } from 'geojson';
import { geometryArea } from '../../src/geo/area.ts';
import type { Polygonal } from '../../src/geo/types.ts';
import { segmentDistance } from './douglas-peucker.ts';
import type { LocalPlane } from './local-plane.ts';
import { asFeature as feat } from './polygon-ops.ts';
import { polygonsOf } from './tidy-polygonal.ts';

export interface CleanPartitionResult {
  geometries: Polygonal[];
  /** area (m²) removed from later polygons because an earlier one already covered it */
  overlapM2: number;
  slivers: { areaM2: number; assignedTo: number }[];
}

function distToBoundary(p: [number, number], g: Polygonal, plane: LocalPlane): number {
  let best = Infinity;
  for (const poly of polygonsOf(g))
    for (const ring of poly)
      for (let i = 0; i + 1 < ring.length; i++) {
        const d = segmentDistance(p, plane.toPlane(ring[i]!), plane.toPlane(ring[i + 1]!));
        if (d < best) best = d;
      }
  return best;
}

export function cleanPartition(input: readonly Polygonal[], plane: LocalPlane): CleanPartitionResult {
  const pieces: Polygonal[] = [];
  let overlapM2 = 0;
  let covered: Feature<Polygonal> | null = null;
  for (const g of input) {
    const f = feat(g);
    const rest: Feature<Polygonal> | null = covered ? turf.difference(turf.featureCollection([f, covered])) : f;
    if (!rest) throw new Error('cleanPartition: a polygon lies entirely inside earlier ones');
    overlapM2 += geometryArea(g) - geometryArea(rest.geometry);
    pieces.push(rest.geometry);
    covered = covered ? turf.union(turf.featureCollection([covered, f])) : f;
  }
  if (!covered) return { geometries: [], overlapM2: 0, slivers: [] };

  // Holes of the union are the slivers; assign each by shared boundary length.
  const holes: Position[][] = [];
  for (const poly of polygonsOf(covered.geometry)) holes.push(...poly.slice(1));
  const slivers: { areaM2: number; assignedTo: number }[] = [];
  const additions: Position[][][][] = pieces.map(() => []);
  for (const hole of holes) {
    const shared = pieces.map(() => 0);
    for (let i = 0; i + 1 < hole.length; i++) {
      const a = plane.toPlane(hole[i]!);
      const b = plane.toPlane(hole[i + 1]!);
      const mid: [number, number] = [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
      let best = 0;
      let bestD = Infinity;
      pieces.forEach((pc, k) => {
        const d = distToBoundary(mid, pc, plane);
        if (d < bestD) {
          bestD = d;
          best = k;
        }
      });
      shared[best]! += Math.hypot(b[0] - a[0], b[1] - a[1]);
    }
    let to = 0;
    shared.forEach((s, k) => {
      if (s > shared[to]!) to = k;
    });
    const holePoly: Position[][] = [hole.slice().reverse()]; // a hole is wound clockwise
    slivers.push({ areaM2: geometryArea({ type: 'Polygon', coordinates: holePoly }), assignedTo: to });
    additions[to]!.push(holePoly);
  }
  const geometries = pieces.map((pc, k) => {
    const add = additions[k]!;
    if (add.length === 0) return pc;
    const fc = turf.featureCollection<Polygonal>([feat(pc), ...add.map((p) => feat({ type: 'Polygon', coordinates: p }))]);
    const u = turf.union(fc);
    if (!u) throw new Error('cleanPartition: union failed');
    return u.geometry;
  });
  return { geometries, overlapM2, slivers };
}
