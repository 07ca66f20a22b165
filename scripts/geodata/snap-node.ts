// Makes independently computed polygons share their boundaries exactly. Boolean operations and
// rounding leave the same junction as two slightly different vertices (snap fixes that) and leave
// a vertex of one ring lying on an edge of its neighbour (a T-junction; node fixes that by
// inserting the vertex into the neighbour's edge). Afterwards neighbours carry identical vertex
// sequences along their common boundary, so topology tools see shared arcs and areas tile.
// Neither Turf nor the installed topojson packages snap or node (mapshaper is not a dependency).
import type { Position } from 'geojson';
import type { Polygonal } from '../../src/geo/types.ts';
import type { LocalPlane } from './local-plane.ts';
import { cleanOpenRing, fromPolygons, polygonsOf } from './tidy-polygonal.ts';

export interface SnapNodeOptions {
  plane: LocalPlane;
  /** vertices closer than this (m) become one; earlier geometries' vertices win */
  snapMetres: number;
  /** a vertex closer than this (m) to the inside of an edge is inserted into it */
  nodeMetres: number;
}

const key = (p: Position) => `${p[0]},${p[1]}`;

export function snapAndNode(geoms: readonly Polygonal[], o: SnapNodeOptions): Polygonal[] {
  // 1. snap: representatives chosen in input order (deterministic, earlier inputs have priority)
  const reps: Position[] = [];
  const repXY: [number, number][] = [];
  const toRep = new Map<string, number>();
  const snapIdx = (p: Position): number => {
    const k = key(p);
    const hit = toRep.get(k);
    if (hit !== undefined) return hit;
    const [x, y] = o.plane.toPlane(p);
    let best = -1;
    let bestD = o.snapMetres;
    for (let i = 0; i < repXY.length; i++) {
      const q = repXY[i]!;
      const d = Math.hypot(q[0] - x, q[1] - y);
      if (d < bestD) {
        bestD = d;
        best = i;
      }
    }
    if (best < 0) {
      best = reps.length;
      reps.push([p[0]!, p[1]!]);
      repXY.push([x, y]);
    }
    toRep.set(k, best);
    return best;
  };
  const snapped = geoms.map((g) =>
    polygonsOf(g).map((poly) =>
      poly.map((ring) => {
        const open = ring.slice(0, -1);
        return cleanOpenRing(open.map((p) => reps[snapIdx(p)]!));
      }),
    ),
  );

  // 2. node: insert every representative lying on the interior of an edge
  const used = new Set<string>();
  for (const g of snapped) for (const poly of g) for (const ring of poly) for (const p of ring) used.add(key(p));
  const cand = reps.map((p, i) => ({ p, xy: repXY[i]! })).filter((c) => used.has(key(c.p)));
  const nodeRing = (ring: Position[]): Position[] => {
    const out: Position[] = [];
    const n = ring.length;
    for (let i = 0; i < n; i++) {
      const a = ring[i]!;
      const b = ring[(i + 1) % n]!;
      out.push(a);
      const [ax, ay] = o.plane.toPlane(a);
      const [bx, by] = o.plane.toPlane(b);
      const dx = bx - ax;
      const dy = by - ay;
      const len2 = dx * dx + dy * dy;
      if (len2 === 0) continue;
      const minX = Math.min(ax, bx) - o.nodeMetres;
      const maxX = Math.max(ax, bx) + o.nodeMetres;
      const minY = Math.min(ay, by) - o.nodeMetres;
      const maxY = Math.max(ay, by) + o.nodeMetres;
      const ins: { t: number; p: Position }[] = [];
      for (const c of cand) {
        const [x, y] = c.xy;
        if (x < minX || x > maxX || y < minY || y > maxY) continue;
        if ((c.p[0] === a[0] && c.p[1] === a[1]) || (c.p[0] === b[0] && c.p[1] === b[1])) continue;
        const t = ((x - ax) * dx + (y - ay) * dy) / len2;
        if (t <= 0 || t >= 1) continue;
        const d = Math.hypot(ax + t * dx - x, ay + t * dy - y);
        if (d < o.nodeMetres) ins.push({ t, p: c.p });
      }
      ins.sort((u, v) => u.t - v.t);
      for (const q of ins) out.push(q.p);
    }
    return cleanOpenRing(out);
  };

  return snapped.map((g, gi) => {
    const polys: Position[][][] = [];
    for (const poly of g) {
      const outer = poly[0] ? nodeRing(poly[0]) : [];
      if (outer.length < 3) continue; // outer ring collapsed: the polygon (and its holes) goes
      const holes = poly.slice(1).map(nodeRing).filter((r) => r.length >= 3);
      polys.push([outer, ...holes].map((r) => [...r, r[0]!]));
    }
    const out = fromPolygons(polys);
    if (!out) throw new Error(`snapAndNode: geometry ${gi} collapsed`);
    return out;
  });
}
