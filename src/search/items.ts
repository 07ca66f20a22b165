// Search items from the loaded layers: every named feature, with the units it lies in.
import type { Feature, Geometry } from 'geojson';
import type { LayerEntry } from '../layers/types';
import type { Datasets } from '../data/load';
import type { Lang } from '../i18n/types';
import { unitsOf } from '../geo/units-of';
import type { SearchItem } from './search';

/** Beyond this many features a layer is indexed by name only, for its first MAX_INDEXED features. */
const UNITS_LOOKUP_LIMIT = 500;
const MAX_INDEXED = 20_000;

export function searchItems(
  entries: readonly LayerEntry[],
  datasets: Datasets,
  lang: Lang,
  titleOf: (entry: LayerEntry, p: Record<string, unknown>) => string,
): SearchItem[] {
  const units = datasets.get('units-2021');
  const out: SearchItem[] = [];
  for (const entry of entries) {
    const fc = datasets.get(entry.id);
    if (!fc || entry.searchable === false) continue;
    // Which unit each feature lies in costs a geometric test per unit: affordable for the bundled
    // layers, not for a planner's 30,000-plan register (that would freeze the page for minutes).
    const withUnits = fc.features.length <= UNITS_LOOKUP_LIMIT;
    for (const f of fc.features.slice(0, MAX_INDEXED)) {
      const p = (f.properties ?? {}) as Record<string, unknown>;
      const id = String(p.id ?? f.id ?? '');
      if (!id || !f.geometry || typeof p.name !== 'string') continue;
      const inUnits = withUnits && units && entry.id !== 'units-2021' ? unitsOf(f as Feature<Geometry>, units) : [];
      out.push({
        key: `${entry.id}/${id}`,
        layerId: entry.id,
        featureId: id,
        name: titleOf(entry, p),
        aliases: Array.isArray(p.aliases) ? p.aliases.filter((a): a is string => typeof a === 'string') : [p.name],
        units: inUnits.map((u) => `${String(u.properties?.type_2021 ?? '')} ${String(u.properties?.name ?? '')}`.trim()),
        kind: (entry.kinds?.[String(p.kind ?? '')] ?? entry.title)[lang],
      });
    }
  }
  return out;
}
