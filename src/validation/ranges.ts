// Coordinate ranges. geojson-validation only checks that positions hold numbers; JSON's 1e999 parses
// to Infinity, and swapped lat/lon or projected (VN-2000 metre) coordinates pass it unnoticed.
import type { Position } from 'geojson';
import { msg, part, type Msg } from './messages.ts';

type Axis = 'problemPart.longitude' | 'problemPart.latitude' | 'problemPart.altitude';

/** What is wrong with one position (range null: not a finite number), or null. Allocates only when bad. */
function positionError(p: Position): { axis: Axis; value: number; range: string | null } | null {
  const [lon, lat] = p as [number, number];
  if (!Number.isFinite(lon)) return { axis: 'problemPart.longitude', value: lon, range: null };
  if (!Number.isFinite(lat)) return { axis: 'problemPart.latitude', value: lat, range: null };
  if (lon < -180 || lon > 180) return { axis: 'problemPart.longitude', value: lon, range: '−180..180' };
  if (lat < -90 || lat > 90) return { axis: 'problemPart.latitude', value: lat, range: '−90..90' };
  for (let k = 2; k < p.length; k++) {
    if (!Number.isFinite(p[k])) return { axis: 'problemPart.altitude', value: p[k]!, range: null };
  }
  return null;
}

/** The first bad position of a feature, with a count of the others (one line, not thousands). */
export function rangeProblems(positions: readonly Position[]): Msg[] {
  let first: ReturnType<typeof positionError> = null;
  let more = 0;
  for (const p of positions) {
    const e = positionError(p);
    if (e === null) continue;
    if (first === null) first = e;
    else more++;
  }
  if (first === null) return [];
  const params = {
    axis: part(first.axis),
    value: String(first.value),
    more: more > 0 ? part('problemPart.moreBad', { n: more, s: more === 1 ? '' : 's' }) : '',
  };
  return [first.range === null ? msg('coordinateNotFinite', params) : msg('coordinateRange', { ...params, range: first.range })];
}

/** RFC 7946 §3.1.1: positions SHOULD NOT have more than three elements — a warning, not an error. */
export function extraDimensionWarning(positions: readonly Position[]): Msg | null {
  const n = positions.filter((p) => p.length > 3).length;
  return n === 0 ? null : msg('extraDimensions', { n });
}
