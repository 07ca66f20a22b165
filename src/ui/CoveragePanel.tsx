import { For, Show, createMemo, createSignal, type JSX } from 'solid-js';
import type { CoverageOptions, CoverageResult, UnitCoverage } from '../coverage/types';
import { PLAN_LEVELS as LEVELS, PLAN_STATUSES as STATUSES, LEVEL_LABELS, STATUS_LABELS } from '../plans/vocabulary';
import { t, tl, fmt } from '../i18n';
import type { MessageKey } from '../i18n';
import { sortRows, type Sort, type SortKey } from './coverage-table';
import { formatDay } from './format-day';

export interface CoveragePanelProps {
  result: CoverageResult | null;
  busy: boolean;
  /** The engine's last error (the previous result, if any, stays on screen). */
  error?: string | null;
  options: CoverageOptions;
  demoRegister: boolean;
  onDemoRegister: (v: boolean) => void;
  /** Names of the plan registers counted, and of the unit boundaries used. */
  registers: string[];
  unitsName: string;
  coverageMode: boolean;
  selectedUnit: string | null;
  onOptions: (o: Partial<CoverageOptions>) => void;
  onCoverageMode: (on: boolean) => void;
  onSelectUnit: (id: string) => void;
  onExport: (rows: UnitCoverage[]) => void;
  /** A result opened from a file (computed in PostGIS): its name and the boundaries drawn for it. */
  external?: ExternalView | null;
  onLiveEngine?: () => void;
  /** The user's proposals (drawing tools, list, what they change): shown under the headline. */
  proposals?: JSX.Element;
}

export interface ExternalView {
  fileName: string;
  /** The boundaries whose ids match the result's units, if any. */
  unitsName: string | null;
  matched: number;
  total: number;
}

const pct = (x: number) => `${fmt(x * 100, 1)}%`;
const ha = (m2: number) => fmt(m2 / 10_000, 1);

function toggle<T>(list: readonly T[], v: T, on: boolean): T[] {
  return on ? [...new Set([...list, v])] : list.filter((x) => x !== v);
}

