// Topology-preserving simplification: the polygons are turned into a topology of arcs
// (topojson-server), so a boundary shared by two polygons is one arc and is simplified once;
// each arc is then simplified with Douglas–Peucker in a local metric plane (a bound in metres)
// keeping its end points (the junctions), and the polygons are rebuilt from the arcs.
// Kept rather than topojson-simplify: that one weights vertices by triangle area (Visvalingam),
// not by a distance bound in metres, and would change the committed wards.
import type { Feature, FeatureCollection, Position } from 'geojson';
import { topology } from 'topojson-server';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { Polygonal } from '../../src/geo/types.ts';
import { douglasPeuckerKeep, segmentDistance, type XY } from './douglas-peucker.ts';
import type { LocalPlane } from './local-plane.ts';

export interface SimplifyTopologyResult {
  geometries: Polygonal[];
  arcs: number;
  verticesBefore: number;
  verticesAfter: number;
  /** Hausdorff distance (m) between each original arc and its simplification, maximum over arcs */
  maxDeviationMetres: number;
}

function simplifyArc(arc: readonly Position[], tol: number, plane: LocalPlane): Position[] {
  const pts = arc.map((p) => plane.toPlane(p));
  const n = pts.length;
  const keep = pts.map((_, i) => i === 0 || i === n - 1);
  const closed = n > 3 && arc[0]![0] === arc[n - 1]![0] && arc[0]![1] === arc[n - 1]![1];
  if (closed) {
    // A closed arc has no chord to measure from: split it at the vertex farthest from its start,
    // and keep one more vertex on each side so the ring cannot collapse to a line.
    let far = 1;
    for (let k = 1; k < n - 1; k++) if (Math.hypot(pts[k]![0] - pts[0]![0], pts[k]![1] - pts[0]![1]) > Math.hypot(pts[far]![0] - pts[0]![0], pts[far]![1] - pts[0]![1])) far = k;
    keep[far] = true;
    douglasPeuckerKeep(pts, 0, far, tol, keep);
    douglasPeuckerKeep(pts, far, n - 1, tol, keep);
    if (keep.filter(Boolean).length < 4) {
      for (const [i, j] of [[0, far], [far, n - 1]] as const) {
        let best = -1;
        let bestD = 0;
        for (let k = i + 1; k < j; k++) {
          const d = segmentDistance(pts[k]!, pts[i]!, pts[j]!);
          if (d > bestD) {
            bestD = d;
            best = k;
          }
        }
        if (best >= 0) keep[best] = true;
      }
    }
  } else {
    douglasPeuckerKeep(pts, 0, n - 1, tol, keep);
  }
  return arc.filter((_, i) => keep[i]);
}

/** Hausdorff distance (m) between two polylines: vertices plus points every `step` m on segments. */
export function polylineHausdorff(a: readonly Position[], b: readonly Position[], plane: LocalPlane, step = 5): number {
  const dense = (line: readonly Position[]): XY[] => {
    const out: XY[] = [];
    for (let i = 0; i + 1 < line.length; i++) {
      const p = plane.toPlane(line[i]!);
      const q = plane.toPlane(line[i + 1]!);
      const k = Math.max(1, Math.ceil(Math.hypot(q[0] - p[0], q[1] - p[1]) / step));
      for (let s = 0; s < k; s++) out.push([p[0] + ((q[0] - p[0]) * s) / k, p[1] + ((q[1] - p[1]) * s) / k]);
    }
    const last = line[line.length - 1];
    if (last) out.push(plane.toPlane(last));
    return out;
  };
  const toLine = (pts: XY[], line: readonly Position[]): number => {
    const xy = line.map((p) => plane.toPlane(p));
    let worst = 0;
    for (const p of pts) {
      let best = Infinity;
      for (let i = 0; i + 1 < xy.length; i++) best = Math.min(best, segmentDistance(p, xy[i]!, xy[i + 1]!));
      if (xy.length === 1) best = Math.hypot(p[0] - xy[0]![0], p[1] - xy[0]![1]);
      worst = Math.max(worst, best);
    }
    return worst;
  };
  return Math.max(toLine(dense(a), b), toLine(dense(b), a));
}

export function simplifyTopology(geoms: readonly Polygonal[], toleranceMetres: number, plane: LocalPlane): SimplifyTopologyResult {
  const fc: FeatureCollection<Polygonal> = {
    type: 'FeatureCollection',
    features: geoms.map((g, i): Feature<Polygonal> => ({ type: 'Feature', properties: { i }, geometry: g })),
  };
  // No quantization: inputs are already on a 1e-5° grid and shared vertices are identical.
  const topo = topology({ parts: fc }) as unknown as Topology<{ parts: GeometryCollection }>;
  const before = topo.arcs as Position[][];
  const after = before.map((arc) => simplifyArc(arc, toleranceMetres, plane));
  let maxDev = 0;
  before.forEach((arc, i) => {
    maxDev = Math.max(maxDev, polylineHausdorff(arc, after[i]!, plane));
  });
  const simplified = { ...topo, arcs: after } as unknown as Topology<{ parts: GeometryCollection }>;
  const out = feature(simplified, simplified.objects.parts) as unknown as FeatureCollection<Polygonal>;
  const count = (arcs: Position[][]) => arcs.reduce((s, a) => s + a.length, 0);
  return {
    geometries: out.features.map((f) => f.geometry),
    arcs: before.length,
    verticesBefore: count(before),
    verticesAfter: count(after),
    maxDeviationMetres: maxDev,
  };
}
