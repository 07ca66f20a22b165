// The plans of every register as one list with unique explicit ids (what the engine keys plans by).
import { expect, it } from 'vitest';
import type { Feature } from 'geojson';
import { createPlanSet } from '../../../src/app/plan-set';

const f = (props: Record<string, unknown>, id?: string): Feature => ({ type: 'Feature', ...(id ? { id } : {}), properties: props, geometry: null as never });

it('keeps unique ids and the objects that carry them; renames repeats as a full init did; numbers plans without ids', () => {
  const set = createPlanSet();
  const a = f({ id: 'QH-01' });
  const b = f({ id: 'QH-01', name: 'second register' });
  const c = f({ name: 'no id' });
  const d = f({}, 'feature-id');
  const p = f({ id: 'proposal:p1', proposal: true });
  const out = set([{ key: 'demo', features: [a] }, { key: 'import-1', features: [b, c, d] }, { key: 'proposals', features: [p] }]);
  expect(out.map((x) => x.properties?.['id'] ?? x.id)).toEqual(['QH-01', 'QH-01#2', '1', 'feature-id', 'proposal:p1']);
  expect(out[0]).toBe(a);
  expect(out[3]).toBe(d);
  expect(out[4]).toBe(p);
  expect(b.properties).toEqual({ id: 'QH-01', name: 'second register' }); // the register's own feature is untouched
  // The same inputs again: the same objects, the copies included (so nothing is sent again).
  const again = set([{ key: 'demo', features: [a] }, { key: 'import-1', features: [b, c, d] }, { key: 'proposals', features: [p] }]);
  again.forEach((x, i) => expect(x).toBe(out[i]));
  // The first register gone: the second's plan gets its own id back.
  const later = set([{ key: 'import-1', features: [b] }]);
  expect(later[0]).toBe(b);
});
