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

if (scope) {
  scope.onmessage = (ev: MessageEvent<CoverageRequest>) => {
    scope.postMessage(handle(ev.data));
  };
}
