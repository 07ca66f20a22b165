// Coverage over time: the "as of" date control (recomputes the whole panel for that day) and the
// chart of coverage by approval date for the nine together or one unit.
import { For, Show, createMemo, createSignal } from 'solid-js';
import type { CoverageTimeline } from '../coverage/timeline';
import { CoverageChart } from './CoverageChart';
import { t } from '../i18n';
import { formatDay } from './format-day';

export interface TimelineSectionProps {
  asOf: string | null;
  onAsOf: (date: string | null) => void;
  timeline: CoverageTimeline | null;
  busy: boolean;
  demo: boolean;
  disabled: boolean;
  /** The chart is open (its series is computed only then). */
  chartOpen: boolean;
  onChartOpen: (open: boolean) => void;
}

const today = () => new Date().toISOString().slice(0, 10);

export function TimelineSection(props: TimelineSectionProps) {
  const [subject, setSubject] = createSignal<string>('slated');
  const series = createMemo(() => {
    const tl = props.timeline;
    if (!tl || tl.dates.length === 0) return null;
    const u = subject() === 'slated' ? null : tl.units.find((x) => x.unit_id === subject());
    return { name: u ? u.name : t('chartNine'), coverage: u ? u.coverage : tl.slated.coverage, crossed: u ? u.crossed : tl.slated.crossed };
  });
  return (
    <section class="timeline-section" aria-labelledby="timeline-title" data-testid="timeline">
      <h3 id="timeline-title">{t('asOfTitle')}</h3>
      <div class="row">
        <label class="as-of">
          {t('asOfLabel')}{' '}
          <input type="date" value={props.asOf ?? ''} max="2100-12-31" min="1990-01-01" disabled={props.disabled}
            onChange={(e) => props.onAsOf(/^\d{4}-\d{2}-\d{2}$/.test(e.currentTarget.value) ? e.currentTarget.value : null)} />
        </label>
        <button type="button" onClick={() => props.onAsOf(null)} disabled={props.disabled || props.asOf === null}>{t('asOfClear')}</button>
      </div>
      <p class="note">{t('asOfHint')}</p>
      <Show when={props.demo}>
        <p class="demo-note" role="note">{t('chartDemo')}</p>
      </Show>
      <details class="chart-details" open={props.chartOpen} onToggle={(e) => props.onChartOpen(e.currentTarget.open)}>
      <summary>{t('chartShow')}</summary>
      <Show when={props.timeline} keyed fallback={<p class="note" role="status">{t('chartComputing')}</p>}>
        {(tl) => (
          <Show when={series()} keyed fallback={<p class="note">{t('chartNoDates')}</p>}>
            {(s) => (
              <>
                <label class="chart-subject">
                  {t('chartUnit')}{' '}
                  <select value={subject()} onChange={(e) => setSubject(e.currentTarget.value)}>
                    <option value="slated">{t('chartNine')}</option>
                    <For each={tl.units.filter((u) => u.slated)}>{(u) => <option value={u.unit_id}>{u.name}</option>}</For>
                  </select>
                </label>
                <CoverageChart title={t('chartTitle', { name: s.name })} dates={tl.dates} coverage={s.coverage} target={tl.target}
                  crossed={s.crossed} until={today()} asOf={props.asOf} formatDate={formatDay} />
              </>
            )}
          </Show>
        )}
      </Show>
      </details>
    </section>
  );
}
