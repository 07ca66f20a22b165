// Coverage as the app uses it: the inputs (units, plan registers, options) in, the worker's latest
// result out, with loading and error state. The worker answers in request order, but an answer can
// arrive after newer inputs were sent: only the reply to the latest request is shown (a ticket per
// request), so a slow old computation never overwrites a newer one.
// An external result — a coverage result file computed elsewhere, e.g. in PostGIS for a whole
// province (`npm run coverage -- --db … --format json`) — wins while it is set; the live engine
// keeps running underneath, so going back to it is immediate.
import { createEffect, createSignal, on, untrack, type Accessor } from 'solid-js';
import type { FeatureCollection } from 'geojson';
import type { CoverageClient } from '../coverage/client';
import type { CoverageOptions, CoverageResult } from '../coverage/types';

export interface CoverageInputs {
  units: Accessor<FeatureCollection | undefined>;
  plans: Accessor<FeatureCollection>;
  /** Large registers as GeoJSON text, parsed in the worker. */
  planBlobs: Accessor<readonly Blob[]>;
  /** Plain data (no store proxies: the worker cannot clone them). */
  options: Accessor<CoverageOptions>;
}

/** A coverage result opened from a file, shown instead of the live engine's. */
export interface ExternalCoverage {
  fileName: string;
  result: CoverageResult;
}

export interface Coverage {
  /** The external result while one is set, else the live engine's latest. */
  result: Accessor<CoverageResult | null>;
  busy: Accessor<boolean>;
  error: Accessor<string | null>;
  external: Accessor<ExternalCoverage | null>;
  /** Shows a result computed elsewhere (null: back to the live engine). */
  setExternal(e: ExternalCoverage | null): void;
}

export function createCoverage(inputs: CoverageInputs, client: CoverageClient): Coverage {
  const [result, setResult] = createSignal<CoverageResult | null>(null);
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const [external, setExternal] = createSignal<ExternalCoverage | null>(null);
  let latest = 0;
  let initialised = false;

  const run = (request: () => Promise<CoverageResult>) => {
    const ticket = ++latest;
    setBusy(true);
    request().then(
      (r) => {
        if (ticket !== latest) return;
        setResult(r);
        setError(null);
        setBusy(false);
      },
      (e: unknown) => {
        if (ticket !== latest) return;
        setError(e instanceof Error ? e.message : String(e));
        setBusy(false);
      },
    );
  };

  // New data (first load, an import, a removal, the demonstration switch): compute from scratch.
  createEffect(
    on([inputs.units, inputs.plans, inputs.planBlobs], ([units, plans, blobs]) => {
      if (!units) return;
      initialised = true;
      const options = untrack(inputs.options);
      run(() => client.init(units.features, plans.features, options, [...blobs]));
    }),
  );
  // New options on the same data: the engine re-filters its cached plans.
  createEffect(
    on(
      () => JSON.stringify(inputs.options()),
      () => {
        if (!initialised) return;
        const options = untrack(inputs.options);
        run(() => client.setOptions(options));
      },
      { defer: true },
    ),
  );

  return {
    result: () => external()?.result ?? result(),
    busy: () => external() === null && busy(),
    error: () => (external() === null ? error() : null),
    external,
    setExternal: (e) => void setExternal(e),
  };
}
