/// <reference lib="webworker" />
// Web Worker entry of the import: parsing, reprojection and validation run here so the page stays
// responsive on large files. DOMParser does not exist in workers; @xmldom/xmldom reads KML instead.
import { importFile, type ImportOptions, type ImportResult } from './pipeline';
import { nodeXmlParser } from './node-xml';

export type ImportRequest = { id: number; name: string; bytes: ArrayBuffer; options: Omit<ImportOptions, 'onProgress' | 'xmlParser'> };
export type ImportMessage =
  | { id: number; type: 'progress'; fraction: number; stage: string }
  | { id: number; type: 'done'; result: ImportResult };

const scope = self as unknown as DedicatedWorkerGlobalScope;
const xmlParser = nodeXmlParser();

scope.onmessage = (ev: MessageEvent<ImportRequest>) => {
  const { id, name, bytes, options } = ev.data;
  let last = 0;
  const result = importFile(
    { name, bytes },
    {
      ...options,
      xmlParser,
      onProgress: (fraction, stage) => {
        // Throttle: a message per 2% is plenty for a progress bar.
        if (fraction - last >= 0.02 || fraction === 1) {
          last = fraction;
          scope.postMessage({ id, type: 'progress', fraction, stage } satisfies ImportMessage);
        }
      },
    },
  );
  scope.postMessage({ id, type: 'done', result } satisfies ImportMessage);
};
