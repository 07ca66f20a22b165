// Ward criteria unit by unit: each of the 17 units' official area and population (with source)
// against the thresholds for a phường of a thị xã, and the thị xã's own checks. A figure below a
// threshold is flagged with what the sources say about the exception; a missing figure shows as
// missing, never as a guess.
import { For, Show } from 'solid-js';
import type { Lang } from '../../i18n/types';
import { t, tl, type MessageKey } from '../../i18n';
import type { CriteriaSet, Criterion, Figure, ResolutionFile, UnitFigures } from '../../resolution/types';
import { evaluateCriterion, evaluateTown, unitMeasureValue, type CriterionOutcome } from '../../resolution/status';
import { num, opSymbol, sourceText, unitText } from './format';

export interface CriteriaTableProps {
  data: ResolutionFile;
  lang: Lang;
  /** Ids of the units that became wards in 2024. */
  wards: ReadonlySet<string>;
}

const UNIT_MEASURES = ['area_km2', 'population', 'infrastructure_recognised'] as const;

function thresholdText(c: Criterion | undefined, lang: Lang): string {
  if (!c) return '';
  if (c.value === null) return t('thresholdUnknown', undefined, lang);
  const v = typeof c.value === 'number' ? `${num(c.value, lang)} ${unitText(c.unit, lang)}`.trim()
    : typeof c.value === 'boolean' ? t(c.value ? 'yesShort' : 'noShort', undefined, lang)
    : c.value.join(', ');
  return t('threshold', { op: c.comparator === 'in' ? opSymbol('in') : opSymbol(c.comparator), value: v }, lang);
}

function FigureCell(props: { figure: Figure<number | boolean>; outcome: CriterionOutcome; lang: Lang; notes: UnitFigures['notes'] }) {
  const f = () => props.figure;
  const text = () => {
    const v = f().value;
    return v === null ? null : typeof v === 'boolean' ? t(v ? 'yesShort' : 'noShort', undefined, props.lang) : num(v, props.lang);
  };
  return (
    <td class={`outcome-${props.outcome}`} data-outcome={props.outcome}>
      <Show when={text()} fallback={<span class="gap">{t('noFigure', undefined, props.lang)}</span>}>
        <span class="value">{text()}</span>
        <Show when={props.outcome === 'below'}>
          {' '}<span class="flag" role="img" aria-label={t('outcome.below', undefined, props.lang)}>⚠</span>
        </Show>
        <span class="source note">
          {' '}{sourceText(f().source, props.lang)}
          <Show when={f().confidence}>{' '}<abbr class={`conf conf-${f().confidence}`} title={t(`conf.${f().confidence}` as MessageKey, undefined, props.lang)}>{f().confidence}</abbr></Show>
        </span>
      </Show>
    </td>
  );
}

export function CriteriaTable(props: CriteriaTableProps) {
  const l = () => props.lang;
  const set = (): CriteriaSet | undefined => props.data.criteria.find((s) => s.applies_to === 'phuong_of_thi_xa');
  const town = (): CriteriaSet | undefined => props.data.criteria.find((s) => s.applies_to === 'thi_xa');
  const criterion = (measure: string) => set()?.criteria.find((c) => c.measure === measure);
  const outcome = (u: UnitFigures, measure: (typeof UNIT_MEASURES)[number]) => {
    const c = criterion(measure);
    return c ? evaluateCriterion(c, unitMeasureValue(u, measure)) : 'missing';
  };
  return (
    <div class="criteria">
      <Show when={set()}>
        {(s) => <p class="note">{t('criteriaIntro', { law: s().law, article: s().article }, l())}</p>}
      </Show>
      <div class="table-wrap">
        <table class="resolution-table criteria-table" data-testid="criteria-table">
          <thead>
            <tr>
              <th scope="col">{t('colUnitName', undefined, l())}</th>
              <th scope="col">{t('colBecameWard', undefined, l())}</th>
              <th scope="col">{t('colAreaKm2', undefined, l())}<br /><span class="note">{thresholdText(criterion('area_km2'), l())}</span></th>
              <th scope="col">{t('colPopulation', undefined, l())}<br /><span class="note">{thresholdText(criterion('population'), l())}</span></th>
              <th scope="col">{t('colInfrastructure', undefined, l())}</th>
            </tr>
          </thead>
          <tbody>
            <For each={props.data.unit_figures}>
              {(u) => (
                <tr data-unit={u.unit_id}>
                  <th scope="row">
                    {u.name}
                    <For each={u.notes}>{(n) => <p class="note unit-note">{tl(n, l())}</p>}</For>
                  </th>
                  <td>{t(props.wards.has(u.unit_id) ? 'yesShort' : 'noShort', undefined, l())}</td>
                  <For each={UNIT_MEASURES}>
                    {(m) => <FigureCell figure={u[m]} outcome={outcome(u, m)} lang={l()} notes={u.notes} />}
                  </For>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
      <Show when={town()}>
        {(ts) => (
          <>
            <h3>{t('townChecksTitle', undefined, l())}</h3>
            <table class="resolution-table town-table" data-testid="town-criteria">
              <thead>
                <tr>
                  <th scope="col">{t('colCriterion', undefined, l())}</th>
                  <th scope="col">{t('colValue', undefined, l())}</th>
                  <th scope="col">{t('colOutcome', undefined, l())}</th>
                </tr>
              </thead>
              <tbody>
                <For each={evaluateTown(ts(), props.data.town_figures)}>
                  {(r) => {
                    const c = ts().criteria.find((x) => x.id === r.criterion_id)!;
                    return (
                      <tr data-criterion={c.id} data-outcome={r.outcome}>
                        <th scope="row">
                          {tl(c.label, l())}<br /><span class="note">{thresholdText(c, l())} · {c.article}{' '}
                            <abbr class={`conf conf-${c.confidence}`} title={t(`conf.${c.confidence}` as MessageKey, undefined, l())}>{c.confidence}</abbr></span>
                        </th>
                        <td>{r.value === null ? <span class="gap">{t('noFigure', undefined, l())}</span> : typeof r.value === 'number' ? num(r.value, l(), 1) : String(r.value)}</td>
                        <td class={`outcome-${r.outcome}`}>{t(`outcome.${r.outcome}` as MessageKey, undefined, l())}</td>
                      </tr>
                    );
                  }}
                </For>
              </tbody>
            </table>
            <For each={props.data.town_figures.notes}>{(n) => <p class="note">{tl(n, l())}</p>}</For>
          </>
        )}
      </Show>
    </div>
  );
}
