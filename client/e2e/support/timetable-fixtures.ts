import type { Page } from 'playwright-core';

// Substitutions for the browser tests of the timetable. The demo timetable has none, so the tests
// import a GPU014 file (Untis substitutions) through the API as the school admin: a substitute
// teacher, a room change and a cancellation on one day of class 7b, and an extra lesson two days
// later. GPU014 names lessons by their Untis number, which the API does not expose; a first
// import of cancellations for every number finds which numbers 7b has that day (the matched ones
// carry their number in the text), the second import replaces that day with the real ones.

/** GraphQL as the signed-in browser user (the page's cookies). */
export async function graphql<T>(page: Page, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await page.request.post('/graphql', { data: { query, variables } });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data as T;
}

// Calendar days as 'YYYY-MM-DD', today in Berlin (as the app counts).
export const berlinToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date());
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}
const isoWeekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay() || 7;
export const mondayOf = (date: string) => addDays(date, 1 - isoWeekday(date));
/** The week the timetable opens with: this one, or on a weekend the coming one. */
export function defaultWeekStart(today = berlinToday()): string {
  return isoWeekday(today) >= 6 ? addDays(mondayOf(today), 7) : mondayOf(today);
}
export const germanDate = (date: string) => date.split('-').reverse().join('.');

interface Lesson {
  uid: string; date: string; period: number; status: string; text: string | null;
  subject: { shortName: string } | null; teachers: { abbreviation: string }[]; room: { shortName: string } | null;
}
interface Week { days: { date: string; holidayName: string | null }[]; lessons: Lesson[]; timeGrid: { weekday: number; period: number }[] }

const WEEK_QUERY = `query($t: TimetableTargetInput!, $w: LocalDate!) { weekTimetable(target: $t, weekStart: $w) {
  days { date holidayName } lessons { uid date period status text subject { shortName } teachers { abbreviation } room { shortName } }
  timeGrid { weekday period } } }`;

export interface SubstitutionFixture {
  schoolId: string;
  classId: string;
  /** the Monday of the week with the substitutions */
  weekStart: string;
  /** substitute teacher (period 1), room change (period 2), cancellation (period 3) */
  day: string;
  /** the extra lesson ("Zusatz") */
  extraDay: string;
  extraPeriod: number;
  substitute: { period: number; absent: string; substitute: string };
  roomChange: { period: number; from: string; to: string };
  cancelled: { period: number; subject: string };
}

const gpuText = (value: string | number) => (typeof value === 'number' ? String(value) : `"${value}"`);

/** One GPU014 line (22 fields, see shared/docs/untis-formats.md §4). */
function gpu014(row: {
  id: number; date: string; period: number; lesson?: number; absent?: string; substitute?: string; subject?: string;
  substituteSubject?: string; rooms?: string; substituteRooms?: string; classes: string; text?: string; kind?: string;
}): string {
  return [
    row.id, gpuText(row.date.replaceAll('-', '')), row.period, '', row.lesson ?? '', gpuText(row.absent ?? ''), gpuText(row.substitute ?? ''),
    gpuText(row.subject ?? ''), '', gpuText(row.substituteSubject ?? ''), '', gpuText(row.rooms ?? ''), gpuText(row.substituteRooms ?? ''), '',
    gpuText(row.classes), '""', gpuText(row.text ?? ''), 0, '""', row.kind ?? '', '', '',
  ].join(',');
}

/** A GraphQL multipart request (operations, map, then the file: the spec's order, which Apollo checks). */
function multipartBody(operations: object, file: { name: string; content: string }): { body: Buffer; contentType: string } {
  const boundary = `----sv-e2e-${Date.now()}`;
  const part = (name: string, value: string, fileName?: string) =>
    `--${boundary}\r\nContent-Disposition: form-data; name="${name}"${fileName ? `; filename="${fileName}"\r\nContent-Type: text/plain` : ''}\r\n\r\n${value}\r\n`;
  const body = part('operations', JSON.stringify(operations)) + part('map', JSON.stringify({ 0: ['variables.f.0'] }))
    + part('0', file.content, file.name) + `--${boundary}--\r\n`;
  return { body: Buffer.from(body, 'utf8'), contentType: `multipart/form-data; boundary=${boundary}` };
}

async function importSubstitutions(page: Page, schoolId: string, lines: string[]): Promise<void> {
  const { body, contentType } = multipartBody(
    { query: 'mutation($s: ID!, $f: [Upload!]!) { applyUntisImport(schoolId: $s, files: $f) { status } }', variables: { s: schoolId, f: [null] } },
    { name: 'GPU014.TXT', content: lines.join('\r\n') + '\r\n' },
  );
  const response = await page.request.post('/graphql', { headers: { 'apollo-require-preflight': 'true', 'content-type': contentType }, data: body });
  const answer = await response.json();
  if (answer.errors || answer.data?.applyUntisImport.status !== 'APPLIED') throw new Error(`GPU014 import failed: ${JSON.stringify(answer)}`);
}

const MAX_LESSON_NUMBER = 1000;

/** A teacher without lessons in the given periods (the probe's lines do not count), to stand in there. */
async function freeTeacher(page: Page, staff: { personId: string; abbreviation: string | null }[], exclude: string[], weekStart: string, slots: [string, number][]): Promise<string> {
  for (const teacher of staff) {
    if (!teacher.abbreviation || exclude.includes(teacher.abbreviation)) continue;
    const { weekTimetable } = await graphql<{ weekTimetable: Week }>(page, WEEK_QUERY, { t: { teacherId: teacher.personId }, w: weekStart });
    const busy = weekTimetable.lessons.some((l) => !l.text?.startsWith('probe') && slots.some(([date, period]) => l.date === date && l.period === period));
    if (!busy) return teacher.abbreviation;
  }
  throw new Error('no free teacher for the substitution');
}

