// Checks the committed administrative geodata (geodata/*.geojson) against the facts table and
// the geometry rules in geodata/README.md. Measured numbers are printed for the record.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as turf from '@turf/turf';
import type { Feature, FeatureCollection, Position } from 'geojson';
import { describe, expect, test } from 'vitest';
import { geometryArea } from '../../src/geo/area';
import type { Polygonal as Poly } from '../../src/geo/types';
import { buildGeodata, type GeodataSources, type UnitFact } from '../../scripts/geodata/geodata-build';
import { polygonsOf as polys } from '../../scripts/geodata/tidy-polygonal';

const repo = join(__dirname, '../..');
const dir = join(repo, 'geodata');
const text = (f: string) => readFileSync(join(dir, f), 'utf8');
const read = <T>(f: string): T => JSON.parse(text(f)) as T;

const facts = read<UnitFact[]>('source/units-2021.json');
const units = read<FeatureCollection<Poly, Record<string, unknown>>>('units-2021.geojson');
const wards = read<FeatureCollection<Poly, Record<string, unknown>>>('wards-2025.geojson');
const district = read<FeatureCollection<Poly, Record<string, unknown>>>('district.geojson');
const factByCode = new Map(facts.map((u) => [u.code, u]));
const wardByCode = new Map(wards.features.map((w) => [w.properties['code'] as string, w]));
const wardCodeByName = new Map(wards.features.map((w) => [w.properties['name'] as string, w.properties['code'] as string]));
const unitFeature = (code: string) => units.features.find((f) => f.properties['code'] === code)!;
const asFeature = (g: Poly): Feature<Poly> => ({ type: 'Feature', properties: {}, geometry: g });
const signed = (r: Position[]) => r.reduce((s, a, i) => { const b = r[(i + 1) % r.length]!; return s + a[0]! * b[1]! - b[0]! * a[1]!; }, 0);
const districtM2 = geometryArea(district.features[0]!.geometry);

describe('units-2021 attributes match the facts table', () => {
  test('17 units with the facts codes, names, types, slated flags and wards', () => {
    expect(units.features).toHaveLength(17);
    expect(new Set(units.features.map((f) => f.properties['code']))).toEqual(new Set(facts.map((u) => u.code)));
    for (const f of units.features) {
      const p = f.properties;
      const u = factByCode.get(p['code'] as string)!;
      expect(f.id).toBe(u.code);
      expect(p['id']).toBe(u.code);
      expect(p['name']).toBe(u.name);
      expect(p['type_2021']).toBe(u.type_2021);
      expect(p['type_2024']).toBe(u.type_2024);
      expect(p['slated_ward']).toBe(u.slated_ward_2025);
      expect(p['ward_2025']).toEqual({ code: wardCodeByName.get(u.ward_2025), name: u.ward_2025 });
      expect(p['official_area_km2']).toBe(u.official_area_km2);
      expect(p['population_2022']).toBe(u.population_2022);
      expect(p['provenance']).toBe('indicative');
      expect(String(p['geometry_source'])).toMatch(/schematic/i);
    }
    expect(units.features.filter((f) => f.properties['slated_ward'] === true)).toHaveLength(9);
    for (const f of units.features) expect(f.properties['type_2024']).toBe(f.properties['slated_ward'] ? 'Phường' : 'Xã');
  });

  test('wards list the units they absorbed; district facts', () => {
    expect(wards.features).toHaveLength(4);
    for (const w of wards.features) {
      const expected = facts.filter((u) => u.ward_2025 === w.properties['name']).map((u) => u.code).sort();
      expect([...(w.properties['units_2021'] as string[])].sort()).toEqual(expected);
      expect(w.id).toBe(w.properties['code']);
      expect(w.properties['provenance']).toBe('official');
    }
    expect(district.features).toHaveLength(1);
    expect(district.features[0]!.properties).toMatchObject({ id: 'viet-yen', name: 'Việt Yên', official_area_km2: 171.01, population_2024: 229162 });
  });
});

describe('geometry validity', () => {
  const all = [...units.features, ...wards.features, ...district.features];
  test('closed rings of ≥ 4 positions, RFC 7946 winding, no self-intersection', () => {
    for (const f of all) {
      for (const poly of polys(f.geometry)) {
        poly.forEach((ring, k) => {
          expect(ring.length).toBeGreaterThanOrEqual(4);
          expect(ring[0]).toEqual(ring[ring.length - 1]);
          // outer counter-clockwise (> 0), holes clockwise
          expect(Math.sign(signed(ring.slice(0, -1)))).toBe(k === 0 ? 1 : -1);
        });
      }
      expect(turf.kinks(asFeature(f.geometry)).features, `${f.properties['name']}`).toHaveLength(0);
    }
  });

  test('coordinates have at most 5 decimals', () => {
    for (const f of all) for (const poly of polys(f.geometry)) for (const ring of poly) for (const c of ring) for (const v of c) expect(Math.abs(v * 1e5 - Math.round(v * 1e5))).toBeLessThan(1e-6);
  });
});

