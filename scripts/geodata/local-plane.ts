// A local metric plane (equirectangular on the WGS 84 ellipsoid) around a reference point.
// Affine in lon/lat, so straight lines stay straight both ways: half-planes and segments built
// in metres can be mapped back to lon/lat exactly. Across Việt Yên (~18 km) its scale error is
// < 0.1%, ample for tolerances and power-diagram geometry; areas are always measured
// ellipsoidally (area.ts), never in this plane.
import type { Position } from 'geojson';

export interface LocalPlane {
  readonly lon0: number;
  readonly lat0: number;
  /** metres per degree of longitude / latitude at lat0 */
  readonly kx: number;
  readonly ky: number;
  toPlane(p: Position): [number, number];
  toLonLat(p: readonly number[]): [number, number];
}

const A = 6378137;
const F = 1 / 298.257223563;
const E2 = F * (2 - F);

export function localPlane(lon0: number, lat0: number): LocalPlane {
  const phi = (lat0 * Math.PI) / 180;
  const s = Math.sin(phi);
  const w = Math.sqrt(1 - E2 * s * s);
  const n = A / w; // prime-vertical radius
  const m = (A * (1 - E2)) / (w * w * w); // meridional radius
  const kx = ((n * Math.cos(phi)) * Math.PI) / 180;
  const ky = (m * Math.PI) / 180;
  return {
    lon0,
    lat0,
    kx,
    ky,
    toPlane: (p) => [(p[0]! - lon0) * kx, (p[1]! - lat0) * ky],
    toLonLat: (p) => [lon0 + p[0]! / kx, lat0 + p[1]! / ky],
  };
}

/** The plane used for all Việt Yên geodata (centre of the former district). */
export const VIET_YEN_PLANE: LocalPlane = localPlane(106.085, 21.27);
