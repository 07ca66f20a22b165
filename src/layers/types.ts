// What a layer catalog entry is. The map style, the legend and (later) the layer panel, search and
// feature info are all generated from these entries, so adding a layer means adding an entry.
import type { LayerSpecification } from 'maplibre-gl';
import type { Localized } from '../i18n/messages';

export type GroupId = 'admin' | 'industry' | 'infrastructure' | 'tourism' | 'planning';
export type Provenance = 'official' | 'indicative' | 'demonstration';

/** A MapLibre layer spec without `source`: the catalog entry's own source is filled in. */
export type CatalogLayerSpec = DistributiveOmit<LayerSpecification, 'source'> & {
  /** Draw from the derived label-point source instead of the entry's geometry. */
  fromLabelPoints?: boolean;
};
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

export type Swatch =
  | { kind: 'fill'; color: string; outline?: string }
  | { kind: 'line'; color: string; width: number; dash?: readonly number[] }
  | { kind: 'circle'; color: string; stroke?: string };

export interface LegendItem {
  label: Localized;
  swatch: Swatch;
}

export interface LayerEntry {
  id: string;
  group: GroupId;
  title: Localized;
  /** URL of the GeoJSON file (bundled from geodata/ as an asset), or null for a layer whose data
   *  the app derives at run time (e.g. coverage) and hands to the map adapter. */
  data: string | null;
  provenance: Provenance;
  /** One line on where the geometry comes from, shown beside the legend. */
  provenanceNote: Localized;
  visible: boolean;
  /** Derive a point per feature for labels (polygon labels placed once, inside the shape). */
  labelPoints?: boolean;
  layers: CatalogLayerSpec[];
  /** Legend items; a function where they depend on settings (e.g. the coverage target). */
  legend: LegendItem[] | ((ctx: LegendContext) => LegendItem[]);
  /** Layer ids (as in `layers`) whose features answer a click. */
  interactive?: string[];
}

export interface LegendContext {
  /** Coverage target as a fraction. */
  target: number;
}
