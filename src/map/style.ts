// Builds the whole MapLibre style from the layer catalog: one GeoJSON source per entry (plus a
// label-point source where asked), its layers in catalog order, visibility from the entry.
import type { StyleSpecification, LayerSpecification, SourceSpecification } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import type { LayerEntry } from '../layers/types';
import { palette } from '../layers/palette';
import { labelPoints } from '../geo/label-point';
import type { Datasets } from '../data/load';

export const labelSourceId = (entryId: string): string => `${entryId}--labels`;

export interface StyleInputs {
  entries: readonly LayerEntry[];
  datasets: Datasets;
  /** `font-faces` for label fonts, served from the app itself (no glyph server, works offline). */
  fontFaces: StyleSpecification['font-faces'];
  visibility?: ReadonlyMap<string, boolean>;
}

export function buildStyle({ entries, datasets, fontFaces, visibility }: StyleInputs): StyleSpecification {
  const sources: Record<string, SourceSpecification> = {};
  const layers: LayerSpecification[] = [
    { id: 'background', type: 'background', paint: { 'background-color': palette.background } },
  ];
  // Symbol layers go last so labels of one layer are never covered by fills of a later one.
  const symbolLayers: LayerSpecification[] = [];
  for (const entry of entries) {
    const data: FeatureCollection = datasets.get(entry.id) ?? { type: 'FeatureCollection', features: [] };
    sources[entry.id] = { type: 'geojson', data, promoteId: 'id' };
    if (entry.labelPoints) {
      sources[labelSourceId(entry.id)] = { type: 'geojson', data: labelPoints(data), promoteId: 'id' };
    }
    const visible = visibility?.get(entry.id) ?? entry.visible;
    for (const spec of entry.layers) {
      const { fromLabelPoints, ...rest } = spec;
      const layer = {
        ...rest,
        source: fromLabelPoints ? labelSourceId(entry.id) : entry.id,
        layout: { ...(rest.layout ?? {}), visibility: visible ? 'visible' : 'none' },
      } as LayerSpecification;
      (layer.type === 'symbol' ? symbolLayers : layers).push(layer);
    }
  }
  const style: StyleSpecification = { version: 8, sources, layers: [...layers, ...symbolLayers] };
  if (fontFaces) style['font-faces'] = fontFaces;
  return style;
}

/** MapLibre layer ids that belong to a catalog entry (for visibility switches). */
export function mapLayerIds(entry: LayerEntry): string[] {
  return entry.layers.map((l) => l.id);
}
