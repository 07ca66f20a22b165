import { describe, expect, it } from 'vitest';
import { encodingForCpg, legacyEncodingWarning, looksLegacyVietnamese, normaliseText } from '../../../src/import/encoding.ts';
import { applyMapping, foldKey, guessMapping, parseDate, parseLevel, parseStatus } from '../../../src/import/fields.ts';
import type { AnyCollection } from '../../../src/import/types.ts';

describe('.cpg → TextDecoder label', () => {
  it.each([
    ['UTF-8', 'utf-8'],
    ['utf8\r\n', 'utf-8'],
    ['65001', 'utf-8'],
    ['1258', 'windows-1258'],
    ['CP1258', 'windows-1258'],
    ['ANSI 1258', 'windows-1258'],
    ['Windows-1258', 'windows-1258'],
    ['1252', 'windows-1252'],
    ['ISO-8859-1', 'iso-8859-1'],
  ])('%j → %s', (cpg, label) => {
    expect(encodingForCpg(cpg)).toEqual({ label, warning: null });
  });
  it('falls back to UTF-8 with a warning for an unknown name', () => {
    expect(encodingForCpg('KOI9-XYZ', 'a.cpg')).toEqual({ label: 'utf-8', warning: 'a.cpg names an unknown encoding "KOI9-XYZ"; attributes read as UTF-8' });
  });
  it('Windows-1258 decodes to composed (NFC) Vietnamese', () => {
    // "Việt" in CP1258: V i ê (0xEA) + combining dot below (0xF2) t
    const text = normaliseText(new TextDecoder('windows-1258').decode(Uint8Array.from([0x56, 0x69, 0xea, 0xf2, 0x74])));
    expect(text).toBe('Việt');
    expect(text.length).toBe(4);
  });
});

describe('TCVN3 / VNI detection (conservative)', () => {
  it.each(['Hµ Néi', 'ViÖt Yªn', 'Quy ho¹ch chi tiÕt', 'Vieät Yeân', 'Haø Noäi'])('flags %j', (s) => {
    expect(looksLegacyVietnamese(s)).toBe(true);
  });
  it.each(['Việt Yên', 'Hà Nội', 'QHCT 1/500 khu đô thị mới Bích Động – Hồng Thái', 'Straße am Fluss', 'Café Ô Mai', 'plain ASCII'])(
    'does not flag %j',
    (s) => {
      expect(looksLegacyVietnamese(s)).toBe(false);
    },
  );
  it('warns per field only when most non-ASCII values look legacy', () => {
    expect(legacyEncodingWarning('TEN', ['Hµ Néi', 'ViÖt Yªn', 'abc'])).toBe(
      "field TEN looks TCVN3/VNI-encoded; convert it to Unicode (e.g. with Unikey's converter) — shown as is",
    );
    expect(legacyEncodingWarning('TEN', ['Việt Yên', 'Hà Nội', 'Bích Động', 'Hµ Néi'])).toBeNull();
    expect(legacyEncodingWarning('TEN', [1, 2, null])).toBeNull();
  });
});

describe('field mapping', () => {
  it('folds case and diacritics', () => {
    expect(foldKey('Tên_QH')).toBe('tenqh');
    expect(foldKey('Ngày QĐ')).toBe('ngayqd');
  });
  it.each([
    [['TEN_QH', 'CAP_QH', 'TRANG_THAI', 'SO_QD', 'NGAY_QD'], { id: null, name: 'TEN_QH', level: 'CAP_QH', status: 'TRANG_THAI', decision: 'SO_QD', date: 'NGAY_QD' }],
    [['tenquyhoach', 'ty_le', 'tinhtrang', 'quyet_dinh', 'ngay_pd'], { id: null, name: 'tenquyhoach', level: 'ty_le', status: 'tinhtrang', decision: 'quyet_dinh', date: 'ngay_pd' }],
    [['Tên đồ án', 'Loại QH', 'Trạng thái', 'SQD', 'Ngày duyệt'], { id: null, name: 'Tên đồ án', level: 'Loại QH', status: 'Trạng thái', decision: 'SQD', date: 'Ngày duyệt' }],
    [['name', 'level', 'status', 'decision', 'date', 'id'], { id: 'id', name: 'name', level: 'level', status: 'status', decision: 'decision', date: 'date' }],
    [['foo', 'bar'], { id: null, name: null, level: null, status: null, decision: null, date: null }],
  ])('%j', (fields, mapping) => {
    expect(guessMapping(fields)).toEqual(mapping);
  });
  it.each([
    ['1/500', 'detailed'],
    ['1:500', 'detailed'],
    ['Chi tiết', 'detailed'],
    ['chi tiet', 'detailed'],
    ['QHCT', 'detailed'],
    ['1/2000', 'zoning'],
    ['1/2.000', 'zoning'],
    ['Phân khu', 'zoning'],
    ['1/5000', null],
    ['quy hoạch chung', null],
  ])('level %j → %s', (v, want) => {
    expect(parseLevel(v)).toBe(want);
  });
  it.each([
    ['Đã phê duyệt', 'approved'],
    ['da phe duyet', 'approved'],
    ['approved', 'approved'],
    ['Đang lập', 'in_preparation'],
    ['dang lap', 'in_preparation'],
    ['in preparation', 'in_preparation'],
    ['?', null],
  ])('status %j → %s', (v, want) => {
    expect(parseStatus(v)).toBe(want);
  });
  it.each([
    ['09/12/2022', '2022-12-09'],
    ['9/1/2021', '2021-01-09'],
    ['2023-09-13', '2023-09-13'],
    ['13.09.2023', '2023-09-13'],
    ['31/02/2022', null],
    ['2022', null],
  ])('date %j → %s', (v, want) => {
    expect(parseDate(v)).toBe(want);
  });
  it('applyMapping builds the plan schema and keeps the source attributes', () => {
    const fc: AnyCollection = {
      type: 'FeatureCollection',
      features: [{ type: 'Feature', geometry: null, properties: { TEN: 'Khu A', TYLE: '1/500', TT: 'Đã phê duyệt', SOQD: '12/QĐ', NGAYQD: '01/02/2023' } }],
    };
    const out = applyMapping(fc, { id: null, name: 'TEN', level: 'TYLE', status: 'TT', decision: 'SOQD', date: 'NGAYQD' }, { fileName: 'my plans.zip' });
    expect(out.features[0]!.properties).toEqual({
      id: 'my-plans-1',
      name: 'Khu A',
      level: 'detailed',
      status: 'approved',
      decision: '12/QĐ',
      approved_on: '2023-02-01',
      geometry_source: 'imported from my plans.zip',
      provenance: 'official',
      demo: false,
      source_properties: { TEN: 'Khu A', TYLE: '1/500', TT: 'Đã phê duyệt', SOQD: '12/QĐ', NGAYQD: '01/02/2023' },
    });
  });
});
