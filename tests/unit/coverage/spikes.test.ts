// Zero-width spikes through the coverage engine (computeCoverage, createCoverageIndex, gaps), as
// plans and as units: clipper2-ts 1.5.4 exhausted the heap on SPIKE_5 and SPIKE_15 (upstream
// countertype/clipper2-ts#36) in the engine's repair union, and on the ring that is a spike only once
// rounded to the engine's integer plane. src/geo/clip.ts despikes every path before Clipper.
import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { Clipper } from '@countertype/clipper2-ts';
import { computeCoverage, createCoverageIndex } from '../../../src/coverage/engine';
import { createFrame, toPoint } from '../../../src/coverage/frame';
import type { InputFeature } from '../../../src/coverage/types';
import { extent, lonLatXY } from '../../../src/geo/extent';
import { hasSpike } from '../../../src/geo/despike';
import { rectRing } from './arbitraries';
import {
  DIAGONAL_SPIKE, DIAGONAL_SPIKE_CLEAN, lonLatRing, path, roundingSpikeRing, SPIKE_15, SPIKE_15_CLEAN, SPIKE_5, SPIKE_5_CLEAN, VERTICAL_SPIKE, VERTICAL_SPIKE_CLEAN, type XY,
} from '../geo/spike-rings';

const CASES: [string, XY, XY, number][] = [
  ['the 5-vertex horizontal spike', SPIKE_5, SPIKE_5_CLEAN, 100],
  ['the 15-vertex polygon with spikes of every direction', SPIKE_15, SPIKE_15_CLEAN, 8],
  ['vertical spikes', VERTICAL_SPIKE, VERTICAL_SPIKE_CLEAN, 30],
  ['diagonal spikes and a needle', DIAGONAL_SPIKE, DIAGONAL_SPIKE_CLEAN, 20],
];

const unit = (code: string, ring: Position[], slated = true): InputFeature => ({ type: 'Feature', properties: { code, slated }, geometry: { type: 'Polygon', coordinates: [ring] } });
const plan = (id: string, ring: Position[]): InputFeature => ({ type: 'Feature', properties: { id }, geometry: { type: 'Polygon', coordinates: [ring] } });

/** The unit square of the tests: 1000 × 1000 lattice steps (~1 km²). */
const SQUARE = rectRing(0, 0, 1000, 1000);
/** The clean ring's share of SQUARE (lattice steps²: the same scale both ways, to ~1e-4). */
const share = (clean: XY, scale: number): number => (Math.abs(Clipper.area(path(clean))) * scale * scale) / 1e6;

describe('spiky plans and units through the engine', () => {
  it.each(CASES)('%s, as a plan: covers the ring without its spikes', (_name, spiky, clean, scale) => {
    const r = computeCoverage([unit('U', SQUARE)], [plan('p', lonLatRing(spiky, scale, 500, 500))]);
    expect(r.units[0]!.plan_ids).toEqual(['p']);
    expect(r.units[0]!.coverage).toBeCloseTo(share(clean, scale), 4);
  });

  it.each(CASES)('%s, as a unit: its area is the ring\'s without its spikes, all covered by a plan over it', (_name, spiky, clean, scale) => {
    const r = computeCoverage([unit('S', lonLatRing(spiky, scale, 500, 500))], [plan('all', SQUARE)]);
    const square = computeCoverage([unit('Q', SQUARE)], []).units[0]!.area_m2;
    expect(r.units[0]!.area_m2 / square).toBeCloseTo(share(clean, scale), 4);
    expect(r.units[0]!.coverage).toBeCloseTo(1, 9);
  });

  it('the incremental index: spiky plans added, replaced and removed; gaps of spiky units', () => {
    const units = CASES.map(([, spiky, , scale], i) => unit(`S${i}`, lonLatRing(spiky, scale, 500 + 2000 * i, 500)));
    const idx = createCoverageIndex([unit('U', SQUARE, false), ...units], []);
    const ids = idx.upsertPlans(CASES.map(([, spiky, , scale], i) => plan(`p${i}`, lonLatRing(spiky, scale, 500 + 2000 * i, 500))));
    expect(ids).toEqual(['p0', 'p1', 'p2', 'p3']);
    for (const u of idx.result().units.filter((x) => x.id !== 'U')) expect(u.coverage, u.id).toBeCloseTo(1, 9);
    // A plan over the left half of each spiky unit instead: gaps are the rest of it.
    idx.removePlans(ids);
    idx.upsertPlans(CASES.map(([, , clean, scale], i) => {
      const xs = clean.map(([x]) => 500 + 2000 * i + x * scale);
      const left = Math.min(...xs) - 10;
      return plan(`h${i}`, rectRing(left, -1000, (Math.max(...xs) + 10 - left) / 2, 4000));
    }));
    const gaps = idx.gaps(units.map((u) => String(u.properties!.code)));
    expect(gaps.units).toHaveLength(4);
    for (const g of gaps.units) {
      expect(g.gap_m2, g.unit_id).toBeGreaterThan(0);
      expect(Math.abs(g.covered_m2 + g.gap_m2 - g.area_m2) / g.area_m2).toBeLessThan(1e-4);
    }
    expect(idx.removePlan('h0')).toBe(true);
    expect(idx.result().units.find((u) => u.id === 'S0')!.coverage).toBe(0);
  });

  it('a plan that is a spike only once rounded to the engine\'s integer plane', () => {
    const units = [unit('U', SQUARE)];
    // The engine's frame: centred on the units' extent.
    const frame = createFrame(extent(units.map((u) => u.geometry), lonLatXY));
    const base = toPoint(frame, ...(SQUARE[0] as [number, number]));
    const ring = roundingSpikeRing(frame, base.x + 1_000_000, base.y + 1_000_000);
    // Fine in floating point (no two bottom vertices on one latitude) …
    expect(new Set(ring.slice(1, 5).map((p) => p[1])).size).toBe(4);
    // … SPIKE_5 once rounded.
    const plane = ring.slice(0, -1).map((p) => toPoint(frame, p[0]!, p[1]!));
    expect(hasSpike(plane)).toBe(true);
    const r = computeCoverage(units, [plan('r', ring)]);
    const triangle_m2 = (3 * 100_000 ** 2) / frame.unitsPerMetre ** 2;
    expect(r.units[0]!.covered_m2 / triangle_m2).toBeCloseTo(1, 3);
  });
});
