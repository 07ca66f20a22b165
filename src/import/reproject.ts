// Reprojection to WGS 84 lon/lat (what the map and every project layer use), with proj4 and the
// definitions of crs.ts. Altitudes are carried over unchanged: the VN-2000 datum shift would
// otherwise alter them by tens of metres, and nobody's plan register has meaningful heights.
import proj4 from 'proj4';
import { booleanIntersects } from '@turf/turf';
import type { Geometry, Position } from 'geojson';
import { extent, lonLatXY } from '../geo/extent.ts';
import { crsDef } from './crs.ts';
import { DISTRICT_BBOX, districtFromGeoJson } from '../validation/extent.ts';
import { msg, type Msg } from '../validation/messages.ts';
import type { AnyCollection, AnyFeature, Bbox } from './types.ts';

const WGS84 = '+proj=longlat +datum=WGS84 +no_defs';

type Transform = (p: Position) => Position;

/** A function from the CRS's coordinates to WGS 84 lon/lat; null for an unsupported code. */
export function toWgs84(code: string): Transform | null {
  const def = crsDef(code);
  if (def === undefined) return null;
  if (code === 'EPSG:4326') return (p) => [...p];
  const converter = proj4(def.proj4, WGS84);
  return (p) => {
    const [lon, lat] = converter.forward([p[0]!, p[1]!]);
    return p.length > 2 ? [lon!, lat!, ...p.slice(2)] : [lon!, lat!];
  };
}

class BadPosition extends Error {
  constructor(readonly position: Position) {
    super('bad position');
  }
}

function mapGeometry(g: Geometry, f: Transform, strict: boolean): Geometry {
  const one = (p: Position): Position => {
    if (!Array.isArray(p)) throw new Error('malformed');
    const out = f(p);
    // Without a conversion (WGS 84 in, WGS 84 out) bad numbers stay for the checker to report.
    if (strict && (!Number.isFinite(out[0]) || !Number.isFinite(out[1]))) throw new BadPosition(p);
    return out;
  };
  switch (g.type) {
    case 'Point':
      return { type: 'Point', coordinates: one(g.coordinates) };
    case 'MultiPoint':
      return { type: 'MultiPoint', coordinates: g.coordinates.map(one) };
    case 'LineString':
      return { type: 'LineString', coordinates: g.coordinates.map(one) };
    case 'MultiLineString':
      return { type: 'MultiLineString', coordinates: g.coordinates.map((l) => l.map(one)) };
    case 'Polygon':
      return { type: 'Polygon', coordinates: g.coordinates.map((r) => r.map(one)) };
    case 'MultiPolygon':
      return { type: 'MultiPolygon', coordinates: g.coordinates.map((p) => p.map((r) => r.map(one))) };
    case 'GeometryCollection':
      return { type: 'GeometryCollection', geometries: g.geometries.map((x) => mapGeometry(x, f, strict)) };
    default:
      // Not a geometry at all: left as is for the checker to describe.
      throw new Error('malformed');
  }
}

/** Every position of a geometry (any type; malformed parts are skipped, not thrown on). */
export function positionsOf(g: unknown, out: Position[] = [], depth = 0): Position[] {
  if (typeof g !== 'object' || g === null || depth > 8) return out;
  const o = g as { type?: unknown; coordinates?: unknown; geometries?: unknown };
  if (o.type === 'GeometryCollection' && Array.isArray(o.geometries)) {
    for (const x of o.geometries) positionsOf(x, out, depth + 1);
    return out;
  }
  const walk = (v: unknown, d: number): void => {
    if (!Array.isArray(v) || d > 4) return;
    if (v.length >= 2 && typeof v[0] === 'number') out.push(v as Position);
    else for (const x of v) walk(x, d + 1);
  };
  walk(o.coordinates, 0);
  return out;
}

export interface ReprojectOptions {
  /** How messages name the file. */
  fileName: string;
  onProgress?: (fraction: number) => void;
}

export interface ConversionFailure {
  index: number;
  id: string | null;
  /** The problem's text as data (English: `problemText(message)`). */
  message: Msg;
}

