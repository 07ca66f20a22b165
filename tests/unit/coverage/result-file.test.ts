// Coverage result files opened in the explorer (issue 17): recognised by shape, checked before use;
// and the boundaries a result is drawn on, found by its unit ids.
import { describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import { parseCoverageResult } from '../../../src/coverage/result-file';
import { computeCoverage } from '../../../src/coverage/engine';
import { provinceUnits } from '../../../src/coverage/synthetic-province';
import { unitsForResult } from '../../../src/app/coverage-view';

const units = provinceUnits();
const result = computeCoverage(units, []);

describe('parseCoverageResult', () => {
  it('reads what `coverage --format json` prints (99 province units)', () => {
    const r = parseCoverageResult('\uFEFF' + JSON.stringify(result, null, 2), 'bn.json');
    expect(r).toEqual({ ok: true, result });
    if (r?.ok) expect(r.result.units).toHaveLength(99);
  });
  it('is not fooled by GeoJSON or other JSON', () => {
    expect(parseCoverageResult(JSON.stringify({ type: 'FeatureCollection', features: [] }), 'x.json')).toBeNull();
    expect(parseCoverageResult('{oops', 'x.json')).toBeNull();
    expect(parseCoverageResult('[1]', 'x.json')).toBeNull();
  });
  it.each<[string, (r: Record<string, unknown>) => unknown, RegExp]>([
    ['a coverage above 1', (r) => ({ ...r, units: [{ ...(r.units as object[])[0], coverage: 7 }] }), /unit 0 \(BN01\) has a coverage outside 0–1/],
    ['repeated ids', (r) => ({ ...r, units: [(r.units as object[])[0], (r.units as object[])[0]] }), /unit ids repeat/],
    ['no totals', (r) => ({ ...r, totals: {} }), /"totals" lacks/],
    ['an unknown level', (r) => ({ ...r, options: { levels: ['general'], statuses: ['approved'], target: 0.8 } }), /"options"/],
    ['a percent target', (r) => ({ ...r, options: { levels: ['detailed'], statuses: ['approved'], target: 80 } }), /"options"/],
  ])('refuses %s with a message naming the file', (_label, damage, why) => {
    const r = parseCoverageResult(JSON.stringify(damage(result as unknown as Record<string, unknown>)), 'bn.json');
    expect(r).toMatchObject({ ok: false, error: expect.stringMatching(/^bn\.json: not a usable coverage result: /) });
    expect(r && !r.ok ? r.error : '').toMatch(why);
  });
});

describe('unitsForResult', () => {
  const fc = (features: FeatureCollection['features']): FeatureCollection => ({ type: 'FeatureCollection', features });
  it('picks the boundaries carrying most of the result\'s unit ids, the first on a tie', () => {
    const province = fc(units as FeatureCollection['features']);
    const some = fc(province.features.slice(0, 10));
    const other = fc([{ type: 'Feature', properties: { code: '07777' }, geometry: { type: 'Point', coordinates: [106.1, 21.2] } }]);
    expect(unitsForResult(result, [{ name: 'some', collection: some }, { name: 'province', collection: province }, { name: 'bundled', collection: other }]))
      .toMatchObject({ name: 'province', matched: 99 });
    expect(unitsForResult(result, [{ name: 'a', collection: some }, { name: 'b', collection: some }])).toMatchObject({ name: 'a', matched: 10 });
    expect(unitsForResult(result, [{ name: 'bundled', collection: other }])).toBeNull();
  });
});
