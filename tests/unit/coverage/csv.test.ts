import { describe, expect, it } from 'vitest';
import { coverageToCsv, csvField } from '../../../src/coverage/csv';
import type { CoverageResult } from '../../../src/coverage/types';

const result: CoverageResult = {
  units: [
    { id: '07774', name: 'Tự Lạn', slated: true, area_m2: 9_317_800, covered_m2: 7_500_000, coverage: 0.80491, meets_target: true, plan_ids: ['a', 'b'] },
    { id: '=HYPERLINK("x")', name: 'Say "hi", then\nleave', slated: false, area_m2: 0, covered_m2: 0, coverage: 0, meets_target: false, plan_ids: [] },
  ],
  totals: {
    slated: { units: 1, area_m2: 9_317_800, covered_m2: 7_500_000, coverage: 0.80491, units_meeting_target: 1 },
    other: { units: 1, area_m2: 0, covered_m2: 0, coverage: 0, units_meeting_target: 0 },
    district: { units: 2, area_m2: 9_317_800, covered_m2: 7_500_000, coverage: 0.80491, units_meeting_target: 1 },
  },
  options: { levels: ['detailed', 'zoning'], statuses: ['approved'], target: 0.8 },
  plans: { counted: 2, excluded: [] },
  problems: [],
  as_of: null,
};
const date = new Date('2026-11-27T10:00:00Z');

/** Minimal RFC 4180 reader, to check that what we write parses back to the same cells. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let q = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (q) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') q = false;
      else cell += c;
    } else if (c === '"') q = true;
    else if (c === ',') row.push(cell), (cell = '');
    else if (c === '\r' && text[i + 1] === '\n') (row.push(cell), rows.push(row), (row = []), (cell = ''), i++);
    else cell += c;
  }
  return rows;
}

describe('csvField', () => {
  it('quotes commas, quotes and newlines', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "x"')).toBe('"say ""x"""');
    expect(csvField('l1\nl2')).toBe('"l1\nl2"');
    expect(csvField('plain')).toBe('plain');
  });
  it('neutralises formula injection in text, not in numbers', () => {
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('+84')).toBe("'+84");
    expect(csvField('-x')).toBe("'-x");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField(-5)).toBe('-5');
  });
});

describe('coverageToCsv', () => {
  const vi = coverageToCsv(result, { lang: 'vi', date, registers: ['sổ trình diễn'], demo: true });
  it('starts with a UTF-8 BOM and comment lines: the register (demonstration, said so), the options and date, the units', () => {
    expect(vi.startsWith('\uFEFF# ')).toBe(true);
    const rows = parseCsv(vi.slice(1));
    const register = rows[0]!.join(',');
    expect(register).toBe('# Sổ quy hoạch: sổ trình diễn — DỮ LIỆU TRÌNH DIỄN (giả định) — không phải số liệu thật');
    const options = rows[1]!.join(',');
    expect(options.startsWith('# ')).toBe(true);
    expect(options).toContain('detailed + zoning');
    expect(options).toContain('approved');
    expect(options).toContain('> 80%');
    expect(options).toContain('2026-11-27');
    expect(rows[2]!.join(',')).toBe('# Ranh giới đơn vị: 17 xã và thị trấn năm 2021 có sẵn — ranh giới xã 2021 là sơ đồ (không phải ranh giới pháp lý)');
    // Three comment lines, each one cell starting with '#' (no quoting needed).
    expect(vi.slice(1).split('\r\n').slice(0, 3).every((l) => l.startsWith('# '))).toBe(true);
  });
  it('names real registers by file and says nothing of demonstration data when none counts', () => {
    const rows = parseCsv(coverageToCsv(result, { lang: 'en', date, registers: ['plans-2025.zip', 'extra.geojson'], demo: false, units: { name: 'wards.geojson', schematic: false } }).slice(1));
    expect(rows[0]!.join(',')).toBe('# Plan registers: plans-2025.zip + extra.geojson');
    expect(rows[2]!.join(',')).toBe('# Unit boundaries: wards.geojson (loaded file)');
    const none = parseCsv(coverageToCsv(result, { lang: 'vi', date, registers: [], demo: false }).slice(1));
    expect(none[0]!.join(',')).toBe('# Sổ quy hoạch: không có');
  });
  it('has a bilingual header and one row per unit that parses back', () => {
    const rows = parseCsv(vi.slice(1));
    expect(rows[3]![1]).toBe('Đơn vị (Unit)');
    expect(rows[3]).toHaveLength(8);
    expect(rows[4]).toEqual(['07774', 'Tự Lạn', 'có', '931.7800', '750.0000', '80.49', 'có', '2']);
    expect(rows[5]).toEqual(["'=HYPERLINK(\"x\")", 'Say "hi", then\nleave', 'không', '0.0000', '0.0000', '0.00', 'không', '0']);
    expect(rows).toHaveLength(6);
  });
  it('English variant', () => {
    const en = parseCsv(coverageToCsv(result, { lang: 'en', date, registers: ['demonstration register'], demo: true }).slice(1));
    expect(en[0]!.join(',')).toBe('# Plan registers: demonstration register — DEMONSTRATION DATA (fictional) — not real figures');
    expect(en[2]!.join(',')).toContain('2021 commune boundaries are schematic');
    expect(en[3]![0]).toBe('Unit id (Mã đơn vị)');
    expect(en[4]![2]).toBe('yes');
  });
});

describe('the CLI names its inputs in the CSV', () => {
  it('--format csv on the bundled files: the plans file, said to be demonstration data, and schematic units', async () => {
    const { readFileSync } = await import('node:fs');
    const { runCoverageCli } = await import('../../../src/coverage/cli-core');
    const out = runCoverageCli(['--units', 'geodata/units-2021.geojson', '--plans', 'geodata/plans-demo.geojson', '--format', 'csv'], {
      readText: (f) => readFileSync(f, 'utf8'),
    });
    expect(out.stderr).toBe('');
    const rows = parseCsv(out.stdout.slice(1));
    expect(rows[0]!.join(',')).toBe('# Sổ quy hoạch: plans-demo.geojson — DỮ LIỆU TRÌNH DIỄN (giả định) — không phải số liệu thật');
    expect(rows[2]!.join(',')).toBe('# Ranh giới đơn vị: units-2021.geojson (tệp đã nạp) — ranh giới xã 2021 là sơ đồ (không phải ranh giới pháp lý)');
  });
  it('says the as-of date when the result has one', () => {
    const dated = coverageToCsv({ ...result, as_of: '2019-12-31' }, { lang: 'en', date, registers: [], demo: false });
    expect(dated.split('\r\n')[1]).toContain('As of (plans approved by this day only): 2019-12-31');
    expect(coverageToCsv(result, { lang: 'en', date, registers: [], demo: false })).not.toContain('As of');
  });
});
