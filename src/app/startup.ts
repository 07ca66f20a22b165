// Start-up in two steps. First the map alone, before the interface's code has even loaded (issue
// 15: on a machine drawing WebGL on the CPU, a first map is as fast as the CPU work of everything
// running beside it, and the interface's code, with its effects, took ~0.5 s of CPU from it): the
// style built from the catalog with its bundled source still empty, the camera from a shared link
// or the district's extent known at build time, then, once the bundled data and the label faces
// are there, that data with its label points in one go. Then, once the map is idle (main.tsx loads
// the interface then), the App takes the map over: the URL edge, the panel, search and coverage get
// the data, the stored deck and the layers kept from earlier sessions come back.
import { catalog } from '../layers/catalog';
import { inPeriod } from '../layers/types';
import { loadDatasets, type Datasets } from '../data/load';
import { buildStyle } from '../map/style';
import { BUNDLED_SOURCE, bundledCollection } from '../map/bundled-source';
import { labelFontsReady } from '../map/fonts';
import { createMap, type BBox, type FeatureHit, type MapHandle, type MapOptions, type MapState } from '../map/adapter';
import { readInitialUrl, startUrlSync, type UrlSync } from '../state/url-sync';
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

/** The map started ahead of the interface, and what the interface takes over from it. */
export interface FirstMap {
  /** Null when the map could not start (no WebGL): `failure` says why. */
  handle: MapHandle | null;
  failure: Error | null;
  /** The camera of a shared link (read, with the rest of the link's state, before the map). */
  initialView: View | null;
  /** The app's copy of the bundled data (rejects with the file and what is wrong with it). */
  datasets: Promise<Datasets>;
  /** The map's state now: 'idle' only once the bundled data is drawn. */
  state(): MapState;
  /** Resolves at the first 'idle' or 'error': the interface may load then. */
  settled: Promise<void>;
  /** Where the interface hears of the map from now on (state changes, clicks, camera moves). */
  listen(l: Partial<FirstMapListeners>): void;
}

export interface FirstMapListeners {
  onState: (s: MapState, detail?: string) => void;
  onFeatureClick: (hit: FeatureHit | null) => void;
  onMoveEnd: () => void;
}

/** The map, at once, in `container`; the page's state (a shared link's) is read first. */
export function startFirstMap(container: HTMLElement): FirstMap {
  const initialView = readInitialUrl();
  const b = DISTRICT_BOUNDS;
  const listeners: FirstMapListeners = { onState: () => {}, onFeatureClick: () => {}, onMoveEnd: () => {} };
  // The page says the map is ready only at an idle after the bundled data was given to it.
  let filled = false;
  let current: MapState = 'loading';
  let settle!: () => void;
  const settled = new Promise<void>((r) => (settle = r));
  const setState = (s: MapState, detail?: string) => {
    if (s === 'idle' && !filled) return;
    current = s;
    listeners.onState(s, detail);
    if (s !== 'loading') settle();
  };
  const fontsReady = labelFontsReady();
  const datasets = loadDatasets(catalog);
  const options: MapOptions = {
    container,
    style: buildStyle({
      entries: catalog,
      visibility: new Map(catalog.map((e) => [e.id, !!state.visible[e.id] && inPeriod(e, state.period)])),
      opacity: new Map(Object.entries(state.opacity)),
    }),
    bounds: [[b[0], b[1]], [b[2], b[3]]],
    view: initialView,
    padding: framePadding(state.panelOpen, isWideTab(state.panel)),
    district: { bbox: b, padding: () => framePadding(state.panelOpen, isWideTab(state.panel)) },
    labels: controlLabels(),
    entries: catalog,
    attribution: t('attribution'),
    onState: setState,
    onFeatureClick: (hit) => listeners.onFeatureClick(hit),
    onMoveEnd: () => listeners.onMoveEnd(),
  };
  const started = { initialView, datasets, state: () => current, settled, listen: (l: Partial<FirstMapListeners>) => void Object.assign(listeners, l) };
  let handle: MapHandle;
  try {
    handle = createMap(options);
  } catch (e) {
    // No WebGL, most often: the interface still loads, and says why there is no map.
    setState('error', (e as Error).message);
    // Nothing will take the data: keep its failure, if any, from being reported as unhandled.
    datasets.catch(() => undefined);
    return { ...started, handle: null, failure: e as Error };
  }
  void (async () => {
    try {
      const d = await datasets;
      // The labels come with the data: their faces first, so none is drawn in a fallback font.
      await fontsReady;
      handle.setData(BUNDLED_SOURCE, bundledCollection(catalog, d));
      filled = true;
      await handle.onceIdle();
      setState('idle');
    } catch (e) {
      setState('error', (e as Error).message);
    }
  })();
  return { ...started, handle, failure: null };
}

export interface TakeOverOptions {
  /** The bundled data has arrived (the panel, search and coverage take it from here). */
  onDatasets: (d: Datasets) => void;
  imported: ImportedLayers;
  /** The user's proposals kept from earlier sessions come back with the imported layers. */
  proposals?: { restore(): Promise<void> };
  show: ReturnType<typeof createShowFeature>;
  basemaps?: Basemaps;
}

/**
 * The interface's half of the start-up, once it has the map: the URL follows the camera and the
 * state, and what earlier sessions kept comes back. Called with the App's owner so the effects it
 * creates are disposed with it. Rejects when the bundled data could not be read.
 */
export async function takeOverMap(first: FirstMap, o: TakeOverOptions): Promise<void> {
  const handle = first.handle;
  if (!handle) throw first.failure ?? new Error('the map could not start');
  let urlSync: UrlSync | undefined;
  first.listen({ onMoveEnd: () => urlSync?.viewChanged(handle.camera()) });
  urlSync = startUrlSync(() => handle.camera(), (v) => handle.setCamera(v, false));
  o.onDatasets(await first.datasets);
  await o.show.restore(handle);
  await o.basemaps?.restore();
  await Promise.all([o.imported.restore(), o.proposals?.restore()]);
}
