// Normalises polygonal geometry for output: coordinates rounded to a fixed number of decimals,
// consecutive duplicates and zero-width spikes removed, rings closed, and RFC 7946 winding
// (outer rings counter-clockwise, holes clockwise). Degenerate rings/polygons are dropped.
// Kept rather than turf.truncate + cleanCoords + rewind: cleanCoords also drops collinear
// vertices, which neighbours need to share their edges exactly (see snap-node.ts).
import type { Position } from 'geojson';
import type { Polygonal } from '../../src/geo/types.ts';

/** Twice the signed planar (lon/lat) area; > 0 means counter-clockwise. */
export function signedArea2(ring: readonly Position[]): number {
  let s = 0;
  for (let i = 0, n = ring.length; i < n; i++) {
    const a = ring[i]!;
    const b = ring[(i + 1) % n]!;
    s += a[0]! * b[1]! - b[0]! * a[1]!;
  }
  return s;
}

export function roundTo(x: number, decimals: number): number {
  const f = 10 ** decimals;
  // +0 turns -0 into 0 so output is byte-stable.
  return Math.round(x * f) / f + 0;
}

/** Open ring (no closing vertex), duplicates and A-B-A spikes removed. */
export function cleanOpenRing(ring: readonly Position[]): Position[] {
  let pts = ring.map((p) => [p[0]!, p[1]!] as Position);
  const same = (a: Position, b: Position) => a[0] === b[0] && a[1] === b[1];
  let changed = true;
  while (changed && pts.length > 0) {
    changed = false;
    const out: Position[] = [];
    for (const p of pts) if (out.length === 0 || !same(out[out.length - 1]!, p)) out.push(p);
    while (out.length > 1 && same(out[0]!, out[out.length - 1]!)) out.pop();
    if (out.length !== pts.length) changed = true;
    pts = out;
    // remove spikes a, b, a (cyclic)
    for (let i = 0; i < pts.length && pts.length >= 3; i++) {
      const n = pts.length;
      const a = pts[(i + n - 1) % n]!;
      const c = pts[(i + 1) % n]!;
      if (same(a, c)) {
        pts.splice(i, 1);
        changed = true;
        break;
      }
    }
  }
  return pts;
}

function tidyRing(ring: readonly Position[], decimals: number, ccw: boolean): Position[] | null {
  const open = cleanOpenRing(ring.map((p) => [roundTo(p[0]!, decimals), roundTo(p[1]!, decimals)]));
  if (open.length < 3) return null;
  const a = signedArea2(open);
  if (a === 0) return null;
  if (a > 0 !== ccw) open.reverse();
  return [...open, [open[0]![0]!, open[0]![1]!]];
}

function tidyPolygonCoords(rings: readonly (readonly Position[])[], decimals: number): Position[][] | null {
  const outer = rings[0] ? tidyRing(rings[0], decimals, true) : null;
  if (!outer) return null;
  const holes = rings.slice(1).map((r) => tidyRing(r, decimals, false)).filter((r): r is Position[] => r !== null);
  return [outer, ...holes];
}

/** Rounded, cleaned, RFC 7946-wound copy; a MultiPolygon of one part becomes a Polygon. */
export function tidyPolygonal(g: Polygonal, decimals = 5): Polygonal | null {
  const out = polygonsOf(g).map((p) => tidyPolygonCoords(p, decimals)).filter((p): p is Position[][] => p !== null);
  if (out.length === 0) return null;
  if (out.length === 1) return { type: 'Polygon', coordinates: out[0]! };
  return { type: 'MultiPolygon', coordinates: out };
}

/** Polygons of a polygonal geometry as coordinate arrays (none for null). */
export function polygonsOf(g: Polygonal | null): Position[][][] {
  if (!g) return [];
  return g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
}

export function fromPolygons(polys: Position[][][]): Polygonal | null {
  if (polys.length === 0) return null;
  if (polys.length === 1) return { type: 'Polygon', coordinates: polys[0]! };
  return { type: 'MultiPolygon', coordinates: polys };
}
