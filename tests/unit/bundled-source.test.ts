// The bundled files share one map source (issue 15): each catalog layer, kept to its file by a
// filter, must draw exactly what it drew from a source of its own.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import type { FilterSpecification, LayerSpecification } from 'maplibre-gl';
import { featureFilter } from '@maplibre/maplibre-gl-style-spec';
import { catalog } from '../../src/layers/catalog';
import type { LayerEntry } from '../../src/layers/types';
import type { Datasets } from '../../src/data/load';
import { buildStyle, entryLayers, entrySources, labelSourceId } from '../../src/map/style';
import { BUNDLED_SOURCE, FILE_KEY, bundledCollection, fromBundledSource } from '../../src/map/bundled-source';
import { labelPoints } from '../../src/geo/label-point';

const root = join(__dirname, '../..');
const fileOf = (e: LayerEntry) => /geodata\/([\w-]+)\.geojson/.exec(e.data ?? '')?.[1];
const datasets: Datasets = new Map(
  catalog.filter(fromBundledSource).map((e) => [e.id, JSON.parse(readFileSync(join(root, `geodata/${fileOf(e)}.geojson`), 'utf8')) as FeatureCollection]),
);

/** The features of `data` a layer with this filter draws (at zoom 12, the first view's). */
function drawn(filter: FilterSpecification | undefined, data: FeatureCollection): Feature[] {
  const f = featureFilter(filter, 'filter');
  return data.features.filter((x) => f.filter({ zoom: 12 }, { type: x.geometry!.type as never, properties: x.properties ?? {}, id: x.id } as never));
}
const key = (f: Feature) => JSON.stringify([f.properties?.['id'], f.geometry]);

describe('the bundled source', () => {
  const shared = buildStyle({ entries: catalog });
  // The reference: each entry with sources of its own, as the adapter adds a layer at run time.
  const own = {
    sources: Object.assign({}, ...catalog.map((e) => entrySources(e, datasets.get(e.id)))) as Record<string, unknown>,
    layers: catalog.flatMap((e) => Object.values(entryLayers(e, true, 1)).flat()),
  };
  const collection = bundledCollection(catalog, datasets);

  it('is the only source of the bundled files, empty in the style until filled', () => {
    const bundledIds = new Set(catalog.filter(fromBundledSource).flatMap((e) => [e.id, labelSourceId(e.id)]));
    expect(Object.keys(shared.sources).filter((id) => bundledIds.has(id))).toEqual([]);
    expect((shared.sources[BUNDLED_SOURCE] as { data: FeatureCollection }).data.features).toEqual([]);
  });

  it('every layer of a bundled file draws exactly the features it drew from a source of its own', () => {
    type Drawn = LayerSpecification & { source: string; filter?: FilterSpecification };
    const layers = shared.layers.filter((l): l is Drawn => 'source' in l && l.source === BUNDLED_SOURCE);
    expect(layers.length).toBeGreaterThan(20);
    for (const layer of layers) {
      const before = own.layers.find((l) => l.id === layer.id) as Drawn;
      const data = (own.sources[before.source] as { data: FeatureCollection }).data;
      const was = drawn(before.filter, data).map(key);
      const now = drawn(layer.filter, collection).map(key);
      expect(now, layer.id).toEqual(was);
      expect(was.length, `${layer.id} draws something`).toBeGreaterThan(0);
    }
  });

  it('holds each file once, however many entries draw it, and one label point per polygon where asked', () => {
    const files = new Set(catalog.filter(fromBundledSource).map((e) => e.data));
    const sizes = [...files].map((url) => datasets.get(catalog.find((e) => e.data === url)!.id)!.features.length);
    const withLabels = [...files].filter((url) => catalog.some((e) => e.data === url && e.labelPoints));
    const labels = withLabels.map((url) => labelPoints(datasets.get(catalog.find((e) => e.data === url)!.id)!).features.length);
    expect(collection.features).toHaveLength(sizes.reduce((a, b) => a + b, 0) + labels.reduce((a, b) => a + b, 0));
    // The units file is drawn by three entries (2021, 2024, absorbed) and is there once.
    expect(catalog.filter((e) => e.data === catalog.find((x) => x.id === 'units-2021')!.data)).toHaveLength(3);
  });

  it('no bundled file has a property of the tag’s name', () => {
    for (const [id, data] of datasets) for (const f of data.features) expect(Object.keys(f.properties ?? {}), id).not.toContain(FILE_KEY);
  });

  it('leaves out entries whose data has not arrived, and run-time layers', () => {
    const some: Datasets = new Map([['district', datasets.get('district')!]]);
    expect(bundledCollection(catalog, some).features.map((f) => f.properties?.[FILE_KEY])).toEqual([catalog.find((e) => e.id === 'district')!.data]);
    const imported: LayerEntry = { ...catalog.find((e) => e.id === 'district')!, id: 'imp', data: null };
    expect(bundledCollection([imported], new Map([['imp', datasets.get('district')!]])).features).toEqual([]);
  });

  it('property: any entries over any files give each file’s features once, untouched but for the tag', () => {
    const square = (x: number, y: number, id: string): Feature<Polygon> => ({
      type: 'Feature', properties: { id },
      geometry: { type: 'Polygon', coordinates: [[[x, y], [x + 1, y], [x + 1, y + 1], [x, y + 1], [x, y]]] },
    });
    const arb = fc.array(fc.record({ file: fc.integer({ min: 0, max: 3 }), labels: fc.boolean(), n: fc.integer({ min: 0, max: 4 }) }), { maxLength: 8 });
    fc.assert(fc.property(arb, (specs) => {
      const files = new Map<number, FeatureCollection>();
      for (const s of specs) if (!files.has(s.file)) files.set(s.file, { type: 'FeatureCollection', features: Array.from({ length: s.n }, (_, i) => square(i, s.file, `${s.file}-${i}`)) });
      const entries = specs.map((s, i) => ({ ...catalog[0]!, id: `e${i}`, data: `/f${s.file}.geojson`, labelPoints: s.labels, vectorTiles: false }) as LayerEntry);
      const out = bundledCollection(entries, new Map(entries.map((e, i) => [e.id, files.get(specs[i]!.file)!])));
      for (const [file, data] of files) {
        const tagged = out.features.filter((f) => f.properties?.[FILE_KEY] === `/f${file}.geojson`);
        const untagged = tagged.map((f) => {
          const { [FILE_KEY]: _tag, ...p } = f.properties ?? {};
          return { ...f, properties: p };
        });
        expect(untagged).toEqual(data.features);
        const asked = specs.some((s) => s.file === file && s.labels);
        expect(out.features.filter((f) => f.properties?.[FILE_KEY] === `/f${file}.geojson#labels`)).toHaveLength(asked ? data.features.length : 0);
      }
      expect(out.features.every((f) => typeof f.properties?.[FILE_KEY] === 'string')).toBe(true);
    }));
  });
});
