// What a layer catalog entry is. The map style, the legend and (later) the layer panel, search and
// feature info are all generated from these entries, so adding a layer means adding an entry.
import type { LayerSpecification } from 'maplibre-gl';
import type { Localized } from '../i18n/types';

export type Period = '2021' | '2024' | '2025';
export const PERIODS: readonly Period[] = ['2021', '2024', '2025'];

export type GroupId = 'admin' | 'industry' | 'infrastructure' | 'tourism' | 'planning' | 'imported';
/** 'proposal': drawn by the user on the map (a what-if), neither official nor demonstration data. */
export type Provenance = 'official' | 'indicative' | 'demonstration' | 'proposal';

/** A MapLibre layer spec without `source`: the catalog entry's own source is filled in. */
export type CatalogLayerSpec = DistributiveOmit<LayerSpecification, 'source'> & {
  /** Draw from the derived label-point source instead of the entry's geometry. */
  fromLabelPoints?: boolean;
};
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

export type Swatch =
  | { kind: 'fill'; color: string; outline?: string; /** As the map draws the fill (default 1). */ opacity?: number }
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
  /** Periods in which the layer exists (default: all). The 2021 units, the 2024 town and the 2025 wards. */
  periods?: Period[];
  /** False for entries that draw the same features as another entry (kept out of search). */
  searchable?: boolean;
  /** Drawn from vector tiles cut in the tile worker (large imports) instead of a GeoJSON source. */
  vectorTiles?: boolean;
  /** Derive a point per feature for labels (polygon labels placed once, inside the shape). */
  labelPoints?: boolean;
  layers: CatalogLayerSpec[];
  /** Legend items; a function where they depend on settings (e.g. the coverage target). */
  legend: LegendItem[] | ((ctx: LegendContext) => LegendItem[]);
  /**
   * Opaque over the district: while this entry is drawn, the entries drawn before it (earlier in the
   * catalog) are hidden under it, so legends leave them out and their colours never meet its own.
   */
  coversBelow?: boolean;
  /** Layer ids (as in `layers`) whose features answer a click. */
  interactive?: string[];
  /** What one feature of this layer is called ("Khu công nghiệp"), by its `kind` property where given. */
  kinds?: Record<string, Localized>;
  /** Properties shown in the feature info, under their Vietnamese/English labels (never raw keys). */
  fields?: FieldSpec[];
}

export type FieldFormat = 'text' | 'number' | 'ha' | 'km2' | 'date' | 'list' | 'boolean';

export interface FieldSpec {
  key: string;
  label: Localized;
  format?: FieldFormat;
  /** Labels of enumerated values (status, level…). */
  values?: Record<string, Localized>;
}

export interface LegendContext {
  /** Coverage target as a fraction. */
  target: number;
  /**
   * What the coverage map draws now: the classes (0..4) of the units the target applies to, and
   * whether units it does not apply to are drawn. Absent: every class is listed.
   */
  coverage?: { classes: readonly number[]; others: boolean };
}

/** Whether an entry exists in a period. */
export function inPeriod(entry: LayerEntry, period: Period): boolean {
  return !entry.periods || entry.periods.includes(period);
}
