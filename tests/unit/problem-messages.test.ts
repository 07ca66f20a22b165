// Issue 13, point 2: every problem the import's review step shows exists in Vietnamese and English in
// the message catalog. Each checker code has both templates with the same placeholders; the English
// template renders exactly the text the CLIs print (so they keep their English); the review step's
// line names the file, the feature by its number (from 1) and its id; and every refusal, warning and
// problem of the broken-input corpora carries its catalog form.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importCatalog as messages, type ImportMessageKey as MessageKey } from '../../src/i18n/import-catalog.ts';
import { PROBLEM_CODES, problemText } from '../../src/validation/messages.ts';
import { checkGeoJson, checkGeoJsonBytes } from '../../src/validation/check.ts';
import { formatProblem } from '../../src/validation/format.ts';
import type { Problem } from '../../src/validation/types.ts';
import { importFile, type ImportResult } from '../../src/import/pipeline.ts';
import { problemLine, renderMessage, varsIn } from '../../src/import/format-messages.ts';
import { nodeXmlParser } from '../../src/import/node-xml.ts';
import { loadSqliteNode } from '../../src/import/sqlite-node.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DISTRICT = JSON.parse(readFileSync(join(ROOT, 'geodata/district.geojson'), 'utf8')) as unknown;

const ENGLISH_ONLY = new Set(['s', 'ies', 'were']);
const placeholders = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();

/** What the import panel shows for a catalog message (ImportPanel's `say`). */
const shown = (key: MessageKey, vars: Parameters<typeof varsIn>[0], lang: 'vi' | 'en'): string => renderMessage(key, vars, lang, 'ui');

describe('the catalog', () => {
  it('has a Vietnamese and an English template for every checker code, with the same placeholders', () => {
    expect(PROBLEM_CODES.length).toBeGreaterThan(50);
    for (const code of PROBLEM_CODES) {
      const m = messages[`problem.${code}`];
      expect(m, code).toBeDefined();
      expect(m.vi.trim(), code).not.toBe('');
      expect(m.en.trim(), code).not.toBe('');
      expect(m.vi, code).not.toBe(m.en);
      expect(placeholders(m.vi), code).toEqual(placeholders(m.en));
    }
  });

  it('has both languages, with the same placeholders, for the pieces and the import\'s warnings and refusals', () => {
    const keys = Object.keys(messages).filter((k) => /^(problemPart|importWarn|importFail|importLimit|importBad|importFmt|importCheck)\./.test(k));
    expect(keys.length).toBeGreaterThan(100);
    for (const k of keys) {
      const m = messages[k as MessageKey];
      expect(m.vi.trim(), k).not.toBe('');
      // The same values, apart from English plural endings ({s}, {ies}, {were}).
      expect(placeholders(m.vi), k).toEqual(placeholders(m.en).filter((p) => !ENGLISH_ONLY.has(p)));
    }
  });
});

// A plan register with per-feature problems: a bow-tie (self-intersection) and a status the register
// vocabulary does not know.
const bowtie = [[[106.09, 21.28], [106.1, 21.29], [106.1, 21.28], [106.09, 21.29], [106.09, 21.28]]];
const square = [[[106.09, 21.28], [106.1, 21.28], [106.1, 21.29], [106.09, 21.29], [106.09, 21.28]]];
const register = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', properties: { id: 'qh-no', ten: 'Khu nơ', tinh_trang: 'Đã phê duyệt' }, geometry: { type: 'Polygon', coordinates: bowtie } },
    { type: 'Feature', properties: { id: 'qh-xyz', ten: 'Khu vuông', tinh_trang: 'chờ xem xét' }, geometry: { type: 'Polygon', coordinates: square } },
  ],
};

function importRegister(): Extract<ImportResult, { ok: true }> {
  const r = importFile({ name: 'so-quy-hoach.geojson', bytes: new TextEncoder().encode(JSON.stringify(register)) }, { role: 'plans', district: DISTRICT });
  if (!r.ok) throw new Error(r.error);
  return r;
}

