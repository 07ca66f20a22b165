// Custom tile URL schemes for MapLibre (part of the map adapter: nothing else imports maplibre-gl).
import { addProtocol, type AddProtocolAction } from 'maplibre-gl';

const registered = new Set<string>();

/**
 * Serve `scheme://…` tile URLs from `load` (returns the tile's bytes; an empty buffer is an empty
 * tile). Registering a scheme twice keeps the first handler.
 */
export function registerTileProtocol(scheme: string, load: (url: string) => Promise<ArrayBuffer>): void {
  registerProtocol(scheme, async (params) => ({ data: await load(params.url) }));
}

/** Serve `scheme://…` requests (tiles and TileJSON) with a MapLibre protocol handler as it is. */
export function registerProtocol(scheme: string, action: AddProtocolAction): void {
  if (registered.has(scheme)) return;
  registered.add(scheme);
  addProtocol(scheme, action);
}
