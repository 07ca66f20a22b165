// Coordinate ranges. geojson-validation only checks that positions hold numbers; JSON's 1e999 parses
// to Infinity, and swapped lat/lon or projected (VN-2000 metre) coordinates pass it unnoticed.
import type { Position } from 'geojson';

function positionError(p: Position): string | null {
  const [lon, lat] = p as [number, number];
  if (!Number.isFinite(lon)) return `longitude ${lon} is not a finite number`;
  if (!Number.isFinite(lat)) return `latitude ${lat} is not a finite number`;
  if (lon < -180 || lon > 180) return `longitude ${lon} out of range −180..180`;
  if (lat < -90 || lat > 90) return `latitude ${lat} out of range −90..90`;
  for (let k = 2; k < p.length; k++) {
    if (!Number.isFinite(p[k])) return `altitude ${p[k]} is not a finite number`;
  }
  return null;
}

/** The first bad position of a feature, with a count of the others (one line, not thousands). */
export function rangeProblems(positions: readonly Position[]): string[] {
  let first: string | null = null;
  let more = 0;
  for (const p of positions) {
    const e = positionError(p);
    if (e === null) continue;
    if (first === null) first = e;
    else more++;
  }
  if (first === null) return [];
  return [more > 0 ? `${first} (and ${more} more bad position${more === 1 ? '' : 's'})` : first];
}

/** RFC 7946 §3.1.1: positions SHOULD NOT have more than three elements — a warning, not an error. */
export function extraDimensionWarning(positions: readonly Position[]): string | null {
  const n = positions.filter((p) => p.length > 3).length;
  return n === 0 ? null : `${n} position(s) have more than 3 elements; RFC 7946 says they should not`;
}
