// Which coordinate reference system a file is in. Planners' files are mostly VN-2000 / TM-3 107°
// (EPSG:9214, Bắc Giang) or 105°30′ (EPSG:9209, old Bắc Ninh); GPS and web tools give WGS 84.
// A .prj is read by proj4's WKT parser (OGC WKT1, ESRI WKT and WKT2 all reach the same fields),
// and the CRS is recognised by its parameters — projection, central meridian, scale, false
// easting, datum — not by its name, which every tool spells differently.
import proj4 from 'proj4';
import { fail, isRecord, ok, type Step } from './types.ts';

// VN-2000 → WGS 84, position-vector convention (PROJ's +towgs84): EPSG:6960's coordinate-frame
// rotations with their signs flipped (see /work/shared/facts/viet-yen.md, VN-2000).
export const VN2000_TOWGS84 =
  '-191.90441429,-39.30318279,-111.45032835,0.00928836,-0.01975479,0.00427372,0.252906278';

export interface CrsDef {
  code: string;
  name: string;
  proj4: string;
  kind: 'geographic' | 'projected';
  datum: 'WGS 84' | 'VN-2000';
}

function tm3(code: number, lon0: number, label: string): CrsDef {
  return {
    code: `EPSG:${code}`,
    name: `VN-2000 / TM-3 ${label}`,
    proj4: `+proj=tmerc +lat_0=0 +lon_0=${lon0} +k=0.9999 +x_0=500000 +y_0=0 +ellps=WGS84 +towgs84=${VN2000_TOWGS84} +units=m +no_defs`,
    kind: 'projected',
    datum: 'VN-2000',
  };
}

function utm(code: number, zone: 48 | 49, datum: CrsDef['datum']): CrsDef {
  const lon0 = zone === 48 ? 105 : 111;
  const shift = datum === 'VN-2000' ? `+ellps=WGS84 +towgs84=${VN2000_TOWGS84}` : '+datum=WGS84';
  return {
    code: `EPSG:${code}`,
    name: `${datum === 'VN-2000' ? 'VN-2000' : 'WGS 84'} / UTM zone ${zone}N`,
    proj4: `+proj=tmerc +lat_0=0 +lon_0=${lon0} +k=0.9996 +x_0=500000 +y_0=0 ${shift} +units=m +no_defs`,
    kind: 'projected',
    datum,
  };
}

/** Every CRS the import understands. EPSG:9214 is exactly the facts file's definition. */
export const SUPPORTED_CRS: readonly CrsDef[] = [
  { code: 'EPSG:4326', name: 'WGS 84', proj4: '+proj=longlat +datum=WGS84 +no_defs', kind: 'geographic', datum: 'WGS 84' },
  {
    code: 'EPSG:4756',
    name: 'VN-2000 (geographic)',
    proj4: `+proj=longlat +ellps=WGS84 +towgs84=${VN2000_TOWGS84} +no_defs`,
    kind: 'geographic',
    datum: 'VN-2000',
  },
  // Central meridians as in the EPSG dataset (PROJ 9.1's projinfo).
  tm3(9205, 103, '103-00'),
  tm3(9206, 104, '104-00'),
  tm3(9207, 104.5, '104-30'),
  tm3(9208, 104.75, '104-45'),
  tm3(9209, 105.5, '105-30'),
  tm3(9210, 105.75, '105-45'),
  tm3(9211, 106, '106-00'),
  tm3(9212, 106.25, '106-15'),
  tm3(9213, 106.5, '106-30'),
  tm3(9214, 107, '107-00'),
  tm3(9215, 107.25, '107-15'),
  tm3(9216, 107.5, '107-30'),
  tm3(9217, 108.25, '108-15'),
  tm3(9218, 108.5, '108-30'),
  utm(3405, 48, 'VN-2000'),
  utm(3406, 49, 'VN-2000'),
  utm(32648, 48, 'WGS 84'),
  utm(32649, 49, 'WGS 84'),
];

/** The suggestion for metric coordinates near Việt Yên without a CRS (Bắc Giang's TM-3 zone). */
export const DEFAULT_METRIC_CRS = 'EPSG:9214';

export function crsDef(code: string): CrsDef | undefined {
  return SUPPORTED_CRS.find((c) => c.code === code);
}

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

/**
 * The supported CRS a .prj (or any WKT) describes. Errors say what was found, e.g.
 * "the .prj describes Lambert_Conformal_Conic, …, which is not supported".
 */
export function crsFromWkt(wkt: string): Step<string> {
  const text = wkt.replace(/^\uFEFF/, '').trim();
  if (text === '') return fail('the .prj is empty');
  let parsed: Record<string, unknown>;
  try {
    // proj4.Proj parses WKT (OGC, ESRI, WKT2) into its parameter object.
    parsed = new proj4.Proj(text) as unknown as Record<string, unknown>;
  } catch (e) {
    return fail(`the .prj could not be read as WKT (${e instanceof Error ? e.message.slice(0, 80) : 'parse error'})`);
  }
  const projName = String(parsed.projName ?? '').toLowerCase().replace(/[\s_]+/g, '');
  const datum = datumOf(parsed);
  const unsupported = fail<string>(
    `the .prj describes ${describeProjection(parsed)} (datum ${datum === 'other' ? 'not WGS 84 or VN-2000' : datum}), which is not supported; supported: ${supportedList()}`,
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
