// Builds the whole MapLibre style from the layer catalog: the bundled files in one shared source
// (bundled-source.ts), one GeoJSON source per other entry (plus a label-point source where asked),
// the layers in catalog order, visibility from the entry.
import type { StyleSpecification, LayerSpecification, SourceSpecification, FilterSpecification } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import type { LayerEntry, CatalogLayerSpec } from '../layers/types';
import { palette } from '../layers/palette';
import { labelPoints } from '../geo/label-point';
import { TILE_LAYER } from '../data/tile-layer';
import { mapSafeCollection } from '../data/map-keys';
import { sharedVariant } from './shader-variants';
import { BUNDLED_SOURCE, bundledFilter, fromBundledSource } from './bundled-source';

/** URL scheme of the vector tiles of large imported layers (served by src/data/tile-client.ts). */
export const LARGE_PROTOCOL = 'vylarge';

export const SELECTION_SOURCE = 'selection';
/** Where a file being imported would land, shown before the user accepts it. */
export const PREVIEW_SOURCE = 'import-preview';
/** The preview layers' colour properties (the preview takes the colour the layer will get). */
export const PREVIEW_COLOR_PAINT: readonly (readonly [string, string])[] = [['preview-fill', 'fill-color'], ['preview-line', 'line-color'], ['preview-point', 'circle-color']];
export const labelSourceId = (entryId: string): string => `${entryId}--labels`;

/**
 * The bundled files are drawn from the one shared source (`BUNDLED_SOURCE`), empty in the style and
 * filled once, through the adapter's `setData`, with `bundledCollection`: the map starts before
 * (and without waiting for) the app's copy of the data. The other entries start empty too.
 */
export interface StyleInputs {
  entries: readonly LayerEntry[];
  /** Effective visibility per entry (switch on and present in the current period). */
  visibility?: ReadonlyMap<string, boolean>;
  opacity?: ReadonlyMap<string, number>;
}

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

/** The GeoJSON sources of one entry: its data, and label points where the entry asks for them. */
export function entrySources(entry: LayerEntry, data: FeatureCollection | undefined): Record<string, SourceSpecification> {
  if (entry.vectorTiles) {
    return { [entry.id]: { type: 'vector', tiles: [`${LARGE_PROTOCOL}://${encodeURIComponent(entry.id)}/{z}/{x}/{y}`], maxzoom: 14, promoteId: 'id' } };
  }
  // Property keys such as "constructor" or "__proto__" are renamed in the map's copy (map-keys.ts).
  const fc: FeatureCollection = mapSafeCollection(data ?? EMPTY);
  const out: Record<string, SourceSpecification> = { [entry.id]: { type: 'geojson', data: fc, promoteId: 'id' } };
  if (entry.labelPoints) out[labelSourceId(entry.id)] = { type: 'geojson', data: labelPoints(fc), promoteId: 'id' };
  return out;
}

/**
 * The MapLibre layers of one entry, split into drawn layers and symbol (label) layers; with
 * `bundled`, a bundled file's layers draw from the shared source, each kept to its file.
 */
export function entryLayers(entry: LayerEntry, visible: boolean, opacity: number, bundled = false): { drawn: LayerSpecification[]; symbols: LayerSpecification[] } {
  const drawn: LayerSpecification[] = [];
  const symbols: LayerSpecification[] = [];
  const shared = bundled && fromBundledSource(entry);
  for (const spec of entry.layers) {
    const { fromLabelPoints, ...rest } = spec;
    const own = (rest as { filter?: FilterSpecification }).filter;
    const layer = {
      ...rest,
      source: shared ? BUNDLED_SOURCE : fromLabelPoints ? labelSourceId(entry.id) : entry.id,
      ...(shared ? { filter: bundledFilter(entry, !!fromLabelPoints, own) } : {}),
      ...(entry.vectorTiles && !fromLabelPoints ? { 'source-layer': TILE_LAYER } : {}),
      layout: { ...(rest.layout ?? {}), visibility: visible ? 'visible' : 'none' },
      paint: { ...((rest as { paint?: object }).paint ?? {}), ...opacityPaint(spec, opacity) },
    } as LayerSpecification;
    // A large import (vector tiles, tens of thousands of features) keeps its plain paint: per-feature
    // values cost every vertex attributes to fill and upload, and it is added long after the first view.
    (layer.type === 'symbol' ? symbols : drawn).push(entry.vectorTiles ? layer : sharedVariant(layer));
  }
  return { drawn, symbols };
}

