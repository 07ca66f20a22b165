// Application state: one Solid store, changed only through the actions below. Components read it;
// effects at the edge (map adapter, URL, storage) mirror it outward.
import { createStore } from 'solid-js/store';
import type { CoverageOptions } from '../coverage/types';
import { DEFAULT_OPTIONS } from '../coverage/types';
import { catalog } from '../layers/catalog';
import type { Period } from '../layers/types';
import type { ImportedMeta } from '../layers/imported';

export type PanelId = 'legend' | 'coverage' | 'data' | 'present';

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
  /** Layers the user imported (their features are kept outside the store). */
  imported: ImportedMeta[];
  /** Whether the bundled demonstration register counts for coverage (off once a real one is loaded). */
  useDemoRegister: boolean;
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
    imported: [],
    useDemoRegister: true,
  };
}

export const [state, setState] = createStore<AppState>(initialState());

export const actions = {
  togglePanel: () => setState('panelOpen', (o) => !o),
  showPanel: (p: PanelId) => setState({ panel: p, panelOpen: true }),
  setVisible: (id: string, v: boolean) => setState('visible', id, v),
  setGroupVisible: (ids: readonly string[], v: boolean) => setState('visible', (m) => ({ ...m, ...Object.fromEntries(ids.map((id) => [id, v])) })),
  setCoverageOptions: (o: Partial<CoverageOptions>) => setState('coverage', (c) => ({ ...c, ...o })),
  setOpacity: (id: string, v: number) => setState('opacity', id, v),
  setPeriod: (p: Period) => setState('period', p),
  select: (s: Selection | null) => setState('selected', s),
  focusUnit: (id: string | null) => setState('focusedUnit', id),
  addImported: (m: ImportedMeta) => setState({ imported: [...state.imported, m], visible: { ...state.visible, [m.id]: true } }),
  removeImported: (id: string) => setState('imported', (l) => l.filter((m) => m.id !== id)),
  setUseDemoRegister: (v: boolean) => setState('useDemoRegister', v),
};
