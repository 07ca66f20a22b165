// Imported layers kept across reloads. When IndexedDB is unavailable (private mode, quota, blocked)
// every call reports it instead of throwing, and the app carries on with the layers in memory.
import type { FeatureCollection } from 'geojson';
import { db, type StoredLayer } from './db';

export type StoreOutcome = { persisted: true } | { persisted: false; reason: string };

/**
 * A layer as kept. A large layer may carry its preview as GeoJSON text (`preview`, made by the
 * import worker): the record then holds that Blob instead of the preview's features, so storing it
 * clones no features on the page's thread; they are parsed back when the layer is restored.
 */
export type KeptLayer = StoredLayer & { preview?: Blob };

const NO_FEATURES: FeatureCollection = { type: 'FeatureCollection', features: [] };

async function withPreview(l: KeptLayer): Promise<KeptLayer> {
  if (!(l.preview instanceof Blob)) return l;
  try {
    return { ...l, collection: JSON.parse(await l.preview.text()) as FeatureCollection };
  } catch {
    // An unreadable preview: the layer is still drawn (and counted) from its Blob.
    return l;
  }
}

const reasonOf = (e: unknown) => (e instanceof Error ? `${e.name}: ${e.message}` : String(e));

export async function loadLayers(): Promise<{ layers: KeptLayer[]; outcome: StoreOutcome }> {
  try {
    const layers = await Promise.all(((await (await db()).getAll('layers')) as KeptLayer[]).map(withPreview));
    layers.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    return { layers, outcome: { persisted: true } };
  } catch (e) {
    return { layers: [], outcome: { persisted: false, reason: reasonOf(e) } };
  }
}

export async function saveLayer(layer: KeptLayer): Promise<StoreOutcome> {
  try {
    const d = await db();
    // put() clones the record on the page's thread: in a task of its own, not added to the one that
    // draws the layer.
    await new Promise((r) => setTimeout(r, 0));
    await d.put('layers', layer.preview ? { ...layer, collection: NO_FEATURES } : layer);
    return { persisted: true };
  } catch (e) {
    return { persisted: false, reason: reasonOf(e) };
  }
}

export async function deleteLayer(id: string): Promise<StoreOutcome> {
  try {
    await (await db()).delete('layers', id);
    return { persisted: true };
  } catch (e) {
    return { persisted: false, reason: reasonOf(e) };
  }
}