/**
 * The collection in WGS 84, properties kept. A feature with a position proj4 cannot convert (NaN,
 * or far outside the projection's domain) gets a null geometry and a failure naming it, so one bad
 * feature does not sink the file (the caller reports it; skip-invalid leaves it out).
 */
export function reprojectCollection(
  fc: AnyCollection,
  code: string,
  options: ReprojectOptions,
): { collection: AnyCollection; failures: ConversionFailure[] } {
  const f = toWgs84(code) ?? ((p: Position): Position => [NaN, NaN, ...p.slice(2)]);
  const features: AnyFeature[] = [];
  const failures: ConversionFailure[] = [];
  const n = fc.features.length;
  for (let i = 0; i < n; i++) {
    const feature = fc.features[i]!;
    if (typeof feature !== 'object' || feature === null || Array.isArray(feature)) {
      features.push(feature); // not a Feature: the checker says so
      continue;
    }
    if (!('geometry' in feature)) {
      features.push(feature); // no "geometry" member at all: the checker reports it (null would hide it)
      continue;
    }
    try {
      const geometry = feature.geometry === null || feature.geometry === undefined ? null : mapGeometry(feature.geometry, f, code !== 'EPSG:4326');
      features.push({ ...feature, geometry });
    } catch (e) {
      if (e instanceof BadPosition) {
        const message = msg('convert', { position: `[${e.position.join(', ')}]`, crs: code });
        failures.push({ index: i, id: featureId(feature), message });
        features.push({ ...feature, geometry: null });
      } else {
        // Malformed coordinates: kept so the checker can say what is malformed (the feature is invalid anyway).
        features.push(feature);
      }
    }
    if (options.onProgress !== undefined && i % 500 === 0) options.onProgress(i / n);
  }
  const { bbox: _dropped, ...rest } = fc;
  // A source bbox is in the source CRS: dropped rather than left wrong.
  return { collection: { ...rest, type: 'FeatureCollection', features }, failures };
}

function featureId(f: AnyFeature): string | null {
  const props = f?.properties;
  const id = (typeof props === 'object' && props !== null ? props.id : undefined) ?? f?.id;
  return typeof id === 'string' || typeof id === 'number' ? String(id) : null;
}

export interface Placement {
  bbox: Bbox | null;
  /** Whether the data's bbox touches the district (its outline when given, else its bbox). */
  overlapsDistrict: boolean;
  /** Distance in km between the data's bbox centre and the district's bbox centre (rough). */
  centreDistanceKm: number | null;
}

/** "Where would this land": for the preview the UI shows before the user accepts a CRS. */
export function previewPlacement(wgs84: AnyCollection, district?: unknown): Placement {
  // Only real longitudes/latitudes: a latitude of 95 (reported by the checker) must not become the
  // box the map is asked to frame (MapLibre throws "Invalid LngLat" on it).
  const bbox: Bbox | null = extent(wgs84.features.map((f) => f?.geometry), lonLatXY);
  if (bbox === null) return { bbox: null, overlapsDistrict: false, centreDistanceKm: null };
  const d = DISTRICT_BBOX;
  const [w, s, e, n] = bbox;
  const overlapsBox = w <= d.east && e >= d.west && s <= d.north && n >= d.south;
  let overlaps = overlapsBox;
  const outline = district === undefined ? null : districtFromGeoJson(district);
  if (overlapsBox && outline !== null) {
    const box: Geometry = { type: 'Polygon', coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]] };
    try {
      overlaps = booleanIntersects(box, outline);
    } catch {
      overlaps = overlapsBox;
    }
  }
  const cx = (w + e) / 2, cy = (s + n) / 2;
  const dx = (cx - (d.west + d.east) / 2) * 111.32 * Math.cos((cy * Math.PI) / 180);
  const dy = (cy - (d.south + d.north) / 2) * 110.6;
  const km = Math.hypot(dx, dy);
  return { bbox, overlapsDistrict: overlaps, centreDistanceKm: Number.isFinite(km) ? Math.round(km * 10) / 10 : null };
}
