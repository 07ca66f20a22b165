// A proposal: a plan the user drew on the map to ask "what would this change?" (issue 16). It is
// the user's own what-if, never an official or demonstration plan; the coverage engine counts it
// like a plan (level and status from the one vocabulary) while "count proposals" is on.
import type { Polygon } from 'geojson';
import type { PlanLevel, PlanStatus } from '../plans/vocabulary';

export interface Proposal {
  id: string;
  name: string;
  level: PlanLevel;
  status: PlanStatus;
  /** WGS 84 lon/lat, one outer ring (the drawing tools make no holes). */
  geometry: Polygon;
  /** ISO timestamps. */
  createdAt: string;
  updatedAt: string;
}

/** What the user can change about a proposal besides its shape. */
export type ProposalAttributes = Pick<Proposal, 'name' | 'level' | 'status'>;

export const DEFAULT_ATTRIBUTES: Readonly<Pick<Proposal, 'level' | 'status'>> = Object.freeze({ level: 'detailed', status: 'approved' });

/** The property that makes a plan feature a proposal for the engine (see src/coverage/types.ts). */
export const PROPOSAL_FLAG = 'proposal';

/** Ids proposals are sent to the engine under: never the same as a register's plan ids. */
export const PROPOSAL_ID_PREFIX = 'proposal:';
