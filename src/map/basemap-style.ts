// Basemaps: the MapLibre sources and layers each one adds beneath the thematic layers. Online
// basemaps are raster XYZ tiles; a local basemap is a Protomaps vector extract (.pmtiles) drawn with
// the @protomaps/basemaps style, its labels in the page's own Noto Sans (src/map/fonts.ts: no
// glyph server) and without the sprite icons the style would otherwise ask a server for.
import type { LayerSpecification, SourceSpecification } from 'maplibre-gl';
import { FILL_OPACITY_OVER, ONLINE_BASEMAPS, onlineTiles, type BasemapId } from './basemaps';

export const BASEMAP_SOURCE = 'basemap';
/** Every basemap layer id starts with this, so the adapter can find and replace them. */
export const BASEMAP_LAYER_PREFIX = 'basemap-';

export interface BasemapStyle {
  id: BasemapId;
  /** Changes whenever the drawn basemap must be rebuilt (file, language of its labels, template). */
  key: string;
  sources: Record<string, SourceSpecification>;
  layers: LayerSpecification[];
  online: boolean;
  /** Share of their own opacity the thematic fills keep over this basemap. */
  fillOpacity: number;
  attribution: string | null;
}

export interface BasemapInputs {
  /** UI language: the local basemap's labels follow it. */
  lang: 'vi' | 'en';
  /** `pmtiles://…` URL of the local file, once it is open. */
  localUrl?: string | null;
  localAttribution?: string | null;
  /** The local file's vector layers (an extract may lack some the style draws). */
  localLayers?: readonly string[] | null;
  /** The Protomaps style's layers for a source (loaded with the file: see protomaps-layers.ts). */
  layersFor?: ((source: string, lang: 'vi' | 'en') => LayerSpecification[]) | null;
}

/** What the map draws for a basemap, or null for none (or a local basemap whose file is not open yet). */
export function basemapStyle(id: BasemapId, i: BasemapInputs): BasemapStyle | null {
  if (id === 'none') return null;
  if (id === 'local') {
    if (!i.localUrl || !i.layersFor) return null;
    const attribution = i.localAttribution ?? null;
    return {
      id, key: `local|${i.localUrl}|${i.lang}|${i.localLayers?.join(',') ?? ''}`, online: false, fillOpacity: FILL_OPACITY_OVER.local, attribution,
      sources: { [BASEMAP_SOURCE]: { type: 'vector', url: i.localUrl, ...(attribution ? { attribution } : {}) } },
      // MapLibre refuses a layer whose source layer the archive does not list: draw only what it has.
      layers: i.layersFor(BASEMAP_SOURCE, i.lang).filter((l) => {
        const sl = (l as { 'source-layer'?: string })['source-layer'];
        return !i.localLayers || !sl || i.localLayers.includes(sl);
      }),
    };
  }
  const c = ONLINE_BASEMAPS[id];
  const tiles = onlineTiles(id);
  return {
    id, key: `${id}|${tiles}`, online: true, fillOpacity: FILL_OPACITY_OVER[id], attribution: c.attribution,
    sources: { [BASEMAP_SOURCE]: { type: 'raster', tiles: [tiles], tileSize: c.tileSize, maxzoom: c.maxzoom, attribution: c.attribution } },
    layers: [{ id: `${BASEMAP_LAYER_PREFIX}raster`, type: 'raster', source: BASEMAP_SOURCE }],
  };
}
