import type { AbsenceReportOutcome } from '@/api/generated/graphql';

// Undoing an entry of the quick entry. What it takes depends on what the entry did:
// CREATED a new absence → delete it; MERGED into an existing one → the server undoes the merge
// (span, note and excused status as before, swallowed entries back); ALREADY_REPORTED changed
// nothing → nothing.

export type UndoAction =
  | { kind: 'delete'; id: string; version: number }
  | { kind: 'undoMerge'; id: string; version: number }
  | { kind: 'none' };

/** The undo of an entry, given its outcome and the absence as the entry left it. */
export function undoAction(outcome: AbsenceReportOutcome, absence: { id: string; version: number }): UndoAction {
  switch (outcome) {
    case 'CREATED': return { kind: 'delete', id: absence.id, version: absence.version };
    case 'MERGED': return { kind: 'undoMerge', id: absence.id, version: absence.version };
    default: return { kind: 'none' };
  }
}

/** Whether an outcome can be undone at all (ALREADY_REPORTED cannot: nothing was written). */
export const isUndoable = (outcome: AbsenceReportOutcome) => outcome !== 'ALREADY_REPORTED';
