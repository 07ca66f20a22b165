// The app's handle on the coverage Web Worker: a promise per request. Computation never runs on the
// UI thread. Which reply is current (latest request wins) is the caller's rule: see src/app/coverage.ts.
import { createWorkerRpc } from '../data/worker-rpc';
import type { CoverageRequest, CoverageReply } from './protocol';
import type { CoverageOptions, CoverageResult, GapsResult, InputFeature } from './types';
import type { CoverageTimeline } from './timeline';

export interface CoverageClient {
  init(units: InputFeature[], plans: InputFeature[], options: CoverageOptions, planBlobs?: Blob[]): Promise<CoverageResult>;
  setOptions(options: CoverageOptions): Promise<CoverageResult>;
  setUnits(units: InputFeature[]): Promise<CoverageResult>;
  upsertPlan(feature: InputFeature): Promise<CoverageResult>;
  removePlan(planId: string): Promise<CoverageResult>;
  /** Many plans at once (proposals, an imported register; large ones as GeoJSON Blobs parsed in the worker). */
  upsertPlans(features: InputFeature[], planBlobs?: Blob[]): Promise<CoverageResult>;
  removePlans(planIds: string[]): Promise<CoverageResult>;
  /** Gaps to the target of these units (default: the slated units), with the current result. */
  gaps(unitIds?: string[]): Promise<{ result: CoverageResult; gaps: GapsResult }>;
  /** Coverage over time, stepping the approval dates (timeline.ts); the worker's asOf is left as it was. */
  timeline(maxSteps?: number): Promise<CoverageTimeline>;
  dispose(): void;
}

export function createCoverageClient(): CoverageClient {
  const rpc = createWorkerRpc<CoverageRequest, CoverageReply>(
    () => new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' }),
    undefined,
    'coverage worker',
  );
  const call = async (msg: Parameters<typeof rpc.call>[0]) => {
    const r = await rpc.call(msg);
    if (!r.ok) throw new Error(r.error);
    return r;
  };
  const send = async (msg: Parameters<typeof rpc.call>[0]): Promise<CoverageResult> => (await call(msg)).result;
  return {
    init: (units, plans, options, planBlobs) => send({ type: 'init', units, plans, options, planBlobs }),
    setOptions: (options) => send({ type: 'setOptions', options }),
    setUnits: (units) => send({ type: 'setUnits', units }),
    upsertPlan: (feature) => send({ type: 'upsertPlan', feature }),
    removePlan: (planId) => send({ type: 'removePlan', planId }),
    upsertPlans: (features, planBlobs) => send({ type: 'upsertPlans', features, planBlobs }),
    removePlans: (planIds) => send({ type: 'removePlans', planIds }),
    gaps: async (unitIds) => {
      const r = await call({ type: 'gaps', unitIds });
      if (!r.gaps) throw new Error('coverage worker: gaps reply without gaps');
      return { result: r.result, gaps: r.gaps };
    },
    timeline: async (maxSteps) => {
      const r = await call({ type: 'timeline', maxSteps });
      if (!r.timeline) throw new Error('coverage worker: timeline reply without timeline');
      return r.timeline;
    },
    dispose: () => rpc.dispose(),
  };
}
