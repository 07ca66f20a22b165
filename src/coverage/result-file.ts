// A coverage result as a file (`npm run coverage -- --format json`, in-process or `--db` in PostGIS):
// recognised by its shape (units, totals, options) and checked field by field before the app shows
// it, so a hand-edited or truncated file is refused with a message rather than half drawn. Pure.
import { PLAN_LEVELS, PLAN_STATUSES } from '../plans/vocabulary';
import type { CoverageResult, CoverageTotal, UnitCoverage } from './types';

/** Whether parsed JSON claims to be a coverage result (and should be read as one, not as GeoJSON). */
export function looksLikeCoverageResult(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && 'units' in v && 'totals' in v && 'options' in v && !('type' in v);
}

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isFraction = (v: unknown): v is number => isNum(v) && v >= 0 && v <= 1;

function unitProblem(u: unknown): string | null {
  if (typeof u !== 'object' || u === null) return 'is not an object';
  const r = u as Record<string, unknown>;
  if (typeof r.id !== 'string' || r.id === '') return 'has no id';
  if (typeof r.name !== 'string') return `(${r.id}) has no name`;
  if (typeof r.slated !== 'boolean' || typeof r.meets_target !== 'boolean') return `(${r.id}) has no slated / meets_target flags`;
  if (!isNum(r.area_m2) || r.area_m2 < 0 || !isNum(r.covered_m2) || r.covered_m2 < 0) return `(${r.id}) has no area_m2 / covered_m2`;
  if (!isFraction(r.coverage)) return `(${r.id}) has a coverage outside 0–1`;
  if (!Array.isArray(r.plan_ids) || !r.plan_ids.every((p) => typeof p === 'string')) return `(${r.id}) has no plan_ids`;
  return null;
}

function totalOk(t: unknown): t is CoverageTotal {
  if (typeof t !== 'object' || t === null) return false;
  const r = t as Record<string, unknown>;
  return isNum(r.units) && isNum(r.area_m2) && isNum(r.covered_m2) && isFraction(r.coverage) && isNum(r.units_meeting_target);
}

/** The result in `text`, or why it cannot be shown; null when the text is not a coverage result at all. */
export function parseCoverageResult(text: string, fileName: string): { ok: true; result: CoverageResult } | { ok: false; error: string } | null {
  let v: unknown;
  try {
    v = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return null;
  }
  if (!looksLikeCoverageResult(v)) return null;
  const bad = (why: string) => ({ ok: false as const, error: `${fileName}: not a usable coverage result: ${why}` });
  if (!Array.isArray(v.units)) return bad('"units" is not a list');
  for (let i = 0; i < v.units.length; i++) {
    const p = unitProblem(v.units[i]);
    if (p) return bad(`unit ${i} ${p}`);
  }
  const ids = new Set((v.units as UnitCoverage[]).map((u) => u.id));
  if (ids.size !== v.units.length) return bad('unit ids repeat');
  const totals = v.totals as Record<string, unknown>;
  if (typeof totals !== 'object' || totals === null || !['slated', 'other', 'district'].every((k) => totalOk(totals[k]))) return bad('"totals" lacks slated / other / district');
  const o = v.options as Record<string, unknown>;
  if (typeof o !== 'object' || o === null || !Array.isArray(o.levels) || !Array.isArray(o.statuses) || !isFraction(o.target)
    || !o.levels.every((l) => (PLAN_LEVELS as readonly unknown[]).includes(l)) || !o.statuses.every((s) => (PLAN_STATUSES as readonly unknown[]).includes(s))) {
    return bad('"options" are not levels, statuses and a target fraction');
  }
  const plans = (v.plans ?? { counted: 0, excluded: [] }) as Record<string, unknown>;
  if (!isNum(plans.counted) || !Array.isArray(plans.excluded)) return bad('"plans" has no counted / excluded');
  const result: CoverageResult = {
    units: v.units as UnitCoverage[],
    totals: { slated: totals.slated as CoverageTotal, other: totals.other as CoverageTotal, district: totals.district as CoverageTotal },
    options: { levels: [...(o.levels as CoverageResult['options']['levels'])], statuses: [...(o.statuses as CoverageResult['options']['statuses'])], target: o.target },
    plans: { counted: plans.counted, excluded: plans.excluded as CoverageResult['plans']['excluded'] },
    problems: Array.isArray(v.problems) ? (v.problems as CoverageResult['problems']) : [],
    // Files written before issue 16 have no as_of: they had no date filter.
    as_of: typeof v.as_of === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v.as_of) ? v.as_of : null,
  };
  return { ok: true, result };
}
