import { addDays, CalendarDate, isWithin, weekday } from '../dates';
import type { AbsenceKind, AbsenceReason, AbsenceStatus, LeaveStatus } from '../enums';
import type { DayOffInput, LessonOccurrence, SubjectRef } from '../timetable';

// How absences are counted for a certificate (Fehltage, Fehlstunden, Verspätungen), per pupil and
// date range (a term). The rules, as the spec's table shows them case by case:
// - A lesson is a timetable lesson of the pupil that took place: cancelled ones are no lessons.
//   One pupil attends one lesson per period, so lessons are counted per date and period.
// - A school day is a day with at least one lesson: weekends, holidays and days without lessons never count.
// - A lesson is missed when an absence covers it: DAYS every lesson of its days, PERIODS its periods,
//   EARLY_LEAVE the lessons from periodFrom on, plus the lessons the absence was linked to.
// - A day is missed when every lesson of it is missed (by one absence or several together).
// - Lateness is a late arrival (count and minutes), never a missed lesson.
// - SCHOOL_EVENT counts nothing; a leave (Beurlaubung) counts as excused once approved and
//   nothing while requested or after it was rejected.
// - REPORTED means not yet decided: counted apart as "offen", neither excused nor unexcused.
// - A lesson or day covered by absences of different statuses takes the least favourable one
//   (unexcused before open before excused): nothing is shown excused that a record calls otherwise.

/** How a missed lesson, day or late arrival counts. */
export type CountedStatus = 'EXCUSED' | 'UNEXCUSED' | 'OPEN';

/** A lesson occurrence of the pupil (expandTimetable); cancelled ones are passed through and skipped here. */
export type CountableLesson = Pick<LessonOccurrence, 'date' | 'period' | 'status' | 'groups' | 'subject'>;

export interface CountableAbsence {
  id: string;
  kind: AbsenceKind;
  startsOn: CalendarDate;
  endsOn: CalendarDate;
  periodFrom: number | null;
  periodTo: number | null;
  minutes: number | null;
  reason: AbsenceReason;
  status: AbsenceStatus;
  leaveStatus: LeaveStatus | null;
  /** lessons the absence was linked to when entered (absence_lessons): they count as covered */
  lessons?: { date: CalendarDate; period: number }[];
}

export interface AbsenceCountingInput {
  from: CalendarDate;
  to: CalendarDate;
  /** the pupil's lesson occurrences in [from, to] (class, courses, working groups) */
  lessons: CountableLesson[];
  absences: CountableAbsence[];
  /** holidays and days without lessons: needed only when the pupil has no timetable at all in the range */
  daysOff?: DayOffInput[];
  /** groups to count lessons for one by one (upper-school courses) */
  courseGroupIds?: string[];
}

export interface AbsenceFigures {
  schoolDays: number;
  lessonsHeld: number;
  daysAbsent: number;
  daysExcused: number;
  daysUnexcused: number;
  daysOpen: number;
  lessonsAbsent: number;
  lessonsExcused: number;
  lessonsUnexcused: number;
  lessonsOpen: number;
  lateCount: number;
  lateMinutes: number;
}

export interface CourseAbsenceFigures {
  groupId: string;
  lessonsHeld: number;
  lessonsAbsent: number;
  lessonsExcused: number;
  lessonsUnexcused: number;
  lessonsOpen: number;
}

export interface MissedLesson {
  period: number;
  subject: SubjectRef | null;
  status: CountedStatus;
}

/** A school day with missed lessons; `isWholeDay` when all of them were missed (then it is a Fehltag). */
export interface MissedDay {
  date: CalendarDate;
  isWholeDay: boolean;
  /** the day's status when whole, else the least favourable of its lessons */
  status: CountedStatus;
  lessons: MissedLesson[];
}

export interface LateArrival {
  date: CalendarDate;
  minutes: number;
  status: CountedStatus;
}

export interface AbsenceCount {
  figures: AbsenceFigures;
  /** one entry per course group asked for, in the order given */
  courses: CourseAbsenceFigures[];
  days: MissedDay[];
  lateArrivals: LateArrival[];
  /** no lessons in the timetable: school days are the weekdays outside days off, lessons cannot be counted */
  isWithoutTimetable: boolean;
}

