// Imported layers kept across reloads. When IndexedDB is unavailable (private mode, quota, blocked)
// every call reports it instead of throwing, and the app carries on with the layers in memory.
import { db, type StoredLayer } from './db';

export type StoreOutcome = { persisted: true } | { persisted: false; reason: string };

const reasonOf = (e: unknown) => (e instanceof Error ? `${e.name}: ${e.message}` : String(e));

export async function loadLayers(): Promise<{ layers: StoredLayer[]; outcome: StoreOutcome }> {
  try {
    const layers = await (await db()).getAll('layers');
    layers.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    return { layers, outcome: { persisted: true } };
  } catch (e) {
    return { layers: [], outcome: { persisted: false, reason: reasonOf(e) } };
  }
}

export async function saveLayer(layer: StoredLayer): Promise<StoreOutcome> {
  try {
    await (await db()).put('layers', layer);
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
