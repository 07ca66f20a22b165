// The app's handle on the coverage Web Worker: promise per request, the latest result wins.
// Computation never runs on the UI thread.
import type { CoverageRequest, CoverageReply } from './protocol';
import type { CoverageOptions, CoverageResult, InputFeature } from './types';

type Pending = { resolve: (r: CoverageResult) => void; reject: (e: Error) => void };
type Body<T> = T extends unknown ? Omit<T, 'id'> : never;

export interface CoverageClient {
  init(units: InputFeature[], plans: InputFeature[], options: CoverageOptions, planBlobs?: Blob[]): Promise<CoverageResult>;
  setOptions(options: CoverageOptions): Promise<CoverageResult>;
  setUnits(units: InputFeature[]): Promise<CoverageResult>;
  upsertPlan(feature: InputFeature): Promise<CoverageResult>;
  removePlan(planId: string): Promise<CoverageResult>;
  dispose(): void;
}

export function createCoverageClient(): CoverageClient {
  const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
  const pending = new Map<number, Pending>();
  let next = 1;
  worker.onmessage = (ev: MessageEvent<CoverageReply>) => {
    const r = ev.data;
    const p = pending.get(r.id);
    if (!p) return;
    pending.delete(r.id);
    if (r.ok) p.resolve(r.result);
    else p.reject(new Error(r.error));
  };
  worker.onerror = (ev) => {
    for (const p of pending.values()) p.reject(new Error(ev.message || 'coverage worker failed'));
    pending.clear();
  };
  const send = (msg: Body<CoverageRequest>): Promise<CoverageResult> =>
    new Promise((resolve, reject) => {
      const id = next++;
      pending.set(id, { resolve, reject });
      worker.postMessage({ ...msg, id } as CoverageRequest);
    });
  return {
    init: (units, plans, options, planBlobs) => send({ type: 'init', units, plans, options, planBlobs }),
    setOptions: (options) => send({ type: 'setOptions', options }),
    setUnits: (units) => send({ type: 'setUnits', units }),
    upsertPlan: (feature) => send({ type: 'upsertPlan', feature }),
    removePlan: (planId) => send({ type: 'removePlan', planId }),
    dispose: () => worker.terminate(),
  };
}
