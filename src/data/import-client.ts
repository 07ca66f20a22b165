// The app's handle on the import worker: one request per file, progress reported as it comes.
import type { ImportRequest, ImportMessage, LargeImport } from '../import/worker';
import type { ImportResult } from '../import/pipeline';

export type { LargeImport };
export interface ImportOutcome {
  result: ImportResult;
  /** Set for large files: all features as GeoJSON text; `result.collection` then holds a preview. */
  large: LargeImport | null;
}

export type ImportOptionsLite = ImportRequest['options'];

export interface ImportClient {
  run(name: string, bytes: ArrayBuffer, options: ImportOptionsLite, onProgress?: (fraction: number, stage: string) => void): Promise<ImportOutcome>;
  dispose(): void;
}

export function createImportClient(): ImportClient {
  const worker = new Worker(new URL('../import/worker.ts', import.meta.url), { type: 'module' });
  const pending = new Map<number, { resolve: (r: ImportOutcome) => void; reject: (e: Error) => void; progress?: (f: number, s: string) => void }>();
  let next = 1;
  worker.onmessage = (ev: MessageEvent<ImportMessage>) => {
    const m = ev.data;
    const p = pending.get(m.id);
    if (!p) return;
    if (m.type === 'progress') p.progress?.(m.fraction, m.stage);
    else {
      pending.delete(m.id);
      p.resolve({ result: m.result, large: m.large });
    }
  };
  worker.onerror = (ev) => {
    for (const p of pending.values()) p.reject(new Error(ev.message || 'import worker failed'));
    pending.clear();
  };
  return {
    run(name, bytes, options, onProgress) {
      return new Promise((resolve, reject) => {
        const id = next++;
        pending.set(id, { resolve, reject, progress: onProgress });
        // The bytes are copied, not transferred: a re-run with other options needs them again.
        worker.postMessage({ id, name, bytes, options } satisfies ImportRequest);
      });
    },
    dispose: () => worker.terminate(),
  };
}
