// The resolution checker: the broken-file corpus (one expected message list per file), the good
// fixture, the real geodata/resolution.json and geodata/source/resolution-places.json, and a
// property: no JSON input makes the checker throw.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { booleanPointInPolygon } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { checkResolution, checkResolutionPlaces } from '../../../src/resolution/validate.ts';
import { formatProblem } from '../../../src/validation/format.ts';
import type { ResolutionFile } from '../../../src/resolution/types.ts';
import { NO_FIGURE } from '../../../src/resolution/types.ts';
import { parseDay } from '../../../src/resolution/dates.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const FIXTURES = join(ROOT, 'tests/unit/resolution/fixtures');
const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8')) as unknown;

type UnitProps = { slated_ward: boolean; official_area_km2: number | null; population_2022: number | null };
const UNITS = readJson(join(ROOT, 'geodata/units-2021.geojson')) as FeatureCollection<Polygon | MultiPolygon, UnitProps>;
const UNIT_IDS: ReadonlySet<string> = new Set(UNITS.features.map((f) => String(f.id)));
const NINE = UNITS.features.filter((f) => f.properties.slated_ward).map((f) => String(f.id)).sort();

/** The fixtures know one unit only: it keeps them small (unit_figures must cover every known unit). */
const FIXTURE_UNITS: ReadonlySet<string> = new Set(['07777']);

const EXPECTED = readJson(join(FIXTURES, 'bad-expected.json')) as Record<string, string[]>;

describe('bad resolution files', () => {
  const files = readdirSync(join(FIXTURES, 'bad')).filter((f) => f.endsWith('.json')).sort();

  it('has an expectation for every file and a file for every expectation', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(files);
    expect(files.length).toBeGreaterThanOrEqual(20);
  });

  it('covers the required cases', () => {
    for (const f of [
      'target-value-without-source.json',
      'actual-without-confidence.json',
      'bad-date-2023-02-30.json',
      'unknown-unit-id.json',
      'missing-label.json',
    ])
      expect(files).toContain(f);
  });

  for (const f of files) {
    it(f, () => {
      const problems = checkResolution(readJson(join(FIXTURES, 'bad', f)), FIXTURE_UNITS);
      expect(problems.map((p) => p.message)).toEqual(EXPECTED[f]);
      for (const p of problems) {
        expect(p.severity).toBe('error');
        expect(p.featureIndex).toBeNull();
        const line = formatProblem(`geodata/${f}`, p);
        expect(line).toBe(`geodata/${f}: ${p.message}`);
        expect(line).not.toMatch(/[\r\n]/);
      }
    });
  }

  it('names the exact problem for the five required cases', () => {
    expect(EXPECTED['target-value-without-source.json']).toEqual([
      'targets[0] (growth-rate).source: missing; the value 23 needs a source',
    ]);
    expect(EXPECTED['actual-without-confidence.json']).toEqual([
      'targets[0] (growth-rate).actuals[0].confidence: missing; expected "H", "M" or "U"',
    ]);
    expect(EXPECTED['bad-date-2023-02-30.json']).toEqual([
      'milestones[0] (mid-term-review).actual.date: "2023-02-30" is not a real calendar date at day precision',
    ]);
    expect(EXPECTED['unknown-unit-id.json']).toEqual([
      'milestones[0] (mid-term-review).units[1]: "07999" is not a unit id of units-2021.geojson',
    ]);
    expect(EXPECTED['missing-label.json']).toEqual(['targets[0] (growth-rate).label.en: missing or empty']);
  });
});

