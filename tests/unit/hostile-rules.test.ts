// Issue 12, rule by rule (the corpus in hostile-corpus.test.ts runs whole files through the CLIs):
// the self-intersection test agrees with the pairwise one and stays bounded; the streaming limit
// scans stop at each limit; hostile property keys survive the map's copy and come back; a link of
// unknown layers falls back; cancelling a worker request restarts the worker for the others; broken
// polygons are previewed as outlines; a clip is refused when it would be quadratic.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { kinks } from '@turf/turf';
import type { FeatureCollection, Position } from 'geojson';
import { MAX_FOUND, pairBudget, scanSelfIntersections, segmentContact } from '../../src/validation/kinks';
import { scanJson } from '../../src/validation/scan';
import { scanXml, XML_LIMITS } from '../../src/validation/scan-xml';
import { INPUT_LIMITS, type InputLimits } from '../../src/validation/limits';
import { checkGeoJson } from '../../src/validation/check';
import { crsMemberProblem, readCrsMember } from '../../src/validation/crs-member';
import { problemLines } from '../../src/validation/format';
import { fromMapKey, isHostileKey, mapSafeCollection, originalProperties, toMapKey } from '../../src/data/map-keys';
import { linkLayers } from '../../src/state/url';
import { createWorkerRpc } from '../../src/data/worker-rpc';
import { previewCollection } from '../../src/data/preview-outline';
import { geometryComplexity, sweepCost, SWEEP_BUDGET } from '../../src/geo/complexity';
import { bigPolygonRing, kinkedRing } from '../fixtures/hostile/make-hostile';

const enc = (s: string) => new TextEncoder().encode(s);
const small = (o: Partial<InputLimits>): InputLimits => ({ ...INPUT_LIMITS, ...o });

describe('self-intersections through the segment index', () => {
  it('finds a crossing exactly where the pairwise test does, on random rings (property)', () => {
    const ring = fc.array(fc.tuple(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 12 })), { minLength: 3, maxLength: 9 }).map((p) => [...p, p[0]!]);
    fc.assert(
      fc.property(ring, (r) => {
        const dedup = r.filter((p, i) => i === 0 || p[0] !== r[i - 1]![0] || p[1] !== r[i - 1]![1]);
        const flat = dedup.every((p) => (dedup[1]![0] - dedup[0]![0]) * (p[1] - dedup[0]![1]) === (dedup[1]![1] - dedup[0]![1]) * (p[0] - dedup[0]![0]));
        if (dedup.length < 4 || flat) return;
        const pairwise = kinks({ type: 'Polygon', coordinates: [dedup] }).features.length > 0;
        const indexed = scanSelfIntersections([dedup]).points.length > 0;
        // The index also reports collinear overlaps, which the pairwise test skipped.
        if (pairwise) expect(indexed).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
  it('reports the crossing point of a bow-tie, and nothing for a repeated vertex', () => {
    expect(scanSelfIntersections([[[0, 0], [2, 2], [2, 0], [0, 2], [0, 0]]]).points).toEqual([[1, 1]]);
    expect(scanSelfIntersections([[[0, 0], [1, 0], [1, 0], [1, 1], [0, 1], [0, 0]]]).points).toEqual([]);
    expect(segmentContact(0, 0, 4, 0, 1, 0, 3, 0)).toEqual([2, 0]); // collinear overlap
    expect(segmentContact(0, 0, 1, 0, 1, 0, 2, 0)).toBeNull(); // end to end
  });
  it('checks a valid 200,000-vertex ring and stops counting a saw-tooth at MAX_FOUND', () => {
    expect(scanSelfIntersections([bigPolygonRing(200_000)])).toMatchObject({ points: [], capped: false, gaveUp: false });
    const saw = scanSelfIntersections([kinkedRing(20_000)]);
    expect(saw.points.length).toBe(MAX_FOUND);
    expect(saw.capped).toBe(true);
  });
  it('gives up on a star whose segments all overlap, after its pair budget, and says so', () => {
    const star: Position[] = [];
    for (let k = 0; k < 6_000; k++) {
      const a = (2 * Math.PI * k) / 6_000;
      star.push([Math.cos(a), Math.sin(a)], [1e-9 * Math.cos(a + 0.0005), 1e-9 * Math.sin(a + 0.0005)]);
    }
    star.push(star[0]!);
    const scan = scanSelfIntersections([star]);
    expect(scan.gaveUp).toBe(true);
    expect(pairBudget(scan.segments)).toBe(4_000_000);
    const problems = checkGeoJson({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [star] } }] }).problems;
    expect(problems.some((p) => p.message.includes('too complex to check for self-intersections'))).toBe(true);
  });
});

