import type { Page } from 'playwright-core';
import { addDays, berlinToday, graphql, mondayOf } from './timetable-fixtures';

// Data for the class register's browser tests, prepared through the GraphQL API (the page's
// cookies, plain JSON POSTs as the app sends them): the signed-in teacher's lessons of a day, a
// reported absence (as the secretariat), a lesson the teacher covers as a substitute (as the
// school admin, by a GPU014 import — no demo login is among the demo's random substitutes).

export interface TeacherLesson {
  lessonLineageId: string;
  isSubstitution: boolean;
  lesson: { date: string; period: number; status: string; groups: { name: string }[]; subject: { shortName: string; name: string } | null };
}

const LESSONS_QUERY = `query($d: LocalDate) { myLessonsOfDay(date: $d) {
  lessonLineageId isSubstitution lesson { date period status groups { name } subject { shortName name } } } }`;

/** The signed-in teacher's lessons of a day (cancelled ones included), by time. */
export async function lessonsOf(page: Page, date: string): Promise<TeacherLesson[]> {
  return (await graphql<{ myLessonsOfDay: TeacherLesson[] }>(page, LESSONS_QUERY, { d: date })).myLessonsOfDay;
}

const held = (lessons: TeacherLesson[]) => lessons.filter((l) => l.lesson.status !== 'CANCELLED');

/** The first day after `date` on which the teacher has a lesson that takes place (within ten weeks). */
export async function nextTeachingDay(page: Page, date: string): Promise<string> {
  for (let day = addDays(date, 1), tries = 0; tries < 70; day = addDays(day, 1), tries++) {
    if (held(await lessonsOf(page, day)).length > 0) return day;
  }
  throw new Error(`no lesson within ten weeks after ${date}`);
}

/** The last day up to today on which the teacher had a lesson (the register is kept for lessons held). */
export async function lastTeachingDay(page: Page, today = berlinToday()): Promise<string> {
  for (let day = today, tries = 0; tries < 70; day = addDays(day, -1), tries++) {
    if (held(await lessonsOf(page, day)).length > 0) return day;
  }
  throw new Error(`no lesson within ten weeks before ${today}`);
}

/** The Saturday of the current week: a day without lessons on any date the tests run. */
export const saturdayOfThisWeek = (today = berlinToday()): string => addDays(mondayOf(today), 5);

export interface RegisterPupil { pupilId: string; firstName: string; lastName: string; status: string }

export async function registerPupils(page: Page, date: string, lesson: TeacherLesson): Promise<RegisterPupil[]> {
  const { classRegisterLesson } = await graphql<{ classRegisterLesson: { pupils: RegisterPupil[] } }>(page,
    'query($d: LocalDate!, $l: ID!, $p: Int!) { classRegisterLesson(date: $d, lessonLineageId: $l, period: $p) { pupils { pupilId firstName lastName status } } }',
    { d: date, l: lesson.lessonLineageId, p: lesson.lesson.period });
  return classRegisterLesson.pupils;
}

/** As the secretariat: a guardian called in the pupil sick for that whole day. */
export async function reportSickDay(secretariat: Page, pupilId: string, date: string): Promise<void> {
  await graphql(secretariat, 'mutation($i: ReportAbsenceInput!) { reportAbsence(input: $i) { outcome } }', {
    i: { pupilId, startsOn: date, endsOn: date, kind: 'DAYS', reason: 'SICK', reportedBy: 'GUARDIAN', reportedVia: 'PHONE' },
  });
}

/** As the school admin: the topic becomes required from the given grade on. */
export async function requireTopicFromGrade(admin: Page, grade: number): Promise<void> {
  const { me } = await graphql<{ me: { schools: { id: string }[] } }>(admin, '{ me { schools { id } } }');
  const schoolId = me.schools[0].id;
  const { absenceSettings } = await graphql<{ absenceSettings: { version: number } }>(admin, 'query($s: ID!) { absenceSettings(schoolId: $s) { version } }', { s: schoolId });
  await graphql(admin, 'mutation($s: ID!, $v: Int!, $i: UpdateAbsenceSettingsInput!) { updateAbsenceSettings(schoolId: $s, version: $v, input: $i) { version } }',
    { s: schoolId, v: absenceSettings.version, i: { topicRequiredFromGrade: grade } });
}

// ---- A substitution for the teacher (GPU014 import as the school admin) ----

interface WeekLesson { uid: string; date: string; period: number; status: string; text: string | null; subject: { shortName: string } | null; teachers: { abbreviation: string }[] }
const WEEK_QUERY = `query($t: TimetableTargetInput!, $w: LocalDate!) { weekTimetable(target: $t, weekStart: $w) {
  lessons { uid date period status text subject { shortName } teachers { abbreviation } } } }`;

async function weekLessons(page: Page, target: Record<string, string>, day: string): Promise<WeekLesson[]> {
  const { weekTimetable } = await graphql<{ weekTimetable: { lessons: WeekLesson[] } }>(page, WEEK_QUERY, { t: target, w: mondayOf(day) });
  return weekTimetable.lessons.filter((lesson) => lesson.date === day);
}

const quoted = (value: string) => `"${value}"`;

