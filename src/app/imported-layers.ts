// The one home of the layers a user imported: their features (or, for large files, a Blob of
// GeoJSON text and a preview), their catalog-shaped entries, and what happens to them — accept,
// remove, restore after a reload, export — including keeping them in IndexedDB. The map binding,
// the coverage inputs, the legend and search read them from here.
import { batch, createMemo, createSignal, type Accessor } from 'solid-js';
import { state, actions } from '../state/store';
import type { FeatureCollection } from 'geojson';
import { importedEntry, type ImportedMeta } from '../layers/imported';
import type { LayerEntry } from '../layers/types';
import type { KeptLayer, StoreOutcome } from '../data/layer-store';
import type { PendingImport } from '../data/import-controller';

export interface ImportedLayer {
  meta: ImportedMeta;
  entry: LayerEntry;
  /** All features (small layers) or a preview of them (large layers). */
  collection: FeatureCollection;
  /** Large layers: every feature as GeoJSON text. */
  blob?: Blob;
  /** Large layers: the preview as GeoJSON text, which is what storage keeps of it. */
  preview?: Blob;
  /** False while a large layer's tiles are being prepared: it is not drawn yet. */
  ready: boolean;
}

export interface LayerStorage {
  load(): Promise<{ layers: KeptLayer[]; outcome: StoreOutcome }>;
  save(layer: KeptLayer): Promise<StoreOutcome>;
  remove(id: string): Promise<StoreOutcome>;
}

export interface TileSource {
  open(layerId: string, blob: Blob): Promise<void>;
  close(layerId: string): Promise<void>;
}

export interface ImportedLayersDeps {
  storage: LayerStorage;
  tiles: TileSource;
  /** Told when a layer was added (to switch it on) or when a plan register arrives. */
  onAdded?: (layer: ImportedLayer) => void;
  onRemoved?: (id: string) => void;
  /** Clock and id source (tests pass fixed ones). */
  now?: () => Date;
}

export interface ImportedLayers {
  layers: Accessor<readonly ImportedLayer[]>;
  entries: Accessor<LayerEntry[]>;
  /** Features in memory per layer id (a preview for large layers). */
  data: Accessor<ReadonlyMap<string, FeatureCollection>>;
  /** The latest imported unit boundaries held in memory, if any (they replace the bundled ones). */
  unitsLayer: Accessor<ImportedLayer | undefined>;
  /** Features of the imported plan registers held in memory, and the Blobs of the large ones. */
  planFeatures: Accessor<FeatureCollection['features']>;
  planBlobs: Accessor<Blob[]>;
  /** Why the layers cannot be kept across reloads, if they cannot (shown to the user). */
  storageProblem: Accessor<string | null>;
  accept(item: PendingImport, key: number): Promise<ImportedLayer | null>;
  remove(id: string): Promise<void>;
  /** The layer removed last, while it can still be brought back. */
  lastRemoved: Accessor<ImportedLayer | null>;
  /** Brings the layer removed last back (and keeps it again). */
  undoRemove(): Promise<ImportedLayer | null>;
  /** Layers kept from earlier sessions come back. */
  restore(): Promise<readonly ImportedLayer[]>;
  /** A layer as a file: its Blob for large layers, its GeoJSON text otherwise. */
  exportFile(id: string): { name: string; blob: Blob } | null;
}

