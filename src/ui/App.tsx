import { createSignal, createEffect, createMemo, onMount, onCleanup, Show, on } from 'solid-js';
import type { MapGeoJSONFeature, PaddingOptions } from 'maplibre-gl';
import type { Feature, FeatureCollection } from 'geojson';
import { bbox } from '@turf/turf';
import { catalog, entryById } from '../layers/catalog';
import { inPeriod } from '../layers/types';
import { loadDatasets, type Datasets } from '../data/load';
import { buildStyle, SELECTION_SOURCE } from '../map/style';
import { labelFontFaces } from '../map/fonts';
import { createMap, type MapHandle, type MapState } from '../map/adapter';
import { coverageLayerData } from '../layers/coverage-data';
import { createCoverageClient, type CoverageClient } from '../coverage/client';
import { unitId, planId } from '../coverage/unit-id';
import type { CoverageOptions, CoverageResult, UnitCoverage } from '../coverage/types';
import { coverageToCsv } from '../coverage/csv';
import { buildSearchIndex, type SearchHit } from '../search/search';
import { searchItems } from '../search/items';
import { state, actions } from '../state/store';
import { readInitialUrl, startUrlSync, type UrlSync } from '../state/url-sync';
import type { View } from '../state/url';
import { t, lang } from '../i18n';
import { downloadText } from './download';
import { SidePanel } from './SidePanel';
import { Legend } from './Legend';
import { FeatureCard, featureTitle } from './FeatureCard';
import { CoveragePanel } from './CoveragePanel';
import { SearchBox } from './SearchBox';
import { PeriodSwitch } from './PeriodSwitch';
import { CopyLink } from './CopyLink';
import { FeatureList } from './FeatureList';

// Việt Yên's extent, used until the district file is loaded.
const FALLBACK_BOUNDS: BBox = [106.0, 21.19, 106.17, 21.35];
type BBox = [number, number, number, number];