export const EMPTY_FIGURES: AbsenceFigures = {
  schoolDays: 0, lessonsHeld: 0, daysAbsent: 0, daysExcused: 0, daysUnexcused: 0, daysOpen: 0,
  lessonsAbsent: 0, lessonsExcused: 0, lessonsUnexcused: 0, lessonsOpen: 0, lateCount: 0, lateMinutes: 0,
};

/** One period of one school day: the lesson(s) held then, with the groups they were for. */
interface Hour {
  period: number;
  subject: SubjectRef | null;
  groupIds: Set<string>;
}

interface CountedAbsence {
  absence: CountableAbsence;
  status: CountedStatus;
  linked: Set<string>;
}

/** Counts a pupil's absences in [from, to] by the rules above. */
export function countAbsences(input: AbsenceCountingInput): AbsenceCount {
  const counted = input.absences.flatMap(toCounted);
  const hoursByDate = hoursOf(input);
  const isWithoutTimetable = hoursByDate.size === 0;
  const schoolDates = isWithoutTimetable ? weekdaysOutside(input.daysOff ?? [], input.from, input.to) : [...hoursByDate.keys()].sort();
  const days = schoolDates.flatMap((date) => missedOn(date, hoursByDate.get(date) ?? [], counted, isWithoutTimetable));
  const schoolDateSet = new Set(schoolDates);
  const lateArrivals = counted
    .filter(({ absence }) => absence.kind === 'LATE' && schoolDateSet.has(absence.startsOn))
    .map(({ absence, status }) => ({ date: absence.startsOn, minutes: absence.minutes ?? 0, status }))
    .sort((a, b) => compareText(a.date, b.date));
  return {
    figures: figuresOf(schoolDates.length, hoursByDate, days, lateArrivals),
    courses: (input.courseGroupIds ?? []).map((groupId) => courseFiguresOf(groupId, hoursByDate, days)),
    days,
    lateArrivals,
    isWithoutTimetable,
  };
}

/** How an absence counts, or null when it counts nothing at all. */
export function countedStatusOf(absence: Pick<CountableAbsence, 'reason' | 'status' | 'leaveStatus'>): CountedStatus | null {
  if (absence.reason === 'SCHOOL_EVENT') return null;
  // A leave is decided in advance: only its approval makes it an (excused) absence.
  if (absence.leaveStatus !== null) return absence.leaveStatus === 'APPROVED' ? 'EXCUSED' : null;
  return absence.status === 'REPORTED' ? 'OPEN' : absence.status;
}

function toCounted(absence: CountableAbsence): CountedAbsence[] {
  const status = countedStatusOf(absence);
  if (status === null) return [];
  // A late arrival's links would make it a missed lesson, which lateness never is.
  const links = absence.kind === 'LATE' ? [] : absence.lessons ?? [];
  return [{ absence, status, linked: new Set(links.map((link) => hourKey(link.date, link.period))) }];
}

function hourKey(date: CalendarDate, period: number): string {
  return `${date}|${period}`;
}

function hoursOf(input: AbsenceCountingInput): Map<CalendarDate, Hour[]> {
  const byKey = new Map<string, Hour & { date: CalendarDate }>();
  for (const lesson of input.lessons) {
    if (lesson.status === 'CANCELLED' || !isWithin(lesson.date, input.from, input.to)) continue;
    const key = hourKey(lesson.date, lesson.period);
    const hour = byKey.get(key);
    if (hour) lesson.groups.forEach((group) => hour.groupIds.add(group.id));
    else byKey.set(key, { date: lesson.date, period: lesson.period, subject: lesson.subject, groupIds: new Set(lesson.groups.map((g) => g.id)) });
  }
  const byDate = new Map<CalendarDate, Hour[]>();
  for (const { date, ...hour } of byKey.values()) {
    const hours = byDate.get(date);
    if (hours) hours.push(hour);
    else byDate.set(date, [hour]);
  }
  for (const hours of byDate.values()) hours.sort((a, b) => a.period - b.period);
  return byDate;
}

function weekdaysOutside(daysOff: DayOffInput[], from: CalendarDate, to: CalendarDate): CalendarDate[] {
  const dates: CalendarDate[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) {
    if (weekday(date) <= 5 && !daysOff.some((off) => isWithin(date, off.startsOn, off.endsOn))) dates.push(date);
  }
  return dates;
}

