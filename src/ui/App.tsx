// The composition root: creates the workers, the map and the app's modules, connects them, and
// lays out the panels. Behaviour lives in the modules: coverage (src/app/coverage.ts), imported
// layers (src/app/imported-layers.ts), selection, the map binding, presenter mode (show-feature.ts).
import { batch, createEffect, createMemo, createSignal, getOwner, onCleanup, onMount, runWithOwner, Show, untrack } from 'solid-js';
import { catalog } from '../layers/catalog';
import { inPeriod, type LayerEntry } from '../layers/types';
import { loadDatasets, type Datasets } from '../data/load';
import { createCoverageClient } from '../coverage/client';
import { createImportClient } from '../data/import-client';
import { createTileClient } from '../data/tile-client';
import { createImportController } from '../data/import-controller';
import { loadLayers, saveLayer, deleteLayer } from '../data/layer-store';
import type { MapHandle, MapState } from '../map/adapter';
import { state, actions } from '../state/store';
import { readInitialUrl } from '../state/url-sync';
import { t, lang } from '../i18n';
import { createCoverage } from '../app/coverage';
import { createImportedLayers, importedLayersPolicy } from '../app/imported-layers';
import { createSelection } from '../app/selection';
import { bindMap } from '../app/map-binding';
import { coverageInputs, coverageMapData, createCoverageView, plainOptions } from '../app/coverage-view';
import { createExports } from '../app/exports';
import { createSearch } from '../app/search';
import { startMap } from '../app/startup';
import { bindDocument } from '../app/document';
import { createBasemaps } from '../app/basemap';
import { basemapNotice, controlLabels, presenterLabelScale, viewport } from '../app/map-chrome';
import { isWideTab, panelInset } from '../app/layout';
import { extent } from '../geo/extent';
import { loadBasemapFile, saveBasemapFile, deleteBasemapFile } from '../data/basemap-store';
import { createResolution } from '../app/resolution';
import { createUserProposals } from '../app/proposals';
import { createPlanningAhead } from '../app/planning-ahead';
import { LinkNotice } from './LinkNotice';
import { SidePanel } from './SidePanel';
import { ExplorerTabs } from './ExplorerTabs';
import { FeatureCard } from './FeatureCard';
import { SearchBox } from './SearchBox';
import { PeriodSwitch } from './PeriodSwitch';
import { CopyLink } from './CopyLink';
import { FeatureList } from './FeatureList';
import { Presentation } from './Presentation';
import { createShowFeature } from './show-feature';

/** `requestIdleCallback` where the browser has it (Safari has not): `f` at a free moment, within `timeout` ms. */
const whenIdle = (f: () => void, timeout: number): void =>
  void (typeof requestIdleCallback === 'function' ? requestIdleCallback(() => f(), { timeout }) : setTimeout(f, 0));