export function createImportedLayers(deps: ImportedLayersDeps): ImportedLayers {
  const [layers, setLayers] = createSignal<readonly ImportedLayer[]>([]);
  const [storageProblem, setStorageProblem] = createSignal<string | null>(null);
  const [lastRemoved, setLastRemoved] = createSignal<ImportedLayer | null>(null);
  const now = deps.now ?? (() => new Date());
  const note = (o: StoreOutcome) => {
    if (!o.persisted) setStorageProblem(o.reason);
  };

  const patch = (id: string, fn: (l: ImportedLayer) => ImportedLayer) => setLayers((ls) => ls.map((l) => (l.meta.id === id ? fn(l) : l)));

  function add(meta: ImportedMeta, collection: FeatureCollection, blob?: Blob, preview?: Blob): ImportedLayer {
    const entry = importedEntry(meta, Object.keys(collection.features[0]?.properties ?? {}));
    const layer: ImportedLayer = { meta, entry, collection, ...(blob ? { blob } : {}), ...(preview ? { preview } : {}), ready: !blob };
    setLayers((ls) => [...ls, layer]);
    deps.onAdded?.(layer);
    if (blob) {
      void deps.tiles.open(meta.id, blob).then(
        () => patch(meta.id, (l) => ({ ...l, ready: true })),
        (e: unknown) => setStorageProblem(e instanceof Error ? e.message : String(e)),
      );
    }
    return layer;
  }

  const inMemory = (role: ImportedMeta['role']) => layers().filter((l) => l.meta.role === role && !l.meta.large);
  // A large layer becoming ready replaces its object, not its entry, features or Blob: what is
  // derived from those (the search index, coverage's inputs) must not be rebuilt for it.
  const sameItems = <T,>(a: readonly T[], b: readonly T[]) => a.length === b.length && a.every((x, i) => x === b[i]);
  const sameMap = <K, V>(a: ReadonlyMap<K, V>, b: ReadonlyMap<K, V>) => a.size === b.size && [...a].every(([k, v]) => b.get(k) === v);

  return {
    layers,
    entries: createMemo(() => layers().map((l) => l.entry), [], { equals: sameItems }),
    data: createMemo(() => new Map(layers().map((l) => [l.meta.id, l.collection])), new Map(), { equals: sameMap }),
    unitsLayer: createMemo(() => inMemory('units').at(-1)),
    planFeatures: createMemo(() => inMemory('plans').flatMap((l) => l.collection.features), [], { equals: sameItems }),
    planBlobs: createMemo(() => layers().filter((l) => l.meta.role === 'plans' && l.blob).map((l) => l.blob!), [], { equals: sameItems }),
    storageProblem,

    async accept(item, key) {
      if (!item.result?.ok) return null;
      setLastRemoved(null);
      const meta: ImportedMeta = {
        id: `import-${now().getTime().toString(36)}-${key}`,
        name: item.name.trim() || item.fileName,
        role: item.options.role,
        color: item.color,
        fileName: item.fileName,
        provenance: item.provenance,
        createdAt: now().toISOString(),
        featureCount: item.large?.featureCount ?? item.result.collection.features.length,
        large: !!item.large,
      };
      const collection = item.result.collection as FeatureCollection;
      const blob = item.large?.blob;
      const preview = item.large?.preview;
      const layer = add(meta, collection, blob, preview);
      note(await deps.storage.save({ ...meta, collection, ...(blob ? { blob } : {}), ...(preview ? { preview } : {}) }));
      return layer;
    },

    async remove(id) {
      const gone = layers().find((l) => l.meta.id === id);
      if (!gone) return;
      setLayers((ls) => ls.filter((l) => l.meta.id !== id));
      setLastRemoved(gone);
      deps.onRemoved?.(id);
      if (gone.blob) void deps.tiles.close(id);
      note(await deps.storage.remove(id));
    },

    lastRemoved,

    async undoRemove() {
      const l = lastRemoved();
      if (!l) return null;
      setLastRemoved(null);
      const back = add(l.meta, l.collection, l.blob, l.preview);
      note(await deps.storage.save({ ...l.meta, collection: l.collection, ...(l.blob ? { blob: l.blob } : {}), ...(l.preview ? { preview: l.preview } : {}) }));
      return back;
    },

    async restore() {
      const kept = await deps.storage.load();
      note(kept.outcome);
      return kept.layers.map((l) => {
        const { collection, blob, preview, ...rest } = l;
        // Layers stored before counts were kept: derive them.
        const meta: ImportedMeta = { ...rest, featureCount: rest.featureCount ?? collection.features.length, large: rest.large ?? !!blob };
        return add(meta, collection, blob, preview);
      });
    },

    exportFile(id) {
      const l = layers().find((x) => x.meta.id === id);
      if (!l) return null;
      const name = `${id.replace(/[^a-z0-9-]+/gi, '-')}.geojson`;
      return { name, blob: l.blob ?? new Blob([JSON.stringify(l.collection)], { type: 'application/geo+json' }) };
    },
  };
}

/**
 * What adding or removing a layer does to the rest of the app's state: a new layer is switched on; a
 * planner's own register replaces the demonstration one for coverage (it can be switched back on);
 * with no register of the user's left, coverage goes back to the demonstration one it started with.
 */
export function importedLayersPolicy(layers: () => ImportedLayers): Pick<ImportedLayersDeps, 'onAdded' | 'onRemoved'> {
  return {
    onAdded: (l) =>
      batch(() => {
        actions.setVisible(l.meta.id, true);
        if (l.meta.role === 'plans') actions.setUseDemoRegister(false);
      }),
    onRemoved: (id) =>
      batch(() => {
        if (state.selected?.layerId === id) actions.select(null);
        if (!layers().layers().some((l) => l.meta.role === 'plans')) actions.setUseDemoRegister(true);
      }),
  };
}
