import { createSignal, createEffect, createMemo, onMount, onCleanup, Show, on } from 'solid-js';
import type { MapGeoJSONFeature, PaddingOptions } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import { bbox } from '@turf/turf';
import { catalog, entryById } from '../layers/catalog';
import { loadDatasets, type Datasets } from '../data/load';
import { buildStyle } from '../map/style';
import { labelFontFaces } from '../map/fonts';
import { createMap, type MapHandle, type MapState } from '../map/adapter';
import { coverageLayerData } from '../layers/coverage-data';
import { createCoverageClient, type CoverageClient } from '../coverage/client';
import { unitId, planId } from '../coverage/unit-id';
import type { CoverageOptions, CoverageResult, UnitCoverage } from '../coverage/types';
import { coverageToCsv } from '../coverage/csv';
import { state, actions } from '../state/store';
import { t, lang } from '../i18n';
import { downloadText } from './download';
import { SidePanel } from './SidePanel';
import { Legend } from './Legend';
import { FeatureCard } from './FeatureCard';
import { CoveragePanel } from './CoveragePanel';

// Việt Yên's extent, used until the district file is loaded.
const FALLBACK_BOUNDS: [number, number, number, number] = [106.0, 21.19, 106.17, 21.35];
type BBox = [number, number, number, number];

