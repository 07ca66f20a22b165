// Side-panel editor of the presentation deck: save the current view as a scene, rename, write
// notes, reorder, delete (with undo), present from a scene, export and import the deck as JSON.
// Props in, new decks out through `onDeck`; the component keeps only its own messages.
import { createSignal, Index, Show } from 'solid-js';
import { downloadText } from '../download';
import { addScene, deleteScene, moveScene, parseDeck, renameScene, serializeDeck, setDeckTitle, setNotes, setSceneState } from '../../presenter/deck';
import { t, lang } from '../../i18n';
import type { Deck, SceneState } from '../../presenter/types';
import './presenter.css';

export interface DeckEditorProps {
  deck: Deck;
  onDeck: (deck: Deck) => void;
  /** The current view as a scene state (PresenterHost.captureState). */
  onCapture: () => SceneState;
  /** Enter presenter mode at a scene (0-based). */
  onPresent: (index: number) => void;
  /** Layer ids of the catalog, to validate imported decks. */
  knownLayerIds: ReadonlySet<string>;
  /** Put the shipped default deck back (button hidden when absent). */
  onReset?: () => void;
  /** A message from the app, e.g. that the deck cannot be saved in this browser. */
  message?: string | null;
}

type Status = { kind: 'info' | 'error'; text: string } | null;

