// The app's one IndexedDB database. Every store is created here, so modules that keep data
// (imported layers, presenter decks) cannot disagree about the schema version.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { FeatureCollection } from 'geojson';
import type { ImportedMeta } from '../layers/imported';
import type { Proposal } from '../proposals/types';

export interface StoredLayer extends ImportedMeta {
  /** The features (small layers), or a preview of them (large layers, whose features are in `blob`). */
  collection: FeatureCollection;
  blob?: Blob;
}

/** A local basemap file (.pmtiles) the user opened, kept for the next visit. */
export interface StoredBasemap {
  name: string;
  blob: Blob;
  savedAt: string;
}

interface Schema extends DBSchema {
  layers: { key: string; value: StoredLayer };
  decks: { key: string; value: unknown };
  basemaps: { key: string; value: StoredBasemap };
  /** The user's drawn proposals (src/proposals), one record per proposal. */
  proposals: { key: string; value: Proposal };
}

export const DB_NAME = 'viet-yen';
export const DB_VERSION = 3;
let dbPromise: Promise<IDBPDatabase<Schema>> | null = null;

export function db(): Promise<IDBPDatabase<Schema>> {
  if (!dbPromise) {
    if (typeof indexedDB === 'undefined') return Promise.reject(new Error('IndexedDB is not available'));
    // Version 2 adds 'basemaps', version 3 'proposals'. Each store is created only where missing,
    // so an upgrade from any earlier version keeps what is already stored.
    dbPromise = openDB<Schema>(DB_NAME, DB_VERSION, {
      upgrade(d) {
        if (!d.objectStoreNames.contains('layers')) d.createObjectStore('layers', { keyPath: 'id' });
        if (!d.objectStoreNames.contains('decks')) d.createObjectStore('decks');
        if (!d.objectStoreNames.contains('basemaps')) d.createObjectStore('basemaps');
        if (!d.objectStoreNames.contains('proposals')) d.createObjectStore('proposals', { keyPath: 'id' });
      },
    });
    dbPromise.catch(() => (dbPromise = null));
  }
  return dbPromise;
}
