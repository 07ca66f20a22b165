// Guessing which attribute of a planner's register holds what. Field names come from Vietnamese
// practice (ten_qh, cap_qh, so_qd, ngay_pd, …), truncated to 10 characters by dBASE, in any case,
// with or without diacritics; values are "1/500", "Chi tiết", "Đã phê duyệt", "12/03/2021", ….
import type { AnyCollection, AnyFeature } from './types.ts';
import { isRecord } from './types.ts';

export type PlanField = 'id' | 'name' | 'level' | 'status' | 'decision' | 'date';

/** For each of our fields, the source attribute it is read from (null = none). */
export type FieldMapping = Record<PlanField, string | null>;

export const PLAN_FIELDS: readonly PlanField[] = ['id', 'name', 'level', 'status', 'decision', 'date'];

/** Lower case, no diacritics, đ → d, separators dropped: "Tên_QH" → "tenqh". */
export function foldKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

// Candidate names per field, folded, best first.
const CANDIDATES: Readonly<Record<PlanField, readonly string[]>> = {
  id: ['id', 'maqh', 'ma', 'madoan', 'code', 'planid'],
  name: ['tenqh', 'tenquyhoach', 'tendoan', 'tenquyhoa', 'ten', 'name', 'planname', 'tendoanqh'],
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

export type PlanLevel = 'detailed' | 'zoning';
export type PlanStatus = 'approved' | 'in_preparation';

/** "1/500", "1:500", "QHCT", "chi tiết" → detailed; "1/2000", "1/2.000", "QHPK", "phân khu" → zoning. */
export function parseLevel(value: unknown): PlanLevel | null {
  if (typeof value === 'number') return value === 500 ? 'detailed' : value === 2000 ? 'zoning' : null;
  if (typeof value !== 'string') return null;
  const v = foldKey(value);
  if (/^1500$|chitiet|qhct|detail/.test(v)) return 'detailed';
  if (/^12000$|phankhu|qhpk|zoning/.test(v)) return 'zoning';
  return null;
}

/** "Đã phê duyệt", "da phe duyet", "approved" → approved; "đang lập", "in preparation" → in_preparation. */
export function parseStatus(value: unknown): PlanStatus | null {
  if (typeof value !== 'string') return null;
  const v = foldKey(value);
  if (/dapheduyet|pheduyet|daduyet|approved|hieuluc/.test(v)) return 'approved';
  if (/danglap|dangtrinh|inpreparation|chuaduyet|draft|preparation/.test(v)) return 'in_preparation';
  return null;
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
 * attributes are kept under `source_properties`. Values that cannot be read become null, which the
 * checker then reports per feature ("property "level" is null, expected one of …").
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
      geometry: f.geometry,
      properties: {
        id: text(read(f, 'id')) ?? `${stemName}-${i + 1}`,
        name: text(read(f, 'name')) ?? '',
        level: parseLevel(level),
        status: parseStatus(status),
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
