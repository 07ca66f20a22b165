import { createSignal, createEffect, createMemo, onMount, onCleanup, Show, on, batch } from 'solid-js';
import type { MapGeoJSONFeature, PaddingOptions } from 'maplibre-gl';
import type { Feature, FeatureCollection } from 'geojson';
import { bbox } from '@turf/turf';
import { catalog } from '../layers/catalog';
import { inPeriod } from '../layers/types';
import { loadDatasets, type Datasets } from '../data/load';
import { buildStyle, SELECTION_SOURCE, PREVIEW_SOURCE } from '../map/style';
import { unwrap } from 'solid-js/store';
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
import { t, tf, lang } from '../i18n';
import { downloadText, downloadBlob } from './download';
import { SidePanel } from './SidePanel';
import { Legend } from './Legend';
import { FeatureCard, featureTitle } from './FeatureCard';
import { CoveragePanel } from './CoveragePanel';
import { SearchBox } from './SearchBox';
import { PeriodSwitch } from './PeriodSwitch';
import { CopyLink } from './CopyLink';
import { FeatureList } from './FeatureList';
import { ImportPanel } from './ImportPanel';
import { createImportClient, type ImportClient } from '../data/import-client';
import { createTileClient } from '../data/tile-client';
import { createImportController } from '../data/import-controller';
import { loadLayers, saveLayer, deleteLayer, type StoreOutcome } from '../data/layer-store';
import { importedEntry, type ImportedMeta } from '../layers/imported';
import type { LayerEntry } from '../layers/types';
import { PresenterOverlay } from './presenter/PresenterOverlay';
import { DeckEditor } from './presenter/DeckEditor';
import { ExportImage } from './presenter/ExportImage';
import { createShowFeature } from './show-feature';
import { tp } from '../presenter/messages';

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
  const [importedData, setImportedData] = createSignal<ReadonlyMap<string, FeatureCollection>>(new Map());
  // Large imports: all features as GeoJSON text (importedData then holds a preview); the tile
  // worker cuts them into vector tiles for the map.
  const [importedBlobs, setImportedBlobs] = createSignal<ReadonlyMap<string, Blob>>(new Map());
  const tiles = createTileClient();
  // The feature last clicked on the map, for layers whose features are not all in memory.
  let clicked: { layerId: string; id: string; feature: Feature } | null = null;
  const [storageMessage, setStorageMessage] = createSignal<string | null>(null);
  let handle: MapHandle | undefined;
  let client: CoverageClient | undefined;
  let importClient: ImportClient | undefined;
  let urlSync: UrlSync | undefined;

  // Imported layers become catalog-shaped entries; everything below works on `allEntries`.
  const importedEntries = createMemo(() =>
    state.imported.map((m) => importedEntry(m, Object.keys(importedData().get(m.id)?.features[0]?.properties ?? {}))),
  );
  const allEntries = createMemo((): LayerEntry[] => [...catalog, ...importedEntries()]);
  const allData = createMemo(() => {
    const m = new Map(datasets() ?? []);
    for (const [k, v] of importedData()) m.set(k, v);
    return m as Datasets;
  });
  const entryOf = (id: string) => allEntries().find((e) => e.id === id);
  const isVisible = (e: LayerEntry) => state.visible[e.id] ?? e.visible;

  // What coverage is computed on: imported unit boundaries replace the bundled ones; plan
  // registers are the imported ones plus, if switched on, the demonstration register.
  const bundledUnits = (): FeatureCollection | undefined => datasets()?.get('units-2021');
  const unitsLayer = createMemo(() => [...state.imported].reverse().find((m) => m.role === 'units' && !m.large));
  const units = createMemo((): FeatureCollection | undefined => (unitsLayer() ? importedData().get(unitsLayer()!.id) : bundledUnits()));
  const plans = createMemo((): FeatureCollection => {
    const features = [
      ...(state.useDemoRegister ? (datasets()?.get('plans-demo')?.features ?? []) : []),
      ...state.imported.filter((m) => m.role === 'plans' && !m.large).flatMap((m) => importedData().get(m.id)?.features ?? []),
    ];
    return { type: 'FeatureCollection', features };
  });
  const planBlobs = createMemo(() =>
    state.imported.filter((m) => m.role === 'plans' && m.large).flatMap((m) => importedBlobs().get(m.id) ?? []),
  );
  const registerNames = createMemo(() => [
    ...(state.useDemoRegister ? [t('demoRegisterName')] : []),
    ...state.imported.filter((m) => m.role === 'plans').map((m) => m.name),
  ]);
  const periodEntries = createMemo(() => allEntries().filter((e) => inPeriod(e, state.period)));
  const importer = createImportController(() => importClient!, () => datasets()?.get('district'));
  const storageNote = (o: StoreOutcome) => {
    if (!o.persisted) setStorageMessage(tf('storageUnavailable', { reason: o.reason }));
  };

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
    clicked = { layerId, id, feature: f.toJSON() as Feature };
    actions.select({ layerId, id });
  };

  const selectedFeature = createMemo(() => {
    const s = state.selected;
    const d = datasets();
    if (!s || !d) return null;
    const entry = entryOf(s.layerId);
    const f =
      allData().get(s.layerId)?.features.find((x) => String(x.properties?.id ?? x.id) === s.id) ??
      // A large import keeps only a preview in memory: the clicked feature (as drawn) stands in.
      (clicked && clicked.layerId === s.layerId && clicked.id === s.id ? clicked.feature : undefined);
    return f && entry ? { entry, feature: f } : null;
  });

  const searchIndex = createMemo(() => (datasets() ? buildSearchIndex(searchItems(allEntries(), allData(), lang(), featureTitle)) : null));

  /** Show a feature: its layer on, the map framed on it, its info open. */
  const reveal = (layerId: string, f: Feature) => {
    if (!state.visible[layerId]) actions.setVisible(layerId, true);
    actions.select({ layerId, id: String(f.properties?.id ?? f.id) });
    const g = f.geometry;
    if (g?.type === 'Point') handle?.flyTo(g.coordinates as [number, number], Math.max(handle.map.getZoom(), 14.5));
    else if (g) handle?.frame(bbox(f) as BBox, padding());
  };
  const chooseHit = (h: SearchHit) => {
    const f = allData().get(h.item.layerId)?.features.find((x) => String(x.properties?.id ?? x.id) === h.item.featureId);
    if (f) reveal(h.item.layerId, f);
  };

  onMount(async () => {
    // Workers first: the coverage effect fires as soon as the data arrives.
    client = createCoverageClient();
    importClient = createImportClient();
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

    await show.restore(handle.map);
    // Layers imported in earlier sessions come back.
    const kept = await loadLayers();
    storageNote(kept.outcome);
    batch(() => {
      for (const l of kept.layers) {
      // Layers stored before counts were kept: derive them.
      const meta = { ...l, featureCount: l.featureCount ?? l.collection.features.length, large: l.large ?? !!l.blob };
      addImportedLayer(meta, l.collection, l.blob);
    }
      // With a real register loaded, the demonstration one stays out of coverage after a reload too.
      if (kept.layers.some((l) => l.role === 'plans')) actions.setUseDemoRegister(false);
    });
  });
  onCleanup(() => {
    handle?.destroy();
    client?.dispose();
    importClient?.dispose();
  });

  function addImportedLayer(meta: ImportedMeta, collection: FeatureCollection, blob?: Blob) {
    setImportedData((m) => new Map(m).set(meta.id, collection));
    if (blob) setImportedBlobs((m) => new Map(m).set(meta.id, blob));
    actions.addImported(meta);
    const entry = entryOf(meta.id);
    if (!entry) return;
    if (blob) void tiles.open(meta.id, blob).then(() => handle?.addEntry(entry, collection, true));
    else handle?.addEntry(entry, collection, true);
  }
  async function acceptImport(key: number) {
    const item = importer.take(key);
    if (!item?.result?.ok) return;
    const meta: ImportedMeta = {
      id: `import-${Date.now().toString(36)}-${key}`,
      name: item.name.trim() || item.fileName,
      role: item.options.role,
      color: item.color,
      fileName: item.fileName,
      provenance: item.provenance,
      createdAt: new Date().toISOString(),
      featureCount: item.large?.featureCount ?? item.result.collection.features.length,
      large: !!item.large,
    };
    const collection = item.result.collection as FeatureCollection;
    const blob = item.large?.blob;
    // One batch: coverage recomputes once, on the final inputs.
    batch(() => {
      addImportedLayer(meta, collection, blob);
      // A planner's own register replaces the demonstration one for coverage (it can be switched back on).
      if (meta.role === 'plans') actions.setUseDemoRegister(false);
    });
    storageNote(await saveLayer({ ...meta, collection, ...(blob ? { blob } : {}) }));
  }
  async function removeImported(id: string) {
    const entry = entryOf(id);
    if (entry) handle?.removeEntry(entry);
    if (state.selected?.layerId === id) actions.select(null);
    actions.removeImported(id);
    setImportedData((m) => {
      const n = new Map(m);
      n.delete(id);
      return n;
    });
    setImportedBlobs((m) => {
      const n = new Map(m);
      n.delete(id);
      return n;
    });
    void tiles.close(id);
    storageNote(await deleteLayer(id));
  }
  const exportLayer = (id: string) => {
    const fc = allData().get(id);
    const entry = entryOf(id);
    if (!fc || !entry) return;
    const name = `${entry.id.replace(/[^a-z0-9-]+/gi, '-')}.geojson`;
    const blob = importedBlobs().get(id);
    if (blob) downloadBlob(name, blob);
    else downloadText(name, JSON.stringify(fc), 'application/geo+json');
  };
  // Presenter mode and map images (issue 6).
  const show = createShowFeature({ map: () => handle?.map, entries: allEntries, isVisible });
  const { presenter, deck } = show;

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    const files = [...(e.dataTransfer?.files ?? [])];
    if (files.length) {
      actions.showPanel('data');
      void importer.addFiles(files);
    }
  };

  // Edge effects: the store drives the map and the engine.
  createEffect(() => {
    void mapState();
    for (const e of allEntries()) handle?.setEntryVisible(e, isVisible(e) && inPeriod(e, state.period));
  });
  createEffect(() => {
    void mapState();
    for (const e of allEntries()) handle?.setEntryOpacity(e, state.opacity[e.id] ?? 1);
  });
  // The coverage inputs changed (first load, an import, a removal, the demo switch): recompute.
  createEffect(
    on([units, plans, planBlobs], ([u, p, blobs]) => {
      if (!client || !u) return;
      setCoverageBusy(true);
      client
        .init(u.features, p.features, coverageOptions(), blobs)
        .then(setCoverage)
        .catch((e: Error) => setLoadError(e.message))
        .finally(() => setCoverageBusy(false));
    }),
  );
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
        plans: p,
        result: r,
        focusedUnit: state.focusedUnit,
        unitIds: u.features.map((f, i) => unitId(f, i)),
        planIds: p.features.map((f, i) => planId(f, i)),
      }),
    );
  });
  createEffect(() => {
    const sel = selectedFeature();
    void mapState();
    handle?.setData(SELECTION_SOURCE, { type: 'FeatureCollection', features: sel ? [sel.feature] : [] });
  });

  // Preview of the latest file under review: drawn dashed and framed, before it is accepted.
  createEffect(() => {
    void mapState();
    const latest = [...importer.pending].reverse().find((p) => p.result?.ok);
    const fc = latest?.result?.ok ? (unwrap(latest.result.collection) as FeatureCollection) : null;
    handle?.setData(PREVIEW_SOURCE, fc ?? { type: 'FeatureCollection', features: [] });
  });
  createEffect(
    on(
      () => [...importer.pending].reverse().find((p) => p.result?.ok)?.result,
      (r) => {
        if (r?.ok && r.placement.bbox) handle?.frame(r.placement.bbox as BBox, padding());
      },
      { defer: true },
    ),
  );

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
    <div class="app" data-map-state={mapState()} data-presenting={presenter.active() ? '' : undefined} onDragOver={(e) => e.preventDefault()} onDrop={onDrop}>
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
          <button type="button" role="tab" id="tab-data" aria-selected={state.panel === 'data'} aria-controls="tabpanel-data"
            onClick={() => actions.showPanel('data')}>{t('tabData')}</button>
          <button type="button" role="tab" id="tab-present" aria-selected={state.panel === 'present'} aria-controls="tabpanel-present"
            onClick={() => actions.showPanel('present')}>{tp('present')}</button>
        </div>
        <div role="tabpanel" id="tabpanel-legend" aria-labelledby="tab-legend" hidden={state.panel !== 'legend'}>
          <Legend entries={periodEntries()} visible={state.visible} opacity={state.opacity} context={{ target: state.coverage.target }}
            onVisible={actions.setVisible} onGroupVisible={actions.setGroupVisible} onOpacity={actions.setOpacity}
            onExport={exportLayer} onRemove={removeImported} removable={(id) => state.imported.some((m) => m.id === id)} />
          <p class="note">{t('unitsNote')}</p>
        </div>
        <div role="tabpanel" id="tabpanel-coverage" aria-labelledby="tab-coverage" hidden={state.panel !== 'coverage'}>
          <CoveragePanel result={coverage()} busy={coverageBusy()} options={state.coverage}
            demoRegister={state.useDemoRegister} onDemoRegister={actions.setUseDemoRegister}
            registers={registerNames()} unitsName={unitsLayer()?.name ?? t('bundledUnits')} coverageMode={!!state.visible['coverage']} selectedUnit={state.focusedUnit}
            onOptions={actions.setCoverageOptions} onCoverageMode={(v) => actions.setVisible('coverage', v)}
            onSelectUnit={focusUnitRow} onExport={exportCsv} />
        </div>
        <div role="tabpanel" id="tabpanel-data" aria-labelledby="tab-data" hidden={state.panel !== 'data'}>
          <ImportPanel pending={importer.pending} storageMessage={storageMessage()}
            onFiles={(f) => void importer.addFiles(f)} onOptions={(k, o) => void importer.update(k, o)}
            onMeta={importer.setMeta} onAccept={(k) => void acceptImport(k)} onCancel={importer.cancel} />
        </div>
        <div role="tabpanel" id="tabpanel-present" aria-labelledby="tab-present" hidden={state.panel !== 'present'}>
          <DeckEditor deck={deck()} onDeck={show.setDeck} onCapture={show.host.captureState} onPresent={presenter.start}
            knownLayerIds={show.known} onReset={show.resetDeck} message={show.deckMessage()} />
          <ExportImage onExport={show.exportImage} />
        </div>
        <FeatureList entries={periodEntries()} visible={state.visible} datasets={allData()} onChoose={reveal} />
      </SidePanel>
      <Show when={presenter.active() && deck().scenes[presenter.index()]}>
        {(scene) => (
          <PresenterOverlay deck={deck()} index={presenter.index()} lang={lang()} notesOpen={presenter.notesOpen()}
            legend={show.legendFor(scene().state.layers, scene().state.period)} onAction={presenter.act} />
        )}
      </Show>
      <Show when={mapState() === 'loading'}>
        <div class="loading" role="status">{t('loading')}</div>
      </Show>
    </div>
  );
}
