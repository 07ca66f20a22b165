// Rotated grids of plan-sized quadrilaterals: demonstration plan polygons are cut from a unit by
// such a grid (as real detailed plans follow roads laid out on a grid). Grid nodes get seeded
// jitter, shared by the cells meeting there, so cells are irregular yet still tile exactly
// (adjacent cells can be merged into one clean polygon). Kept rather than Turf's squareGrid /
// transformRotate: those work in degrees and have no shared node jitter.
import type { Polygon, Position } from 'geojson';
import type { Rng } from '../../src/geo/prng.ts';
import type { LocalPlane } from './local-plane.ts';

export interface GridCell {
  /** row/column in the rotated grid */
  row: number;
  col: number;
  /** cell centre, lon/lat */
  center: Position;
  polygon: Polygon;
}

/**
 * Cells of a grid rotated by `angleDeg` around `origin`, covering the lon/lat `bbox`
 * ([w, s, e, n]); each grid node is moved by up to `jitterM` metres.
 */
export function rotatedGrid(
  plane: LocalPlane,
  bbox: readonly [number, number, number, number],
  origin: Position,
  angleDeg: number,
  cellW: number,
  cellH: number,
  rng: Rng,
  jitterM = 0,
): GridCell[] {
  const rot = (angleDeg * Math.PI) / 180;
  const [ox, oy] = plane.toPlane(origin);
  const toWorld = (u: number, v: number): [number, number] => [ox + u * Math.cos(rot) - v * Math.sin(rot), oy + u * Math.sin(rot) + v * Math.cos(rot)];
  const toGrid = (x: number, y: number): [number, number] => {
    const dx = x - ox;
    const dy = y - oy;
    return [dx * Math.cos(rot) + dy * Math.sin(rot), -dx * Math.sin(rot) + dy * Math.cos(rot)];
  };
  const corners = [
    plane.toPlane([bbox[0], bbox[1]]),
    plane.toPlane([bbox[2], bbox[1]]),
    plane.toPlane([bbox[2], bbox[3]]),
    plane.toPlane([bbox[0], bbox[3]]),
  ].map(([x, y]) => toGrid(x, y));
  const us = corners.map((c) => c[0]);
  const vs = corners.map((c) => c[1]);
  const c0 = Math.floor(Math.min(...us) / cellW) - 1;
  const c1 = Math.ceil(Math.max(...us) / cellW);
  const r0 = Math.floor(Math.min(...vs) / cellH) - 1;
  const r1 = Math.ceil(Math.max(...vs) / cellH);
  // node jitter drawn once per node in row-major order (deterministic for a given stream)
  const jitter = new Map<string, [number, number]>();
  for (let r = r0; r <= r1 + 1; r++) for (let c = c0; c <= c1 + 1; c++) jitter.set(`${r},${c}`, [rng.range(-jitterM, jitterM), rng.range(-jitterM, jitterM)]);
  const node = (r: number, c: number): Position => {
    const [ju, jv] = jitter.get(`${r},${c}`)!;
    const [x, y] = toWorld(c * cellW + ju, r * cellH + jv);
    return plane.toLonLat([x, y]);
  };
  const cells: GridCell[] = [];
  for (let r = r0; r <= r1; r++) {
    for (let c = c0; c <= c1; c++) {
      const ring = [node(r, c), node(r, c + 1), node(r + 1, c + 1), node(r + 1, c)];
      ring.push([ring[0]![0]!, ring[0]![1]!]);
      const [cx, cy] = toWorld((c + 0.5) * cellW, (r + 0.5) * cellH);
      cells.push({ row: r, col: c, center: plane.toLonLat([cx, cy]), polygon: { type: 'Polygon', coordinates: [ring] } });
    }
  }
  return cells;
}

/** Rotated rectangle of the given size (metres) centred on `center`. */
export function rotatedRect(plane: LocalPlane, center: Position, widthM: number, heightM: number, angleDeg: number): Polygon {
  const rot = (angleDeg * Math.PI) / 180;
  const [cx, cy] = plane.toPlane(center);
  const ring = [
    [-1, -1],
    [1, -1],
    [1, 1],
    [-1, 1],
  ].map(([su, sv]) => {
    const u = (su! * widthM) / 2;
    const v = (sv! * heightM) / 2;
    return plane.toLonLat([cx + u * Math.cos(rot) - v * Math.sin(rot), cy + u * Math.sin(rot) + v * Math.cos(rot)]);
  });
  ring.push([ring[0]![0]!, ring[0]![1]!]);
  return { type: 'Polygon', coordinates: [ring] };
}
