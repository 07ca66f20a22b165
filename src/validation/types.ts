// Shared types of the GeoJSON rules. Pure data: the same rules run in the Node checker
// (scripts/check-geodata.ts) and in the in-browser import, so nothing here may touch fs or the DOM.
import { problemText, type MessageVars, type Msg, type ProblemCode } from './messages.ts';

export type Severity = 'error' | 'warning';

/** One thing wrong with a file. featureIndex is the 0-based index in `features`, null for the whole file. */
export interface Problem {
  featureIndex: number | null;
  featureId: string | null;
  /** English, as the CLIs print it. */
  message: string;
  severity: Severity;
  /** The checker's problems: what `message` says, as data, for the UI language (src/i18n/problem-messages.ts). */
  code?: ProblemCode;
  params?: MessageVars;
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

/** The text and, for a coded message, its code and values. */
function content(m: string | Msg): Pick<Problem, 'message' | 'code' | 'params'> {
  return typeof m === 'string' ? { message: m } : { message: problemText(m), code: m.code, params: m.params };
}

export function fileProblem(message: string | Msg, severity: Severity = 'error'): Problem {
  return { featureIndex: null, featureId: null, ...content(message), severity };
}

export function featureProblem(
  featureIndex: number,
  featureId: string | null,
  message: string | Msg,
  severity: Severity = 'error',
): Problem {
  return { featureIndex, featureId, ...content(message), severity };
}
