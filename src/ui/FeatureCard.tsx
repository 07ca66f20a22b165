import { Show } from 'solid-js';
import type { Feature } from 'geojson';
import { t, lang } from '../i18n';

export interface SelectedFeature {
  layerId: string;
  feature: Feature;
}

const fmtNumber = (n: number, digits = 0) =>
  new Intl.NumberFormat(lang() === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: digits }).format(n);

type Props = Record<string, unknown>;
const str = (v: unknown): string => (typeof v === 'string' ? v : v == null ? '' : String(v));

/** Title of a feature as the user reads it: "Xã Tự Lạn", "Thị trấn Bích Động", "Phường Nếnh". */
export function featureTitle(layerId: string, p: Props): string {
  if (layerId === 'units-2021') return `${str(p.type_2021)} ${str(p.name)}`.trim();
  if (layerId === 'wards-2025') return `${str(p.type) || 'Phường'} ${str(p.name)}`.trim();
  return str(p.name) || str(p.id);
}

/** Info about the clicked feature. All values are rendered as text (properties are untrusted). */
export function FeatureCard(props: { selected: SelectedFeature | null; onClose: () => void }) {
  const p = (): Props => (props.selected?.feature.properties ?? {}) as Props;
  const ward = () => p().ward_2025 as { code?: string; name?: string } | undefined;
  return (
    <Show when={props.selected}>
      {(sel) => (
        <section class="feature-card" role="region" aria-label={t('selected')} data-testid="feature-card">
          <div class="feature-card-head">
            <h2 class="feature-title">{featureTitle(sel().layerId, p())}</h2>
            <button type="button" class="icon-button" onClick={() => props.onClose()} aria-label={t('close')}>×</button>
          </div>
          <Show when={sel().layerId === 'units-2021'}>
            <p class="badge" classList={{ slated: p().slated_ward === true }}>
              {p().slated_ward === true ? t('slatedWard') : t('otherUnit')}
            </p>
            <dl>
              <dt>{t('type2024')}</dt>
              <dd>{str(p().type_2024)}</dd>
              <dt>{t('ward2025')}</dt>
              <dd>{ward()?.name ? `Phường ${ward()!.name}` : t('noData')}</dd>
              <dt>{t('officialArea')}</dt>
              <dd>{typeof p().official_area_km2 === 'number' ? `${fmtNumber(p().official_area_km2 as number, 2)} km²` : t('noData')}</dd>
              <dt>{t('population2022')}</dt>
              <dd>{typeof p().population_2022 === 'number' ? fmtNumber(p().population_2022 as number) : t('noData')}</dd>
            </dl>
          </Show>
          <Show when={str(p().geometry_source)}>
            <p class="geometry-source">
              <strong>{t('provenance')}:</strong> {str(p().geometry_source)}
            </p>
          </Show>
        </section>
      )}
    </Show>
  );
}
