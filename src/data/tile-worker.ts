/// <reference lib="webworker" />
// Serves vector tiles of large imported layers. MapLibre's own GeoJSON source sends a URL-loaded
// layer back to the page in full (for getData), which blocks the page for seconds on a 100 MB
// register; cutting the tiles here and handing MapLibre one small PBF per tile never does.
// geojson-vt and vt-pbf are the libraries MapLibre itself uses for GeoJSON sources.
import { GeoJSONVT } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';

import { TILE_LAYER } from './tile-layer';
import { mapSafeCollection } from './map-keys';
export { TILE_LAYER };

export type TileRequest =
  | { id: number; type: 'open'; layerId: string; blob: Blob }
  | { id: number; type: 'tile'; layerId: string; z: number; x: number; y: number }
  | { id: number; type: 'close'; layerId: string };
export type TileReply = { id: number; ok: true; data?: ArrayBuffer } | { id: number; ok: false; error: string };

const scope = self as unknown as DedicatedWorkerGlobalScope;
const indexes = new Map<string, Promise<GeoJSONVT>>();

async function build(blob: Blob): Promise<GeoJSONVT> {
  // Hostile property keys ("constructor", "__proto__", …) renamed as for MapLibre's own sources.
  const parsed = JSON.parse(await blob.text()) as GeoJSON.GeoJSON;
  const data = parsed.type === 'FeatureCollection' ? mapSafeCollection(parsed) : parsed;
  // tolerance 8 (of 4096 per tile, ≈ 1 screen pixel at 512 px tiles): fewer vertices per tile at
  // district zooms, which is what the page has to receive and upload.
  return new GeoJSONVT(data, { maxZoom: 14, tolerance: 8, extent: 4096, buffer: 64 });
}

scope.onmessage = async (ev: MessageEvent<TileRequest>) => {
  const m = ev.data;
  try {
    if (m.type === 'open') {
      if (!indexes.has(m.layerId)) indexes.set(m.layerId, build(m.blob));
      await indexes.get(m.layerId);
      scope.postMessage({ id: m.id, ok: true } satisfies TileReply);
    } else if (m.type === 'close') {
      indexes.delete(m.layerId);
      scope.postMessage({ id: m.id, ok: true } satisfies TileReply);
    } else {
      const index = await indexes.get(m.layerId);
      const tile = index?.getTile(m.z, m.x, m.y);
      // An empty buffer is an empty tile for MapLibre.
      const pbf = tile ? fromGeojsonVt({ [TILE_LAYER]: tile }, { version: 2, extent: 4096 }) : new Uint8Array(0);
      const data = pbf.buffer.slice(pbf.byteOffset, pbf.byteOffset + pbf.byteLength) as ArrayBuffer;
      scope.postMessage({ id: m.id, ok: true, data } satisfies TileReply, [data]);
    }
  } catch (e) {
    scope.postMessage({ id: m.id, ok: false, error: e instanceof Error ? e.message : String(e) } satisfies TileReply);
  }
};
