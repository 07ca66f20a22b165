// The "Nghị quyết / Resolution" tab: the targets table, the milestone timeline and the ward
// criteria. Plain view: the data, the live coverage and what a choice does come from the caller.
import { Show } from 'solid-js';
import type { Lang } from '../../i18n/types';
import { t, tl } from '../../i18n';
import type { Milestone, ResolutionFile } from '../../resolution/types';
import { TargetsTable, type LiveCoverage } from './TargetsTable';
import { Timeline } from './Timeline';
import { CriteriaTable } from './CriteriaTable';
import { dateText } from './format';
import './resolution.css';

export interface ResolutionPanelProps {
  data: ResolutionFile | undefined;
  error: string | null;
  lang: Lang;
  coverage: LiveCoverage | null;
  wards: ReadonlySet<string>;
  milestone: string | null;
  onMilestone: (m: Milestone | null) => void;
  onOpenCoverage: () => void;
}

export function ResolutionPanel(props: ResolutionPanelProps) {
  const l = () => props.lang;
  const selected = () => props.data?.milestones.find((m) => m.id === props.milestone);
  return (
    <section class="resolution" aria-labelledby="resolution-title">
      <Show when={props.error}>
        <p class="error" role="alert">{t('resolutionLoadError', undefined, l())}: {props.error}</p>
      </Show>
      <Show when={props.data} fallback={<Show when={!props.error}><p role="status">{t('resolutionLoading', undefined, l())}</p></Show>}>
        {(d) => (
          <>
            <h2 id="resolution-title">{t('resolutionTitle', { doc: d().resolution.document, date: dateText({ date: d().resolution.date }, l()) }, l())}</h2>
            <p class="note">{tl(d().about, l())}</p>
            <div class="table-wrap">
              <TargetsTable data={d()} lang={l()} coverage={props.coverage} onOpenCoverage={props.onOpenCoverage} />
            </div>
            <h2>{t('timelineTitle', undefined, l())}</h2>
            <p class="note">{t('timelineHint', undefined, l())}</p>
            <Show when={selected()}>
              {(m) => (
                <p class="milestone-shown" role="status">
                  {t('showingMilestone', { label: tl(m().label, l()), period: m().period, n: m().units.length }, l())}{' '}
                  <button type="button" class="small" onClick={() => props.onMilestone(null)}>{t('clearMilestone', undefined, l())}</button>
                </p>
              )}
            </Show>
            <Timeline milestones={d().milestones} lang={l()} selected={props.milestone} onSelect={props.onMilestone} />
            <h2>{t('criteriaTitle', undefined, l())}</h2>
            <CriteriaTable data={d()} lang={l()} wards={props.wards} />
          </>
        )}
      </Show>
    </section>
  );
}
