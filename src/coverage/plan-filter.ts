// Which plans count under the chosen options. A register without level/status fields is a
// register of approved detailed plans, so a missing value always counts.
import { DEFAULT_OPTIONS, type CoverageOptions, type ExclusionReason, type InputFeature, type PlanLevel, type PlanStatus } from './types';

const LEVELS: readonly PlanLevel[] = ['detailed', 'zoning'];
const STATUSES: readonly PlanStatus[] = ['approved', 'in_preparation'];

/** Normalise a free-text attribute: trimmed, lower case; undefined when absent/blank. */
function attr(v: unknown): string | undefined {
  if (typeof v !== 'string') return undefined;
  const s = v.trim().toLowerCase();
  return s === '' ? undefined : s;
}

export function planLevel(f: InputFeature): string | undefined {
  return attr(f.properties?.['level']);
}

export function planStatus(f: InputFeature): string | undefined {
  return attr(f.properties?.['status']);
}

/** Reason a (geometrically valid) plan is left out, or null when it counts. */
export function attributeExclusion(
  level: string | undefined,
  status: string | undefined,
  options: CoverageOptions,
): ExclusionReason | null {
  if (level !== undefined && !(options.levels as string[]).includes(level)) return 'level_not_selected';
  if (status !== undefined && !(options.statuses as string[]).includes(status)) return 'status_not_selected';
  return null;
}

/**
 * Validate and complete options. Throws RangeError on values that would make the numbers
 * meaningless (a target of 80 given as a fraction is the typical mistake).
 */
export function normalizeOptions(o: Partial<CoverageOptions> | undefined): CoverageOptions {
  const levels = o?.levels ?? [...DEFAULT_OPTIONS.levels];
  const statuses = o?.statuses ?? [...DEFAULT_OPTIONS.statuses];
  const target = o?.target ?? DEFAULT_OPTIONS.target;
  for (const l of levels) if (!LEVELS.includes(l)) throw new RangeError(`unknown level "${String(l)}" (expected ${LEVELS.join(', ')})`);
  for (const s of statuses) if (!STATUSES.includes(s)) throw new RangeError(`unknown status "${String(s)}" (expected ${STATUSES.join(', ')})`);
  if (typeof target !== 'number' || !Number.isFinite(target) || target < 0 || target > 1) {
    throw new RangeError(`target must be a fraction between 0 and 1 (got ${String(target)}); 80% is 0.8`);
  }
  return { levels: [...new Set(levels)], statuses: [...new Set(statuses)], target };
}
