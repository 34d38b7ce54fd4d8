import { computed, onBeforeUnmount, ref, watch } from 'vue';
import type { Ref } from 'vue';
import { apiClient } from '@/api/client';
import { AbsenceEntrySearchDocument } from '@/api/generated/graphql';
import type { AbsenceEntrySearchQuery } from '@/api/generated/graphql';

// Search as you type for the name field: a short pause after the last key (the server answers in
// a few milliseconds; the pause only saves requests while someone types fast), answers to older
// queries are dropped, and the server's rule applies: two letters at least.

export type PupilHit = AbsenceEntrySearchQuery['searchPupilsForAbsence'][number];

const DEBOUNCE_MS = 60;
const MIN_LENGTH = 2;
export const HIT_LIMIT = 8;

export function usePupilSearch(schoolId: Ref<string | null>) {
  const query = ref('');
  const hits = ref<PupilHit[]>([]);
  const error = ref<unknown>(null);
  /** the query the hits belong to; differs from the typed one while a search is under way */
  const answeredQuery = ref('');
  let timer: ReturnType<typeof setTimeout> | undefined;
  let sequence = 0;
  let quietText: string | null = null;

  const typed = computed(() => query.value.trim());
  const isPending = computed(() => typed.value.length >= MIN_LENGTH && typed.value !== answeredQuery.value);
  const isSearchable = computed(() => typed.value.length >= MIN_LENGTH);

  async function run(text: string): Promise<void> {
    const mine = ++sequence;
    const result = await apiClient.value
      .query(AbsenceEntrySearchDocument, { schoolId: schoolId.value ?? '', query: text, limit: HIT_LIMIT }, { requestPolicy: 'cache-first' })
      .toPromise();
    if (mine !== sequence) return;
    error.value = result.error ?? null;
    hits.value = result.data?.searchPupilsForAbsence ?? [];
    answeredQuery.value = text;
  }

  watch(query, (text) => {
    clearTimeout(timer);
    if (quietText !== null && text === quietText) {
      quietText = null;
      return;
    }
    const trimmed = text.trim();
    if (trimmed.length < MIN_LENGTH || !schoolId.value) {
      sequence++;
      hits.value = [];
      answeredQuery.value = trimmed;
      return;
    }
    timer = setTimeout(() => void run(trimmed), DEBOUNCE_MS);
  });

  /** Shows a text in the field without searching for it (the name of the pupil just picked). */
  function showWithoutSearch(text: string): void {
    clearTimeout(timer);
    sequence++;
    // The watcher below sees the change only when there is one; only then must it stay quiet.
    quietText = query.value === text ? null : text;
    query.value = text;
    hits.value = [];
    answeredQuery.value = text.trim();
  }

  onBeforeUnmount(() => clearTimeout(timer));

  return { query, hits, error, answeredQuery, isPending, isSearchable, showWithoutSearch };
}