describe('good resolution files', () => {
  it('the minimal fixture passes', () => {
    expect(checkResolution(readJson(join(FIXTURES, 'good/minimal.json')), FIXTURE_UNITS)).toEqual([]);
  });

  const real = readJson(join(ROOT, 'geodata/resolution.json')) as ResolutionFile;

  it('geodata/resolution.json passes against the ids of units-2021.geojson', () => {
    expect(checkResolution(real, UNIT_IDS).map((p) => p.message)).toEqual([]);
  });

  it('has every 2025 target of the brief, the coverage target computed by the app', () => {
    const ids = real.targets.map((t) => t.id);
    for (const id of [
      'growth-rate', 'income-per-head', 'budget-revenue-growth', 'hospital-beds', 'hospital-beds-inner',
      'non-farm-labour', 'non-farm-labour-inner', 'poor-households', 'population', 'inner-population-share',
      'wards', 'online-files-district', 'online-files-commune', 'databases-linked', 'payment-accounts',
      'urban-type-iv', 'thi-xa', 'detailed-plans',
    ])
      expect(ids).toContain(id);
    const plans = real.targets.find((t) => t.id === 'detailed-plans')!;
    expect(plans.computed).toBe('coverage');
    expect(plans.comparator === 'gt' && plans.value).toBe(80);
  });

  it('never credits the list of nine to the 2021 resolution', () => {
    const nq162 = real.milestones.find((m) => m.id === 'nq-162')!;
    expect(nq162.units).toEqual([]);
    // No milestone before 956/QĐ-BXD (11/09/2023) names a unit.
    const first = parseDay('2023-09-11')!;
    for (const m of real.milestones) {
      const date = m.actual ?? m.planned;
      const day = date && date.precision === 'day' ? parseDay(date.date) : null;
      if (day !== null && day < first) expect(m.units, m.id).toEqual([]);
    }
    expect([...real.milestones.find((m) => m.id === 'qd-956')!.units].sort()).toEqual(NINE);
    expect([...real.milestones.find((m) => m.id === 'nq-938-adopted')!.units].sort()).toEqual(NINE);
  });

  it('has unit figures equal to the units layer (both come from the facts), gaps as gaps', () => {
    const byId = new Map(real.unit_figures.map((u) => [u.unit_id, u]));
    expect([...byId.keys()].sort()).toEqual([...UNIT_IDS].sort());
    for (const f of UNITS.features) {
      const u = byId.get(String(f.id))!;
      expect(u.area_km2.value, u.name).toBe(f.properties.official_area_km2);
      expect(u.population.value, u.name).toBe(f.properties.population_2022);
      expect(u.infrastructure_recognised.value === true, u.name).toBe(f.properties.slated_ward);
      for (const fig of [u.area_km2, u.population])
        if (fig.value === null) expect(fig.note, u.name).toContain(NO_FIGURE);
    }
  });
});

describe('resolution places', () => {
  const places = readJson(join(ROOT, 'geodata/source/resolution-places.json')) as {
    places: { id: string; position: string; lon: number | null; lat: number | null; commune_unit_id: string | null }[];
  };

  it('geodata/source/resolution-places.json passes', () => {
    expect(checkResolutionPlaces(places, UNIT_IDS).map((p) => p.message)).toEqual([]);
  });

  it('places every positioned entry inside its commune', () => {
    const unit = new Map(UNITS.features.map((f) => [String(f.id), f as Feature<Polygon | MultiPolygon>]));
    for (const p of places.places) {
      if (p.position === 'unknown' || p.commune_unit_id === null) continue;
      expect(booleanPointInPolygon([p.lon!, p.lat!], unit.get(p.commune_unit_id)!), p.id).toBe(true);
    }
  });

  it('reports a broken place with its path', () => {
    const broken = structuredClone(places) as { places: Record<string, unknown>[] };
    broken.places[0]!.commune_unit_id = '07999';
    delete broken.places[1]!.source;
    expect(checkResolutionPlaces(broken, UNIT_IDS).map((p) => p.message)).toEqual([
      'places[0] (khu-do-thi-nen-bich-dong).commune_unit_id: "07999" is not a unit id of units-2021.geojson',
      'places[1] (trung-tam-y-te-mo-rong).source: missing',
    ]);
  });
});

describe('checker robustness', () => {
  it('never throws and never reports an internal error, whatever the JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (json) => {
        const problems = checkResolution(json, UNIT_IDS);
        expect(Array.isArray(problems)).toBe(true);
        for (const p of problems) expect(p.message).not.toContain('internal checker error');
        for (const p of checkResolutionPlaces(json, UNIT_IDS)) expect(p.message).not.toContain('internal checker error');
      }),
      { numRuns: 300 },
    );
  });

  it('reports a problem when any required member of a target is removed', () => {
    const base = readJson(join(FIXTURES, 'good/minimal.json')) as { targets: Record<string, unknown>[] };
    const keys = ['id', 'label', 'scope', 'comparator', 'value', 'unit', 'year', 'source', 'confidence', 'actuals'];
    fc.assert(
      fc.property(fc.constantFrom(...keys), fc.integer({ min: 0, max: 2 }), (key, index) => {
        const doc = structuredClone(base);
        const target = doc.targets[index]!;
        if (!(key in target)) return; // a by_date target has no `value`
        delete target[key];
        expect(checkResolution(doc, FIXTURE_UNITS).length).toBeGreaterThan(0);
      }),
    );
  });
});
