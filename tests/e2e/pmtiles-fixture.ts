// Test-only: a small Protomaps-schema basemap as a PMTiles v3 archive, cut from the project's own
// geodata with geojson-vt and vt-pbf (the libraries MapLibre uses), for the local-basemap tests.
// Layers: `earth` (a rectangle around the district), `water` (a lake east of it, drawn in the
// Protomaps "light" water colour), `roads` (the national roads) and `places` (one locality label).
import { readFileSync } from 'node:fs';
import { GeoJSONVT } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import { zxyToTileId } from 'pmtiles';
import { bbox } from '@turf/turf';
import type { Feature, FeatureCollection } from 'geojson';

/** A lake the fixture draws east of the district, away from every thematic layer. */
export const LAKE: [number, number, number, number] = [106.2, 21.25, 106.26, 21.3];
export const LAKE_NAME = 'Hồ thử nghiệm';

const rect = (b: number[], props: Record<string, unknown> = {}): Feature => ({
  type: 'Feature', properties: props,
  geometry: { type: 'Polygon', coordinates: [[[b[0]!, b[1]!], [b[2]!, b[1]!], [b[2]!, b[3]!], [b[0]!, b[3]!], [b[0]!, b[1]!]]] },
});

export function fixtureLayers(): Record<string, FeatureCollection> {
  const district = JSON.parse(readFileSync('geodata/district.geojson', 'utf8')) as FeatureCollection;
  const infra = JSON.parse(readFileSync('geodata/infrastructure.geojson', 'utf8')) as FeatureCollection;
  const d = bbox(district);
  const around = [d[0] - 0.2, d[1] - 0.2, d[2] + 0.2, d[3] + 0.2];
  return {
    earth: { type: 'FeatureCollection', features: [rect(around, { kind: 'earth' })] },
    water: { type: 'FeatureCollection', features: [rect(LAKE, { kind: 'lake' })] },
    roads: {
      type: 'FeatureCollection',
      features: infra.features.filter((f) => f.properties?.['kind'] === 'national_road' && f.geometry?.type.includes('LineString'))
        .map((f) => ({ ...f, properties: { kind: 'major_road', name: String(f.properties?.['name'] ?? ''), min_zoom: 6 } })),
    },
    places: {
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: { kind: 'locality', name: LAKE_NAME, 'name:vi': LAKE_NAME, min_zoom: 1, population_rank: 12 },
        geometry: { type: 'Point', coordinates: [(LAKE[0] + LAKE[2]) / 2, (LAKE[1] + LAKE[3]) / 2] } }],
    },
  };
}

function varint(out: number[], n: number): void {
  while (n >= 0x80) {
    out.push((n % 0x80) | 0x80);
    n = Math.floor(n / 0x80);
  }
  out.push(n);
}

const lon2x = (lon: number, z: number) => Math.floor(((lon + 180) / 360) * 2 ** z);
const lat2y = (lat: number, z: number) => {
  const r = (lat * Math.PI) / 180;
  return Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * 2 ** z);
};

/** A PMTiles v3 archive (no compression, one root directory) of the fixture's layers, zooms 0–maxZoom. */
export function buildPmtiles(maxZoom = 13): Buffer {
  const layers = fixtureLayers();
  const indexes = Object.entries(layers).map(([name, fc]) => [name, new GeoJSONVT(fc, { maxZoom, indexMaxZoom: 5, tolerance: 3, extent: 4096, buffer: 64 })] as const);
  const all = bbox({ type: 'FeatureCollection', features: Object.values(layers).flatMap((l) => l.features) });
  const tiles: { id: number; data: Uint8Array }[] = [];
  for (let z = 0; z <= maxZoom; z++) {
    for (let x = lon2x(all[0], z); x <= lon2x(all[2], z); x++) {
      for (let y = lat2y(all[3], z); y <= lat2y(all[1], z); y++) {
        const found = Object.fromEntries(indexes.map(([name, ix]) => [name, ix.getTile(z, x, y)] as const).filter(([, t]) => t && t.features.length));
        if (!Object.keys(found).length) continue;
        tiles.push({ id: zxyToTileId(z, x, y), data: fromGeojsonVt(found as never, { version: 2, extent: 4096 }) });
      }
    }
  }
  tiles.sort((a, b) => a.id - b.id);
  let offset = 0;
  const entries = tiles.map((t) => {
    const e = { id: t.id, offset, length: t.data.length };
    offset += t.data.length;
    return e;
  });
  const dir: number[] = [];
  varint(dir, entries.length);
  let last = 0;
  for (const e of entries) (varint(dir, e.id - last), (last = e.id));
  for (const _ of entries) varint(dir, 1); // run lengths
  for (const e of entries) varint(dir, e.length);
  entries.forEach((e, i) => varint(dir, i > 0 && e.offset === entries[i - 1]!.offset + entries[i - 1]!.length ? 0 : e.offset + 1));
  const meta = Buffer.from(JSON.stringify({
    name: 'viet-yen-test-basemap', attribution: '© test fixture (project geodata)',
    vector_layers: Object.keys(layers).map((id) => ({ id, fields: {} })),
  }));
  const HEADER = 127;
  const rootOffset = HEADER;
  const metaOffset = rootOffset + dir.length;
  const dataOffset = metaOffset + meta.length;
  const h = Buffer.alloc(HEADER);
  h.write('PMTiles', 0, 'ascii');
  h.writeUInt8(3, 7);
  const u64 = (pos: number, v: number) => h.writeBigUInt64LE(BigInt(v), pos);
  u64(8, rootOffset); u64(16, dir.length);
  u64(24, metaOffset); u64(32, meta.length);
  u64(40, dataOffset + offset); u64(48, 0);
  u64(56, dataOffset); u64(64, offset);
  u64(72, entries.length); u64(80, entries.length); u64(88, entries.length);
  h.writeUInt8(1, 96); // clustered
  h.writeUInt8(1, 97); // internal compression: none
  h.writeUInt8(1, 98); // tile compression: none
  h.writeUInt8(1, 99); // tile type: MVT
  h.writeUInt8(0, 100);
  h.writeUInt8(maxZoom, 101);
  const e7 = (v: number) => Math.round(v * 1e7);
  h.writeInt32LE(e7(all[0]), 102); h.writeInt32LE(e7(all[1]), 106); h.writeInt32LE(e7(all[2]), 110); h.writeInt32LE(e7(all[3]), 114);
  h.writeUInt8(11, 118);
  h.writeInt32LE(e7((all[0] + all[2]) / 2), 119); h.writeInt32LE(e7((all[1] + all[3]) / 2), 123);
  return Buffer.concat([h, Buffer.from(dir), meta, ...tiles.map((t) => Buffer.from(t.data))]);
}