describe('the review step\'s lines', () => {
  it('name the file, the feature by its number from 1 and its id, in Vietnamese and in English', () => {
    const r = importRegister();
    const kink = r.problems.find((p) => p.code === 'kink')!;
    const status = r.problems.find((p) => p.code === 'propertyValue')!;
    expect(kink).toMatchObject({ featureIndex: 0, featureId: 'qh-no', severity: 'error' });
    expect(status).toMatchObject({ featureIndex: 1, featureId: 'qh-xyz', severity: 'warning' });

    expect(problemLine(r.fileName, kink, 'vi')).toMatch(/^so-quy-hoach\.geojson: đối tượng 1 \(mã qh-no\): tự cắt tại \[106\.095, 21\.285\]$/);
    expect(problemLine(r.fileName, kink, 'en')).toMatch(/^so-quy-hoach\.geojson: feature 1 \(id qh-no\): self-intersection at \[106\.095, 21\.285\]$/);
    expect(problemLine(r.fileName, status, 'vi')).toBe(
      'so-quy-hoach.geojson: đối tượng 2 (mã qh-xyz): thuộc tính "status" là "chờ xem xét": không phải tình trạng quy hoạch mà bộ từ vựng của sổ quy hoạch biết '
        + '(approved, in_preparation, hoặc "đã phê duyệt", "đang lập"…); quy hoạch này không được tính',
    );
    expect(problemLine(r.fileName, status, 'en')).toBe(
      'so-quy-hoach.geojson: feature 2 (id qh-xyz): property "status" is "chờ xem xét", not a plan status the register vocabulary knows '
        + '(approved, in_preparation, or "đã phê duyệt", "đang lập"…); this plan does not count',
    );
    // The CLIs keep their English line, with the checker's 0-based feature index.
    expect(formatProblem(r.fileName, kink)).toBe('so-quy-hoach.geojson: feature 0 (id qh-no): self-intersection at [106.095, 21.285]');
  });

  it('say which polygon of a MultiPolygon, and how far outside the district, in the UI language', () => {
    // The second polygon a few km south of the district.
    const far = { type: 'MultiPolygon', coordinates: [square, bowtie.map((r) => r.map(([x, y]) => [x!, y! - 0.15]))] };
    const report = checkGeoJson({ type: 'FeatureCollection', features: [{ type: 'Feature', id: 7, properties: {}, geometry: far }] }, { layer: 'plans', district: DISTRICT });
    const lines = (lang: 'vi' | 'en') => report.problems.map((p) => problemLine('a.geojson', p, lang));
    expect(lines('vi')).toContain('a.geojson: đối tượng 1 (mã 7): đa giác 1: tự cắt tại [106.095, 21.135]');
    expect(lines('en')).toContain('a.geojson: feature 1 (id 7): polygon 1: self-intersection at [106.095, 21.135]');
    expect(lines('vi').some((l) => /: nằm ngoài ranh giới Việt Yên \d+,\d km$/.test(l)), lines('vi').join('\n')).toBe(true);
    expect(lines('en').some((l) => /: lies \d+\.\d km outside the district$/.test(l)), lines('en').join('\n')).toBe(true);
    // A property missing and a repeated id: the first feature named by its number from 1 in the UI.
    const dup = checkGeoJson({ type: 'FeatureCollection', features: [0, 1].map(() => ({ type: 'Feature', properties: { id: 'x' }, geometry: { type: 'Polygon', coordinates: square } })) }, { layer: 'plans', district: DISTRICT });
    const d = dup.problems.find((p) => p.code === 'duplicateId')!;
    expect(problemLine('a.geojson', d, 'vi')).toBe('a.geojson: đối tượng 2 (mã x): mã "x" bị trùng (đã có ở đối tượng 1)');
    expect(problemLine('a.geojson', d, 'en')).toBe('a.geojson: feature 2 (id x): duplicate id "x" (also feature 1)');
    expect(formatProblem('a.geojson', d)).toBe('a.geojson: feature 1 (id x): duplicate id "x" (also feature 0)');
    const missing = dup.problems.find((p) => p.code === 'missingProperty')!;
    expect(problemLine('a.geojson', missing, 'vi')).toMatch(/^a\.geojson: đối tượng 1 \(mã x\): thiếu thuộc tính bắt buộc "/);
  });
});

/** Every problem of a report is coded, and its English rendering is the text the CLI prints. */
function expectCoded(problems: readonly Problem[], where: string): void {
  for (const p of problems) {
    expect(p.code, `${where}: ${p.message}`).toBeDefined();
    expect(problemText({ code: p.code!, params: p.params ?? {} }), where).toBe(p.message);
    const vi = problemLine('f', p, 'vi');
    expect(vi, where).not.toMatch(/\{\w+\}/);
  }
}

describe('every problem is coded', () => {
  it('in the checker\'s broken-file corpus, with the English the CLI prints', () => {
    const dir = join(ROOT, 'tests/fixtures/bad');
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.geojson'));
    let n = 0;
    for (const f of files) {
      const report = checkGeoJsonBytes(readFileSync(join(dir, f)), { fileName: f, district: DISTRICT });
      expectCoded(report.problems, f);
      n += report.problems.length;
    }
    expect(n).toBeGreaterThan(30);
  });

  it('in the import\'s corpora: every refusal and warning has its catalog form too, which reads in Vietnamese', async () => {
    const sqlite = await loadSqliteNode();
    const base = join(ROOT, 'tests/fixtures/import');
    const files = ['bad', 'bad-formats', '.'].flatMap((d) => readdirSync(join(base, d)).filter((f) => !f.endsWith('.json') && !f.endsWith('.md') && !f.endsWith('.sh') && !f.endsWith('.txt') && f !== 'bad' && f !== 'bad-formats' && f !== 'formats' && f !== 'prj').map((f) => join(d, f)));
    let warnings = 0;
    for (const f of files) {
      for (const role of ['plans', 'overlay'] as const) {
        const name = f.split('/').pop()!;
        const r = importFile({ name, bytes: readFileSync(join(base, f)) }, { xmlParser: nodeXmlParser(), role, sqlite, district: DISTRICT });
        const texts = [...(r.ok ? r.warnings : [r.error])];
        for (const text of texts) {
          const m = r.i18n?.find((x) => x.text === text);
          expect(m, `${f}: ${text}`).toBeDefined();
          const vi = shown(m!.key, m!.vars, 'vi');
          expect(vi, text).not.toBe(text);
          expect(vi, text).not.toMatch(/\{\w+\}/);
          expect(vi.startsWith(`${name}: `), vi).toBe(true);
        }
        if (r.ok) {
          warnings += r.warnings.length;
          expectCoded(r.problems, f);
        }
      }
    }
    expect(warnings).toBeGreaterThan(5);
  });

  it('for the CRS warnings of the review step', () => {
    const square9214 = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { id: 'a' }, geometry: { type: 'Polygon', coordinates: [[[574000, 2352000], [575000, 2352000], [575000, 2353000], [574000, 2353000], [574000, 2352000]]] } }] };
    const bytes = new TextEncoder().encode(JSON.stringify(square9214));
    const guessed = importFile({ name: 'm.geojson', bytes }, {});
    const chosen = importFile({ name: 'm.geojson', bytes: new TextEncoder().encode(JSON.stringify({ ...square9214, crs: { type: 'name', properties: { name: 'EPSG:9210' } } })) }, { crs: 'EPSG:9214' });
    for (const r of [guessed, chosen]) {
      if (!r.ok) throw new Error(r.error);
      expect(r.warnings.length).toBeGreaterThan(0);
      for (const w of r.warnings) {
        const m = r.i18n!.find((x) => x.text === w)!;
        expect(m, w).toBeDefined();
        expect(renderMessage(m.key, m.vars, 'vi')).toMatch(/^m\.geojson: (tọa độ tính bằng mét|tệp ghi EPSG:9210; dùng EPSG:9214 theo lựa chọn)/);
      }
    }
  });

  it('feature numbers in refusals: 0-based in the English the CLI prints, from 1 in the UI', () => {
    const wide = `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":null},{"type":"Feature","properties":{${Array.from({ length: 1001 }, (_, i) => `"k${i}":1`).join(',')}},"geometry":null}]}`;
    const r = importFile({ name: 'wide.geojson', bytes: new TextEncoder().encode(wide) }, {});
    if (r.ok) throw new Error('expected a refusal');
    expect(r.error).toBe('wide.geojson: feature 1: has more than 1,000 properties (limit per feature); not read further');
    const m = r.i18n!.find((x) => x.text === r.error)!;
    expect(shown(m.key, m.vars, 'vi')).toBe('wide.geojson: đối tượng 2: có hơn 1,000 thuộc tính (giới hạn cho một đối tượng); dừng đọc');
    expect(shown(m.key, m.vars, 'en')).toBe('wide.geojson: feature 2: has more than 1,000 properties (limit per feature); not read further');
    // The checker says the same of the file, naming the feature as its CLI lines do.
    const p = checkGeoJson(wide).problems[0]!;
    expect(formatProblem('wide.geojson', p)).toBe(r.error);
    expect(problemLine('wide.geojson', p, 'vi')).toBe('wide.geojson: đối tượng 2: có hơn 1,000 thuộc tính (giới hạn cho một đối tượng); dừng đọc');
  });
});
