// The coverage tab's second half (issue 16): gaps to the target and coverage over time. Loaded with
// its own chunk when the coverage tab is first opened.
import type { PlanningAhead } from '../app/planning-ahead';
import { state, actions } from '../state/store';
import { GapsSection } from './GapsSection';
import { TimelineSection } from './TimelineSection';

export function PlanningAheadPanel(props: { ahead: PlanningAhead; demo: boolean; disabled: boolean }) {
  const g = props.ahead.gaps;
  return (
    <>
      <GapsSection gaps={g.gaps()} largest={g.largest()} busy={g.busy()} error={g.error()} shown={!!state.visible['gaps']}
        proposals={state.coverage.proposals !== false} onShow={(v) => actions.setVisible('gaps', v)}
        onZoom={props.ahead.zoom} onExport={(k) => void props.ahead.export(k)} />
      <TimelineSection asOf={state.coverage.asOf ?? null} onAsOf={(asOf) => actions.setCoverageOptions({ asOf })}
        timeline={props.ahead.timeline.timeline()} busy={props.ahead.timeline.busy()} demo={props.demo} disabled={props.disabled}
        chartOpen={props.ahead.chartOpen()} onChartOpen={props.ahead.setChartOpen} />
    </>
  );
}
