// Feature ids: the project keys features by properties.id (MapLibre feature-state, URLs), so two
// features with one id in a file silently shadow each other on the map.
import { msg, type Msg } from './messages.ts';

function idValue(v: unknown): string | null {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return null;
}

/** properties.id, else the feature's own id; null when neither is a string or number. */
export function featureIdOf(feature: unknown): string | null {
  if (typeof feature !== 'object' || feature === null) return null;
  const f = feature as Record<string, unknown>;
  const props = f.properties;
  const fromProps =
    typeof props === 'object' && props !== null ? idValue((props as Record<string, unknown>).id) : null;
  return fromProps ?? idValue(f.id);
}

/** For each later feature that repeats an id: its index and the message naming the first one. */
export function duplicateIdProblems(ids: readonly (string | null)[]): { index: number; message: Msg }[] {
  const firstSeen = new Map<string, number>();
  const out: { index: number; message: Msg }[] = [];
  ids.forEach((id, index) => {
    if (id === null) return;
    const first = firstSeen.get(id);
    if (first === undefined) firstSeen.set(id, index);
    else out.push({ index, message: msg('duplicateId', { id: JSON.stringify(id), first: { feature: first } }) });
  });
  return out;
}
