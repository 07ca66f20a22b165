import { For, Show, createMemo } from 'solid-js';
import type { GroupId, LayerEntry, LegendContext } from '../layers/types';
import { t, tl, type MessageKey } from '../i18n';
import { Swatch } from './Swatch';
import { legendItems } from '../layers/legend';

export interface LegendProps {
  /** The entries of the current period. */
  entries: readonly LayerEntry[];
  visible: Readonly<Record<string, boolean>>;
  opacity: Readonly<Record<string, number>>;
  onOpacity: (id: string, v: number) => void;
  /** Download a layer's features as GeoJSON (WGS 84). */
  onExport: (id: string) => void;
  onRemove: (id: string) => void;
  removable: (id: string) => boolean;
  context: LegendContext;
  onVisible: (id: string, v: boolean) => void;
  onGroupVisible: (ids: string[], v: boolean) => void;
  /** Shown entries hidden under the coverage map: their swatches give way to a note. */
  covered?: ReadonlySet<string>;
}

const GROUPS: GroupId[] = ['admin', 'industry', 'infrastructure', 'tourism', 'planning', 'imported'];

/**
 * Layer panel and legend in one, generated from the catalog: a switch per group and per layer.
 * A group switch is on while any of its layers is (mixed shows as indeterminate); turning it off
 * hides them all, turning it on shows them all.
 */
export function Legend(props: LegendProps) {
  const groups = createMemo(() =>
    GROUPS.map((g) => ({ id: g, entries: props.entries.filter((e) => e.group === g) })).filter((g) => g.entries.length > 0),
  );
  return (
    <section class="legend" aria-labelledby="legend-title">
      <h2 id="legend-title">{t('legend')}</h2>
      <For each={groups()}>
        {(group) => {
          const ids = () => group.entries.map((e) => e.id);
          const on = () => ids().filter((id) => props.visible[id]).length;
          const title = () => t(`group.${group.id}` as MessageKey);
          return (
            <div class="legend-group" data-group={group.id}>
              <label class="group-switch">
                <input type="checkbox" checked={on() > 0} prop:indeterminate={on() > 0 && on() < ids().length}
                  aria-label={t('showGroup', { group: title() })}
                  onChange={() => props.onGroupVisible(ids(), on() === 0)} />
                <h3>{title()}</h3>
              </label>
              <For each={group.entries}>
                {(entry) => (
                  <div class="legend-entry" data-layer={entry.id} classList={{ off: !props.visible[entry.id] }}>
                    <label class="layer-switch">
                      <input type="checkbox" aria-label={tl(entry.title)} checked={!!props.visible[entry.id]} onChange={(e) => props.onVisible(entry.id, e.currentTarget.checked)} />
                      <span class="layer-title">{tl(entry.title)}</span>
                      <span class={`prov prov-${entry.provenance}`} title={tl(entry.provenanceNote)}>
                        {t(`provenance.${entry.provenance}`)}
                      </span>
                    </label>
                    <Show when={props.visible[entry.id]}>
                      <label class="opacity">
                        <span class="visually-hidden">{t('opacityOf', { layer: tl(entry.title) })}</span>
                        <span aria-hidden="true">{t('opacity')}</span>
                        <input type="range" min="0" max="100" step="5" value={Math.round((props.opacity[entry.id] ?? 1) * 100)}
                          aria-label={t('opacityOf', { layer: tl(entry.title) })}
                          onInput={(e) => props.onOpacity(entry.id, e.currentTarget.valueAsNumber / 100)} />
                        <span class="opacity-value" aria-hidden="true">{Math.round((props.opacity[entry.id] ?? 1) * 100)}%</span>
                      </label>
                      <Show when={props.covered?.has(entry.id)}>
                        <p class="prov-note covered-note">{t('coveredByCoverage')}</p>
                      </Show>
                      <ul hidden={props.covered?.has(entry.id)}>
                        <For each={legendItems(entry, props.context)}>
                          {(item) => (
                            <li class="legend-item">
                              <Swatch swatch={item.swatch} />
                              <span>{tl(item.label)}</span>
                            </li>
                          )}
                        </For>
                      </ul>
                      <p class="prov-note">{tl(entry.provenanceNote)}</p>
                      <div class="entry-actions">
                        <Show when={entry.data !== null || props.removable(entry.id)}>
                          <button type="button" class="small" aria-label={`${t('exportGeojson')}: ${tl(entry.title)}`} onClick={() => props.onExport(entry.id)}>{t('exportGeojson')}</button>
                        </Show>
                        <Show when={props.removable(entry.id)}>
                          <button type="button" class="small danger" aria-label={`${t('remove')}: ${tl(entry.title)}`} onClick={() => props.onRemove(entry.id)}>{t('remove')}</button>
                        </Show>
                      </div>
                    </Show>
                  </div>
                )}
              </For>
            </div>
          );
        }}
      </For>
    </section>
  );
}
