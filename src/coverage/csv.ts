// CSV export of a coverage result, for Excel users: UTF-8 BOM (so Excel reads Vietnamese),
// bilingual header, RFC 4180 quoting, and formula-injection neutralised (OWASP: a leading
// = + - @ in a cell is prefixed with an apostrophe). Hand-written: ~30 lines, no CSV library in deps.
// Three comment lines ('#') come first: the plan register(s) counted — saying so when it is the
// demonstration register —, the options, and which unit boundaries (the bundled 2021 ones are schematic).
import type { CoverageResult } from './types';

export interface CsvOptions {
  lang: 'vi' | 'en';
  /** Names of the plan registers counted (the demonstration register under its localized name, file or layer names). */
  registers: string[];
  /** Whether the bundled demonstration register counts: the numbers are then not real figures. */
  demo: boolean;
  /** The unit boundaries used, when not the bundled (schematic) 2021 units. */
  units?: { name: string; schematic: boolean };
  /** Date stamped in the header lines (default: today); tests pass a fixed one. */
  date?: Date;
}

/** Escape one field: quotes doubled, quoted when needed, formula triggers defused. */
export function csvField(value: string | number | boolean): string {
  let s = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const HEADERS = {
  vi: ['Mã đơn vị (Unit id)', 'Đơn vị (Unit)', 'Thuộc diện (Slated)', 'Diện tích ha (Area ha)', 'Đã phủ ha (Covered ha)', 'Tỷ lệ phủ % (Coverage %)', 'Đạt mục tiêu (Meets target)', 'Số quy hoạch (Plan count)'],
  en: ['Unit id (Mã đơn vị)', 'Unit (Đơn vị)', 'Slated (Thuộc diện)', 'Area ha (Diện tích ha)', 'Covered ha (Đã phủ ha)', 'Coverage % (Tỷ lệ phủ %)', 'Meets target (Đạt mục tiêu)', 'Plan count (Số quy hoạch)'],
} as const;

const WORDS = {
  vi: {
    yes: 'có', no: 'không', levels: 'Cấp quy hoạch', statuses: 'Trạng thái', target: 'Mục tiêu', date: 'Ngày', rule: 'đạt khi tỷ lệ phủ lớn hơn mục tiêu',
    registers: 'Sổ quy hoạch', none: 'không có', demo: 'DỮ LIỆU TRÌNH DIỄN (giả định) — không phải số liệu thật',
    units: 'Ranh giới đơn vị', asOf: 'Tính đến ngày (chỉ quy hoạch phê duyệt đến ngày này)', bundled: '17 xã và thị trấn năm 2021 có sẵn', schematic: 'ranh giới xã 2021 là sơ đồ (không phải ranh giới pháp lý)', loaded: 'tệp đã nạp',
  },
  en: {
    yes: 'yes', no: 'no', levels: 'Levels', statuses: 'Statuses', target: 'Target', date: 'Date', rule: 'met when coverage is more than the target',
    registers: 'Plan registers', none: 'none', demo: 'DEMONSTRATION DATA (fictional) — not real figures',
    units: 'Unit boundaries', asOf: 'As of (plans approved by this day only)', bundled: 'the bundled 17 units of 2021', schematic: '2021 commune boundaries are schematic (not legal boundaries)', loaded: 'loaded file',
  },
} as const;

export function coverageToCsv(result: CoverageResult, { lang, date = new Date(), registers, demo, units }: CsvOptions): string {
  const w = WORDS[lang];
  const yn = (b: boolean): string => (b ? w.yes : w.no);
  const o = result.options;
  const schematic = units ? units.schematic : true;
  const lines: string[] = [
    // Comment lines start with '#': spreadsheet users see the register and options next to the numbers.
    csvField(`# ${w.registers}: ${registers.length ? registers.join(' + ') : w.none}${demo ? ` — ${w.demo}` : ''}`),
    [`# ${w.levels}: ${o.levels.join(' + ')}`, `${w.statuses}: ${o.statuses.join(' + ')}`, `${w.target}: > ${+(o.target * 100).toFixed(4)}% (${w.rule})`,
      // Only for coverage as of a date (issue 16): a dated table must say so.
      ...(result.as_of ? [`${w.asOf}: ${result.as_of}`] : []), `${w.date}: ${date.toISOString().slice(0, 10)}`]
      .map(csvField)
      .join(','),
    csvField(`# ${w.units}: ${units ? `${units.name} (${w.loaded})` : w.bundled}${schematic ? ` — ${w.schematic}` : ''}`),
    HEADERS[lang].map(csvField).join(','),
  ];
  for (const u of result.units) {
    lines.push(
      [u.id, u.name, yn(u.slated), (u.area_m2 / 1e4).toFixed(4), (u.covered_m2 / 1e4).toFixed(4), (u.coverage * 100).toFixed(2), yn(u.meets_target), u.plan_ids.length]
        .map(csvField)
        .join(','),
    );
  }
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}
