// A Resolution-view panel shown over the map in presenter mode, when the scene asks for one: the
// targets (compact) or the milestone timeline.
import { Match, Show, Switch } from 'solid-js';
import type { Lang } from '../../i18n/types';
import { t } from '../../i18n';
import type { ResolutionFile } from '../../resolution/types';
import type { ScenePanel as PanelKind } from '../../presenter/types';
import { TargetsTable, type LiveCoverage } from './TargetsTable';
import { Timeline } from './Timeline';
import './resolution.css';

export function ScenePanel(props: { kind: PanelKind; data: ResolutionFile | undefined; lang: Lang; coverage: LiveCoverage | null }) {
  return (
    <aside class="scene-panel" id="scene-panel" data-panel={props.kind} aria-label={t(props.kind === 'targets' ? 'targetsCaption' : 'timelineTitle', undefined, props.lang)}>
      <Show when={props.data} fallback={<p role="status">{t('resolutionLoading', undefined, props.lang)}</p>}>
        {(d) => (
          <Switch>
            <Match when={props.kind === 'targets'}>
              <TargetsTable data={d()} lang={props.lang} coverage={props.coverage} compact />
            </Match>
            <Match when={props.kind === 'timeline'}>
              <Timeline milestones={d().milestones} lang={props.lang} selected={null} compact />
            </Match>
          </Switch>
        )}
      </Show>
    </aside>
  );
}
