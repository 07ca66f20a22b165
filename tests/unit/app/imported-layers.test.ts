import { describe, expect, it } from 'vitest';
import { createRoot } from 'solid-js';
import type { FeatureCollection } from 'geojson';
import { createImportedLayers, type LayerStorage } from '../../../src/app/imported-layers';
import type { StoredLayer } from '../../../src/data/db';
import type { PendingImport } from '../../../src/data/import-controller';

const square = (id: string, x: number): FeatureCollection['features'][number] => ({
  type: 'Feature',
  properties: { id, name: id },
  geometry: { type: 'Polygon', coordinates: [[[x, 21.2], [x + 0.01, 21.2], [x + 0.01, 21.21], [x, 21.21], [x, 21.2]]] },
});
const collection = (...f: FeatureCollection['features']): FeatureCollection => ({ type: 'FeatureCollection', features: f });

function pending(role: 'plans' | 'units' | 'overlay', fc: FeatureCollection, large?: Blob): PendingImport {
  return {
    key: 1, fileName: `${role}.geojson`, progress: null, name: ` ${role} file `, color: '#0072b2', provenance: 'official',
    options: { role, repair: false, skipInvalid: false },
    large: large ? { blob: large, featureCount: 9000 } : null,
    result: { ok: true, collection: fc } as unknown as PendingImport['result'],
  };
}

function memoryStorage(initial: StoredLayer[] = [], refuse = false) {
  const kept = new Map(initial.map((l) => [l.id, l]));
  const storage: LayerStorage = {
    load: async () => (refuse ? { layers: [], outcome: { persisted: false, reason: 'QuotaExceededError' } } : { layers: [...kept.values()], outcome: { persisted: true } }),
    save: async (l) => (refuse ? { persisted: false, reason: 'QuotaExceededError' } : (kept.set(l.id, l), { persisted: true })),
    remove: async (id) => (kept.delete(id), { persisted: true }),
  };
  return { storage, kept };
}

function tiles() {
  const opened: string[] = [];
  const closed: string[] = [];
  let release: () => void = () => undefined;
  const ready = new Promise<void>((r) => (release = r));
  return { opened, closed, release, source: { open: async (id: string) => (opened.push(id), ready), close: async (id: string) => void closed.push(id) } };
}

const clock = () => new Date('2026-12-02T08:00:00Z');

