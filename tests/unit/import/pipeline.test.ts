import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { zipSync, strToU8 } from 'fflate';
import { detectKind, importFile, MAX_ZIP_ENTRIES, MAX_ZIP_MEMBER_BYTES, MAX_ZIP_TOTAL_BYTES, type ProgressStage } from '../../../src/import/index.ts';
import { readZipMembers } from '../../../src/import/zip.ts';
import { repairGeometry } from '../../../src/import/repair.ts';
import { nodeXmlParser } from '../../../src/import/node-xml.ts';
import { expectOk, importFixture } from './helpers.ts';

describe('limits', () => {
  it('are the documented numbers', () => {
    expect(MAX_ZIP_ENTRIES).toBe(200);
    expect(MAX_ZIP_TOTAL_BYTES).toBe(200 * 1024 * 1024);
    expect(MAX_ZIP_MEMBER_BYTES).toBe(100 * 1024 * 1024);
  });
  it('total size is enforced across members (with small limits)', () => {
    const zip = zipSync({ 'a.shp': new Uint8Array(600), 'a.dbf': new Uint8Array(600) });
    const r = readZipMembers('t.zip', zip, () => true, { maxEntries: 10, maxTotalBytes: 1000, maxMemberBytes: 1000 });
    expect(r).toEqual({ ok: false, error: 't.zip: members declare 2 KB in total, more than the 1 KB limit' });
  });
  it('reads only the wanted members and skips __MACOSX and directories', () => {
    const zip = zipSync({ 'x/a.KML': strToU8('<kml/>'), '__MACOSX/x/._a.kml': strToU8('junk'), 'readme.txt': strToU8('hi') });
    const r = readZipMembers('t.zip', zip, (n) => n.toLowerCase().endsWith('.kml'));
    expect(r.ok && [...r.value.members.keys()]).toEqual(['x/a.KML']);
  });
});

describe('detect', () => {
  it.each([
    ['a.geojson', '{"type":"FeatureCollection"}', 'geojson'],
    ['a.JSON', '{}', 'geojson'],
    ['a.kml', '<kml/>', 'kml'],
    ['noext', '  {"type":"Feature"}', 'geojson'],
    ['noext', '<?xml version="1.0"?><kml xmlns="x">', 'kml'],
  ])('%s with %j → %s', (name, text, kind) => {
    expect(detectKind(name, strToU8(text))).toEqual({ ok: true, value: kind });
  });
  it('names zip-based kinds by magic bytes', () => {
    const zip = zipSync({ 'a.txt': strToU8('x') });
    expect(detectKind('a.zip', zip)).toEqual({ ok: true, value: 'zip' });
    expect(detectKind('a.kmz', zip)).toEqual({ ok: true, value: 'kmz' });
    expect(detectKind('a.geojson', zip).ok).toBe(false);
    expect(detectKind('a.kml', zip)).toEqual({ ok: false, error: 'a.kml: is named .kml but is a zip archive (rename it .kmz)' });
  });
  it('a zip holding only a KML is read as KMZ', () => {
    const kml = '<kml xmlns="http://www.opengis.net/kml/2.2"><Placemark><name>A</name><Point><coordinates>106.08,21.27</coordinates></Point></Placemark></kml>';
    const r = importFile({ name: 'pts.zip', bytes: zipSync({ 'pts.kml': strToU8(kml) }) }, { xmlParser: nodeXmlParser() });
    expect(r.ok && r.kind).toBe('kmz');
    expect(r.ok && r.collection.features[0]!.properties!.name).toBe('A');
  });
});

