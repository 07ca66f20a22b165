// The gap export's files read back through the app's own import (shpjs for the Shapefile, the CRS
// recognised from the .prj / the GeoJSON crs member): same areas, same names, EPSG:9214 recognised.
import { describe, it, expect } from 'vitest';
import { unzipSync, strFromU8 } from 'fflate';
import { area } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { polygonsToShapefileZip } from '../../../src/export/shapefile';
import { collectionToCrs, prjWkt } from '../../../src/export/to-crs';
import { importFile } from '../../../src/import';

// A square with a hole (Bích Động area) and a two-part piece (Tăng Tiến area), names with tone marks.
const square = (x: number, y: number, d: number) => [[x, y], [x + d, y], [x + d, y + d], [x, y + d], [x, y]];
const fc: FeatureCollection<Polygon | MultiPolygon> = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', properties: { unit_id: '07777', unit_name: 'Bích Động', area_m2: 1, rank: 1 },
      geometry: { type: 'Polygon', coordinates: [square(106.10, 21.26, 0.01), square(106.103, 21.263, 0.002).reverse()] } },
    { type: 'Feature', properties: { unit_id: '07789', unit_name: 'Tăng Tiến', area_m2: 2, rank: 1 },
      geometry: { type: 'MultiPolygon', coordinates: [[square(106.13, 21.24, 0.004)], [square(106.14, 21.24, 0.003)]] } },
  ],
};

describe('polygonsToShapefileZip in EPSG:9214', () => {
  const projected = collectionToCrs(fc, 'EPSG:9214');
  const zip = polygonsToShapefileZip(projected, { name: 'khoang-trong', prj: prjWkt('EPSG:9214') });

  it('holds .shp .shx .dbf .prj .cpg', () => {
    const files = unzipSync(zip);
    expect(Object.keys(files).sort()).toEqual(['khoang-trong.cpg', 'khoang-trong.dbf', 'khoang-trong.prj', 'khoang-trong.shp', 'khoang-trong.shx']);
    expect(strFromU8(files['khoang-trong.cpg']!)).toBe('UTF-8');
  });

  it('re-imports with EPSG:9214 recognised, names intact and areas within 1 m²', () => {
    const r = importFile({ name: 'khoang-trong.zip', bytes: zip }, {});
    if (!r.ok) throw new Error(r.error);
    expect(r.crs).toMatchObject({ code: 'EPSG:9214', source: 'prj', needsConfirmation: false });
    const back = r.collection.features as Feature<Polygon | MultiPolygon>[];
    expect(back.map((f) => f.properties?.['unit_name'])).toEqual(['Bích Động', 'Tăng Tiến']);
    back.forEach((f, i) => expect(Math.abs(area(f) - area(fc.features[i]!))).toBeLessThan(1));
    // The hole stayed a hole, the two parts two parts.
    expect(area(back[0]!)).toBeLessThan(area({ type: 'Polygon', coordinates: [fc.features[0]!.geometry.coordinates[0] as number[][]] }) - 1000);
  });

  it('the projected GeoJSON names its CRS and re-imports to the same areas', () => {
    const r = importFile({ name: 'khoang-trong-vn2000.geojson', bytes: new TextEncoder().encode(JSON.stringify(projected)) }, {});
    if (!r.ok) throw new Error(r.error);
    expect(r.crs).toMatchObject({ code: 'EPSG:9214', source: 'geojson', needsConfirmation: false });
    r.collection.features.forEach((f, i) => expect(Math.abs(area(f as Feature<Polygon>) - area(fc.features[i]!))).toBeLessThan(1));
  });

  it('refuses a collection without polygons', () => {
    expect(() => polygonsToShapefileZip({ type: 'FeatureCollection', features: [] }, { name: 'x', prj: '' })).toThrow(/no polygon/);
  });
});