describe('createImportedLayers', () => {
  it('accepts a register: entry, data and plan features appear, it is stored, and removal takes it out everywhere', async () => {
    const { storage, kept } = memoryStorage();
    const t = tiles();
    const added: string[] = [];
    const removed: string[] = [];
    await createRoot(async (dispose) => {
      const l = createImportedLayers({ storage, tiles: t.source, now: clock, onAdded: (x) => added.push(x.meta.role), onRemoved: (id) => removed.push(id) });
      const layer = await l.accept(pending('plans', collection(square('a', 106.05), square('b', 106.07))), 4);
      expect(layer?.meta).toMatchObject({ name: 'plans file', role: 'plans', featureCount: 2, large: false, createdAt: '2026-12-02T08:00:00.000Z' });
      const id = layer!.meta.id;
      expect(l.entries().map((e) => e.id)).toEqual([id]);
      expect(l.data().get(id)?.features).toHaveLength(2);
      expect(l.planFeatures()).toHaveLength(2);
      expect(l.layers()[0]!.ready).toBe(true);
      expect(kept.has(id)).toBe(true);
      expect(added).toEqual(['plans']);
      await l.remove(id);
      expect(l.entries()).toEqual([]);
      expect(l.planFeatures()).toEqual([]);
      expect(kept.has(id)).toBe(false);
      expect(removed).toEqual([id]);
      dispose();
    });
  });

  it('imported units replace the bundled ones (latest wins); overlays count for nothing', async () => {
    const { storage } = memoryStorage();
    await createRoot(async (dispose) => {
      const l = createImportedLayers({ storage, tiles: tiles().source, now: clock });
      expect(l.unitsLayer()).toBeUndefined();
      await l.accept(pending('overlay', collection(square('o', 106.1))), 1);
      const u1 = await l.accept(pending('units', collection(square('u1', 106.0))), 2);
      const u2 = await l.accept(pending('units', collection(square('u2', 106.2))), 3);
      expect(l.unitsLayer()?.meta.id).toBe(u2!.meta.id);
      expect(l.planFeatures()).toEqual([]);
      await l.remove(u2!.meta.id);
      expect(l.unitsLayer()?.meta.id).toBe(u1!.meta.id);
      dispose();
    });
  });

  it('a large layer is drawn only once its tiles are ready, counts through its Blob, and exports the Blob', async () => {
    const { storage } = memoryStorage();
    const t = tiles();
    await createRoot(async (dispose) => {
      const l = createImportedLayers({ storage, tiles: t.source, now: clock });
      const blob = new Blob(['{"type":"FeatureCollection","features":[]}']);
      const layer = await l.accept(pending('plans', collection(square('p', 106.05)), blob), 1);
      const id = layer!.meta.id;
      expect(t.opened).toEqual([id]);
      expect(l.layers()[0]!.ready).toBe(false);
      expect(l.planBlobs()).toEqual([blob]);
      expect(l.planFeatures()).toEqual([]); // the preview is not counted twice
      const [entries, data, blobs] = [l.entries(), l.data(), l.planBlobs()];
      t.release();
      await new Promise((r) => setTimeout(r, 0));
      expect(l.layers()[0]!.ready).toBe(true);
      // Becoming ready changes nothing the search index or coverage is built from: not rebuilt for it.
      expect([l.entries(), l.data(), l.planBlobs()]).toEqual([entries, data, blobs]);
      expect(l.entries()).toBe(entries);
      expect(l.data()).toBe(data);
      expect(l.planBlobs()).toBe(blobs);
      expect(l.exportFile(id)?.blob).toBe(blob);
      await l.remove(id);
      expect(t.closed).toEqual([id]);
      dispose();
    });
  });

  it('restores stored layers (deriving counts stored before they were kept) and reports refused storage', async () => {
    const old = { id: 'import-x', name: 'Sổ cũ', role: 'plans', color: '#d55e00', fileName: 'cu.zip', provenance: 'official', createdAt: '2025-01-01T00:00:00Z', collection: collection(square('c', 106.1)) } as unknown as StoredLayer;
    await createRoot(async (dispose) => {
      const l = createImportedLayers({ storage: memoryStorage([old]).storage, tiles: tiles().source });
      const back = await l.restore();
      expect(back.map((x) => x.meta)).toEqual([expect.objectContaining({ id: 'import-x', featureCount: 1, large: false })]);
      expect(l.storageProblem()).toBeNull();
      const refused = createImportedLayers({ storage: memoryStorage([], true).storage, tiles: tiles().source });
      await refused.accept(pending('overlay', collection(square('o', 106.1))), 1);
      expect(refused.storageProblem()).toBe('QuotaExceededError');
      expect(refused.layers()).toHaveLength(1); // kept for the session
      const text = await refused.exportFile(refused.layers()[0]!.meta.id)!.blob.text();
      expect(JSON.parse(text).features[0].properties.id).toBe('o');
      dispose();
    });
  });
});

describe('undo of a removal', () => {
  it('brings the layer back with its data, in storage too; a new import ends the chance', async () => {
    const { storage, kept } = memoryStorage();
    await createRoot(async (dispose) => {
      const l = createImportedLayers({ storage, tiles: tiles().source, now: clock });
      const a = await l.accept(pending('plans', collection(square('a', 106.05))), 1);
      await l.remove(a!.meta.id);
      expect(l.lastRemoved()?.meta.id).toBe(a!.meta.id);
      expect(kept.size).toBe(0);
      const back = await l.undoRemove();
      expect(back?.meta).toEqual(a!.meta);
      expect(l.planFeatures()).toHaveLength(1);
      expect(kept.has(a!.meta.id)).toBe(true);
      expect(l.lastRemoved()).toBeNull();
      await l.remove(a!.meta.id);
      await l.accept(pending('overlay', collection(square('o', 106.1))), 2);
      expect(l.lastRemoved()).toBeNull();
      expect(await l.undoRemove()).toBeNull();
      dispose();
    });
  });
});
