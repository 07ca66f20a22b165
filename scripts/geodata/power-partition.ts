// Area-weighted power diagram (weighted Voronoi) of sites inside a region: a schematic partition
// for units whose real boundaries are unknown. Cell i = region ∩ {x : |x−p_i|² − w_i ≤ |x−p_j|² − w_j
// for all j}, built in a local metric plane (affine in lon/lat, so cells map back exactly). The
// weights are solved by damped Newton steps until every cell's ellipsoidal area matches its target;
// a step is only accepted if every site stays inside its own cell. (Turf's voronoi is unweighted.)
import * as turf from '@turf/turf';
import type { Polygon, Position } from 'geojson';
import { geometryArea } from '../../src/geo/area.ts';
import { extent } from '../../src/geo/extent.ts';
import type { Polygonal } from '../../src/geo/types.ts';
import type { LocalPlane } from './local-plane.ts';
import { asFeature as feat } from './polygon-ops.ts';
import { fromPolygons, polygonsOf } from './tidy-polygonal.ts';

export interface PowerSite {
  id: string;
  point: Position;
  targetM2: number;
}

export interface PowerPartitionOptions {
  plane: LocalPlane;
  /** stop when every |area − target| / target is below this */
  relTolerance?: number;
  maxIterations?: number;
}

export interface PowerPartitionResult {
  /** in site order */
  cells: Polygonal[];
  weights: number[];
  areasM2: number[];
  iterations: number;
  maxRelError: number;
  /** detached pieces of a cell handed to the neighbour sharing most of their boundary */
  movedParts: number;
  /** their area (m²) as a share of the unit that lost them, largest */
  maxMovedShare: number;
}

type XY = [number, number];

/** Convex polygon ∩ half-plane {x : a·x ≤ c} (Sutherland–Hodgman, one edge). */
function clipHalfPlane(poly: XY[], a: XY, c: number): XY[] {
  const out: XY[] = [];
  const f = (p: XY) => a[0] * p[0] + a[1] * p[1] - c;
  for (let k = 0; k < poly.length; k++) {
    const p = poly[k]!;
    const q = poly[(k + 1) % poly.length]!;
    const fp = f(p);
    const fq = f(q);
    if (fp <= 0) out.push(p);
    if ((fp < 0 && fq > 0) || (fp > 0 && fq < 0)) {
      const t = fp / (fp - fq);
      out.push([p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])]);
    }
  }
  return out;
}

function solve(m: number[][], b: number[]): number[] {
  const n = b.length;
  const a = m.map((row, i) => [...row, b[i]!]);
  for (let c = 0; c < n; c++) {
    let piv = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(a[r]![c]!) > Math.abs(a[piv]![c]!)) piv = r;
    [a[c], a[piv]] = [a[piv]!, a[c]!];
    const d = a[c]![c]!;
    if (d === 0) continue;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const k = a[r]![c]! / d;
      if (k !== 0) for (let j = c; j <= n; j++) a[r]![j]! -= k * a[c]![j]!;
    }
  }
  return a.map((row, i) => (row[i] === 0 ? 0 : row[n]! / row[i]!));
}

