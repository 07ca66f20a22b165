// A coverage result opened from a file (computed in PostGIS, issue 17) wins over the live engine
// while it is set; clearing it shows the live engine's latest result again at once.
import { expect, it } from 'vitest';
import { createRoot, createSignal } from 'solid-js';
import type { FeatureCollection } from 'geojson';
import { createCoverage } from '../../../src/app/coverage';
import type { CoverageClient } from '../../../src/coverage/client';
import type { CoverageResult } from '../../../src/coverage/types';

const tick = () => new Promise((r) => setTimeout(r, 0));
const tagged = (tag: string) => ({ units: [], totals: { tag } }) as unknown as CoverageResult;
const tagOf = (r: CoverageResult | null) => (r as unknown as { totals: { tag: string } } | null)?.totals.tag;

it('an external result wins while set; the live engine keeps computing underneath', async () => {
  let release: (r: CoverageResult) => void = () => {};
  const client = {
    init: () => new Promise<CoverageResult>((resolve) => (release = resolve)),
    setOptions: () => new Promise<CoverageResult>((resolve) => (release = resolve)),
  } as unknown as CoverageClient;
  await createRoot(async (dispose) => {
    const [units] = createSignal<FeatureCollection | undefined>({ type: 'FeatureCollection', features: [] });
    const c = createCoverage({ units, plans: () => ({ type: 'FeatureCollection', features: [] }), planBlobs: () => [], options: () => ({ levels: ['detailed'], statuses: ['approved'], target: 0.8 }) }, client);
    await tick();
    expect(c.busy()).toBe(true);
    c.setExternal({ fileName: 'bac-ninh.json', result: tagged('db') });
    expect(tagOf(c.result())).toBe('db');
    expect(c.busy()).toBe(false);
    expect(c.external()?.fileName).toBe('bac-ninh.json');
    release(tagged('live'));
    await tick();
    expect(tagOf(c.result())).toBe('db');
    c.setExternal(null);
    expect(tagOf(c.result())).toBe('live');
    dispose();
  });
});