export function DeckEditor(props: DeckEditorProps) {
  const [status, setStatus] = createSignal<Status>(null);
  // The deck before the last delete, for Undo.
  const [undo, setUndo] = createSignal<Deck | null>(null);
  let list!: HTMLOListElement;
  let fileInput!: HTMLInputElement;

  const titleOf = (i: number) => {
    const s = props.deck.scenes[i];
    return s ? s.title[lang()] || s.title[lang() === 'vi' ? 'en' : 'vi'] || t('sceneDefaultTitle', { n: i + 1 }) : '';
  };
  const edit = (d: Deck) => {
    setUndo(null);
    props.onDeck(d);
  };

  const capture = () => {
    const n = props.deck.scenes.length + 1;
    const title = { vi: `Cảnh ${n}`, en: `Scene ${n}` };
    edit(addScene(props.deck, { title, state: props.onCapture() }));
    setStatus({ kind: 'info', text: t('sceneAdded', { n }) });
  };

  // Rows are keyed by position (<Index>), so typing never rebuilds a row; after a move, focus
  // follows the scene to its new row.
  const move = (from: number, to: number, which: 'up' | 'down') => {
    const id = props.deck.scenes[from]?.id;
    edit(moveScene(props.deck, from, to));
    requestAnimationFrame(() => {
      const row = list.querySelector<HTMLElement>(`[data-scene="${CSS.escape(id ?? '')}"]`);
      (row?.querySelector<HTMLButtonElement>(`.deck-move-${which}:not(:disabled)`) ?? row?.querySelector<HTMLButtonElement>('button'))?.focus();
    });
  };

  const remove = (i: number) => {
    const s = props.deck.scenes[i];
    if (!s) return;
    const before = props.deck;
    const title = titleOf(i);
    props.onDeck(deleteScene(props.deck, s.id));
    setUndo(before);
    setStatus({ kind: 'info', text: t('sceneDeleted', { title }) });
  };
  const undoDelete = () => {
    const d = undo();
    if (!d) return;
    setUndo(null);
    setStatus(null);
    props.onDeck(d);
  };

  const exportDeck = () => {
    const date = new Date().toISOString().slice(0, 10);
    downloadText(`viet-yen-deck-${date}.json`, serializeDeck(props.deck), 'application/json');
  };

  const importFile = async (file: File | undefined) => {
    if (!file) return;
    let text: string;
    try {
      text = await file.text();
    } catch (e) {
      setStatus({ kind: 'error', text: t('importFailed', { error: (e as Error).message }) });
      return;
    }
    const r = parseDeck(text, props.knownLayerIds, file.name);
    if (!r.ok) {
      // The current deck stays as it is.
      setStatus({ kind: 'error', text: t('importFailed', { error: r.localized[lang()] }) });
      return;
    }
    edit(r.deck);
    setStatus({ kind: 'info', text: t('imported', { n: r.deck.scenes.length, file: file.name }) });
  };

  return (
    <section class="deck-editor" aria-labelledby="deck-editor-title">
      <h2 id="deck-editor-title">{t('deckEditor')}</h2>
      <Show when={props.message}>
        <p class="deck-message" role="status">{props.message}</p>
      </Show>
      <label class="deck-field">
        <span>{t('deckTitle')}</span>
        <input type="text" value={props.deck.title[lang()]} maxLength={200}
          onChange={(e) => edit(setDeckTitle(props.deck, { [lang()]: e.currentTarget.value }))} />
      </label>

      <div class="deck-actions">
        <button type="button" class="deck-primary" onClick={capture}>{t('captureScene')}</button>
        <button type="button" disabled={!props.deck.scenes.length} onClick={() => props.onPresent(0)}>{t('present')}</button>
      </div>

      <div class="deck-status" role="status">
        <Show when={status()?.kind === 'info'}>
          <span>{status()!.text}</span>
          <Show when={undo()}>
            {' '}
            <button type="button" class="deck-link" onClick={undoDelete}>{t('undo')}</button>
          </Show>
        </Show>
      </div>
      <Show when={status()?.kind === 'error'}>
        <p class="deck-error" role="alert">{status()!.text}</p>
      </Show>

      <Show when={props.deck.scenes.length} fallback={<p class="deck-empty">{t('emptyDeck')}</p>}>
        <ol class="deck-scenes" ref={list}>
          <Index each={props.deck.scenes}>
            {(scene, i) => (
              <li class="deck-scene" data-scene={scene().id}>
                <div class="deck-scene-head">
                  <span class="deck-scene-n" aria-hidden="true">{i + 1}</span>
                  <label class="deck-scene-title">
                    <span class="presenter-sr">{t('sceneTitle', { n: i + 1 })}</span>
                    <input type="text" value={scene().title[lang()]} maxLength={200} placeholder={t('sceneDefaultTitle', { n: i + 1 })}
                      onChange={(e) => edit(renameScene(props.deck, scene().id, { [lang()]: e.currentTarget.value.trim() }))} />
                  </label>
                </div>
                <div class="deck-scene-tools">
                  {/* Visible word first, the scene's name after it for screen readers (WCAG 2.5.3). */}
                  <button type="button" onClick={() => props.onPresent(i)}>
                    <span aria-hidden="true">▶ </span>{t('present')}<span class="presenter-sr"> — {titleOf(i)}</span>
                  </button>
                  <button type="button" class="deck-move-up" disabled={i === 0} onClick={() => move(i, i - 1, 'up')}>
                    <span aria-hidden="true">↑ </span>{t('moveUp')}<span class="presenter-sr"> — {titleOf(i)}</span>
                  </button>
                  <button type="button" class="deck-move-down" disabled={i === props.deck.scenes.length - 1} onClick={() => move(i, i + 1, 'down')}>
                    <span aria-hidden="true">↓ </span>{t('moveDown')}<span class="presenter-sr"> — {titleOf(i)}</span>
                  </button>
                  <button type="button" onClick={() => edit(setSceneState(props.deck, scene().id, props.onCapture()))}>
                    {t('updateScene')}<span class="presenter-sr"> — {titleOf(i)}</span>
                  </button>
                  <button type="button" class="deck-delete" onClick={() => remove(i)}>
                    {t('deleteScene')}<span class="presenter-sr"> — {titleOf(i)}</span>
                  </button>
                </div>
                <details class="deck-scene-notes">
                  <summary>{t('notes')}</summary>
                  <label>
                    <span class="presenter-sr">{t('sceneNotes', { n: i + 1 })}</span>
                    <textarea rows={4} maxLength={10000} value={scene().notes[lang()]}
                      onChange={(e) => edit(setNotes(props.deck, scene().id, { [lang()]: e.currentTarget.value }))} />
                  </label>
                </details>
              </li>
            )}
          </Index>
        </ol>
      </Show>

      <div class="deck-actions">
        <button type="button" onClick={exportDeck}>{t('exportDeck')}</button>
        <button type="button" onClick={() => fileInput.click()}>{t('importDeck')}</button>
        <input ref={fileInput} type="file" accept=".json,application/json" hidden
          onChange={(e) => {
            const f = e.currentTarget.files?.[0];
            e.currentTarget.value = ''; // the same file can be chosen again after fixing it
            void importFile(f);
          }} />
        <Show when={props.onReset}>
          <button type="button" onClick={() => { props.onReset!(); setUndo(null); setStatus({ kind: 'info', text: t('deckReset') }); }}>{t('resetDeck')}</button>
        </Show>
      </div>
    </section>
  );
}
