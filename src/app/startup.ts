// Start-up after the bundled data has loaded: the map (style built from the catalog, camera from a
// shared link or the district's extent), the URL edge, the stored deck and the layers kept from
// earlier sessions. Called with the App's owner so the effects it creates are disposed with it.
import { extent } from '../geo/extent';
import { catalog } from '../layers/catalog';
import { inPeriod } from '../layers/types';
import type { Datasets } from '../data/load';
import { buildStyle } from '../map/style';
import { labelFontFaces } from '../map/fonts';
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

// Việt Yên's extent, used if the district file has no feature.
const FALLBACK_BOUNDS: BBox = [106.0, 21.19, 106.17, 21.35];

export interface StartOptions {
  container: HTMLElement;
  datasets: Datasets;
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
  const district = o.datasets.get('district');
  const b = (extent(district) as BBox | null) ?? FALLBACK_BOUNDS;
  let urlSync: UrlSync | undefined;
  const handle = createMap({
    container: o.container,
    style: buildStyle({
      entries: catalog,
      datasets: o.datasets,
      fontFaces: labelFontFaces(location.href),
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
    onState: o.setMapState,
    onFeatureClick: o.onFeatureClick,
    onMoveEnd: () => urlSync?.viewChanged(handle.camera()),
  });
  urlSync = startUrlSync(() => handle.camera(), (v) => handle.setCamera(v, false));
  o.setMap(handle);
  await o.show.restore(handle);
  await o.basemaps?.restore();
  await Promise.all([o.imported.restore(), o.proposals?.restore()]);
}
