// Coverage as the app uses it: the inputs (units, plans, options) in, the worker's latest result
// out, with loading and error state. The engine works incrementally: a change of plans (a proposal
// drawn, reshaped or deleted, a register added or removed) reaches it as the plans removed and the
// plans added or changed — one removePlans and/or one upsertPlans —; a full init only at the start,
// when the units change, and when the large registers (Blobs, parsed in the worker) change, since
// the page cannot see their plan ids to remove them later.
// The worker answers in request order, but an answer can arrive after newer inputs were sent: only
// the reply to the latest request is shown (a ticket per request), so a slow old computation never
// overwrites a newer one.
// An external result — a coverage result file computed elsewhere, e.g. in PostGIS for a whole
// province (`npm run coverage -- --db … --format json`) — wins while it is set; the live engine
// keeps running underneath, so going back to it is immediate.
import { createEffect, createSignal, on, untrack, type Accessor } from 'solid-js';
import type { Feature, FeatureCollection } from 'geojson';
import type { CoverageClient } from '../coverage/client';
import type { CoverageOptions, CoverageResult } from '../coverage/types';
import { planId } from '../coverage/unit-id';
import { PROPOSAL_FLAG } from '../proposals/types';

export interface CoverageInputs {
  units: Accessor<FeatureCollection | undefined>;
  /**
   * Every plan held in memory, each with a unique explicit id (src/app/plan-set.ts); an unchanged
   * plan keeps its object identity, which is how a change is told from no change.
   */
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

/** What the worker holds now, as far as the page knows: the basis of the next difference. */
interface Sent {
  units: FeatureCollection;
  blobs: readonly Blob[];
  plans: Map<string, Feature>;
}

const byId = (plans: FeatureCollection) => new Map(plans.features.map((f, i) => [planId(f, i), f]));
const sameList = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** The requests that take the worker from `sent` to `next`: null when only a full init will do. */
export function planDiff(sent: Map<string, Feature>, next: Map<string, Feature>, blobs: boolean): { remove: string[]; upsert: Feature[] } | null {
  if (next.size === 0 && sent.size === 0) return { remove: [], upsert: [] };
  const remove = [...sent.keys()].filter((id) => !next.has(id));
  const upsert: Feature[] = [];
  for (const [id, f] of next) {
    if (sent.get(id) === f) continue;
    // A register's new id could equal one inside a large register the page cannot see (an upsert
    // would replace that plan); proposals' ids are their own ("proposal:…").
    if (blobs && !sent.has(id) && f.properties?.[PROPOSAL_FLAG] !== true) return null;
    upsert.push(f);
  }
  return { remove, upsert };
}

export function createCoverage(inputs: CoverageInputs, client: CoverageClient): Coverage {
  const [result, setResult] = createSignal<CoverageResult | null>(null);
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const [external, setExternal] = createSignal<ExternalCoverage | null>(null);
  let latest = 0;
  let sent: Sent | null = null;

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
        // What the worker holds is no longer known: the next change starts it afresh.
        sent = null;
        if (ticket !== latest) return;
        setError(e instanceof Error ? e.message : String(e));
        setBusy(false);
      },
    );
  };
  const init = (units: FeatureCollection, plans: FeatureCollection, blobs: readonly Blob[]) => {
    const options = untrack(inputs.options);
    run(() => client.init(units.features, plans.features, options, [...blobs]));
    sent = { units, blobs, plans: byId(plans) };
  };

  createEffect(
    on([inputs.units, inputs.plans, inputs.planBlobs], ([units, plans, blobs]) => {
      if (!units) return;
      const next = byId(plans);
      // Ids must be unique for a difference to mean anything (plan-set.ts makes them so).
      const diff = sent && sent.units === units && sameList(sent.blobs, blobs) && next.size === plans.features.length
        ? planDiff(sent.plans, next, blobs.length > 0)
        : null;
      if (!diff) return init(units, plans, blobs);
      if (diff.remove.length) run(() => client.removePlans(diff.remove));
      if (diff.upsert.length) run(() => client.upsertPlans(diff.upsert));
      sent = { units, blobs, plans: next };
    }),
  );
  // New options on the same data: the engine re-filters its cached plans.
  createEffect(
    on(
      () => JSON.stringify(inputs.options()),
      () => {
        const units = untrack(inputs.units);
        if (!units) return;
        if (!sent) return init(units, untrack(inputs.plans), untrack(inputs.planBlobs));
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
