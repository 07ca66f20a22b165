// Presenter mode's chrome over the map: the overlay (title, legend, progress, notes) and, when the
// scene asks for one, a panel of the Resolution view.
import { Show } from 'solid-js';
import { lang } from '../i18n';
import { PresenterOverlay } from './presenter/PresenterOverlay';
import { ScenePanel } from './resolution/ScenePanel';
import type { createShowFeature } from './show-feature';
import type { createResolution } from '../app/resolution';

export function Presentation(props: { show: ReturnType<typeof createShowFeature>; resolution: ReturnType<typeof createResolution> }) {
  const presenter = () => props.show.presenter;
  const scene = () => (presenter().active() ? props.show.deck().scenes[presenter().index()] : undefined);
  return (
    <Show when={scene()}>
      {(sc) => (
        <>
          <PresenterOverlay deck={props.show.deck()} index={presenter().index()} lang={lang()} notesOpen={presenter().notesOpen()}
            legend={props.show.legendFor(sc().state.layers, sc().state.period)} onAction={presenter().act} />
          <Show when={sc().state.panel}>
            {(kind) => <ScenePanel kind={kind()} data={props.resolution.data()} lang={lang()} coverage={props.resolution.live()} />}
          </Show>
        </>
      )}
    </Show>
  );
}
