// FROZEN COPY of the coverage engine as it was before issue 15 (commit 62d4163 plus the grid
// bisection then in the work tree), kept only so `npm run bench:coverage` can measure the old
// engine against the new one in the same run. Not used by the app; do not change.
// Ellipsoidal area of Clipper output. Clipper paths use the NonZero convention (outer rings
// positive, holes negative); each ring goes back to lon/lat and GeographicLib measures it.
//
// GeoJSON edges are straight lines in lon/lat (RFC 7946 §3.1.1) while GeographicLib joins
// vertices with geodesics. For a 10 km edge the two differ by ~0.8 m of sag, ~1e-4 of a unit's
// area, and clipping adds vertices ON the lon/lat line, so a unit cut into cells would not sum to
// the uncut unit. Long edges are therefore densified along the lon/lat line before measuring
// (≤ 250 m apart: residual < 1e-6 of the area).
import { Clipper, type Path64, type Paths64 } from '@countertype/clipper2-ts';
import { ringArea } from '../../../src/geo/area';
import { toLonLat, type Frame } from './frame';

const MAX_EDGE_M = 250;

/** Signed planar area (plane units²): the cheap test for "positive area" and "full cell". */
export function planarArea(paths: Paths64): number {
  return Clipper.areaPaths(paths);
}

/** Ring to lon/lat, with points inserted on edges longer than MAX_EDGE_M (linear in lon/lat). */
export function ringToLonLat(path: Path64, frame: Frame): [number, number][] {
  const maxEdge = MAX_EDGE_M * frame.unitsPerMetre;
  const out: [number, number][] = [];
  const n = path.length;
  for (let i = 0; i < n; i++) {
    const a = path[i]!;
    out.push(toLonLat(frame, a));
    const b = path[(i + 1) % n]!;
    const dx = b.x - a.x;
    const dy = b.y - a.y;
    const len = Math.hypot(dx, dy);
    if (len > maxEdge) {
      const k = Math.ceil(len / maxEdge);
      for (let j = 1; j < k; j++) out.push(toLonLat(frame, { x: a.x + (dx * j) / k, y: a.y + (dy * j) / k }));
    }
  }
  return out;
}

/** Area in m² on the WGS 84 ellipsoid of NonZero paths (holes subtract). */
export function pathsArea(paths: Paths64, frame: Frame): number {
  let total = 0;
  for (const path of paths) {
    if (path.length < 3) continue;
    const sign = Clipper.area(path);
    if (sign === 0) continue;
    const a = ringArea(ringToLonLat(path, frame));
    total += sign > 0 ? a : -a;
  }
  return Math.max(0, total);
}
