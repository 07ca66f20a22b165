// What is selected and how the app shows it: a click on the map, a search hit or a row of the
// feature list selects a feature; the info card reads the original feature (not MapLibre's
// flattened copy) from the loaded data; revealing frames it on the map.
import { createMemo, type Accessor } from 'solid-js';
import type { Feature, FeatureCollection } from 'geojson';
import { extent } from '../geo/extent';
import type { BBox, FeatureHit, MapHandle } from '../map/adapter';
import type { LayerEntry } from '../layers/types';
import type { SearchHit } from '../search/search';
import { unitId } from '../coverage/unit-id';
import { state, actions } from '../state/store';
import { framePadding, isWideTab, pointPadding } from './layout';

export interface SelectionDeps {
  map: Accessor<MapHandle | undefined>;
  entries: Accessor<readonly LayerEntry[]>;
  data: Accessor<ReadonlyMap<string, FeatureCollection>>;
  units: Accessor<FeatureCollection | undefined>;
}

const featureKey = (f: Feature) => String(f.properties?.['id'] ?? f.id);

export function createSelection(d: SelectionDeps) {
  // A large import keeps only a preview in memory: the feature last clicked (as drawn) stands in.
  let clicked: FeatureHit | null = null;
  const padding = () => framePadding(state.panelOpen, isWideTab(state.panel));

  const selected = createMemo(() => {
    const s = state.selected;
    if (!s) return null;
    const entry = d.entries().find((e) => e.id === s.layerId);
    const feature =
      d.data().get(s.layerId)?.features.find((x) => featureKey(x) === s.id) ??
      (clicked && clicked.layerId === s.layerId && clicked.id === s.id ? clicked.feature : undefined);
    return feature && entry ? { entry, feature } : null;
  });

  /** A unit chosen in the coverage table or on the coverage map: highlighted and framed. */
  const focusUnit = (id: string) => {
    actions.focusUnit(id);
    const u = d.units();
    const idx = u?.features.findIndex((f, i) => unitId(f, i) === id) ?? -1;
    const b = u && idx >= 0 ? extent(u.features[idx]) : null;
    if (b) d.map()?.frame(b as BBox, padding());
  };

  const onMapClick = (hit: FeatureHit | null) => {
    if (!hit) return actions.select(null);
    if (hit.layerId === 'coverage') {
      actions.focusUnit(hit.id);
      actions.showPanel('coverage');
      requestAnimationFrame(() => document.querySelector(`tr[data-unit="${CSS.escape(hit.id)}"]`)?.scrollIntoView({ block: 'nearest' }));
      return;
    }
    clicked = hit;
    actions.select({ layerId: hit.layerId, id: hit.id });
  };

  /** Show a feature: its layer on, the map framed on it, its info open. */
  const reveal = (layerId: string, f: Feature) => {
    if (!state.visible[layerId]) actions.setVisible(layerId, true);
    actions.select({ layerId, id: featureKey(f) });
    const m = d.map();
    const g = f.geometry;
    if (!m || !g) return;
    if (g.type === 'Point') {
      const [x, y] = g.coordinates as [number, number];
      m.frame([x, y, x, y], pointPadding(state.panelOpen), Math.max(m.camera().zoom, 14.5));
    }
    else {
      const b = extent(f);
      if (b) m.frame(b as BBox, padding());
    }
  };

  const chooseHit = (h: SearchHit) => {
    const f = d.data().get(h.item.layerId)?.features.find((x) => featureKey(x) === h.item.featureId);
    if (f) reveal(h.item.layerId, f);
  };

  return { selected, focusUnit, onMapClick, reveal, chooseHit, padding };
}