describe('the streaming JSON limit scan', () => {
  it('counts features, positions, properties and depth without parsing', () => {
    const text = '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"a":1,"b":{"c":[1,2]}},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}}]}';
    expect(scanJson(enc(text))).toMatchObject({ ok: true, features: 1, totalVertices: 5, depth: 7 });
    expect(scanJson(text)).toEqual(scanJson(enc(text)));
  });
  it.each([
    ['features', '{"type":"FeatureCollection","features":[{},{},{}]}', { maxFeatures: 2 }, 'has more than 2 features (limit)'],
    ['features behind an escaped key', '{"feat\\u0075res":[{},{},{}]}', { maxFeatures: 2 }, 'has more than 2 features (limit)'],
    ['positions of one feature', '{"features":[{"geometry":{"coordinates":[[0,0],[1,1],[2,2]]}}]}', { maxFeatureVertices: 2 }, 'feature 0: has more than 2 positions'],
    ['positions in all', '{"features":[{"g":[[0,0]]},{"g":[[0,0],[1,1]]}]}', { maxTotalVertices: 2 }, 'has more than 2 positions in all'],
    ['properties of one feature', '{"features":[{"properties":{"a":1}},{"properties":{"a":1,"b":2,"c":3}}]}', { maxProperties: 2 }, 'feature 1: has more than 2 properties'],
    ['properties of a lone Feature', '{"type":"Feature","properties":{"a":1,"b":2,"c":3}}', { maxProperties: 2 }, 'feature 0: has more than 2 properties'],
    ['depth', `{"a":${'['.repeat(40)}${']'.repeat(40)}}`, { maxDepth: 32 }, 'more than 32 levels deep'],
    ['containers', `[${'{},'.repeat(20)}{}]`, { maxContainers: 10 }, 'more than 10 arrays and objects'],
  ])('stops at the %s limit', (_what, text, limits, message) => {
    const r = scanJson(enc(text), small(limits));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain(message);
  });
  it('is not fooled by brackets and quotes inside strings', () => {
    const text = '{"features":[{"properties":{"x":"]]]}}}[[[{{{\\"[","y":"\\\\"}}]}';
    expect(scanJson(enc(text), small({ maxDepth: 4 }))).toMatchObject({ ok: true, features: 1 });
  });
});

describe('the streaming XML limit scan', () => {
  const kml = (inner: string) => enc(`<?xml version="1.0"?><!-- <a><b><c> --><kml><Document>${inner}</Document></kml>`);
  it('counts placemarks, coordinate tuples and data fields, skipping comments and CDATA', () => {
    const r = scanXml(kml('<Placemark><description><![CDATA[<x><y>]]></description><Point><coordinates>1,2 3,4\n 5,6</coordinates></Point></Placemark><Placemark/>'));
    expect(r).toMatchObject({ ok: true, placemarks: 2, vertices: 3 });
  });
  it.each([
    ['placemarks', '<Placemark/>'.repeat(5), { maxFeatures: 4 }, 'placemarks'],
    ['depth', '<a>'.repeat(40) + '</a>'.repeat(40), {}, 'xmlDepth'],
    ['fields', `<Placemark><ExtendedData>${'<Data name="a"/>'.repeat(5)}</ExtendedData></Placemark>`, { maxProperties: 4 }, 'properties'],
    ['positions', '<Placemark><coordinates>1,2 3,4 5,6</coordinates></Placemark>', { maxFeatureVertices: 2 }, 'featureVertices'],
  ])('stops at the %s limit', (_what, inner, limits, limit) => {
    expect(scanXml(kml(inner), { ...XML_LIMITS, ...limits })).toMatchObject({ ok: false, limit });
  });
});

