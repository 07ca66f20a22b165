// The user's proposals kept across reloads (IndexedDB store 'proposals', one record per proposal).
// Like the other stores, a refusal (private window, quota) is reported, not thrown; records that no
// longer read as proposals are left out.
import { db } from './db';
import type { StoreOutcome } from './layer-store';
import type { Proposal } from '../proposals/types';
import { readProposal } from '../proposals/validate';

const reasonOf = (e: unknown) => (e instanceof Error ? `${e.name}: ${e.message}` : String(e));

export async function loadProposals(): Promise<{ proposals: Proposal[]; outcome: StoreOutcome }> {
  try {
    const all = await (await db()).getAll('proposals');
    const proposals = all.map(readProposal).filter((p): p is Proposal => p !== null);
    proposals.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    return { proposals, outcome: { persisted: true } };
  } catch (e) {
    return { proposals: [], outcome: { persisted: false, reason: reasonOf(e) } };
  }
}

export async function saveProposal(p: Proposal): Promise<StoreOutcome> {
  try {
    await (await db()).put('proposals', p);
    return { persisted: true };
  } catch (e) {
    return { persisted: false, reason: reasonOf(e) };
  }
}

export async function deleteProposal(id: string): Promise<StoreOutcome> {
  try {
    await (await db()).delete('proposals', id);
    return { persisted: true };
  } catch (e) {
    return { persisted: false, reason: reasonOf(e) };
  }
}
