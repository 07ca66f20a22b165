// Presenter mode and map images (issue 6) as the app wires them: the host through which the
// presenter reads and sets the app's state, the deck (kept in IndexedDB), present links, export.
import { batch, createEffect, createSignal, on } from 'solid-js';
import type { MapHandle } from '../map/adapter';
import { catalog } from '../layers/catalog';
import { inPeriod, type LayerEntry, type Period } from '../layers/types';
import { state, actions } from '../state/store';
import { t, tl, lang, type MessageKey } from '../i18n';
import { createPresenter } from '../presenter/controller';
import { defaultDeck } from '../presenter/default-deck';
import { loadDeck, saveDeck } from '../presenter/storage';
import { readPresentLink, withoutPresentLink } from '../presenter/link';
import { sceneIndex } from '../presenter/deck';
import type { Deck, PresenterHost, SceneState, LegendBlock } from '../presenter/types';
import { dataMarks, type DataMark } from '../layers/data-marks';
import type { ExportSizeKey } from '../export/sizes';
import { downloadBlob } from './download';
import { sceneFrame } from '../presenter/fit';
import { NARROW_PX } from '../app/layout';
import { coveredIds, legendContext, legendItems } from '../layers/legend';
import type { CoverageResult } from '../coverage/types';

export interface ShowFeatureDeps {
  map: () => MapHandle | undefined;
  /** Catalog plus imported layers. */
  entries: () => LayerEntry[];
  isVisible: (e: LayerEntry) => boolean;
  /** The coverage result the coverage map draws (its legend lists only the classes drawn). */
  coverage?: () => CoverageResult | null;
  /** Attribution of the basemap drawn, if any (map images carry it with the sources). */
  basemapAttribution?: () => string | null;
  /** The district's extent (presenter mode on a phone keeps scenes to it). */
  district?: () => [number, number, number, number] | null;
}

/** Room presenter mode's chrome takes on a phone: title bar above, progress and legend button below. */
const PHONE_PRESENTER_PADDING = { top: 120, right: 12, bottom: 72, left: 12 };

/** The honesty marks of a view (demonstration data, schematic boundaries) with the app's layers. */
let marksOfApp: ((layers: readonly string[], period: Period) => DataMark[]) | null = null;

/**
 * Marks for the layers of a scene: presenter mode shows them over the scene, map images draw them.
 * Uses the app's layers (catalog and imports) once createShowFeature has run, the catalog before.
 */
export function sceneMarks(layers: readonly string[], period: Period): DataMark[] {
  return marksOfApp ? marksOfApp(layers, period) : dataMarks(catalog, { layers, period, demoRegisterCounts: state.useDemoRegister });
}

