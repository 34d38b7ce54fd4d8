import { berlinDate, parseCalendarDate, SCHOOL_TIME_ZONE } from '@schulverwaltung/shared';

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

const DATE_TIME = new Intl.DateTimeFormat('de-DE', {
  timeZone: SCHOOL_TIME_ZONE, day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit',
});

/** A moment (ISO timestamp) as the school sees it: "28.11.2026, 07:05" in Berlin time. */
export function formatDateTime(value: string | null | undefined, fallback = '–'): string {
  if (!value) return fallback;
  const instant = new Date(value);
  return Number.isNaN(instant.getTime()) ? value : DATE_TIME.format(instant);
}

/** The calendar day a date picker's Date stands for ('YYYY-MM-DD'), from its local parts. */
export function calendarDateOf(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
