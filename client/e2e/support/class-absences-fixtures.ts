import type { Page } from 'playwright-core';
import { addDays, berlinToday, graphql, mondayOf } from './timetable-fixtures';

// Absences for the browser tests of the class teacher's screens (class 7b of the demo
// Gymnasium). Today may be a weekend or a holiday, so every day is taken from the data: the
// school days are the days on which 7b's timetable has lessons, the holiday-adjacent day comes
// from the school year's holidays.

export interface SchoolFacts {
  schoolId: string;
  classId: string;
  pupils: { id: string; firstName: string; lastName: string }[];
  terms: { number: number; startsOn: string; endsOn: string }[];
  holidays: { startsOn: string; endsOn: string; kind: string }[];
}

const CLASS_QUERY = `query($s: ID!, $y: ID) { groups(filter: { schoolId: $s, schoolYearId: $y, kind: CLASS }, page: { limit: 200 }) { items { id name } } }`;
const PUPILS_QUERY = `query($c: ID!) { group(id: $c) { pupils { id firstName lastName } } }`;
const YEAR_QUERY = `query($y: ID!) { schoolYear(id: $y) { terms { number startsOn endsOn } holidays { startsOn endsOn kind } } }`;
const WEEK_QUERY = `query($t: TimetableTargetInput!, $w: LocalDate!) { weekTimetable(target: $t, weekStart: $w) { lessons { date status } } }`;

/** School, class 7b with its pupils, terms and holidays; the page is signed in as the office. */
export async function loadSchoolFacts(page: Page): Promise<SchoolFacts> {
  const { me } = await graphql<{ me: { schools: { id: string; currentSchoolYear: { id: string } }[] } }>(page, '{ me { schools { id currentSchoolYear { id } } } }');
  const school = me.schools[0];
  const { groups } = await graphql<{ groups: { items: { id: string; name: string }[] } }>(page, CLASS_QUERY, { s: school.id, y: school.currentSchoolYear.id });
  const classId = groups.items.find((group) => group.name === '7b')!.id;
  const { group } = await graphql<{ group: { pupils: SchoolFacts['pupils'] } }>(page, PUPILS_QUERY, { c: classId });
  const { schoolYear } = await graphql<{ schoolYear: Pick<SchoolFacts, 'terms' | 'holidays'> }>(page, YEAR_QUERY, { y: school.currentSchoolYear.id });
  return { schoolId: school.id, classId, pupils: group.pupils, ...schoolYear };
}

/** The days from `from` to `to` on which class 7b has lessons that take place. */
export async function schoolDaysOf7b(page: Page, classId: string, from: string, to: string): Promise<string[]> {
  const days = new Set<string>();
  for (let monday = mondayOf(from); monday <= to; monday = addDays(monday, 7)) {
    const { weekTimetable } = await graphql<{ weekTimetable: { lessons: { date: string; status: string }[] } }>(page, WEEK_QUERY, { t: { classId }, w: monday });
    for (const lesson of weekTimetable.lessons) {
      if (lesson.status !== 'CANCELLED' && lesson.date >= from && lesson.date <= to) days.add(lesson.date);
    }
  }
  return [...days].sort();
}

/**
 * A school day right before or after holidays (Ferien or a public holiday), the nearest to today:
 * with the school's "certificate next to holidays" rule an absence there needs a medical certificate.
 */
export async function dayNextToHolidays(page: Page, facts: SchoolFacts): Promise<string> {
  const today = berlinToday();
  const holidays = facts.holidays.filter((holiday) => holiday.kind !== 'NO_LESSONS');
  const isWeekend = (day: string) => [0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay());
  const step = (day: string, direction: 1 | -1) => {
    let next = addDays(day, direction);
    while (isWeekend(next)) next = addDays(next, direction);
    return next;
  };
  const candidates = holidays.flatMap((holiday) => [step(holiday.startsOn, -1), step(holiday.endsOn, 1)])
    .filter((day) => !holidays.some((holiday) => holiday.startsOn <= day && day <= holiday.endsOn))
    .sort((a, b) => Math.abs(Date.parse(a) - Date.parse(today)) - Math.abs(Date.parse(b) - Date.parse(today)));
  for (const day of candidates) {
    if ((await schoolDaysOf7b(page, facts.classId, day, day)).length === 1) return day;
  }
  throw new Error('no school day next to holidays found');
}

export interface ReportInput {
  pupilId: string;
  startsOn: string;
  endsOn?: string;
  reason?: string;
}