export function createShowFeature(d: ShowFeatureDeps) {
  const known = new Set(catalog.map((e) => e.id));
  const [deck, setDeck] = createSignal<Deck>(defaultDeck(known));
  const [deckMessage, setDeckMessage] = createSignal<string | null>(null);
  let deckLoaded = false;

  /** Legend of what the view draws: entries hidden under the coverage map are left out. */
  const legendFor = (layers: readonly string[], period: Period): LegendBlock[] => {
    const shown = (e: LayerEntry) => layers.includes(e.id) && inPeriod(e, period);
    const hidden = coveredIds(d.entries(), shown);
    const ctx = legendContext(state.coverage.target, d.coverage?.() ?? null);
    return d.entries()
      .filter((e) => shown(e) && !hidden.has(e.id))
      .map((e) => ({ title: tl(e.title), items: legendItems(e, ctx).map((i) => ({ label: tl(i.label), swatch: i.swatch })) }));
  };

  const marksFor = (layers: readonly string[], period: Period): DataMark[] =>
    dataMarks(d.entries(), { layers, period, demoRegisterCounts: state.useDemoRegister });
  marksOfApp = marksFor;

  const host: PresenterHost = {
    captureState(): SceneState {
      const camera = d.map()?.camera() ?? { center: [106.085, 21.27] as [number, number], zoom: 11, bearing: 0, pitch: 0 };
      return {
        camera,
        layers: d.entries().filter(d.isVisible).map((e) => e.id),
        opacity: Object.fromEntries(Object.entries(state.opacity).filter(([, v]) => v !== 1)),
        highlighted: state.selected ? [{ ...state.selected }] : [],
        period: state.period,
        coverageMode: d.isVisible(catalog.find((e) => e.id === 'coverage')!),
      };
    },
    applyState(sc, { animate }) {
      batch(() => {
        actions.setLayers(
          Object.fromEntries(d.entries().map((e) => [e.id, sc.layers.includes(e.id)])),
          Object.fromEntries(d.entries().map((e) => [e.id, sc.opacity[e.id] ?? 1])),
        );
        actions.setPeriod(sc.period);
        actions.select(sc.highlighted[0] ?? null);
      });
      const cam = { center: sc.camera.center, zoom: sc.camera.zoom, bearing: sc.camera.bearing, pitch: sc.camera.pitch };
      const m = d.map();
      if (m && window.innerWidth < NARROW_PX) {
        // A phone: what the scene shows on a laptop, kept to the district, fitted between the title
        // bar and the progress line (the same zoom would cut the district off).
        m.setCamera({ bearing: cam.bearing, pitch: cam.pitch }, false);
        m.frame(sceneFrame(cam.center, cam.zoom, d.district?.() ?? null), PHONE_PRESENTER_PADDING, 16);
      } else m?.setCamera(cam, animate, 1500);
    },
    legendFor,
  };

  const presenter = createPresenter({ host, deck, onExit: () => history.replaceState(null, '', withoutPresentLink(location.href)) });

  // Every change of the deck is kept (after the stored one has been read).
  createEffect(
    on(deck, (dk) => {
      if (!deckLoaded) return;
      void saveDeck(dk).then((r) => setDeckMessage(r.persisted ? null : t('notPersisted', { reason: r.reason })));
    }, { defer: true }),
  );

  /** The stored deck, then a link that opens presenter mode at a scene (?present=3). */
  async function restore(map: MapHandle): Promise<void> {
    const stored = await loadDeck(known);
    if (stored.deck) setDeck(stored.deck);
    if (!stored.persisted) setDeckMessage(t('notPersisted', { reason: stored.reason ?? '' }));
    else if (stored.reason) setDeckMessage(t('storedDeckInvalid', { reason: stored.reason }));
    deckLoaded = true;
    const link = readPresentLink(location.search);
    if (link) {
      if (link.deck === 'default') setDeck(defaultDeck(known));
      void map.onceIdle().then(() => presenter.start(sceneIndex(deck(), link.scene) ?? 0));
    }
  }

  async function exportImage(size: ExportSizeKey): Promise<string> {
    const m = d.map();
    if (!m) throw new Error('map not ready');
    const shown = d.entries().filter((e) => d.isVisible(e) && inPeriod(e, state.period)).map((e) => e.id);
    // The image composer (and its off-screen map) loads when someone first exports.
    const { exportPng, exportFileName } = await import('../export/export');
    const blob = await exportPng({
      style: m.styleSnapshot(),
      view: m.camera(),
      screen: m.size(),
      size,
      title: t('appTitle'),
      subtitle: t(`period.${state.period}` as MessageKey),
      legend: legendFor(shown, state.period),
      // Demonstration data and schematic boundaries say so on the image itself.
      marks: marksFor(shown, state.period).map((kind) => ({ kind, text: t(`mark.${kind}`) })),
      dateText: t('imageDate', { date: new Date().toLocaleDateString(lang() === 'vi' ? 'vi-VN' : 'en-GB') }),
      sourceText: [t('imageSource'), d.basemapAttribution?.()].filter(Boolean).join(' · '),
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
    marksFor,
    restore,
    exportImage,
  };
}
