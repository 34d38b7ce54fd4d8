import { useClientHandle } from '@urql/vue';
import { ref, watch } from 'vue';
import type { Ref } from 'vue';
import { RegisterTeachingWeekDocument } from '@/api/generated/graphql';
import { addWeeks, mondayOf } from '@/features/timetable/week';
import { firstTeachingDayAfter } from './register-day';

/** Far enough to get past the summer holidays. */
const WEEKS_TO_SEARCH = 10;

/**
 * The next day after `day` on which the signed-in teacher has a lesson, looked up week by week
 * in their own timetable — only while `active` (the shown day has no lessons). Null while
 * searching, or when nothing comes within ten weeks.
 */
export function useNextTeachingDay(day: Ref<string>, active: Ref<boolean>) {
  const { client } = useClientHandle();
  const next = ref<string | null>(null);
  const isSearching = ref(false);
  let search = 0;

  async function find(from: string): Promise<string | null> {
    let weekStart = mondayOf(from);
    for (let week = 0; week < WEEKS_TO_SEARCH; week++, weekStart = addWeeks(weekStart, 1)) {
      const result = await client.query(RegisterTeachingWeekDocument, { weekStart }).toPromise();
      const teaching = (result.data?.myTimetable ?? []).filter((timetable) => timetable.target === 'TEACHER');
      if (result.error || teaching.length === 0) return null;
      const found = firstTeachingDayAfter(from, teaching);
      if (found) return found;
    }
    return null;
  }

  watch([day, active], async ([from, isActive]) => {
    const mine = ++search;
    next.value = null;
    isSearching.value = isActive;
    if (!isActive) return;
    const found = await find(from);
    // A later day chosen meanwhile has its own search.
    if (mine !== search) return;
    next.value = found;
    isSearching.value = false;
  }, { immediate: true });

  return { next, isSearching };
}
