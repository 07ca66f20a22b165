// The app's one IndexedDB database. Every store is created here, so modules that keep data
// (imported layers, presenter decks) cannot disagree about the schema version.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { FeatureCollection } from 'geojson';
import type { ImportedMeta } from '../layers/imported';

export interface StoredLayer extends ImportedMeta {
  /** The features (small layers), or a preview of them (large layers, whose features are in `blob`). */
  collection: FeatureCollection;
  blob?: Blob;
}

interface Schema extends DBSchema {
  layers: { key: string; value: StoredLayer };
  decks: { key: string; value: unknown };
}

export const DB_NAME = 'viet-yen';
let dbPromise: Promise<IDBPDatabase<Schema>> | null = null;

export function db(): Promise<IDBPDatabase<Schema>> {
  if (!dbPromise) {
    if (typeof indexedDB === 'undefined') return Promise.reject(new Error('IndexedDB is not available'));
    dbPromise = openDB<Schema>(DB_NAME, 1, {
      upgrade(d) {
        if (!d.objectStoreNames.contains('layers')) d.createObjectStore('layers', { keyPath: 'id' });
        if (!d.objectStoreNames.contains('decks')) d.createObjectStore('decks');
      },
    });
    dbPromise.catch(() => (dbPromise = null));
  }
  return dbPromise;
}
