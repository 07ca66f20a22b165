// Types of geodata/resolution.json: the 2025 targets of resolution 162-NQ/TU (Bắc Giang, 10 Sep
// 2021) with their actuals, the milestones of the plan, the legal criteria for a phường / thị xã and
// the per-unit figures they are checked against. Pure data: no DOM, no fs.
//
// Rules the file follows (checked by validate.ts): every number carries a source and a confidence;
// a gap is a null value plus a note (NO_FIGURE); dates are real calendar dates written at their
// precision; unit ids are the 5-digit codes of geodata/units-2021.geojson.

/** The facts files' scale: H = legal text or two agreeing sources, M = one reputable secondary
 * source, U = unverified (the derived item must be labelled indicative). */
export type Confidence = 'H' | 'M' | 'U';
export const CONFIDENCES: readonly Confidence[] = ['H', 'M', 'U'];

/** The map periods (same values as the layer catalog's Period). */
export type MapPeriod = '2021' | '2024' | '2025';
export const MAP_PERIODS: readonly MapPeriod[] = ['2021', '2024', '2025'];

/** The note that marks a gap. */
export const NO_FIGURE = 'no published figure found';
/** The note that marks a milestone whose actual date is unknown. */
export const NO_RECORD = 'no record found';

export interface Label {
  vi: string;
  en: string;
}

/** Where a value comes from. `date` is the document's (or page's) date at its precision
 * ("2021-09-10", "2022-03", "2022") or null for an undated page; then `url` or `page` says where. */
export interface Source {
  document: string;
  date: string | null;
  url?: string;
  /** Site or dataset named without a full address (as the facts files give it). */
  page?: string;
  note?: string;
}

export type Precision = 'day' | 'month' | 'quarter' | 'year';
export const PRECISIONS: readonly Precision[] = ['day', 'month', 'quarter', 'year'];

/** A date or a period, written at its precision: day "2021-10-15", month "2021-10", quarter
 * "2023-Q1", year "2022". */
export interface DateSpec {
  date: string;
  precision: Precision;
}

/** A dated fact with its own source (a planned deadline, an actual date). */
export interface DatedFact extends DateSpec {
  source: Source;
  confidence: Confidence;
  note?: string;
}

// ---------------------------------------------------------------------------------------------
// Targets

export type Comparator = 'gt' | 'gte' | 'lt' | 'lte' | 'range' | 'eq' | 'by_date';
export const COMPARATORS: readonly Comparator[] = ['gt', 'gte', 'lt', 'lte', 'range', 'eq', 'by_date'];

/** Which area a figure is about. */
export type Scope = 'town' | 'inner_area' | 'district_level' | 'commune_level' | 'slated_units';
export const SCOPES: readonly Scope[] = ['town', 'inner_area', 'district_level', 'commune_level', 'slated_units'];

/** A measured value. For a `by_date` target `value` is the ISO day date ("2024-02-01") on which
 * the thing happened; otherwise a number in the target's unit. */
export interface Actual {
  value: number | string;
  /** Reference year of the figure (for a period average: its last year). */
  year: number;
  source: Source;
  confidence: Confidence;
  note?: string;
}

interface TargetBase {
  id: string;
  label: Label;
  scope: Scope;
  /** Unit of the value(s): "%", "%/yr", "people", "beds per 10,000 people", … ("date" for by_date). */
  unit: string;
  /** Year the target is for (2025 for most). */
  year: number;
  /** Source and confidence of the target itself (its value(s) or deadline). */
  source: Source;
  confidence: Confidence;
  note?: string;
  /** Oldest first; the status uses the one with the latest year. */
  actuals: Actual[];
  /** Why there is no actual (required when `actuals` is empty, unless `computed`). */
  gap_note?: string;
  /** The app computes the actual itself ("coverage": the live detailed-plan coverage engine). */
  computed?: 'coverage';
}

/** gt/gte/lt/lte/eq: compare with `value`. `value` null = the target's figure is itself a gap
 * (then `value_note` says so). */
export interface NumericTarget extends TargetBase {
  comparator: 'gt' | 'gte' | 'lt' | 'lte' | 'eq';
  value: number | null;
  value_note?: string;
}

/** range: min ≤ actual ≤ max (inclusive; above max is not "met"). */
export interface RangeTarget extends TargetBase {
  comparator: 'range';
  min: number;
  max: number;
}

