// Presenter mode at run time: which scene, full screen, keys, and the way back. Call
// `createPresenter` once inside the App component (it registers its window listeners there and
// removes them on cleanup). Everything that decides *what* happens is pure (navigation.ts); this
// file only connects browser events to it.
import { createSignal, onCleanup, type Accessor } from 'solid-js';
import { clampIndex, eventToAction, nextIndex, type NavAction } from './navigation';
import type { Deck, PresenterHost, SceneState } from './types';

export type ScreenMode = 'fullscreen' | 'window';

export interface PresenterOptions {
  host: PresenterHost;
  deck: Accessor<Deck>;
  /** Element to make full screen (default: the whole document). */
  root?: () => HTMLElement | null | undefined;
  /** Called after leaving (e.g. to drop a `?present=` link from the address). */
  onExit?: () => void;
}

export interface Presenter {
  active: Accessor<boolean>;
  /** Current scene, 0-based, always within the deck. */
  index: Accessor<number>;
  notesOpen: Accessor<boolean>;
  /** 'fullscreen' via the Fullscreen API; 'window' where it is refused (the app fills the window). */
  screen: Accessor<ScreenMode | null>;
  /** Enter presenter mode at a scene (must run inside a user gesture for the Fullscreen API). */
  start(index?: number): void;
  act(action: NavAction): void;
  exit(): void;
}

const reducedMotion = () => typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;

function isEditable(t: EventTarget | null): boolean {
  if (!(t instanceof HTMLElement)) return false;
  return t.isContentEditable || t instanceof HTMLInputElement || t instanceof HTMLTextAreaElement || t instanceof HTMLSelectElement;
}

export function createPresenter(o: PresenterOptions): Presenter {
  const [active, setActive] = createSignal(false);
  const [rawIndex, setRawIndex] = createSignal(0);
  const [notesOpen, setNotesOpen] = createSignal(false);
  const [screen, setScreen] = createSignal<ScreenMode | null>(null);
  // The state from before presenting, restored exactly on exit.
  let before: SceneState | null = null;

  const count = () => o.deck().scenes.length;
  const index = () => clampIndex(rawIndex(), count());
  const show = (i: number, animate: boolean) => {
    const s = o.deck().scenes[i];
    if (s) o.host.applyState(s.state, { animate: animate && !reducedMotion() });
  };

  const start = (i = rawIndex()) => {
    if (count() === 0) return;
    if (!active()) before = o.host.captureState();
    setRawIndex(clampIndex(i, count()));
    setActive(true);
    const el = o.root?.() ?? document.documentElement;
    if (!document.fullscreenElement && document.fullscreenEnabled && typeof el.requestFullscreen === 'function') {
      // Requested synchronously, inside the user's gesture; refused (iframe, policy, no gesture
      // as when opened from a link) → the overlay fills the window instead.
      setScreen('fullscreen');
      el.requestFullscreen({ navigationUI: 'hide' }).catch(() => setScreen('window'));
    } else setScreen(document.fullscreenElement ? 'fullscreen' : 'window');
    show(index(), true);
  };

  const exit = () => {
    if (!active()) return;
    setActive(false);
    setNotesOpen(false);
    setScreen(null);
    if (document.fullscreenElement) document.exitFullscreen().catch(() => undefined);
    if (before) o.host.applyState(before, { animate: false });
    before = null;
    o.onExit?.();
  };

  const act = (a: NavAction) => {
    if (!active()) return;
    if (a === 'exit') return exit();
    if (a === 'notes') return void setNotesOpen((v) => !v);
    const i = nextIndex(index(), a, count());
    if (i !== index()) {
      setRawIndex(i);
      show(i, true);
    }
  };

  // Capture phase, so presenter keys win over the app's own (its Esc clears the selection, which
  // would undo the restore) and are stopped before they reach it.
  const onKey = (e: KeyboardEvent) => {
    if (e.defaultPrevented) return;
    if (!active()) {
      if ((e.key === 'p' || e.key === 'P') && !e.ctrlKey && !e.altKey && !e.metaKey && !isEditable(e.target)) {
        e.preventDefault();
        start();
      }
      return;
    }
    const a = eventToAction(e);
    if (!a || (isEditable(e.target) && a !== 'exit')) return;
    e.preventDefault();
    e.stopImmediatePropagation();
    act(a);
  };
  // In full screen the browser takes Esc itself and only leaves full screen: treat that as leaving.
  const onFullscreen = () => {
    if (active() && screen() === 'fullscreen' && !document.fullscreenElement) exit();
  };
  window.addEventListener('keydown', onKey, { capture: true });
  document.addEventListener('fullscreenchange', onFullscreen);
  onCleanup(() => {
    window.removeEventListener('keydown', onKey, { capture: true });
    document.removeEventListener('fullscreenchange', onFullscreen);
  });

  return { active, index, notesOpen, screen, start, act, exit };
}
