import { For } from 'solid-js';
import type { LayerEntry } from '../layers/types';
import { t, tl } from '../i18n';
import { Swatch } from './Swatch';

/** The legend, generated from the layer catalog. */
export function Legend(props: { entries: readonly LayerEntry[] }) {
  return (
    <section class="legend" aria-labelledby="legend-title">
      <h2 id="legend-title">{t('legend')}</h2>
      <For each={props.entries}>
        {(entry) => (
          <div class="legend-entry" data-layer={entry.id}>
            <h3>
              {tl(entry.title)}{' '}
              <span class={`prov prov-${entry.provenance}`} title={tl(entry.provenanceNote)}>
                {t(`provenance.${entry.provenance}`)}
              </span>
            </h3>
            <ul>
              <For each={entry.legend}>
                {(item) => (
                  <li class="legend-item">
                    <Swatch swatch={item.swatch} />
                    <span>{tl(item.label)}</span>
                  </li>
                )}
              </For>
            </ul>
            <p class="prov-note">{tl(entry.provenanceNote)}</p>
          </div>
        )}
      </For>
    </section>
  );
}
