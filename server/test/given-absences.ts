import { addDays, berlinDate, weekday } from '@schulverwaltung/shared';
import type { TestApp, TestClient } from './test-app';
import { given, TEST_PASSWORD } from './given';
import { givenTimetable } from './given-timetable';
import { AbsenceSettingsEntity } from '../src/modules/absences/absence-settings.entity';
import { ExamEntity } from '../src/modules/absences/exam.entity';
import type { GroupEntity } from '../src/modules/groups/group.entity';
import type { LessonEntity } from '../src/modules/timetable/lesson.entity';
import type { SchoolYearEntity } from '../src/modules/school-years/school-year.entity';

// A school for absence and class-register specs: class 7b with four lessons every weekday
// (1 M and 4 Sp by the class teacher, 2 D and 3 E by a subject teacher), class 7a with one, an
// upper-school course, the office, guardians, a pupil of age, and a second school to stay out of.

export const mondayOf = (date: string) => addDays(date, 1 - weekday(date));

/** The first Monday to Friday on or after the day. */
export function weekdayFrom(date: string): string {
  let day = date;
  while (weekday(day) > 5) day = addDays(day, 1);
  return day;
}

/** The n-th weekday after the day (Friday + 1 = Monday). */
export function weekdaysAfter(date: string, count: number): string {
  let day = date;
  for (let i = 0; i < count; i++) day = weekdayFrom(addDays(day, 1));
  return day;
}

/** The last Monday to Friday on or before the day. */
export function weekdayUpTo(date: string): string {
  let day = date;
  while (weekday(day) > 5) day = addDays(day, -1);
  return day;
}

/** The n-th weekday before the day. */
export function weekdaysBefore(date: string, count: number): string {
  let day = date;
  for (let i = 0; i < count; i++) day = weekdayUpTo(addDays(day, -1));
  return day;
}

export const USERS = {
  secretariat: 'sekretariat', management: 'schulleitung', classTeacher: 'klassenleitung', teacher: 'fachlehrkraft',
  substitute: 'vertretung', teacher7a: 'klassenleitung7a', mother: 'mutter', father: 'vater', adult: 'paul', pupil: 'mia',
  otherSecretariat: 'sekretariat.b',
} as const;
export type AbsenceUser = keyof typeof USERS;

export interface AbsenceSchool {
  app: TestApp;
  schoolId: string;
  otherSchoolId: string;
  year: SchoolYearEntity;
  /** a Monday well inside the school year (sixth week), with lessons every weekday after it */
  week: string;
  classes: { c7a: GroupEntity; c7b: GroupEntity; course: GroupEntity };
  pupils: { anna: string; ben: string; mia: string; paul: string; tom: string; other: string };
  persons: Record<AbsenceUser, string> & { miaPerson: string };
  lessons: { p1: LessonEntity; p2: LessonEntity; p3: LessonEntity; p4: LessonEntity; course: LessonEntity };
  as(user: AbsenceUser): Promise<TestClient>;
  settings(values: Partial<AbsenceSettingsEntity>): Promise<void>;
  exam(groupId: string, date: string): Promise<void>;
}

