// The geodata checker (issue 3): the broken-file corpus in tests/fixtures/bad (expected lines in
// expected.json), the good fixtures, the CLI on the worst inputs (in-process, through its core in
// scripts/cli/check-geodata.ts, plus one smoke run of the real script), and properties: no input
// makes the rules throw or hit their last-resort "internal checker error".
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { nodeCheckIo, runCheckCli } from '../../scripts/cli/check-geodata.ts';
import { checkFeatureCollection, checkGeoJson, checkGeoJsonBytes, parseGeoJsonText } from '../../src/validation/check.ts';
import { formatProblem } from '../../src/validation/format.ts';
import { inferLayer } from '../../src/validation/layers.ts';
import { MAX_FILE_BYTES, sizeProblem } from '../../src/validation/input.ts';
import { LAYER_KINDS, type LayerKind, type Problem } from '../../src/validation/types.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BAD = join(ROOT, 'tests/fixtures/bad');
const GOOD = join(ROOT, 'tests/fixtures/good');
const DISTRICT_FILE = join(GOOD, 'district.geojson');
const DISTRICT = JSON.parse(readFileSync(DISTRICT_FILE, 'utf8')) as unknown;
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const SCRIPT = join(ROOT, 'scripts/check-geodata.ts');

interface Expected {
  problem: string;
  layer?: LayerKind;
  lines: string[];
  exit: number;
}
const EXPECTED = Object.fromEntries(
  Object.entries(JSON.parse(readFileSync(join(BAD, 'expected.json'), 'utf8')) as Record<string, unknown>).filter(
    ([k]) => !k.startsWith('_'),
  ),
) as Record<string, Expected>;
const CORPUS = Object.keys(EXPECTED).sort();

/** Display name used in output lines: the path relative to the repo root, as the CLI prints it. */
const shown = (rel: string): string => `tests/fixtures/bad/${rel}`;

function geojsonFilesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.geojson'))
    .map((f) => f.split('\\').join('/'))
    .sort();
}

/** Exact line match, or prefix match when the expected line ends with "*". */
function matches(actual: readonly string[], expected: readonly string[]): boolean {
  return (
    actual.length === expected.length &&
    expected.every((e, i) => (e.endsWith('*') ? actual[i]!.startsWith(e.slice(0, -1)) : actual[i] === e))
  );
}

function checkFixture(rel: string): { lines: string[]; exit: number } {
  const e = EXPECTED[rel]!;
  const report = checkGeoJsonBytes(readFileSync(join(BAD, rel)), {
    fileName: rel,
    district: DISTRICT,
    ...(e.layer ? { layer: e.layer } : {}),
  });
  return {
    lines: report.problems.map((p) => formatProblem(shown(rel), p)),
    exit: report.problems.some((p) => p.severity === 'error') ? 1 : 0,
  };
}

/** The CLI in-process, standing in the repo root as `npm run geodata:check` does. */
function runCli(args: readonly string[]): { status: number; stdout: string; stderr: string } {
  const r = runCheckCli(args, nodeCheckIo(ROOT));
  return { status: r.code, stdout: r.stdout, stderr: r.stderr };
}

const STACK_FRAME = /^\s+at\s/m;

describe('broken-file corpus', () => {
  it('has an expectation for every file and a file for every expectation (≥ 22 cases)', () => {
    expect(geojsonFilesUnder(BAD)).toEqual(CORPUS);
    expect(CORPUS.length).toBeGreaterThanOrEqual(22);
  });

  it.each(CORPUS)('%s', (rel) => {
    const e = EXPECTED[rel]!;
    const got = checkFixture(rel);
    const want = e.lines.map((l) => `${shown(rel)}: ${l}`);
    expect(matches(got.lines, want), `got:\n${got.lines.join('\n')}\nwant:\n${want.join('\n')}`).toBe(true);
    expect(got.exit).toBe(e.exit);
  });
});

