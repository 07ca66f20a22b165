// Public types of the detailed-plan coverage engine (issue 4). Plain data only, so results can
// cross a Web Worker boundary (structured clone) and be written as JSON by the CLI.
import type { Feature, FeatureCollection, Geometry, GeoJsonProperties, MultiPolygon, Polygon } from 'geojson';

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
  /**
   * Coverage as of this date (YYYY-MM-DD): plans approved after it do not count, nor plans without
   * an approval date. null (or absent) = no date filter. Proposals are never date-filtered.
   */
  asOf?: string | null;
  /**
   * Whether proposals (features with `properties.proposal === true`: what-if plans the user drew)
   * count. Default true.
   */
  proposals?: boolean;
}

const defaults: CoverageOptions = { levels: ['detailed'], statuses: ['approved'], target: 0.8, asOf: null, proposals: true };
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
  | 'invalid_geometry'
  /** options.asOf is set and the plan was approved after it */
  | 'approved_after_as_of'
  /**
   * options.asOf is set and the plan has no (readable) approval date: whether it existed on that
   * date is unknown, and a date is never guessed.
   */
  | 'no_approval_date'
  /** a proposal while options.proposals is false */
  | 'proposal_not_counted';

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
  /**
   * Present (and only) when a counting proposal meets the unit: the covered area and coverage
   * without any proposal, to show "72,4 % → 81,0 % với đề xuất".
   */
  base_covered_m2?: number;
  base_coverage?: number;
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
  /** options.asOf echoed (null = no date filter) */
  as_of: string | null;
}

/** A unit's gap to the target: the part of it no counting plan covers. */
export interface GapUnit {
  unit_id: string;
  name: string;
  slated: boolean;
  area_m2: number;
  covered_m2: number;
  /** area_m2 − covered_m2 (the gap pieces' total area) */
  gap_m2: number;
  /** max(0, target × area_m2 − covered_m2): what must still be planned to reach the target */
  shortfall_m2: number;
}

export interface GapPieceProperties {
  unit_id: string;
  unit_name: string;
  area_m2: number;
  /** 1 = the largest piece in its unit */
  rank: number;
}

export interface GapsResult {
  as_of: string | null;
  target: number;
  units: GapUnit[];
  /** WGS 84 polygons, one per connected gap piece, per unit in unit order, largest first */
  pieces: FeatureCollection<Polygon | MultiPolygon, GapPieceProperties>;
}
