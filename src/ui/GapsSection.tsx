// Where the nine must still be planned: each slated unit's uncovered area and shortfall to the
// target, the largest gap pieces (a click zooms to one), the gap layer switch and the exports.
import { For, Show } from 'solid-js';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { GapPieceProperties, GapsResult } from '../coverage/types';
import { t, fmt } from '../i18n';

export interface GapsSectionProps {
  gaps: GapsResult | null;
  largest: Feature<Polygon | MultiPolygon, GapPieceProperties>[];
  busy: boolean;
  error: string | null;
  shown: boolean;
  proposals: boolean;
  onShow: (on: boolean) => void;
  onZoom: (piece: Feature<Polygon | MultiPolygon, GapPieceProperties>) => void;
  onExport: (kind: 'geojson' | 'shapefile') => void;
}

const ha = (m2: number) => fmt(m2 / 10_000, 1);

export function GapsSection(props: GapsSectionProps) {
  const target = () => `${fmt((props.gaps?.target ?? 0.8) * 100, 0)}%`;
  return (
    <section class="gaps-section" aria-labelledby="gaps-title" data-testid="gaps">
      <h3 id="gaps-title">{t('gapsTitle')}</h3>
      <p class="note">{t('gapsIntro', { target: target() })}{props.proposals ? ` (${t('gapsWithProposals')})` : ''}</p>
      <label class="switch">
        <input type="checkbox" role="switch" checked={props.shown} onChange={(e) => props.onShow(e.currentTarget.checked)} />
        {t('gapsShow')}
      </label>
      <Show when={props.error}>
        <p class="error" role="alert">{t('gapsError')}: {props.error}</p>
      </Show>
      <Show when={props.gaps} keyed fallback={<p class="note" role="status">{t('gapsComputing')}</p>}>
        {(g) => (
          <>
            <div class="gaps-table-wrap">
              <table class="gaps-table">
                <thead>
                  <tr>
                    <th scope="col">{t('gapsColUnit')}</th>
                    <th scope="col" class="num">{t('gapsColGap')}</th>
                    <th scope="col" class="num">{t('gapsColShortfall')}</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={g.units}>
                    {(u) => (
                      <tr data-gap-unit={u.unit_id}>
                        <th scope="row">{u.name}</th>
                        <td class="num gap-ha">{ha(u.gap_m2)}</td>
                        <td class="num shortfall-ha">{u.shortfall_m2 > 0 ? ha(u.shortfall_m2) : `0 (${t('gapsMet')})`}</td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </div>
            <Show when={props.largest.length} fallback={<p class="note">{t('gapsNone')}</p>}>
              <p class="note">{t('gapsLargest')}</p>
              <ol class="gap-pieces">
                <For each={props.largest}>
                  {(p) => (
                    <li>
                      <button type="button" class="row-button" onClick={() => props.onZoom(p)}>
                        {t('gapsPiece', { unit: p.properties.unit_name, ha: ha(p.properties.area_m2) })}
                      </button>
                    </li>
                  )}
                </For>
              </ol>
            </Show>
            <div class="row">
              <button type="button" onClick={() => props.onExport('geojson')} disabled={!g.pieces.features.length}>{t('gapsExportGeoJson')}</button>
              <button type="button" onClick={() => props.onExport('shapefile')} disabled={!g.pieces.features.length}>{t('gapsExportShapefile')}</button>
            </div>
          </>
        )}
      </Show>
      <Show when={props.busy && props.gaps}>
        <p class="note busy" role="status">{t('gapsComputing')}</p>
      </Show>
    </section>
  );
}
