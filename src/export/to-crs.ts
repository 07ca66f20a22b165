// WGS 84 → a projected CRS for files handed to surveyors and consultants (VN-2000 / TM-3, EPSG:9214
// by default), with proj4 and the same definitions the import reads. The inverse of
// import/reproject.ts; kept apart so the page loads proj4 only when someone exports.
import proj4 from 'proj4';
import type { FeatureCollection, Geometry, Position } from 'geojson';
import { crsDef, VN2000_TOWGS84 } from '../import/crs-defs';

const WGS84 = '+proj=longlat +datum=WGS84 +no_defs';

/** Coordinates kept to the millimetre: finer digits are noise in a projected file. */
const round3 = (x: number) => Math.round(x * 1000) / 1000;

export function fromWgs84(code: string): (p: Position) => Position {
  const def = crsDef(code);
  if (def === undefined) throw new Error(`unsupported CRS ${code}`);
  if (code === 'EPSG:4326') return (p) => [p[0]!, p[1]!];
  const converter = proj4(WGS84, def.proj4);
  return (p) => converter.forward([p[0]!, p[1]!]).map(round3);
}

function mapGeometry(g: Geometry, f: (p: Position) => Position): Geometry {
  switch (g.type) {
    case 'Point': return { type: 'Point', coordinates: f(g.coordinates) };
    case 'MultiPoint': return { type: 'MultiPoint', coordinates: g.coordinates.map(f) };
    case 'LineString': return { type: 'LineString', coordinates: g.coordinates.map(f) };
    case 'MultiLineString': return { type: 'MultiLineString', coordinates: g.coordinates.map((l) => l.map(f)) };
    case 'Polygon': return { type: 'Polygon', coordinates: g.coordinates.map((r) => r.map(f)) };
    case 'MultiPolygon': return { type: 'MultiPolygon', coordinates: g.coordinates.map((p) => p.map((r) => r.map(f))) };
    case 'GeometryCollection': return { type: 'GeometryCollection', geometries: g.geometries.map((x) => mapGeometry(x, f)) };
  }
}

/**
 * The collection in `code`, with a GeoJSON 2008 `crs` member naming it (RFC 7946 has none for
 * projected files; GDAL, QGIS and this app's import read the member).
 */
export function collectionToCrs<F extends FeatureCollection>(fc: F, code: string): F & { crs?: unknown } {
  const f = fromWgs84(code);
  const features = fc.features.map((ft) => ({ ...ft, geometry: ft.geometry ? mapGeometry(ft.geometry, f) : ft.geometry }));
  const out = { ...fc, features } as F & { crs?: unknown };
  if (code !== 'EPSG:4326') out.crs = { type: 'name', properties: { name: `urn:ogc:def:crs:EPSG::${code.slice(5)}` } };
  return out;
}

/** OGC WKT1 for a .prj (VN-2000 / TM-3 zones and WGS 84): what GIS desktop tools read. */
export function prjWkt(code: string): string {
  const def = crsDef(code);
  if (def === undefined) throw new Error(`unsupported CRS ${code}`);
  const wgs84Geog = 'GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563]],PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433]]';
  if (code === 'EPSG:4326') return wgs84Geog.replace(/\]$/, ',AUTHORITY["EPSG","4326"]]');
  const p = Object.fromEntries(def.proj4.split(' ').filter((s) => s.includes('=')).map((s) => s.slice(1).split('=') as [string, string]));
  if (p['proj'] !== 'tmerc') throw new Error(`no .prj writer for ${code}`);
  const geog = def.datum === 'VN-2000'
    ? `GEOGCS["VN-2000",DATUM["Vietnam_2000",SPHEROID["WGS 84",6378137,298.257223563],TOWGS84[${VN2000_TOWGS84}]],PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433]]`
    : wgs84Geog;
  return `PROJCS["${def.name}",${geog},PROJECTION["Transverse_Mercator"],PARAMETER["latitude_of_origin",0],`
    + `PARAMETER["central_meridian",${p['lon_0']}],PARAMETER["scale_factor",${p['k']}],PARAMETER["false_easting",${p['x_0']}],`
    + `PARAMETER["false_northing",${p['y_0']}],UNIT["metre",1],AUTHORITY["EPSG","${code.slice(5)}"]]`;
}
