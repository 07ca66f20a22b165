// Basemaps: configuration. The tile URL templates of the online basemaps live here and only here,
// so a deployment can point them at its own tile server at build time:
//
//   VITE_BASEMAP_STREET_TILES=https://tiles.example.vn/osm/{z}/{x}/{y}.png \
//   VITE_BASEMAP_SATELLITE_TILES=https://tiles.example.vn/imagery/{z}/{y}/{x}.jpg npm run build
//
// "none" (the default) is the offline map: nothing is requested from any other host. The online
// basemaps are requested only once the user picks one. A local basemap is a .pmtiles file the user
// opens (drawn with the Protomaps basemap style, see basemap-style.ts), kept in the browser.
//
// Browser tests (and a planner running a tile server on their own machine) can point the online
// basemaps at a server on this machine without a rebuild: localStorage['vy-basemap-tiles'] =
// '{"street":"http://127.0.0.1:8080/{z}/{x}/{y}.png"}'. Only loopback URLs (127.0.0.0/8,
// localhost, [::1]) are honoured, and never from the page's URL, so a shared link cannot send the
// app's tile requests to another host.

export type BasemapId = 'none' | 'street' | 'satellite' | 'local';
export const BASEMAP_IDS: readonly BasemapId[] = ['none', 'street', 'satellite', 'local'];
export type OnlineBasemapId = 'street' | 'satellite';

export interface OnlineBasemapConfig {
  /** XYZ URL template ({z}/{x}/{y}). */
  tiles: string;
  tileSize: number;
  maxzoom: number;
  /** Required attribution, shown on the map and on exported images. */
  attribution: string;
}

const env = (import.meta as { env?: Record<string, string | undefined> }).env ?? {};

export const ONLINE_BASEMAPS: Record<OnlineBasemapId, OnlineBasemapConfig> = {
  street: {
    tiles: env['VITE_BASEMAP_STREET_TILES'] || 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
    tileSize: 256,
    maxzoom: 19,
    attribution: '© OpenStreetMap contributors',
  },
  satellite: {
    tiles: env['VITE_BASEMAP_SATELLITE_TILES'] || 'https://server.arcgisonline.com/ArcGIS/rest/services/World_Imagery/MapServer/tile/{z}/{y}/{x}',
    tileSize: 256,
    maxzoom: 19,
    attribution: 'Tiles © Esri — Source: Esri, Maxar, Earthstar Geographics, and the GIS User Community',
  },
};

/**
 * Over a basemap the thematic fills are drawn at this share of their own opacity, so the streets or
 * the imagery beneath stay readable (lines, points and labels keep theirs).
 */
export const FILL_OPACITY_OVER: Record<BasemapId, number> = { none: 1, street: 0.55, satellite: 0.4, local: 0.6 };

export const TILE_OVERRIDE_KEY = 'vy-basemap-tiles';

/** Whether a URL template points at this machine (the only override honoured). */
export function isLoopbackTemplate(template: string): boolean {
  let u: URL;
  try {
    u = new URL(template.replace(/\{[xyz]\}/g, '0'));
  } catch {
    return false;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return false;
  const h = u.hostname;
  return h === 'localhost' || h === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

/** The tile template for an online basemap: the configured one, or a loopback override (see above). */
export function onlineTiles(id: OnlineBasemapId, storage: Pick<Storage, 'getItem'> | null = globalThis.localStorage ?? null): string {
  try {
    const raw = storage?.getItem(TILE_OVERRIDE_KEY);
    const o = raw ? (JSON.parse(raw) as Partial<Record<OnlineBasemapId, unknown>>) : null;
    const t = o?.[id];
    if (typeof t === 'string' && isLoopbackTemplate(t)) return t;
  } catch {
    // A malformed override is ignored.
  }
  return ONLINE_BASEMAPS[id].tiles;
}