describe('partition', () => {
  test('units tile the district: gaps + overlaps < 0.1% of its area', () => {
    let overlap = 0;
    const fs = units.features;
    for (let i = 0; i < fs.length; i++)
      for (let j = i + 1; j < fs.length; j++) {
        const x = turf.intersect(turf.featureCollection([asFeature(fs[i]!.geometry), asFeature(fs[j]!.geometry)]));
        if (x) overlap += geometryArea(x.geometry);
      }
    const union = turf.union(turf.featureCollection(fs.map((f) => asFeature(f.geometry))))!;
    const gap = Math.abs(districtM2 - geometryArea(union.geometry));
    console.log(`tiling: overlaps ${overlap.toFixed(1)} m², gap ${gap.toFixed(1)} m² of ${(districtM2 / 1e6).toFixed(2)} km²`);
    expect((overlap + gap) / districtM2).toBeLessThan(1e-3);
  });

  test('wards tile the district too (no overlaps)', () => {
    let overlap = 0;
    const fs = wards.features;
    for (let i = 0; i < fs.length; i++)
      for (let j = i + 1; j < fs.length; j++) {
        const x = turf.intersect(turf.featureCollection([asFeature(fs[i]!.geometry), asFeature(fs[j]!.geometry)]));
        if (x) overlap += geometryArea(x.geometry);
      }
    const sum = fs.reduce((s, f) => s + geometryArea(f.geometry), 0);
    expect(overlap / districtM2).toBeLessThan(1e-5);
    expect(Math.abs(sum - districtM2) / districtM2).toBeLessThan(1e-5);
  });

  test('each reference point lies in its unit', () => {
    for (const u of facts) expect(turf.booleanPointInPolygon(u.reference_point, asFeature(unitFeature(u.code).geometry)), u.name).toBe(true);
  });

  test('each unit lies inside its 2025 ward', () => {
    for (const u of facts) {
      const g = unitFeature(u.code).geometry;
      const ward = wardByCode.get(wardCodeByName.get(u.ward_2025)!)!;
      const out = turf.difference(turf.featureCollection([asFeature(g), asFeature(ward.geometry)]));
      expect(out ? geometryArea(out.geometry) : 0, u.name).toBeLessThanOrEqual(1e-4 * geometryArea(g));
    }
  });

  test('unit areas within 2% of the reference areas scaled to the ward', () => {
    const rows: string[] = [];
    for (const u of facts) {
      const members = facts.filter((x) => x.ward_2025 === u.ward_2025);
      const wardM2 = geometryArea(wardByCode.get(wardCodeByName.get(u.ward_2025)!)!.geometry);
      const target = (u.reference_area_km2 / members.reduce((s, x) => s + x.reference_area_km2, 0)) * wardM2;
      const err = geometryArea(unitFeature(u.code).geometry) / target - 1;
      rows.push(`${u.name} ${(err * 100).toFixed(2)}%`);
      expect(Math.abs(err), u.name).toBeLessThan(0.02);
    }
    console.log(`unit area vs scaled reference: ${rows.join(', ')}`);
  });

  test('ward areas within 3% of official; sum ≈ 171.01 km²', () => {
    let sum = 0;
    const rows: string[] = [];
    for (const w of wards.features) {
      const a = geometryArea(w.geometry) / 1e6;
      sum += a;
      const off = w.properties['official_area_km2'] as number;
      rows.push(`${w.properties['name']} ${a.toFixed(2)} vs ${off} (${((a / off - 1) * 100).toFixed(2)}%)`);
      expect(Math.abs(a / off - 1)).toBeLessThan(0.03);
    }
    console.log(`wards: ${rows.join(', ')}; sum ${sum.toFixed(2)} km²`);
    expect(Math.abs(sum / 171.01 - 1)).toBeLessThan(0.01);
  });
});

describe('build', () => {
  test('is deterministic and the committed files are its output', () => {
    const src: GeodataSources = { wards: read('source/wards-2025.generalised.geojson'), units: facts };
    const a = buildGeodata(src);
    const b = buildGeodata(src);
    expect(a.problems).toEqual([]);
    expect(b.files).toEqual(a.files);
    for (const [name, t] of Object.entries(a.files)) expect(t, `${name} is stale: run npm run geodata:build`).toBe(text(name));
  });

  test('CLI smoke test: scripts/build-geodata.ts writes the three files to --out', () => {
    const out = mkdtempSync(join(tmpdir(), 'geodata-'));
    try {
      execFileSync(join(repo, 'node_modules/.bin/tsx'), [join(repo, 'scripts/build-geodata.ts'), '--root', repo, '--out', out], { stdio: 'pipe' });
      for (const name of ['units-2021.geojson', 'wards-2025.geojson', 'district.geojson']) expect(readFileSync(join(out, name), 'utf8'), name).toBe(text(name));
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 120_000);
});