export function App() {
  let container!: HTMLDivElement;
  const initialView = readInitialUrl();
  const [map, setMap] = createSignal<MapHandle>();
  const [mapState, setMapState] = createSignal<MapState>('loading');
  // The panel's content is built after the map's first frame, at the page's first free moment
  // (at most a second later), not before the map starts nor in the middle of its loading: on a map
  // drawn on the CPU, building and painting it (~0.1 s in one go) held the map back. Measured in
  // interleaved bench:load runs: −0.06 and −0.18 s median for "after the first frame", then
  // −0.11 and −0.05 s more for "at a free moment" (runs of 15 and 21). The title shows at once.
  const [panelReady, setPanelReady] = createSignal(false);
  createEffect(() => void map()?.firstFrame.then(() => whenIdle(() => setPanelReady(true), 1000)));
  createEffect(() => mapState() === 'error' && setPanelReady(true));
  // Work the first view does not show (coverage, the search index) waits for the map's first idle,
  // so it does not compete with MapLibre for the CPU while the map loads.
  // It starts a task after the first idle, so the page says the map is ready before that work runs.
  const [firstIdle, setFirstIdle] = createSignal(false);
  createEffect(() => {
    if (mapState() !== 'loading' && !untrack(firstIdle)) setTimeout(() => setFirstIdle(true), 0);
  });
  // The bundled data is fetched at once, while the panel renders; the map does not wait for it.
  const datasetsLoading = loadDatasets(catalog);
  const [loadError, setLoadError] = createSignal<string | null>(null);
  const [datasets, setDatasets] = createSignal<Datasets>(new Map());
  const coverageClient = createCoverageClient();
  const importClient = createImportClient();
  onCleanup(() => (coverageClient.dispose(), importClient.dispose(), map()?.destroy()));

  const imported = createImportedLayers({
    storage: { load: loadLayers, save: saveLayer, remove: deleteLayer }, tiles: createTileClient(),
    ...importedLayersPolicy(() => imported),
  });
  const entries = createMemo((): LayerEntry[] => [...catalog, ...imported.entries()]);
  const data = createMemo(() => new Map([...datasets(), ...imported.data()]) as Datasets);
  const isVisible = (e: LayerEntry) => state.visible[e.id] ?? e.visible;
  const periodEntries = createMemo(() => entries().filter((e) => inPeriod(e, state.period)));

  const user = createUserProposals(map, () => selection.padding());
  const { units, plans } = coverageInputs(datasets, imported, () => state.useDemoRegister, user.proposals.plans);
  const inputs = { units: () => (firstIdle() ? units() : undefined), plans, planBlobs: imported.planBlobs, options: () => plainOptions(state.coverage) };
  const coverage = createCoverage(inputs, coverageClient);
  const { mapUnits, externalView, registers } = createCoverageView({ coverage, imported, datasets, units, useDemo: () => state.useDemoRegister, proposals: () => user.proposals.list().length });
  const exports = createExports({ imported, datasets, coverage, registers, demo: () => state.useDemoRegister });

  const selection = createSelection({ map, entries, data, units: mapUnits });
  const ahead = createPlanningAhead({ ...inputs, client: coverageClient, coverage, map, padding: selection.padding, looking: () => state.panelOpen && state.panel === 'coverage',
    gapsShown: () => !!state.visible['gaps'], registers, demo: () => state.useDemoRegister, proposals: () => state.coverage.proposals !== false });
  const search = createSearch({ ready: firstIdle, entries, data, lang });
  const importer = createImportController(() => importClient, () => datasets().get('district'), { onCoverageResult: (r) => batch(() => (coverage.setExternal(r), actions.setVisible('coverage', true), actions.showPanel('coverage'))) });
  const districtBBox = createMemo(() => extent(datasets().get('district')));
  const basemaps = createBasemaps({ current: () => state.basemap, choose: actions.setBasemap, lang, storage: { load: loadBasemapFile, save: saveBasemapFile, remove: deleteBasemapFile } });
  const show = createShowFeature({ map, entries, isVisible, coverage: coverage.result, basemapAttribution: () => basemaps.style()?.attribution ?? null, district: districtBBox });
  const { presenter } = show;
  const resolution = createResolution({
    wanted: () => state.panel === 'resolution' || show.presenter.active(), datasets, coverage: coverage.result, registers,
    demo: () => state.useDemoRegister, noRegister: () => t('noRegister'), milestone: () => state.milestone,
  });

  bindMap(map, {
    catalog,
    imported: imported.layers,
    shown: (e) => isVisible(e) && inPeriod(e, state.period),
    opacity: (e) => state.opacity[e.id] ?? 1,
    // An external result's register is not in the browser: no plans drawn for it.
    coverage: () => coverageMapData(mapUnits(), coverage.external() ? { type: 'FeatureCollection', features: [] } : plans(), coverage.result(), state.focusedUnit),
    selection: () => [...(selection.selected() ? [selection.selected()!.feature] : []), ...resolution.highlighted()],
    preview: importer.preview,
    proposals: user.layerData,
    gaps: ahead.gaps.layer,
    padding: selection.padding,
    basemap: basemaps.style,
    controlLabels,
    notice: () => basemapNotice(basemaps.style()),
    labelScale: () => (presenter.active() ? presenterLabelScale(viewport().width, viewport().height) : 1),
    panelInset: () => panelInset(state.panelOpen, isWideTab(state.panel), viewport().width),
  });
  bindDocument();
  const owner = getOwner();

  onMount(async () => {
    try {
      await runWithOwner(owner, () => startMap({ container, datasets: datasetsLoading, onDatasets: setDatasets, initialView, imported, proposals: user.proposals, show, setMap, setMapState, onFeatureClick: selection.onMapClick, basemaps }));
    } catch (e) {
      setLoadError((e as Error).message);
      setMapState('error');
    }
  });

  const storageMessage = () => (imported.storageProblem() ? t('storageUnavailable', { reason: imported.storageProblem()! }) : null);
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    const files = [...(e.dataTransfer?.files ?? [])];
    if (files.length) (actions.showPanel('data'), void importer.addFiles(files));
  };

  return (
    <div class="app" data-map-state={mapState()} data-presenting={presenter.active() ? '' : undefined} onDragOver={(e) => e.preventDefault()} onDrop={onDrop}>
      <div class="map" ref={container} role="region" aria-label={t('mapLabel')} aria-describedby="feature-list-title" />
      <SidePanel open={state.panelOpen} wide={isWideTab(state.panel)} onToggle={actions.togglePanel}>
        <Show when={loadError()}>
          <p class="error" role="alert">{t('loadError')}: {loadError()}</p>
        </Show>
        <Show when={panelReady()}>
          <LinkNotice />
          <SearchBox index={search.index()} building={search.building()} onChoose={selection.chooseHit} />
          <div class="toolbar"><CopyLink /></div>
          <PeriodSwitch period={state.period} onPeriod={actions.setPeriod} />
          <FeatureCard selected={selection.selected()} units={units()} onClose={() => actions.select(null)} />
          <ExplorerTabs entries={periodEntries()} imported={imported} coverage={coverage} registers={registers()} importer={importer} show={show} resolution={resolution} basemap={basemaps}
            storageMessage={storageMessage()} onSelectUnit={selection.focusUnit} onExportLayer={exports.layer} onExportCsv={exports.csv} externalView={externalView()} proposals={user} ahead={ahead} />
          <FeatureList entries={periodEntries()} visible={state.visible} datasets={data()} onChoose={selection.reveal} />
        </Show>
      </SidePanel>
      <Presentation show={show} resolution={resolution} />
      <Show when={mapState() === 'loading'}>
        <div class="loading" role="status">{t('loading')}</div>
      </Show>
    </div>
  );
}
