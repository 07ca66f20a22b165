// The resolution's 2025 targets against the latest actual figures: goal, actual (with year),
// met / not met / no published figure, source and confidence. The detailed-plan row takes its
// value from the live coverage engine and says which register it was computed on.
import { For, Show } from 'solid-js';
import type { Lang } from '../../i18n/types';
import { t, tl, type MessageKey } from '../../i18n';
import type { ResolutionFile, Target } from '../../resolution/types';
import { latestActual, targetStatus } from '../../resolution/status';
import { dateText, fixed, goalText, num, sourceText, unitText } from './format';

export interface LiveCoverage {
  /** Coverage of the units becoming wards together, in percent. */
  percent: number;
  unitsMeeting: number;
  units: number;
  targetPercent: number;
  register: string;
  demo: boolean;
}

export interface TargetsTableProps {
  data: ResolutionFile;
  lang: Lang;
  coverage: LiveCoverage | null;
  /** Compact: fewer columns (presenter mode). */
  compact?: boolean;
  onOpenCoverage?: () => void;
}

function actualText(target: Target, lang: Lang): string | null {
  const a = latestActual(target.actuals);
  if (!a) return null;
  const value = typeof a.value === 'string' ? t('happenedOn', { date: dateText({ date: a.value }, lang) }, lang) : `${num(a.value, lang)} ${unitText(target.unit, lang)}`.trim();
  return `${value} (${a.year})`;
}

export function TargetsTable(props: TargetsTableProps) {
  const l = () => props.lang;
  const live = (target: Target) => (target.computed === 'coverage' ? props.coverage : undefined);
  const status = (target: Target) => {
    const c = live(target);
    return c === undefined ? targetStatus(target) : targetStatus(target, c?.percent ?? null);
  };
  return (
    <table class="resolution-table targets-table" classList={{ compact: !!props.compact }} data-testid="targets-table">
      <caption class="sr-only">{t('targetsCaption', undefined, l())}</caption>
      <thead>
        <tr>
          <th scope="col">{t('colTarget', undefined, l())}</th>
          <th scope="col">{t('colGoal', undefined, l())}</th>
          <th scope="col">{t('colActual', undefined, l())}</th>
          <th scope="col">{t('colStatus', undefined, l())}</th>
          <Show when={!props.compact}><th scope="col">{t('colSource', undefined, l())}</th></Show>
        </tr>
      </thead>
      <tbody>
        <For each={props.data.targets}>
          {(target) => (
            <tr data-target={target.id} data-status={status(target)}>
              <th scope="row">{tl(target.label, l())}</th>
              <td>{goalText(target, l(), t('goalUnknown', undefined, l()), (d) => t('byDate', { date: d }, l()))}</td>
              <td>
                <Show when={live(target) !== undefined} fallback={actualText(target, l()) ?? <span class="gap">{t('noFigure', undefined, l())}</span>}>
                  <Show when={live(target)} fallback={<span class="gap">{t('noFigure', undefined, l())}</span>}>
                    {(c) => (
                      <>
                        <span data-testid="live-coverage">{fixed(c().percent, l(), 1)} %</span>
                        <span class="note">
                          {' '}{t('computedUnits', { n: c().unitsMeeting, total: c().units, target: `${num(c().targetPercent, l())} %` }, l())}
                        </span>
                        <span class="note computed-from" classList={{ demo: c().demo }}>
                          {' · '}{t('computedFrom', { register: c().register }, l())}
                          <Show when={c().demo}> ({t('demoNotReal', undefined, l())})</Show>
                        </span>
                        <Show when={props.onOpenCoverage}>
                          {' '}<button type="button" class="small link" onClick={() => props.onOpenCoverage?.()}>{t('openCoverage', undefined, l())}</button>
                        </Show>
                      </>
                    )}
                  </Show>
                </Show>
              </td>
              <td><span class={`status status-${status(target)}`}>{t(`targetStatus.${status(target)}` as MessageKey, undefined, l())}</span></td>
              <Show when={!props.compact}>
                <td class="source">
                  {sourceText(latestActual(target.actuals)?.source ?? target.source, l())}
                  {' '}<abbr class={`conf conf-${target.confidence}`} title={t(`conf.${target.confidence}` as MessageKey, undefined, l())}>{target.confidence}</abbr>
                </td>
              </Show>
            </tr>
          )}
        </For>
      </tbody>
    </table>
  );
}
