// Coverage over time for one unit or the nine together: a step line, the target, the crossing date.
import { For, Show, createMemo } from 'solid-js';
import { chartGeometry, DEFAULT_BOX } from './chart-geometry';
import { fmt, t } from '../i18n';

export interface CoverageChartProps {
  title: string;
  dates: readonly string[];
  coverage: readonly number[];
  target: number;
  crossed: string | null;
  until: string;
  /** The "as of" date, marked with a vertical line. */
  asOf: string | null;
  /** Formats a date as the UI writes it. */
  formatDate: (d: string) => string;
}

export function CoverageChart(props: CoverageChartProps) {
  const g = createMemo(() => chartGeometry(props.dates, props.coverage, props.target, props.until, DEFAULT_BOX, props.asOf ?? undefined));
  const pct = (x: number) => `${fmt(x * 100, 0)}%`;
  const crossedIndex = () => (props.crossed ? props.dates.indexOf(props.crossed) : -1);
  const last = () => props.coverage[props.coverage.length - 1] ?? 0;
  return (
    <figure class="coverage-chart" data-testid="coverage-chart">
      <svg viewBox={`0 0 ${DEFAULT_BOX.width} ${DEFAULT_BOX.height}`} role="img"
        aria-label={`${props.title}: ${pct(last())}; ${props.crossed ? t('chartCrossed', { date: props.formatDate(props.crossed) }) : t('chartNotCrossed')}`}>
        <For each={g().yTicks}>
          {(tk) => (
            <>
              <line class="grid" x1={DEFAULT_BOX.left} x2={DEFAULT_BOX.width - DEFAULT_BOX.right} y1={tk.y} y2={tk.y} />
              <text class="tick" x={DEFAULT_BOX.left - 4} y={tk.y + 3} text-anchor="end">{pct(tk.value)}</text>
            </>
          )}
        </For>
        <For each={g().xTicks}>
          {(tk) => <text class="tick" x={tk.x} y={DEFAULT_BOX.height - 6} text-anchor="middle">{tk.year}</text>}
        </For>
        <line class="target" x1={DEFAULT_BOX.left} x2={DEFAULT_BOX.width - DEFAULT_BOX.right} y1={g().targetY} y2={g().targetY} />
        <text class="target-label" x={DEFAULT_BOX.width - DEFAULT_BOX.right} y={g().targetY - 3} text-anchor="end">{t('chartTarget', { target: pct(props.target) })}</text>
        <path class="series" d={g().path} />
        <Show when={g().markX !== null && props.asOf}>
          <line class="as-of-mark" x1={g().markX!} x2={g().markX!} y1={DEFAULT_BOX.top} y2={DEFAULT_BOX.height - DEFAULT_BOX.bottom} />
          <text class="as-of-label" x={g().markX! + 3} y={DEFAULT_BOX.top + 10}>{props.formatDate(props.asOf!)}</text>
        </Show>
        <Show when={crossedIndex() >= 0}>
          <circle class="crossed" cx={g().xs[crossedIndex()]} cy={g().ys[crossedIndex()]} r="4" />
        </Show>
      </svg>
      <figcaption>
        <strong>{props.title}</strong>{' · '}
        <span data-testid="chart-crossed">{props.crossed ? t('chartCrossed', { date: props.formatDate(props.crossed) }) : t('chartNotCrossed')}</span>
      </figcaption>
    </figure>
  );
}
