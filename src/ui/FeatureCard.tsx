import { Show, For, createMemo } from 'solid-js';
import type { Feature, FeatureCollection } from 'geojson';
import type { LayerEntry } from '../layers/types';
import { t, lang, type MessageKey } from '../i18n';
import { featureInfo } from './feature-info';

export interface SelectedFeature {
  entry: LayerEntry;
  feature: Feature;
}

type Props = Record<string, unknown>;
const str = (v: unknown): string => (typeof v === 'string' ? v : v == null ? '' : String(v));

/** Title of a feature as the user reads it: "Xã Tự Lạn", "Thị trấn Bích Động", "Phường Nếnh", "KCN Đình Trám". */
export function featureTitle(entry: LayerEntry, p: Props): string {
  if (entry.id === 'units-2021' || entry.id === 'units-absorbed') return `${str(p.type_2021)} ${str(p.name)}`.trim();
  if (entry.id === 'units-2024') return `${str(p.type_2024)} ${str(p.name)}`.trim();
  if (entry.id.startsWith('wards-2025')) return `${str(p.type) || 'Phường'} ${str(p.name)}`.trim();
  return str(p.name) || str(p.id);
}

/** Info about the selected feature. Every value is rendered as text: GeoJSON properties are untrusted. */
export function FeatureCard(props: { selected: SelectedFeature | null; units: FeatureCollection | undefined; onClose: () => void }) {
  const info = createMemo(() => (props.selected ? featureInfo(props.selected.entry, props.selected.feature, lang(), props.units, featureTitle) : null));
  return (
    <Show when={info()} keyed>
      {(i) => (
        <section class="feature-card" role="region" aria-label={t('selected')} data-testid="feature-card">
          <div class="feature-card-head">
            <div>
              <p class="feature-kind">{i.kind}</p>
              <h2 class="feature-title">{i.title}</h2>
            </div>
            <button type="button" class="icon-button" onClick={() => props.onClose()} aria-label={t('close')}>×</button>
          </div>
          <Show when={props.selected?.entry.id.startsWith('units-')}>
            <p class="badge" classList={{ slated: i.becameWard }} data-testid="ward-badge">
              {i.becameWard ? t('slatedWard') : t('otherUnit')}
            </p>
          </Show>
          <dl>
            <Show when={i.becameWard}>
              <dt>{t('becameWard')}</dt>
              <dd data-testid="became-ward">{t('becameWardText')}</dd>
            </Show>
            <For each={i.rows}>
              {(r) => (
                <>
                  <dt>{r.label}</dt>
                  <dd>{r.value}</dd>
                </>
              )}
            </For>
            <Show when={i.measure} keyed>
              {(m) => (
                <>
                  <dt>{m.label}</dt>
                  <dd data-testid="feature-measure">{m.value}</dd>
                </>
              )}
            </Show>
            <Show when={i.units.length > 0}>
              <dt>{t('liesIn')}</dt>
              <dd data-testid="feature-units">{i.units.join(', ')}</dd>
            </Show>
          </dl>
          <Show when={i.history.length > 0}>
            <h3 class="history-title">{props.selected?.entry.id.startsWith('wards-') ? t('absorbed') : t('history')}</h3>
            <ul class="history" data-testid="feature-history">
              <For each={i.history}>{(h) => <li>{h}</li>}</For>
            </ul>
          </Show>
          <p class="geometry-source feature-source" data-testid="feature-source">
            <span class={`prov prov-${i.provenance}`} data-testid="feature-badge">{t(`provenance.${i.provenance}`)}</span>{' '}
            <strong>{t('sourceLabel')}:</strong> {i.source}
            <Show when={i.confidence} keyed>
              {(c) => (
                <>
                  {' · '}
                  <strong>{t('confidenceLabel')}:</strong> <span data-testid="feature-confidence">{t(`confidence.${c}` as MessageKey)}</span>
                </>
              )}
            </Show>
          </p>
          <p class="geometry-source">
            <strong>{t('provenance')}:</strong> {i.geometry}
          </p>
        </section>
      )}
    </Show>
  );
}
