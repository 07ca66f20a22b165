// Presenter-mode chrome over the full-screen map: title at the top edge, compact legend in the
// bottom-left corner, progress in the bottom-right, and invisible back/forward zones on the left
// and right edges. The middle of the map stays clear and nothing is modal.
//
// Speaker notes are not projected by default: N (or the notes button) toggles a small strip at the
// bottom edge, meant for rehearsing or a presenter who shares one screen; the deck editor shows
// the notes in full.
import { For, Show } from 'solid-js';
import type { Lang } from '../../i18n/messages';
import { presenterMessages, type PresenterMessageKey } from '../../presenter/messages';
import { clampIndex, progressText, type NavAction } from '../../presenter/navigation';
import type { Deck, LegendBlock } from '../../presenter/types';
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
}

export function PresenterOverlay(props: PresenterOverlayProps) {
  const m = (k: PresenterMessageKey, vars: Record<string, string | number> = {}) =>
    presenterMessages[k][props.lang].replace(/\{(\w+)\}/g, (s, v: string) => (v in vars ? String(vars[v]) : s));
  const count = () => props.deck.scenes.length;
  const scene = () => props.deck.scenes[clampIndex(props.index, count())];
  // A title written in one language only still shows.
  const pick = (l: { vi: string; en: string } | undefined) => (l ? l[props.lang] || l[props.lang === 'vi' ? 'en' : 'vi'] : '');
  const n = () => clampIndex(props.index, count()) + 1;

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
        <button type="button" class="presenter-exit" aria-label={m('exitPresenter')} title={m('exitPresenter')} onClick={() => props.onAction('exit')}>
          <span aria-hidden="true">✕</span>
        </button>
      </div>

      <Show when={props.legend.length}>
        <aside class="presenter-legend" aria-label={presenterMessages.imageLegend[props.lang]}>
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
