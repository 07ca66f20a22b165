// Issue 14: the basemap module keeps the local .pmtiles file (opened, refused with its message,
// restored on the next visit, removed) and says what the map should draw.
import { describe, it, expect } from 'vitest';
import { createRoot, createSignal } from 'solid-js';
import { createBasemaps } from '../../../src/app/basemap';
import { localBasemapLayers } from '../../../src/map/protomaps-layers';
import type { BasemapId } from '../../../src/map/basemaps';
import type { StoredBasemap } from '../../../src/data/db';

describe('the basemap module', () => {
  const fake = () => {
    let kept: StoredBasemap | null = null;
    return {
      storage: {
        load: async () => ({ file: kept, outcome: { persisted: true as const } }),
        save: async (f: StoredBasemap) => ((kept = f), { persisted: true as const }),
        remove: async () => ((kept = null), { persisted: true as const }),
      },
      kept: () => kept,
    };
  };

  it('opening a file keeps it and shows it; a bad file is refused with its message; removing goes back to none', async () => {
    const f = fake();
    await createRoot(async (dispose) => {
      const [current, setCurrent] = createSignal<BasemapId>('none');
      const b = createBasemaps({
        current, choose: setCurrent, lang: () => 'vi', storage: f.storage,
        open: async (blob) => {
          if (blob.size < 4) throw new Error('not a vector-tile archive');
          return { url: 'pmtiles://test', attribution: '© OSM', vectorLayers: null, layersFor: localBasemapLayers };
        },
      });
      expect(await b.openFile(new File(['x'], 'bad.pmtiles'))).toBe(false);
      expect(b.error()).toContain('bad.pmtiles: not a vector-tile archive');
      expect(current()).toBe('none');
      expect(await b.openFile(new File(['good data'], 'bac-ninh.pmtiles'))).toBe(true);
      expect(current()).toBe('local');
      expect(b.error()).toBeNull();
      expect(b.localFile()?.name).toBe('bac-ninh.pmtiles');
      expect(b.style()?.attribution).toBe('© OSM');
      expect(f.kept()?.name).toBe('bac-ninh.pmtiles');
      await b.removeFile();
      expect(current()).toBe('none');
      expect(b.style()).toBeNull();
      expect(f.kept()).toBeNull();
      dispose();
    });
  });

  it('restores the kept file on the next visit', async () => {
    const f = fake();
    await f.storage.save({ name: 'kept.pmtiles', blob: new Blob(['data!']), savedAt: '2026-01-01T00:00:00Z' });
    await createRoot(async (dispose) => {
      const [current, setCurrent] = createSignal<BasemapId>('local');
      const b = createBasemaps({ current, choose: setCurrent, lang: () => 'vi', storage: f.storage, open: async () => ({ url: 'pmtiles://kept', attribution: null, vectorLayers: null, layersFor: localBasemapLayers }) });
      expect(b.style()).toBeNull();
      await b.restore();
      expect(b.localFile()?.name).toBe('kept.pmtiles');
      expect(b.style()?.id).toBe('local');
      dispose();
    });
  });
});
