// Files made by ogr2ogr from geodata/plans-demo.geojson (frozen as plans-source.geojson) land where
// the originals are, with the same attributes once the Vietnamese field names are mapped.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Position } from 'geojson';
import { importFile } from '../../../src/import/index.ts';
import { positionsOf } from '../../../src/import/reproject.ts';
import type { AnyCollection } from '../../../src/import/types.ts';
import { FIXTURES, expectOk, importFixture, metres } from './helpers.ts';

const source = JSON.parse(readFileSync(FIXTURES + 'plans-source.geojson', 'utf8')) as AnyCollection;
const PLAN_KEYS = ['id', 'name', 'level', 'status', 'decision', 'approved_on'] as const;

/** Largest distance from any vertex of `a` to the nearest vertex of the same feature in `b`, both ways. */
function worstVertexDistance(a: AnyCollection, b: AnyCollection): number {
  let worst = 0;
  a.features.forEach((f, i) => {
    const pa = positionsOf(f.geometry);
    const pb = positionsOf(b.features[i]!.geometry);
    const nearest = (p: Position, set: Position[]): number => Math.min(...set.map((q) => metres(p, q)));
    for (const p of pa) worst = Math.max(worst, nearest(p, pb));
    for (const p of pb) worst = Math.max(worst, nearest(p, pa));
  });
  return worst;
}

const CASES: [file: string, crs: string, source: string][] = [
  ['plans-9214.zip', 'EPSG:9214', 'prj'],
  ['plans-9214-esri.zip', 'EPSG:9214', 'prj'],
  ['plans-9214-proj4prj.zip', 'EPSG:9214', 'prj'],
  ['plans-9214-cp1258.zip', 'EPSG:9214', 'prj'],
  ['plans-9214.geojson', 'EPSG:9214', 'geojson'],
  ['plans.kml', 'EPSG:4326', 'kml'],
  ['plans.kmz', 'EPSG:4326', 'kml'],
];

describe.each(CASES)('%s', (file, crs, crsSource) => {
  const r = expectOk(importFixture(file, { role: 'plans' }));

  it(`is read as ${crs} from its ${crsSource}`, () => {
    expect(r.crs).toEqual({ code: crs, source: crsSource, needsConfirmation: false });
    expect(r.collection.features).toHaveLength(source.features.length);
  });
  it('lands within 1 m of the original features', () => {
    expect(worstVertexDistance(r.collection, source)).toBeLessThan(1);
  });
  it('has the original plan properties after field mapping', () => {
    expect(r.mapping).toEqual({ id: 'ma_qh', name: 'ten_qh', level: 'cap_qh', status: 'trang_thai', decision: 'so_qd', date: 'ngay_qd' });
    r.collection.features.forEach((f, i) => {
      const original = source.features[i]!.properties!;
      for (const k of PLAN_KEYS) expect([k, f.properties![k]]).toEqual([k, original[k]]);
    });
  });
  it('passes the shared checker as a plans layer, with no warnings', () => {
    expect(r.problems).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.placement.overlapsDistrict).toBe(true);
  });
  it('round-trips: its GeoJSON output imports back to the same features and properties', () => {
    const bytes = new TextEncoder().encode(JSON.stringify(r.collection));
    const again = expectOk(importFile({ name: 'export.geojson', bytes }, { role: 'overlay' }));
    expect(again.crs.code).toBe('EPSG:4326');
    expect(again.collection.features).toEqual(r.collection.features);
  });
});

describe('Shapefile without .prj', () => {
  const r = expectOk(importFixture('plans-9214-noprj.zip', { role: 'plans' }));
  it('suggests EPSG:9214 and asks for confirmation', () => {
    expect(r.crs).toEqual({ code: 'EPSG:9214', source: 'guess', needsConfirmation: true });
    expect(r.warnings.join('\n')).toContain('confirm or choose another');
  });
  it('shows where it would land (the preview) and the suggestion is right here', () => {
    expect(r.placement.overlapsDistrict).toBe(true);
    expect(worstVertexDistance(r.collection, source)).toBeLessThan(1);
  });
  it('lands elsewhere with another CRS, and the preview says so', () => {
    const other = expectOk(importFixture('plans-9214-noprj.zip', { crs: 'EPSG:9209' }));
    expect(other.crs.source).toBe('user');
    expect(other.placement.overlapsDistrict).toBe(false);
    expect(other.placement.centreDistanceKm!).toBeGreaterThan(50);
  });
});

describe('Windows-1258 attributes', () => {
  it('decodes to the same NFC text as the UTF-8 file', () => {
    const a = expectOk(importFixture('plans-9214-cp1258.zip'));
    const b = expectOk(importFixture('plans-9214.zip'));
    expect(a.encoding).toBe('windows-1258');
    expect(b.encoding).toBe('utf-8');
    expect(a.collection.features.map((f) => f.properties)).toEqual(b.collection.features.map((f) => f.properties));
    expect(String(a.collection.features[0]!.properties!.ten_qh)).toBe(String(source.features[0]!.properties!.name).normalize('NFC'));
  });
});
