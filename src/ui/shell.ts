// The page's frame before the interface's code has loaded (main.tsx): the map's container, the side
// panel with its title (what SidePanel shows at its top) and the loading notice, as plain DOM, so
// the map starts at once and the title shows at once. The App replaces it, taking the map's
// container (and the map in it) into its own tree. Text set as text: nothing here is parsed as HTML.
import type { MapState } from '../map/adapter';
import { state } from '../state/store';
import { isWideTab } from '../app/layout';
import { t } from '../i18n';

export interface Shell {
  /** Where the map goes; the App moves it into its own tree. */
  map: HTMLDivElement;
  /** Mirrors the map's state on the page (`data-map-state`, the loading notice). */
  setState(s: MapState): void;
  remove(): void;
}

const el = <K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] => {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
};

export function createShell(root: HTMLElement): Shell {
  const app = el('div', { class: 'app', 'data-map-state': 'loading' });
  const map = el('div', { class: 'map', role: 'region', 'aria-label': t('mapLabel'), 'aria-describedby': 'feature-list-title' });
  const panel = el('aside', { class: `side-panel${state.panelOpen ? '' : ' collapsed'}${isWideTab(state.panel) ? ' wide' : ''}`, 'aria-label': t('appTitle') });
  const body = el('div', { class: 'panel-body' });
  body.hidden = !state.panelOpen;
  const header = el('header');
  header.append(el('h1', {}, t('appTitle', undefined, 'vi')), el('p', { class: 'subtitle', lang: 'en' }, t('appTitle', undefined, 'en')), el('p', { class: 'lede' }, t('appSubtitle')));
  body.append(header);
  panel.append(body);
  const loading = el('div', { class: 'loading', role: 'status' }, t('loading'));
  app.append(map, panel, loading);
  root.append(app);
  return {
    map,
    setState(s) {
      app.setAttribute('data-map-state', s);
      loading.hidden = s !== 'loading';
    },
    remove: () => app.remove(),
  };
}
