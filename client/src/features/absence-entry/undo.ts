import type { AbsenceReportOutcome, UpdateAbsenceInput } from '@/api/generated/graphql';

// Undoing an entry of the quick entry. What it takes depends on what the entry did:
// CREATED a new absence → delete it; MERGED into an existing one → give that one back the span
// (and note) it had before, read from its audit trail; ALREADY_REPORTED changed nothing → nothing.

export type UndoAction =
  | { kind: 'delete'; id: string; version: number }
  | { kind: 'revert'; id: string; version: number; input: UpdateAbsenceInput }
  | { kind: 'none' };

export interface HistoryEntry {
  action: string;
  changes: { field: string; old?: unknown }[];
}

// The fields a merge changes that updateAbsence can set back.
const REVERTIBLE = ['startsOn', 'endsOn', 'note'] as const;
type RevertibleField = (typeof REVERTIBLE)[number];
const isRevertible = (field: string): field is RevertibleField => (REVERTIBLE as readonly string[]).includes(field);

/** The undo of an entry, given its outcome, the absence as it now stands, and its history (oldest first). */
export function undoAction(outcome: AbsenceReportOutcome, absence: { id: string; version: number }, history: readonly HistoryEntry[] = []): UndoAction {
  if (outcome === 'CREATED') return { kind: 'delete', id: absence.id, version: absence.version };
  if (outcome === 'ALREADY_REPORTED') return { kind: 'none' };
  const merge = [...history].reverse().find((entry) => entry.action === 'update');
  const input: UpdateAbsenceInput = {};
  for (const change of merge?.changes ?? []) {
    if (!isRevertible(change.field)) continue;
    if (change.field === 'note') input.note = typeof change.old === 'string' ? change.old : null;
    else if (typeof change.old === 'string') input[change.field] = change.old;
  }
  return Object.keys(input).length > 0 ? { kind: 'revert', id: absence.id, version: absence.version, input } : { kind: 'none' };
}

/** Whether an outcome can be undone at all (ALREADY_REPORTED cannot: nothing was written). */
export const isUndoable = (outcome: AbsenceReportOutcome) => outcome !== 'ALREADY_REPORTED';
