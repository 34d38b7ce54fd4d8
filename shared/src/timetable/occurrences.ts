import { CalendarDate, isWithin, weekday } from '../dates';
import type { GroupKind } from '../enums';
import { dateOfEpochDay, epochDay, runsOn, WeekPattern } from './week-pattern';

// Turns the stored timetable (entries valid from–to, with a week pattern) plus substitutions into
// dated lesson occurrences: the one place that decides what happens on which day, used by the
// timetable views and the calendar feed alike.

export interface SubjectRef { id: string; shortName: string; name: string }
export interface TeacherRef { id: string; abbreviation: string; name: string }
/** kind: the plan heads a class "Klasse 7b" and a course "Kurs bio-L2" */
export interface GroupRef { id: string; name: string; kind: GroupKind }
export interface RoomRef { id: string; shortName: string }

export interface TimetableSlotInput {   // one timetable entry version joined with its lesson version
  entryId: string; lessonId: string; lessonLineageId: string;
  weekday: number;            // 1 = Monday … 7 = Sunday
  period: number;             // 1-based index into the time grid
  validFrom: string; validTo: string | null;   // already the intersection of entry and lesson validity (inclusive)
  subject: SubjectRef | null;
  teachers: TeacherRef[];
  groups: GroupRef[];
  room: RoomRef | null;
  weekPattern: WeekPattern;
  sequence: number;           // bumped by the importer whenever this slot's content changes
}
export interface PeriodTimeInput { weekday: number; period: number; startsAt: string; endsAt: string } // "HH:MM" local Berlin time
export interface DayOffInput { startsOn: string; endsOn: string; name: string; kind: string }      // holidays and days without lessons (inclusive)
export type SubstitutionKind = 'CANCELLED' | 'SUBSTITUTE' | 'ROOM_CHANGE' | 'EXTRA' | 'SHIFTED' | 'SUPERVISION' | 'OTHER';
export interface SubstitutionInput {
  id: string; date: string; period: number;
  lessonLineageId: string | null;     // null for extra lessons not tied to a regular lesson
  kind: SubstitutionKind;
  substituteTeachers?: TeacherRef[];  // the teachers on that day; empty or absent = unchanged
  substituteSubject?: SubjectRef | null;
  substituteRoom?: RoomRef | null;
  groups?: GroupRef[];  // for EXTRA
  text?: string | null;
  revision: number;                          // bumped when the substitution itself changes
}

export type OccurrenceStatus = 'REGULAR' | 'CHANGED' | 'CANCELLED' | 'EXTRA';

export interface LessonOccurrence {
  uid: string;                 // stable: `${lessonLineageId}-${date}-${period}` (extra lessons: `sub-${substitution id}`)
  date: string; period: number; startsAt: string | null; endsAt: string | null;
  subject: SubjectRef | null; teachers: TeacherRef[]; groups: GroupRef[]; room: RoomRef | null; // as they apply on that day
  original?: { subject: SubjectRef | null; teachers: TeacherRef[]; room: RoomRef | null }; // set when changed by a substitution
  status: OccurrenceStatus;
  substitutionKind?: SubstitutionKind; text?: string | null;
  sequence: number;            // slot sequence, + substitution revision + 1 when a substitution applies
  lessonId: string | null; entryId: string | null; substitutionId: string | null;
  lessonLineageId?: string | null;
}

export interface ExpandTimetableInput {
  slots: TimetableSlotInput[];
  periods: PeriodTimeInput[];
  daysOff: DayOffInput[];
  substitutions: SubstitutionInput[];
  from: CalendarDate;
  to: CalendarDate;
}

interface SchoolDay { date: CalendarDate; weekday: number }

interface ExpansionContext {
  from: CalendarDate;
  to: CalendarDate;
  schoolDays: SchoolDay[];
  daysOff: Set<CalendarDate>;
  periodTimes: Map<string, PeriodTimeInput>;
}

/**
 * Dated lessons in [from, to]: each slot on its weekday within its validity when its week pattern
 * says so, none on days off; substitutions change, cancel or add single occurrences.
 * A substitution that matches no regular occurrence (EXTRA, a shifted lesson's new place, a lesson
 * not in the slots) becomes an occurrence of its own (uid `sub-<id>`), CANCELLED if it cancels.
 * Sorted by date, period and subject. Several substitutions for one lesson, day and period:
 * the last one in input order wins (callers pass them ordered by time of change).
 */
