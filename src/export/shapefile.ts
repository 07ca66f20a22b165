// A zipped Shapefile of polygons (for consultants whose tools want one): .shp/.shx from
// @mapbox/shp-write's record writer, .dbf from its `dbf` package, zipped with fflate (already used
// by the import). Not shp-write's own zip(), which gets three things wrong for us: it writes Polygon
// and MultiPolygon features to the same "POLYGON.shp" (the second overwrites the first), keeps
// GeoJSON's ring order (a Shapefile wants outer rings clockwise, holes anticlockwise), and its dbf
// writes one byte per UTF-16 code unit (Vietnamese names would be garbled): text goes in as UTF-8
// bytes and a .cpg says so.
import write from '@mapbox/shp-write/src/write.js';
import { zipSync, strToU8 } from 'fflate';
import type { FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';

type Row = Record<string, string | number | boolean | null>;

function signedArea(ring: Position[]): number {
  let s = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) s += (ring[j]![0]! - ring[i]![0]!) * (ring[j]![1]! + ring[i]![1]!);
  return s / 2; // > 0: clockwise in x-east, y-north axes
}

const oriented = (ring: Position[], clockwise: boolean) => ((signedArea(ring) > 0) === clockwise ? ring : [...ring].reverse());

/** Each feature as a list of polygons, outer rings clockwise and holes anticlockwise. */
function shapeRings(g: Polygon | MultiPolygon): Position[][][] {
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  return polys.filter((p) => p.length > 0).map((p) => p.map((r, i) => oriented(r, i === 0)));
}

/** UTF-8 bytes as a "binary string" (one char per byte): what the dbf writer copies byte by byte. */
const utf8Binary = (s: string) => String.fromCharCode(...new TextEncoder().encode(s));

export interface ShapefileOptions {
  /** Base name of the files inside the zip. */
  name: string;
  /** The .prj text (the coordinates must already be in that CRS). */
  prj: string;
}

/** A zip holding NAME.shp/.shx/.dbf/.prj/.cpg for the collection's Polygon/MultiPolygon features. */
export function polygonsToShapefileZip(fc: FeatureCollection, o: ShapefileOptions): Uint8Array {
  const features = fc.features.filter((f) => f.geometry?.type === 'Polygon' || f.geometry?.type === 'MultiPolygon');
  if (features.length === 0) throw new Error('no polygon to write');
  const rows: Row[] = features.map((f) => {
    const row: Row = {};
    for (const [k, v] of Object.entries(f.properties ?? {})) {
      // dBase field names are at most 10 characters; values are text, numbers or booleans.
      const key = k.slice(0, 10);
      row[key] = typeof v === 'string' ? utf8Binary(v.slice(0, 254)) : typeof v === 'number' || typeof v === 'boolean' ? v : v == null ? null : utf8Binary(JSON.stringify(v).slice(0, 254));
    }
    return row;
  });
  const geometries = features.map((f) => shapeRings(f.geometry as Polygon | MultiPolygon));
  let files: { shp: DataView; shx: DataView; dbf: DataView } | undefined;
  write(rows, 'POLYGON', geometries, (_err: unknown, out: typeof files) => {
    files = out;
  });
  if (!files) throw new Error('shapefile writer gave nothing');
  const bytes = (v: DataView) => new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
  return zipSync({
    [`${o.name}.shp`]: bytes(files.shp),
    [`${o.name}.shx`]: bytes(files.shx),
    [`${o.name}.dbf`]: bytes(files.dbf),
    [`${o.name}.prj`]: strToU8(o.prj),
    [`${o.name}.cpg`]: strToU8('UTF-8'),
  });
}
