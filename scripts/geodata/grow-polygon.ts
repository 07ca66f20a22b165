// Indicative polygons "grown" from an anchor: a rounded-rectangle blob in the local metric plane,
// clipped to where the feature may lie, scaled by bisection until its area hits a target. Used
// where only a host unit and a stated area are known (industrial zones, golf course, housing).
import type { Polygon, Position } from 'geojson';
import type { LocalPlane } from './local-plane.ts';
import type { Rng } from '../../src/geo/prng.ts';

export interface BlobShape {
  /** width / height of the underlying rectangle (≥ 1 wide, < 1 tall) */
  aspect: number;
  /** rotation of the long axis, degrees counter-clockwise from east */
  rotationDeg: number;
  /** superellipse exponent: 2 = ellipse, 4+ = rounded rectangle */
  squareness: number;
  /** low-frequency radial wobble: [harmonic, amplitude (fraction of radius), phase] */
  wobble: readonly (readonly [number, number, number])[];
  vertices: number;
}

/** A plausible irregular shape from a seeded stream (never a circle: aspect and corners vary). */
export function randomBlobShape(rng: Rng, opts: Partial<BlobShape> = {}): BlobShape {
  return {
    aspect: opts.aspect ?? rng.range(1.2, 1.8),
    rotationDeg: opts.rotationDeg ?? rng.range(0, 180),
    squareness: opts.squareness ?? rng.range(3, 5),
    wobble: opts.wobble ?? [
      [2, rng.range(0.03, 0.07), rng.range(0, 2 * Math.PI)],
      [3, rng.range(0.02, 0.05), rng.range(0, 2 * Math.PI)],
      [5, rng.range(0.01, 0.03), rng.range(0, 2 * Math.PI)],
    ],
    vertices: opts.vertices ?? 40,
  };
}

/**
 * Closed lon/lat ring of the blob centred on `center` whose equivalent radius (sqrt(area/π) before
 * wobble) is `radiusM`. Star-shaped about the centre, so growing the radius only adds area.
 */
export function blobRing(plane: LocalPlane, center: Position, radiusM: number, s: BlobShape): Position[] {
  const [cx, cy] = plane.toPlane(center);
  const a = radiusM * Math.sqrt(s.aspect);
  const b = radiusM / Math.sqrt(s.aspect);
  const rot = (s.rotationDeg * Math.PI) / 180;
  const ring: Position[] = [];
  for (let i = 0; i < s.vertices; i++) {
    const t = (2 * Math.PI * i) / s.vertices;
    const c = Math.cos(t);
    const sn = Math.sin(t);
    // superellipse point (rounded rectangle for squareness > 2)
    let x = a * Math.sign(c) * Math.abs(c) ** (2 / s.squareness);
    let y = b * Math.sign(sn) * Math.abs(sn) ** (2 / s.squareness);
    const w = 1 + s.wobble.reduce((acc, [k, amp, ph]) => acc + amp * Math.sin(k * t + ph), 0);
    x *= w;
    y *= w;
    const xr = x * Math.cos(rot) - y * Math.sin(rot);
    const yr = x * Math.sin(rot) + y * Math.cos(rot);
    ring.push(plane.toLonLat([cx + xr, cy + yr]));
  }
  ring.push([ring[0]![0]!, ring[0]![1]!]);
  return ring;
}

export function blobPolygon(plane: LocalPlane, center: Position, radiusM: number, s: BlobShape): Polygon {
  return { type: 'Polygon', coordinates: [blobRing(plane, center, radiusM, s)] };
}

export interface GrowResult<G> {
  geometry: G;
  areaM2: number;
  radiusM: number;
  /** achieved / target */
  ratio: number;
}

/**
 * Bisection on the radius: `make(r)` builds (and clips) the shape, `area(g)` measures it. Stops
 * once the area is within `tolerance` (fraction) of `targetM2`. Returns the closest result if the
 * allowed region cannot hold the target (ratio < 1 - tolerance tells the caller).
 */
export function growToArea<G>(
  make: (radiusM: number) => G | null,
  area: (g: G) => number,
  targetM2: number,
  opts: { tolerance?: number; maxRadiusM?: number; iterations?: number } = {},
): GrowResult<G> | null {
  const tol = opts.tolerance ?? 0.01;
  let lo = 0;
  let hi = opts.maxRadiusM ?? Math.max(200, 4 * Math.sqrt(targetM2 / Math.PI));
  let best: GrowResult<G> | null = null;
  for (let i = 0; i < (opts.iterations ?? 50); i++) {
    const r = (lo + hi) / 2;
    const g = make(r);
    const a = g ? area(g) : 0;
    if (g && (!best || Math.abs(a - targetM2) < Math.abs(best.areaM2 - targetM2))) {
      best = { geometry: g, areaM2: a, radiusM: r, ratio: a / targetM2 };
    }
    if (Math.abs(a - targetM2) <= tol * targetM2) break;
    if (a < targetM2) lo = r;
    else hi = r;
  }
  return best;
}
