// Imported features → table rows (sql/schema.sql), with the engine's own id, name, slated and
// level/status readings (src/coverage/unit-id.ts, src/coverage/plan-filter.ts), so the database and
// the engine see the same register. Pure: no driver, no Node APIs.
import type { InputFeature } from '../coverage/types.ts';
import { planLevel, planStatus } from '../coverage/plan-filter.ts';
import { approvalDate } from '../coverage/approval-date.ts';
import { isSlated, planId, uniqueIds, unitId, unitName } from '../coverage/unit-id.ts';

export interface SourcedFeature {
  feature: InputFeature;
  /** The file it came from (base name). */
  file: string;
}

export interface UnitRow {
  ord: number;
  id: string;
  name: string;
  slated: boolean;
  geometry_source: string | null;
  source_file: string;
  properties: string | null;
  geojson: string | null;
}

export interface PlanRow {
  ord: number;
  id: string;
  source_id: string;
  name: string | null;
  level: string | null;
  level_source: string | null;
  status: string | null;
  status_source: string | null;
  decision: string | null;
  approved_on: string | null;
  demo: boolean;
  source_file: string;
  properties: string | null;
  geojson: string | null;
}

const props = (f: InputFeature): Record<string, unknown> => (f.properties ?? {}) as Record<string, unknown>;
/** PostgreSQL text holds no NUL character and jsonb no lone surrogate: both become U+FFFD (the rest stays as written). */
export const pgText = (s: string): string => s.replace(/\0|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? pgText(v) : typeof v === 'number' && Number.isFinite(v) ? String(v) : null);
const json = (v: unknown): string | null => (v === null || v === undefined ? null : JSON.stringify(v, (_k, x: unknown) => (typeof x === 'string' ? pgText(x) : x)));
const geojson = (f: InputFeature): string | null => (f.geometry ? JSON.stringify(f.geometry) : null);

export function unitRows(input: readonly SourcedFeature[]): UnitRow[] {
  return input.map(({ feature: f, file }, ord) => ({
    ord,
    id: pgText(unitId(f, ord)),
    name: pgText(unitName(f)),
    slated: isSlated(f),
    geometry_source: text(props(f).geometry_source),
    source_file: pgText(file),
    properties: json(f.properties),
    geojson: geojson(f),
  }));
}

/**
 * Plans in register order: ids made unique as the engine makes them ("#2", "#3"…, the original
 * kept in source_id); level and status canonical when the vocabulary knows them, NULL when not
 * given; the value as written kept in level_source / status_source.
 */
export function planRows(input: readonly SourcedFeature[]): PlanRow[] {
  const sourceIds = input.map(({ feature }, i) => pgText(planId(feature, i)));
  const { ids } = uniqueIds(sourceIds);
  return input.map(({ feature: f, file }, ord) => {
    const p = props(f);
    const level = planLevel(f);
    const status = planStatus(f);
    // As the engine reads it (approved_on, ngay_phe_duyet…, ISO or day-first): an unreadable date is NULL.
    const approved = approvalDate(f);
    return {
      ord,
      id: ids[ord]!,
      source_id: sourceIds[ord]!,
      name: text(p.name),
      level: typeof level === 'string' ? level : null,
      level_source: level === undefined ? null : pgText(String(p.level)),
      status: typeof status === 'string' ? status : null,
      status_source: status === undefined ? null : pgText(String(p.status)),
      decision: text(p.decision),
      approved_on: typeof approved === 'string' ? approved : null,
      demo: p.demo === true || p.provenance === 'demonstration',
      source_file: pgText(file),
      properties: json(f.properties),
      geojson: geojson(f),
    };
  });
}

/** Columns of a batch as parallel arrays, in the order of the insert statements' $n. */
export function unitColumns(rows: readonly UnitRow[]): unknown[][] {
  return [rows.map((r) => r.ord), rows.map((r) => r.id), rows.map((r) => r.name), rows.map((r) => r.slated), rows.map((r) => r.geometry_source),
    rows.map((r) => r.source_file), rows.map((r) => r.properties), rows.map((r) => r.geojson)];
}

export function planColumns(rows: readonly PlanRow[]): unknown[][] {
  return [rows.map((r) => r.ord), rows.map((r) => r.id), rows.map((r) => r.source_id), rows.map((r) => r.name), rows.map((r) => r.level),
    rows.map((r) => r.level_source), rows.map((r) => r.status), rows.map((r) => r.status_source), rows.map((r) => r.decision),
    rows.map((r) => r.approved_on), rows.map((r) => r.demo), rows.map((r) => r.source_file), rows.map((r) => r.properties), rows.map((r) => r.geojson)];
}
