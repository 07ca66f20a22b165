// Which coordinate reference system a file is in. Planners' files are mostly VN-2000 / TM-3 107°
// (EPSG:9214, Bắc Giang) or 105°30′ (EPSG:9209, old Bắc Ninh); GPS and web tools give WGS 84.
// A .prj is read by proj4's WKT parser (OGC WKT1, ESRI WKT and WKT2 all reach the same fields),
// and the CRS is recognised by its parameters — projection, central meridian, scale, false
// easting, datum — not by its name, which every tool spells differently.
import proj4 from 'proj4';
import { fail, isRecord, ok, type Step } from './types.ts';

// The table of supported CRSs lives in crs-defs.ts (no proj4 there: the page's UI lists them
// without loading the projection library, which only the import worker needs).
import { SUPPORTED_CRS, VN2000_TOWGS84, crsDef, type CrsDef } from './crs-defs.ts';
export { SUPPORTED_CRS, VN2000_TOWGS84, crsDef, type CrsDef };

/** The suggestion for metric coordinates near Việt Yên without a CRS (Bắc Giang's TM-3 zone). */
export const DEFAULT_METRIC_CRS = 'EPSG:9214';


/**
 * "EPSG:9214", "epsg:9214", "9214", "urn:ogc:def:crs:EPSG::9214", "urn:ogc:def:crs:OGC:1.3:CRS84",
 * "http://www.opengis.net/def/crs/EPSG/0/9214" → "EPSG:9214"; null when not a supported code.
 */
export function normaliseCrsCode(input: string): string | null {
  const text = input.trim();
  if (/(^|[:/])CRS:?84$/i.test(text) || /^OGC:CRS84$/i.test(text)) return 'EPSG:4326';
  const m = /^(?:EPSG:{1,2}|urn:ogc:def:crs:EPSG:[\d.]*:|https?:\/\/www\.opengis\.net\/def\/crs\/EPSG\/[\d.]+\/)?(\d{4,5})$/i.exec(text);
  if (m === null) return null;
  const code = `EPSG:${m[1]}`;
  return crsDef(code) === undefined ? null : code;
}

function supportedList(): string {
  return SUPPORTED_CRS.map((c) => c.code).join(', ');
}

/** The CRS of a GeoJSON `crs` member (2008 spec; RFC 7946 dropped it, but GDAL still writes it). */
export function crsFromGeoJsonMember(crs: unknown): Step<string> | null {
  if (crs === undefined || crs === null) return null;
  const name = isRecord(crs) && isRecord(crs.properties) ? crs.properties.name : undefined;
  if (!isRecord(crs) || crs.type !== 'name' || typeof name !== 'string') {
    return fail('has a "crs" member that is not of the form {"type": "name", "properties": {"name": "EPSG:…"}}');
  }
  const code = normaliseCrsCode(name);
  if (code === null) return fail(`has an unsupported CRS ${JSON.stringify(name.slice(0, 80))}; supported: ${supportedList()}`);
  return ok(code);
}

const DEG = 180 / Math.PI;

type Datum = 'WGS 84' | 'VN-2000' | 'other';

function near(a: number | undefined, b: number, tolerance: number): boolean {
  return a !== undefined && Number.isFinite(a) && Math.abs(a - b) <= tolerance;
}

