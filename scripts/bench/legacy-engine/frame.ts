// FROZEN COPY of the coverage engine as it was before issue 15 (commit 62d4163 plus the grid
// bisection then in the work tree), kept only so `npm run bench:coverage` can measure the old
// engine against the new one in the same run. Not used by the app; do not change.
// Local integer plane for Clipper2. The mapping is affine in lon/lat (a scaled equirectangular
// frame), so a straight edge in the plane is the same straight lon/lat edge the input had, and
// converting result rings back is exact up to the rounding (0.01 mm at district scale). Areas are NOT measured here:
// rings go back to lon/lat and GeographicLib measures them (see measure.ts).
import type { Path64, Point64 } from '@countertype/clipper2-ts';
import type { BBox } from '../../../src/geo/extent';

const A = 6378137;
const F = 1 / 298.257223563;
const E2 = F * (2 - F);
const DEG = Math.PI / 180;

/**
 * Coordinates are kept within ±2^30: clipper2-ts's exact orientation tests (multiplyUInt64)
 * take coordinate differences as unsigned 32-bit integers, so differences must stay < 2^32.
 */
const MAX_COORD = 2 ** 30;
/** 0.01 mm: rounding slivers stay ~1e-8 of a 100 m cell, far below the 0.01 % budget. */
const MAX_UNITS_PER_METRE = 100_000;

export interface Frame {
  lon0: number;
  lat0: number;
  /** plane units per degree of longitude / latitude */
  sx: number;
  sy: number;
  /** plane units per metre (100000 = 0.01 mm resolution) */
  unitsPerMetre: number;
}

export type { BBox };

/** Frame centred on a lon/lat bbox, 0.01 mm resolution unless the bbox is too large for that. */
export function createFrame(bbox: BBox | null): Frame {
  // Fallback centre: Việt Yên, used when there is nothing to centre on (no units).
  const b: BBox = bbox ?? [106.08, 21.27, 106.08, 21.27];
  const lon0 = (b[0] + b[2]) / 2;
  const lat0 = (b[1] + b[3]) / 2;
  const s = Math.sin(lat0 * DEG);
  const w = Math.sqrt(1 - E2 * s * s);
  const mPerDegLon = ((A * Math.cos(lat0 * DEG)) / w) * DEG;
  const mPerDegLat = ((A * (1 - E2)) / (w * w * w)) * DEG;
  // Half extent in metres with a 50% margin for plans sticking out of the units' bbox.
  const half = Math.max(((b[2] - b[0]) / 2) * mPerDegLon, ((b[3] - b[1]) / 2) * mPerDegLat, 1) * 1.5;
  const unitsPerMetre = Math.min(MAX_UNITS_PER_METRE, MAX_COORD / half);
  return { lon0, lat0, sx: mPerDegLon * unitsPerMetre, sy: mPerDegLat * unitsPerMetre, unitsPerMetre };
}

export function toPoint(frame: Frame, lon: number, lat: number): Point64 {
  return { x: Math.round((lon - frame.lon0) * frame.sx), y: Math.round((lat - frame.lat0) * frame.sy) };
}

export function toLonLat(frame: Frame, p: Point64): [number, number] {
  return [frame.lon0 + p.x / frame.sx, frame.lat0 + p.y / frame.sy];
}

export function pathToLonLat(frame: Frame, path: Path64): [number, number][] {
  const out: [number, number][] = new Array(path.length);
  for (let i = 0; i < path.length; i++) out[i] = toLonLat(frame, path[i]!);
  return out;
}
