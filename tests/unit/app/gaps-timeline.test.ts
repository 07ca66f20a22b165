// Issue 16: gaps and the timeline are asked of the worker only while someone looks at them, the
// latest request wins, and the timeline is not recomputed when only the "as of" date moves.
import { describe, it, expect } from 'vitest';
import { createRoot, createSignal } from 'solid-js';
import { createGaps } from '../../../src/app/gaps';
import { createTimeline } from '../../../src/app/timeline';
import type { CoverageResult, GapsResult } from '../../../src/coverage/types';
import type { CoverageTimeline } from '../../../src/coverage/timeline';

const tick = () => new Promise((r) => setTimeout(r, 0));
const result = (n: number) => ({ units: [], as_of: null, options: { levels: [], statuses: [], target: 0.8 }, n }) as unknown as CoverageResult;
const gapsOf = (n: number): GapsResult => ({
  as_of: null, target: 0.8, units: [],
  pieces: { type: 'FeatureCollection', features: [1, 3, 2].map((a) => ({ type: 'Feature', properties: { unit_id: 'u', unit_name: `piece ${n}.${a}`, area_m2: a, rank: 1 }, geometry: { type: 'Polygon', coordinates: [] } })) },
});

function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('createGaps', () => {
  it('asks only while wanted, once per result, and shows only the latest reply', async () => {
    const calls: ReturnType<typeof deferred<{ result: CoverageResult; gaps: GapsResult }>>[] = [];
    await createRoot(async (dispose) => {
      const [res, setRes] = createSignal<CoverageResult | null>(result(1));
      const [wanted, setWanted] = createSignal(false);
      const g = createGaps({ client: { gaps: () => { const d = deferred<{ result: CoverageResult; gaps: GapsResult }>(); calls.push(d); return d.promise; } }, result: res, wanted, listed: 2 });
      await tick();
      expect(calls.length).toBe(0);
      setWanted(true);
      await tick();
      expect(calls.length).toBe(1);
      setRes(result(2));
      await tick();
      expect(calls.length).toBe(2);
      // The older reply arrives last: it is ignored.
      calls[1]!.resolve({ result: result(2), gaps: gapsOf(2) });
      await tick();
      calls[0]!.resolve({ result: result(1), gaps: gapsOf(1) });
      await tick();
      expect(g.gaps()?.pieces.features[0]?.properties.unit_name).toBe('piece 2.1');
      expect(g.largest().map((f) => f.properties.area_m2)).toEqual([3, 2]);
      expect(g.layer().features.length).toBe(3);
      expect(g.busy()).toBe(false);
      // No result (a result from a file is shown): nothing drawn.
      setRes(null);
      await tick();
      expect(g.gaps()).toBeNull();
      expect(g.layer().features).toEqual([]);
      dispose();
    });
  });
});

describe('createTimeline', () => {
  it('fetches when wanted and when the inputs change, not again for the same inputs', async () => {
    let fetches = 0;
    await createRoot(async (dispose) => {
      const [inputs, setInputs] = createSignal('a');
      const [wanted, setWanted] = createSignal(false);
      const tl = createTimeline({ fetch: async () => ({ dates: [`d${++fetches}`] }) as unknown as CoverageTimeline, inputs, wanted });
      await tick();
      expect(fetches).toBe(0);
      setWanted(true);
      await tick();
      expect(fetches).toBe(1);
      expect(tl.timeline()?.dates).toEqual(['d1']);
      setWanted(false);
      setWanted(true);
      await tick();
      expect(fetches).toBe(1);
      setInputs('b');
      await tick();
      expect(fetches).toBe(2);
      expect(tl.timeline()?.dates).toEqual(['d2']);
      dispose();
    });
  });
});