/** VN-2000 by name (any tool's spelling, or the EPSG datum/CRS code) or by its towgs84 shift. */
function datumOf(p: Record<string, unknown>): Datum {
  const code = String(p.datumCode ?? '').toLowerCase();
  const datumName = String(p.datumName ?? '').toLowerCase();
  let params = Array.isArray(p.datum_params) ? p.datum_params.map(Number) : [];
  // ESRI WKT has no TOWGS84 node; GDAL then spells the shift into the datum name:
  // "D_Unknown_based_on_WGS84_ellipsoid_using_towgs84_-191_90441429_-39_30318279_…".
  const spelled = /towgs84_((?:-?\d+(?:_\d+)?_?){3,7})/.exec(`${code} ${datumName}`)?.[1];
  if (params.length === 0 && spelled !== undefined) {
    const numbers = spelled.match(/-?\d+(?:_\d+)?/g) ?? [];
    params = numbers.map((n) => Number(n.replace('_', '.')));
  }
  // proj4 leaves the datum empty for WKT2 geographic CRSs; only then does the CRS name count.
  const nameHint = code === '' ? String(p.name ?? '').toLowerCase() : '';
  // EPSG:6756 is the VN-2000 datum, 4756 its geographic CRS (WKT2 names them so).
  if (/vietnam|vn[-_ ]?2000|6756|4756/.test(`${code} ${datumName} ${nameHint}`)) return 'VN-2000';
  // Either published VN-2000 shift (EPSG:6960's, or the older -192.873/-39.382/-111.202).
  if (params.length >= 3 && near(params[0], -192, 1.5) && near(params[1], -39.3, 1) && near(params[2], -111.3, 1)) return 'VN-2000';
  if (/wgs_?84|wgs 84|4326|6326/.test(`${code} ${datumName}`)) return 'WGS 84';
  const ellps = String(p.ellps ?? '').toLowerCase().replace(/[^a-z0-9]/g, '');
  if (ellps === 'wgs84' && (params.length === 0 || params.every((x) => x === 0)) && code !== 'none') return 'WGS 84';
  return 'other';
}

function describeProjection(p: Record<string, unknown>): string {
  const name = String(p.projName ?? 'unknown projection');
  const parts = [name];
  if (typeof p.long0 === 'number') parts.push(`central meridian ${+(p.long0 * DEG).toFixed(6)}°`);
  if (typeof p.k0 === 'number' && name !== 'longlat') parts.push(`scale ${p.k0}`);
  return parts.join(', ');
}

