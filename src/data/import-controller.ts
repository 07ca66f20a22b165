// Orchestrates imports: reads the chosen files, runs them through the import worker, re-runs with
// the user's choices (role, CRS, field mapping, repair), and hands accepted layers to the app.
// Nothing is added to the map until the user accepts; cancel or a failure changes nothing loaded.
import { createEffect, createMemo, createSignal, onCleanup, type Accessor } from 'solid-js';
import { createStore, produce, unwrap } from 'solid-js/store';
import type { FeatureCollection } from 'geojson';
import type { ImportResult } from '../import/pipeline';
import type { FieldMapping } from '../import/fields';
import type { ImportRole } from '../import/types';
import { guessMapping } from '../import/fields';
import type { Provenance } from '../layers/types';
import { IMPORT_COLORS } from '../layers/imported';
import type { ImportClient, LargeImport } from './import-client';
import { MAX_INPUT_BYTES } from '../import/limits';
import { previewCollection } from './preview-outline';
import { parseCoverageResult } from '../coverage/result-file';
import type { CoverageResult } from '../coverage/types';

export interface PendingOptions {
  role: ImportRole;
  crs?: string;
  mapping?: Partial<FieldMapping>;
  repair: boolean;
  skipInvalid: boolean;
  /** GeoPackage: the feature table chosen (default: the first). */
  layer?: string;
}

export interface PendingImport {
  key: number;
  fileName: string;
  progress: { fraction: number; stage: string } | null;
  result: ImportResult | null;
  /** Large files: every feature as GeoJSON text (the result's collection is then a preview). */
  large: LargeImport | null;
  options: PendingOptions;
  name: string;
  color: string;
  provenance: Provenance;
}

export interface ImportController {
  pending: readonly PendingImport[];
  addFiles(files: readonly File[]): Promise<void>;
  update(key: number, patch: Partial<PendingOptions>): Promise<void>;
  setMeta(key: number, patch: Partial<Pick<PendingImport, 'name' | 'color' | 'provenance'>>): void;
  cancel(key: number): void;
  /** Removes the item and returns it (with its successful result) for the app to add. */
  take(key: number): PendingImport | null;
  /** The latest file read successfully, drawn on the map before it is accepted (and framed once). */
  preview: Accessor<{ collection: FeatureCollection; bbox: [number, number, number, number] | null; color: string } | null>;
}

const baseName = (f: string) => f.replace(/\.(geojson|json|zip|kml|kmz|dxf|gpkg)$/i, '');

