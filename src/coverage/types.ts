// Public types of the detailed-plan coverage engine (issue 4). Plain data only, so results can
// cross a Web Worker boundary (structured clone) and be written as JSON by the CLI.
import type { Feature, Geometry, GeoJsonProperties } from 'geojson';

import type { PlanLevel, PlanStatus } from '../plans/vocabulary';

export type { PlanLevel, PlanStatus };

/**
 * Which plans count, and the target.
 * `target` is a FRACTION in [0, 1] (0.8 = 80%); the CLI takes percent and converts.
 */
export interface CoverageOptions {
  levels: PlanLevel[];
  statuses: PlanStatus[];
  target: number;
}

const defaults: CoverageOptions = { levels: ['detailed'], statuses: ['approved'], target: 0.8 };
export const DEFAULT_OPTIONS: Readonly<CoverageOptions> = Object.freeze(defaults);

/** Any GeoJSON feature: inputs are validated by the engine, not trusted by type. */
export type InputFeature = Feature<Geometry | null, GeoJsonProperties>;

export type ExclusionReason =
  | 'level_not_selected'
  | 'status_not_selected'
  /** A level or status the vocabulary does not know ("hủy", "1/10000"): not counted, reported. */
  | 'level_not_recognised'
  | 'status_not_recognised'
  | 'not_polygon'
  | 'invalid_geometry';

export interface ExcludedPlan {
  id: string;
  reason: ExclusionReason;
  /** Human-readable detail (e.g. why a geometry could not be repaired). */
  detail?: string;
}

export type ProblemKind =
  | 'self_intersection_repaired'
  | 'near_duplicate_vertices_merged'
  | 'duplicate_id_renamed'
  | 'unit_invalid_geometry'
  | 'unit_self_intersection_repaired';

export interface Problem {
  subject: 'plan' | 'unit';
  id: string;
  kind: ProblemKind;
  message: string;
}

export interface UnitCoverage {
  id: string;
  name: string;
  slated: boolean;
  area_m2: number;
  covered_m2: number;
  /** covered_m2 / area_m2 in [0, 1]; 0 for an empty unit (never NaN). */
  coverage: number;
  /** coverage > target (strictly: the 2021 resolution says "more than 80%"). */
  meets_target: boolean;
  /** Counting plans whose intersection with the unit has positive area, in register order. */
  plan_ids: string[];
}

export interface CoverageTotal {
  units: number;
  area_m2: number;
  covered_m2: number;
  coverage: number;
  units_meeting_target: number;
}

export interface CoverageResult {
  units: UnitCoverage[];
  totals: { slated: CoverageTotal; other: CoverageTotal; district: CoverageTotal };
  options: CoverageOptions;
  plans: { counted: number; excluded: ExcludedPlan[] };
  problems: Problem[];
}