function covers(counted: CountedAbsence, date: CalendarDate, period: number): boolean {
  const { absence } = counted;
  if (counted.linked.has(hourKey(date, period))) return true;
  switch (absence.kind) {
    case 'DAYS': return isWithin(date, absence.startsOn, absence.endsOn);
    case 'PERIODS': return date === absence.startsOn && period >= (absence.periodFrom ?? 1) && period <= (absence.periodTo ?? absence.periodFrom ?? Infinity);
    case 'EARLY_LEAVE': return date === absence.startsOn && absence.periodFrom !== null && period >= absence.periodFrom;
    case 'LATE': return false;
  }
}

function missedOn(date: CalendarDate, hours: Hour[], counted: CountedAbsence[], isWithoutTimetable: boolean): MissedDay[] {
  const thatDay = counted.filter(({ absence }) => isWithin(date, absence.startsOn, absence.endsOn));
  if (thatDay.length === 0) return [];
  if (isWithoutTimetable) return missedWithoutTimetable(date, thatDay);
  const lessons = hours.flatMap((hour) => {
    const status = leastFavourable(thatDay.filter((c) => covers(c, date, hour.period)).map((c) => c.status));
    return status ? [{ period: hour.period, subject: hour.subject, status }] : [];
  });
  if (lessons.length === 0) return [];
  return [{ date, isWholeDay: lessons.length === hours.length, status: leastFavourable(lessons.map((l) => l.status))!, lessons }];
}

// Without a timetable only whole-day absences can be judged.
function missedWithoutTimetable(date: CalendarDate, thatDay: CountedAbsence[]): MissedDay[] {
  const status = leastFavourable(thatDay.filter(({ absence }) => absence.kind === 'DAYS').map((c) => c.status));
  return status ? [{ date, isWholeDay: true, status, lessons: [] }] : [];
}

const SEVERITY: Record<CountedStatus, number> = { EXCUSED: 0, OPEN: 1, UNEXCUSED: 2 };

function leastFavourable(statuses: CountedStatus[]): CountedStatus | null {
  return statuses.reduce<CountedStatus | null>((worst, status) => (worst === null || SEVERITY[status] > SEVERITY[worst] ? status : worst), null);
}

function figuresOf(schoolDays: number, hoursByDate: Map<CalendarDate, Hour[]>, days: MissedDay[], late: LateArrival[]): AbsenceFigures {
  const figures = { ...EMPTY_FIGURES, schoolDays, lateCount: late.length, lateMinutes: late.reduce((sum, l) => sum + l.minutes, 0) };
  for (const hours of hoursByDate.values()) figures.lessonsHeld += hours.length;
  for (const day of days) {
    if (day.isWholeDay) addTo(figures, 'days', day.status);
    for (const lesson of day.lessons) addTo(figures, 'lessons', lesson.status);
  }
  return figures;
}

const FIELD_OF: Record<CountedStatus, 'Excused' | 'Unexcused' | 'Open'> = { EXCUSED: 'Excused', UNEXCUSED: 'Unexcused', OPEN: 'Open' };

function addTo(figures: AbsenceFigures, unit: 'days' | 'lessons', status: CountedStatus): void {
  figures[`${unit}Absent`] += 1;
  figures[`${unit}${FIELD_OF[status]}`] += 1;
}

function courseFiguresOf(groupId: string, hoursByDate: Map<CalendarDate, Hour[]>, days: MissedDay[]): CourseAbsenceFigures {
  const course = { groupId, lessonsHeld: 0, lessonsAbsent: 0, lessonsExcused: 0, lessonsUnexcused: 0, lessonsOpen: 0 };
  const periodsOfCourse = new Set<string>();
  for (const [date, hours] of hoursByDate) {
    for (const hour of hours) if (hour.groupIds.has(groupId)) periodsOfCourse.add(hourKey(date, hour.period));
  }
  course.lessonsHeld = periodsOfCourse.size;
  for (const day of days) {
    for (const lesson of day.lessons) {
      if (!periodsOfCourse.has(hourKey(day.date, lesson.period))) continue;
      course.lessonsAbsent += 1;
      course[`lessons${FIELD_OF[lesson.status]}`] += 1;
    }
  }
  return course;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