describe('good fixtures', () => {
  const good = geojsonFilesUnder(GOOD);

  it.each(good)('%s has no problems', (rel) => {
    const report = checkGeoJsonBytes(readFileSync(join(GOOD, rel)), { fileName: rel, district: DISTRICT });
    expect(report.problems).toEqual([]);
    expect(report.featureCount).toBeGreaterThan(0);
  });

  it('reports the tiling numbers of a units file that tiles the district', () => {
    const text = readFileSync(join(GOOD, 'units-2021.two-units.geojson'), 'utf8');
    const report = checkGeoJson(text, { fileName: 'units-2021.two-units.geojson', district: DISTRICT });
    expect(report.notes).toContain('tiling: gaps of 0.000% and overlap 0.000% of the district');
  });

  it('without a district outline, tests extent against the district bbox and says so', () => {
    const text = readFileSync(join(BAD, 'tourism.far-outside.geojson'), 'utf8');
    const report = checkGeoJson(text, { fileName: 'tourism.far-outside.geojson' });
    // Văn Miếu (105.8355 E, 21.0293 N) to the bbox corner (105.99 E, 21.18 N): 16.1 km west, 16.7 km south.
    expect(report.problems.map((p) => p.message)).toEqual(['lies 23 km outside the district bbox']);
    expect(report.notes.join('\n')).toMatch(/bbox 105\.99–106\.18 E, 21\.18–21\.36 N/);
  });

  it('measures gaps as holes of the union when there is no district outline', () => {
    const ring = (x0: number, y0: number, x1: number, y1: number): number[][] => [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]];
    const props = JSON.parse(readFileSync(join(GOOD, 'units-2021.two-units.geojson'), 'utf8')).features[0].properties;
    // A frame with a 10 × 10 hole in 40 × 40: the hole is 100 / 1600 = 6.25% of the covered outline.
    const frame = { type: 'Polygon', coordinates: [ring(106.0, 21.2, 106.04, 21.24), ring(106.01, 21.21, 106.02, 21.22).reverse()] };
    const fcOf = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: props, geometry: frame }] };
    const problems = checkFeatureCollection(fcOf, { layer: 'units' });
    expect(problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/^units leave gaps of 6\.2\d% and overlap 0\.00% of their union/),
    ]);
  });
});

describe('pieces', () => {
  it('infers the layer from the file name', () => {
    expect(inferLayer('geodata/units-2021.geojson')).toBe('units');
    expect(inferLayer('C:\\data\\wards-2025.geojson')).toBe('wards');
    expect(inferLayer('plans-demo.missing-level.geojson')).toBe('plans');
    expect(inferLayer('infrastructure.geojson')).toBe('infrastructure');
    expect(inferLayer('district.geojson')).toBe('district');
    expect(inferLayer('roads.geojson')).toBe('generic');
  });

  it('formats file-level problems, features without id, and warnings', () => {
    const p = (featureIndex: number | null, featureId: string | null, severity: Problem['severity']): Problem => ({
      featureIndex,
      featureId,
      message: 'what\nis wrong',
      severity,
    });
    expect(formatProblem('f.geojson', p(null, null, 'error'))).toBe('f.geojson: what is wrong');
    expect(formatProblem('f.geojson', p(3, null, 'error'))).toBe('f.geojson: feature 3: what is wrong');
    expect(formatProblem('f.geojson', p(3, 'a\nb', 'warning'))).toBe('f.geojson: feature 3 (id a?b): warning: what is wrong');
  });

  it('refuses files above the size limit, naming it', () => {
    expect(sizeProblem(MAX_FILE_BYTES)).toBeNull();
    expect(sizeProblem(200 * 1024 * 1024)?.message).toBe('is 200 MB, larger than the 100 MB limit; not read');
  });

  it('accepts a UTF-8 BOM in text and in bytes', () => {
    const body = readFileSync(join(GOOD, 'plans-demo.geojson'));
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]);
    expect(checkGeoJsonBytes(withBom, { fileName: 'plans-demo.geojson', district: DISTRICT }).problems).toEqual([]);
    expect(parseGeoJsonText(`\uFEFF${body.toString('utf8')}`).ok).toBe(true);
  });

  it('warns (not errors) about positions with more than 3 elements', () => {
    const f = { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [106.05, 21.25, 10, 1] } };
    const problems = checkFeatureCollection({ type: 'FeatureCollection', features: [f] });
    expect(problems).toEqual([
      {
        featureIndex: 0, featureId: null, severity: 'warning', message: '1 position(s) have more than 3 elements; RFC 7946 says they should not',
        code: 'extraDimensions', params: { n: 1 },
      },
    ]);
  });

  it('does not call a repeated vertex a self-intersection', () => {
    const ring = [[106.0, 21.2], [106.1, 21.2], [106.1, 21.2], [106.1, 21.3], [106.0, 21.3], [106.0, 21.2]];
    const f = { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [ring] } };
    expect(checkFeatureCollection({ type: 'FeatureCollection', features: [f] })).toEqual([]);
  });
});

