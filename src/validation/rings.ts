// Linear rings: closed, at least 4 positions, and RFC 7946 §3.1.6 winding (outer rings
// counter-clockwise, holes clockwise). MapLibre tolerates either winding, but clipping and
// area code downstream (and other tools) may not, so the files must follow the RFC.
import type { Position } from 'geojson';
import { polygonLabel, type LabelledPolygon } from './geometry.ts';
import type { Localized } from '../i18n/types.ts';
import { formatPosition } from './format.ts';
import { msg, type Msg } from './messages.ts';

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

function ringShapeProblems(ring: readonly Position[], index: number, polygon: LabelledPolygon): Msg[] {
  if (ring.length >= 4 && isClosedRing(ring)) return [];
  const part = polygonLabel(polygon);
  if (ring.length === 0) return [msg('ringEmpty', { part, ring: index })];
  const out: Msg[] = [];
  if (ring.length < 4) out.push(msg('ringShort', { part, ring: index, n: ring.length }));
  if (!isClosedRing(ring)) {
    const first = formatPosition(ring[0]!);
    const last = formatPosition(ring[ring.length - 1]!);
    out.push(msg('ringOpen', { part, ring: index, first, last }));
  }
  return out;
}

/** Closure and length of every ring of one polygon (messages carry the polygon's label). */
export function ringShapeProblemsOf(polygon: LabelledPolygon): Msg[] {
  if (polygon.rings.length === 0) return [msg('noRings', { part: polygonLabel(polygon) })];
  return polygon.rings.flatMap((ring, i) => ringShapeProblems(ring, i, polygon));
}

function windingProblem(ring: readonly Position[], index: number, polygon: LabelledPolygon): Msg | null {
  const area = signedArea2(ring);
  const part = (): Localized => polygonLabel(polygon);
  if (area === 0) return msg('zeroArea', { part: part(), ring: index });
  if (index === 0 && area < 0) return msg('outerClockwise', { part: part(), ring: index });
  if (index > 0 && area > 0) return msg('holeCounterClockwise', { part: part(), ring: index });
  return null;
}

/**
 * Winding of one polygon's rings. Only meaningful for closed rings without self-intersections
 * (a bowtie's lobes wind both ways), so the caller runs it after the shape and kink checks pass.
 */
export function windingProblemsOf(polygon: LabelledPolygon): Msg[] {
  return polygon.rings.flatMap((ring, i) => {
    const m = windingProblem(ring, i, polygon);
    return m === null ? [] : [m];
  });
}
