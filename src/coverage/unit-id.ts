// Identity and attributes of input features. Kept separate so the engine, the naive reference
// and the CLI agree on ids (a plan id that differs between app and CLI would be a support call).
import type { InputFeature } from './types';

function nonEmpty(v: unknown): string | undefined {
  if (typeof v === 'string' && v.trim() !== '') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return undefined;
}

/** Unit id: properties.code, else properties.id, else feature id, else its index. */
export function unitId(f: InputFeature, index: number): string {
  const p = f.properties ?? {};
  return nonEmpty(p['code']) ?? nonEmpty(p['id']) ?? nonEmpty(f.id) ?? String(index);
}

/** Plan id as the data gives it (properties.id, else feature id), if any. */
export function explicitPlanId(f: InputFeature): string | undefined {
  return nonEmpty(f.properties?.['id']) ?? nonEmpty(f.id);
}

/** Plan id: properties.id, else feature id, else its index. */
export function planId(f: InputFeature, index: number): string {
  return explicitPlanId(f) ?? String(index);
}

export function unitName(f: InputFeature): string {
  const n = f.properties?.['name'];
  return typeof n === 'string' ? n : '';
}

/** Slated for the 80% target: properties.slated === true or properties.slated_ward === true. */
export function isSlated(f: InputFeature): boolean {
  const p = f.properties ?? {};
  return p['slated'] === true || p['slated_ward'] === true;
}

/**
 * Make ids unique in input order: a repeated id gets "#2", "#3"... so two plans never overwrite
 * each other silently; the caller reports each rename as a problem.
 */
export function uniqueIds(ids: readonly string[]): { ids: string[]; renamed: { from: string; to: string }[] } {
  const seen = new Set<string>();
  const out: string[] = [];
  const renamed: { from: string; to: string }[] = [];
  for (const id of ids) {
    let candidate = id;
    for (let k = 2; seen.has(candidate); k++) candidate = `${id}#${k}`;
    if (candidate !== id) renamed.push({ from: id, to: candidate });
    seen.add(candidate);
    out.push(candidate);
  }
  return { ids: out, renamed };
}