// Every rule's output must be a well-formed Problem, and the last-resort catch in check.ts must never
// be what produced it: that would mean a rule threw.
function assertSound(problems: unknown): void {
  expect(Array.isArray(problems)).toBe(true);
  for (const p of problems as Problem[]) {
    expect(typeof p.message).toBe('string');
    expect(p.message).not.toMatch(/internal checker error/);
    expect(['error', 'warning']).toContain(p.severity);
  }
}

const layerArb = fc.constantFrom<LayerKind>(...LAYER_KINDS);
const coordinate = fc.oneof(
  fc.double({ min: 105.9, max: 106.3, noNaN: true }),
  fc.double({ min: 21.1, max: 21.4, noNaN: true }),
  fc.double(), // includes NaN, ±Infinity, -0 (possible from JS callers, not from JSON)
  fc.string({ maxLength: 3 }),
  fc.constant(null),
);
const position = fc.array(coordinate, { minLength: 0, maxLength: 4 });
// Rings near the district, often closed, so that winding, kinks, extent and tiling really run.
const ringArb = fc
  .array(fc.tuple(fc.double({ min: 106.0, max: 106.16, noNaN: true }), fc.double({ min: 21.2, max: 21.34, noNaN: true })), {
    minLength: 0,
    maxLength: 7,
  })
  .chain((pts) => fc.constantFrom(pts, pts.length > 0 ? [...pts, pts[0]!] : pts));
const coordinatesArb = fc.oneof(
  position,
  fc.array(position, { maxLength: 4 }),
  fc.array(ringArb, { maxLength: 3 }),
  fc.array(fc.array(ringArb, { maxLength: 2 }), { maxLength: 3 }),
  fc.anything({ maxDepth: 4 }),
);
const geometryArb = fc.oneof(
  fc.record({
    type: fc.constantFrom('Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon', 'Circle'),
    coordinates: coordinatesArb,
  }),
  fc.record({ type: fc.constant('GeometryCollection'), geometries: fc.anything({ maxDepth: 3 }) }),
  fc.constant(null),
  fc.anything({ maxDepth: 3 }),
);
const propertiesArb = fc.oneof(
  fc.dictionary(
    fc.constantFrom('id', 'name', 'code', 'status', 'level', 'slated_ward', 'ward_2025', 'approved_on', 'host_units', 'provenance'),
    fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.anything({ maxDepth: 2 })),
  ),
  fc.anything({ maxDepth: 2 }),
);
const featureArb = fc.oneof(
  { weight: 4, arbitrary: fc.record({ type: fc.constant('Feature'), id: fc.anything({ maxDepth: 1 }), properties: propertiesArb, geometry: geometryArb }, { requiredKeys: ['type'] }) },
  { weight: 1, arbitrary: fc.anything({ maxDepth: 3 }) },
);
const collectionArb = fc.record({
  type: fc.constant('FeatureCollection'),
  features: fc.oneof(fc.array(featureArb, { maxLength: 6 }), fc.anything({ maxDepth: 2 })),
  bbox: fc.anything({ maxDepth: 1 }),
}, { requiredKeys: ['type', 'features'] });

// Only numeric, closed rings near the district: every geometric rule runs (winding, kinks, extent),
// and on the units layer so does the clipping behind the tiling check, on random (often
// self-intersecting) polygons.
const anyRing = fc
  .array(fc.tuple(fc.double({ min: 105.98, max: 106.2, noNaN: true }), fc.double({ min: 21.18, max: 21.36, noNaN: true })), {
    minLength: 3,
    maxLength: 7,
  })
  .map((pts) => [...pts, pts[0]!]);
// Star-shaped around a centre (angles sorted), so simple; reversed half the time (winding errors).
const simpleRing = fc
  .record({
    cx: fc.double({ min: 105.99, max: 106.18, noNaN: true }),
    cy: fc.double({ min: 21.18, max: 21.36, noNaN: true }),
    spokes: fc.array(fc.tuple(fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }), fc.double({ min: 0.001, max: 0.1, noNaN: true })), {
      minLength: 3,
      maxLength: 8,
    }),
    reverse: fc.boolean(),
  })
  .map(({ cx, cy, spokes, reverse }) => {
    const pts = [...spokes].sort((a, b) => a[0] - b[0]).map(([a, r]) => [cx + r * Math.cos(a), cy + r * Math.sin(a)]);
    if (reverse) pts.reverse();
    return [...pts, pts[0]!];
  });
