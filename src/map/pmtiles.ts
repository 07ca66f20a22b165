// Part of the map adapter: local .pmtiles basemaps through the `pmtiles` package's MapLibre
// protocol, reading the user's file (a Blob, kept in IndexedDB) with its FileSource: no server.
// `pmtiles` and the Protomaps style are loaded on the first file opened, not with the page.
import type { LayerSpecification } from 'maplibre-gl';
import type { Protocol } from 'pmtiles';
import { registerProtocol } from './protocol';

let protocol: Protocol | null = null;
let opened = 0;

async function ensureProtocol(): Promise<{ p: Protocol; pm: typeof import('pmtiles') }> {
  const pm = await import('pmtiles');
  if (!protocol) {
    // metadata: the archive's own attribution (a Protomaps build names OpenStreetMap) reaches the map.
    protocol = new pm.Protocol({ metadata: true });
    registerProtocol('pmtiles', protocol.tile);
  }
  return { p: protocol, pm };
}

export interface OpenedBasemap {
  /** Source URL for the style (`pmtiles://…`). */
  url: string;
  attribution: string | null;
  /** The archive's vector layers, when its metadata lists them (the style draws only those). */
  vectorLayers: string[] | null;
  /** The Protomaps style's layers for the archive's source. */
  layersFor: (source: string, lang: 'vi' | 'en') => LayerSpecification[];
}

/**
 * Opens a .pmtiles file for the map. Fails with a readable message when the file is not a PMTiles
 * v3 archive of vector tiles. Each file gets its own key, so tiles of an earlier file never mix in.
 */
export async function openLocalBasemap(blob: Blob): Promise<OpenedBasemap> {
  const [{ p, pm }, style] = await Promise.all([ensureProtocol(), import('./protomaps-layers')]);
  const key = `vy-local-basemap-${++opened}`;
  const archive = new pm.PMTiles(new pm.FileSource(new File([blob], key)));
  const header = await archive.getHeader();
  if (header.tileType !== pm.TileType.Mvt) throw new Error('not a vector-tile archive (PMTiles with MVT tiles expected)');
  let attribution: string | null = null;
  let vectorLayers: string[] | null = null;
  try {
    const meta = (await archive.getMetadata()) as { attribution?: unknown; vector_layers?: unknown };
    if (typeof meta?.attribution === 'string') attribution = meta.attribution.replace(/<[^>]*>/g, '').trim() || null;
    if (Array.isArray(meta?.vector_layers)) vectorLayers = meta.vector_layers.map((l: { id?: unknown }) => String(l?.id ?? ''));
  } catch {
    // No metadata: no attribution of its own, every layer of the style tried.
  }
  p.add(archive);
  return { url: `pmtiles://${key}`, attribution, vectorLayers, layersFor: style.localBasemapLayers };
}
