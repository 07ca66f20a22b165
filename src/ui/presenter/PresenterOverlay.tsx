// Presenter-mode chrome over the full-screen map: title at the top edge, compact legend in the
// bottom-left corner, progress in the bottom-right, and invisible back/forward zones on the left
// and right edges. The middle of the map stays clear and nothing is modal.
//
// Scenes whose map or legend includes demonstration data, or the schematic 2021 commune
// boundaries, say so in the title bar ("Dữ liệu trình diễn — không phải số liệu thật", "Ranh giới
// xã là sơ đồ"), on every scene that needs it.
//
// Speaker notes are not projected by default: N (or the notes button) toggles a small strip at the
// bottom edge, meant for rehearsing or a presenter who shares one screen; the deck editor shows
// the notes in full.
import { For, Show, createSignal } from 'solid-js';
import { t, type Lang, type MessageKey } from '../../i18n';
import { clampIndex, progressText, type NavAction } from '../../presenter/navigation';
import type { Deck, LegendBlock } from '../../presenter/types';
import { MARK_COLORS, type DataMark } from '../../layers/data-marks';
import { sceneMarks } from '../show-feature';
import { Swatch } from '../Swatch';
import './presenter.css';

export interface PresenterOverlayProps {
  deck: Deck;
  /** Current scene, 0-based. */
  index: number;
  lang: Lang;
  /** Legend of the current scene's layers (PresenterHost.legendFor). */
  legend: LegendBlock[];
  notesOpen?: boolean;
  onAction: (a: NavAction) => void;
  /** Honesty marks of the current scene; by default worked out from its layers (sceneMarks). */
  marks?: DataMark[];
  /** The scene's Resolution panel, when it has one: a button folds it away (on a phone it starts folded). */
  panelToggle?: { open: boolean; onToggle: () => void };
}

export function PresenterOverlay(props: PresenterOverlayProps) {
  const m = (k: MessageKey, vars?: Record<string, string | number>) => t(k, vars, props.lang);
  const count = () => props.deck.scenes.length;
  const scene = () => props.deck.scenes[clampIndex(props.index, count())];
  // A title written in one language only still shows.
  const pick = (l: { vi: string; en: string } | undefined) => (l ? l[props.lang] || l[props.lang === 'vi' ? 'en' : 'vi'] : '');
  const n = () => clampIndex(props.index, count()) + 1;
  // The legend can be folded away; on a phone it starts folded so the map keeps the screen.
  const [legendOpen, setLegendOpen] = createSignal(typeof window === 'undefined' || window.innerWidth >= 700);
  const marks = () => {
    if (props.marks) return props.marks;
    const sc = scene();
    return sc ? sceneMarks(sc.state.layers, sc.state.period) : [];
  };

  return (
    <div class="presenter" role="region" aria-label={m('presenterRegion')} lang={props.lang}>
      <button type="button" class="presenter-edge presenter-edge-prev" aria-label={m('prevScene')} onClick={() => props.onAction('prev')}>
        <span aria-hidden="true">‹</span>
      </button>
      <button type="button" class="presenter-edge presenter-edge-next" aria-label={m('nextScene')} onClick={() => props.onAction('next')}>
        <span aria-hidden="true">›</span>
      </button>

      <div class="presenter-title">
        {/* Announced on every scene change, so a screen-reader user follows the talk. */}
        <h1 aria-live="polite">{count() ? pick(scene()?.title) : m('emptyDeck')}</h1>
        <Show when={marks().length}>
          <ul class="presenter-marks" role="note" aria-label={m('dataMarks')}
            style={{ 'list-style': 'none', margin: 0, padding: 0, display: 'flex', 'flex-direction': 'column', gap: '0.25em', 'align-items': 'flex-end', flex: 'none' }}>
            <For each={marks()}>
              {(k) => (
                <li class={`presenter-mark presenter-mark-${k}`} data-mark={k}
                  style={{
                    background: MARK_COLORS[k].fill, color: MARK_COLORS[k].ink, 'font-weight': 700, 'border-radius': '8px',
                    padding: '0.2em 0.6em', 'font-size': 'clamp(16px, 1.05vw, 26px)', 'line-height': 1.25,
                    border: k === 'schematic' ? '1px solid #c9a94a' : 'none',
                  }}>
                  {m(`mark.${k}`)}
                </li>
              )}
            </For>
          </ul>
        </Show>
        <button type="button" class="presenter-exit" aria-label={m('exitPresenter')} title={m('exitPresenter')} onClick={() => props.onAction('exit')}>
          <span aria-hidden="true">✕</span>
        </button>
      </div>

      <Show when={props.legend.length && legendOpen()}>
        <aside class="presenter-legend" id="presenter-legend" aria-label={m('imageLegend')}>
          <For each={props.legend}>
            {(block) => (
              <section>
                <h2>{block.title}</h2>
                <ul>
                  <For each={block.items}>
                    {(item) => (
                      <li>
                        <Swatch swatch={item.swatch} />
                        <span>{item.label}</span>
                      </li>
                    )}
                  </For>
                </ul>
              </section>
            )}
          </For>
        </aside>
      </Show>

      <Show when={props.notesOpen}>
        <div class="presenter-notes" role="note" aria-label={m('speakerNotes')}>
          <p class="presenter-notes-head">{m('speakerNotes')}</p>
          <p>{pick(scene()?.notes) || m('noNotes')}</p>
        </div>
      </Show>

      <div class="presenter-foot">
        <Show when={props.panelToggle}>
          {(p) => (
            <button type="button" class="presenter-notes-toggle presenter-panel-toggle" aria-expanded={p().open} aria-controls="scene-panel"
              onClick={() => p().onToggle()}>
              {p().open ? m('hideScenePanel') : m('showScenePanel')}
            </button>
          )}
        </Show>
        <Show when={props.legend.length}>
          <button type="button" class="presenter-notes-toggle presenter-legend-toggle" aria-expanded={legendOpen()} aria-controls="presenter-legend"
            onClick={() => setLegendOpen((o) => !o)}>
            {legendOpen() ? m('hideLegend') : m('showLegend')}
          </button>
        </Show>
        <button type="button" class="presenter-notes-toggle" aria-pressed={!!props.notesOpen} onClick={() => props.onAction('notes')}>
          {m('notes')} (N)
        </button>
        <p class="presenter-progress">
          <span class="presenter-sr">{m('progressLabel', { n: n(), count: count() })}</span>
          <span aria-hidden="true">{progressText(props.index, count())}</span>
        </p>
      </div>
    </div>
  );
}