/** by_date: the thing must happen no later than the end of `deadline` (at its precision). */
export interface DateTarget extends TargetBase {
  comparator: 'by_date';
  deadline: DateSpec;
}

export type Target = NumericTarget | RangeTarget | DateTarget;

// ---------------------------------------------------------------------------------------------
// Milestones

export interface Milestone {
  id: string;
  label: Label;
  /** The deadline or period the resolution (or a follow-up document) set; null = not scheduled. */
  planned: DatedFact | null;
  /** Required when `planned` is null. */
  planned_note?: string;
  /** When it happened; null = no record (then `actual_note`, normally NO_RECORD + details). */
  actual: DatedFact | null;
  actual_note?: string;
  /** Number of the document that is (or records) the milestone, null when unknown. */
  document: string | null;
  source: Source;
  confidence: Confidence;
  /** Map period in force on the milestone's date: before 1 Feb 2024 "2021", to 30 Jun 2025 "2024",
   * from 1 Jul 2025 "2025". */
  period: MapPeriod;
  /** Units (codes of units-2021.geojson) the milestone names or acts on; [] when it names none. */
  units: string[];
  note?: string;
}

// ---------------------------------------------------------------------------------------------
// Legal criteria

export type Measure =
  | 'population'
  | 'area_km2'
  | 'infrastructure_recognised'
  | 'socio_economic'
  | 'commune_units'
  | 'ward_share_pct'
  | 'urban_type';
export const MEASURES: readonly Measure[] = [
  'population',
  'area_km2',
  'infrastructure_recognised',
  'socio_economic',
  'commune_units',
  'ward_share_pct',
  'urban_type',
];

/** population/area/units/share: `gte` a number; infrastructure: `eq` true; urban type: `in` a list.
 * `value` null = threshold not found (then `value_note`). */
export interface Criterion {
  id: string;
  label: Label;
  measure: Measure;
  comparator: 'gte' | 'eq' | 'in';
  value: number | boolean | string[] | null;
  value_note?: string;
  unit: string;
  article: string;
  source: Source;
  confidence: Confidence;
  note?: string;
}

export type CriteriaSubject = 'phuong_of_thi_xa' | 'thi_xa' | 'phuong';
export const CRITERIA_SUBJECTS: readonly CriteriaSubject[] = ['phuong_of_thi_xa', 'thi_xa', 'phuong'];

export interface CriteriaSet {
  id: string;
  label: Label;
  applies_to: CriteriaSubject;
  law: string;
  article: string;
  /** Day dates; `to` null = still in force. */
  in_force: { from: string; to: string | null };
  source: Source;
  confidence: Confidence;
  criteria: Criterion[];
  note?: string;
}

// ---------------------------------------------------------------------------------------------
// Figures the criteria are checked against

/** A figure or a gap. value non-null ⇒ year, source and confidence non-null;
 * value null ⇒ `note` (NO_FIGURE or the reason). */
export interface Figure<V = number> {
  value: V | null;
  year: number | null;
  source: Source | null;
  confidence: Confidence | null;
  note?: string;
}

export interface UnitFigures {
  unit_id: string;
  name: string;
  /** Official natural area, km² (not the schematic map area). */
  area_km2: Figure;
  population: Figure;
  /** Urban infrastructure recognised for a phường (Điều 8 k4): true for the nine (956/QĐ-BXD). */
  infrastructure_recognised: Figure<boolean>;
  /** Exceptions and caveats (e.g. Tăng Tiến's area below 5.5 km²), shown on screen: bilingual. */
  notes: Label[];
}

export interface TownFigures {
  area_km2: Figure;
  population: Figure;
  commune_units: Figure;
  wards: Figure;
  urban_type: Figure<string>;
  notes: Label[];
}

export interface ResolutionFile {
  format: 'viet-yen-resolution';
  version: 1;
  resolution: { document: string; date: string; issuer: Label; title: Label; source: Source; confidence: Confidence };
  about: Label;
  confidence_scale: Record<Confidence, string>;
  targets: Target[];
  milestones: Milestone[];
  criteria: CriteriaSet[];
  unit_figures: UnitFigures[];
  town_figures: TownFigures;
}

export const RESOLUTION_FORMAT = 'viet-yen-resolution';
export const RESOLUTION_VERSION = 1;
