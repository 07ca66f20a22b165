// The style gives every layer of a type the same pattern of per-feature paint properties, so
// MapLibre compiles one program per type (issue 15: each costs tens of ms with WebGL on the CPU),
// and the values drawn are those the catalog gives.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import type { LayerSpecification } from 'maplibre-gl';
import { expression as mlExpression, latest, Color } from '@maplibre/maplibre-gl-style-spec';

const latestColor = (s: string) => Color.parse(s);
import { catalog } from '../../src/layers/catalog';
import { buildStyle, entryLayers } from '../../src/map/style';
import { sharedVariant, sharedVariantValue, sameForEveryFeature, perFeature, perFeatureAndZoom } from '../../src/map/shader-variants';

type Kind = 'constant' | 'source' | 'camera' | 'composite';
/** How MapLibre binds a paint value: as a uniform (constant, camera) or an attribute (source, composite). */
function bindingOf(layerType: string, prop: string, value: unknown): Kind {
  const spec = (latest as unknown as Record<string, Record<string, unknown>>)[`paint_${layerType}`]![prop];
  if (!spec) throw new Error(`no spec for ${layerType} ${prop}`);
  if (!mlExpression.isExpression(value)) return 'constant';
  const r = mlExpression.createPropertyExpression(value, prop, spec as never);
  if (r.result !== 'success') throw new Error(`${prop}: ${JSON.stringify(r.value)}`);
  return r.value.kind as Kind;
}
/** MapLibre's program key for a layer, as far as these properties decide it (u_, a_ or z_ per property). */
function variantKey(layer: LayerSpecification): string {
  const paint = ((layer as { paint?: Record<string, unknown> }).paint ?? {});
  return Object.keys(paint).sort().map((p) => {
    const k = bindingOf(layer.type, p, paint[p]);
    return `${k === 'source' ? 'a' : k === 'composite' ? 'z' : 'u'}_${p}`;
  }).join('/');
}

const style = buildStyle({ entries: catalog });

describe('shared shader variants', () => {
  for (const type of ['fill', 'line', 'circle']) {
    it(`every ${type} layer of the style has the same per-feature pattern for the shared properties`, () => {
      const layers = style.layers.filter((l) => l.type === type);
      expect(layers.length).toBeGreaterThan(2);
      const shared = { fill: ['fill-color', 'fill-opacity'], line: ['line-color', 'line-opacity', 'line-dasharray', 'line-width'], circle: ['circle-color', 'circle-radius'] }[type]!;
      // Solid lines too: a solid line is a dash with no gap, so lines are one program (the dash one).
      const keys = new Set(layers.map((l) => shared.map((p) => `${p}:${bindingOf(type, p, (l as { paint: Record<string, unknown> }).paint[p])}`).join(' ')));
      expect([...keys]).toHaveLength(1);
      expect([...keys][0]).not.toMatch(/constant|camera/);
    });
  }

  for (const type of ['fill', 'line', 'circle']) {
    it(`the catalog's ${type} layers, of mixed patterns, all share one (every paint property counted)`, () => {
      const specs = catalog.flatMap((e) => e.layers).filter((l) => l.type === type) as LayerSpecification[];
      const before = new Set(specs.map(variantKey));
      const after = new Set(specs.map((l) => variantKey(sharedVariant(l))));
      expect(before.size).toBeGreaterThan(type === 'line' ? 2 : 1);
      expect([...after]).toHaveLength(1);
    });
  }

  it('a constant made per-feature reads back as the same constant, for colours, numbers and dash arrays', () => {
    const value = fc.oneof(
      fc.constantFrom('#ffffff', '#8c2d04', 'rgba(0,0,0,0)'),
      fc.double({ min: 0, max: 40, noNaN: true }),
      fc.array(fc.double({ min: 0.1, max: 8, noNaN: true }), { minLength: 2, maxLength: 4 }),
    );
    fc.assert(fc.property(value, (v) => {
      expect(sameForEveryFeature(perFeature(v))).toEqual(v);
      expect(sameForEveryFeature(perFeatureAndZoom(v))).toEqual(v);
    }));
  });

  it('evaluates to the catalog value for any feature (a fill colour, a zoom curve of widths, a data-driven colour)', () => {
    const evalAt = (type: string, prop: string, value: unknown, zoom: number, properties: Record<string, unknown>): unknown => {
      const spec = (latest as unknown as Record<string, Record<string, unknown>>)[`paint_${type}`]![prop];
      if (!mlExpression.isExpression(value)) return typeof value === 'string' ? latestColor(value) : value;
      const r = mlExpression.createPropertyExpression(value, prop, spec as never);
      if (r.result !== 'success') throw new Error('parse');
      return r.value.evaluate({ zoom } as never, { type: 'Polygon', properties } as never);
    };
    const river = ['interpolate', ['linear'], ['zoom'], 10, 4, 14, 12];
    const shared = sharedVariantValue('line', 'line-width', river);
    expect(bindingOf('line', 'line-width', shared)).toBe('composite');
    for (const z of [9, 10, 12, 14, 16]) expect(evalAt('line', 'line-width', shared, z, { a: 1 })).toBeCloseTo(evalAt('line', 'line-width', river, z, {}) as number, 9);
    const road = ['match', ['get', 'kind'], 'expressway', 4.5, 2.5];
    expect(evalAt('line', 'line-width', sharedVariantValue('line', 'line-width', road), 12, { kind: 'expressway' })).toBe(4.5);
    expect(JSON.stringify(evalAt('fill', 'fill-color', sharedVariantValue('fill', 'fill-color', '#8c2d04'), 12, { name: 'x' })))
      .toBe(JSON.stringify(evalAt('fill', 'fill-color', '#8c2d04', 12, {})));
    // A hostile feature (its `properties` a string) gets the value too, without an error.
    expect(evalAt('line', 'line-dasharray', sharedVariantValue('line', 'line-dasharray', [2, 1]), 12, 'Vinaconex' as never)).toEqual([2, 1]);
    // A solid line is drawn as a dash with no gap.
    const solid = sharedVariant({ id: 's', type: 'line', source: 's', paint: { 'line-color': '#000' } } as LayerSpecification) as { paint: Record<string, unknown> };
    expect(evalAt('line', 'line-dasharray', solid.paint['line-dasharray'], 12, {})).toEqual([1, 0]);
    // Properties outside the shared set are left as they are.
    expect(sharedVariantValue('fill', 'fill-antialias', false)).toBe(false);
    expect(sharedVariantValue('symbol', 'text-color', '#111')).toBe('#111');
  });

  it('a large import (vector tiles) keeps its plain paint: per-feature values would cost every vertex', () => {
    const entry = { ...catalog.find((e) => e.id === 'plans-demo')!, id: 'big', vectorTiles: true };
    const { drawn } = entryLayers(entry as never, true, 1);
    for (const l of drawn) for (const v of Object.values((l as { paint: Record<string, unknown> }).paint)) expect(sameForEveryFeature(v)).toBe(v);
    // The same entry from GeoJSON is shared.
    const shared = entryLayers({ ...entry, vectorTiles: false } as never, true, 1).drawn;
    expect(shared.some((l) => Object.values((l as { paint: Record<string, unknown> }).paint).some((v) => sameForEveryFeature(v) !== v))).toBe(true);
  });
});
