// Linear rings: closed, at least 4 positions, and RFC 7946 §3.1.6 winding (outer rings
// counter-clockwise, holes clockwise). MapLibre tolerates either winding, but clipping and
// area code downstream (and other tools) may not, so the files must follow the RFC.
import type { Position } from 'geojson';
import type { LabelledPolygon } from './geometry.ts';
import { formatPosition } from './format.ts';

function samePosition(a: Position, b: Position): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

export function isClosedRing(ring: readonly Position[]): boolean {
  const first = ring[0];
  const last = ring[ring.length - 1];
  return first !== undefined && last !== undefined && samePosition(first, last);
}

/** A ring the geometric rules (winding, kinks, clipping) can work on. */
export function isUsableRing(ring: readonly Position[]): boolean {
  return ring.length >= 4 && isClosedRing(ring);
}

/**
 * Twice the signed planar area in degrees² (shoelace); positive = counter-clockwise with x east,
 * y north. Planar is exact enough for the sign of a ring a few km across. Coordinates are taken
 * relative to the first position to avoid cancellation with lon ≈ 106.
 */
export function signedArea2(ring: readonly Position[]): number {
  const o = ring[0];
  if (o === undefined) return 0;
  let s = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const a = ring[i]!;
    const b = ring[i + 1]!;
    s += (a[0]! - o[0]!) * (b[1]! - o[1]!) - (b[0]! - o[0]!) * (a[1]! - o[1]!);
  }
  return s;
}

function ringShapeProblems(ring: readonly Position[], index: number): string[] {
  if (ring.length === 0) return [`ring ${index} is empty`];
  const out: string[] = [];
  if (ring.length < 4) out.push(`ring ${index} has ${ring.length} positions, needs at least 4`);
  if (!isClosedRing(ring)) {
    const first = formatPosition(ring[0]!);
    const last = formatPosition(ring[ring.length - 1]!);
    out.push(`ring ${index} is not closed (first ${first} ≠ last ${last})`);
  }
  return out;
}

/** Closure and length of every ring of one polygon (messages carry the polygon's label). */
export function ringShapeProblemsOf({ label, rings }: LabelledPolygon): string[] {
  if (rings.length === 0) return [`${label}polygon has no rings`];
  return rings.flatMap((ring, i) => ringShapeProblems(ring, i).map((m) => label + m));
}

function windingProblem(ring: readonly Position[], index: number): string | null {
  const area = signedArea2(ring);
  if (area === 0) return `ring ${index} has zero area`;
  if (index === 0 && area < 0) return `outer ring ${index} is clockwise; RFC 7946 wants counter-clockwise`;
  if (index > 0 && area > 0) return `hole ring ${index} is counter-clockwise; RFC 7946 wants clockwise`;
  return null;
}

/**
 * Winding of one polygon's rings. Only meaningful for closed rings without self-intersections
 * (a bowtie's lobes wind both ways), so the caller runs it after the shape and kink checks pass.
 */
export function windingProblemsOf({ label, rings }: LabelledPolygon): string[] {
  return rings.flatMap((ring, i) => {
    const m = windingProblem(ring, i);
    return m === null ? [] : [label + m];
  });
}
