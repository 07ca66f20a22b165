// A plan's approval (decision) date, for coverage "as of" a date (issue 16). Registers name the
// field in English or Vietnamese and write the date ISO (2019-12-31) or the Vietnamese way
// (31/12/2019); anything else is unreadable, never guessed (a bare year could be any day of it).
import { foldKey } from '../plans/vocabulary';
import type { InputFeature } from './types';

/** Field names, folded (foldKey): approved_on, "Ngày phê duyệt", ngay_duyet, approval_date. */
const FIELDS = new Set(['approvedon', 'ngaypheduyet', 'ngayduyet', 'approvaldate']);

/** The date as YYYY-MM-DD, `{ unreadable }` for a value that is not a date, undefined when absent. */
export type ApprovalDate = string | { unreadable: string } | undefined;

/** YYYY-MM-DD naming a real calendar day. */
export function isIsoDate(v: unknown): v is string {
  if (typeof v !== 'string') return false;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  return m !== null && validDay(+m[1]!, +m[2]!, +m[3]!);
}

function validDay(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  // Day 0 of the next month is the last day of this one (UTC: no time zone shifts).
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

const pad = (n: number, w: number): string => String(n).padStart(w, '0');

/** "2019-12-31", "2019-12-31T00:00:00Z", "31/12/2019", "31-12-2019", "31.12.2019" → "2019-12-31"; else null. */
export function parseDate(v: unknown): string | null {
  if (typeof v !== 'string') return null;
  const s = v.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(s);
  if (m) return validDay(+m[1]!, +m[2]!, +m[3]!) ? `${m[1]}-${pad(+m[2]!, 2)}-${pad(+m[3]!, 2)}` : null;
  // Day first, as Vietnamese documents write it (never month first).
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (m) return validDay(+m[3]!, +m[2]!, +m[1]!) ? `${m[3]}-${pad(+m[2]!, 2)}-${pad(+m[1]!, 2)}` : null;
  return null;
}

export function approvalDate(f: InputFeature): ApprovalDate {
  const p = f.properties;
  if (!p) return undefined;
  for (const key of Object.keys(p)) {
    if (!FIELDS.has(foldKey(key))) continue;
    const v = p[key];
    if (v === null || v === undefined || (typeof v === 'string' && v.trim() === '')) continue;
    return parseDate(v) ?? { unreadable: String(v) };
  }
  return undefined;
}
