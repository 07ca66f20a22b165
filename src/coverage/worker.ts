/// <reference lib="webworker" />
// Web Worker entry: holds one incremental coverage index and answers each request with the full
// result. Thin on purpose: all logic is in engine.ts (tested in Node).
import { createCoverageIndex, type CoverageIndex } from './engine';
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
      else index.setUnits(req.units);
    }
    return { id: req.id, ok: true, result: index.result(), ms: performance.now() - t0 };
  } catch (e) {
    return { id: req.id, ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

/** Reads plan registers sent as Blobs (large imports) into the request's plan list. */
async function withBlobPlans(req: CoverageRequest): Promise<CoverageRequest> {
  if (req.type !== 'init' || !req.planBlobs?.length) return req;
  const extra: CoverageRequest & { type: 'init' } = { ...req, plans: [...req.plans] };
  for (const blob of req.planBlobs) {
    const fc = JSON.parse(await blob.text()) as { features?: unknown };
    // Not push(...features): 100,000 arguments overflow the stack.
    if (Array.isArray(fc.features)) for (const f of fc.features as typeof req.plans) extra.plans.push(f);
  }
  return extra;
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
