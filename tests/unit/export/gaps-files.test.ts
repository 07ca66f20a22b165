// Issue 16: the gap files say what they were computed from; demonstration data is marked in the
// file name, the collection and every row; the Shapefile re-imports as EPSG:9214 with the same area.
import { describe, it, expect } from 'vitest';
import { area } from '@turf/turf';
import type { Feature, Polygon } from 'geojson';
import { gapsCollection, gapsFileName, gapsShapefile } from '../../../src/export/gaps-files';
import type { GapsResult } from '../../../src/coverage/types';
import { importFile } from '../../../src/import';

const sq: Polygon = { type: 'Polygon', coordinates: [[[106.1, 21.26], [106.11, 21.26], [106.11, 21.27], [106.1, 21.27], [106.1, 21.26]]] };
const gaps: GapsResult = {
  as_of: '2019-12-31', target: 0.8,
  units: [{ unit_id: '07777', name: 'Bích Động', slated: true, area_m2: 5e6, covered_m2: 4e6, gap_m2: 1e6, shortfall_m2: 0 }],
  pieces: { type: 'FeatureCollection', features: [{ type: 'Feature', geometry: sq, properties: { unit_id: '07777', unit_name: 'Bích Động', area_m2: area(sq), rank: 1 } }] },
};
const meta = (demo: boolean) => ({ registers: ['Sổ quy hoạch trình diễn'], demo, proposals: true, generated: new Date('2026-12-02T10:00:00Z') });

describe('gap files', () => {
  it('names: the date, the CRS for the Shapefile, "trinh-dien" for demonstration data', () => {
    expect(gapsFileName('geojson', meta(false))).toBe('viet-yen-khoang-trong-2026-12-02.geojson');
    expect(gapsFileName('shapefile', meta(true))).toBe('viet-yen-khoang-trong-trinh-dien-vn2000-2026-12-02.zip');
  });
  it('every piece carries its unit, area, rank, date, target and register; demonstration rows say so', () => {
    const fc = gapsCollection(gaps, meta(true)) as unknown as { note: string; units: unknown[]; features: Feature[] };
    expect(fc.features[0]!.properties).toMatchObject({ unit_id: '07777', unit_name: 'Bích Động', rank: 1, as_of: '2019-12-31', target: 0.8, demo: true, register: 'Sổ quy hoạch trình diễn' });
    expect(String(fc.features[0]!.properties!['note'])).toMatch(/DEMONSTRATION/);
    expect(fc.note).toMatch(/TRÌNH DIỄN/);
    expect(fc.units).toEqual(gaps.units);
    expect(gapsCollection(gaps, meta(false)).features[0]!.properties).not.toHaveProperty('note');
  });
  it('the Shapefile re-imports in EPSG:9214 to the same area (within 1 m²) and names', () => {
    const r = importFile({ name: 'gaps.zip', bytes: gapsShapefile(gaps, meta(true)) }, {});
    if (!r.ok) throw new Error(r.error);
    expect(r.crs.code).toBe('EPSG:9214');
    const f = r.collection.features[0] as Feature<Polygon>;
    expect(Math.abs(area(f) - area(sq))).toBeLessThan(1);
    expect(f.properties).toMatchObject({ unit_name: 'Bích Động', demo: true });
  });
});
