// The engine's gaps (issue 16) on every coverage fixture against tests/fixtures/coverage/gaps/*.json,
// computed independently with GEOS (shapely) and pyproj.Geod by make-expected.py (see its README).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCoverageIndex } from '../../../src/coverage/engine';
import { unitId } from '../../../src/coverage/unit-id';
import type { CoverageOptions, InputFeature } from '../../../src/coverage/types';

const ROOT = join(__dirname, '../../fixtures/coverage');
/** 0.01 % of the unit's area: the spec's tolerance (see the README beside the expected files). */
const REL = 1e-4;

interface ExpectedGaps {
  target: number;
  units: { unit_id: string; area_m2: number; covered_m2: number; gap_m2: number; shortfall_m2: number; pieces_m2: number[] }[];
}

const read = <T>(...p: string[]): T => JSON.parse(readFileSync(join(ROOT, ...p), 'utf8')) as T;
const cases = readdirSync(ROOT).filter((d) => existsSync(join(ROOT, 'gaps', `${d}.json`))).sort();

it('has expected gaps for all 13 fixture cases', () => {
  expect(cases.length).toBe(13);
});

describe.each(cases)('gaps of fixture %s', (name) => {
  const units = read<{ features: InputFeature[] }>(name, 'units.geojson').features;
  const plans = read<{ features: InputFeature[] }>(name, 'plans.geojson').features;
  const options = read<{ options: CoverageOptions }>(name, 'expected.json').options;
  const exp = read<ExpectedGaps>('gaps', `${name}.json`);

  it.each([400, 150, 60])('match GEOS + Geod with %d m cells', (cellMetres) => {
    const idx = createCoverageIndex(units, plans, options, { cellMetres });
    const g = idx.gaps(units.map((u, i) => unitId(u, i)));
    expect(g.target).toBe(exp.target);
    expect(g.units.map((u) => u.unit_id)).toEqual(exp.units.map((u) => u.unit_id));
    g.units.forEach((u, i) => {
      const e = exp.units[i]!;
      const tol = REL * e.area_m2;
      expect(Math.abs(u.area_m2 - e.area_m2)).toBeLessThanOrEqual(tol);
      expect(Math.abs(u.covered_m2 - e.covered_m2)).toBeLessThanOrEqual(tol);
      expect(Math.abs(u.gap_m2 - e.gap_m2)).toBeLessThanOrEqual(tol);
      expect(Math.abs(u.shortfall_m2 - e.shortfall_m2)).toBeLessThanOrEqual(tol);
      const pieces = g.pieces.features.filter((f) => f.properties.unit_id === u.unit_id);
      expect(pieces.map((p) => p.properties.rank)).toEqual(pieces.map((_, k) => k + 1));
      expect(pieces.length).toBe(e.pieces_m2.length);
      pieces.forEach((p, k) => expect(Math.abs(p.properties.area_m2 - e.pieces_m2[k]!)).toBeLessThanOrEqual(tol));
      for (const p of pieces) {
        // GeoJSON rings: closed, at least 4 positions.
        const polys = p.geometry.type === 'Polygon' ? [p.geometry.coordinates] : p.geometry.coordinates;
        for (const ring of polys.flat()) {
          expect(ring.length).toBeGreaterThanOrEqual(4);
          expect(ring[ring.length - 1]).toEqual(ring[0]);
        }
      }
    });
  });
});
