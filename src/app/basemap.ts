// The basemap as the app uses it: which one is chosen (in the store and the URL), the local
// .pmtiles file (opened by the user, kept in IndexedDB, opened again on the next visit) and what
// the map binding should draw for it. Online basemaps are never requested until chosen.
import { createMemo, createSignal, type Accessor } from 'solid-js';
import { basemapStyle, type BasemapStyle } from '../map/basemap-style';
import { openLocalBasemap, type OpenedBasemap } from '../map/pmtiles';
import type { BasemapId } from '../map/basemaps';
import type { StoredBasemap } from '../data/db';
import type { StoreOutcome } from '../data/layer-store';

export interface BasemapStorage {
  load(): Promise<{ file: StoredBasemap | null; outcome: StoreOutcome }>;
  save(file: StoredBasemap): Promise<StoreOutcome>;
  remove(): Promise<StoreOutcome>;
}

export interface BasemapDeps {
  current: Accessor<BasemapId>;
  choose: (id: BasemapId) => void;
  lang: Accessor<'vi' | 'en'>;
  storage: BasemapStorage;
  /** Opens a file for the map (the map adapter's pmtiles protocol); tests pass a fake. */
  open?: (blob: Blob) => Promise<OpenedBasemap>;
}

export interface Basemaps {
  current: Accessor<BasemapId>;
  choose(id: BasemapId): void;
  /** Opens a .pmtiles file, keeps it, and shows it. Resolves false (with `error`) when it cannot be read. */
  openFile(file: File): Promise<boolean>;
  removeFile(): Promise<void>;
  /** The local file kept, if any. */
  localFile: Accessor<{ name: string; size: number } | null>;
  error: Accessor<string | null>;
  /** Why the file cannot be kept across reloads, if it cannot. */
  storageProblem: Accessor<string | null>;
  /** What the map draws beneath the layers (null: nothing). */
  style: Accessor<BasemapStyle | null>;
  /** Restores the kept file (at start-up). */
  restore(): Promise<void>;
}

export function createBasemaps(d: BasemapDeps): Basemaps {
  const open = d.open ?? openLocalBasemap;
  const [opened, setOpened] = createSignal<OpenedBasemap | null>(null);
  const [localFile, setLocalFile] = createSignal<{ name: string; size: number } | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  const [storageProblem, setStorageProblem] = createSignal<string | null>(null);
  const note = (o: StoreOutcome) => setStorageProblem(o.persisted ? null : o.reason);

  const style = createMemo(() => basemapStyle(d.current(), { lang: d.lang(), localUrl: opened()?.url ?? null, localAttribution: opened()?.attribution ?? null, localLayers: opened()?.vectorLayers ?? null, layersFor: opened()?.layersFor ?? null }));

  const use = async (blob: Blob, name: string): Promise<boolean> => {
    try {
      setOpened(await open(blob));
      setLocalFile({ name, size: blob.size });
      setError(null);
      return true;
    } catch (e) {
      setError(`${name}: ${e instanceof Error ? e.message : String(e)}`);
      return false;
    }
  };

  return {
    current: d.current,
    choose: (id) => {
      setError(null);
      d.choose(id);
    },
    async openFile(file) {
      if (!(await use(file, file.name))) return false;
      d.choose('local');
      note(await d.storage.save({ name: file.name, blob: file, savedAt: new Date().toISOString() }));
      return true;
    },
    async removeFile() {
      setOpened(null);
      setLocalFile(null);
      if (d.current() === 'local') d.choose('none');
      note(await d.storage.remove());
    },
    localFile,
    error,
    storageProblem,
    style,
    async restore() {
      const kept = await d.storage.load();
      note(kept.outcome);
      if (kept.file) await use(kept.file.blob, kept.file.name);
    },
  };
}
