import { berlinDate } from '@schulverwaltung/shared';
import { computed } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import { DAY_PARAM, WEEK_PARAM, currentSchoolDay, dateParam, defaultWeekStart, weekFromQuery } from './week';

/**
 * The week a timetable page shows, kept in the URL (?woche=<Monday>): links, reloads and Back
 * keep it. The current week has a plain address.
 */
export function useWeekParam() {
  const route = useRoute();
  const router = useRouter();
  const currentWeek = defaultWeekStart(berlinDate());
  const weekStart = computed(() => weekFromQuery(route.query, currentWeek));

  function goToWeek(monday: string): void {
    const query = { ...route.query };
    if (monday === currentWeek) delete query[WEEK_PARAM];
    else query[WEEK_PARAM] = monday;
    void router.push({ query });
  }

  /** The ?woche part for links to other timetables, so they open on the same week. */
  const weekQuery = computed(() => (weekStart.value === currentWeek ? {} : { [WEEK_PARAM]: weekStart.value }));

  return { weekStart, currentWeek, goToWeek, weekQuery };
}

/**
 * The day a page shows, kept in the URL (?datum=…) so it can be linked and survives a reload;
 * the day it opens with has a plain address. The substitution plan opens on the current school
 * day (a weekend shows Monday), the class register on today, whatever kind of day it is.
 */
export function useDayParam(today: string = currentSchoolDay(berlinDate())) {
  const route = useRoute();
  const router = useRouter();
  const day = computed(() => dateParam(route.query, DAY_PARAM) ?? today);

  function goToDay(date: string): void {
    const query = { ...route.query };
    if (date === today) delete query[DAY_PARAM];
    else query[DAY_PARAM] = date;
    void router.push({ query });
  }

  return { day, today, goToDay };
}