export function expandTimetable(input: ExpandTimetableInput): LessonOccurrence[] {
  if (input.from > input.to) return [];
  const context = expansionContext(input);
  const regularByKey = expandRegularLessons(input.slots, context);
  const { byLessonKey, unmatched } = matchSubstitutions(input.substitutions, regularByKey, context);
  const occurrences: LessonOccurrence[] = [];
  for (const [key, regulars] of regularByKey) {
    const substitution = byLessonKey.get(key);
    for (const regular of regulars) occurrences.push(substitution ? withSubstitution(regular, substitution) : regular);
  }
  const findTemplate = lessonTemplateFinder(input.slots);
  for (const substitution of unmatched) {
    occurrences.push(extraOccurrence(substitution, findTemplate(substitution), context));
  }
  return occurrences.sort(compareOccurrences);
}

function expansionContext(input: ExpandTimetableInput): ExpansionContext {
  const daysOff = daysOffBetween(input.daysOff, input.from, input.to);
  const schoolDays: SchoolDay[] = [];
  for (let day = epochDay(input.from), last = epochDay(input.to); day <= last; day++) {
    const date = dateOfEpochDay(day);
    if (!daysOff.has(date)) schoolDays.push({ date, weekday: weekday(date) });
  }
  const periodTimes = new Map(input.periods.map((time) => [periodKey(time.weekday, time.period), time]));
  return { from: input.from, to: input.to, schoolDays, daysOff, periodTimes };
}

function daysOffBetween(daysOff: DayOffInput[], from: CalendarDate, to: CalendarDate): Set<CalendarDate> {
  const dates = new Set<CalendarDate>();
  for (const dayOff of daysOff) {
    const first = epochDay(dayOff.startsOn > from ? dayOff.startsOn : from);
    const last = epochDay(dayOff.endsOn < to ? dayOff.endsOn : to);
    for (let day = first; day <= last; day++) dates.add(dateOfEpochDay(day));
  }
  return dates;
}

function periodKey(weekdayNumber: number, period: number): string {
  return `${weekdayNumber}:${period}`;
}

function lessonKey(lessonLineageId: string, date: CalendarDate, period: number): string {
  return `${lessonLineageId}-${date}-${period}`;
}

function expandRegularLessons(slots: TimetableSlotInput[], context: ExpansionContext): Map<string, LessonOccurrence[]> {
  const slotsByWeekday = groupBy(slots.filter((slot) => overlapsRange(slot, context)), (slot) => slot.weekday);
  const byKey = new Map<string, LessonOccurrence[]>();
  for (const day of context.schoolDays) {
    for (const slot of slotsByWeekday.get(day.weekday) ?? []) {
      if (!isWithin(day.date, slot.validFrom, slot.validTo) || !runsOn(slot.weekPattern, day.date)) continue;
      const key = lessonKey(slot.lessonLineageId, day.date, slot.period);
      const sameKey = byKey.get(key);
      if (sameKey) sameKey.push(regularOccurrence(slot, day, context));
      else byKey.set(key, [regularOccurrence(slot, day, context)]);
    }
  }
  for (const sameKey of byKey.values()) if (sameKey.length > 1) makeUidsUnique(sameKey);
  return byKey;
}

function overlapsRange(slot: TimetableSlotInput, context: ExpansionContext): boolean {
  return slot.validFrom <= context.to && (slot.validTo === null || slot.validTo >= context.from);
}

// One lesson twice in the same period (e.g. two entries for two rooms) would share a UID, and
// calendar clients keep only one event per UID. The entry id tells them apart, independent of input order.
function makeUidsUnique(sameKey: LessonOccurrence[]): void {
  sameKey.sort((a, b) => compareText(a.entryId ?? '', b.entryId ?? ''));
  for (const occurrence of sameKey.slice(1)) occurrence.uid = `${occurrence.uid}-${occurrence.entryId}`;
}

function regularOccurrence(slot: TimetableSlotInput, day: SchoolDay, context: ExpansionContext): LessonOccurrence {
  const time = context.periodTimes.get(periodKey(day.weekday, slot.period));
  return {
    uid: lessonKey(slot.lessonLineageId, day.date, slot.period),
    date: day.date,
    period: slot.period,
    startsAt: time?.startsAt ?? null,
    endsAt: time?.endsAt ?? null,
    subject: slot.subject,
    teachers: slot.teachers,
    groups: slot.groups,
    room: slot.room,
    status: 'REGULAR',
    sequence: slot.sequence,
    lessonId: slot.lessonId,
    entryId: slot.entryId,
    substitutionId: null,
    lessonLineageId: slot.lessonLineageId,
  };
}

