import { ref } from 'vue';
import { apiClient } from '@/api/client';
import { AbsenceEntryDeleteDocument, AbsenceEntryUndoMergeDocument } from '@/api/generated/graphql';
import type { AbsenceEntryFieldsFragment, AbsenceReportOutcome } from '@/api/generated/graphql';
import { undoAction } from './undo';

// The last entries of this session, newest first, each with its undo. The list lives as long as
// the page: it is the secretariat's "oops, wrong pupil" right after a call, not a history.

export interface RecentEntry {
  /** unique per save (the same absence may be reported twice) */
  key: number;
  absence: AbsenceEntryFieldsFragment;
  outcome: AbsenceReportOutcome;
  summary: string;
}

const MAX_ENTRIES = 5;

export function useRecentEntries() {
  const entries = ref<RecentEntry[]>([]);
  let nextKey = 1;

  function add(absence: AbsenceEntryFieldsFragment, outcome: AbsenceReportOutcome, summary: string): void {
    entries.value = [{ key: nextKey++, absence, outcome, summary }, ...entries.value].slice(0, MAX_ENTRIES);
  }

  /** Keeps the entries in step with a change made elsewhere on the page (a correction in the day list). */
  function updateAbsence(absence: AbsenceEntryFieldsFragment): void {
    entries.value = entries.value.map((entry) => (entry.absence.id === absence.id ? { ...entry, absence } : entry));
  }

  function forgetAbsence(id: string): void {
    entries.value = entries.value.filter((entry) => entry.absence.id !== id);
  }

  /** Undoes an entry; resolves to the request's error, if any. The entry leaves the list once undone. */
  async function undo(entry: RecentEntry): Promise<unknown> {
    const action = undoAction(entry.outcome, entry.absence);
    if (action.kind === 'delete') {
      const result = await apiClient.value.mutation(AbsenceEntryDeleteDocument, { id: action.id, version: action.version }).toPromise();
      if (result.error) return result.error;
      forgetAbsence(action.id);
      return null;
    }
    if (action.kind === 'undoMerge') {
      const result = await apiClient.value.mutation(AbsenceEntryUndoMergeDocument, { id: action.id, version: action.version }).toPromise();
      if (result.error) return result.error;
      if (result.data) updateAbsence(result.data.undoAbsenceMerge.absence);
    }
    entries.value = entries.value.filter((e) => e.key !== entry.key);
    return null;
  }

  return { entries, add, updateAbsence, forgetAbsence, undo };
}
