import { berlinDate } from '@schulverwaltung/shared';
import { useDayParam } from '@/features/timetable/useWeekParam';
import { DAY_PARAM } from '@/features/timetable/week';

/** The day the register shows, in the URL (?datum=2026-11-30); today (the default) has a plain address. */
export const useRegisterDay = () => useDayParam(berlinDate());

/** The ?datum part of a link back to the day list (none for today). */
export const dayQuery = (date: string): Record<string, string> => (date === berlinDate() ? {} : { [DAY_PARAM]: date });
