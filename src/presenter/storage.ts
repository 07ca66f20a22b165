// Keeps the working deck across reloads in the app's IndexedDB database (src/data/db.ts, store
// 'decks', key 'current'). IndexedDB can be missing or refuse (private windows, full quota): every
// call then resolves with `persisted: false` and a reason, so the UI can say so and carry on in memory.
import { db } from '../data/db';
import { parseDeck, serializeDeck } from './deck';
import type { Deck } from './types';

export const DECK_STORE = 'decks';
export const DECK_KEY = 'current';

export type Persisted = { persisted: true } | { persisted: false; reason: string };
export type LoadResult =
  /** `deck` is null when nothing is stored yet, or when the stored deck no longer validates (see `reason`). */
  | { persisted: true; deck: Deck | null; reason?: string }
  | { persisted: false; deck: null; reason: string };

/** The few calls storage makes; idb's database object has them. Tests pass a fake. */
export interface DeckDb {
  get(store: typeof DECK_STORE, key: string): Promise<unknown>;
  put(store: typeof DECK_STORE, value: unknown, key: string): Promise<unknown>;
  delete(store: typeof DECK_STORE, key: string): Promise<unknown>;
}

const reasonOf = (e: unknown): string => {
  if (e instanceof Error || (typeof DOMException !== 'undefined' && e instanceof DOMException)) {
    return e.name && e.name !== 'Error' ? `${e.name}: ${e.message}` : e.message;
  }
  return String(e);
};

export function createDeckStorage(open: () => Promise<DeckDb> = db as unknown as () => Promise<DeckDb>) {
  return {
    /** The stored deck, checked against today's catalog (a layer may have been renamed since). */
    async loadDeck(knownLayerIds: ReadonlySet<string>): Promise<LoadResult> {
      let value: unknown;
      try {
        value = await (await open()).get(DECK_STORE, DECK_KEY);
      } catch (e) {
        return { persisted: false, deck: null, reason: reasonOf(e) };
      }
      if (value === undefined) return { persisted: true, deck: null };
      // Stored as text: the same validation as an imported file, and no structured-clone surprises.
      const r = parseDeck(typeof value === 'string' ? value : JSON.stringify(value), knownLayerIds, 'stored deck');
      return r.ok ? { persisted: true, deck: r.deck } : { persisted: true, deck: null, reason: r.error };
    },
    async saveDeck(deck: Deck): Promise<Persisted> {
      try {
        await (await open()).put(DECK_STORE, serializeDeck(deck), DECK_KEY);
        return { persisted: true };
      } catch (e) {
        return { persisted: false, reason: reasonOf(e) };
      }
    },
    async clearDeck(): Promise<Persisted> {
      try {
        await (await open()).delete(DECK_STORE, DECK_KEY);
        return { persisted: true };
      } catch (e) {
        return { persisted: false, reason: reasonOf(e) };
      }
    },
  };
}

const storage = createDeckStorage();
export const loadDeck = storage.loadDeck;
export const saveDeck = storage.saveDeck;
export const clearDeck = storage.clearDeck;
