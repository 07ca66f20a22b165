// The composition root: creates the workers, the map and the app's modules, connects them, and
// lays out the panels. Behaviour lives in the modules: coverage (src/app/coverage.ts), imported
// layers (src/app/imported-layers.ts), selection, the map binding, presenter mode (show-feature.ts).
import { batch, createMemo, createSignal, getOwner, onCleanup, onMount, runWithOwner, Show } from 'solid-js';
import { catalog } from '../layers/catalog';
import { inPeriod, type LayerEntry } from '../layers/types';
import { loadDatasets, type Datasets } from '../data/load';
import { createCoverageClient } from '../coverage/client';
import { createImportClient } from '../data/import-client';
import { createTileClient } from '../data/tile-client';
import { createImportController } from '../data/import-controller';
import { loadLayers, saveLayer, deleteLayer } from '../data/layer-store';
import type { MapHandle, MapState } from '../map/adapter';
import { buildSearchIndex } from '../search/search';
import { searchItems } from '../search/items';
import { state, actions } from '../state/store';
import { readInitialUrl } from '../state/url-sync';
import { t, lang } from '../i18n';
import { createCoverage } from '../app/coverage';
import { createImportedLayers } from '../app/imported-layers';
import { createSelection } from '../app/selection';
import { bindMap } from '../app/map-binding';
import { coverageInputs, coverageMapData, csvFileName, plainOptions, registerNames } from '../app/coverage-view';
import { startMap } from '../app/startup';
import { bindDocument } from '../app/document';
import { createResolution } from '../app/resolution';
import { downloadBlob, downloadText } from './download';
import { SidePanel } from './SidePanel';
import { ExplorerTabs } from './ExplorerTabs';
import { FeatureCard, featureTitle } from './FeatureCard';
import { SearchBox } from './SearchBox';
import { PeriodSwitch } from './PeriodSwitch';
import { CopyLink } from './CopyLink';
import { FeatureList } from './FeatureList';
import { Presentation } from './Presentation';
import { createShowFeature } from './show-feature';
import { coverageToCsv } from '../coverage/csv';
import type { UnitCoverage } from '../coverage/types';

export function App() {
  let container!: HTMLDivElement;
  const initialView = readInitialUrl();
  const [map, setMap] = createSignal<MapHandle>();
  const [mapState, setMapState] = createSignal<MapState>('loading');
  const [loadError, setLoadError] = createSignal<string | null>(null);
  const [datasets, setDatasets] = createSignal<Datasets>(new Map());
  const coverageClient = createCoverageClient();
  const importClient = createImportClient();
  onCleanup(() => (coverageClient.dispose(), importClient.dispose(), map()?.destroy()));

  const imported = createImportedLayers({
    storage: { load: loadLayers, save: saveLayer, remove: deleteLayer },
    tiles: createTileClient(),
    onAdded: (l) => batch(() => {
      actions.setVisible(l.meta.id, true);
      // A planner's own register replaces the demonstration one for coverage (it can be switched back on).
      if (l.meta.role === 'plans') actions.setUseDemoRegister(false);
    }),
    onRemoved: (id) => batch(() => {
      if (state.selected?.layerId === id) actions.select(null);
      // With no register of the user's left, coverage goes back to what it was before the first one.
      if (!imported.layers().some((l) => l.meta.role === 'plans')) actions.setUseDemoRegister(true);
    }),
  });
  const entries = createMemo((): LayerEntry[] => [...catalog, ...imported.entries()]);
  const data = createMemo(() => new Map([...datasets(), ...imported.data()]) as Datasets);
  const isVisible = (e: LayerEntry) => state.visible[e.id] ?? e.visible;
  const periodEntries = createMemo(() => entries().filter((e) => inPeriod(e, state.period)));

  const { units, plans } = coverageInputs(datasets, imported, () => state.useDemoRegister);
  const coverage = createCoverage({ units, plans, planBlobs: imported.planBlobs, options: () => plainOptions(state.coverage) }, coverageClient);
  const registers = createMemo(() => registerNames(state.useDemoRegister, imported.layers(), t('demoRegisterName')));

  const selection = createSelection({ map, entries, data, units });
  const searchIndex = createMemo(() => (datasets().size ? buildSearchIndex(searchItems(entries(), data(), lang(), featureTitle)) : null));
  const importer = createImportController(() => importClient, () => datasets().get('district'));
  const show = createShowFeature({ map, entries, isVisible });
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
    coverage: () => coverageMapData(units(), plans(), coverage.result(), state.focusedUnit),
    selection: () => [...(selection.selected() ? [selection.selected()!.feature] : []), ...resolution.highlighted()],
    preview: importer.preview,
    padding: selection.padding,
  });
  bindDocument();
  const owner = getOwner();

  onMount(async () => {
    try {
      const d = await loadDatasets(catalog);
      setDatasets(d);
      await runWithOwner(owner, () => startMap({ container, datasets: d, initialView, imported, show, setMap, setMapState, onFeatureClick: selection.onMapClick }));
    } catch (e) {
      setLoadError((e as Error).message);
      setMapState('error');
    }
  });

  const exportLayer = (id: string) => {
    const file = imported.exportFile(id);
    if (file) return downloadBlob(file.name, file.blob);
    const fc = datasets().get(id);
    if (fc) downloadText(`${id}.geojson`, JSON.stringify(fc), 'application/geo+json');
  };
  const exportCsv = (rows: UnitCoverage[]) => {
    const r = coverage.result();
    if (r) downloadText(csvFileName(new Date()), coverageToCsv({ ...r, units: rows }, { lang: lang(), registers: registers(), demo: state.useDemoRegister }), 'text/csv;charset=utf-8');
  };
  const storageMessage = () => (imported.storageProblem() ? t('storageUnavailable', { reason: imported.storageProblem()! }) : null);
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    const files = [...(e.dataTransfer?.files ?? [])];
    if (files.length) (actions.showPanel('data'), void importer.addFiles(files));
  };

  return (
    <div class="app" data-map-state={mapState()} data-presenting={presenter.active() ? '' : undefined} onDragOver={(e) => e.preventDefault()} onDrop={onDrop}>
      <div class="map" ref={container} role="region" aria-label={t('mapLabel')} aria-describedby="feature-list-title" />
      <SidePanel open={state.panelOpen} wide={state.panel === 'resolution'} onToggle={actions.togglePanel}>
        <Show when={loadError()}>
          <p class="error" role="alert">{t('loadError')}: {loadError()}</p>
        </Show>
        <SearchBox index={searchIndex()} onChoose={selection.chooseHit} />
        <div class="toolbar"><CopyLink /></div>
        <PeriodSwitch period={state.period} onPeriod={actions.setPeriod} />
        <FeatureCard selected={selection.selected()} units={units()} onClose={() => actions.select(null)} />
        <ExplorerTabs entries={periodEntries()} imported={imported} coverage={coverage} registers={registers()} importer={importer} show={show} resolution={resolution}
          storageMessage={storageMessage()} onSelectUnit={selection.focusUnit} onExportLayer={exportLayer} onExportCsv={exportCsv} />
        <FeatureList entries={periodEntries()} visible={state.visible} datasets={data()} onChoose={selection.reveal} />
      </SidePanel>
      <Presentation show={show} resolution={resolution} />
      <Show when={mapState() === 'loading'}>
        <div class="loading" role="status">{t('loading')}</div>
      </Show>
    </div>
  );
}