export function powerPartition(region: Polygonal, sites: readonly PowerSite[], o: PowerPartitionOptions): PowerPartitionResult {
  const { plane } = o;
  const relTol = o.relTolerance ?? 5e-4;
  const maxIt = o.maxIterations ?? 60;
  const n = sites.length;
  const P = sites.map((s) => plane.toPlane(s.point));
  const regionF = feat(region);
  const [minLon, minLat, maxLon, maxLat] = extent(region) ?? [0, 0, 0, 0];
  const lo = plane.toPlane([minLon, minLat]);
  const hi = plane.toPlane([maxLon, maxLat]);
  const pad = 2000;
  const box: XY[] = [
    [lo[0] - pad, lo[1] - pad],
    [hi[0] + pad, lo[1] - pad],
    [hi[0] + pad, hi[1] + pad],
    [lo[0] - pad, hi[1] + pad],
  ];
  // bisector i|j as a·x = c: 2(p_j − p_i)·x = |p_j|² − |p_i|² + w_i − w_j
  const line = (i: number, j: number, w: readonly number[]): { a: XY; c: number } => {
    const pi = P[i]!;
    const pj = P[j]!;
    return {
      a: [2 * (pj[0] - pi[0]), 2 * (pj[1] - pi[1])],
      c: pj[0] ** 2 + pj[1] ** 2 - pi[0] ** 2 - pi[1] ** 2 + w[i]! - w[j]!,
    };
  };

  interface State {
    cells: Polygonal[];
    areas: number[];
    shared: number[][]; // length (m) of the boundary between cells i and j inside the region
    ok: boolean;
    err: number;
    /** merit: sum of squared relative area errors */
    sse: number;
    moved: number;
    movedShare: number;
  }

  const assemble = (w: readonly number[]): State => {
    const raw: (Polygonal | null)[] = [];
    for (let i = 0; i < n; i++) {
      let poly = box;
      for (let j = 0; j < n && poly.length > 0; j++) {
        if (j === i) continue;
        const { a, c } = line(i, j, w);
        poly = clipHalfPlane(poly, a, c);
      }
      if (poly.length < 3) {
        raw.push(null);
        continue;
      }
      const ring = poly.map((p) => plane.toLonLat(p) as Position);
      const cell: Polygon = { type: 'Polygon', coordinates: [[...ring, ring[0]!]] };
      const x = turf.intersect(turf.featureCollection([regionF, feat(cell)]));
      raw.push(x ? x.geometry : null);
    }
    // Which bisector does a segment lie on? (both ends on the line i|j within 1 cm)
    const onBisector = (i: number, p: Position, q: Position): number => {
      const u = plane.toPlane(p);
      const v = plane.toPlane(q);
      for (let j = 0; j < n; j++) {
        if (j === i) continue;
        const { a, c } = line(i, j, w);
        const norm = Math.hypot(a[0], a[1]);
        if (Math.abs(a[0] * u[0] + a[1] * u[1] - c) / norm < 0.01 && Math.abs(a[0] * v[0] + a[1] * v[1] - c) / norm < 0.01) return j;
      }
      return -1;
    };
    const shared = sites.map(() => sites.map(() => 0));
    const keep: Position[][][][] = sites.map(() => []);
    const gifts: Position[][][][] = sites.map(() => []);
    let moved = 0;
    let movedShare = 0;
    let ok = true;
    for (let i = 0; i < n; i++) {
      const g = raw[i];
      if (!g) {
        ok = false;
        continue;
      }
      const polys = polygonsOf(g);
      const contains = polys.map((p) => turf.booleanPointInPolygon(sites[i]!.point, turf.polygon(p)));
      if (!contains.some(Boolean)) ok = false;
      polys.forEach((poly, k) => {
        const lens = sites.map(() => 0);
        for (const ring of poly)
          for (let e = 0; e + 1 < ring.length; e++) {
            const j = onBisector(i, ring[e]!, ring[e + 1]!);
            if (j >= 0) {
              const u = plane.toPlane(ring[e]!);
              const v = plane.toPlane(ring[e + 1]!);
              lens[j]! += Math.hypot(v[0] - u[0], v[1] - u[1]);
            }
          }
        lens.forEach((l, j) => (shared[i]![j]! += l));
        if (contains[k] || polys.length === 1) {
          keep[i]!.push(poly);
          return;
        }
        // A detached piece: give it to the neighbour it shares most boundary with.
        let to = -1;
        lens.forEach((l, j) => {
          if (l > 0 && (to < 0 || l > lens[to]!)) to = j;
        });
        if (to < 0) keep[i]!.push(poly);
        else {
          gifts[to]!.push(poly);
          moved++;
          movedShare = Math.max(movedShare, geometryArea({ type: 'Polygon', coordinates: poly }) / geometryArea(g));
        }
      });
    }
    const cells: Polygonal[] = [];
    for (let i = 0; i < n; i++) {
      const own = fromPolygons(keep[i]!);
      const parts = [...(own ? [own] : []), ...gifts[i]!.map((p): Polygonal => ({ type: 'Polygon', coordinates: p }))];
      if (parts.length === 0) {
        cells.push({ type: 'MultiPolygon', coordinates: [] });
        ok = false;
      } else if (parts.length === 1) cells.push(parts[0]!);
      else cells.push(turf.union(turf.featureCollection(parts.map(feat)))!.geometry);
    }
    const areas = cells.map((c) => geometryArea(c));
    const rel = areas.map((a, i) => (a - sites[i]!.targetM2) / sites[i]!.targetM2);
    const err = Math.max(...rel.map(Math.abs));
    const sse = rel.reduce((s, r) => s + r * r, 0);
    return { cells, areas, shared, ok, err, sse, moved, movedShare };
  };

  let w = sites.map(() => 0);
  let st = assemble(w);
  if (!st.ok) throw new Error('powerPartition: a site lies outside its unweighted cell (is it inside the region?)');
  let it = 0;
  while (st.err > relTol && it < maxIt) {
    it++;
    // Newton step: raising w_i by δ moves bisector i|j by δ / (2 d_ij) towards p_j.
    const J = sites.map(() => sites.map(() => 0));
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) {
        if (i === j) continue;
        const d = Math.hypot(P[i]![0] - P[j]![0], P[i]![1] - P[j]![1]);
        const l = (st.shared[i]![j]! + st.shared[j]![i]!) / 2;
        const k = l / (2 * d);
        J[i]![j]! -= k;
        J[i]![i]! += k;
      }
    const diag = Math.max(1e-9, ...J.map((r, i) => r[i]!));
    J.forEach((r, i) => (r[i]! += 1e-6 * diag)); // the system is singular up to a common shift
    const dw = solve(J, sites.map((s, i) => s.targetM2 - st.areas[i]!));
    let step = 1;
    let next: State | null = null;
    for (let tries = 0; tries < 12; tries++, step /= 2) {
      const cand = assemble(w.map((x, i) => x + step * dw[i]!));
      if (cand.ok && cand.sse < st.sse) {
        next = cand;
        w = w.map((x, i) => x + step * dw[i]!);
        break;
      }
    }
    if (!next) break; // no admissible improvement: keep the best partition found
    st = next;
  }
  return { cells: st.cells, weights: w, areasM2: st.areas, iterations: it, maxRelError: st.err, movedParts: st.moved, maxMovedShare: st.movedShare };
}
