import { computed } from 'vue';
import { useI18n } from 'vue-i18n';
import { berlinDate, weekday } from '@schulverwaltung/shared';
import { parseSession } from '@/auth/ability';
import { useSessionStore } from '@/auth/session.store';
import { formatDate } from '@/i18n/format-date';
import { absenceWhen } from './absence-display';
import type { DisplayedAbsence } from './absence-display';
import { portalPeople } from './portal-people';

/** Whose absences the signed-in person sees, and "today" as the server counts it (Berlin). */
export function usePortalPeople() {
  const session = useSessionStore();
  const user = computed(() => (session.viewer ? parseSession(session.viewer.session) : null));
  const people = computed(() => portalPeople(user.value, session.schools));
  const today = computed(() => user.value?.today ?? berlinDate());
  return { people, today };
}

/** "Mo, 30.11.2026": parents plan by weekdays, so every day in the portal carries its own. */
export function useDayLabel() {
  const { t } = useI18n();
  return (date: string) => t('myAbsences.dayLabel', { weekday: t(`myAbsences.weekdayShort.${weekday(date)}`), date: formatDate(date) });
}

/** "Mo, 30.11.2026 bis Di, 01.12.2026", "Mo, 30.11.2026, 3. bis 4. Stunde", … */
export function useAbsenceWhenText() {
  const { t } = useI18n();
  const dayLabel = useDayLabel();
  return (absence: DisplayedAbsence) => {
    const when = absenceWhen(absence);
    const days = Object.fromEntries(Object.entries(when.dates).map(([name, date]) => [name, dayLabel(date)]));
    return t(`myAbsences.when.${when.key}`, { ...days, ...when.numbers });
  };
}