const closedRing = fc.oneof(anyRing, simpleRing, simpleRing);
const arealGeometry = fc.oneof(
  fc.array(closedRing, { minLength: 1, maxLength: 2 }).map((coordinates) => ({ type: 'Polygon', coordinates })),
  fc
    .array(fc.array(closedRing, { minLength: 1, maxLength: 2 }), { minLength: 1, maxLength: 2 })
    .map((coordinates) => ({ type: 'MultiPolygon', coordinates })),
);
const arealCollection = fc
  .array(arealGeometry, { minLength: 1, maxLength: 4 })
  .map((geoms) => ({ type: 'FeatureCollection', features: geoms.map((geometry) => ({ type: 'Feature', properties: {}, geometry })) }));

describe('never throws', () => {
  it('on arbitrary values (fc.anything)', () => {
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: true, withBoxedValues: true, withSparseArray: true }), layerArb, (v, layer) => {
        assertSound(checkFeatureCollection(v, { layer }));
      }),
      { numRuns: 300 },
    );
  });

  it('on arbitrary JSON text', () => {
    fc.assert(
      fc.property(fc.json(), layerArb, (text, layer) => {
        assertSound(checkFeatureCollection(text, { layer }));
      }),
      { numRuns: 300 },
    );
  });

  it('on arbitrary strings and bytes', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.uint8Array({ maxLength: 64 }), layerArb, (text, bytes, layer) => {
        assertSound(checkFeatureCollection(text, { layer }));
        assertSound(checkGeoJsonBytes(bytes, { layer }).problems);
      }),
      { numRuns: 300 },
    );
  });

  it('on FeatureCollection-shaped garbage, with and without a district outline', () => {
    fc.assert(
      fc.property(collectionArb, layerArb, fc.boolean(), (value, layer, withDistrict) => {
        const options = withDistrict ? { layer, district: DISTRICT } : { layer };
        assertSound(checkFeatureCollection(value, options));
        assertSound(checkFeatureCollection(JSON.stringify(value) ?? '', { ...options, fileName: 'units-2021.geojson' }));
      }),
      { numRuns: 400 },
    );
  });

  it('on random polygons, through winding, kinks, extent and tiling', () => {
    let tilingMeasured = 0;
    fc.assert(
      fc.property(arealCollection, fc.boolean(), (value, withDistrict) => {
        const report = checkGeoJson(value, { layer: 'units', ...(withDistrict ? { district: DISTRICT } : {}) });
        assertSound(report.problems);
        if (report.notes.some((n) => n.startsWith('tiling:')) || report.problems.some((p) => p.message.startsWith('units leave'))) {
          tilingMeasured++;
        }
      }),
      { numRuns: 300 },
    );
    // Guard against the generator drifting so far that the clipping path is never exercised.
    expect(tilingMeasured).toBeGreaterThan(10);
  });

  it('on deeply nested JSON', () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const inGeometry = `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":${deep}}}]}`;
    assertSound(checkFeatureCollection(deep));
    const problems = checkFeatureCollection(inGeometry);
    assertSound(problems);
    expect(problems.length).toBeGreaterThan(0);
  });
});

