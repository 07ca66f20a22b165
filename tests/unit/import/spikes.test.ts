// Zero-width spikes through the import (repairGeometry, importFile) and the checker that
// `npm run geodata:check` and the import run: clipper2-ts 1.5.4 exhausted the heap on SPIKE_5 and
// SPIKE_15 (upstream countertype/clipper2-ts#36) and aborted the process; src/geo/despike.ts takes
// the spikes out before Clipper sees them. Each case must finish with the polygon without its spike.
import type { Feature, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { repairGeometry } from '../../../src/import/repair.ts';
import { importFile } from '../../../src/import/index.ts';
import { checkGeoJson, checkGeoJsonBytes } from '../../../src/validation/check.ts';
import { signedArea2 } from '../../../src/validation/rings.ts';
import { createFrame } from '../../../src/coverage/frame.ts';
import {
  DIAGONAL_SPIKE, DIAGONAL_SPIKE_CLEAN, lonLatRing, roundingSpikeRing, SPIKE_15, SPIKE_15_CLEAN, SPIKE_5, SPIKE_5_CLEAN, VERTICAL_SPIKE, VERTICAL_SPIKE_CLEAN, type XY,
} from '../geo/spike-rings.ts';

const CASES: [string, XY, XY, number][] = [
  ['the 5-vertex horizontal spike', SPIKE_5, SPIKE_5_CLEAN, 100],
  ['the 15-vertex polygon with spikes of every direction', SPIKE_15, SPIKE_15_CLEAN, 8],
  ['vertical spikes', VERTICAL_SPIKE, VERTICAL_SPIKE_CLEAN, 30],
  ['diagonal spikes and a needle', DIAGONAL_SPIKE, DIAGONAL_SPIKE_CLEAN, 20],
];

/** Planar area in degrees² (the shoelace on lon/lat): enough to compare two versions of one ring. */
const areaOf = (ring: Position[]): number => Math.abs(signedArea2(ring)) / 2;

const props = (id: string) => ({ id, name: `Plan ${id}`, decision: null, approved_on: null, demo: false });
const feature = (id: string, rings: Position[][]): Feature<Polygon> => ({ type: 'Feature', properties: props(id), geometry: { type: 'Polygon', coordinates: rings } });
const bytesOf = (features: Feature[]): Uint8Array => new TextEncoder().encode(JSON.stringify({ type: 'FeatureCollection', features }));

describe('repairGeometry on spiky polygons', () => {
  it.each(CASES)('%s: one polygon, the area of the ring without its spikes', (_name, spiky, clean, scale) => {
    const { geometry, notes } = repairGeometry({ type: 'Polygon', coordinates: [lonLatRing(spiky, scale, 500, 500)] });
    expect(notes).toContain('resolved the self-intersections of a polygon: it stays one part');
    expect(geometry?.type).toBe('Polygon');
    const rings = (geometry as Polygon).coordinates;
    expect(rings).toHaveLength(1);
    const want = areaOf(lonLatRing(clean, scale, 500, 500));
    expect(Math.abs(areaOf(rings[0]!) - want) / want).toBeLessThan(1e-6);
    expect(signedArea2(rings[0]!)).toBeGreaterThan(0); // RFC 7946: counter-clockwise
  });

  it('a spiky hole is cut out of its polygon, and a spiky part of a MultiPolygon kept', () => {
    const outer = lonLatRing([[0, 0], [100, 0], [100, 100], [0, 100]], 10);
    const hole = lonLatRing(SPIKE_5, 100, 200, 200);
    const { geometry } = repairGeometry({ type: 'MultiPolygon', coordinates: [[outer, hole], [lonLatRing(SPIKE_15, 8, 2000, 500)]] });
    expect(geometry?.type).toBe('MultiPolygon');
    const polys = (geometry as { coordinates: Position[][][] }).coordinates;
    expect(polys.map((p) => p.length).sort()).toEqual([1, 2]);
    const withHole = polys.find((p) => p.length === 2)!;
    const want = areaOf(outer) - areaOf(lonLatRing(SPIKE_5_CLEAN, 100, 200, 200));
    expect(Math.abs(areaOf(withHole[0]!) - areaOf(withHole[1]!) - want) / want).toBeLessThan(1e-6);
  });
});

describe('importFile and the checker on spiky plans', () => {
  const features = CASES.map(([, spiky, , scale], i) => feature(`s${i}`, [lonLatRing(spiky, scale, 500 + 2000 * i, 500)]));

  it('the checker reports every spike as a repairable self-intersection', () => {
    const report = checkGeoJson({ type: 'FeatureCollection', features }, { fileName: 'plans.geojson' });
    for (let i = 0; i < features.length; i++) {
      expect(report.problems.some((p) => p.featureIndex === i && p.code === 'kink' && p.rule === 'repairable'), `feature ${i}`).toBe(true);
    }
    expect(checkGeoJsonBytes(bytesOf(features), { fileName: 'plans.geojson' }).problems).toEqual(report.problems);
  });

  it('without --repair the import reports them; with it, every plan comes out valid, spikes gone', () => {
    const plain = importFile({ name: 'plans.geojson', bytes: bytesOf(features) }, { role: 'plans' });
    if (!plain.ok) throw new Error(plain.error);
    expect(new Set(plain.problems.filter((p) => p.code === 'kink').map((p) => p.featureIndex))).toEqual(new Set([0, 1, 2, 3]));

    const r = importFile({ name: 'plans.geojson', bytes: bytesOf(features) }, { role: 'plans', repair: true });
    if (!r.ok) throw new Error(r.error);
    expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(r.repairs.map((a) => a.featureIndex)).toEqual([0, 1, 2, 3]);
    for (const a of r.repairs) expect(a.message).toContain('resolved the self-intersections of a polygon: it stays one part');
    CASES.forEach(([, , clean, scale], i) => {
      const g = r.collection.features[i]!.geometry as Polygon;
      const want = areaOf(lonLatRing(clean, scale, 500 + 2000 * i, 500));
      expect(Math.abs(areaOf(g.coordinates[0]!) - want) / want).toBeLessThan(1e-6);
    });
  });

  it('a ring that is a spike only once rounded to the integer plane is valid, and imported as it is', () => {
    const frame = createFrame([106.0, 21.2, 106.1, 21.3]);
    const ring = roundingSpikeRing(frame, 0, 0);
    expect(checkGeoJson({ type: 'FeatureCollection', features: [feature('r', [ring])] }, { fileName: 'plans.geojson' }).problems).toEqual([]);
    const r = importFile({ name: 'plans.geojson', bytes: bytesOf([feature('r', [ring])]) }, { role: 'plans', repair: true });
    if (!r.ok) throw new Error(r.error);
    expect(r.problems).toEqual([]);
    expect(r.repairs).toEqual([]);
    expect((r.collection.features[0]!.geometry as Polygon).coordinates[0]).toEqual(ring);
  });
});