/** One GPU014 line (22 fields, see shared/docs/untis-formats.md §4). */
function gpu014(row: { id: number; date: string; period: number; lesson: number; absent?: string; substitute?: string; subject?: string; classes: string; text: string; kind?: string }): string {
  return [
    row.id, quoted(row.date.replaceAll('-', '')), row.period, '', row.lesson, quoted(row.absent ?? ''), quoted(row.substitute ?? ''),
    quoted(row.subject ?? ''), '', '""', '', '""', '""', '', quoted(row.classes), '""', quoted(row.text), 0, '""', row.kind ?? '', '', '',
  ].join(',');
}

async function importSubstitutions(admin: Page, schoolId: string, lines: string[]): Promise<void> {
  const boundary = `----sv-register-${Date.now()}`;
  const part = (name: string, value: string, fileName?: string) =>
    `--${boundary}\r\nContent-Disposition: form-data; name="${name}"${fileName ? `; filename="${fileName}"\r\nContent-Type: text/plain` : ''}\r\n\r\n${value}\r\n`;
  const operations = { query: 'mutation($s: ID!, $f: [Upload!]!) { applyUntisImport(schoolId: $s, files: $f) { status } }', variables: { s: schoolId, f: [null] } };
  const body = part('operations', JSON.stringify(operations)) + part('map', JSON.stringify({ 0: ['variables.f.0'] }))
    + part('0', lines.join('\r\n') + '\r\n', 'GPU014.TXT') + `--${boundary}--\r\n`;
  // A multipart request needs this header to pass Apollo's CSRF prevention (as the app's uploads send it).
  const response = await admin.request.post('/graphql', {
    headers: { 'apollo-require-preflight': 'true', 'content-type': `multipart/form-data; boundary=${boundary}` }, data: Buffer.from(body, 'utf8'),
  });
  const answer = await response.json();
  if (answer.errors || answer.data?.applyUntisImport.status !== 'APPLIED') throw new Error(`GPU014 import failed: ${JSON.stringify(answer)}`);
}

export interface CoverFixture { day: string; period: number; absentTeacher: string; className: string }

/**
 * Makes the teacher (person id, abbreviation) the substitute for a lesson of the class on `day`, in a
 * period they have free. GPU014 names lessons by their Untis number, which the API does not show:
 * a first import cancels every number in that period ("probe N"), the one that hits the class's
 * lesson tells its number, the second import replaces that day with the real substitution.
 */
export async function coverLessonOf(admin: Page, teacher: { personId: string; abbreviation: string }, className: string, day: string): Promise<CoverFixture> {
  const { me } = await graphql<{ me: { schools: { id: string; currentSchoolYear: { id: string } }[] } }>(admin, '{ me { schools { id currentSchoolYear { id } } } }');
  const school = me.schools[0];
  const { groups } = await graphql<{ groups: { items: { id: string; name: string }[] } }>(admin,
    'query($s: ID!, $y: ID) { groups(filter: { schoolId: $s, schoolYearId: $y, kind: CLASS }, page: { limit: 200 }) { items { id name } } }',
    { s: school.id, y: school.currentSchoolYear.id });
  const classId = groups.items.find((group) => group.name === className)!.id;

  const busy = new Set((await weekLessons(admin, { teacherId: teacher.personId }, day)).map((lesson) => lesson.period));
  const candidate = (await weekLessons(admin, { classId }, day)).find((lesson) => lesson.status === 'REGULAR' && !busy.has(lesson.period)
    && lesson.teachers.length === 1 && lesson.teachers[0].abbreviation !== teacher.abbreviation);
  if (!candidate) throw new Error(`no lesson of ${className} on ${day} in a period ${teacher.abbreviation} has free`);
  const { period } = candidate;

  const probe = Array.from({ length: 1000 }, (_, index) => gpu014({ id: index + 1, date: day, period, lesson: index + 1, classes: className, text: `probe ${index + 1}`, kind: 'C' }));
  await importSubstitutions(admin, school.id, probe);
  const hit = (await weekLessons(admin, { classId }, day)).find((lesson) => lesson.period === period && !lesson.uid.startsWith('sub-') && lesson.text?.startsWith('probe'));
  if (!hit) throw new Error(`the probe found no lesson of ${className} on ${day}, period ${period}`);

  const absentTeacher = candidate.teachers[0].abbreviation;
  await importSubstitutions(admin, school.id, [gpu014({
    id: 1, date: day, period, lesson: Number(hit.text!.split(' ')[1]), absent: absentTeacher, substitute: teacher.abbreviation,
    subject: candidate.subject?.shortName, classes: className, text: 'Arbeitsauftrag liegt vor',
  })]);
  return { day, period, absentTeacher, className };
}

/** The person id and abbreviation of a staff member, found by their user's person id. */
export async function teacherOf(admin: Page, personId: string): Promise<{ personId: string; abbreviation: string }> {
  const { me } = await graphql<{ me: { schools: { id: string }[] } }>(admin, '{ me { schools { id } } }');
  const { staff } = await graphql<{ staff: { items: { personId: string; abbreviation: string | null }[] } }>(admin,
    'query($s: ID!) { staff(filter: { schoolId: $s, role: TEACHER }, page: { limit: 200 }) { items { personId abbreviation } } }', { s: me.schools[0].id });
  const member = staff.items.find((item) => item.personId === personId);
  if (!member?.abbreviation) throw new Error(`no teacher abbreviation for ${personId}`);
  return { personId, abbreviation: member.abbreviation };
}
