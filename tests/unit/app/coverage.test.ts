// src/app/coverage.ts against a stand-in worker: which requests a change of inputs makes (issue 16:
// the engine is used incrementally — one removePlans and/or one upsertPlans per change of plans, a
// full init only at the start, when the units change, and when the large registers change), and
// that only the reply to the latest request is shown.
import { describe, expect, it } from 'vitest';
import { createRoot, createSignal } from 'solid-js';
import type { Feature, FeatureCollection } from 'geojson';
import { createCoverage, planDiff } from '../../../src/app/coverage';
import type { CoverageClient } from '../../../src/coverage/client';
import type { CoverageOptions, CoverageResult } from '../../../src/coverage/types';

const plan = (id: string, extra: Record<string, unknown> = {}): Feature => ({ type: 'Feature', properties: { id, ...extra }, geometry: null as never });
const fc = (features: Feature[]): FeatureCollection => ({ type: 'FeatureCollection', features });
const units = (n: number): FeatureCollection => fc(Array.from({ length: n }, (_, i) => plan(`u${i}`)));
const U17 = units(17);
const OPTIONS: CoverageOptions = { levels: ['detailed'], statuses: ['approved'], target: 0.8 };

interface Call {
  type: string;
  /** init: plan ids; upsertPlans: ids; removePlans: ids */
  ids?: string[];
  blobs?: number;
  target?: number;
  resolve: (r: CoverageResult) => void;
  reject: (e: Error) => void;
}

/** A worker stand-in whose replies the test releases one by one, in any order. */
function fakeClient() {
  const calls: Call[] = [];
  const result = (tag: number) => ({ units: [], totals: { tag } }) as unknown as CoverageResult;
  const idsOf = (fs: readonly { properties: Record<string, unknown> | null }[]) => fs.map((f) => String(f.properties?.['id']));
  const pending = (c: Omit<Call, 'resolve' | 'reject'>) => new Promise<CoverageResult>((resolve, reject) => calls.push({ ...c, resolve, reject }));
  // Only what createCoverage may call; anything else would reject (a method the worker grows later is not its business).
  const used: Pick<CoverageClient, 'init' | 'setOptions' | 'setUnits' | 'upsertPlan' | 'removePlan' | 'upsertPlans' | 'removePlans' | 'dispose'> = {
    init: (_u, plans, options, blobs) => pending({ type: 'init', ids: idsOf(plans), target: options.target, blobs: blobs?.length ?? 0 }),
    setOptions: (options) => pending({ type: 'setOptions', target: options.target }),
    setUnits: () => Promise.reject(new Error('not used')),
    upsertPlan: () => Promise.reject(new Error('not used: one request per change')),
    removePlan: () => Promise.reject(new Error('not used: one request per change')),
    upsertPlans: (features, blobs) => pending({ type: 'upsertPlans', ids: idsOf(features), blobs: blobs?.length ?? 0 }),
    removePlans: (ids) => pending({ type: 'removePlans', ids: [...ids] }),
    dispose: () => undefined,
  };
  const client = used as CoverageClient;
  const summary = () => calls.map((c) => [c.type, ...(c.ids ? [c.ids.join(',')] : [])].join(' '));
  return { client, calls, result, summary };
}

const tick = () => new Promise((r) => setTimeout(r, 0));
const tagOf = (r: CoverageResult | null) => (r as unknown as { totals: { tag: number } } | null)?.totals.tag;

