/// <reference lib="webworker" />
// Web Worker entry: holds one incremental coverage index and answers each request with the full
// result. Thin on purpose: all logic is in engine.ts (tested in Node).
import { createCoverageIndex, type CoverageIndex } from './engine';
import { coverageTimeline } from './timeline';
import type { CoverageReply, CoverageRequest } from './protocol';

// The tsconfig has both DOM and WebWorker libs, where `self` is typed as Window. Guarded so
// Node tests can import `handle` (no `self` there).
const scope = typeof self === 'undefined' ? null : (self as unknown as DedicatedWorkerGlobalScope);
let index: CoverageIndex | null = null;

export function handle(req: CoverageRequest): CoverageReply {
  const t0 = performance.now();
  try {
    if (req.type === 'init') {
      index = createCoverageIndex(req.units, req.plans, req.options);
    } else {
      if (!index) throw new Error(`"${req.type}" before "init"`);
      if (req.type === 'upsertPlan') index.upsertPlan(req.feature);
      else if (req.type === 'removePlan') index.removePlan(req.planId);
      else if (req.type === 'setOptions') index.setOptions(req.options);
      else if (req.type === 'upsertPlans') index.upsertPlans(req.features);
      else if (req.type === 'removePlans') index.removePlans(req.planIds);
      else if (req.type === 'timeline') {
        const timeline = coverageTimeline(index, index.approvalDates(), req.maxSteps);
        return { id: req.id, ok: true, result: index.result(), timeline, ms: performance.now() - t0 };
      } else if (req.type === 'gaps') {
        const gaps = index.gaps(req.unitIds);
        return { id: req.id, ok: true, result: index.result(), gaps, ms: performance.now() - t0 };
      } else index.setUnits(req.units);
    }
    return { id: req.id, ok: true, result: index.result(), ms: performance.now() - t0 };
  } catch (e) {
    return { id: req.id, ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

/** Reads plan registers sent as Blobs (large imports) into the request's plan list. */
async function withBlobPlans(req: CoverageRequest): Promise<CoverageRequest> {
  if ((req.type !== 'init' && req.type !== 'upsertPlans') || !req.planBlobs?.length) return req;
  const plans = [...(req.type === 'init' ? req.plans : req.features)];
  for (const blob of req.planBlobs) {
    const fc = JSON.parse(await blob.text()) as { features?: unknown };
    // Not push(...features): 100,000 arguments overflow the stack.
    if (Array.isArray(fc.features)) for (const f of fc.features as typeof plans) plans.push(f);
  }
  return req.type === 'init' ? { ...req, plans, planBlobs: undefined } : { ...req, features: plans, planBlobs: undefined };
}

if (scope) {
  // Requests are answered in order even when one has to read a Blob first.
  let queue: Promise<void> = Promise.resolve();
  scope.onmessage = (ev: MessageEvent<CoverageRequest>) => {
    queue = queue.then(async () => {
      try {
        scope.postMessage(handle(await withBlobPlans(ev.data)));
      } catch (e) {
        scope.postMessage({ id: ev.data.id, ok: false, error: e instanceof Error ? e.message : String(e) } satisfies CoverageReply);
      }
    });
  };
}
