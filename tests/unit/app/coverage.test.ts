import { describe, expect, it } from 'vitest';
import { createRoot, createSignal } from 'solid-js';
import type { FeatureCollection } from 'geojson';
import { createCoverage } from '../../../src/app/coverage';
import type { CoverageClient } from '../../../src/coverage/client';
import type { CoverageOptions, CoverageResult } from '../../../src/coverage/types';

const fc = (n: number): FeatureCollection => ({ type: 'FeatureCollection', features: Array.from({ length: n }, () => ({ type: 'Feature', properties: {}, geometry: null })) as never });
const OPTIONS: CoverageOptions = { levels: ['detailed'], statuses: ['approved'], target: 0.8 };

/** A worker stand-in whose replies the test releases one by one, in any order. */
function fakeClient() {
  const calls: { type: string; plans?: number; target?: number; resolve: (r: CoverageResult) => void; reject: (e: Error) => void }[] = [];
  const result = (tag: number) => ({ units: [], totals: { tag } }) as unknown as CoverageResult;
  const client: CoverageClient = {
    init: (_u, plans, options) => new Promise((resolve, reject) => calls.push({ type: 'init', plans: plans.length, target: options.target, resolve, reject })),
    setOptions: (options) => new Promise((resolve, reject) => calls.push({ type: 'setOptions', target: options.target, resolve, reject })),
    setUnits: () => Promise.reject(new Error('not used')),
    upsertPlan: () => Promise.reject(new Error('not used')),
    removePlan: () => Promise.reject(new Error('not used')),
    dispose: () => undefined,
  };
  return { client, calls, result };
}

const tick = () => new Promise((r) => setTimeout(r, 0));
const tagOf = (r: CoverageResult | null) => (r as unknown as { totals: { tag: number } } | null)?.totals.tag;

describe('createCoverage', () => {
  it('waits for units, then computes once per change of data and re-filters on a change of options', async () => {
    const { client, calls, result } = fakeClient();
    await createRoot(async (dispose) => {
      const [units, setUnits] = createSignal<FeatureCollection | undefined>(undefined);
      const [plans, setPlans] = createSignal(fc(3));
      const [options, setOptions] = createSignal(OPTIONS);
      const c = createCoverage({ units, plans, planBlobs: () => [], options }, client);
      await tick();
      expect(calls).toHaveLength(0);
      setUnits(fc(17));
      await tick();
      expect(calls.map((x) => x.type)).toEqual(['init']);
      expect(c.busy()).toBe(true);
      calls[0]!.resolve(result(1));
      await tick();
      expect(tagOf(c.result())).toBe(1);
      expect(c.busy()).toBe(false);
      setOptions({ ...OPTIONS, target: 0.7 });
      await tick();
      expect(calls.map((x) => [x.type, x.target])).toEqual([['init', 0.8], ['setOptions', 0.7]]);
      setPlans(fc(5));
      await tick();
      expect(calls[2]).toMatchObject({ type: 'init', plans: 5, target: 0.7 });
      dispose();
    });
  });

  it('shows only the reply to the latest request, whatever order the replies come in', async () => {
    const { client, calls, result } = fakeClient();
    await createRoot(async (dispose) => {
      const [plans, setPlans] = createSignal(fc(1));
      const c = createCoverage({ units: () => fc(17), plans, planBlobs: () => [], options: () => OPTIONS }, client);
      await tick();
      setPlans(fc(2));
      await tick();
      expect(calls).toHaveLength(2);
      calls[1]!.resolve(result(2));
      await tick();
      calls[0]!.resolve(result(1)); // the older request answers last
      await tick();
      expect(tagOf(c.result())).toBe(2);
      expect(c.busy()).toBe(false);
      dispose();
    });
  });

  it('reports an error of the latest request and keeps the last good result', async () => {
    const { client, calls, result } = fakeClient();
    await createRoot(async (dispose) => {
      const [plans, setPlans] = createSignal(fc(1));
      const c = createCoverage({ units: () => fc(17), plans, planBlobs: () => [], options: () => OPTIONS }, client);
      await tick();
      calls[0]!.resolve(result(1));
      await tick();
      setPlans(fc(2));
      await tick();
      calls[1]!.reject(new Error('bad plan'));
      await tick();
      expect(c.error()).toBe('bad plan');
      expect(tagOf(c.result())).toBe(1);
      expect(c.busy()).toBe(false);
      dispose();
    });
  });
});