describe('createCoverage', () => {
  it('waits for units, then inits once; a change of plans is one upsert or remove; new units init again', async () => {
    const { client, calls, result, summary } = fakeClient();
    await createRoot(async (dispose) => {
      const [u, setUnits] = createSignal<FeatureCollection | undefined>(undefined);
      const a = plan('A');
      const b = plan('B');
      const [plans, setPlans] = createSignal(fc([a, b]));
      const [options, setOptions] = createSignal(OPTIONS);
      const c = createCoverage({ units: u, plans, planBlobs: () => [], options }, client);
      await tick();
      expect(calls).toHaveLength(0);
      setUnits(units(17));
      await tick();
      expect(summary()).toEqual(['init A,B']);
      expect(c.busy()).toBe(true);
      calls[0]!.resolve(result(1));
      await tick();
      expect(tagOf(c.result())).toBe(1);
      expect(c.busy()).toBe(false);

      // A proposal drawn: one upsert of it alone.
      const p1 = plan('proposal:p1', { proposal: true });
      setPlans(fc([a, b, p1]));
      await tick();
      expect(summary().at(-1)).toBe('upsertPlans proposal:p1');
      // The proposal reshaped (a new object under the same id): one upsert, which replaces it.
      const p1b = plan('proposal:p1', { proposal: true, v: 2 });
      setPlans(fc([a, b, p1b]));
      await tick();
      expect(summary().at(-1)).toBe('upsertPlans proposal:p1');
      // Deleted: one remove.
      setPlans(fc([a, b]));
      await tick();
      expect(summary().at(-1)).toBe('removePlans proposal:p1');
      // The same plans in a new list: nothing to send.
      const before = calls.length;
      setPlans(fc([a, b]));
      await tick();
      expect(calls.length).toBe(before);
      // A register replaced by another in one step: the removes, then the upserts.
      setPlans(fc([a, plan('C'), plan('D')]));
      await tick();
      expect(summary().slice(-2)).toEqual(['removePlans B', 'upsertPlans C,D']);

      // Options: the engine re-filters.
      setOptions({ ...OPTIONS, target: 0.7 });
      await tick();
      expect(calls.at(-1)).toMatchObject({ type: 'setOptions', target: 0.7 });
      // New unit boundaries: a full init with the current options.
      setUnits(units(9));
      await tick();
      expect(calls.at(-1)).toMatchObject({ type: 'init', ids: ['A', 'C', 'D'], target: 0.7 });
      dispose();
    });
  });

  it('large registers (Blobs) change by init; with one present, a register\'s new plan inits but a proposal upserts', async () => {
    const { client, calls, summary } = fakeClient();
    await createRoot(async (dispose) => {
      const a = plan('A');
      const [plans, setPlans] = createSignal(fc([a]));
      const [blobs, setBlobs] = createSignal<readonly Blob[]>([]);
      createCoverage({ units: () => U17, plans, planBlobs: blobs, options: () => OPTIONS }, client);
      await tick();
      const big = new Blob(['{"type":"FeatureCollection","features":[]}']);
      setBlobs([big]);
      await tick();
      expect(calls.at(-1)).toMatchObject({ type: 'init', ids: ['A'], blobs: 1 });
      // The same Blob in a new list: nothing.
      const n = calls.length;
      setBlobs([big]);
      await tick();
      expect(calls.length).toBe(n);
      // A proposal: its id cannot be inside the Blob.
      setPlans(fc([a, plan('proposal:x', { proposal: true })]));
      await tick();
      expect(summary().at(-1)).toBe('upsertPlans proposal:x');
      // A register's new plan could share an id with a plan in the Blob, which the page cannot see.
      setPlans(fc([a, plan('proposal:x', { proposal: true }), plan('Q')]));
      await tick();
      expect(calls.at(-1)).toMatchObject({ type: 'init', ids: ['A', 'proposal:x', 'Q'], blobs: 1 });
      // Removing the large register: init without it.
      setBlobs([]);
      await tick();
      expect(calls.at(-1)).toMatchObject({ type: 'init', blobs: 0 });
      dispose();
    });
  });

  it('shows only the reply to the latest request, whatever order the replies come in', async () => {
    const { client, calls, result } = fakeClient();
    await createRoot(async (dispose) => {
      const [plans, setPlans] = createSignal(fc([plan('A')]));
      const c = createCoverage({ units: () => U17, plans, planBlobs: () => [], options: () => OPTIONS }, client);
      await tick();
      setPlans(fc([plan('A'), plan('B')]));
      await tick();
      expect(calls.map((x) => x.type)).toEqual(['init', 'upsertPlans']);
      calls[1]!.resolve(result(2));
      await tick();
      calls[0]!.resolve(result(1)); // the older request answers last
      await tick();
      expect(tagOf(c.result())).toBe(2);
      expect(c.busy()).toBe(false);
      dispose();
    });
  });

  it('reports an error of the latest request, keeps the last good result, and starts afresh on the next change', async () => {
    const { client, calls, result, summary } = fakeClient();
    await createRoot(async (dispose) => {
      const [plans, setPlans] = createSignal(fc([plan('A')]));
      const [options, setOptions] = createSignal(OPTIONS);
      const c = createCoverage({ units: () => U17, plans, planBlobs: () => [], options }, client);
      await tick();
      calls[0]!.resolve(result(1));
      await tick();
      setPlans(fc([plan('A'), plan('B')]));
      await tick();
      calls[1]!.reject(new Error('bad plan'));
      await tick();
      expect(c.error()).toBe('bad plan');
      expect(tagOf(c.result())).toBe(1);
      expect(c.busy()).toBe(false);
      // What the worker holds is unknown now: the next change is a full init.
      setOptions({ ...OPTIONS, target: 0.5 });
      await tick();
      expect(summary().at(-1)).toBe('init A,B');
      dispose();
    });
  });
});

describe('planDiff', () => {
  it('lists removed ids and new or changed plans; null when a register plan is new beside a large register', () => {
    const a = plan('A');
    const b = plan('B');
    const sent = new Map([['A', a], ['B', b]]);
    const b2 = plan('B', { v: 2 });
    expect(planDiff(sent, new Map([['B', b2], ['C', plan('C')]]), false)).toMatchObject({ remove: ['A'], upsert: [b2, { properties: { id: 'C' } }] });
    expect(planDiff(sent, new Map([['A', a], ['B', b2]]), true)).toEqual({ remove: [], upsert: [b2] });
    expect(planDiff(sent, new Map([['A', a], ['B', b], ['C', plan('C')]]), true)).toBeNull();
  });
});
