// The undo stack of proposal edits: every change (drawn, reshaped, moved, renamed, deleted) is kept
// as the proposal before and after it, so undo puts "before" back and redo puts "after" back.
// Pure: the stacks are values; src/app/proposals.ts holds them in a signal.
import type { Proposal } from './types';

export interface Change {
  id: string;
  /** null: the proposal did not exist (it was drawn). */
  before: Proposal | null;
  /** null: the proposal no longer exists (it was deleted). */
  after: Proposal | null;
}

export interface History {
  undo: readonly Change[];
  redo: readonly Change[];
}

export const EMPTY_HISTORY: History = { undo: [], redo: [] };
export const MAX_UNDO = 100;

/** A new change: it can be undone; what was undone before can no longer be redone. */
export function record(h: History, c: Change, limit = MAX_UNDO): History {
  return { undo: [...h.undo, c].slice(-limit), redo: [] };
}

/** The change that undoes the latest one (to apply), and the stacks after it; null when there is none. */
export function undo(h: History): { history: History; apply: Change } | null {
  const last = h.undo.at(-1);
  if (!last) return null;
  return { history: { undo: h.undo.slice(0, -1), redo: [...h.redo, last] }, apply: { id: last.id, before: last.after, after: last.before } };
}

export function redo(h: History): { history: History; apply: Change } | null {
  const last = h.redo.at(-1);
  if (!last) return null;
  return { history: { undo: [...h.undo, last], redo: h.redo.slice(0, -1) }, apply: last };
}

/** The list with one change applied: the proposal replaced, added or taken out; kept in drawing order. */
export function applyChange(list: readonly Proposal[], c: Change): Proposal[] {
  const rest = list.filter((p) => p.id !== c.id);
  if (!c.after) return rest;
  return [...rest, c.after].sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
