// Property keys are data, never object members. MapLibre copies every feature to its workers with
// its own serializer, which reads `value.constructor` to know an object's class and calls
// `value.hasOwnProperty(key)`: a feature whose properties include "constructor" (a contractor's
// name column) or "hasOwnProperty" fails to transfer and the whole layer silently stays empty;
// "__proto__" is lost or changes the copy's prototype; "$name" is reserved by the serializer. The
// vector-tile encoder used for large layers (vt-pbf) looks keys up in a plain object the same way.
// So the copy given to the map renames such keys (a "~" in front; a key that already starts with
// "~" gets another, so the renaming is reversible), and what comes back from the map (a clicked
// feature) gets its original keys again. The app's own data keeps the keys as they are; the info
// card shows them as text.

/** Keys that are names of Object.prototype members, MapLibre's serializer's "$name", "prototype". */
const HOSTILE = new Set<string>([...Object.getOwnPropertyNames(Object.prototype), '__proto__', '$name', 'prototype']);

const PREFIX = '~';

export function isHostileKey(key: string): boolean {
  return HOSTILE.has(key) || key.startsWith(PREFIX);
}

export function toMapKey(key: string): string {
  return isHostileKey(key) ? PREFIX + key : key;
}

export function fromMapKey(key: string): string {
  return key.startsWith(PREFIX) ? key.slice(1) : key;
}

type Props = Record<string, unknown> | null | undefined;

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Whether a value holds a hostile key at any depth (nested objects go to the map too: source_properties). */
function hasHostileKey(v: unknown, depth = 0): boolean {
  if (depth > 64 || typeof v !== 'object' || v === null) return false;
  if (Array.isArray(v)) return v.some((x) => hasHostileKey(x, depth + 1));
  for (const k of Object.keys(v)) if (isHostileKey(k) || hasHostileKey((v as Record<string, unknown>)[k], depth + 1)) return true;
  return false;
}

function renamed(v: unknown, key: (k: string) => string, depth: number): unknown {
  if (depth > 64 || typeof v !== 'object' || v === null) return v;
  if (Array.isArray(v)) return v.map((x) => renamed(x, key, depth + 1));
  // fromEntries defines each key as plain data (assignment would run the __proto__ setter).
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [key(k), renamed(x, key, depth + 1)]));
}

/** Properties with every hostile key renamed, nested objects included; the same object when there is none. */
export function mapSafeProperties<T extends Props>(p: T): T {
  if (!hasHostileKey(p)) return p;
  return renamed(p, toMapKey, 0) as T;
}

/** Properties as the map gave them back, with the original keys; the same object when none was renamed. */
export function originalProperties<T extends Props>(p: T): T {
  if (!isPlainObject(p)) return p;
  const marked = (v: unknown, depth: number): boolean =>
    depth <= 64 && typeof v === 'object' && v !== null &&
    (Array.isArray(v) ? v.some((x) => marked(x, depth + 1)) : Object.keys(v).some((k) => k.startsWith(PREFIX) || marked((v as Record<string, unknown>)[k], depth + 1)));
  return marked(p, 0) ? (renamed(p, fromMapKey, 0) as T) : p;
}

interface WithProperties {
  properties?: Props;
}

/** The collection as the map should get it: a shallow copy only when some feature needs renaming. */
export function mapSafeCollection<C extends { features: readonly WithProperties[] }>(fc: C): C {
  if (!Array.isArray(fc?.features) || !fc.features.some((f) => hasHostileKey(f?.properties))) return fc;
  return { ...fc, features: fc.features.map((f) => (hasHostileKey(f?.properties) ? { ...f, properties: mapSafeProperties(f.properties) } : f)) };
}