describe('one verdict for structure and crs', () => {
  const fcOf = (f: unknown, extra = {}) => ({ type: 'FeatureCollection', ...extra, features: [f] });
  const square = [[106.1, 21.26], [106.11, 21.26], [106.11, 21.27], [106.1, 21.27], [106.1, 21.26]];
  it('refuses "properties" that is not an object or null', () => {
    for (const properties of ['x', [1], 3]) {
      const p = checkGeoJson(fcOf({ type: 'Feature', properties, geometry: null })).problems;
      expect(p.map((x) => x.message).join()).toMatch(/"properties" is an? (string|array|number), must be an object or null/);
    }
  });
  it('reads the crs member the same way for every entry point', () => {
    expect(readCrsMember({ type: 'name', properties: { name: 'urn:ogc:def:crs:OGC:1.3:CRS84' } })).toEqual({ kind: 'wgs84' });
    expect(readCrsMember({ type: 'name', properties: { name: 'EPSG:4326' } })).toEqual({ kind: 'wgs84' });
    expect(readCrsMember('EPSG:4326')).toEqual({ kind: 'malformed' });
    expect(crsMemberProblem({ type: 'name', properties: { name: 'EPSG:9214' } })).toContain('coordinates must be WGS 84 longitude/latitude');
    const p = checkGeoJson(fcOf({ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [square] } }, { crs: 'x' })).problems;
    expect(p[0]!.message).toContain('has a "crs" member that is not of the form');
  });
  it('calls a feature 8,000 km away an error on any layer, and caps the problems a feature can have', () => {
    const paris = [[2.34, 48.84], [2.36, 48.84], [2.36, 48.86], [2.34, 48.86], [2.34, 48.84]];
    const p = checkGeoJson(fcOf({ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [paris] } })).problems;
    expect(p[0]!.message).toMatch(/^lies \d+ km from the district bbox, more than 100 km away/);
    const holes = Array.from({ length: 50 }, () => [[106.1, 21.26], [106.11, 21.26], [106.11, 21.27]]);
    const capped = checkGeoJson(fcOf({ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [square, ...holes] } })).problems;
    expect(capped).toHaveLength(10);
    expect(capped.at(-1)!.message).toBe('91 more problems in this feature'); // 2 per ring (3 positions, not closed)
  });
  it('lists at most N problems per file and counts the rest', () => {
    const problems = Array.from({ length: 7 }, (_, i) => ({ featureIndex: i, featureId: null, message: 'bad', severity: 'error' as const }));
    const lines = problemLines('f.geojson', problems, 5);
    expect(lines).toHaveLength(6);
    expect(lines.at(-1)).toBe('f.geojson: … and 2 more problems in 2 features not listed');
  });
});

describe('property keys in the map\'s copy', () => {
  const props = JSON.parse('{"id":"a","constructor":"Vinaconex","__proto__":"p","toString":"t","$name":"n","~x":"tilde","nested":{"hasOwnProperty":1}}') as Record<string, unknown>;
  const fcIn = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: props, geometry: null }] } as unknown as FeatureCollection;
  it('renames every hostile key, nested ones too, and gets the originals back', () => {
    const safe = mapSafeCollection(fcIn);
    const p = safe.features[0]!.properties!;
    expect(Object.keys(p).sort()).toEqual(['id', 'nested', '~$name', '~__proto__', '~constructor', '~toString', '~~x'].sort());
    expect(Object.keys(p.nested as object)).toEqual(['~hasOwnProperty']);
    const back = originalProperties(p);
    expect(Object.keys(back)).toEqual(Object.keys(props));
    expect(Object.hasOwn(back, '__proto__') && back['__proto__']).toBe('p');
    expect(Object.getPrototypeOf(back)).toBe(Object.prototype);
  });
  it('leaves ordinary data alone (no copy) and round-trips any key (property)', () => {
    const plain = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { id: 1, ten: 'x' }, geometry: null }] } as unknown as FeatureCollection;
    expect(mapSafeCollection(plain)).toBe(plain);
    fc.assert(fc.property(fc.string(), (k) => {
      expect(fromMapKey(toMapKey(k))).toBe(k);
      expect(isHostileKey(toMapKey(k)) && !k.startsWith('~') && !isHostileKey(k)).toBe(false);
    }));
  });
});

