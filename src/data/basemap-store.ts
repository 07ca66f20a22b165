// The local basemap file kept across reloads (IndexedDB store 'basemaps', key 'local'). Like the
// other stores, a refusal (private window, quota) is reported, not thrown.
import { db, type StoredBasemap } from './db';
import type { StoreOutcome } from './layer-store';

const KEY = 'local';
const reasonOf = (e: unknown) => (e instanceof Error ? `${e.name}: ${e.message}` : String(e));

export async function loadBasemapFile(): Promise<{ file: StoredBasemap | null; outcome: StoreOutcome }> {
  try {
    return { file: (await (await db()).get('basemaps', KEY)) ?? null, outcome: { persisted: true } };
  } catch (e) {
    return { file: null, outcome: { persisted: false, reason: reasonOf(e) } };
  }
}

export async function saveBasemapFile(file: StoredBasemap): Promise<StoreOutcome> {
  try {
    await (await db()).put('basemaps', file, KEY);
    return { persisted: true };
  } catch (e) {
    return { persisted: false, reason: reasonOf(e) };
  }
}

export async function deleteBasemapFile(): Promise<StoreOutcome> {
  try {
    await (await db()).delete('basemaps', KEY);
    return { persisted: true };
  } catch (e) {
    return { persisted: false, reason: reasonOf(e) };
  }
}
