// The app's handle on the coverage Web Worker: a promise per request. Computation never runs on the
// UI thread. Which reply is current (latest request wins) is the caller's rule: see src/app/coverage.ts.
import { createWorkerRpc } from '../data/worker-rpc';
import type { CoverageRequest, CoverageReply } from './protocol';
import type { CoverageOptions, CoverageResult, InputFeature } from './types';

export interface CoverageClient {
  init(units: InputFeature[], plans: InputFeature[], options: CoverageOptions, planBlobs?: Blob[]): Promise<CoverageResult>;
  setOptions(options: CoverageOptions): Promise<CoverageResult>;
  setUnits(units: InputFeature[]): Promise<CoverageResult>;
  upsertPlan(feature: InputFeature): Promise<CoverageResult>;
  removePlan(planId: string): Promise<CoverageResult>;
  dispose(): void;
}

export function createCoverageClient(): CoverageClient {
  const rpc = createWorkerRpc<CoverageRequest, CoverageReply>(
    () => new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' }),
    undefined,
    'coverage worker',
  );
  const send = async (msg: Parameters<typeof rpc.call>[0]): Promise<CoverageResult> => {
    const r = await rpc.call(msg);
    if (!r.ok) throw new Error(r.error);
    return r.result;
  };
  return {
    init: (units, plans, options, planBlobs) => send({ type: 'init', units, plans, options, planBlobs }),
    setOptions: (options) => send({ type: 'setOptions', options }),
    setUnits: (units) => send({ type: 'setUnits', units }),
    upsertPlan: (feature) => send({ type: 'upsertPlan', feature }),
    removePlan: (planId) => send({ type: 'removePlan', planId }),
    dispose: () => rpc.dispose(),
  };
}
