// Dates at a precision ("2021-10-15", "2021-10", "2023-Q1", "2022") as closed intervals of UTC day
// numbers. Only real calendar dates parse: "2023-02-30" and "2023-13" do not.
import type { DateSpec, MapPeriod, Precision } from './types.ts';

/** Closed interval of days since 1970-01-01 (UTC). */
export interface DayInterval {
  start: number;
  end: number;
}

const DAY_MS = 86_400_000;

function dayNumber(year: number, month: number, day: number): number {
  return Math.round(Date.UTC(year, month - 1, day) / DAY_MS);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Years outside this range are typos in this file's context. */
const MIN_YEAR = 1900;
const MAX_YEAR = 2100;

const PATTERNS: Readonly<Record<Precision, RegExp>> = {
  day: /^(\d{4})-(\d{2})-(\d{2})$/,
  month: /^(\d{4})-(\d{2})$/,
  quarter: /^(\d{4})-Q([1-4])$/,
  year: /^(\d{4})$/,
};

/** The interval a date string covers at the given precision; null when malformed or not a real date. */
export function intervalAt(text: string, precision: Precision): DayInterval | null {
  const m = PATTERNS[precision].exec(text);
  if (m === null) return null;
  const year = Number(m[1]);
  if (year < MIN_YEAR || year > MAX_YEAR) return null;
  switch (precision) {
    case 'year':
      return { start: dayNumber(year, 1, 1), end: dayNumber(year, 12, 31) };
    case 'quarter': {
      const q = Number(m[2]);
      const first = 3 * (q - 1) + 1;
      return { start: dayNumber(year, first, 1), end: dayNumber(year, first + 2, daysInMonth(year, first + 2)) };
    }
    case 'month': {
      const month = Number(m[2]);
      if (month < 1 || month > 12) return null;
      return { start: dayNumber(year, month, 1), end: dayNumber(year, month, daysInMonth(year, month)) };
    }
    case 'day': {
      const month = Number(m[2]);
      const day = Number(m[3]);
      if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
      const n = dayNumber(year, month, day);
      return { start: n, end: n };
    }
  }
}

export function intervalOf(spec: DateSpec): DayInterval | null {
  return intervalAt(spec.date, spec.precision);
}

/** The precision a date string is written at, whatever it is (null when it matches none). */
export function precisionOf(text: string): Precision | null {
  for (const p of ['day', 'month', 'quarter', 'year'] as const) if (PATTERNS[p].test(text)) return p;
  return null;
}

/** A date string at any precision (as in Source.date); null when it is not a real date. */
export function parseAnyDate(text: string): DayInterval | null {
  const p = precisionOf(text);
  return p === null ? null : intervalAt(text, p);
}

/** A day date "YYYY-MM-DD" as a day number, null when not a real calendar day. */
export function parseDay(text: string): number | null {
  const i = intervalAt(text, 'day');
  return i === null ? null : i.start;
}

/** The map periods as day ranges: the thị xã from 1 Feb 2024 (938/NQ-UBTVQH15), the merged
 * province's wards from 1 Jul 2025 (1658/NQ-UBTVQH15). */
const THI_XA_DAY = dayNumber(2024, 2, 1);
const MERGER_DAY = dayNumber(2025, 7, 1);
export const PERIOD_RANGES: readonly { period: MapPeriod; start: number; end: number }[] = [
  { period: '2021', start: -Infinity, end: THI_XA_DAY - 1 },
  { period: '2024', start: THI_XA_DAY, end: MERGER_DAY - 1 },
  { period: '2025', start: MERGER_DAY, end: Infinity },
];

export function periodOfDay(day: number): MapPeriod {
  return PERIOD_RANGES.find((r) => day >= r.start && day <= r.end)!.period;
}

/** The periods an interval touches (one for a day; a year may straddle two). */
export function periodsOf(interval: DayInterval): MapPeriod[] {
  return PERIOD_RANGES.filter((r) => interval.start <= r.end && interval.end >= r.start).map((r) => r.period);
}
