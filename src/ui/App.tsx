import { createSignal, createEffect, onMount, onCleanup, Show } from 'solid-js';
import type { MapGeoJSONFeature } from 'maplibre-gl';
import { bbox } from '@turf/turf';
import { catalog } from '../layers/catalog';
import { loadDatasets, type Datasets } from '../data/load';
import { buildStyle } from '../map/style';
import { labelFontFaces } from '../map/fonts';
import { createMap, type MapHandle, type MapState } from '../map/adapter';
import { t, lang } from '../i18n';
import { SidePanel } from './SidePanel';
import { Legend } from './Legend';
import { FeatureCard, type SelectedFeature } from './FeatureCard';

// Việt Yên's extent, used until the district file is loaded.
const FALLBACK_BOUNDS: [number, number, number, number] = [106.0, 21.19, 106.17, 21.35];

export function App() {
  let container!: HTMLDivElement;
  const [mapState, setMapState] = createSignal<MapState>('loading');
  const [loadError, setLoadError] = createSignal<string | null>(null);
  const [panelOpen, setPanelOpen] = createSignal(true);
  const [selected, setSelected] = createSignal<SelectedFeature | null>(null);
  let datasets: Datasets | undefined;
  let handle: MapHandle | undefined;

  // Clicks give MapLibre's flattened copy; the card reads the original feature (nested values intact).
  const select = (f: MapGeoJSONFeature | null) => {
    if (!f || !datasets) return setSelected(null);
    const layerId = f.source;
    const original = datasets.get(layerId)?.features.find((x) => x.properties?.id === f.id || x.id === f.id);
    setSelected(original ? { layerId, feature: original } : null);
  };

  onMount(async () => {
    try {
      datasets = await loadDatasets(catalog);
    } catch (e) {
      setLoadError((e as Error).message);
      setMapState('error');
      return;
    }
    const district = datasets.get('district');
    const b = district && district.features.length ? (bbox(district) as [number, number, number, number]) : FALLBACK_BOUNDS;
    handle = createMap({
      container,
      style: buildStyle({ entries: catalog, datasets, fontFaces: labelFontFaces(location.href) }),
      bounds: [[b[0], b[1]], [b[2], b[3]]],
      entries: catalog,
      attribution: t('attribution'),
      onState: (s) => setMapState(s),
      onFeatureClick: select,
    });
    // Test hook: browser tests project coordinates and query rendered features through it.
    (window as unknown as { __vy?: unknown }).__vy = { map: handle.map };
  });
  onCleanup(() => handle?.destroy());

  createEffect(() => {
    document.documentElement.lang = lang();
    document.title = t('appTitle');
  });
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape') setSelected(null);
  };
  onMount(() => window.addEventListener('keydown', onKey));
  onCleanup(() => window.removeEventListener('keydown', onKey));

  return (
    <div class="app" data-map-state={mapState()}>
      <div class="map" ref={container} role="region" aria-label={t('mapLabel')} />
      <SidePanel open={panelOpen()} onToggle={() => setPanelOpen(!panelOpen())}>
        <Show when={loadError()}>
          <p class="error" role="alert">{t('loadError')}: {loadError()}</p>
        </Show>
        <FeatureCard selected={selected()} onClose={() => setSelected(null)} />
        <Legend entries={catalog} />
        <p class="note">{t('unitsNote')}</p>
      </SidePanel>
      <Show when={mapState() === 'loading'}>
        <div class="loading" role="status">{t('loading')}</div>
      </Show>
    </div>
  );
}
