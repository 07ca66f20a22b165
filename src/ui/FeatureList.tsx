import { For, Show, createMemo, createSignal } from 'solid-js';
import type { Feature } from 'geojson';
import type { LayerEntry } from '../layers/types';
import type { Datasets } from '../data/load';
import { t, tl } from '../i18n';

const LIST_LIMIT = 300;
import { featureTitle } from './FeatureCard';

/**
 * The map's text alternative: every feature of the visible layers as a list, each a button that
 * shows it on the map. Screen-reader and keyboard users reach everything the map draws from here.
 */
export function FeatureList(props: {
  entries: readonly LayerEntry[];
  visible: Readonly<Record<string, boolean>>;
  datasets: Datasets | null;
  onChoose: (layerId: string, f: Feature) => void;
}) {
  // Closed, the list is not built (hundreds of buttons the first view does not show): it is made
  // when first opened and kept up to date from then on.
  const [opened, setOpened] = createSignal(false);
  const groups = createMemo(() => !opened() ? [] :
    props.entries
      .filter((e) => props.visible[e.id] && e.searchable !== false && e.data !== null)
      .map((e) => {
        const named = (props.datasets?.get(e.id)?.features ?? []).filter((f) => f.properties?.name);
        // A list of thousands helps nobody (and costs the page): the rest are reachable by search.
        return { entry: e, features: named.slice(0, LIST_LIMIT), more: Math.max(0, named.length - LIST_LIMIT) };
      }),
  );
  return (
    <details class="feature-list" onToggle={(e) => e.currentTarget.open && setOpened(true)}>
      <summary id="feature-list-title">{t('featureList')}</summary>
      <For each={groups()}>
        {(g) => (
          <Show when={g.features.length > 0}>
            <h3>{tl(g.entry.title)} ({g.features.length})</h3>
            <ul>
              <For each={g.features}>
                {(f) => (
                  <li>
                    <button type="button" class="link" onClick={() => props.onChoose(g.entry.id, f)}>
                      {featureTitle(g.entry, (f.properties ?? {}) as Record<string, unknown>)}
                    </button>
                  </li>
                )}
              </For>
            </ul>
            <Show when={g.more > 0}>
              <p class="note">{t('andMore', { n: g.more })}</p>
            </Show>
          </Show>
        )}
      </For>
    </details>
  );
}
