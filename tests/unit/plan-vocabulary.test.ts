import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseLevel, parseStatus, PLAN_LEVELS, PLAN_STATUSES, LEVEL_LABELS, STATUS_LABELS } from '../../src/plans/vocabulary';

describe('plan vocabulary', () => {
  it.each([
    ['1/500', 'detailed'], ['1:500', 'detailed'], ['QHCT', 'detailed'], ['Chi tiết', 'detailed'], ['chi tiet 1/500', 'detailed'], [500, 'detailed'],
    ['1/2000', 'zoning'], ['1/2.000', 'zoning'], ['Phân khu', 'zoning'], ['QHPK', 'zoning'], [2000, 'zoning'],
    ['1/10000', null], ['', null], [null, null], [{}, null],
  ])('level %j → %j', (v, want) => expect(parseLevel(v)).toBe(want));

  it.each([
    ['Đã phê duyệt', 'approved'], ['da phe duyet', 'approved'], ['ĐÃ DUYỆT', 'approved'], ['approved', 'approved'],
    ['Đang lập', 'in_preparation'], ['đang trình', 'in_preparation'], ['dang lap', 'in_preparation'], ['In preparation', 'in_preparation'],
    ['hủy', null], ['', null], [7, null],
  ])('status %j → %j', (v, want) => expect(parseStatus(v)).toBe(want));

  it('labels every level and status in both languages', () => {
    for (const l of PLAN_LEVELS) expect(LEVEL_LABELS[l].vi && LEVEL_LABELS[l].en).toBeTruthy();
    for (const s of PLAN_STATUSES) expect(STATUS_LABELS[s].vi && STATUS_LABELS[s].en).toBeTruthy();
  });

  it('recognises the words whatever their case and spacing', () => {
    const words = fc.constantFrom('Đã phê duyệt', 'Đang lập', 'Chi tiết', 'Phân khu', 'QHCT');
    const variant = fc.tuple(words, fc.boolean(), fc.constantFrom('', ' ', '  ', '_')).map(([w, up, pad]) => `${pad}${up ? w.toUpperCase() : w.toLowerCase()}${pad}`);
    fc.assert(fc.property(variant, (v) => {
      const base = v.trim().replace(/_/g, '');
      expect(parseLevel(v)).toBe(parseLevel(base.normalize('NFC')));
      expect(parseStatus(v)).toBe(parseStatus(base));
    }));
  });
});
