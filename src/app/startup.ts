// Start-up: the map at once (style built from the catalog, its bundled source still empty; camera
// from a shared link or the district's extent known at build time), then, once the app has its
// copy of the bundled data, that data with its label points given to the map in one go, the URL
// edge, the stored deck and the layers kept from earlier sessions. Called with the App's owner so
// the effects it creates are disposed with it.
import { catalog } from '../layers/catalog';
import { inPeriod } from '../layers/types';
import type { Datasets } from '../data/load';
import { buildStyle } from '../map/style';
import { BUNDLED_SOURCE, bundledCollection } from '../map/bundled-source';
import { labelFontsReady } from '../map/fonts';
import { createMap, type BBox, type FeatureHit, type MapHandle, type MapState } from '../map/adapter';
import { startUrlSync, type UrlSync } from '../state/url-sync';
import type { View } from '../state/url';
import { state } from '../state/store';
import { t } from '../i18n';
import { framePadding, isWideTab } from './layout';
import { controlLabels } from './map-chrome';
import type { Basemaps } from './basemap';
import type { ImportedLayers } from './imported-layers';
import type { createShowFeature } from '../ui/show-feature';

// Việt Yên's extent (geodata/district.geojson, computed by vite.config.ts); the fallback is for
// code run outside a Vite build.
const DISTRICT_BOUNDS: BBox = typeof __DISTRICT_BBOX__ !== 'undefined' ? __DISTRICT_BBOX__ : [106.0, 21.19, 106.17, 21.35];

export interface StartOptions {
  container: HTMLElement;
  /** The app's copy of the bundled data, on its way: the map does not wait for it. */
  datasets: Promise<Datasets>;
  /** The bundled data has arrived (the panel, search and coverage take it from here). */
  onDatasets: (d: Datasets) => void;
  initialView: View | null;
  imported: ImportedLayers;
  /** The user's proposals kept from earlier sessions come back with the imported layers. */
  proposals?: { restore(): Promise<void> };
  show: ReturnType<typeof createShowFeature>;
  setMap: (m: MapHandle) => void;
  setMapState: (s: MapState) => void;
  onFeatureClick: (hit: FeatureHit | null) => void;
  basemaps?: Basemaps;
}

export async function startMap(o: StartOptions): Promise<void> {
  const b = DISTRICT_BOUNDS;
  let urlSync: UrlSync | undefined;
  // The page says the map is ready only at an idle after the bundled data was given to it.
  let filled = false;
  const fontsReady = labelFontsReady();
  const handle = createMap({
    container: o.container,
    style: buildStyle({
      entries: catalog,
      visibility: new Map(catalog.map((e) => [e.id, !!state.visible[e.id] && inPeriod(e, state.period)])),
      opacity: new Map(Object.entries(state.opacity)),
    }),
    bounds: [[b[0], b[1]], [b[2], b[3]]],
    view: o.initialView,
    padding: framePadding(state.panelOpen, isWideTab(state.panel)),
    district: { bbox: b, padding: () => framePadding(state.panelOpen, isWideTab(state.panel)) },
    labels: controlLabels(),
    entries: catalog,
    attribution: t('attribution'),
    onState: (s) => (s !== 'idle' || filled) && o.setMapState(s),
    onFeatureClick: o.onFeatureClick,
    onMoveEnd: () => urlSync?.viewChanged(handle.camera()),
  });
  urlSync = startUrlSync(() => handle.camera(), (v) => handle.setCamera(v, false));
  o.setMap(handle);
  const datasets = await o.datasets;
  // The labels come with the data: their faces first, so none is drawn in a fallback font.
  await fontsReady;
  // The map first: what the panel, search and coverage derive from the data can follow.
  handle.setData(BUNDLED_SOURCE, bundledCollection(catalog, datasets));
  filled = true;
  o.onDatasets(datasets);
  void handle.onceIdle().then(() => o.setMapState('idle'));
  await o.show.restore(handle);
  await o.basemaps?.restore();
  await Promise.all([o.imported.restore(), o.proposals?.restore()]);
}
