// Messages between the app and the coverage Web Worker. Every request carries an id; the reply
// echoes it so a client can match replies to promises (replies may interleave with new requests).
import type { CoverageOptions, CoverageResult, InputFeature } from './types';

export type CoverageRequest =
  | {
      id: number; type: 'init'; units: InputFeature[]; plans: InputFeature[]; options?: Partial<CoverageOptions>;
      /** Large registers as GeoJSON text in Blobs: parsed in the worker, never on the page's thread. */
      planBlobs?: Blob[];
    }
  | { id: number; type: 'upsertPlan'; feature: InputFeature }
  | { id: number; type: 'removePlan'; planId: string }
  | { id: number; type: 'setOptions'; options: Partial<CoverageOptions> }
  | { id: number; type: 'setUnits'; units: InputFeature[] };

export type CoverageReply =
  | { id: number; ok: true; result: CoverageResult; ms: number }
  | { id: number; ok: false; error: string };

export type CoverageRequestType = CoverageRequest['type'];
