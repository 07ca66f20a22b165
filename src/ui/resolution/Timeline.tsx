// The plan's milestones, planned against actual: a strip from 2021 to 2026 (planned periods as bars,
// actual dates as dots) and a list whose badges say on time / late / early / no record at a glance.
// Choosing a milestone sets the map's period and highlights the units it names.
import { For, Show } from 'solid-js';
import type { Lang } from '../../i18n/types';
import { t, tl, type MessageKey } from '../../i18n';
import type { Milestone } from '../../resolution/types';
import { daysLate, milestoneLateness } from '../../resolution/status';
import { intervalOf } from '../../resolution/dates';
import { dateText } from './format';

export interface TimelineProps {
  milestones: readonly Milestone[];
  lang: Lang;
  selected: string | null;
  onSelect?: (m: Milestone) => void;
  compact?: boolean;
}

const DAY = 86_400_000;
const START = Date.UTC(2021, 0, 1) / DAY;
const END = Date.UTC(2026, 0, 1) / DAY;
const x = (day: number) => Math.max(0, Math.min(100, ((day - START) / (END - START)) * 100));

/** Milestones in the order they happened (or were due). */
export function chronological(ms: readonly Milestone[]): Milestone[] {
  const key = (m: Milestone) => intervalOf(m.actual ?? m.planned ?? { date: '2100', precision: 'year' })?.start ?? Infinity;
  return [...ms].sort((a, b) => key(a) - key(b));
}

export function Timeline(props: TimelineProps) {
  const l = () => props.lang;
  const items = () => chronological(props.milestones);
  return (
    <div class="timeline" classList={{ compact: !!props.compact }}>
      <svg class="timeline-strip" viewBox="0 0 100 14" preserveAspectRatio="none" aria-hidden="true">
        <For each={[2021, 2022, 2023, 2024, 2025, 2026]}>
          {(y) => <line x1={x(Date.UTC(y, 0, 1) / DAY)} x2={x(Date.UTC(y, 0, 1) / DAY)} y1="0" y2="14" class="year-tick" />}
        </For>
        <For each={items()}>
          {(m, i) => {
            const p = m.planned ? intervalOf(m.planned) : null;
            const a = m.actual ? intervalOf(m.actual) : null;
            const row = 2 + (i() % 3) * 4;
            return (
              <>
                <Show when={p}>{(pp) => <rect x={x(pp().start)} y={row - 1} width={Math.max(0.6, x(pp().end + 1) - x(pp().start))} height="2" class="planned-bar" />}</Show>
                <Show when={a}>{(aa) => <circle cx={x(aa().start)} cy={row} r="1.3" class={`actual-dot lateness-${milestoneLateness(m.planned, m.actual)}`} />}</Show>
              </>
            );
          }}
        </For>
      </svg>
      <ol class="milestones">
        <For each={items()}>
          {(m) => {
            const lateness = () => milestoneLateness(m.planned, m.actual);
            const days = () => daysLate(m.planned, m.actual);
            return (
              <li data-milestone={m.id} data-lateness={lateness()} classList={{ selected: props.selected === m.id }}>
                <button type="button" disabled={!props.onSelect} aria-pressed={props.selected === m.id} onClick={() => props.onSelect?.(m)}>
                  <span class="milestone-label">{tl(m.label, l())}</span>
                  <span class="milestone-dates">
                    {t('planned', undefined, l())}: {m.planned ? dateText(m.planned, l()) : t('notScheduled', undefined, l())}
                    {' · '}
                    {t('actual', undefined, l())}: {m.actual ? dateText(m.actual, l()) : <span class="gap">{t('noRecord', undefined, l())}</span>}
                  </span>
                  <span class={`lateness lateness-${lateness()}`}>
                    {t(`lateness.${lateness()}` as MessageKey, undefined, l())}
                    <Show when={days() && lateness() !== 'on_time'}>
                      {' '}({days()! > 0 ? t('daysLate', { n: days()! }, l()) : t('daysEarly', { n: -days()! }, l())})
                    </Show>
                  </span>
                  <Show when={!props.compact && m.units.length > 0}>
                    <span class="note"> · {t('namesUnits', { n: m.units.length }, l())}</span>
                  </Show>
                  <Show when={!props.compact && m.document}>
                    <span class="note"> · {m.document}</span>
                  </Show>
                </button>
              </li>
            );
          }}
        </For>
      </ol>
    </div>
  );
}
