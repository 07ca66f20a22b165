// Application state: one Solid store, changed only through the actions below. Components read it;
// effects at the edge (map adapter, URL, storage) mirror it outward.
import { createStore } from 'solid-js/store';
import type { CoverageOptions } from '../coverage/types';
import { DEFAULT_OPTIONS } from '../coverage/types';
import { catalog } from '../layers/catalog';
import type { Period } from '../layers/types';
import type { BasemapId } from '../map/basemaps';

export const PANELS = ['legend', 'coverage', 'resolution', 'data', 'present'] as const;
export type PanelId = (typeof PANELS)[number];

export interface Selection {
  layerId: string;
  id: string;
}

export interface AppState {
  panelOpen: boolean;
  panel: PanelId;
  visible: Record<string, boolean>;
  /** Opacity per layer, 0..1 (1 = as the catalog draws it). */
  opacity: Record<string, number>;
  period: Period;
  coverage: CoverageOptions;
  selected: Selection | null;
  /** Unit highlighted from the coverage table (its counting plans are outlined). */
  focusedUnit: string | null;
  /** Whether the bundled demonstration register counts for coverage (off once a real one is loaded). */
  useDemoRegister: boolean;
  /** The milestone chosen on the timeline: its units are highlighted on the map. */
  milestone: string | null;
  /** What is drawn beneath the layers: nothing (offline, the default), an online map or a local file. */
  basemap: BasemapId;
}

export function initialState(): AppState {
  return {
    panelOpen: true,
    panel: 'legend',
    visible: Object.fromEntries(catalog.map((e) => [e.id, e.visible])),
    opacity: Object.fromEntries(catalog.map((e) => [e.id, 1])),
    period: '2021',
    coverage: { ...DEFAULT_OPTIONS, levels: [...DEFAULT_OPTIONS.levels], statuses: [...DEFAULT_OPTIONS.statuses] },
    selected: null,
    focusedUnit: null,
    useDemoRegister: true,
    milestone: null,
    basemap: 'none',
  };
}

const [state, setState] = createStore<AppState>(initialState());
// The setter stays in this module: every change goes through an action below.
export { state };

/** What a shared link or the browser's history restores (the camera is the map's). */
export type SharedState = Pick<AppState, 'visible' | 'opacity' | 'selected' | 'period' | 'panel' | 'panelOpen' | 'coverage' | 'basemap'>;

export const actions = {
  togglePanel: () => setState('panelOpen', (o) => !o),
  showPanel: (p: PanelId) => setState({ panel: p, panelOpen: true }),
  setVisible: (id: string, v: boolean) => setState('visible', id, v),
  setGroupVisible: (ids: readonly string[], v: boolean) => setState('visible', (m) => ({ ...m, ...Object.fromEntries(ids.map((id) => [id, v])) })),
  setCoverageOptions: (o: Partial<CoverageOptions>) => setState('coverage', (c) => ({ ...c, ...o })),
  setOpacity: (id: string, v: number) => setState('opacity', id, v),
  setPeriod: (p: Period) => setState('period', p),
  setBasemap: (b: BasemapId) => setState('basemap', b),
  select: (s: Selection | null) => setState('selected', s),
  focusUnit: (id: string | null) => setState('focusedUnit', id),
  setUseDemoRegister: (v: boolean) => setState('useDemoRegister', v),
  /** A scene or a link replaces which layers show and how opaque they are, all at once. */
  setLayers: (visible: Record<string, boolean>, opacity: Record<string, number>) => setState({ visible, opacity }),
  restoreShared: (s: SharedState) => setState(s),
  /** A milestone shows the map of its period with the units it names highlighted (null clears it). */
  showMilestone: (id: string | null, period?: Period) => setState(period ? { milestone: id, period } : { milestone: id }),
};
