import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { encodeUrlState, decodeUrlState, meaningfulChange, type UrlState } from '../../src/state/url';

const defaults: UrlState = {
  view: null, layers: null, opacity: {}, selected: null, period: '2021', lang: 'vi', panel: 'legend', panelOpen: true, coverage: null, basemap: 'none',
};

describe('URL state', () => {
  it('round-trips a full state', () => {
    const s: UrlState = {
      view: { center: [106.05263, 21.24253], zoom: 14.5, bearing: 30 },
      layers: ['units-2021', 'tourism'],
      opacity: { tourism: 0.5 },
      selected: { layerId: 'tourism', id: 'chua-bo-da' },
      period: '2025', lang: 'en', panel: 'coverage', panelOpen: false,
      coverage: { levels: ['detailed', 'zoning'], statuses: ['approved'], target: 0.7 },
      basemap: 'satellite',
    };
    const hash = encodeUrlState(s);
    expect(hash).toContain('basemap=satellite');
    expect(hash).toContain('map=14.5/21.24253/106.05263/30');
    expect(hash).toContain('layers=units-2021,tourism');
    expect(hash).toContain('levels=detailed,zoning&statuses=approved&target=70');
    expect(decodeUrlState(hash, defaults)).toEqual(s);
  });

  it('keeps defaults for missing or malformed parts', () => {
    expect(decodeUrlState('', defaults)).toEqual(defaults);
    const d = decodeUrlState('#map=abc/1/2&period=1999&lang=fr&opacity=x:7,y:0.3&sel=/', defaults);
    expect(d.view).toBeNull();
    expect(d.period).toBe('2021');
    expect(d.lang).toBe('vi');
    expect(d.opacity).toEqual({ y: 0.3 });
    expect(d.selected).toBeNull();
    // Coverage parts fall back one by one: an unknown level, a target out of range.
    expect(decodeUrlState('#levels=bogus,zoning&target=150', defaults).coverage).toEqual({ levels: ['zoning'], statuses: ['approved'], target: 0.8 });
  });

  it('keeps "count proposals" off in the link, and only when it is off (issue 16)', () => {
    const off: UrlState = { ...defaults, coverage: { levels: ['detailed'], statuses: ['approved'], target: 0.8, proposals: false } };
    const hash = encodeUrlState(off);
    expect(hash).toContain('proposals=off');
    expect(decodeUrlState(hash, defaults)).toEqual(off);
    expect(decodeUrlState('#proposals=off', defaults).coverage).toEqual({ levels: ['detailed'], statuses: ['approved'], target: 0.8, proposals: false });
    expect(encodeUrlState({ ...off, coverage: { ...off.coverage!, proposals: true } })).not.toContain('proposals');
  });

  it('keeps the "as of" date in the link; a date that is not a calendar day is left out (issue 16)', () => {
    const dated: UrlState = { ...defaults, coverage: { levels: ['detailed'], statuses: ['approved'], target: 0.8, asOf: '2019-12-31' } };
    const hash = encodeUrlState(dated);
    expect(hash).toContain('asof=2019-12-31');
    expect(decodeUrlState(hash, defaults)).toEqual(dated);
    expect(decodeUrlState('#asof=2019-02-30', defaults).coverage).toEqual({ levels: ['detailed'], statuses: ['approved'], target: 0.8 });
    expect(decodeUrlState('#asof=<script>', defaults).coverage?.asOf).toBeUndefined();
  });

  it('round-trips arbitrary states (property)', () => {
    const id = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,15}$/);
    const arb = fc.record({
      view: fc.option(fc.record({
        center: fc.tuple(fc.integer({ min: -18000000, max: 18000000 }).map((x) => x / 1e5), fc.integer({ min: -9000000, max: 9000000 }).map((x) => x / 1e5)),
        zoom: fc.integer({ min: 0, max: 22000 }).map((x) => x / 1000),
        bearing: fc.integer({ min: -1800, max: 1800 }).map((x) => x / 10),
      })),
      layers: fc.option(fc.uniqueArray(id, { maxLength: 6 })),
      opacity: fc.dictionary(id, fc.integer({ min: 0, max: 99 }).map((x) => x / 100), { maxKeys: 4 }),
      selected: fc.option(fc.record({ layerId: id, id: fc.stringMatching(/^[A-Za-z0-9_.-]{1,12}$/) })),
      period: fc.constantFrom('2021', '2024', '2025'),
      lang: fc.constantFrom('vi', 'en'),
      panel: fc.constantFrom('legend', 'coverage'),
      panelOpen: fc.boolean(),
      coverage: fc.option(fc.record({
        levels: fc.uniqueArray(fc.constantFrom('detailed', 'zoning'), { minLength: 1 }),
        statuses: fc.uniqueArray(fc.constantFrom('approved', 'in_preparation'), { minLength: 1 }),
        target: fc.integer({ min: 0, max: 10000 }).map((x) => x / 10000),
      })),
      basemap: fc.constantFrom('none', 'street', 'satellite', 'local'),
    }) as fc.Arbitrary<UrlState>;
    fc.assert(fc.property(arb, (s) => {
      const back = decodeUrlState(encodeUrlState(s), defaults);
      // -0 and 0 are the same view.
      expect(JSON.parse(JSON.stringify(back))).toEqual(JSON.parse(JSON.stringify({ ...s, view: s.view ? { ...s.view, bearing: s.view.bearing || 0 } : null })));
    }));
  });

  it('basemap: the offline default stays out of links; an unknown one is ignored', () => {
    expect(encodeUrlState(defaults)).not.toContain('basemap');
    expect(decodeUrlState('#basemap=local', defaults).basemap).toBe('local');
    expect(decodeUrlState('#basemap=https://evil.example/{z}/{x}/{y}', defaults).basemap).toBe('none');
  });

  it('camera moves alone are not a meaningful change; layer changes are', () => {
    const a = { ...defaults, view: { center: [106, 21] as [number, number], zoom: 12, bearing: 0 } };
    expect(meaningfulChange(a, { ...a, view: { center: [106.1, 21], zoom: 13, bearing: 0 } })).toBe(false);
    expect(meaningfulChange(a, { ...a, layers: ['x'] })).toBe(true);
  });
});
