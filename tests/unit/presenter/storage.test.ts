// Deck storage against a fake database: saving, loading (validated), and every failure resolving
// with `persisted: false` and a reason instead of throwing.
import { describe, it, expect } from 'vitest';
import { catalog } from '../../../src/layers/catalog';
import { addScene, emptyDeck, serializeDeck } from '../../../src/presenter/deck';
import { createDeckStorage, loadDeck, DECK_KEY, DECK_STORE, type DeckDb } from '../../../src/presenter/storage';

const known = new Set(catalog.map((e) => e.id));
const deck = addScene(emptyDeck(), {
  title: { vi: 'Một', en: 'One' },
  state: { camera: { center: [106.08, 21.27], zoom: 12, bearing: 0, pitch: 0 }, layers: ['district'], opacity: {}, highlighted: [], period: '2021', coverageMode: false },
});

function fakeDb(fail?: { on: 'get' | 'put' | 'delete'; error: Error }) {
  const data = new Map<string, unknown>();
  const db: DeckDb = {
    get: async (store, key) => {
      if (fail?.on === 'get') throw fail.error;
      return data.get(`${store}/${key}`);
    },
    put: async (store, value, key) => {
      if (fail?.on === 'put') throw fail.error;
      data.set(`${store}/${key}`, value);
    },
    delete: async (store, key) => {
      if (fail?.on === 'delete') throw fail.error;
      data.delete(`${store}/${key}`);
    },
  };
  return { db, data };
}
const quota = Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' });

describe('deck storage', () => {
  it('saves, loads and clears', async () => {
    const { db, data } = fakeDb();
    const s = createDeckStorage(async () => db);
    expect(await s.loadDeck(known)).toEqual({ persisted: true, deck: null });
    expect(await s.saveDeck(deck)).toEqual({ persisted: true });
    expect(data.get(`${DECK_STORE}/${DECK_KEY}`)).toBe(serializeDeck(deck));
    expect(await s.loadDeck(known)).toEqual({ persisted: true, deck });
    expect(await s.clearDeck()).toEqual({ persisted: true });
    expect((await s.loadDeck(known)).deck).toBeNull();
  });
  it('drops a stored deck that no longer validates, saying why', async () => {
    const { db, data } = fakeDb();
    data.set(`${DECK_STORE}/${DECK_KEY}`, serializeDeck(deck).replace('"district"', '"old-layer"'));
    const r = await createDeckStorage(async () => db).loadDeck(known);
    expect(r).toEqual({ persisted: true, deck: null, reason: 'scene 1 (id s-1): unknown layer "old-layer" in state.layers' });
  });
  it('resolves with persisted: false when IndexedDB cannot be opened', async () => {
    const s = createDeckStorage(() => Promise.reject(new Error('IndexedDB is not available')));
    expect(await s.loadDeck(known)).toEqual({ persisted: false, deck: null, reason: 'IndexedDB is not available' });
    expect(await s.saveDeck(deck)).toEqual({ persisted: false, reason: 'IndexedDB is not available' });
    expect(await s.clearDeck()).toEqual({ persisted: false, reason: 'IndexedDB is not available' });
  });
  it('resolves with persisted: false when a write is refused (quota)', async () => {
    const { db } = fakeDb({ on: 'put', error: quota });
    expect(await createDeckStorage(async () => db).saveDeck(deck)).toEqual({ persisted: false, reason: 'QuotaExceededError: The quota has been exceeded.' });
  });
  it('the default instance works without IndexedDB (node has none)', async () => {
    const r = await loadDeck(known);
    expect(r.persisted).toBe(false);
  });
});
