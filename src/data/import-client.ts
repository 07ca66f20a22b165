// The app's handle on the import worker: one request per file, progress reported as it comes.
import type { ImportRequest, ImportMessage, LargeImport } from '../import/worker';
import type { ImportResult } from '../import/pipeline';
import { createWorkerRpc } from './worker-rpc';

export type { LargeImport };
export interface ImportOutcome {
  result: ImportResult;
  /** Set for large files: all features as GeoJSON text; `result.collection` then holds a preview. */
  large: LargeImport | null;
}

export type ImportOptionsLite = ImportRequest['options'];

export interface ImportClient {
  /** `signal`: cancel — the worker stops the file at once (it is terminated and restarted). */
  /** `file`: the file as chosen (the worker reads it) or its bytes. */
  run(name: string, file: Blob | ArrayBuffer, options: ImportOptionsLite, onProgress?: (fraction: number, stage: string) => void, signal?: AbortSignal): Promise<ImportOutcome>;
  dispose(): void;
}

export function createImportClient(): ImportClient {
  const rpc = createWorkerRpc<ImportRequest, ImportMessage>(
    () => new Worker(new URL('../import/worker.ts', import.meta.url), { type: 'module' }),
    (m) => m.type !== 'progress',
    'import worker',
  );
  return {
    async run(name, file, options, onProgress, signal) {
      // Not transferred: a re-run with other options sends the same file again (a Blob is a handle,
      // so passing it copies nothing on the page).
      const m = await rpc.call({ name, bytes: file, options }, { onEvent: (e) => e.type === 'progress' && onProgress?.(e.fraction, e.stage), ...(signal ? { signal } : {}) });
      if (m.type === 'progress') throw new Error('import worker: unexpected progress reply');
      return { result: m.result, large: m.large };
    },
    dispose: () => rpc.dispose(),
  };
}