describe('CLI core (scripts/cli/check-geodata.ts, in-process)', () => {
  it('prints exactly the expected lines for the whole corpus and exits 1', () => {
    // The files with errors (a fixture whose problems are warnings only, e.g. an unknown plan status, exits 0).
    const files = CORPUS.filter((rel) => EXPECTED[rel]!.layer === undefined && EXPECTED[rel]!.exit === 1);
    const r = runCli(['--district', relative(ROOT, DISTRICT_FILE), ...files.map(shown)]);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('');
    const lines = r.stdout.split('\n').filter((l) => l !== '' && !l.includes(': note: ') && !l.startsWith('geodata:check: '));
    const want = files.flatMap((rel) => EXPECTED[rel]!.lines.map((l) => `${shown(rel)}: ${l}`));
    expect(matches(lines, want), `got:\n${lines.join('\n')}`).toBe(true);
    expect(r.stdout).toMatch(new RegExp(`geodata:check: ${files.length} files checked, ${files.length} with errors`));
  });

  it('takes the layer from --layer', () => {
    const rel = 'explicit-layer.geojson';
    const e = EXPECTED[rel]!;
    const r = runCli(['--layer', e.layer!, '--district', relative(ROOT, DISTRICT_FILE), shown(rel)]);
    expect(r.status).toBe(e.exit);
    expect(r.stdout.split('\n').filter((l) => l.includes('feature '))).toEqual(e.lines.map((l) => `${shown(rel)}: ${l}`));
  });

  it('exits 0 with "ok" lines and a summary on the good fixtures', () => {
    const files = geojsonFilesUnder(GOOD).map((f) => `tests/fixtures/good/${f}`);
    const r = runCli(['--district', relative(ROOT, DISTRICT_FILE), ...files]);
    expect(r.status).toBe(0);
    for (const f of files) expect(r.stdout).toMatch(new RegExp(`^${f.replace(/\./g, '\\.')}: ok \\(\\d+ features?\\)$`, 'm'));
    expect(r.stdout).toContain(`geodata:check: ${files.length} files checked, all ok`);
  });

  it('never shows a stack trace on the worst inputs, and exits 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'geodata-check-'));
    try {
      const huge = join(dir, 'huge.geojson');
      writeFileSync(huge, '');
      truncateSync(huge, 200 * 1024 * 1024); // sparse: instant, takes no disk
      const deep = join(dir, 'deep.geojson');
      writeFileSync(deep, `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":${'['.repeat(200_000)}${']'.repeat(200_000)}}}]}`);
      const cases: [string, RegExp][] = [
        [huge, /huge\.geojson: is 200 MB, larger than the 100 MB limit; not read/],
        // Refused by the streaming limit scan before JSON.parse (issue 12).
        [deep, /deep\.geojson: nests arrays\/objects more than 32 levels deep \(limit\); not read further/],
        [dir, /: is a directory, expected a GeoJSON file/],
        [join(dir, 'missing.geojson'), /missing\.geojson: no such file/],
        [shown('binary-junk.geojson'), /binary-junk\.geojson: contains binary data/],
        [shown('invalid-utf8.geojson'), /invalid-utf8\.geojson: is not valid UTF-8 text/],
        [shown('nested-garbage.geojson'), /nested-garbage\.geojson: feature 6: /],
      ];
      for (const [file, message] of cases) {
        const r = runCli([file]);
        expect(r.status, file).toBe(1);
        expect(r.stdout).toMatch(message);
        expect(r.stdout + r.stderr).not.toMatch(STACK_FRAME);
        expect(r.stderr).toBe('');
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('rejects an unknown layer with a usage message (exit 2), no stack trace', () => {
    const r = runCli(['--layer', 'roads', shown('empty.geojson')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/unknown layer "roads"/);
    expect(r.stdout + r.stderr).not.toMatch(STACK_FRAME);
  });
});

describe('scripts/check-geodata.ts (one subprocess smoke test)', () => {
  it('runs under tsx: exits 0 with a summary line on a good fixture', async () => {
    const file = 'tests/fixtures/good/plans-demo.geojson';
    const r = await promisify(execFile)(TSX, [SCRIPT, '--district', relative(ROOT, DISTRICT_FILE), file], { cwd: ROOT, encoding: 'utf8' }).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (e: { code?: number; stdout?: string; stderr?: string }) => ({ code: e.code ?? -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' }),
    );
    const { code, stdout, stderr } = r;
    expect(code, stderr).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toMatch(/^tests\/fixtures\/good\/plans-demo\.geojson: ok \(\d+ features?\)$/m);
    expect(stdout).toContain('geodata:check: 1 file checked, all ok');
  }, 120_000);
});

describe('geodata:check on the resolution files', () => {
  const RES = 'tests/unit/resolution/fixtures/bad';
  it('checks geodata/resolution.json and the places file by default', () => {
    const r = runCli([]);
    expect(r.stdout).toMatch(/geodata\/resolution\.json: ok \(\d+ targets\)/);
    expect(r.stdout).toMatch(/geodata\/source\/resolution-places\.json: ok \(\d+ places\)/);
  });
  it('rejects a resolution file whose target number has no source (exit 1, the path named)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vy-res-'));
    const file = join(dir, 'resolution.json');
    writeFileSync(file, readFileSync(join(ROOT, RES, 'target-value-without-source.json')));
    const r = runCli([file]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/resolution\.json: .*source: missing; the value .* needs a source/);
  });
});
