// How the Resolution view writes figures: numbers in the UI language, units in the UI language,
// dates at their precision (a quarter stays a quarter), sources as "document, date".
import type { Lang, Localized } from '../../i18n/types';
import type { Comparator, DateSpec, Source, Target } from '../../resolution/types';

const UNITS: Record<string, Localized> = {
  '%': { vi: '%', en: '%' },
  '%/yr': { vi: '%/năm', en: '%/yr' },
  'beds per 10,000 people': { vi: 'giường/vạn dân', en: 'beds per 10,000 people' },
  'billion VND (2021–2025 total)': { vi: 'tỷ đồng (tổng 2021–2025)', en: 'billion đồng (2021–2025 total)' },
  'million VND per person per year': { vi: 'triệu đồng/người/năm', en: 'million đồng per person per year' },
  units: { vi: 'đơn vị', en: 'units' },
  people: { vi: 'người', en: 'people' },
  'km²': { vi: 'km²', en: 'km²' },
  '': { vi: '', en: '' },
};

const OPS: Record<Exclude<Comparator, 'range' | 'by_date'> | 'in', string> = { gt: '>', gte: '≥', lt: '<', lte: '≤', eq: '=', in: '∈' };

export const opSymbol = (c: keyof typeof OPS): string => OPS[c];

export function unitText(unit: string, lang: Lang): string {
  return UNITS[unit]?.[lang] ?? unit;
}

export function num(n: number, lang: Lang, maxDigits = 2): string {
  return new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: maxDigits }).format(n);
}

/** Exactly `digits` decimals (a percentage: 67,5 %, 0,0 %). */
export function fixed(n: number, lang: Lang, digits: number): string {
  return new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(n);
}

/** "10/09/2021", "10/2021", "Q1/2023" (quý I/2023), "2022". */
export function dateText(spec: DateSpec | { date: string; precision?: DateSpec['precision'] }, lang: Lang): string {
  const d = spec.date;
  const q = /^(\d{4})-Q([1-4])$/.exec(d);
  if (q) return lang === 'vi' ? `quý ${['I', 'II', 'III', 'IV'][Number(q[2]) - 1]}/${q[1]}` : `Q${q[2]} ${q[1]}`;
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(d);
  if (!m) return d;
  return m[3] ? `${m[3]}/${m[2]}/${m[1]}` : `${m[2]}/${m[1]}`;
}

export function sourceText(s: Source | null, lang: Lang): string {
  if (!s) return '';
  return s.date ? `${s.document}, ${dateText({ date: s.date }, lang)}` : s.document;
}

/** "≥ 23 %/năm", "17–19 %/năm", "trước hết 2025". */
export function goalText(t: Target, lang: Lang, unknown: string, byDate: (d: string) => string): string {
  if (t.comparator === 'by_date') return byDate(dateText(t.deadline, lang));
  const u = unitText(t.unit, lang);
  if (t.comparator === 'range') return `${num(t.min, lang)}–${num(t.max, lang)} ${u}`.trim();
  if (t.value === null) return unknown;
  return `${OPS[t.comparator]} ${num(t.value, lang)} ${u}`.trim();
}