function matchSubstitutions(
  substitutions: SubstitutionInput[],
  regularByKey: Map<string, LessonOccurrence[]>,
  context: ExpansionContext,
): { byLessonKey: Map<string, SubstitutionInput>; unmatched: SubstitutionInput[] } {
  const byLessonKey = new Map<string, SubstitutionInput>();
  const unmatched: SubstitutionInput[] = [];
  for (const substitution of substitutions) {
    if (!isWithin(substitution.date, context.from, context.to) || context.daysOff.has(substitution.date)) continue;
    const key = substitution.kind === 'EXTRA' || substitution.lessonLineageId === null
      ? undefined
      : lessonKey(substitution.lessonLineageId, substitution.date, substitution.period);
    if (key !== undefined && regularByKey.has(key)) byLessonKey.set(key, substitution);
    else unmatched.push(substitution);
  }
  return { byLessonKey, unmatched };
}

function withSubstitution(regular: LessonOccurrence, substitution: SubstitutionInput): LessonOccurrence {
  const changed: LessonOccurrence = {
    ...regular,
    substitutionKind: substitution.kind,
    text: substitution.text ?? null,
    sequence: regular.sequence + substitution.revision + 1,
    substitutionId: substitution.id,
  };
  // A cancelled lesson is shown as it would have been, struck through.
  if (substitution.kind === 'CANCELLED') return { ...changed, status: 'CANCELLED' };
  return {
    ...changed,
    status: 'CHANGED',
    subject: substitution.substituteSubject ?? regular.subject,
    teachers: nonEmpty(substitution.substituteTeachers) ?? regular.teachers,
    room: substitution.substituteRoom ?? regular.room,
    original: { subject: regular.subject, teachers: regular.teachers, room: regular.room },
  };
}

function nonEmpty<T>(list: T[] | undefined): T[] | undefined {
  return list && list.length > 0 ? list : undefined;
}

type TemplateFinder = (substitution: SubstitutionInput) => TimetableSlotInput | undefined;

// A shifted or added lesson of a known lesson takes subject, teachers, groups and room from it
// (preferably from the entry valid on that day) unless the substitution says otherwise.
function lessonTemplateFinder(slots: TimetableSlotInput[]): TemplateFinder {
  let slotsByLineage: Map<string, TimetableSlotInput[]> | undefined;
  return (substitution) => {
    if (substitution.lessonLineageId === null) return undefined;
    slotsByLineage ??= groupBy(slots, (slot) => slot.lessonLineageId);
    const candidates = slotsByLineage.get(substitution.lessonLineageId) ?? [];
    return candidates.find((slot) => isWithin(substitution.date, slot.validFrom, slot.validTo)) ?? candidates[0];
  };
}

function extraOccurrence(
  substitution: SubstitutionInput,
  template: TimetableSlotInput | undefined,
  context: ExpansionContext,
): LessonOccurrence {
  const time = context.periodTimes.get(periodKey(weekday(substitution.date), substitution.period));
  return {
    uid: `sub-${substitution.id}`,
    date: substitution.date,
    period: substitution.period,
    startsAt: time?.startsAt ?? null,
    endsAt: time?.endsAt ?? null,
    subject: substitution.substituteSubject ?? template?.subject ?? null,
    teachers: nonEmpty(substitution.substituteTeachers) ?? template?.teachers ?? [],
    groups: nonEmpty(substitution.groups) ?? template?.groups ?? [],
    room: substitution.substituteRoom ?? template?.room ?? null,
    status: substitution.kind === 'CANCELLED' ? 'CANCELLED' : 'EXTRA',
    substitutionKind: substitution.kind,
    text: substitution.text ?? null,
    sequence: (template?.sequence ?? 0) + substitution.revision + 1,
    lessonId: template?.lessonId ?? null,
    entryId: null,
    substitutionId: substitution.id,
    lessonLineageId: substitution.lessonLineageId,
  };
}

// Creating a collator is costly; one serves every sort (created on first use, like berlinDate's formatter).
let germanCollator: Intl.Collator | undefined;

function compareOccurrences(a: LessonOccurrence, b: LessonOccurrence): number {
  return compareText(a.date, b.date)
    || a.period - b.period
    || (germanCollator ??= new Intl.Collator('de')).compare(a.subject?.shortName ?? '', b.subject?.shortName ?? '')
    || compareText(a.uid, b.uid); // a total order, so feeds render byte-identical for identical input
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function groupBy<T, K>(items: T[], keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const group = groups.get(keyOf(item));
    if (group) group.push(item);
    else groups.set(keyOf(item), [item]);
  }
  return groups;
}