export function buildStyle({ entries, visibility, opacity }: StyleInputs): StyleSpecification {
  const sources: Record<string, SourceSpecification> = { [BUNDLED_SOURCE]: { type: 'geojson', data: EMPTY, promoteId: 'id' } };
  const layers: LayerSpecification[] = [
    { id: 'background', type: 'background', paint: { 'background-color': palette.background } },
  ];
  // Symbol layers go last so labels of one layer are never covered by fills of a later one, in
  // reverse catalog order: MapLibre places the topmost labels first, and unit names must win.
  const symbolLayers: LayerSpecification[] = [];
  for (const entry of entries) {
    if (!fromBundledSource(entry)) Object.assign(sources, entrySources(entry, undefined));
    const { drawn, symbols } = entryLayers(entry, visibility?.get(entry.id) ?? entry.visible, opacity?.get(entry.id) ?? 1, true);
    layers.push(...drawn);
    symbolLayers.push(...symbols);
  }
  // The selected feature's highlight sits above every layer, below the labels.
  sources[SELECTION_SOURCE] = { type: 'geojson', data: { type: 'FeatureCollection', features: [] } };
  const selection: LayerSpecification[] = [
    { id: 'selection-fill', type: 'fill', source: SELECTION_SOURCE, filter: ['in', ['geometry-type'], ['literal', ['Polygon', 'MultiPolygon']]], paint: { 'fill-color': palette.selection, 'fill-opacity': 0.18 } },
    { id: 'selection-casing', type: 'line', source: SELECTION_SOURCE, filter: ['!', ['in', ['geometry-type'], ['literal', ['Point', 'MultiPoint']]]], layout: { 'line-join': 'round' }, paint: { 'line-color': '#ffffff', 'line-width': 7 } },
    { id: 'selection-line', type: 'line', source: SELECTION_SOURCE, filter: ['!', ['in', ['geometry-type'], ['literal', ['Point', 'MultiPoint']]]], layout: { 'line-join': 'round' }, paint: { 'line-color': palette.selection, 'line-width': 3.5 } },
    { id: 'selection-point', type: 'circle', source: SELECTION_SOURCE, filter: ['in', ['geometry-type'], ['literal', ['Point', 'MultiPoint']]], paint: { 'circle-radius': 13, 'circle-color': 'rgba(0,0,0,0)', 'circle-stroke-color': palette.selection, 'circle-stroke-width': 4 } },
  ];
  sources[PREVIEW_SOURCE] = { type: 'geojson', data: { type: 'FeatureCollection', features: [] } };
  const preview: LayerSpecification[] = [
    { id: 'preview-fill', type: 'fill', source: PREVIEW_SOURCE, filter: ['in', ['geometry-type'], ['literal', ['Polygon', 'MultiPolygon']]], paint: { 'fill-color': palette.preview, 'fill-opacity': 0.15 } },
    { id: 'preview-line', type: 'line', source: PREVIEW_SOURCE, filter: ['!', ['in', ['geometry-type'], ['literal', ['Point', 'MultiPoint']]]], paint: { 'line-color': palette.preview, 'line-width': 2, 'line-dasharray': [2, 1] } },
    { id: 'preview-point', type: 'circle', source: PREVIEW_SOURCE, filter: ['in', ['geometry-type'], ['literal', ['Point', 'MultiPoint']]], paint: { 'circle-radius': 5, 'circle-color': palette.preview } },
  ];
  // No `glyphs` and no `font-faces`: labels are drawn from the page's fonts (src/map/fonts.ts).
  return { version: 8, sources, layers: [...layers, ...preview.map(sharedVariant), ...selection.map(sharedVariant), ...symbolLayers.reverse()] };
}

const OPACITY_PROPS: Record<string, string[]> = {
  fill: ['fill-opacity'],
  line: ['line-opacity'],
  circle: ['circle-opacity', 'circle-stroke-opacity'],
  symbol: ['text-opacity'],
};

/**
 * Paint values that draw a catalog layer at `factor` × its own opacity. Data-driven opacities are
 * multiplied as expressions, so a slider never flattens the catalog's styling.
 */
export function opacityPaint(spec: CatalogLayerSpec, factor: number, fillFactor = 1): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const paint = (spec as { paint?: Record<string, unknown> }).paint ?? {};
  // Over a basemap only fills give way (lines, points and labels keep their weight).
  const k = spec.type === 'fill' ? factor * fillFactor : factor;
  for (const prop of OPACITY_PROPS[spec.type] ?? []) {
    const original = paint[prop] ?? 1;
    out[prop] = k === 1 ? original : typeof original === 'number' ? original * k : ['*', original, k];
  }
  return out;
}

/**
 * A `text-size` value scaled by `k`. A zoom curve is scaled stop by stop (MapLibre allows `zoom`
 * only at the top of an expression, so it cannot be wrapped in a product).
 */
export function scaleTextSize(value: unknown, k: number): unknown {
  if (typeof value === 'number') return Math.round(value * k * 10) / 10;
  const isZoom = (x: unknown) => Array.isArray(x) && x[0] === 'zoom';
  // ['interpolate', type, ['zoom'], z1, v1, …]: scale each v.
  if (Array.isArray(value) && value[0] === 'interpolate' && isZoom(value[2])) {
    return value.map((x, i) => (i >= 3 && (i - 3) % 2 === 1 ? scaleTextSize(x, k) : x));
  }
  // ['step', ['zoom'], v0, z1, v1, …]: scale v0 and each v.
  if (Array.isArray(value) && value[0] === 'step' && isZoom(value[1])) {
    return value.map((x, i) => (i === 2 || (i >= 3 && (i - 3) % 2 === 1) ? scaleTextSize(x, k) : x));
  }
  return ['*', value, k];
}

/** MapLibre layer ids that belong to a catalog entry (for visibility switches). */
export function mapLayerIds(entry: LayerEntry): string[] {
  return entry.layers.map((l) => l.id);
}
