// The bundled files (units, wards, industry, infrastructure, tourism, demonstration plans) and their
// label points drawn from one GeoJSON source. Issue 15: every GeoJSON source costs MapLibre's worker
// a round of its own and the map a frame when it arrives, and with WebGL on the CPU a frame of the
// whole map costs ~0.1 s. One source filled once brings the first view in one round.
// Each feature is tagged with the file it comes from (its label point with that file's `#labels`),
// and each catalog layer keeps to its file through a filter.
import type { Feature, FeatureCollection, Geometry, GeoJsonProperties } from 'geojson';
import type { FilterSpecification } from 'maplibre-gl';
import type { LayerEntry } from '../layers/types';
import type { Datasets } from '../data/load';
import { labelPoints } from '../geo/label-point';

export const BUNDLED_SOURCE = 'bundled';

/**
 * The tag's property. No bundled file has a property of that name (a unit test checks), and the
 * adapter takes it off what a click gives back.
 */
export const FILE_KEY = 'vy:file';

/** Whether an entry is drawn from the bundled source: a bundled file, not a run-time layer. */
export const fromBundledSource = (entry: LayerEntry): entry is LayerEntry & { data: string } =>
  entry.data !== null && !entry.vectorTiles;

/** The tag of an entry's features, or of their label points. */
export const fileTag = (entry: LayerEntry & { data: string }, labels = false): string => (labels ? `${entry.data}#labels` : entry.data);

/** The filter that keeps a layer of `entry` to its own file (or label points), with the layer's own filter. */
export function bundledFilter(entry: LayerEntry & { data: string }, labels: boolean, own: FilterSpecification | undefined): FilterSpecification {
  const mine: FilterSpecification = ['==', ['get', FILE_KEY], fileTag(entry, labels)];
  return own === undefined ? mine : ['all', mine, own as never];
}

const tagged = (f: Feature<Geometry | null, GeoJsonProperties>, tag: string): Feature<Geometry | null, GeoJsonProperties> => ({
  ...f,
  properties: { ...(f.properties ?? {}), [FILE_KEY]: tag },
});

/**
 * The bundled source's data: each file once (several entries may draw one file, e.g. the units in
 * each period), in catalog order, then its label points where an entry drawing it asks for them.
 * Entries whose data has not arrived are left out.
 */
export function bundledCollection(entries: readonly LayerEntry[], datasets: Datasets): FeatureCollection {
  const features: Feature<Geometry | null, GeoJsonProperties>[] = [];
  const done = new Set<string>();
  for (const entry of entries) {
    if (!fromBundledSource(entry)) continue;
    const data = datasets.get(entry.id);
    if (!data) continue;
    for (const labels of [false, true]) {
      const tag = fileTag(entry, labels);
      if (done.has(tag) || (labels && !entry.labelPoints)) continue;
      done.add(tag);
      for (const f of labels ? labelPoints(data).features : data.features) features.push(tagged(f, tag));
    }
  }
  return { type: 'FeatureCollection', features: features as Feature<Geometry>[] };
}
