// The corpus of broken inputs: every file of bad/ has an expectation in bad/expected.json, and the
// import gives exactly that outcome, naming the file (and the feature where there is one).
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { zipSync } from 'fflate';
import { formatImportProblem, importFile, type ImportRole } from '../../../src/import/index.ts';
import { nodeXmlParser } from '../../../src/import/node-xml.ts';
import { FIXTURES } from './helpers.ts';

interface Expectation {
  ok: boolean;
  error?: string;
  needsCrs?: boolean;
  needsConfirmation?: boolean;
  warning?: string;
  problem?: string;
  clean?: boolean;
  role?: ImportRole;
}

const DIR = FIXTURES + 'bad/';
const expected = JSON.parse(readFileSync(DIR + 'expected.json', 'utf8')) as Record<string, Expectation | string>;
const files = readdirSync(DIR).filter((f) => f !== 'expected.json').sort();

describe('bad corpus', () => {
  it('has at least 25 inputs, each with an expectation (and no stale expectations)', () => {
    expect(files.length).toBeGreaterThanOrEqual(25);
    const keys = Object.keys(expected).filter((k) => k !== '_').sort();
    expect(keys).toEqual(files);
  });

  it.each(files)('%s', (file) => {
    const want = expected[file] as Expectation;
    const r = importFile({ name: file, bytes: readFileSync(DIR + file) }, { xmlParser: nodeXmlParser(), role: want.role ?? 'plans' });
    expect(r.ok).toBe(want.ok);
    if (!r.ok) {
      expect(r.error).toContain(want.error!);
      expect(r.error.startsWith(`${file}: `)).toBe(true);
      expect(r.error).not.toMatch(/\n|\bat .+:\d+:\d+/); // one line, no stack
      expect(r.needsCrs === true).toBe(want.needsCrs === true);
      return;
    }
    if (want.warning !== undefined) expect(r.warnings.join('\n')).toContain(want.warning);
    if (want.problem !== undefined) {
      const lines = r.problems.map((p) => formatImportProblem(file, p));
      expect(lines.some((l) => l.startsWith(`${file}: `) && l.includes(want.problem!))).toBe(true);
    }
    if (want.needsConfirmation !== undefined) expect(r.crs.needsConfirmation).toBe(want.needsConfirmation);
    if (want.clean === true) expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('keeps an HTML-looking name as plain text, byte for byte', () => {
    const r = importFile({ name: 'xss-name.geojson', bytes: readFileSync(DIR + 'xss-name.geojson') }, {});
    expect(r.ok && r.collection.features[0]!.properties!.name).toBe('<img src=x onerror=alert(1)>');
  });

  it('repairs the self-intersecting plan on request and reports what it did', () => {
    const bytes = readFileSync(DIR + 'self-intersecting.geojson');
    const r = importFile({ name: 'self-intersecting.geojson', bytes }, { role: 'plans', repair: true });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.repairs).toHaveLength(1);
    expect(r.repairs[0]!.message).toContain('resolved the self-intersections of a polygon by splitting it into 2 parts');
    expect(r.problems.filter((p) => p.message.includes('self-intersection'))).toEqual([]);
    expect(r.collection.features[0]!.geometry!.type).toBe('MultiPolygon');
  });

  it('closes an unclosed ring on request', () => {
    const r = importFile({ name: 'unclosed-ring.geojson', bytes: readFileSync(DIR + 'unclosed-ring.geojson') }, { role: 'plans', repair: true });
    expect(r.ok && r.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(r.ok && r.repairs[0]!.message).toContain('closed ring 0');
  });

  it('leaves invalid features out with skipInvalid, naming them', () => {
    const r = importFile({ name: 'out-of-range.geojson', bytes: readFileSync(DIR + 'out-of-range.geojson') }, { role: 'plans', skipInvalid: true });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.collection.features).toHaveLength(0);
    expect(r.repairs).toEqual([{ featureIndex: 0, featureId: 'qh-001', message: 'left out (invalid)' }]);
  });

  it('reads a metric file once the user names its CRS, with no confirmation needed', () => {
    const bytes = readFileSync(DIR + 'metric-no-crs.geojson');
    const r = importFile({ name: 'metric-no-crs.geojson', bytes }, { crs: 'EPSG:9214' });
    expect(r.ok && r.crs).toEqual({ code: 'EPSG:9214', source: 'user', needsConfirmation: false });
    expect(r.ok && r.placement.overlapsDistrict).toBe(true);
  });
});

/** Sets the declared uncompressed size of every member (local and central headers) to `size`. */
function lieAboutSizes(zip: Uint8Array, size: number): Uint8Array {
  const dv = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  for (let i = 0; i + 4 <= zip.length; i++) {
    const sig = dv.getUint32(i, true);
    if (sig === 0x04034b50) dv.setUint32(i + 22, size, true);
    if (sig === 0x02014b50) dv.setUint32(i + 24, size, true);
  }
  return zip;
}

describe('zip bombs (built here: 110 MB of zeros deflate to ~110 KB)', () => {
  const zeros = new Uint8Array(110 * 1024 * 1024);
  const honest = zipSync({ 'plans.shp': zeros, 'plans.dbf': new Uint8Array(100) }, { level: 9 });
  const lying = lieAboutSizes(honest.slice(), 1000); // the same archive, copied: deflating 110 MB once is enough

  it('is small on disk', () => {
    expect(honest.length).toBeLessThan(1024 * 1024);
  });
  it('is refused from the declared sizes, before inflating', () => {
    const r = importFile({ name: 'bomb.zip', bytes: honest }, {});
    expect(r).toMatchObject({ ok: false, error: 'bomb.zip: member plans.shp declares 110 MB, more than the 100 MB limit' });
  });
  it('is refused while inflating when the sizes lie', () => {
    const r = importFile({ name: 'liar.zip', bytes: lying }, {});
    expect(r).toMatchObject({ ok: false, error: 'liar.zip: member plans.shp expands beyond 100 MB (limit)' });
  });
  it('is refused in a KMZ too', () => {
    const kmz = lieAboutSizes(zipSync({ 'doc.kml': zeros }, { level: 9 }), 10);
    const r = importFile({ name: 'bomb.kmz', bytes: kmz }, { xmlParser: nodeXmlParser() });
    expect(r).toMatchObject({ ok: false, error: 'bomb.kmz: member doc.kml expands beyond 100 MB (limit)' });
  });
});
