// The user's proposals in the coverage tab: the drawing tools (bilingual buttons, each reachable by
// keyboard; a rectangle can be added at the map's centre without a pointer), what the proposals
// change ("Bích Động 72,4% → 81,0% với đề xuất"), the list with name, level and status, and the
// files. Plain view: every action is the caller's. Loaded with the coverage tab's first use.
import { For, Show } from 'solid-js';
import type { DrawTool } from '../map/draw';
import type { Drawing, Proposals } from '../app/proposals';
import type { ProposalEffect } from '../app/coverage-view';
import type { ExportCrs } from '../proposals/export';
import { areaHa } from '../proposals/feature';
import { PLAN_LEVELS, PLAN_STATUSES, LEVEL_LABELS, STATUS_LABELS, type PlanLevel, type PlanStatus } from '../plans/vocabulary';
import { t, tl, fmt, type MessageKey } from '../i18n';

export interface ProposalPanelProps {
  proposals: Proposals;
  drawing: Drawing;
  /** Units whose coverage the counting proposals change. */
  effects: readonly ProposalEffect[];
  /** Whether proposals count (the coverage option). */
  counting: boolean;
  onCounting: (on: boolean) => void;
  onZoom: (id: string) => void;
  onExport: (crs: ExportCrs) => void;
}

const pct = (x: number) => `${fmt(x * 100, 1)}%`;
const TOOLS: readonly [DrawTool, MessageKey, string][] = [['polygon', 'drawPolygon', '⬠'], ['rectangle', 'drawRectangle', '▭'], ['select', 'drawSelect', '↖']];

export function ProposalPanel(props: ProposalPanelProps) {
  const p = () => props.proposals;
  const d = () => props.drawing;
  return (
    <section class="proposals" aria-labelledby="proposals-title" data-testid="proposals">
      <h3 id="proposals-title">{t('proposalsTitle')}</h3>
      <p class="note">{t('proposalsIntro')}</p>
      <label class="switch">
        <input type="checkbox" role="switch" checked={props.counting} onChange={(e) => props.onCounting(e.currentTarget.checked)} />
        {t('proposalsCount')}
      </label>

      <div class="draw-toolbar" role="group" aria-label={t('drawTools')}>
        <For each={TOOLS}>
          {([tool, label, icon]) => (
            <button type="button" class="small" aria-pressed={d().tool() === tool} disabled={d().loading()} onClick={() => void d().use(tool)}>
              <span aria-hidden="true">{icon} </span>{t(label)}
            </button>
          )}
        </For>
        <button type="button" class="small" onClick={() => p().undo()} disabled={!p().canUndo()}>↶ {t('proposalUndo')}</button>
        <button type="button" class="small" onClick={() => p().redo()} disabled={!p().canRedo()}>↷ {t('proposalRedo')}</button>
        <Show when={d().tool()}>
          <button type="button" class="small" onClick={() => d().close()}>✓ {t('drawDone')}</button>
        </Show>
      </div>
      <button type="button" class="small" onClick={() => void d().addAtCentre()} disabled={d().loading()}>{t('drawCentre')}</button>
      <p class="note" aria-live="polite" data-testid="draw-hint">
        {d().loading() ? t('drawLoading') : d().tool() ? t(`drawHint.${d().tool()}` as MessageKey) : ''}
      </p>
      <Show when={d().error()}>{(e) => <p class="error" role="alert">{t('drawError', { reason: e() })}</p>}</Show>
      <Show when={p().problem()}>
        {(why) => <p class="warning" role="status">{t('proposalRejected', { reason: t(`proposalProblem.${why()}` as MessageKey) })}</p>}
      </Show>
      <Show when={p().storageProblem()}>{(why) => <p class="warning" role="status">{t('proposalsStorage', { reason: why() })}</p>}</Show>

      <Show when={p().list().length > 0}>
        <h4>{t('proposalEffectsTitle')}</h4>
        <Show when={props.counting} fallback={<p class="note">{t('proposalsNotCounted')}</p>}>
          <Show when={props.effects.length > 0} fallback={<p class="note">{t('proposalEffectsNone')}</p>}>
            <ul class="proposal-effects" data-testid="proposal-effects" aria-live="polite">
              <For each={props.effects}>
                {(e) => (
                  <li data-unit={e.id} classList={{ crosses: e.meets && !e.baseMeets }}>
                    {t('proposalEffect', { unit: e.name, base: pct(e.base), with: pct(e.coverage) })}
                  </li>
                )}
              </For>
            </ul>
          </Show>
        </Show>
        <h4>{t('proposalsList')}</h4>
        <ul class="proposal-list">
          <For each={p().list()}>
            {(item) => (
              <li data-proposal={item.id} classList={{ selected: p().selected() === item.id }}>
                <input type="text" class="proposal-name" value={item.name} aria-label={t('proposalName')} maxLength={120}
                  onFocus={() => p().select(item.id)} onChange={(e) => p().update(item.id, { name: e.currentTarget.value })} />
                <span class="proposal-area">{t('proposalArea', { ha: fmt(areaHa(item), 2) })}</span>
                <label>
                  <span class="visually-hidden">{t('proposalLevel')}</span>
                  <select onChange={(e) => p().update(item.id, { level: e.currentTarget.value as PlanLevel })}>
                    <For each={PLAN_LEVELS}>{(l) => <option value={l} selected={item.level === l}>{tl(LEVEL_LABELS[l])}</option>}</For>
                  </select>
                </label>
                <label>
                  <span class="visually-hidden">{t('proposalStatus')}</span>
                  <select onChange={(e) => p().update(item.id, { status: e.currentTarget.value as PlanStatus })}>
                    <For each={PLAN_STATUSES}>{(s) => <option value={s} selected={item.status === s}>{tl(STATUS_LABELS[s])}</option>}</For>
                  </select>
                </label>
                <span class="proposal-actions">
                  <button type="button" class="small" aria-label={t('proposalOf', { action: t('proposalEditShape'), name: item.name })} onClick={() => void d().edit(item.id)}>{t('proposalEditShape')}</button>
                  <button type="button" class="small" aria-label={t('proposalOf', { action: t('proposalZoom'), name: item.name })} onClick={() => props.onZoom(item.id)}>{t('proposalZoom')}</button>
                  <button type="button" class="small danger" aria-label={t('proposalOf', { action: t('proposalDelete'), name: item.name })} onClick={() => p().remove(item.id)}>{t('proposalDelete')}</button>
                </span>
              </li>
            )}
          </For>
        </ul>
        <div class="row">
          <button type="button" class="small" onClick={() => props.onExport('EPSG:4326')}>{t('proposalsExport4326')}</button>
          <button type="button" class="small" onClick={() => props.onExport('EPSG:9214')}>{t('proposalsExport9214')}</button>
        </div>
      </Show>
      <Show when={p().list().length === 0}><p class="note">{t('proposalsEmpty')}</p></Show>
    </section>
  );
}