describe('importFile', () => {
  it('reports progress through the stages in order, ending at 1', () => {
    const seen: [number, ProgressStage][] = [];
    expectOk(importFixture('plans-9214.zip', { onProgress: (f, s) => seen.push([f, s]) }));
    const stages = seen.map(([, s]) => s).filter((s, i, a) => a[i - 1] !== s);
    expect(stages).toEqual(['parse', 'unzip', 'parse', 'reproject', 'validate']);
    expect(seen.at(-1)).toEqual([1, 'validate']);
  });
  it('returns plain data (structured-clone safe, for a Web Worker)', () => {
    const r = expectOk(importFixture('plans-9214.zip', { role: 'plans' }));
    expect(structuredClone(r)).toEqual(r);
  });
  it('the user CRS overrides the .prj, with a warning', () => {
    const r = expectOk(importFixture('plans-9214.zip', { crs: '9209' }));
    expect(r.crs).toEqual({ code: 'EPSG:9209', source: 'user', needsConfirmation: false });
    expect(r.warnings).toContain('plans-9214.zip: the file says EPSG:9214; using EPSG:9209 as chosen');
  });
  it('refuses an unsupported user CRS', () => {
    const r = importFixture('plans-9214.zip', { crs: 'EPSG:2154' });
    // (and, since issue 12, the same message as a catalog key for the panel: r.i18n)
    expect(r).toMatchObject({ ok: false, fileName: 'plans-9214.zip', error: 'plans-9214.zip: unsupported CRS "EPSG:2154" given' });
    expect(r.ok === false && r.i18n?.[0]?.key).toBe('importFail.crsGiven');
  });
  it('KML without an XML parser is an error, not a crash', () => {
    const r = importFile({ name: 'a.kml', bytes: strToU8('<kml/>') }, {});
    expect(r.ok).toBe(false);
  });
  it('never throws and always names the file, whatever the bytes (property test)', () => {
    const names = fc.constantFrom('x.geojson', 'x.json', 'x.zip', 'x.kml', 'x.kmz', 'x');
    fc.assert(
      fc.property(names, fc.uint8Array({ maxLength: 400 }), (name, bytes) => {
        const r = importFile({ name, bytes }, { xmlParser: nodeXmlParser(), role: 'plans' });
        if (!r.ok) {
          expect(r.error.startsWith(`${name}: `)).toBe(true);
          expect(r.error).not.toContain('internal import error');
        }
      }),
      { numRuns: 300 },
    );
  });
  it('never throws on arbitrary JSON (property test)', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 5 }), (value) => {
        const bytes = strToU8(JSON.stringify({ type: 'FeatureCollection', features: [value, { type: 'Feature', properties: {}, geometry: value }] }));
        const r = importFile({ name: 'j.geojson', bytes }, { role: 'plans', repair: true, skipInvalid: true });
        if (!r.ok) expect(r.error).not.toContain('internal import error');
      }),
      { numRuns: 300 },
    );
  });
  it('never throws on zips of random members (property test)', () => {
    const member = fc.record({ name: fc.constantFrom('a.shp', 'a.dbf', 'a.shx', 'a.prj', 'a.cpg', 'doc.kml'), data: fc.uint8Array({ maxLength: 300 }) });
    fc.assert(
      fc.property(fc.array(member, { maxLength: 5 }), (members) => {
        const files = Object.fromEntries(members.map((m) => [m.name, m.data]));
        const r = importFile({ name: 'r.zip', bytes: zipSync(files) }, { xmlParser: nodeXmlParser() });
        if (!r.ok) expect(r.error).not.toContain('internal import error');
      }),
      { numRuns: 200 },
    );
  });
});

describe('repairGeometry', () => {
  it('drops repeated vertices, closes rings and rewinds to RFC 7946', () => {
    const cw = [[0, 0], [0, 1], [0, 1], [1, 1], [1, 0]];
    const r = repairGeometry({ type: 'Polygon', coordinates: [cw] });
    expect(r.notes).toEqual(['dropped 1 repeated vertices in ring 0', 'closed ring 0', 'rewound rings to RFC 7946 order']);
    expect(r.geometry).toEqual({ type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]] });
  });
  it('gives up on a polygon with no usable outer ring', () => {
    const r = repairGeometry({ type: 'Polygon', coordinates: [[[0, 0], [1, 1]]] });
    expect(r.geometry).toBeNull();
    expect(r.notes.at(-1)).toBe('no usable polygon left');
  });
});
