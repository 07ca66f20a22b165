// Gaps to the target (issue 16): the part of a unit no counting plan covers. Computed per grid
// cell from the engine's cached cell cover (cell minus cover: one small Clipper difference) and
// merged across cell seams only where pieces meet: a piece's edges lying on its cell's square
// sides are matched against the neighbouring cell's, and only pieces joined that way go through a
// Clipper union. Areas are never re-measured after merging: a merged piece's area is the sum of
// its cell pieces' geodesic areas (measured once, as coverage is).
import { FillRule, type Paths64 } from '@countertype/clipper2-ts';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { toLonLat, type Frame } from './frame';
import type { PlaneBBox } from './repair';
import { groupPolygons } from '../geo/group-polygons';
import * as Clip from '../geo/clip';

// Grouped without Clipper's PolyTree (it misplaces holes in clipper2-ts 1.5.4): see group-polygons.ts.
export { groupPolygons };

/** Gap pieces under 1 m² are not listed: they are slivers of rounding along shared edges, not places to plan (their area still counts in gap_m2). */
export const MIN_GAP_PIECE_M2 = 1;

/** An edge of a piece on one of its cell's square sides: the grid line and the interval on it. */
export interface SeamEdge {
  /** true: on a vertical line x = line; false: on a horizontal line y = line */
  vertical: boolean;
  line: number;
  lo: number;
  hi: number;
}

/** One connected piece of a cell's gap: an outer ring (positive area) and its holes. */
export interface CellGapPiece {
  paths: Paths64;
  area_m2: number;
  seams: SeamEdge[];
}

/**
 * How far (plane units, 0.01 mm each) a vertex may lie from a square side and still be on it:
 * Clipper rounds intersection points to the nearest unit, so a cell's corner on a side can be one
 * unit off it.
 */
const ON_SIDE = 2;

/** subject − clip (NonZero) as polygons; clip null = subject itself (normalised). */
export function differencePolygons(subject: Paths64, clip: Paths64 | null): Paths64[] {
  return groupPolygons(clip === null ? Clip.union(subject, FillRule.NonZero) : Clip.difference(subject, clip, FillRule.NonZero));
}

/** Union (NonZero) of polygons as polygons. */
export function unionPolygons(polys: readonly Paths64[]): Paths64[] {
  const all: Paths64 = [];
  for (const p of polys) for (const r of p) all.push(r);
  return groupPolygons(Clip.union(all, FillRule.NonZero));
}

/** Edges of `paths` lying on a side of the square `box` (within ON_SIDE units). */
export function seamEdges(paths: Paths64, box: PlaneBBox): SeamEdge[] {
  const out: SeamEdge[] = [];
  const near = (v: number, side: number): boolean => Math.abs(v - side) <= ON_SIDE;
  for (const path of paths) {
    const n = path.length;
    for (let i = 0; i < n; i++) {
      const a = path[i]!;
      const b = path[(i + 1) % n]!;
      for (const side of [box.minX, box.maxX]) {
        if (near(a.x, side) && near(b.x, side) && a.y !== b.y) out.push({ vertical: true, line: side, lo: Math.min(a.y, b.y), hi: Math.max(a.y, b.y) });
      }
      for (const side of [box.minY, box.maxY]) {
        if (near(a.y, side) && near(b.y, side) && a.x !== b.x) out.push({ vertical: false, line: side, lo: Math.min(a.x, b.x), hi: Math.max(a.x, b.x) });
      }
    }
  }
  return out;
}

/**
 * Groups of pieces that touch along a stretch of a seam (shared edge of positive length), as lists
 * of piece indices: what one polygon of the merged gap is made of. Corner contacts do not join.
 */
export function seamComponents(pieces: readonly { seams: readonly SeamEdge[] }[]): number[][] {
  const parent = pieces.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  const join = (a: number, b: number): void => {
    const ra = find(a), rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  const lines = new Map<string, { piece: number; lo: number; hi: number }[]>();
  pieces.forEach((p, i) => {
    for (const e of p.seams) {
      const key = `${e.vertical ? 'x' : 'y'}${e.line}`;
      let list = lines.get(key);
      if (!list) lines.set(key, (list = []));
      list.push({ piece: i, lo: e.lo, hi: e.hi });
    }
  });
  for (const list of lines.values()) {
    if (list.length < 2) continue;
    list.sort((a, b) => a.lo - b.lo);
    // Sweep along the line: intervals still open when the next one starts may overlap it.
    let open: { piece: number; lo: number; hi: number }[] = [];
    for (const iv of list) {
      open = open.filter((o) => o.hi > iv.lo);
      for (const o of open) if (o.piece !== iv.piece && Math.min(o.hi, iv.hi) - iv.lo > ON_SIDE) join(o.piece, iv.piece);
      open.push(iv);
    }
  }
  const groups = new Map<number, number[]>();
  pieces.forEach((_, i) => {
    const r = find(i);
    const g = groups.get(r);
    if (g) g.push(i);
    else groups.set(r, [i]);
  });
  return [...groups.values()];
}

/** Rings closed, in lon/lat: outer rings counter-clockwise and holes clockwise (as Clipper gives them, and as RFC 7946 asks). */
export function polygonsToGeometry(polys: readonly Paths64[], frame: Frame): Polygon | MultiPolygon {
  const coords: Position[][][] = polys.map((poly) =>
    poly.map((ring) => {
      const r: Position[] = ring.map((p) => toLonLat(frame, p));
      r.push(r[0]!);
      return r;
    }),
  );
  return coords.length === 1 ? { type: 'Polygon', coordinates: coords[0]! } : { type: 'MultiPolygon', coordinates: coords };
}

/** max(0, target × area − covered): the area still to be planned to reach the target. */
export function shortfall(target: number, area_m2: number, covered_m2: number): number {
  return Math.max(0, target * area_m2 - covered_m2);
}
