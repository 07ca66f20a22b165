// Rings with zero-width spikes (consecutive collinear edges turning back 180°), shared by the
// despike tests and the entry-point tests (import repair, checker, coverage engine). Without
// src/geo/despike.ts, clipper2-ts 1.5.4 exhausts the heap on SPIKE_5 and SPIKE_15 (their horizontal
// spikes; upstream countertype/clipper2-ts#36), whichever boolean operation and fill rule.
import type { Path64 } from '@countertype/clipper2-ts';
import type { Position } from 'geojson';
import { toLonLat, type Frame } from '../../../src/coverage/frame.ts';

/** Integer plane rings, no closing vertex. */
export type XY = readonly (readonly [number, number])[];

/** The smallest known: a triangle whose bottom runs left twice, then back right past its start. */
export const SPIKE_5: XY = [[5, 4], [3, 1], [2, 1], [1, 1], [5, 1]];
/** SPIKE_5 without its spike (what despiking leaves): area 3. */
export const SPIKE_5_CLEAN: XY = [[5, 4], [3, 1], [5, 1]];

/**
 * 15 vertices (found by fuzzing 1.5.4): a diagonal spike at (26,41), a horizontal one at (26,29), a
 * vertical one at (-30,58) and SPIKE_5's pattern along the bottom (y = −35). Simple once despiked.
 */
export const SPIKE_15: XY = [
  [40, 0], [20, 35], [26, 41], [14, 29], [26, 29], [8, 29], [-30, 52], [-30, 58], [-30, 57],
  [-50, 0], [-15, -26], [20, -35], [19, -35], [18, -35], [21, -35],
];
export const SPIKE_15_CLEAN: XY = [[40, 0], [20, 35], [14, 29], [8, 29], [-30, 52], [-30, 57], [-50, 0], [-15, -26], [20, -35], [21, -35]];

/** A square whose right side runs on past its corner and back, and whose left side zig-zags past its corner. */
export const VERTICAL_SPIKE: XY = [[0, 0], [10, 0], [10, 3], [10, 13], [10, 5], [10, 10], [0, 10], [0, 6], [0, 14], [0, 4]];
export const VERTICAL_SPIKE_CLEAN: XY = [[0, 0], [10, 0], [10, 3], [10, 5], [10, 10], [0, 10], [0, 4]];
/** A square and a triangle: a diagonal needle out of a corner (to (14,14) and back) and a fold on the diagonal edge. */
export const DIAGONAL_SPIKE: XY = [[0, 0], [10, 0], [10, 10], [14, 14], [10, 10], [5, 15], [3, 17], [4, 16], [0, 20]];
export const DIAGONAL_SPIKE_CLEAN: XY = [[0, 0], [10, 0], [10, 10], [5, 15], [4, 16], [0, 20]];

export const path = (r: XY): Path64 => r.map(([x, y]) => ({ x, y }));

const LON0 = 106.05;
const LAT0 = 21.25;
const STEP = 1e-5; // ~1 m

/** The ring on a lon/lat lattice near Việt Yên (`scale` lattice steps per unit), closed. */
export function lonLatRing(r: XY, scale = 10, dx = 0, dy = 0): Position[] {
  const ring = r.map(([x, y]): Position => [LON0 + (dx + x * scale) * STEP, LAT0 + (dy + y * scale) * STEP]);
  ring.push([...ring[0]!]);
  return ring;
}

/**
 * A ring that is fine in floating point and becomes SPIKE_5 (×`k` plane units, its bottom row on
 * `y0`) on the frame's integer plane: its bottom vertices lie 0.2, 0.1, 0 and −0.1 plane units
 * (0.01 mm each at district scale; ~1e-12°) above `y0`, a thin simple tail that rounding flattens
 * onto one row. Area once despiked: 3k².
 */
export function roundingSpikeRing(frame: Frame, x0: number, y0: number, k = 100_000): Position[] {
  const at = (x: number, y: number): Position => toLonLat(frame, { x: x0 + x, y: y0 + y });
  const ring = [at(5 * k, 3 * k), at(3 * k, 0.2), at(2 * k, 0.1), at(k, 0), at(5 * k, -0.1)];
  ring.push([...ring[0]!]);
  return ring;
}
