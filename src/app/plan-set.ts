// The plans coverage counts, from every register at once (the demonstration register, imported
// registers in memory, the user's proposals), as one list in which every plan has its own explicit
// id. The engine keys plans by id: an upsert with an id already there REPLACES that plan, so two
// registers that both use "QH-01" must not reach it under one id. Repeats get "#2", "#3"… in
// register order — the names a full init gave them —, and a plan without an id gets its index in
// its register. Copies are made only for renamed plans and kept, so an unchanged plan keeps its
// identity from one list to the next (src/app/coverage.ts sends only what changed).
import type { Feature } from 'geojson';
import { explicitPlanId, uniqueIds } from '../coverage/unit-id';
import type { InputFeature } from '../coverage/types';

export interface PlanSource {
  /** Stable name of the register (e.g. its layer id); for the reader of the code. */
  key: string;
  features: readonly InputFeature[];
}

export function createPlanSet(): (sources: readonly PlanSource[]) => Feature[] {
  const copies = new WeakMap<object, { id: string; copy: Feature }>();
  return (sources) => {
    const all = sources.flatMap((s) => s.features.map((f, i) => ({ f, own: explicitPlanId(f), index: i })));
    const { ids } = uniqueIds(all.map((x) => x.own ?? String(x.index)));
    return all.map(({ f, own }, k) => {
      const id = ids[k]!;
      if (own === id) return f as Feature;
      const kept = copies.get(f);
      if (kept?.id === id) return kept.copy;
      const copy = { ...f, properties: { ...(f.properties ?? {}), id } } as Feature;
      copies.set(f, { id, copy });
      return copy;
    });
  };
}