/** The planners' view: headline, filters, target, sortable table, CSV export. */
export function CoveragePanel(props: CoveragePanelProps) {
  const [sort, setSort] = createSignal<Sort>({ key: 'coverage', dir: 'asc' });
  const rows = createMemo(() => (props.result ? sortRows(props.result.units, sort()) : []));
  const slatedTotal = () => props.result?.totals.slated;
  const targetPct = () => Math.round(props.options.target * 1000) / 10;
  const excludedByReason = createMemo(() => {
    const m = new Map<string, number>();
    for (const e of props.result?.plans.excluded ?? []) m.set(e.reason, (m.get(e.reason) ?? 0) + 1);
    return [...m.entries()];
  });

  // Secondary columns (`sec`) give way when the panel is narrow (a container query in styles.css):
  // unit, coverage and whether it meets the target always show.
  const header = (key: SortKey, label: MessageKey, numeric = false, secondary = false) => (
    <th scope="col" aria-sort={sort().key === key ? (sort().dir === 'asc' ? 'ascending' : 'descending') : 'none'}
      class={`col-${key}${numeric ? ' num' : ''}${secondary ? ' sec' : ''}`}>
      <button type="button" class="sort" onClick={() => setSort((s) => ({ key, dir: s.key === key && s.dir === 'asc' ? 'desc' : 'asc' }))}>
        {t(label)}
        <span aria-hidden="true">{sort().key === key ? (sort().dir === 'asc' ? ' ▲' : ' ▼') : ''}</span>
      </button>
    </th>
  );

  return (
    <section class="coverage-panel" aria-labelledby="coverage-title">
      <h2 id="coverage-title">{t('tabCoverage')}</h2>
      <p class="note">{t('coverageIntro')}</p>
      <Show when={props.external} keyed>
        {(x) => (
          <div class="external-result" role="status" data-testid="external-result">
            <p><strong>{t('externalResult', { file: x.fileName })}</strong></p>
            <p class="note">{t('externalResultHint')}</p>
            <p class="note" data-testid="external-units">
              {x.unitsName ? t('externalUnits', { name: x.unitsName, matched: x.matched, total: x.total }) : t('externalNoUnits')}
            </p>
            <button type="button" onClick={() => props.onLiveEngine?.()}>{t('backToLiveEngine')}</button>
          </div>
        )}
      </Show>
      <Show when={props.demoRegister && !props.external}>
        <p class="demo-warning" role="note">{t('demoRegister')}</p>
      </Show>
      <p class="note" data-testid="coverage-inputs">
        {t('registerInUse', { names: props.registers.length ? props.registers.join(', ') : t('noRegister') })} · {t('unitsInUse', { name: props.unitsName })}
      </p>
      <Show when={!props.external}>
        <label class="switch">
          <input type="checkbox" checked={props.demoRegister} onChange={(e) => props.onDemoRegister(e.currentTarget.checked)} />
          {t('useDemoRegister')}
        </label>
      </Show>
      <Show when={props.error}>
        <p class="error" role="alert">{t('coverageError')}: {props.error}</p>
      </Show>
      <p class="headline" data-testid="coverage-headline" aria-live="polite">
        <Show when={slatedTotal()} keyed fallback={t('computing')}>
          {(s) => t('coverageHeadline', { n: s.units_meeting_target, total: s.units, target: fmt(targetPct(), targetPct() % 1 ? 1 : 0) })}
        </Show>
        <Show when={props.busy}>
          <span class="busy"> · {t('computing')}</span>
        </Show>
      </p>

      <Show when={!props.external}>{props.proposals}</Show>

      <Show when={props.result?.as_of} keyed>
        {(d) => <p class="as-of-active" role="note" data-testid="as-of-active">{t('asOfActive', { date: formatDay(d) })}</p>}
      </Show>
      <fieldset class="filters" disabled={!!props.external}>
        <legend>{t('countLevels')}</legend>
        <For each={LEVELS}>
          {(l) => (
            <label>
              <input type="checkbox" checked={props.options.levels.includes(l)}
                onChange={(e) => props.onOptions({ levels: toggle(props.options.levels, l, e.currentTarget.checked) })} />
              {tl(LEVEL_LABELS[l])}
            </label>
          )}
        </For>
      </fieldset>
      <fieldset class="filters" disabled={!!props.external}>
        <legend>{t('countStatuses')}</legend>
        <For each={STATUSES}>
          {(s) => (
            <label>
              <input type="checkbox" checked={props.options.statuses.includes(s)}
                onChange={(e) => props.onOptions({ statuses: toggle(props.options.statuses, s, e.currentTarget.checked) })} />
              {tl(STATUS_LABELS[s])}
            </label>
          )}
        </For>
      </fieldset>
      <div class="row">
        <label class="target">
          {t('target')}{' '}
          <input type="number" min="0" max="100" step="1" value={targetPct()} disabled={!!props.external}
            onChange={(e) => {
              const v = e.currentTarget.valueAsNumber;
              if (Number.isFinite(v) && v >= 0 && v <= 100) props.onOptions({ target: v / 100 });
              else e.currentTarget.value = String(targetPct());
            }} />
        </label>
        <label class="switch">
          <input type="checkbox" role="switch" checked={props.coverageMode} onChange={(e) => props.onCoverageMode(e.currentTarget.checked)} />
          {t('coverageMap')}
        </label>
      </div>
      <Show when={props.result} keyed>
        {(r) => (
          <p class="note" data-testid="plans-counted">
            {t('plansCounted', { counted: r.plans.counted, excluded: r.plans.excluded.length })}
            <For each={excludedByReason()}>{([reason, n]) => <span> · {t(`reason.${reason}` as MessageKey)}: {n}</span>}</For>
          </p>
        )}
      </Show>

      <div class="table-wrap">
        <table class="coverage-table">
          <thead>
            <tr>
              {header('name', 'colUnit')}
              {header('slated', 'colSlated', false, true)}
              {header('area', 'colArea', true, true)}
              {header('covered', 'colCovered', true, true)}
              {header('coverage', 'colCoverage', true)}
              <th scope="col" class="col-meets">{t('colMeets')}</th>
              {header('plans', 'colPlans', true, true)}
            </tr>
          </thead>
          <tbody>
            <For each={rows()}>
              {(u) => (
                <tr data-unit={u.id} classList={{ selected: props.selectedUnit === u.id, slated: u.slated }}
                  aria-selected={props.selectedUnit === u.id}>
                  <th scope="row">
                    <button type="button" class="row-button" onClick={() => props.onSelectUnit(u.id)}>{u.name}</button>
                  </th>
                  <td class="sec">{u.slated ? t('yes') : t('no')}</td>
                  <td class="num sec">{ha(u.area_m2)}</td>
                  <td class="num sec">{ha(u.covered_m2)}</td>
                  <td class="num coverage-cell" data-coverage={u.coverage}>
                    {/* Units the counting proposals touch: coverage without them → with them. */}
                    <Show when={u.base_coverage !== undefined}>
                      <span class="base-pct" title={t('withoutProposals')}>{pct(u.base_coverage!)}</span>
                      <span class="arrow" aria-hidden="true"> → </span>
                    </Show>
                    <span class="pct">{pct(u.coverage)}</span>
                    <Show when={u.base_coverage !== undefined}>
                      <span class="with-proposals">{t('withProposals')}</span>
                    </Show>
                    <span class="bar" role="img" aria-label={`${pct(u.coverage)} — ${u.meets_target ? t('meets') : t('below')}`}>
                      <span class="fill" classList={{ ok: u.meets_target }} style={{ width: `${Math.min(100, u.coverage * 100)}%` }} />
                      <span class="target-mark" style={{ left: `${props.options.target * 100}%` }} />
                    </span>
                  </td>
                  <td class="col-meets" data-meets={u.slated ? String(u.meets_target) : 'na'}>
                    {u.slated ? (u.meets_target ? `✓ ${t('meets')}` : `✗ ${t('below')}`) : <span aria-label={t('targetNotApplicable')}>—</span>}
                  </td>
                  <td class="num sec">{u.plan_ids.length}</td>
                </tr>
              )}
            </For>
          </tbody>
          <Show when={props.result} keyed>
            {(r) => (
              <tfoot>
                <For each={[['totalSlated', r.totals.slated], ['totalOther', r.totals.other], ['totalDistrict', r.totals.district]] as const}>
                  {([label, tot]) => (
                    <tr>
                      <th scope="row">{t(label)}</th>
                      <td class="sec" />
                      <td class="num sec">{ha(tot.area_m2)}</td>
                      <td class="num sec">{ha(tot.covered_m2)}</td>
                      <td class="num">{pct(tot.coverage)}</td>
                      <td class="col-meets" />
                      <td class="sec" />
                    </tr>
                  )}
                </For>
              </tfoot>
            )}
          </Show>
        </table>
      </div>
      <button type="button" class="primary" onClick={() => props.onExport(rows())} disabled={!props.result}>
        {t('exportCsv')}
      </button>
    </section>
  );
}