/** A coverage result file (`npm run coverage -- --format json`, e.g. computed in PostGIS): recognised by its head. */
const RESULT_HEAD = /^\uFEFF?\s*\{\s*"units"\s*:/;
const MAX_RESULT_BYTES = 20 * 1024 * 1024;

export interface ImportControllerOptions {
  /** A `.json` file holding a coverage result goes here (shown in the coverage panel), not to the import. */
  onCoverageResult?: (r: { fileName: string; result: CoverageResult }) => void;
}

/**
 * The result with its features behind getters. Solid's store walks every nested object of what is
 * stored in it (unwrap), which for thousands of features is tens of thousands of coordinate arrays
 * on the page's thread; it skips getters, and reading through the store still works (what is read
 * is wrapped lazily then).
 */
function opaqueCollection(r: ImportResult): ImportResult {
  if (!r.ok) return r;
  const { collection, sourceCollection, ...rest } = r;
  Object.defineProperty(rest, 'collection', { get: () => collection, enumerable: true, configurable: true });
  if (sourceCollection) Object.defineProperty(rest, 'sourceCollection', { get: () => sourceCollection, enumerable: true, configurable: true });
  return rest as ImportResult;
}

export function createImportController(client: () => ImportClient, district: () => unknown, opts: ImportControllerOptions = {}): ImportController {
  const [pending, setPending] = createStore<PendingImport[]>([]);
  // The chosen files stay outside the store. They are kept as Files, not read here: the import
  // worker reads them, so a 95 MB file is never read on (nor copied from) the page's thread.
  const chosen = new Map<number, Blob>();
  const aborts = new Map<number, AbortController>();
  let nextKey = 1;
  let colorTurn = 0;

  const patch = (key: number, fn: (p: PendingImport) => void) =>
    setPending(produce((list) => {
      const p = list.find((x) => x.key === key);
      if (p) fn(p);
    }));

  /** A file removed or changed on disk since it was chosen: listed with the reason, not imported. */
  const unreadable = (key: number, file: File, e: unknown) =>
    setPending((l) => [...l, { key, fileName: file.name, progress: null, large: null, result: { ok: false, fileName: file.name, error: `${file.name}: cannot be read (${(e as Error).message})` }, options: { role: 'overlay', repair: false, skipInvalid: false }, name: baseName(file.name), color: IMPORT_COLORS[0]!, provenance: 'official' }]);

  const setOptionsRole = (key: number, role: ImportRole) => patch(key, (p) => (p.options.role = role));

  async function run(key: number): Promise<ImportResult | null> {
    const item = pending.find((p) => p.key === key);
    const data = chosen.get(key);
    if (!item || !data) return null;
    // A newer run of the same file (other options) replaces one still in the worker.
    aborts.get(key)?.abort();
    const abort = new AbortController();
    aborts.set(key, abort);
    const o = item.options;
    patch(key, (p) => (p.progress = { fraction: 0, stage: 'parse' }));
    let result: ImportResult;
    let large: LargeImport | null = null;
    try {
      ({ result, large } = await client().run(
        item.fileName,
        data,
        { role: o.role, crs: o.crs, mapping: o.mapping ? { ...o.mapping } : undefined, repair: o.repair, skipInvalid: o.skipInvalid, district: district(), layer: o.layer },
        (fraction, stage) => patch(key, (p) => (p.progress = { fraction, stage })),
        abort.signal,
      ));
    } catch (e) {
      if (abort.signal.aborted) return null; // cancelled, or replaced by a newer run
      result = { ok: false, fileName: item.fileName, error: `${item.fileName}: ${(e as Error).message}` };
    }
    if (aborts.get(key) === abort) aborts.delete(key);
    if (!chosen.has(key)) return null; // cancelled meanwhile
    patch(key, (p) => {
      p.progress = null;
      p.result = opaqueCollection(result);
      p.large = large;
    });
    return result;
  }

  const latestPreview = createMemo(
    () => {
      const item = [...pending].reverse().find((p) => p.result?.ok);
      const r = item?.result;
      return item && r?.ok
        ? { collection: previewCollection(unwrap(r.collection) as FeatureCollection, unwrap(r.problems)), bbox: (r.placement.bbox as [number, number, number, number] | null) ?? null, color: item.color }
        : null;
    },
    null,
    // A new result or colour, not a new wrapper, is what changes the preview.
    { equals: (a, b) => a?.collection === b?.collection && a?.color === b?.color },
  );
  // Handed to the map in a task of its own: MapLibre copies the preview to its worker on the page's
  // thread (~20 ms for a large import's 2,000 features), which would otherwise add to the task that
  // received the result and updated the panel.
  const [preview, setPreview] = createSignal<ReturnType<typeof latestPreview>>(null, { equals: false });
  createEffect(() => {
    const next = latestPreview();
    const t = setTimeout(() => setPreview(next), 0);
    onCleanup(() => clearTimeout(t));
  });

  return {
    preview,
    get pending() {
      return pending;
    },
    async addFiles(files) {
      for (const file of files) {
        const key = nextKey++;
        // The size limit before reading: a 1.9 GB file must not be read (and cloned) first.
        if (file.size > MAX_INPUT_BYTES) {
          // The import's messages load with it, not with the first page.
          const { sizeFailure } = await import('../import/limit-messages');
          const f = sizeFailure(file.name, file.size, MAX_INPUT_BYTES);
          setPending((l) => [...l, { key, fileName: file.name, progress: null, large: null, result: { ok: false, fileName: file.name, error: f.error, i18n: [f.i18n] }, options: { role: 'overlay', repair: false, skipInvalid: false }, name: baseName(file.name), color: IMPORT_COLORS[0]!, provenance: 'official' }]);
          continue;
        }
        // Only the head is read here: it tells an unreadable file (removed or changed on disk since it
        // was chosen) and a coverage result file; the import worker reads the rest.
        let head: ArrayBuffer;
        try {
          head = await file.slice(0, 256).arrayBuffer();
        } catch (e) {
          unreadable(key, file, e);
          continue;
        }
        if (opts.onCoverageResult && /\.json$/i.test(file.name) && file.size <= MAX_RESULT_BYTES
          && RESULT_HEAD.test(new TextDecoder().decode(head))) {
          let text: string;
          try {
            text = new TextDecoder().decode(await file.arrayBuffer());
          } catch (e) {
            unreadable(key, file, e);
            continue;
          }
          const parsed = parseCoverageResult(text, file.name);
          if (parsed?.ok) {
            opts.onCoverageResult({ fileName: file.name, result: parsed.result });
            continue;
          }
          if (parsed) {
            setPending((l) => [...l, { key, fileName: file.name, progress: null, large: null, result: { ok: false, fileName: file.name, error: parsed.error }, options: { role: 'overlay', repair: false, skipInvalid: false }, name: baseName(file.name), color: IMPORT_COLORS[0]!, provenance: 'official' }]);
            continue;
          }
        }
        chosen.set(key, file);
        setPending((l) => [...l, {
          key, fileName: file.name, progress: null, result: null, large: null,
          options: { role: 'overlay', repair: false, skipInvalid: false },
          name: baseName(file.name), color: IMPORT_COLORS[colorTurn++ % IMPORT_COLORS.length]!, provenance: 'official',
        }]);
        // Read first as a plan register (the common case, one pass); a file whose fields do not
        // look like one is read again as a plain overlay.
        setOptionsRole(key, 'plans');
        const first = await run(key);
        if (first?.ok) {
          const m = guessMapping(first.fields);
          if (!(m.name && (m.level || m.status))) {
            setOptionsRole(key, 'overlay');
            await run(key);
          }
        }
      }
    },
    async update(key, o) {
      patch(key, (p) => Object.assign(p.options, o));
      await run(key);
    },
    setMeta(key, o) {
      patch(key, (p) => Object.assign(p, o));
    },
    cancel(key) {
      // Stops the worker's work on this file now (it is terminated and restarted), not when it is done.
      aborts.get(key)?.abort();
      aborts.delete(key);
      chosen.delete(key);
      setPending((l) => l.filter((p) => p.key !== key));
    },
    take(key) {
      const item = pending.find((p) => p.key === key);
      if (!item || !item.result?.ok) return null;
      // unwrap: the raw objects, which IndexedDB and postMessage can clone (store proxies cannot).
      const copy = { ...unwrap(item) };
      chosen.delete(key);
      setPending((l) => l.filter((p) => p.key !== key));
      return copy;
    },
  };
}
