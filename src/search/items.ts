// Search items from the loaded layers: every named feature, with the units it lies in.
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { LayerEntry } from '../layers/types';
import type { Datasets } from '../data/load';
import type { Lang } from '../i18n/types';
import { unitsOf } from '../geo/units-of';
import type { SearchItem } from './search';

/** Beyond this many features a layer is indexed by name only, for its first MAX_INDEXED features. */
const UNITS_LOOKUP_LIMIT = 500;
const MAX_INDEXED = 20_000;

// Which units a feature lies in, per units collection and feature object: the index is rebuilt
// whenever a layer is added or the language changes, and the geometric tests (~0.4 s for the bundled
// layers) would otherwise be repeated each time. Features are never mutated, so the answer holds.
const unitNames = new WeakMap<FeatureCollection, WeakMap<Feature, string[]>>();
function unitsCached(f: Feature<Geometry>, units: FeatureCollection): string[] {
  let m = unitNames.get(units);
  if (!m) unitNames.set(units, (m = new WeakMap()));
  let names = m.get(f);
  if (!names) {
    names = unitsOf(f, units).map((u) => `${String(u.properties?.type_2021 ?? '')} ${String(u.properties?.name ?? '')}`.trim());
    m.set(f, names);
  }
  return names;
}

type TitleOf = (entry: LayerEntry, p: Record<string, unknown>) => string;

/** The items, one feature per step (the caller decides when to pause); returns them at the end. */
function* itemSteps(entries: readonly LayerEntry[], datasets: Datasets, lang: Lang, titleOf: TitleOf): Generator<void, SearchItem[]> {
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
      out.push({
        key: `${entry.id}/${id}`,
        layerId: entry.id,
        featureId: id,
        name: titleOf(entry, p),
        aliases: Array.isArray(p.aliases) ? p.aliases.filter((a): a is string => typeof a === 'string') : [p.name],
        units: withUnits && units && entry.id !== 'units-2021' ? unitsCached(f as Feature<Geometry>, units) : [],
        kind: (entry.kinds?.[String(p.kind ?? '')] ?? entry.title)[lang],
      });
      yield;
    }
  }
  return out;
}

export function searchItems(entries: readonly LayerEntry[], datasets: Datasets, lang: Lang, titleOf: TitleOf): SearchItem[] {
  const steps = itemSteps(entries, datasets, lang, titleOf);
  for (;;) {
    const s = steps.next();
    if (s.done) return s.value;
  }
}

/**
 * The same items, pausing for the page every ~20 ms of work (the first build tests every bundled
 * feature against the units: ~0.4 s in one piece otherwise). Resolves null as soon as `stale()`
 * says a newer build has started.
 */
export async function searchItemsAsync(entries: readonly LayerEntry[], datasets: Datasets, lang: Lang, titleOf: TitleOf, stale: () => boolean = () => false): Promise<SearchItem[] | null> {
  const steps = itemSteps(entries, datasets, lang, titleOf);
  let since = performance.now();
  for (;;) {
    const s = steps.next();
    if (s.done) return s.value;
    if (performance.now() - since > 20) {
      await new Promise((r) => setTimeout(r, 0));
      if (stale()) return null;
      since = performance.now();
    }
  }
}
