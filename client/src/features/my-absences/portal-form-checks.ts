import { addDays } from '@schulverwaltung/shared';
import type { DayRange } from './school-days';

// What the portal's forms check before asking the server: what is missing or plainly out of order.
// Everything else (a range without a school day, an overlap, the school year's end, the length of a
// range) the server checks with the school's calendar and names in German.

export type PortalFormField = 'startsOn' | 'endsOn' | 'note';
/** Per field the key of its problem under myAbsences.problems. */
export type PortalFormProblems = Partial<Record<PortalFormField, string>>;

/** A sick report: from today on (the server's "today"), the end not before the start. */
export function sicknessProblems(range: DayRange | null, today: string): PortalFormProblems {
  if (!range) return { startsOn: 'missingStart' };
  if (range.startsOn < today) return { startsOn: 'tooEarly' };
  if (range.endsOn < range.startsOn) return { endsOn: 'endBeforeStart' };
  return {};
}

/** A leave request: both days, from tomorrow on, and its occasion. */
export function leaveProblems(values: { startsOn: string; endsOn: string; note: string }, today: string): PortalFormProblems {
  const problems: PortalFormProblems = {};
  if (!values.startsOn) problems.startsOn = 'missingStart';
  else if (values.startsOn < addDays(today, 1)) problems.startsOn = 'tooEarlyLeave';
  if (!values.endsOn) problems.endsOn = 'missingEnd';
  else if (values.startsOn && values.endsOn < values.startsOn) problems.endsOn = 'endBeforeStart';
  if (!values.note.trim()) problems.note = 'missingNote';
  return problems;
}
