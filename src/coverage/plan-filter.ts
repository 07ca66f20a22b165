// Which plans count under the chosen options. A register without level/status fields is a
// register of approved detailed plans, so a missing value always counts.
import { DEFAULT_OPTIONS, type CoverageOptions, type ExclusionReason, type InputFeature } from './types';
import { isIsoDate, type ApprovalDate } from './approval-date';
import { PLAN_LEVELS as LEVELS, PLAN_STATUSES as STATUSES, parseLevel, parseStatus, type PlanLevel, type PlanStatus } from '../plans/vocabulary';

/**
 * A plan's level or status as the vocabulary reads it (src/plans/vocabulary.ts: "1/500", "QHCT",
 * "Đã phê duyệt", "đang lập"… with or without tone marks); `{ unrecognised }` keeps a value it does not
 * know; undefined when the attribute is absent or blank — a register without these fields is a
 * register of approved detailed plans, so a missing value always counts.
 */
export type PlanAttribute<T extends string> = T | { unrecognised: string } | undefined;

const blank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

export function planLevel(f: InputFeature): PlanAttribute<PlanLevel> {
  const v = f.properties?.['level'];
  return blank(v) ? undefined : (parseLevel(v) ?? { unrecognised: String(v) });
}

export function planStatus(f: InputFeature): PlanAttribute<PlanStatus> {
  const v = f.properties?.['status'];
  return blank(v) ? undefined : (parseStatus(v) ?? { unrecognised: String(v) });
}

/** Reason a (geometrically valid) plan is left out, or null when it counts. */
export function attributeExclusion(level: PlanAttribute<PlanLevel>, status: PlanAttribute<PlanStatus>, options: CoverageOptions): ExclusionReason | null {
  if (typeof level === 'object') return 'level_not_recognised';
  if (typeof status === 'object') return 'status_not_recognised';
  if (level !== undefined && !options.levels.includes(level)) return 'level_not_selected';
  if (status !== undefined && !options.statuses.includes(status)) return 'status_not_selected';
  return null;
}

/** A what-if plan drawn by the user (properties.proposal === true): counted only when options.proposals. */
export function isProposal(f: InputFeature): boolean {
  return f.properties?.['proposal'] === true;
}

/**
 * Reason a plan with these attributes is left out under `options` by its date or as a proposal,
 * or null. Proposals are never date-filtered (they have no decision yet). With asOf set, a plan
 * without a readable approval date is left out: whether it was approved by then is unknown, and a
 * date is never guessed.
 */
export function dateExclusion(proposal: boolean, date: ApprovalDate, options: CoverageOptions): ExclusionReason | null {
  if (proposal) return options.proposals === false ? 'proposal_not_counted' : null;
  const asOf = options.asOf ?? null;
  if (asOf === null) return null;
  if (typeof date !== 'string') return 'no_approval_date';
  return date > asOf ? 'approved_after_as_of' : null;
}

/** The value behind an "not recognised" exclusion, for its message. */
export function unrecognisedDetail(level: PlanAttribute<PlanLevel>, status: PlanAttribute<PlanStatus>): string | undefined {
  if (typeof level === 'object') return `level "${level.unrecognised}" is not a known plan level`;
  if (typeof status === 'object') return `status "${status.unrecognised}" is not a known plan status`;
  return undefined;
}

/**
 * Validate and complete options. Throws RangeError on values that would make the numbers
 * meaningless (a target of 80 given as a fraction is the typical mistake).
 */
export function normalizeOptions(o: Partial<CoverageOptions> | undefined): CoverageOptions {
  const levels = o?.levels ?? [...DEFAULT_OPTIONS.levels];
  const statuses = o?.statuses ?? [...DEFAULT_OPTIONS.statuses];
  const target = o?.target ?? DEFAULT_OPTIONS.target;
  const asOf = o?.asOf ?? null;
  const proposals = o?.proposals ?? true;
  for (const l of levels) if (!LEVELS.includes(l)) throw new RangeError(`unknown level "${String(l)}" (expected ${LEVELS.join(', ')})`);
  for (const s of statuses) if (!STATUSES.includes(s)) throw new RangeError(`unknown status "${String(s)}" (expected ${STATUSES.join(', ')})`);
  if (typeof target !== 'number' || !Number.isFinite(target) || target < 0 || target > 1) {
    throw new RangeError(`target must be a fraction between 0 and 1 (got ${String(target)}); 80% is 0.8`);
  }
  if (asOf !== null && !isIsoDate(asOf)) throw new RangeError(`asOf must be a date YYYY-MM-DD or null (got ${JSON.stringify(asOf)})`);
  if (typeof proposals !== 'boolean') throw new RangeError(`proposals must be true or false (got ${String(proposals)})`);
  return { levels: [...new Set(levels)], statuses: [...new Set(statuses)], target, asOf, proposals };
}
