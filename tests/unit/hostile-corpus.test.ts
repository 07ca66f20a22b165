// Issue 12: the hostile corpus (tests/fixtures/hostile/make-hostile.ts, generated here into a temp
// dir, once for the whole file) through the three CLI cores in-process — `npm run import`,
// `npm run geodata:check`, `npm run coverage` (the file as the plan register) — each answering with
// the expected exit code and message, no stack trace, no internal error, within a generous ceiling
// per file (a hang shows as a timeout; this is not a speed assertion: speed is in npm run bench).
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runImportCli } from '../../src/import/cli-core.ts';
import { importFile } from '../../src/import/pipeline.ts';
import { renderMessage } from '../../src/import/format-messages.ts';
import { nodeXmlParser } from '../../src/import/node-xml.ts';
import { runCoverageCli } from '../../src/coverage/cli-core.ts';
import { nodeCheckIo, runCheckCli } from '../../scripts/cli/check-geodata.ts';
import { bigPolygonRing, HOSTILE_KEYS, makeHostileCorpus, type HostileCase, type Outcome } from '../fixtures/hostile/make-hostile.ts';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const DIR = mkdtempSync(join(tmpdir(), 'vy-hostile-'));
const CASES = makeHostileCorpus(DIR);
const CEILING_MS = 60_000;
const STACK = /^\s+at .+(:\d+:\d+|\(native\))/m;

afterAll(() => rmSync(DIR, { recursive: true, force: true }));

const district = JSON.parse(readFileSync(join(REPO, 'geodata/district.geojson'), 'utf8')) as unknown;

function importCli(file: string, args: readonly string[] = []) {
  return runImportCli([file, ...args], {
    size: (p) => statSync(p).size,
    readFile: (p) => readFileSync(p),
    writeFile: (p, text) => writeFileSync(p, text),
    readDistrict: () => district,
  });
}

function checkCli(file: string) {
  const r = runCheckCli([file], nodeCheckIo(REPO));
  return { code: r.code, stdout: r.stdout, stderr: r.stderr };
}

function coverageCli(file: string) {
  return runCoverageCli(['--units', join(REPO, 'geodata/units-2021.geojson'), '--plans', file], {
    size: (p) => statSync(p).size,
    readText: (p) => readFileSync(p, 'utf8'),
    readBytes: (p) => readFileSync(p),
    xmlParser: nodeXmlParser(),
  });
}

function expectOutcome(what: string, r: { code: number; stdout: string; stderr: string }, want: Outcome, text: string): void {
  expect(r.code, `${what} exit code; output:\n${(r.stderr + r.stdout).slice(0, 1500)}`).toBe(want.code);
  if (typeof want.match === 'string') expect(text, what).toContain(want.match);
  else expect(text, what).toMatch(want.match);
  expect(r.stdout.slice(0, 20_000) + r.stderr, what).not.toMatch(STACK);
  expect(r.stderr + r.stdout.slice(0, 20_000), what).not.toMatch(/internal (import |checker )?error/);
}

describe('the hostile corpus', () => {
  it('has at least 60 files, in every category', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(60);
    expect(new Set(CASES.map((c) => c.category))).toEqual(new Set(['size', 'geometry', 'structure', 'keys', 'shapefile', 'zip', 'kml']));
    expect(new Set(CASES.map((c) => c.name)).size).toBe(CASES.length);
  });

  describe.each(CASES.map((c) => [c.name, c] as [string, HostileCase]))('%s', (_name, c) => {
    const file = join(DIR, c.name);
    it('npm run import', { timeout: CEILING_MS }, () => {
      const r = importCli(file, c.importArgs);
      expectOutcome('import', r, c.import, r.stderr);
      // A failure names the file; nothing invalid is written out.
      if (r.code !== 0) {
        expect(r.stderr).toContain(c.name);
        expect(r.stdout).toBe('');
      }
    });
    it('npm run geodata:check', { timeout: CEILING_MS }, () => {
      const r = checkCli(file);
      expectOutcome('check', r, c.check, r.stdout);
      if (r.code !== 0) expect(r.stdout).toContain(c.name);
    });
    it('npm run coverage', { timeout: CEILING_MS }, () => {
      const r = coverageCli(file);
      expectOutcome('coverage', r, c.coverage, r.code === 0 ? r.stdout : r.stderr);
      if (r.code !== 0) expect(r.stderr).toContain(c.name);
    });
  });
});