/** Adds the substitutions to class 7b of the demo Gymnasium; the page is signed in as its school admin. */
export async function addSubstitutionsTo7b(page: Page): Promise<SubstitutionFixture> {
  const { me } = await graphql<{ me: { schools: { id: string; currentSchoolYear: { id: string } }[] } }>(page, '{ me { schools { id currentSchoolYear { id } } } }');
  const school = me.schools[0];
  const data = await graphql<{
    groups: { items: { id: string; name: string }[] }; staff: { items: { personId: string; abbreviation: string | null }[] }; rooms: { shortName: string }[];
  }>(page, `query($s: ID!, $y: ID) {
      groups(filter: { schoolId: $s, schoolYearId: $y, kind: CLASS }, page: { limit: 200 }) { items { id name } }
      staff(filter: { schoolId: $s, role: TEACHER }, page: { limit: 200 }) { items { personId abbreviation } }
      rooms(schoolId: $s) { shortName } }`, { s: school.id, y: school.currentSchoolYear.id });
  const classId = data.groups.items.find((group) => group.name === '7b')!.id;

  // The first week from now whose Tuesday and Thursday have lessons (no holiday).
  let weekStart = defaultWeekStart();
  let week: Week | undefined;
  for (let tries = 0; tries < 8; tries++, weekStart = addDays(weekStart, 7)) {
    week = (await graphql<{ weekTimetable: Week }>(page, WEEK_QUERY, { t: { classId }, w: weekStart })).weekTimetable;
    const [tuesday, thursday] = [addDays(weekStart, 1), addDays(weekStart, 3)];
    if ([1, 2, 3].every((period) => week!.lessons.some((l) => l.date === tuesday && l.period === period)) && week.lessons.some((l) => l.date === thursday)) break;
  }
  const day = addDays(weekStart, 1);
  const extraDay = addDays(weekStart, 3);

  // Probe: a cancellation for every lesson number in periods 1–3; the ones that hit 7b's lessons tell their numbers.
  const probe: string[] = [];
  let id = 1;
  for (const period of [1, 2, 3]) {
    for (let lesson = 1; lesson <= MAX_LESSON_NUMBER; lesson++) probe.push(gpu014({ id: id++, date: day, period, lesson, classes: '7b', text: `probe ${lesson}`, kind: 'C' }));
  }
  await importSubstitutions(page, school.id, probe);
  const probed = (await graphql<{ weekTimetable: Week }>(page, WEEK_QUERY, { t: { classId }, w: weekStart })).weekTimetable;
  const hit = (period: number) => {
    const lesson = probed.lessons.find((l) => l.date === day && l.period === period && !l.uid.startsWith('sub-') && l.text?.startsWith('probe'));
    if (!lesson) throw new Error(`no lesson of 7b found on ${day}, period ${period}`);
    return { number: Number(lesson.text!.split(' ')[1]), lesson };
  };
  const [first, second, third] = [hit(1), hit(2), hit(3)];

  const absent = first.lesson.teachers[0].abbreviation;
  const fromRoom = second.lesson.room?.shortName ?? '';
  const rooms = data.rooms.map((r) => r.shortName).filter((r) => r !== fromRoom);
  const toRoom = rooms.find((r) => /^[A-Z]\d{3}$/.test(r)) ?? rooms[0];
  // The extra lesson goes into a free period of Thursday if there is one (otherwise it shares a cell).
  const periods = [...new Set(probed.timeGrid.map((p) => p.period))].sort((a, b) => a - b);
  const extraPeriod = [...periods].reverse().find((period) => !probed.lessons.some((l) => l.date === extraDay && l.period === period)) ?? periods[periods.length - 1];
  const teacherOfThird = third.lesson.teachers[0].abbreviation;
  const substitute = await freeTeacher(page, data.staff.items, first.lesson.teachers.map((t) => t.abbreviation), weekStart, [[day, 1], [extraDay, extraPeriod]]);

  await importSubstitutions(page, school.id, [
    gpu014({ id: 1, date: day, period: 1, lesson: first.number, absent, substitute, subject: first.lesson.subject!.shortName, classes: '7b', text: 'Arbeitsblatt im Klassenraum' }),
    gpu014({ id: 2, date: day, period: 2, lesson: second.number, absent: second.lesson.teachers[0].abbreviation, rooms: fromRoom, substituteRooms: toRoom, classes: '7b', kind: 'R' }),
    gpu014({ id: 3, date: day, period: 3, lesson: third.number, absent: teacherOfThird, subject: third.lesson.subject!.shortName, classes: '7b', text: 'Lehrkraft auf Klassenfahrt', kind: 'C' }),
    gpu014({ id: 4, date: extraDay, period: extraPeriod, substitute, substituteSubject: 'M', substituteRooms: toRoom, classes: '7b', text: 'Förderunterricht' }),
  ]);
  return {
    schoolId: school.id, classId, weekStart, day, extraDay, extraPeriod,
    substitute: { period: 1, absent, substitute },
    roomChange: { period: 2, from: fromRoom, to: toRoom },
    cancelled: { period: 3, subject: third.lesson.subject!.shortName },
  };
}
