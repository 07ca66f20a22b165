// Shared types of the GeoJSON rules. Pure data: the same rules run in the Node checker
// (scripts/check-geodata.ts) and in the in-browser import, so nothing here may touch fs or the DOM.

export type Severity = 'error' | 'warning';

/** One thing wrong with a file. featureIndex is the 0-based index in `features`, null for the whole file. */
export interface Problem {
  featureIndex: number | null;
  featureId: string | null;
  message: string;
  severity: Severity;
  /**
   * 'repairable': an error a clipping engine resolves on its own (a self-intersection, a ring's
   * winding, a repeated id): the coverage engine repairs and reports these instead of refusing.
   */
  rule?: 'repairable';
}

/** The project's layers; 'generic' gets only the structural and geometric checks. */
export type LayerKind =
  | 'units'
  | 'wards'
  | 'district'
  | 'industry'
  | 'infrastructure'
  | 'tourism'
  | 'plans'
  | 'generic';

export const LAYER_KINDS: readonly LayerKind[] = [
  'units',
  'wards',
  'district',
  'industry',
  'infrastructure',
  'tourism',
  'plans',
  'generic',
];

export function fileProblem(message: string, severity: Severity = 'error'): Problem {
  return { featureIndex: null, featureId: null, message, severity };
}

export function featureProblem(
  featureIndex: number,
  featureId: string | null,
  message: string,
  severity: Severity = 'error',
): Problem {
  return { featureIndex, featureId, message, severity };
}
