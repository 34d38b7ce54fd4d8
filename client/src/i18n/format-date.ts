import { berlinDate, parseCalendarDate } from '@schulverwaltung/shared';

const pad = (value: number) => String(value).padStart(2, '0');

/**
 * The one way the UI shows a calendar day: German style dd.MM.yyyy, in every UI language
 * (school documents and the people reading them are German). Works on the 'YYYY-MM-DD'
 * string itself, so no time zone can shift the day.
 */
export function formatDate(value: string | null | undefined, fallback = '–'): string {
  if (!value) return fallback;
  try {
    const { year, month, day } = parseCalendarDate(value.slice(0, 10));
    return `${pad(day)}.${pad(month)}.${year}`;
  } catch {
    return value;
  }
}

/** Today in Berlin, formatted like every other date (printouts). */
export function formatToday(): string {
  return formatDate(berlinDate());
}
