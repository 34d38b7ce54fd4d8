import { weekday } from '@schulverwaltung/shared';
import { useI18n } from 'vue-i18n';
import { formatDate } from './format-date';

/** "Montag, 30.11.2026": a day with its weekday, as day headings and day navigation show it. */
export function useWeekdayDate(): (date: string) => string {
  const { t } = useI18n();
  return (date: string) => `${t(`timetable.weekdays.${weekday(date)}`)}, ${formatDate(date)}`;
}