export async function givenAbsenceSchool(app: TestApp): Promise<AbsenceSchool> {
  const g = given(app.dataSource);
  const t = givenTimetable(app.dataSource);
  const { school, year } = await g.school();
  await stretchSchoolYear(app, year);
  const other = await g.school();
  await stretchSchoolYear(app, other.year);
  await t.weekdayGrid(school.id, [['08:00', '08:45'], ['08:50', '09:35'], ['09:55', '10:40'], ['10:45', '11:30'], ['11:45', '12:30'], ['12:35', '13:20']]);
  const subjects = await Promise.all(['M', 'D', 'E', 'SP', 'BIO'].map((shortName) => g.subject(school.id, { shortName, name: shortName })));
  const [M, D, E, SP, BIO] = subjects.map((s) => s.id);
  const c7a = await g.group(school.id, year.id, '7a', 'CLASS', 7);
  const c7b = await g.group(school.id, year.id, '7b', 'CLASS', 7);
  const course = await g.group(school.id, year.id, 'bio-LK', 'COURSE', 12);

  const persons = {} as AbsenceSchool['persons'];
  persons.secretariat = (await g.staff(school.id, 'SECRETARIAT', USERS.secretariat)).id;
  persons.management = (await g.staff(school.id, 'SCHOOL_MANAGEMENT', USERS.management)).id;
  persons.classTeacher = (await g.staff(school.id, 'TEACHER', USERS.classTeacher, 'KL')).id;
  persons.teacher = (await g.staff(school.id, 'TEACHER', USERS.teacher, 'FL')).id;
  persons.substitute = (await g.staff(school.id, 'TEACHER', USERS.substitute, 'VT')).id;
  persons.teacher7a = (await g.staff(school.id, 'TEACHER', USERS.teacher7a, 'KA')).id;
  persons.otherSecretariat = (await g.staff(other.school.id, 'SECRETARIAT', USERS.otherSecretariat)).id;
  await g.groupMember(c7b, persons.classTeacher, 'CLASS_TEACHER');
  await g.groupMember(c7b, persons.teacher, 'TEACHER');
  await g.groupMember(c7a, persons.teacher7a, 'CLASS_TEACHER');
  await g.groupMember(course, persons.teacher, 'TEACHER');

  const anna = await g.pupil(school.id, year.id, c7b.id, { firstName: 'Anna', lastName: 'Müller' });
  const ben = await g.pupil(school.id, year.id, c7b.id, { firstName: 'Ben', lastName: 'Schmidt' });
  const mia = await g.pupil(school.id, year.id, c7b.id, { firstName: 'Mia', lastName: 'Sommer' });
  const paul = await g.pupil(school.id, year.id, c7b.id, { firstName: 'Paul', lastName: 'Groß', birthDate: '2000-01-01' });
  const tom = await g.pupil(school.id, year.id, c7a.id, { firstName: 'Tom', lastName: 'Winter' });
  const otherPupil = await g.pupil(other.school.id, other.year.id, null, { firstName: 'Lena', lastName: 'Müller' });
  await g.groupMember(course, paul.person.id, 'PUPIL');
  await g.account(mia.person.id, USERS.pupil);
  await g.account(paul.person.id, USERS.adult);
  persons.pupil = mia.person.id;
  persons.adult = paul.person.id;
  persons.miaPerson = mia.person.id;
  persons.mother = (await g.person({ firstName: 'Sabine', lastName: 'Sommer' })).id;
  persons.father = (await g.person({ firstName: 'Jan', lastName: 'Sommer' })).id;
  await g.account(persons.mother, USERS.mother);
  await g.account(persons.father, USERS.father);
  await g.guardianship(mia.pupil, persons.mother);
  await g.guardianship(mia.pupil, persons.father, { relation: 'FATHER', hasCustody: true, mayExcuse: false });

  const base = { schoolId: school.id, schoolYearId: year.id, validFrom: year.startsOn };
  const lesson = (subjectId: string, teacherId: string, groupId: string) => t.lesson({ ...base, subjectId, teacherIds: [teacherId], groupIds: [groupId] });
  const p1 = await lesson(M, persons.classTeacher, c7b.id);
  const p2 = await lesson(D, persons.teacher, c7b.id);
  const p3 = await lesson(E, persons.teacher, c7b.id);
  const p4 = await lesson(SP, persons.classTeacher, c7b.id);
  const d7a = await lesson(D, persons.teacher7a, c7a.id);
  const courseLesson = await lesson(BIO, persons.teacher, course.id);
  for (const day of [1, 2, 3, 4, 5]) {
    for (const [index, l] of [p1, p2, p3, p4].entries()) await t.entry(l, { weekday: day, period: index + 1, roomId: null, validFrom: year.startsOn });
    await t.entry(d7a, { weekday: day, period: 1, roomId: null, validFrom: year.startsOn });
    await t.entry(courseLesson, { weekday: day, period: 5, roomId: null, validFrom: year.startsOn });
  }

  const clients = new Map<AbsenceUser, TestClient>();
  return {
    app, schoolId: school.id, otherSchoolId: other.school.id, year, week: mondayOf(addDays(year.startsOn, 35)),
    classes: { c7a, c7b, course },
    pupils: { anna: anna.pupil.id, ben: ben.pupil.id, mia: mia.pupil.id, paul: paul.pupil.id, tom: tom.pupil.id, other: otherPupil.pupil.id },
    persons, lessons: { p1, p2, p3, p4, course: courseLesson },
    async as(user) {
      if (!clients.has(user)) clients.set(user, await app.as(USERS[user], TEST_PASSWORD));
      return clients.get(user)!;
    },
    async settings(values) {
      await app.dataSource.manager.upsert(AbsenceSettingsEntity, { schoolId: school.id, ...values }, ['schoolId']);
    },
    async exam(groupId, date) {
      await app.dataSource.manager.insert(ExamEntity, { schoolId: school.id, groupId, date, name: 'Klassenarbeit' });
    },
  };
}

// Specs enter absences from today on (portal reports, leave) and record lessons up to today, on
// whatever day they run: the school year is stretched to two months before and half a year after
// the real one, so both always lie inside it.
async function stretchSchoolYear(app: TestApp, year: SchoolYearEntity): Promise<void> {
  year.startsOn = addDays(year.startsOn, -61);
  year.endsOn = addDays(year.endsOn, 200);
  await app.dataSource.query('UPDATE school_years SET starts_on = $2, ends_on = $3 WHERE id = $1', [year.id, year.startsOn, year.endsOn]);
}

/** Today in Berlin, as the server sees it. */
export const today = () => berlinDate();

export const ABSENCE_FIELDS = `id version pupilId classId kind startsOn endsOn periodFrom periodTo minutes status reason note
  reportedBy reporterPersonId reporterName reporterDisplayName reportedVia excuseReceivedOn excuseDueOn isOverdue requiresCertificate
  certificateReceivedOn leaveStatus excusedByPersonId pupil { firstName lastName className } lessons { date period lessonLineageId }`;

export const SAVE_REGISTER = `mutation($input: SaveClassRegisterInput!) { saveClassRegister(input: $input) {
  mayEdit topicRequired entry { id version topic homework } pupils { pupilId status lateMinutes isSaved absenceId absenceStatus }
} }`;

export const REPORT = `mutation($input: ReportAbsenceInput!) { reportAbsence(input: $input) { outcome absence { ${ABSENCE_FIELDS} } } }`;

/** The secretariat's usual call: a guardian phoned, the pupil is sick. */
export function sickDays(pupilId: string, startsOn: string, endsOn = startsOn, extra: Record<string, unknown> = {}) {
  return { pupilId, kind: 'DAYS', startsOn, endsOn, reason: 'SICK', reportedBy: 'GUARDIAN', reportedVia: 'PHONE', ...extra };
}