export function App() {
  let container!: HTMLDivElement;
  const [mapState, setMapState] = createSignal<MapState>('loading');
  const [loadError, setLoadError] = createSignal<string | null>(null);
  const [datasets, setDatasets] = createSignal<Datasets | null>(null);
  const [coverage, setCoverage] = createSignal<CoverageResult | null>(null);
  const [coverageBusy, setCoverageBusy] = createSignal(false);
  let handle: MapHandle | undefined;
  let client: CoverageClient | undefined;

  const units = (): FeatureCollection | undefined => datasets()?.get('units-2021');
  const plans = (): FeatureCollection | undefined => datasets()?.get('plans-demo');

  // Store values are proxies, which postMessage cannot clone: hand the worker plain copies.
  const coverageOptions = (): CoverageOptions => ({
    levels: [...state.coverage.levels],
    statuses: [...state.coverage.statuses],
    target: state.coverage.target,
  });

  // Map padding that keeps framed features clear of the side panel.
  const padding = (): PaddingOptions => {
    const narrow = window.innerWidth < 700;
    const left = state.panelOpen && !narrow ? 400 : 40;
    return { top: 40, right: 40, bottom: narrow && state.panelOpen ? window.innerHeight * 0.45 : 40, left };
  };

  // Clicks give MapLibre's flattened copy; selection keeps the layer and id, the card reads the original.
  const onMapClick = (f: MapGeoJSONFeature | null) => {
    if (!f) return actions.select(null);
    const layerId = f.source;
    const id = String(f.properties?.id ?? f.id ?? '');
    if (layerId === 'coverage') {
      actions.focusUnit(id);
      actions.showPanel('coverage');
      requestAnimationFrame(() => document.querySelector(`tr[data-unit="${CSS.escape(id)}"]`)?.scrollIntoView({ block: 'nearest' }));
      return;
    }
    actions.select({ layerId, id });
  };

  const selectedFeature = createMemo(() => {
    const s = state.selected;
    const d = datasets();
    if (!s || !d) return null;
    const f = d.get(s.layerId)?.features.find((x) => String(x.properties?.id ?? x.id) === s.id);
    return f ? { layerId: s.layerId, feature: f } : null;
  });

  onMount(async () => {
    let d: Datasets;
    try {
      d = await loadDatasets(catalog);
    } catch (e) {
      setLoadError((e as Error).message);
      setMapState('error');
      return;
    }
    setDatasets(d);
    const district = d.get('district');
    const b = district && district.features.length ? (bbox(district) as BBox) : FALLBACK_BOUNDS;
    handle = createMap({
      container,
      style: buildStyle({ entries: catalog, datasets: d, fontFaces: labelFontFaces(location.href), visibility: new Map(Object.entries(state.visible)) }),
      bounds: [[b[0], b[1]], [b[2], b[3]]],
      padding: padding(),
      entries: catalog,
      attribution: t('attribution'),
      onState: (s) => setMapState(s),
      onFeatureClick: onMapClick,
    });
    // Test hook: browser tests project coordinates and query rendered features through it.
    (window as unknown as { __vy?: unknown }).__vy = { map: handle.map, coverage };

    client = createCoverageClient();
    setCoverageBusy(true);
    client
      .init(units()!.features, plans()?.features ?? [], coverageOptions())
      .then(setCoverage)
      .finally(() => setCoverageBusy(false));
  });
  onCleanup(() => {
    handle?.destroy();
    client?.dispose();
  });

  // Edge effects: the store drives the map and the engine.
  createEffect(() => {
    for (const e of catalog) {
      const v = !!state.visible[e.id];
      handle?.setEntryVisible(e, v);
    }
    void mapState();
  });
  createEffect(
    on(
      () => [state.coverage.levels.join(), state.coverage.statuses.join(), state.coverage.target],
      () => {
        if (!client || !coverage()) return;
        setCoverageBusy(true);
        client
          .setOptions(coverageOptions())
          .then(setCoverage)
          .finally(() => setCoverageBusy(false));
      },
      { defer: true },
    ),
  );
  createEffect(() => {
    const r = coverage();
    const u = units();
    const p = plans();
    if (!r || !u || !handle) return;
    handle.setData(
      'coverage',
      coverageLayerData({
        units: u,
        plans: p ?? { type: 'FeatureCollection', features: [] },
        result: r,
        focusedUnit: state.focusedUnit,
        unitIds: u.features.map((f, i) => unitId(f, i)),
        planIds: (p?.features ?? []).map((f, i) => planId(f, i)),
      }),
    );
  });

  const focusUnitRow = (id: string) => {
    actions.focusUnit(id);
    const u = units();
    const idx = u?.features.findIndex((f, i) => unitId(f, i) === id) ?? -1;
    if (u && idx >= 0) handle?.frame(bbox(u.features[idx]!) as BBox, padding());
  };

  const exportCsv = (rows: UnitCoverage[]) => {
    const r = coverage();
    if (!r) return;
    downloadText(`viet-yen-coverage-${new Date().toISOString().slice(0, 10)}.csv`, coverageToCsv({ ...r, units: rows }, { lang: lang() }), 'text/csv;charset=utf-8');
  };

  createEffect(() => {
    document.documentElement.lang = lang();
    document.title = t('appTitle');
  });
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape') actions.select(null);
  };
  onMount(() => window.addEventListener('keydown', onKey));
  onCleanup(() => window.removeEventListener('keydown', onKey));

  return (
    <div class="app" data-map-state={mapState()}>
      <div class="map" ref={container} role="region" aria-label={t('mapLabel')} />
      <SidePanel open={state.panelOpen} onToggle={actions.togglePanel}>
        <Show when={loadError()}>
          <p class="error" role="alert">{t('loadError')}: {loadError()}</p>
        </Show>
        <FeatureCard selected={selectedFeature()} onClose={() => actions.select(null)} />
        <div class="tabs" role="tablist" aria-label={t('legend')}>
          <button type="button" role="tab" id="tab-legend" aria-selected={state.panel === 'legend'} aria-controls="tabpanel-legend"
            onClick={() => actions.showPanel('legend')}>{t('tabLegend')}</button>
          <button type="button" role="tab" id="tab-coverage" aria-selected={state.panel === 'coverage'} aria-controls="tabpanel-coverage"
            onClick={() => actions.showPanel('coverage')}>{t('tabCoverage')}</button>
        </div>
        <div role="tabpanel" id="tabpanel-legend" aria-labelledby="tab-legend" hidden={state.panel !== 'legend'}>
          <Legend entries={catalog} visible={state.visible} context={{ target: state.coverage.target }}
            onVisible={actions.setVisible} onGroupVisible={actions.setGroupVisible} />
          <p class="note">{t('unitsNote')}</p>
        </div>
        <div role="tabpanel" id="tabpanel-coverage" aria-labelledby="tab-coverage" hidden={state.panel !== 'coverage'}>
          <CoveragePanel result={coverage()} busy={coverageBusy()} options={state.coverage}
            demoRegister={!!entryById('plans-demo')} coverageMode={!!state.visible['coverage']} selectedUnit={state.focusedUnit}
            onOptions={actions.setCoverageOptions} onCoverageMode={(v) => actions.setVisible('coverage', v)}
            onSelectUnit={focusUnitRow} onExport={exportCsv} />
        </div>
      </SidePanel>
      <Show when={mapState() === 'loading'}>
        <div class="loading" role="status">{t('loading')}</div>
      </Show>
    </div>
  );
}
