// The search index, built once the map is idle and loaded with its library then (MiniSearch is not
// needed for the first view); rebuilt when the layers or the language change, in slices that leave
// the page responsive (a large import's preview adds thousands of features).
import { createResource, type Accessor } from 'solid-js';
import type { Datasets } from '../data/load';
import type { LayerEntry } from '../layers/types';
import type { Lang } from '../i18n/types';
import type { SearchIndex } from '../search/search';
import { searchItemsAsync } from '../search/items';
import { featureTitle } from '../ui/FeatureCard';

export interface Search {
  /** The latest index built (the previous one while a newer is being built). */
  index: Accessor<SearchIndex | null>;
  /** A newer index is being built (the layers or the language changed). */
  building: Accessor<boolean>;
}

export function createSearch(d: { ready: Accessor<boolean>; entries: Accessor<LayerEntry[]>; data: Accessor<Datasets>; lang: Accessor<Lang> }): Search {
  let build = 0;
  const [index] = createResource(
    () => (d.ready() && d.data().size ? { entries: d.entries(), data: d.data(), lang: d.lang() } : false),
    async (s) => {
      // A newer build (another layer, the language) makes this one pointless: it stops, and the
      // resource ignores what a superseded fetch resolves to.
      const mine = ++build;
      const stale = () => mine !== build;
      const [lib, items] = await Promise.all([import('../search/search'), searchItemsAsync(s.entries, s.data, s.lang, featureTitle, stale)]);
      return items === null || stale() ? null : lib.buildSearchIndexAsync(items);
    },
  );
  return { index: () => index.latest ?? null, building: () => index.loading };
}