// The root keywords of WKT 1 (OGC, ESRI) and WKT 2 coordinate systems.
const WKT_ROOT = /^(PROJCS|GEOGCS|GEOCCS|COMPD_CS|VERT_CS|LOCAL_CS|FITTED_CS|PROJCRS|PROJECTEDCRS|GEOGCRS|GEOGRAPHICCRS|GEODCRS|GEODETICCRS|BASEGEOGCRS|COMPOUNDCRS|BOUNDCRS|ENGCRS|ENGINEERINGCRS|VERTCRS|VERTICALCRS)\s*[[(]/i;

/** Null when the text opens like WKT; else its first characters, quoted, for the message. */
export function wktStart(text: string): string | null {
  const t = text.replace(/^\uFEFF/, '').trimStart();
  if (WKT_ROOT.test(t)) return null;
  // eslint-disable-next-line no-control-regex
  const head = t.slice(0, 24).replace(/[\u0000-\u001f\u007f-\u009f\ufffd]/g, '?');
  return JSON.stringify(head.length < t.length ? `${head}…` : head);
}

/**
 * The supported CRS a .prj (or any WKT) describes. Errors say what was found, e.g.
 * "the .prj describes Lambert_Conformal_Conic, …, which is not supported".
 */
export function crsFromWkt(wkt: string, what = 'the .prj'): Step<string> {
  const text = wkt.replace(/^\uFEFF/, '').trim();
  if (text === '') return fail(`${what} is empty`);
  const start = wktStart(text);
  if (start !== null) return fail(`${what} is not a coordinate system description (WKT): it starts with ${start}`);
  let parsed: Record<string, unknown>;
  try {
    // proj4.Proj parses WKT (OGC, ESRI, WKT2) into its parameter object.
    parsed = new proj4.Proj(text) as unknown as Record<string, unknown>;
  } catch (e) {
    // proj4's parser fails on some malformed WKT with a JavaScript error of its own ("Cannot read
    // properties of null"): that says nothing to a planner.
    if (e instanceof TypeError || e instanceof RangeError) return fail(`${what} could not be read as WKT (malformed brackets or keywords)`);
    return fail(`${what} could not be read as WKT (${e instanceof Error ? e.message.slice(0, 80) : 'parse error'})`);
  }
  const projName = String(parsed.projName ?? '').toLowerCase().replace(/[\s_]+/g, '');
  const datum = datumOf(parsed);
  const unsupported = fail<string>(
    `${what} describes ${describeProjection(parsed)} (datum ${datum === 'other' ? 'not WGS 84 or VN-2000' : datum}), which is not supported; supported: ${supportedList()}`,
  );
  if (datum === 'other') return unsupported;
  if (projName === 'longlat' || projName === 'lonlat' || projName === 'latlong') {
    return ok(datum === 'WGS 84' ? 'EPSG:4326' : 'EPSG:4756');
  }
  const isTmerc = ['transversemercator', 'tmerc', 'utm', 'gausskruger'].includes(projName);
  const toMeter = typeof parsed.to_meter === 'number' ? parsed.to_meter : 1;
  if (!isTmerc || !near(toMeter, 1, 1e-9)) return unsupported;
  const lon0 = typeof parsed.long0 === 'number' ? parsed.long0 * DEG : NaN;
  const k0 = typeof parsed.k0 === 'number' ? parsed.k0 : NaN;
  const x0 = typeof parsed.x0 === 'number' ? parsed.x0 : 0;
  const y0 = typeof parsed.y0 === 'number' ? parsed.y0 : 0;
  const lat0 = typeof parsed.lat0 === 'number' ? parsed.lat0 : 0;
  if (!near(x0, 500000, 1e-6) || !near(y0, 0, 1e-6) || !near(lat0, 0, 1e-12)) return unsupported;
  // Parameters of the candidates, read back from their proj4 strings: one source of truth.
  for (const def of SUPPORTED_CRS) {
    if (def.kind !== 'projected' || def.datum !== datum) continue;
    const lon = Number(/\+lon_0=([-\d.]+)/.exec(def.proj4)?.[1]);
    const k = Number(/\+k=([\d.]+)/.exec(def.proj4)?.[1]);
    if (near(lon0, lon, 1e-7) && near(k0, k, 1e-9)) return ok(def.code);
  }
  return unsupported;
}

export type CoordinateGuess =
  | { kind: 'geographic' }
  | { kind: 'metric-near-viet-yen'; suggested: string }
  | { kind: 'metric-elsewhere' }
  | { kind: 'empty' };

// Việt Yên lies at x ≈ 395–415 km, y ≈ 2,343–2,363 km in EPSG:9214; this window (Bắc Giang and its
// neighbours in the TM-3 107° zone, generously) is where suggesting EPSG:9214 makes sense.
export const METRIC_WINDOW = { minX: 300_000, maxX: 700_000, minY: 2_200_000, maxY: 2_500_000 } as const;

export interface Extent {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/** A guess from coordinate ranges alone, for files that name no CRS (shapefile without .prj, GeoJSON). */
export function guessCrsFromExtent(extent: Extent | null): CoordinateGuess {
  if (extent === null) return { kind: 'empty' };
  const { minX, minY, maxX, maxY } = extent;
  if (minX >= -180 && maxX <= 180 && minY >= -90 && maxY <= 90) return { kind: 'geographic' };
  // A few stray degrees out of range (a typo, swapped axes) are still degrees: projected coordinates
  // of Vietnam are hundreds of thousands of metres. The checker then reports the bad positions.
  if (Math.max(Math.abs(minX), Math.abs(maxX), Math.abs(minY), Math.abs(maxY)) < 1000) return { kind: 'geographic' };
  const w = METRIC_WINDOW;
  if (minX >= w.minX && maxX <= w.maxX && minY >= w.minY && maxY <= w.maxY) {
    return { kind: 'metric-near-viet-yen', suggested: DEFAULT_METRIC_CRS };
  }
  return { kind: 'metric-elsewhere' };
}
