// Coverage over time as the app uses it: asked of the coverage worker when the chart is open and
// the data or the counting rules change — not when only the "as of" date moves (the series does not
// depend on it). Latest request wins.
import { createEffect, createSignal, on, type Accessor } from 'solid-js';
import type { CoverageTimeline } from '../coverage/timeline';

export function createTimeline(d: {
  fetch: () => Promise<CoverageTimeline>;
  /** Changes whenever the series would: the units, the registers, proposals, levels, statuses, target. */
  inputs: Accessor<unknown>;
  /** The engine has a result (it has been initialised) and someone looks at the chart. */
  wanted: Accessor<boolean>;
}) {
  const [timeline, setTimeline] = createSignal<CoverageTimeline | null>(null);
  const [busy, setBusy] = createSignal(false);
  let latest = 0;
  let fetchedFor: unknown = undefined;
  createEffect(
    on([d.inputs, d.wanted], ([inputs, wanted]) => {
      if (!wanted || inputs === fetchedFor) return;
      fetchedFor = inputs;
      const ticket = ++latest;
      setBusy(true);
      d.fetch().then(
        (tl) => {
          if (ticket !== latest) return;
          setTimeline(tl);
          setBusy(false);
        },
        () => {
          // The chart says it is still missing; the coverage panel reports engine errors itself.
          if (ticket !== latest) return;
          fetchedFor = undefined;
          setBusy(false);
        },
      );
    }),
  );
  return { timeline, busy };
}
