import type { AbsenceKind, AbsenceReason, CalendarDate } from '@schulverwaltung/shared';
import type { SchoolCalendar } from './school-calendar';

// Where a new absence goes among the pupil's existing ones, so that nothing is ever doubled:
// - whole days: overlapping or adjacent entries (no school day between, e.g. Friday + Monday) with
//   the same reason become one; an overlap with another reason is refused, naming the entry there;
// - periods and early leave on one day: the same, period by period; a day already absent as a
//   whole refuses them (it covers them already);
// - a late arrival: one per day.
// Pure: the caller loads the pupil's absences around the new one (under the pupil's lock) and writes.

export interface AbsenceSpan {
  kind: AbsenceKind;
  startsOn: CalendarDate;
  endsOn: CalendarDate;
  periodFrom: number | null;
  periodTo: number | null;
  minutes: number | null;
  reason: AbsenceReason;
}

export interface ExistingAbsence extends AbsenceSpan {
  id: string;
}

export type RefusalRule = 'conflicting_absence' | 'covered_by_whole_day' | 'already_reported' | 'overlapping_absence';

export type Placement<T extends ExistingAbsence> =
  | { action: 'insert'; absorbed: T[] }
  | { action: 'unchanged'; existing: T }
  | { action: 'extend'; existing: T; absorbed: T[]; span: Pick<AbsenceSpan, 'kind' | 'startsOn' | 'endsOn' | 'periodFrom' | 'periodTo'> }
  | { action: 'refuse'; existing: T; rule: RefusalRule };

const isPartOfDay = (a: AbsenceSpan) => a.kind === 'PERIODS' || a.kind === 'EARLY_LEAVE';
const datesOverlap = (a: AbsenceSpan, b: AbsenceSpan) => a.startsOn <= b.endsOn && b.startsOn <= a.endsOn;
/** Early leave misses everything from its period on. */
const lastPeriodOf = (a: AbsenceSpan) => (a.kind === 'EARLY_LEAVE' ? Infinity : a.periodTo ?? Infinity);
const periodsOverlap = (a: AbsenceSpan, b: AbsenceSpan) => (a.periodFrom ?? 1) <= lastPeriodOf(b) && (b.periodFrom ?? 1) <= lastPeriodOf(a);
const periodsTouch = (a: AbsenceSpan, b: AbsenceSpan) => (a.periodFrom ?? 1) <= lastPeriodOf(b) + 1 && (b.periodFrom ?? 1) <= lastPeriodOf(a) + 1;

/** Do two absences claim the same time (the same day for whole days, the same periods within a day)? */
export function absencesOverlap(a: AbsenceSpan, b: AbsenceSpan): boolean {
  if (!datesOverlap(a, b)) return false;
  if (a.kind === 'DAYS' || b.kind === 'DAYS') return true;
  if (a.kind === 'LATE' || b.kind === 'LATE') return a.kind === b.kind;
  return periodsOverlap(a, b);
}

/** The first existing absence that claims the same time as `span` (for changes, which never merge). */
export function findOverlap<T extends ExistingAbsence>(span: AbsenceSpan, existing: T[]): T | undefined {
  return existing.find((other) => absencesOverlap(span, other));
}

export function placeAbsence<T extends ExistingAbsence>(draft: AbsenceSpan, existing: T[], calendar: SchoolCalendar): Placement<T> {
  if (draft.kind === 'DAYS') return placeWholeDays(draft, existing, calendar);
  const wholeDay = existing.find((other) => other.kind === 'DAYS' && datesOverlap(draft, other));
  if (wholeDay) return { action: 'refuse', existing: wholeDay, rule: 'covered_by_whole_day' };
  return draft.kind === 'LATE' ? placeLate(draft, existing) : placePartOfDay(draft, existing);
}

function placeWholeDays<T extends ExistingAbsence>(draft: AbsenceSpan, existing: T[], calendar: SchoolCalendar): Placement<T> {
  const overlapping = existing.filter((other) => datesOverlap(draft, other));
  const conflicting = overlapping.find((other) => other.reason !== draft.reason);
  if (conflicting) return { action: 'refuse', existing: conflicting, rule: 'conflicting_absence' };
  // Parts of a day the new whole days cover are taken into them.
  const partsOfDays = overlapping.filter((other) => other.kind !== 'DAYS');
  const before = calendar.previousSchoolDay(draft.startsOn);
  const after = calendar.nextSchoolDay(draft.endsOn);
  const neighbours = existing
    .filter((other) => other.kind === 'DAYS' && other.reason === draft.reason && other.startsOn <= after && other.endsOn >= before)
    .sort((a, b) => (a.startsOn < b.startsOn ? -1 : 1));
  if (neighbours.length === 0) return { action: 'insert', absorbed: partsOfDays };
  const [first, ...others] = neighbours;
  const startsOn = [draft.startsOn, ...neighbours.map((n) => n.startsOn)].sort()[0];
  const endsOn = [draft.endsOn, ...neighbours.map((n) => n.endsOn)].sort().reverse()[0];
  if (others.length === 0 && partsOfDays.length === 0 && startsOn === first.startsOn && endsOn === first.endsOn) return { action: 'unchanged', existing: first };
  return { action: 'extend', existing: first, absorbed: [...others, ...partsOfDays], span: { kind: 'DAYS', startsOn, endsOn, periodFrom: null, periodTo: null } };
}

function placeLate<T extends ExistingAbsence>(draft: AbsenceSpan, existing: T[]): Placement<T> {
  const late = existing.find((other) => other.kind === 'LATE' && datesOverlap(draft, other));
  if (!late) return { action: 'insert', absorbed: [] };
  const isSame = late.minutes === draft.minutes && late.reason === draft.reason && (draft.periodFrom === null || late.periodFrom === draft.periodFrom);
  return isSame ? { action: 'unchanged', existing: late } : { action: 'refuse', existing: late, rule: 'already_reported' };
}

function placePartOfDay<T extends ExistingAbsence>(draft: AbsenceSpan, existing: T[]): Placement<T> {
  const sameDay = existing.filter((other) => isPartOfDay(other) && datesOverlap(draft, other));
  const conflicting = sameDay.find((other) => other.reason !== draft.reason && periodsOverlap(draft, other));
  if (conflicting) return { action: 'refuse', existing: conflicting, rule: 'conflicting_absence' };
  const touching = sameDay
    .filter((other) => other.reason === draft.reason && periodsTouch(draft, other))
    .sort((a, b) => (a.periodFrom ?? 1) - (b.periodFrom ?? 1));
  if (touching.length === 0) return { action: 'insert', absorbed: [] };
  const [first, ...others] = touching;
  const all = [draft, ...touching];
  const periodFrom = Math.min(...all.map((a) => a.periodFrom ?? 1));
  const last = Math.max(...all.map(lastPeriodOf));
  const span = last === Infinity
    ? { kind: 'EARLY_LEAVE' as const, startsOn: first.startsOn, endsOn: first.endsOn, periodFrom, periodTo: null }
    : { kind: 'PERIODS' as const, startsOn: first.startsOn, endsOn: first.endsOn, periodFrom, periodTo: last };
  const isUnchanged = others.length === 0 && span.kind === first.kind && span.periodFrom === first.periodFrom && span.periodTo === (first.periodTo ?? null);
  return isUnchanged ? { action: 'unchanged', existing: first } : { action: 'extend', existing: first, absorbed: others, span };
}
