// Presenter mode's chrome over the map: the overlay (title, legend, progress, notes) and, when the
// scene asks for one, a panel of the Resolution view.
import { Show, createSignal, lazy } from 'solid-js';
import { lang } from '../i18n';
import { PresenterOverlay } from './presenter/PresenterOverlay';
import { NARROW_PX } from '../app/layout';
import type { createShowFeature } from './show-feature';
import type { createResolution } from '../app/resolution';

// Loaded with the first scene that shows a panel of the Resolution view.
const ScenePanel = lazy(() => import('./resolution/ScenePanel').then((m) => ({ default: m.ScenePanel })));

export function Presentation(props: { show: ReturnType<typeof createShowFeature>; resolution: ReturnType<typeof createResolution> }) {
  const presenter = () => props.show.presenter;
  const scene = () => (presenter().active() ? props.show.deck().scenes[presenter().index()] : undefined);
  // A scene's Resolution panel covers the map on a phone: there it starts folded behind a button.
  const [panelOpen, setPanelOpen] = createSignal(typeof window === 'undefined' || window.innerWidth >= NARROW_PX);
  return (
    <Show when={scene()}>
      {(sc) => (
        <>
          <PresenterOverlay deck={props.show.deck()} index={presenter().index()} lang={lang()} notesOpen={presenter().notesOpen()}
            legend={props.show.legendFor(sc().state.layers, sc().state.period)} onAction={presenter().act}
            panelToggle={sc().state.panel ? { open: panelOpen(), onToggle: () => setPanelOpen((o) => !o) } : undefined} />
          <Show when={panelOpen() && sc().state.panel}>
            {(kind) => <ScenePanel kind={kind()} data={props.resolution.data()} lang={lang()} coverage={props.resolution.live()} />}
          </Show>
        </>
      )}
    </Show>
  );
}