describe('refusals in the UI language', () => {
  it('every file the import refuses carries its message as a catalog key, which reads in Vietnamese', { timeout: 120_000 }, () => {
    const refused = CASES.filter((c) => c.import.code === 2 && !c.name.startsWith('huge'));
    let localized = 0;
    for (const c of refused) {
      const r = importFile({ name: c.name, bytes: readFileSync(join(DIR, c.name)) }, { xmlParser: nodeXmlParser(), district });
      if (r.ok) continue; // refused by the CLI for its problems, not as a whole
      const m = r.i18n?.find((x) => x.text === r.error);
      expect(m, `${c.name}: ${r.error}`).toBeDefined();
      const vi = renderMessage(m!.key, m!.vars, 'vi');
      expect(vi).toContain(c.name);
      expect(vi, c.name).not.toBe(r.error);
      localized++;
    }
    expect(localized).toBeGreaterThan(30);
  });
});

describe('what the import writes out', () => {
  const out = (name: string, args: string[] = []): { type: string; features: { properties: Record<string, unknown>; geometry: unknown }[] } => {
    const r = importCli(join(DIR, name), args);
    expect(r.code, r.stderr).toBe(0);
    return JSON.parse(r.stdout);
  };
  it('keeps every hostile key as a property, with its value', () => {
    const fc = out('proto-keys.geojson');
    const p = fc.features[0]!.properties;
    for (const k of HOSTILE_KEYS) {
      expect(Object.hasOwn(p, k), k).toBe(true);
      expect(p[k]).toBe(`value of ${k}`);
    }
    expect(Object.getPrototypeOf(p)).toBe(Object.prototype);
  });
  it('keeps "__proto__", "constructor" and "toString" fields of a Shapefile and a KML', () => {
    const shp = out('proto-keys-shp.zip').features[0]!.properties;
    expect(shp).toMatchObject({ toString: 'x', valueOf: 'v' });
    expect(Object.hasOwn(shp, '__proto__') && shp['__proto__']).toBe('Vinaconex');
    expect(out('proto-keys.kml').features[0]!.properties).toMatchObject({ constructor: 'Vinaconex', toString: 'x' });
  });
  it('writes a KML CDATA description as text, not an object', () => {
    expect(out('kml-cdata-description.kml').features[0]!.properties.description).toBe('<b>Khu đô thị</b> phía bắc');
    expect(out('kml-timespan.kml').features[0]!.properties.timespan).toBe('2021 – 2025');
  });
  it('repairs a 100,000-vertex polygon with a twist on request, in bounded time', { timeout: CEILING_MS }, () => {
    const ring = bigPolygonRing(100_000);
    [ring[500], ring[501]] = [ring[501]!, ring[500]!]; // two vertices swapped: the ring crosses itself once
    const file = join(DIR, 'twisted-100k.geojson');
    writeFileSync(file, JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { id: 't' }, geometry: { type: 'Polygon', coordinates: [ring] } }] }));
    const plain = importCli(file);
    expect(plain.code).toBe(2);
    expect(plain.stderr).toContain('self-intersection at [');
    const r = importCli(file, ['--repair']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/resolved the self-intersections of a polygon(: it stays one part| by splitting it into \d+ parts)/);
  });
  it('refuses to repair the saw-tooth that crosses itself tens of thousands of times (Clipper would be quadratic)', { timeout: CEILING_MS }, () => {
    const r = importCli(join(DIR, 'kinked-100k.geojson'), ['--repair']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('not repaired: crosses itself at least 10000 times: too many to repair automatically; fix the drawing');
  });
  it('leaves out what stays invalid with --skip-invalid, and never writes a feature without geometry or with bad properties', () => {
    for (const name of ['no-geometry-member.geojson', 'properties-string.geojson']) {
      const r = importCli(join(DIR, name), ['--skip-invalid']);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain('every feature was invalid and left out; nothing to import');
    }
  });
  it('reads the UTF-16 .cpg case as UTF-8 text, not garbled', () => {
    expect(out('cpg-utf16.zip').features[0]!.properties.ten_qh).toBe('Quy hoạch Việt Yên');
  });
});

describe('the import refuses before reading', () => {
  it('checks the size with a stat, never reading a file over the limit', () => {
    let read = false;
    const r = runImportCli([join(DIR, 'huge-sparse.geojson')], {
      size: (p) => statSync(p).size,
      readFile: () => {
        read = true;
        throw new Error('must not be read');
      },
      writeFile: () => undefined,
    });
    expect(read).toBe(false);
    expect(r).toMatchObject({ code: 2, stderr: 'huge-sparse.geojson: is 200 MB, larger than the 100 MB limit; not read\n' });
  });
  it('and the coverage CLI too', () => {
    const r = runCoverageCli(['--units', resolve(REPO, 'geodata/units-2021.geojson'), '--plans', join(DIR, 'huge-sparse.geojson')], {
      size: (p) => statSync(p).size,
      readText: (p) => {
        if (p.includes('huge')) throw new Error('must not be read');
        return readFileSync(p, 'utf8');
      },
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is 200 MB, larger than the 100 MB limit; not read');
  });
});
