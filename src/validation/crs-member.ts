// The `crs` member of a GeoJSON object (GeoJSON 2008; RFC 7946 dropped it, GDAL still writes it).
// The import reprojects from the CRSs it names (src/import/crs.ts); the checker and the coverage CLI
// read coordinates as WGS 84 longitude/latitude and so refuse a file whose `crs` says otherwise,
// and every entry point refuses a `crs` member that is not even of the 2008 form.

import { msg, problemText, type Msg } from './messages.ts';

export const CRS_MEMBER_MALFORMED = problemText(msg('crsMalformed'));

export type CrsMember = { kind: 'none' } | { kind: 'wgs84' } | { kind: 'named'; name: string } | { kind: 'malformed' };

const WGS84_NAMES = /^(?:(?:urn:ogc:def:crs:)?(?:OGC:(?:1\.3:)?)?CRS:?84|(?:EPSG:{1,2}|urn:ogc:def:crs:EPSG:[\d.]*:|https?:\/\/www\.opengis\.net\/def\/crs\/EPSG\/[\d.]+\/)?4326|https?:\/\/www\.opengis\.net\/def\/crs\/OGC\/[\d.]+\/CRS84)$/i;

export function readCrsMember(crs: unknown): CrsMember {
  if (crs === undefined || crs === null) return { kind: 'none' };
  const o = typeof crs === 'object' && !Array.isArray(crs) ? (crs as Record<string, unknown>) : null;
  const props = o !== null && typeof o.properties === 'object' && o.properties !== null ? (o.properties as Record<string, unknown>) : null;
  const name = props?.name;
  if (o === null || o.type !== 'name' || typeof name !== 'string') return { kind: 'malformed' };
  return WGS84_NAMES.test(name.trim()) ? { kind: 'wgs84' } : { kind: 'named', name };
}

/** What is wrong with a `crs` member for a reader that takes only WGS 84 lon/lat; null when nothing. */
export function crsMemberMsg(crs: unknown): Msg | null {
  const m = readCrsMember(crs);
  if (m.kind === 'malformed') return msg('crsMalformed');
  if (m.kind === 'named') return msg('crsNamed', { name: JSON.stringify(m.name.slice(0, 80)) });
  return null;
}

/** The same in English (the CLIs' text). */
export function crsMemberProblem(crs: unknown): string | null {
  const m = crsMemberMsg(crs);
  return m === null ? null : problemText(m);
}
