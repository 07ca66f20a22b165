// The plan register's vocabulary, defined once: which plan levels and statuses exist, what they are
// called in each language, and how the words planners write in their own files ("1/500", "QHCT",
// "Đã phê duyệt", "đang lập", with or without tone marks) map onto them. The engine, the checker,
// the import, the CLI, the catalog and the coverage panel all read it from here.
import type { Localized } from '../i18n/types';

export const PLAN_LEVELS = ['detailed', 'zoning'] as const;
export type PlanLevel = (typeof PLAN_LEVELS)[number];

export const PLAN_STATUSES = ['approved', 'in_preparation'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

export const LEVEL_LABELS: Readonly<Record<PlanLevel, Localized>> = {
  detailed: { vi: 'Chi tiết 1/500', en: 'Detailed 1/500' },
  zoning: { vi: 'Phân khu 1/2000', en: 'Zoning 1/2000' },
};

export const STATUS_LABELS: Readonly<Record<PlanStatus, Localized>> = {
  approved: { vi: 'Đã phê duyệt', en: 'Approved' },
  in_preparation: { vi: 'Đang lập', en: 'In preparation' },
};

export const isPlanLevel = (v: unknown): v is PlanLevel => (PLAN_LEVELS as readonly unknown[]).includes(v);
export const isPlanStatus = (v: unknown): v is PlanStatus => (PLAN_STATUSES as readonly unknown[]).includes(v);

/** Lower case, no diacritics, đ → d, separators dropped: "Tên_QH" → "tenqh", "1/500" → "1500". */
export function foldKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** "1/500", "1:500", "QHCT", "chi tiết" → detailed; "1/2000", "1/2.000", "QHPK", "phân khu" → zoning. */
export function parseLevel(value: unknown): PlanLevel | null {
  if (typeof value === 'number') return value === 500 ? 'detailed' : value === 2000 ? 'zoning' : null;
  if (typeof value !== 'string') return null;
  const v = foldKey(value);
  if (/^1500$|chitiet|qhct|detail/.test(v)) return 'detailed';
  if (/^12000$|phankhu|qhpk|zoning/.test(v)) return 'zoning';
  return null;
}

/** "Đã phê duyệt", "da phe duyet", "đã duyệt", "approved" → approved; "đang lập", "đang trình", "in preparation" → in_preparation. */
export function parseStatus(value: unknown): PlanStatus | null {
  if (typeof value !== 'string') return null;
  const v = foldKey(value);
  if (/dapheduyet|pheduyet|daduyet|approved|hieuluc/.test(v)) return 'approved';
  if (/danglap|dangtrinh|inpreparation|chuaduyet|draft|preparation/.test(v)) return 'in_preparation';
  return null;
}
