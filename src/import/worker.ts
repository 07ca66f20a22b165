/// <reference lib="webworker" />
// Web Worker entry of the import: parsing, reprojection and validation run here so the page stays
// responsive on large files. DOMParser does not exist in workers; @xmldom/xmldom reads KML instead.
import { importFile, type ImportOptions, type ImportResult } from './pipeline';
import { nodeXmlParser } from './node-xml';
import { isSqlite } from './gpkg-magic';
import { loadSqliteBrowser } from './sqlite-browser';
import { lightPreview } from './preview-lite';

/**
 * `bytes`: the file itself (a Blob, read here: cloning a File to a worker copies no bytes, while a
 * 95 MB ArrayBuffer blocked the page ~140 ms to copy into the message), or its bytes.
 */
export type ImportRequest = { id: number; name: string; bytes: Blob | ArrayBuffer; options: Omit<ImportOptions, 'onProgress' | 'xmlParser' | 'sqlite'> };
export type ImportMessage =
  | { id: number; type: 'progress'; fraction: number; stage: string }
  | { id: number; type: 'done'; result: ImportResult; large: LargeImport | null };

/**
 * A large import (a 100 MB register) would freeze the page if its features were copied to it:
 * the features stay in a Blob of GeoJSON text that MapLibre, the coverage worker and IndexedDB
 * read without the page's thread, and the page gets `preview` (the first features) to show.
 */
export interface LargeImport {
  blob: Blob;
  featureCount: number;
  /**
   * The preview as GeoJSON text, for IndexedDB: stored as a Blob it is not cloned on the page (a
   * 2,000-feature preview put as objects is serialised, then deserialised again to read its key).
   */
  preview?: Blob;
}

export const LARGE_FEATURES = 5_000;
export const PREVIEW_FEATURES = 2_000;

const scope = self as unknown as DedicatedWorkerGlobalScope;
const xmlParser = nodeXmlParser();

scope.onmessage = async (ev: MessageEvent<ImportRequest>) => {
  const { id, name, options } = ev.data;
  let bytes: ArrayBuffer;
  try {
    bytes = ev.data.bytes instanceof Blob ? await ev.data.bytes.arrayBuffer() : ev.data.bytes;
  } catch (e) {
    // A file removed or changed on disk since it was chosen.
    const result: ImportResult = { ok: false, fileName: name, error: `${name}: cannot be read (${(e as Error).message})` };
    scope.postMessage({ id, type: 'done', result, large: null } satisfies ImportMessage);
    return;
  }
  let last = 0;
  // A GeoPackage needs SQLite (WebAssembly, served by the app): compiled on the first one only.
  const sqlite = isSqlite(new Uint8Array(bytes, 0, Math.min(16, bytes.byteLength))) ? await loadSqliteBrowser().catch(() => undefined) : undefined;
  const result = importFile(
    { name, bytes },
    {
      ...options,
      xmlParser,
      ...(sqlite === undefined ? {} : { sqlite }),
      onProgress: (fraction, stage) => {
        // Throttle: a message per 2% is plenty for a progress bar.
        if (fraction - last >= 0.02 || fraction === 1) {
          last = fraction;
          scope.postMessage({ id, type: 'progress', fraction, stage } satisfies ImportMessage);
        }
      },
    },
  );
  let large: LargeImport | null = null;
  if (result.ok && result.collection.features.length > LARGE_FEATURES) {
    const all = result.collection;
    // The preview's geometry is simplified (preview-lite.ts): what crosses to the page stays small.
    const preview = { ...all, features: lightPreview(all.features.slice(0, PREVIEW_FEATURES)) };
    large = {
      blob: new Blob([JSON.stringify(all)], { type: 'application/geo+json' }),
      featureCount: all.features.length,
      preview: new Blob([JSON.stringify(preview)], { type: 'application/geo+json' }),
    };
    result.collection = preview;
    delete result.sourceCollection;
  }
  scope.postMessage({ id, type: 'done', result, large } satisfies ImportMessage);
};