const REPORT = `mutation($i: ReportAbsenceInput!) { reportAbsence(input: $i) { outcome absence { id version requiresCertificate } } }`;

/** A sickness reported by phone by another person (the office's usual entry). */
export async function reportAbsence(page: Page, input: ReportInput): Promise<{ id: string; version: number; requiresCertificate: boolean }> {
  const { reportAbsence: result } = await graphql<{ reportAbsence: { outcome: string; absence: { id: string; version: number; requiresCertificate: boolean } } }>(
    page, REPORT, { i: { reason: 'SICK', reportedBy: 'OTHER', reporterName: 'Großmutter', reportedVia: 'PHONE', ...input } },
  );
  if (result.outcome !== 'CREATED') throw new Error(`absence not created: ${JSON.stringify(result)}`);
  return result.absence;
}

/** Changes some of the school's absence rules (school admin or management). */
export async function updateAbsenceSettings(page: Page, schoolId: string, input: Record<string, unknown>): Promise<void> {
  const { absenceSettings } = await graphql<{ absenceSettings: { version: number } }>(page, 'query($s: ID!) { absenceSettings(schoolId: $s) { version } }', { s: schoolId });
  await graphql(page, 'mutation($s: ID!, $v: Int!, $i: UpdateAbsenceSettingsInput!) { updateAbsenceSettings(schoolId: $s, version: $v, input: $i) { version } }', {
    s: schoolId, v: absenceSettings.version, i: input,
  });
}

interface RegisterLesson { lessonLineageId: string; isRecorded: boolean; lesson: { date: string; period: number; status: string; groups: { name: string }[] } }
export interface TaughtLesson { date: string; lessonLineageId: string; period: number }

/**
 * The latest of these (past) days on which the signed-in teacher taught 7b in a lesson nobody has
 * recorded yet (other browser tests share the server and keep registers too).
 */
export async function lessonTaughtIn7b(page: Page, days: string[]): Promise<TaughtLesson> {
  for (const date of [...days].reverse()) {
    const { myLessonsOfDay } = await graphql<{ myLessonsOfDay: RegisterLesson[] }>(page,
      'query($d: LocalDate) { myLessonsOfDay(date: $d) { lessonLineageId isRecorded lesson { date period status groups { name } } } }', { d: date });
    const lesson = myLessonsOfDay.find((l) => !l.isRecorded && l.lesson.status !== 'CANCELLED' && l.lesson.groups.some((g) => g.name === '7b'));
    if (lesson) return { date, lessonLineageId: lesson.lessonLineageId, period: lesson.lesson.period };
  }
  throw new Error('no lesson of 7b taught on the given days');
}

/** The pupils the register lists for the lesson (a class lesson: the whole class). */
export async function lessonPupils(page: Page, taught: TaughtLesson): Promise<string[]> {
  const { classRegisterLesson } = await graphql<{ classRegisterLesson: { pupils: { pupilId: string }[] } }>(page,
    'query($d: LocalDate!, $l: ID!, $p: Int!) { classRegisterLesson(date: $d, lessonLineageId: $l, period: $p) { pupils { pupilId } } }',
    { d: taught.date, l: taught.lessonLineageId, p: taught.period });
  return classRegisterLesson.pupils.map((p) => p.pupilId);
}

/**
 * The register contradicts a reported absence: the teacher records the lesson with every pupil
 * present, the one reported absent included.
 */
export async function recordEveryonePresent(page: Page, taught: TaughtLesson): Promise<void> {
  const { classRegisterLesson } = await graphql<{ classRegisterLesson: { mayEdit: boolean; pupils: { pupilId: string }[] } }>(page,
    'query($d: LocalDate!, $l: ID!, $p: Int!) { classRegisterLesson(date: $d, lessonLineageId: $l, period: $p) { mayEdit pupils { pupilId } } }',
    { d: taught.date, l: taught.lessonLineageId, p: taught.period });
  if (!classRegisterLesson.mayEdit) throw new Error(`the register of ${taught.date} may not be kept`);
  await graphql(page, 'mutation($i: SaveClassRegisterInput!) { saveClassRegister(input: $i) { mayEdit } }', {
    i: {
      date: taught.date, lessonLineageId: taught.lessonLineageId, period: taught.period, topic: 'Wiederholung',
      attendance: classRegisterLesson.pupils.map((p) => ({ pupilId: p.pupilId, status: 'PRESENT' })),
    },
  });
}
