import { computed } from 'vue';
import { useI18n } from 'vue-i18n';
import { berlinDate, weekday } from '@schulverwaltung/shared';
import { parseSession } from '@/auth/ability';
import { useSessionStore } from '@/auth/session.store';
import { whenText } from '@/features/absences-common/absence-when';
import type { AbsenceTime } from '@/features/absences-common/absence-when';
import { formatDate } from '@/i18n/format-date';
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
  return (absence: AbsenceTime) => {
    const { key, params } = whenText(absence, 'myAbsences.when', dayLabel);
    return t(key, params);
  };
}
