// Presenter mode and map images (issue 6) as the app wires them: the host through which the
// presenter reads and sets the app's state, the deck (kept in IndexedDB), present links, export.
import { batch, createEffect, createSignal, on } from 'solid-js';
import type { Map as MlMap } from 'maplibre-gl';
import { catalog } from '../layers/catalog';
import { inPeriod, type LayerEntry, type Period } from '../layers/types';
import { state, setState, actions } from '../state/store';
import { t, tl, lang, type MessageKey } from '../i18n';
import { createPresenter } from '../presenter/controller';
import { defaultDeck } from '../presenter/default-deck';
import { loadDeck, saveDeck } from '../presenter/storage';
import { readPresentLink, withoutPresentLink } from '../presenter/link';
import { sceneIndex } from '../presenter/deck';
import { tp, tpf } from '../presenter/messages';
import type { Deck, PresenterHost, SceneState, LegendBlock } from '../presenter/types';
import { exportPng, exportFileName } from '../export/export';
import type { ExportSizeKey } from '../export/sizes';
import { downloadBlob } from './download';

export interface ShowFeatureDeps {
  map: () => MlMap | undefined;
  /** Catalog plus imported layers. */
  entries: () => LayerEntry[];
  isVisible: (e: LayerEntry) => boolean;
}

export function createShowFeature(d: ShowFeatureDeps) {
  const known = new Set(catalog.map((e) => e.id));
  const [deck, setDeck] = createSignal<Deck>(defaultDeck(known));
  const [deckMessage, setDeckMessage] = createSignal<string | null>(null);
  let deckLoaded = false;

  const legendFor = (layers: readonly string[], period: Period): LegendBlock[] =>
    d.entries()
      .filter((e) => layers.includes(e.id) && inPeriod(e, period))
      .map((e) => ({
        title: tl(e.title),
        items: (typeof e.legend === 'function' ? e.legend({ target: state.coverage.target }) : e.legend).map((i) => ({ label: tl(i.label), swatch: i.swatch })),
      }));

  const host: PresenterHost = {
    captureState(): SceneState {
      const m = d.map();
      const c = m?.getCenter();
      return {
        camera: { center: c ? [c.lng, c.lat] : [106.085, 21.27], zoom: m?.getZoom() ?? 11, bearing: m?.getBearing() ?? 0, pitch: m?.getPitch() ?? 0 },
        layers: d.entries().filter(d.isVisible).map((e) => e.id),
        opacity: Object.fromEntries(Object.entries(state.opacity).filter(([, v]) => v !== 1)),
        highlighted: state.selected ? [{ ...state.selected }] : [],
        period: state.period,
        coverageMode: d.isVisible(catalog.find((e) => e.id === 'coverage')!),
      };
    },
    applyState(sc, { animate }) {
      batch(() => {
        setState('visible', Object.fromEntries(d.entries().map((e) => [e.id, sc.layers.includes(e.id)])));
        setState('opacity', Object.fromEntries(d.entries().map((e) => [e.id, sc.opacity[e.id] ?? 1])));
        actions.setPeriod(sc.period);
        actions.select(sc.highlighted[0] ?? null);
      });
      const cam = { center: sc.camera.center, zoom: sc.camera.zoom, bearing: sc.camera.bearing, pitch: sc.camera.pitch };
      if (animate) d.map()?.flyTo({ ...cam, duration: 1500, essential: false });
      else d.map()?.jumpTo(cam);
    },
    legendFor,
  };

  const presenter = createPresenter({ host, deck, onExit: () => history.replaceState(null, '', withoutPresentLink(location.href)) });

  // Every change of the deck is kept (after the stored one has been read).
  createEffect(
    on(deck, (dk) => {
      if (!deckLoaded) return;
      void saveDeck(dk).then((r) => setDeckMessage(r.persisted ? null : tpf('notPersisted', { reason: r.reason })));
    }, { defer: true }),
  );

  /** The stored deck, then a link that opens presenter mode at a scene (?present=3). */
  async function restore(map: MlMap): Promise<void> {
    const stored = await loadDeck(known);
    if (stored.deck) setDeck(stored.deck);
    if (!stored.persisted) setDeckMessage(tpf('notPersisted', { reason: stored.reason ?? '' }));
    else if (stored.reason) setDeckMessage(tpf('storedDeckInvalid', { reason: stored.reason }));
    deckLoaded = true;
    const link = readPresentLink(location.search);
    if (link) {
      if (link.deck === 'default') setDeck(defaultDeck(known));
      map.once('idle', () => presenter.start(sceneIndex(deck(), link.scene) ?? 0));
    }
  }

  async function exportImage(size: ExportSizeKey): Promise<string> {
    const m = d.map();
    if (!m) throw new Error('map not ready');
    const c = m.getCenter();
    const blob = await exportPng({
      style: m.getStyle(),
      view: { center: [c.lng, c.lat], zoom: m.getZoom(), bearing: m.getBearing(), pitch: m.getPitch() },
      screen: { width: m.getContainer().clientWidth, height: m.getContainer().clientHeight },
      size,
      title: t('appTitle'),
      subtitle: t(`period.${state.period}` as MessageKey),
      legend: legendFor(d.entries().filter((e) => d.isVisible(e) && inPeriod(e, state.period)).map((e) => e.id), state.period),
      dateText: tpf('imageDate', { date: new Date().toLocaleDateString(lang() === 'vi' ? 'vi-VN' : 'en-GB') }),
      sourceText: tp('imageSource'),
      lang: lang(),
    });
    const name = exportFileName(size, new Date());
    downloadBlob(name, blob);
    return name;
  }

  return {
    known,
    deck,
    setDeck,
    resetDeck: () => setDeck(defaultDeck(known)),
    deckMessage,
    host,
    presenter,
    legendFor,
    restore,
    exportImage,
  };
}
