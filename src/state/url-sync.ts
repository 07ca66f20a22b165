// The URL edge: the store (plus language and camera) is mirrored into location.hash. Meaningful
// changes (layers, selection, period, panel, language) push a history entry; camera moves only
// replace the current one, so back/forward step through what the user did, not every frame.
import { createEffect, createSignal, on } from 'solid-js';
import { catalog } from '../layers/catalog';
import { lang, setLang } from '../i18n';
import { state, actions, PANELS, type PanelId } from './store';
import { DEFAULT_COVERAGE, decodeUrlState, encodeUrlState, linkLayers, meaningfulChange, type UrlState, type View } from './url';

/** Layer ids a link named that this map does not have (the App shows a notice while non-empty). */
const [unknownLinkLayers, setUnknownLinkLayers] = createSignal<readonly string[]>([]);
export { unknownLinkLayers };
export const dismissLinkNotice = (): void => {
  setUnknownLinkLayers([]);
};

function defaults(): UrlState {
  return {
    view: null,
    layers: null,
    opacity: {},
    selected: null,
    period: '2021',
    lang: 'vi',
    panel: 'legend',
    panelOpen: true,
    coverage: null,
    basemap: 'none',
  };
}

const isDefaultCoverage = (c: { levels: readonly string[]; statuses: readonly string[]; target: number; proposals?: boolean; asOf?: string | null }) =>
  c.proposals !== false && !c.asOf && c.target === DEFAULT_COVERAGE.target && c.levels.join() === DEFAULT_COVERAGE.levels.join() && c.statuses.join() === DEFAULT_COVERAGE.statuses.join();

/** The shareable state as it is now. */
export function currentUrlState(view: View | null): UrlState {
  return {
    view,
    layers: catalog.filter((e) => state.visible[e.id]).map((e) => e.id),
    opacity: Object.fromEntries(Object.entries(state.opacity).filter(([, v]) => v !== 1)),
    selected: state.selected ? { ...state.selected } : null,
    period: state.period,
    lang: lang(),
    panel: state.panel,
    panelOpen: state.panelOpen,
    coverage: isDefaultCoverage(state.coverage)
      ? null
      : {
          levels: [...state.coverage.levels], statuses: [...state.coverage.statuses], target: state.coverage.target,
          ...(state.coverage.proposals === false ? { proposals: false } : {}),
          ...(state.coverage.asOf ? { asOf: state.coverage.asOf } : {}),
        },
    basemap: state.basemap,
  };
}

/** Puts a decoded URL state into the store and language (the camera is the caller's). */
export function applyUrlState(u: UrlState): void {
  const known = new Set(catalog.map((e) => e.id));
  const asked = linkLayers(u.layers, known);
  setUnknownLinkLayers(asked.unknown);
  u = { ...u, layers: asked.layers };
  actions.restoreShared({
    // Imported layers are not in the catalog: a link from elsewhere cannot name them, so they keep their state.
    visible: {
      ...state.visible,
      ...(u.layers
        ? Object.fromEntries(catalog.map((e) => [e.id, u.layers!.includes(e.id)]))
        : Object.fromEntries(catalog.map((e) => [e.id, e.visible]))),
    },
    opacity: Object.fromEntries(catalog.map((e) => [e.id, u.opacity[e.id] ?? 1])),
    selected: u.selected && known.has(u.selected.layerId) ? u.selected : null,
    period: u.period,
    panel: (PANELS as readonly string[]).includes(u.panel) ? (u.panel as PanelId) : 'legend',
    panelOpen: u.panelOpen,
    coverage: { ...DEFAULT_COVERAGE, levels: [...DEFAULT_COVERAGE.levels], statuses: [...DEFAULT_COVERAGE.statuses], proposals: true, asOf: null, ...(u.coverage ?? {}) },
    basemap: u.basemap,
  });
  setLang(u.lang);
}

/** Reads the state from the page's URL into the store; returns the camera it asks for, if any. */
export function readInitialUrl(): View | null {
  const u = decodeUrlState(location.hash, defaults());
  applyUrlState(u);
  return u.view;
}

export interface UrlSync {
  /** Call when the camera settles (moveend): replaces the current history entry. */
  viewChanged(view: View): void;
}

export function startUrlSync(getView: () => View | null, jumpTo: (v: View) => void): UrlSync {
  let last = currentUrlState(getView());
  let applying = false;
  const write = (mode: 'push' | 'replace') => {
    const next = currentUrlState(getView());
    const hash = encodeUrlState(next);
    if (hash === location.hash) return;
    if (mode === 'push' && meaningfulChange(last, next)) history.pushState(null, '', hash);
    else history.replaceState(null, '', hash);
    last = next;
  };
  history.replaceState(null, '', encodeUrlState(last));
  createEffect(
    on(
      () => JSON.stringify(currentUrlState(null)),
      () => {
        if (!applying) write('push');
      },
      { defer: true },
    ),
  );
  window.addEventListener('popstate', () => {
    const u = decodeUrlState(location.hash, defaults());
    applying = true;
    applyUrlState(u);
    applying = false;
    if (u.view) jumpTo(u.view);
    last = currentUrlState(u.view);
  });
  return { viewChanged: () => write('replace') };
}