describe('a link naming unknown layers', () => {
  const known = new Set(['units-2021', 'tourism']);
  it('falls back to the defaults when it names only unknown layers, and says which', () => {
    expect(linkLayers(['nope', 'gone'], known)).toEqual({ layers: null, unknown: ['nope', 'gone'] });
    expect(linkLayers(['tourism', 'nope'], known)).toEqual({ layers: ['tourism'], unknown: ['nope'] });
    expect(linkLayers([], known)).toEqual({ layers: [], unknown: [] }); // "all off" is a real state
    expect(linkLayers(null, known)).toEqual({ layers: null, unknown: [] });
  });
});

describe('cancelling a worker request', () => {
  type Req = { id: number; n: number };
  type Reply = { id: number; value: number };
  function fakeWorkers() {
    const made: { posted: Req[]; terminated: boolean; onmessage: ((ev: MessageEvent<Reply>) => void) | null; onerror: unknown; onmessageerror: unknown; postMessage(m: Req): void; terminate(): void }[] = [];
    const make = () => {
      const w = { posted: [] as Req[], terminated: false, onmessage: null as ((ev: MessageEvent<Reply>) => void) | null, onerror: null, onmessageerror: null,
        postMessage(m: Req) { this.posted.push(m); }, terminate() { this.terminated = true; } };
      made.push(w);
      return w as unknown as Worker;
    };
    return { made, make };
  }
  it('terminates the busy worker and re-sends the other pending requests to a new one', async () => {
    const f = fakeWorkers();
    const rpc = createWorkerRpc<Req, Reply>(f.make);
    const abort = new AbortController();
    const a = rpc.call({ n: 1 }, { signal: abort.signal });
    const b = rpc.call({ n: 2 });
    abort.abort();
    await expect(a).rejects.toThrow('cancelled');
    expect(f.made[0]!.terminated).toBe(true);
    expect(f.made).toHaveLength(2);
    const again = f.made[1]!.posted;
    expect(again.map((m) => m.n)).toEqual([2]);
    f.made[1]!.onmessage?.({ data: { id: again[0]!.id, value: 4 } } as MessageEvent<Reply>);
    await expect(b).resolves.toMatchObject({ value: 4 });
  });
  it('starts no new worker when nothing else is pending', async () => {
    const f = fakeWorkers();
    const rpc = createWorkerRpc<Req, Reply>(f.make);
    const abort = new AbortController();
    const a = rpc.call({ n: 1 }, { signal: abort.signal });
    abort.abort();
    await expect(a).rejects.toThrow('cancelled');
    expect(f.made).toHaveLength(1);
    expect(f.made[0]!.terminated).toBe(true);
  });
});

describe('bounded clipping and previews', () => {
  it('draws a broken feature of a file under review as the outline of its box', () => {
    const fcIn: FeatureCollection = { type: 'FeatureCollection', features: [
      { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 1], [1, 0], [0, 1], [0, 0]]] } },
      { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] } },
    ] };
    const out = previewCollection(fcIn, [{ featureIndex: 0, featureId: null, message: 'x', severity: 'error' }]);
    expect(out.features[0]!.geometry).toEqual({ type: 'LineString', coordinates: [[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]] });
    expect(out.features[1]).toBe(fcIn.features[1]);
    expect(previewCollection(fcIn, [])).toBe(out); // cached per collection: the map is not re-framed
  });
  it('refuses to clip what would make the sweep quadratic, not what is merely big', () => {
    expect(geometryComplexity({ type: 'Polygon', coordinates: [bigPolygonRing(200_000)] })).toBeNull();
    expect(geometryComplexity({ type: 'Polygon', coordinates: [kinkedRing(40_000)] })).toMatch(/crosses itself at least 10000 times/);
    const comb: Position[] = [];
    for (let k = 0; k < 10_000; k++) comb.push([k, 0], [k + 0.5, 10_000 - k]);
    comb.push([10_000, -1], [0, -1], [0, 0]);
    expect(sweepCost([comb])).toBeGreaterThan(SWEEP_BUDGET);
    expect(geometryComplexity({ type: 'Polygon', coordinates: [comb] })).toMatch(/too complex to clip/);
  });
});
