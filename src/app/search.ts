// The search index, built once the map is idle and loaded with its library then (MiniSearch is not
// needed for the first view); rebuilt when the layers or the language change.
import { createResource, type Accessor } from 'solid-js';
import type { Datasets } from '../data/load';
import type { LayerEntry } from '../layers/types';
import type { Lang } from '../i18n/types';
import type { SearchIndex } from '../search/search';
import { searchItems } from '../search/items';
import { featureTitle } from '../ui/FeatureCard';

export function createSearch(d: { ready: Accessor<boolean>; entries: Accessor<LayerEntry[]>; data: Accessor<Datasets>; lang: Accessor<Lang> }): Accessor<SearchIndex | null> {
  const [index] = createResource(
    () => (d.ready() && d.data().size ? { entries: d.entries(), data: d.data(), lang: d.lang() } : false),
    async (s) => (await import('../search/search')).buildSearchIndex(searchItems(s.entries, s.data, s.lang, featureTitle)),
  );
  return () => index.latest ?? null;
}
