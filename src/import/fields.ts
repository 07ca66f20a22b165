// Guessing which attribute of a planner's register holds what. Field names come from Vietnamese
// practice (ten_qh, cap_qh, so_qd, ngay_pd, …), truncated to 10 characters by dBASE, in any case,
// with or without diacritics; values are "1/500", "Chi tiết", "Đã phê duyệt", "12/03/2021", ….
import type { AnyCollection, AnyFeature } from './types.ts';
import { isRecord } from './types.ts';
import { foldKey, parseLevel, parseStatus } from '../plans/vocabulary.ts';

export { foldKey, parseLevel, parseStatus };
export type { PlanLevel, PlanStatus } from '../plans/vocabulary.ts';

export type PlanField = 'id' | 'name' | 'level' | 'status' | 'decision' | 'date';

/** For each of our fields, the source attribute it is read from (null = none). */
export type FieldMapping = Record<PlanField, string | null>;

export const PLAN_FIELDS: readonly PlanField[] = ['id', 'name', 'level', 'status', 'decision', 'date'];

// Candidate names per field, folded, best first.
const CANDIDATES: Readonly<Record<PlanField, readonly string[]>> = {
  id: ['id', 'maqh', 'ma', 'madoan', 'code', 'planid'],
  // A DXF drawing has no better-named fields: the name is the `text` standing inside the outline,
  // else its DXF `layer`. (Layers are not guessed as levels: "0" or "RANH_GIOI" would make plans not count.)
  name: ['tenqh', 'tenquyhoach', 'tendoan', 'tenquyhoa', 'ten', 'name', 'planname', 'tendoanqh', 'text', 'layer'],
  level: ['capqh', 'cap', 'tyle', 'loaiqh', 'loai', 'level', 'scale', 'capdo'],
  status: ['trangthai', 'tinhtrang', 'status', 'trangthaiq', 'tinhtrangq'],
  decision: ['soqd', 'quyetdinh', 'sqd', 'decision', 'soquyetdin', 'soqdpd'],
  date: ['ngayqd', 'ngaypd', 'ngayduyet', 'ngaypheduy', 'date', 'approvedon', 'ngay'],
};

/** The mapping guessed from the attribute names present in the collection. */
export function guessMapping(fields: readonly string[]): FieldMapping {
  const byFolded = new Map<string, string>();
  for (const f of fields) if (!byFolded.has(foldKey(f))) byFolded.set(foldKey(f), f);
  const used = new Set<string>();
  const mapping = {} as FieldMapping;
  for (const field of PLAN_FIELDS) {
    const hit = CANDIDATES[field].map((c) => byFolded.get(c)).find((f) => f !== undefined && !used.has(f));
    mapping[field] = hit ?? null;
    if (hit !== undefined) used.add(hit);
  }
  return mapping;
}

export function fieldsOf(fc: AnyCollection): string[] {
  const seen = new Set<string>();
  for (const f of fc.features) {
    // A hostile file may hold non-objects in features; the checker reports them.
    const props = isRecord(f) && isRecord(f.properties) ? f.properties : {};
    for (const k of Object.keys(props)) seen.add(k);
  }
  return [...seen];
}

function isoDate(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** dd/mm/yyyy (Vietnamese order; also with - or .) and yyyy-mm-dd (or /) → "yyyy-mm-dd"; else null. */
export function parseDate(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const v = value.trim();
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(v);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(v);
  if (m) return isoDate(Number(m[3]), Number(m[2]), Number(m[1]));
  return null;
}

function vocabularyValue<T extends string>(value: unknown, parse: (v: unknown) => T | null, missing: T): string {
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) return missing;
  return parse(value) ?? String(value).trim();
}

function text(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

export interface MappingOptions {
  /** Names the features in `geometry_source` and makes fallback ids ("plans.zip" → "plans-1"). */
  fileName: string;
}

/**
 * Features with the plan schema (what src/validation's "plans" rules expect): id, name, level, status,
 * decision, approved_on, plus the provenance fields every project layer has; the original
 * attributes are kept under `source_properties`. A missing level / status is the default (approved
 * detailed plan); one the vocabulary does not know is kept as written and reported by the checker.
 */
export function applyMapping(fc: AnyCollection, mapping: FieldMapping, options: MappingOptions): AnyCollection {
  const stemName = options.fileName.replace(/\.[^.]*$/, '').replace(/[^\p{L}\p{N}_-]+/gu, '-') || 'import';
  const read = (f: AnyFeature, field: PlanField): unknown => {
    const source = mapping[field];
    return source === null || !isRecord(f.properties) ? undefined : f.properties[source];
  };
  const features = fc.features.map((f, i): AnyFeature => {
    if (!isRecord(f)) return f;
    const level = read(f, 'level');
    const status = read(f, 'status');
    const rawDate = read(f, 'date');
    return {
      type: 'Feature',
      // A feature without a "geometry" member stays without one, for the checker to report.
      ...(('geometry' in f ? { geometry: f.geometry } : {}) as { geometry: AnyFeature['geometry'] }),
      properties: {
        id: text(read(f, 'id')) ?? `${stemName}-${i + 1}`,
        name: text(read(f, 'name')) ?? '',
        // One rule for registers: no level / status field (or a blank cell) = an approved detailed
        // plan; a value the vocabulary knows is written canonically; an unknown one is kept as it
        // is, so the checker reports it (a warning) and the engine leaves the plan out.
        level: vocabularyValue(level, parseLevel, 'detailed'),
        status: vocabularyValue(status, parseStatus, 'approved'),
        decision: text(read(f, 'decision')),
        approved_on: rawDate === undefined || rawDate === null || rawDate === '' ? null : (parseDate(rawDate) ?? null),
        geometry_source: `imported from ${options.fileName}`,
        provenance: 'official',
        demo: false,
        source_properties: isRecord(f.properties) ? { ...f.properties } : {},
      },
    };
  });
  return { type: 'FeatureCollection', features };
}

/**
 * The attribute names for the mapping dialog, at most `max` of them (a hostile file can have
 * 100,000: each would become an option of every select), and whether there were more.
 */
export function fieldsUpTo(fc: AnyCollection, max: number): { fields: string[]; more: boolean } {
  const seen = new Set<string>();
  for (const f of fc.features) {
    const props = isRecord(f) && isRecord(f.properties) ? f.properties : {};
    for (const k of Object.keys(props)) {
      if (seen.has(k)) continue;
      if (seen.size >= max) return { fields: [...seen], more: true };
      seen.add(k);
    }
  }
  return { fields: [...seen], more: false };
}
