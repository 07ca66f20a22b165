// Messages between the app and the coverage Web Worker. Every request carries an id; the reply
// echoes it so a client can match replies to promises (replies may interleave with new requests).
import type { CoverageOptions, CoverageResult, GapsResult, InputFeature } from './types';
import type { CoverageTimeline } from './timeline';

export type CoverageRequest =
  | {
      id: number; type: 'init'; units: InputFeature[]; plans: InputFeature[]; options?: Partial<CoverageOptions>;
      /** Large registers as GeoJSON text in Blobs: parsed in the worker, never on the page's thread. */
      planBlobs?: Blob[];
    }
  | { id: number; type: 'upsertPlan'; feature: InputFeature }
  | { id: number; type: 'removePlan'; planId: string }
  | { id: number; type: 'setOptions'; options: Partial<CoverageOptions> }
  | { id: number; type: 'setUnits'; units: InputFeature[] }
  /** Add or replace many plans (proposals, an imported register); blobs as for init. */
  | { id: number; type: 'upsertPlans'; features: InputFeature[]; planBlobs?: Blob[] }
  | { id: number; type: 'removePlans'; planIds: string[] }
  /** Gaps of these units (default: the slated units); the reply carries `gaps` besides `result`. */
  | { id: number; type: 'gaps'; unitIds?: string[] }
  /** Coverage over time (timeline.ts): the reply carries `timeline` besides `result` (unchanged: asOf is put back). */
  | { id: number; type: 'timeline'; maxSteps?: number };

export type CoverageReply =
  | { id: number; ok: true; result: CoverageResult; ms: number; gaps?: GapsResult; timeline?: CoverageTimeline }
  | { id: number; ok: false; error: string };

export type CoverageRequestType = CoverageRequest['type'];
