import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { fold, norm } from '../../src/search/fold';
import type { Feature, FeatureCollection } from 'geojson';
import { buildSearchIndex, buildSearchIndexAsync, tierOf, type SearchItem } from '../../src/search/search';
import { searchItems, searchItemsAsync } from '../../src/search/items';
import { labelPoint } from '../../src/geo/label-point';
import type { Polygonal } from '../../src/geo/types';
import type { LayerEntry } from '../../src/layers/types';

const folding = JSON.parse(readFileSync('tests/fixtures/search/folding.json', 'utf8')) as [string, string][];

describe('Vietnamese folding', () => {
  it.each(folding)('%s → %s', (input, expected) => {
    expect(fold(input)).toBe(expected);
  });

  it('is idempotent and leaves no combining mark or đ (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'aăâbcdđeêghiklmnoôơpqrstuưvxyáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵĐƯƠ '.split('')) }), (s) => {
        const f = fold(s);
        expect(fold(f)).toBe(f);
        expect(/[\u0300-\u036fđĐ]/.test(f.normalize('NFD'))).toBe(false);
      }),
    );
  });

  it('norm keeps diacritics but not case', () => {
    expect(norm('Bổ ĐÀ')).toBe('bổ đà');
  });
});

const item = (key: string, name: string, extra: Partial<SearchItem> = {}): SearchItem => ({
  key, layerId: extra.layerId ?? 'x', featureId: key, name, aliases: [], units: [], kind: 'k', ...extra,
});

const items: SearchItem[] = [
  item('bo-da', 'Chùa Bổ Đà', { aliases: ['Tứ Ân tự'], units: ['Xã Tiên Sơn'] }),
  item('u-nenh', 'Thị trấn Nếnh', { layerId: 'units-2021' }),
  item('w-nenh', 'Phường Nếnh', { layerId: 'wards-2025' }),
  item('sen-ho', 'Làng quan họ Sen Hồ', { units: ['Thị trấn Nếnh'] }),
  item('kcn-dt', 'KCN Đình Trám', { units: ['Thị trấn Nếnh', 'Xã Hồng Thái'] }),
  item('u-tu-lan', 'Xã Tự Lạn'),
  item('u-tien-son', 'Xã Tiên Sơn'),
  item('u-ninh-son', 'Xã Ninh Sơn'),
  item('tho-ha', 'Đình Thổ Hà', { units: ['Xã Vân Hà'] }),
  item('van-ha', 'Xã Vân Hà'),
  item('tu-lan-typo', 'Tu Lan Logistics', { aliases: [] }),
];
const index = buildSearchIndex(items);
const keys = (q: string) => index.search(q).map((h) => h.item.key);

describe('search ranking', () => {
  it('"bo da" finds Chùa Bổ Đà first', () => {
    expect(keys('bo da')[0]).toBe('bo-da');
  });

  it('"nenh" finds Nếnh (unit and ward) first, then what lies in it', () => {
    const k = keys('nenh');
    expect(k.slice(0, 2).sort()).toEqual(['u-nenh', 'w-nenh']);
    expect(k).toContain('sen-ho');
    expect(k).toContain('kcn-dt');
    expect(k.indexOf('sen-ho')).toBeGreaterThan(1);
  });

  it('an exact diacritic match ranks above a folded one', () => {
    // "tự lạn" matches "Xã Tự Lạn" with its diacritics; "Tu Lan Logistics" only when folded.
    expect(keys('tự lạn')[0]).toBe('u-tu-lan');
    expect(tierOf(items[5]!, 'tự lạn')).toBeLessThan(tierOf(items[10]!, 'tự lạn'));
  });

  it('prefix matches come before matches inside a unit', () => {
    const k = keys('van h');
    expect(k[0]).toBe('van-ha');
    expect(k).toContain('tho-ha');
  });

  it('aliases are searched', () => {
    expect(keys('tu an')[0]).toBe('bo-da');
  });

  it('ignores case and đ', () => {
    expect(keys('DINH TRAM')[0]).toBe('kcn-dt');
    expect(keys('đình thổ')[0]).toBe('tho-ha');
  });

  it('empty and unmatched queries give nothing', () => {
    expect(keys('   ')).toEqual([]);
    expect(keys('zzzz')).toEqual([]);
  });
});

describe('building the index in slices (the app builds it so; the results are the same)', () => {
  const units = JSON.parse(readFileSync('geodata/units-2021.geojson', 'utf8')) as FeatureCollection;
  const entry = (id: string): LayerEntry => ({ id, title: { vi: id, en: id } } as unknown as LayerEntry);
  const places: FeatureCollection = {
    type: 'FeatureCollection',
    features: units.features.slice(0, 6).map((u, i) => ({ type: 'Feature', properties: { id: `p${i}`, name: `Điểm ${i}` }, geometry: labelPoint(u as Feature<Polygonal>).geometry })),
  };
  const datasets = new Map([['units-2021', units], ['places', places]]);
  const entries = [entry('units-2021'), entry('places')];
  const title = (_e: LayerEntry, p: Record<string, unknown>) => String(p.name);

  it('gives the same items as the one-piece builder, the units each feature lies in included', async () => {
    const sync = searchItems(entries, datasets, 'vi', title);
    expect(sync.filter((i) => i.layerId === 'places').every((i) => i.units.length > 0)).toBe(true);
    expect(await searchItemsAsync(entries, datasets, 'vi', title)).toEqual(sync);
    // Asked again (the index is rebuilt when a layer is added), the units come out the same.
    expect(searchItems(entries, datasets, 'vi', title)).toEqual(sync);
  });

  it('the index built in slices finds the same things in the same order', async () => {
    const many = [...items, ...Array.from({ length: 1000 }, (_, i) => item(`lot-${i}`, `Lô ${i} Nếnh`, { units: ['Thị trấn Nếnh'] }))];
    const [a, b] = [buildSearchIndex(many), await buildSearchIndexAsync(many)];
    for (const q of ['nenh', 'bo da', 'lô 12', 'Tự Lạn', 'ha', 'zzz']) {
      expect(b.search(q, 50).map((h) => [h.item.key, h.tier])).toEqual(a.search(q, 50).map((h) => [h.item.key, h.tier]));
    }
  });
});