export function App() {
  let container!: HTMLDivElement;
  const initialView = readInitialUrl();
  const [mapState, setMapState] = createSignal<MapState>('loading');
  const [loadError, setLoadError] = createSignal<string | null>(null);
  const [datasets, setDatasets] = createSignal<Datasets | null>(null);
  const [coverage, setCoverage] = createSignal<CoverageResult | null>(null);
  const [coverageBusy, setCoverageBusy] = createSignal(false);
  let handle: MapHandle | undefined;
  let client: CoverageClient | undefined;
  let urlSync: UrlSync | undefined;

  const units = (): FeatureCollection | undefined => datasets()?.get('units-2021');
  const plans = (): FeatureCollection | undefined => datasets()?.get('plans-demo');
  const periodEntries = createMemo(() => catalog.filter((e) => inPeriod(e, state.period)));

  // Store values are proxies, which postMessage cannot clone: hand the worker plain copies.
  const coverageOptions = (): CoverageOptions => ({
    levels: [...state.coverage.levels],
    statuses: [...state.coverage.statuses],
    target: state.coverage.target,
  });

  // Map padding that keeps framed features clear of the side panel (or the bottom sheet on phones).
  const padding = (): PaddingOptions => {
    const narrow = window.innerWidth < 700;
    const left = state.panelOpen && !narrow ? 400 : 40;
    return { top: 40, right: 40, bottom: narrow && state.panelOpen ? Math.round(window.innerHeight * 0.45) : 40, left };
  };
  const currentView = (): View | null => {
    if (!handle) return null;
    const c = handle.map.getCenter();
    return { center: [c.lng, c.lat], zoom: handle.map.getZoom(), bearing: handle.map.getBearing() };
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
    const entry = entryById(s.layerId);
    const f = d.get(s.layerId)?.features.find((x) => String(x.properties?.id ?? x.id) === s.id);
    return f && entry ? { entry, feature: f } : null;
  });

  const searchIndex = createMemo(() => {
    const d = datasets();
    return d ? buildSearchIndex(searchItems(catalog, d, lang(), featureTitle)) : null;
  });

  /** Show a feature: its layer on, the map framed on it, its info open. */
  const reveal = (layerId: string, f: Feature) => {
    if (!state.visible[layerId]) actions.setVisible(layerId, true);
    actions.select({ layerId, id: String(f.properties?.id ?? f.id) });
    const g = f.geometry;
    if (g?.type === 'Point') handle?.flyTo(g.coordinates as [number, number], Math.max(handle.map.getZoom(), 14.5));
    else if (g) handle?.frame(bbox(f) as BBox, padding());
  };
  const chooseHit = (h: SearchHit) => {
    const f = datasets()?.get(h.item.layerId)?.features.find((x) => String(x.properties?.id ?? x.id) === h.item.featureId);
    if (f) reveal(h.item.layerId, f);
  };

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
      style: buildStyle({
        entries: catalog,
        datasets: d,
        fontFaces: labelFontFaces(location.href),
        visibility: new Map(catalog.map((e) => [e.id, !!state.visible[e.id] && inPeriod(e, state.period)])),
        opacity: new Map(Object.entries(state.opacity)),
      }),
      bounds: [[b[0], b[1]], [b[2], b[3]]],
      view: initialView,
      padding: padding(),
      entries: catalog,
      attribution: t('attribution'),
      onState: (s) => setMapState(s),
      onFeatureClick: onMapClick,
      onMoveEnd: () => urlSync?.viewChanged(currentView()!),
    });
    urlSync = startUrlSync(currentView, (v) => handle?.jumpTo(v));
    // Test hook: browser tests project coordinates and query rendered features through it.
    (window as unknown as { __vy?: unknown }).__vy = { map: handle.map, coverage };

    client = createCoverageClient();
    setCoverageBusy(true);
    client
      .init(units()!.features, plans()?.features ?? [], coverageOptions())
      .then(setCoverage)
      .catch((e: Error) => setLoadError(e.message))
      .finally(() => setCoverageBusy(false));
  });
  onCleanup(() => {
    handle?.destroy();
    client?.dispose();
  });

  // Edge effects: the store drives the map and the engine.
  createEffect(() => {
    void mapState();
    for (const e of catalog) handle?.setEntryVisible(e, !!state.visible[e.id] && inPeriod(e, state.period));
  });
  createEffect(() => {
    void mapState();
    for (const e of catalog) handle?.setEntryOpacity(e, state.opacity[e.id] ?? 1);
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
  createEffect(() => {
    const sel = selectedFeature();
    void mapState();
    handle?.setData(SELECTION_SOURCE, { type: 'FeatureCollection', features: sel ? [sel.feature] : [] });
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
      <div class="map" ref={container} role="region" aria-label={t('mapLabel')} aria-describedby="feature-list-title" />
      <SidePanel open={state.panelOpen} onToggle={actions.togglePanel}>
        <Show when={loadError()}>
          <p class="error" role="alert">{t('loadError')}: {loadError()}</p>
        </Show>
        <SearchBox index={searchIndex()} onChoose={chooseHit} />
        <div class="toolbar">
          <CopyLink />
        </div>
        <PeriodSwitch period={state.period} onPeriod={actions.setPeriod} />
        <FeatureCard selected={selectedFeature()} units={units()} onClose={() => actions.select(null)} />
        <div class="tabs" role="tablist" aria-label={t('legend')}>
          <button type="button" role="tab" id="tab-legend" aria-selected={state.panel === 'legend'} aria-controls="tabpanel-legend"
            onClick={() => actions.showPanel('legend')}>{t('tabLegend')}</button>
          <button type="button" role="tab" id="tab-coverage" aria-selected={state.panel === 'coverage'} aria-controls="tabpanel-coverage"
            onClick={() => actions.showPanel('coverage')}>{t('tabCoverage')}</button>
        </div>
        <div role="tabpanel" id="tabpanel-legend" aria-labelledby="tab-legend" hidden={state.panel !== 'legend'}>
          <Legend entries={periodEntries()} visible={state.visible} opacity={state.opacity} context={{ target: state.coverage.target }}
            onVisible={actions.setVisible} onGroupVisible={actions.setGroupVisible} onOpacity={actions.setOpacity} />
          <p class="note">{t('unitsNote')}</p>
        </div>
        <div role="tabpanel" id="tabpanel-coverage" aria-labelledby="tab-coverage" hidden={state.panel !== 'coverage'}>
          <CoveragePanel result={coverage()} busy={coverageBusy()} options={state.coverage}
            demoRegister={!!entryById('plans-demo')} coverageMode={!!state.visible['coverage']} selectedUnit={state.focusedUnit}
            onOptions={actions.setCoverageOptions} onCoverageMode={(v) => actions.setVisible('coverage', v)}
            onSelectUnit={focusUnitRow} onExport={exportCsv} />
        </div>
        <FeatureList entries={periodEntries()} visible={state.visible} datasets={datasets()} onChoose={reveal} />
      </SidePanel>
      <Show when={mapState() === 'loading'}>
        <div class="loading" role="status">{t('loading')}</div>
      </Show>
    </div>
  );
}
