import { Client } from 'pg';
import { addDays, weekday } from '@schulverwaltung/shared';
import { startTestApp, TestApp, TestClient } from '../../../test/test-app';
import { given, signedInStaff, TEST_PASSWORD } from '../../../test/given';
import { givenTimetable } from '../../../test/given-timetable';
import { firstError } from '../../../test/inspect';
import { GroupEntity } from '../groups/group.entity';
import { SchoolYearEntity } from '../school-years/school-year.entity';
import { loadTimetable } from './timetable-data';
import { timetableDayCache } from './timetable-day-cache';

class Rollback extends Error {}

// The read side of the timetable: one school's lessons as the Untis import would store them (lesson
// versions, entries, substitutions, time grid, holidays), read as the week of a class, teacher, room
// or pupil, as one's own week, and as the daily substitution plan — each scoped by the caller's rights.

const WEEK = `query($target: TimetableTargetInput!, $weekStart: LocalDate!) {
  weekTimetable(target: $target, weekStart: $weekStart) { ...Week }
}`;
const MY_WEEKS = `query($weekStart: LocalDate!) { myTimetable(weekStart: $weekStart) { ...Week } }`;
const WEEK_FIELDS = `fragment Week on WeekTimetable {
  target targetId title weekStart
  days { date weekday holidayName }
  lessons {
    uid schoolId date weekday period startsAt endsAt status substitutionKind text lessonId
    subject { shortName name } teachers { id abbreviation name } groups { name } room { shortName }
    original { subject { shortName } teachers { abbreviation } room { shortName } }
  }
  timeGrid { weekday period startsAt endsAt }
}`;
const PLAN = `query($schoolId: ID!, $date: LocalDate!) {
  substitutionPlan(schoolId: $schoolId, date: $date) {
    period startsAt kind status text groups { name }
    subject { shortName } teachers { abbreviation } room { shortName }
    originalSubject { shortName } originalTeachers { abbreviation } originalRoom { shortName }
  }
}`;

interface Lesson {
  uid: string; schoolId: string; date: string; weekday: number; period: number; startsAt: string | null; endsAt: string | null;
  status: string; substitutionKind: string | null; text: string | null; lessonId: string | null;
  subject: { shortName: string; name: string } | null; teachers: { id: string; abbreviation: string; name: string }[];
  groups: { name: string }[]; room: { shortName: string } | null;
  original: { subject: { shortName: string } | null; teachers: { abbreviation: string }[]; room: { shortName: string } | null } | null;
}
interface Week { target: string; targetId: string; title: string; weekStart: string; days: { date: string; weekday: number; holidayName: string | null }[]; lessons: Lesson[] }

const DAY_NAMES = ['', 'Mo', 'Di', 'Mi', 'Do', 'Fr', 'Sa', 'So'];

/** A lesson as one line, e.g. "Mo 1 M 7b MÜL 101" or "Di 1 D 7b SCH 202 CANCELLED". */
function line(lesson: Lesson): string {
  const parts = [
    DAY_NAMES[lesson.weekday], lesson.period, lesson.subject?.shortName ?? '-', lesson.groups.map((g) => g.name).join('+'),
    lesson.teachers.map((t) => t.abbreviation).join('+') || '-', lesson.room?.shortName ?? '-',
  ];
  return `${parts.join(' ')}${lesson.status === 'REGULAR' ? '' : ` ${lesson.status}`}`;
}
const linesOf = (week: Week) => week.lessons.map(line);

const mondayOf = (date: string) => addDays(date, 1 - weekday(date));

/** Every SQL statement the work sends (prepared ones included), counted at the database client. */
async function countStatements<T>(work: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
  const spy = jest.spyOn(Client.prototype, 'query');
  try {
    const result = await work();
    return { result, statements: spy.mock.calls.map(([query]) => (typeof query === 'string' ? query : (query as { text: string }).text)) };
  } finally {
    spy.mockRestore();
  }
}

describe('timetable', () => {
  let app: TestApp;
  let schoolId: string;
  let year: SchoolYearEntity;
  // Five weeks of the school year: A week, B week, autumn holidays, a week of substitutions, a week with changes.
  let W1: string; let W2: string; let W3: string; let W4: string; let W5: string;
  const ids: Record<string, string> = {};
  const lineages: Record<string, string> = {};
  let secretariat: TestClient;

  beforeAll(async () => {
    app = await startTestApp();
    const g = given(app.dataSource);
    ({ school: { id: schoolId }, year } = await g.school());
    W1 = mondayOf(addDays(year.startsOn, 35));
    [W2, W3, W4, W5] = [7, 14, 21, 28].map((days) => addDays(W1, days));
    await buildSchool(g);
    await buildLessons();
    await buildWeekFour();
    ({ client: secretariat } = await signedInStaff(app, schoolId, 'SECRETARIAT', 'sekretariat'));
  });

  afterAll(() => app.close());

  async function buildSchool(g: ReturnType<typeof given>) {
    for (const [key, shortName, name] of [['M', 'M', 'Mathematik'], ['D', 'D', 'Deutsch'], ['E', 'E', 'Englisch'], ['SP', 'SP', 'Sport']]) {
      ids[key] = (await g.subject(schoolId, { shortName, name })).id;
    }
    for (const shortName of ['101', '202', 'TH']) ids[`room${shortName}`] = (await g.room(schoolId, { shortName })).id;
    ids.mueller = (await g.staff(schoolId, 'TEACHER', 'mueller', 'MÜL')).id;
    ids.schmidt = (await g.staff(schoolId, 'TEACHER', 'schmidt', 'SCH')).id;
    for (const [name, kind, grade] of [['7a', 'CLASS', 7], ['7b', 'CLASS', 7], ['10a', 'CLASS', 10], ['en-G1', 'COURSE', 7]] as const) {
      ids[name] = (await g.group(schoolId, year.id, name, kind, grade)).id;
    }
    const mia = await g.pupil(schoolId, year.id, ids['7b'], { firstName: 'Mia', lastName: 'Sommer' });
    ids.mia = mia.pupil.id;
    await g.account(mia.person.id, 'mia');
    await g.groupMember({ id: ids['en-G1'], schoolId } as GroupEntity, mia.person.id, 'PUPIL');
    ids.tom = (await g.pupil(schoolId, year.id, ids['7a'], { firstName: 'Tom', lastName: 'Winter' })).pupil.id;
    const mother = await g.person();
    await g.account(mother.id, 'mutter');
    await g.guardianship(mia.pupil, mother.id);
    const father = await g.person();
    await g.account(father.id, 'vater');
    await g.guardianship(mia.pupil, father.id, { relation: 'FATHER', hasCustody: false, hasInformationBlock: true, mayExcuse: false });
    await givenTimetable(app.dataSource).weekdayGrid(schoolId, [['08:00', '08:45'], ['08:50', '09:35'], ['09:55', '10:40'], ['10:45', '11:30']]);
    await g.holiday(year, { name: 'Herbstferien', startsOn: W3, endsOn: addDays(W3, 4), kind: 'HOLIDAY' });
  }

  async function buildLessons() {
    const t = givenTimetable(app.dataSource);
    const base = { schoolId, schoolYearId: year.id, validFrom: year.startsOn };
    const math = await t.lesson({ ...base, subjectId: ids.M, teacherIds: [ids.mueller], groupIds: [ids['7b']] });
    await t.entry(math, { weekday: 1, period: 1, roomId: ids.room101, validFrom: year.startsOn });
    await t.entry(math, { weekday: 3, period: 2, roomId: ids.room101, validFrom: year.startsOn });
    // Friday's maths moves to room 202 from Thursday of week 5 on: a new entry version, SEQUENCE + 1.
    await t.entry(math, { weekday: 5, period: 1, roomId: ids.room101, validFrom: year.startsOn, validTo: addDays(W5, 2) });
    await t.entry(math, { weekday: 5, period: 1, roomId: ids.room202, validFrom: addDays(W5, 3), sequence: 1 });
    // German changes teacher from Wednesday of week 5 on: a new lesson version of the same lineage.
    const german = await t.lesson({ ...base, subjectId: ids.D, teacherIds: [ids.schmidt], groupIds: [ids['7b']], validTo: addDays(W5, 1) });
    await t.lesson({ ...base, subjectId: ids.D, teacherIds: [ids.mueller], groupIds: [ids['7b']], validFrom: addDays(W5, 2), lineageId: german.lineageId });
    await t.entry(german, { weekday: 2, period: 1, roomId: ids.room202, validFrom: year.startsOn });
    await t.entry(german, { weekday: 4, period: 1, roomId: ids.room202, validFrom: year.startsOn });
    const english = await t.lesson({ ...base, subjectId: ids.E, teacherIds: [ids.schmidt], groupIds: [ids['en-G1']] });
    await t.entry(english, { weekday: 4, period: 3, roomId: ids.room202, validFrom: year.startsOn });
    // Sport for 7a and 7b together, in A weeks only.
    const sport = await t.lesson({
      ...base, subjectId: ids.SP, teacherIds: [ids.mueller], groupIds: [ids['7a'], ids['7b']],
      weekPattern: { kind: 'CYCLE', length: 2, weeks: [1], anchorMonday: W1 },
    });
    await t.entry(sport, { weekday: 5, period: 3, roomId: ids.roomTH, validFrom: year.startsOn });
    const math7a = await t.lesson({ ...base, subjectId: ids.M, teacherIds: [ids.mueller], groupIds: [ids['7a']] });
    await t.entry(math7a, { weekday: 1, period: 2, roomId: ids.room101, validFrom: year.startsOn });
    Object.assign(lineages, { math: math.lineageId, german: german.lineageId, math7a: math7a.lineageId });
    ids.germanV1 = german.id;
  }

  // Week 4: a room change, a cancellation, a substitute teacher, an extra lesson — and on Monday the plan's other lines.
  async function buildWeekFour() {
    const t = givenTimetable(app.dataSource);
    const monday = W4;
    await t.substitution({ schoolId, date: monday, period: 1, kind: 'ROOM_CHANGE', lessonLineageId: lineages.math, substituteRoomId: ids.room202, groupIds: [ids['7b']], text: 'Raumtausch' });
    await t.substitution({ schoolId, date: monday, period: 2, kind: 'CANCELLED', lessonLineageId: lineages.math7a, groupIds: [ids['7a']] });
    await t.substitution({ schoolId, date: monday, period: 1, kind: 'EXTRA', substituteSubjectId: ids.SP, groupIds: [ids['10a']] });
    await t.substitution({ schoolId, date: addDays(W4, 1), period: 1, kind: 'CANCELLED', lessonLineageId: lineages.german, text: 'Fortbildung' });
    await t.substitution({ schoolId, date: addDays(W4, 2), period: 2, kind: 'SUBSTITUTE', lessonLineageId: lineages.math, substituteTeacherIds: [ids.schmidt] });
    await t.substitution({
      schoolId, date: addDays(W4, 3), period: 2, kind: 'EXTRA', substituteSubjectId: ids.D, substituteTeacherIds: [ids.schmidt],
      substituteRoomId: ids.room202, groupIds: [ids['7b']], text: 'Förderunterricht',
    });
  }

  const week = (client: TestClient, target: Record<string, string>, weekStart: string) =>
    client.gql<{ weekTimetable: Week }>(`${WEEK} ${WEEK_FIELDS}`, { target, weekStart });
  const okWeek = async (client: TestClient, target: Record<string, string>, weekStart: string) =>
    (await client.ok<{ weekTimetable: Week }>(`${WEEK} ${WEEK_FIELDS}`, { target, weekStart })).weekTimetable;
  const myWeeks = async (client: TestClient, weekStart: string) =>
    (await client.ok<{ myTimetable: Week[] }>(`${MY_WEEKS} ${WEEK_FIELDS}`, { weekStart })).myTimetable;

  describe('weekTimetable → when the secretariat reads a class in an A week', () => {
    it('should list the class\'s lessons with times, teachers, groups and rooms, Monday to Friday', async () => {
      const result = await okWeek(secretariat, { classId: ids['7b'] }, W1);

      expect(linesOf(result)).toEqual([
        'Mo 1 M 7b MÜL 101', 'Di 1 D 7b SCH 202', 'Mi 2 M 7b MÜL 101', 'Do 1 D 7b SCH 202', 'Fr 1 M 7b MÜL 101', 'Fr 3 SP 7a+7b MÜL TH',
      ]);
      expect(result).toEqual(expect.objectContaining({ target: 'CLASS', targetId: ids['7b'], title: '7b', weekStart: W1 }));
      expect(result.days).toEqual([0, 1, 2, 3, 4].map((offset) => ({ date: addDays(W1, offset), weekday: offset + 1, holidayName: null })));
      expect(result.lessons[0]).toEqual(expect.objectContaining({
        uid: `${lineages.math}-${W1}-1`, schoolId, date: W1, startsAt: '08:00', endsAt: '08:45', status: 'REGULAR',
        subject: { shortName: 'M', name: 'Mathematik' }, teachers: [{ id: ids.mueller, abbreviation: 'MÜL', name: expect.any(String) }],
        original: null, substitutionKind: null,
      }));
    });

    it('in the following B week → should leave out the A-week sport lesson', async () => {
      const result = await okWeek(secretariat, { classId: ids['7b'] }, W2);

      expect(linesOf(result)).toEqual(['Mo 1 M 7b MÜL 101', 'Di 1 D 7b SCH 202', 'Mi 2 M 7b MÜL 101', 'Do 1 D 7b SCH 202', 'Fr 1 M 7b MÜL 101']);
    });

    it('in the autumn holidays → should show no lessons and name the holiday on each day', async () => {
      const result = await okWeek(secretariat, { classId: ids['7b'] }, W3);

      expect(result.lessons).toEqual([]);
      expect(result.days.map((day) => day.holidayName)).toEqual(Array(5).fill('Herbstferien'));
    });
  });

  describe('weekTimetable → teacher, room and pupil views of the same A week', () => {
    it('a teacher → should show every lesson they teach, of all their classes', async () => {
      const result = await okWeek(secretariat, { teacherId: ids.mueller }, W1);

      expect(linesOf(result)).toEqual(['Mo 1 M 7b MÜL 101', 'Mo 2 M 7a MÜL 101', 'Mi 2 M 7b MÜL 101', 'Fr 1 M 7b MÜL 101', 'Fr 3 SP 7a+7b MÜL TH']);
      expect(result.title).toMatch(/ \(MÜL\)$/);
    });

    it('a room → should show every lesson held in it', async () => {
      const result = await okWeek(secretariat, { roomId: ids.room101 }, W1);

      expect(linesOf(result)).toEqual(['Mo 1 M 7b MÜL 101', 'Mo 2 M 7a MÜL 101', 'Mi 2 M 7b MÜL 101', 'Fr 1 M 7b MÜL 101']);
      expect(result.title).toBe('Raum 101');
    });

    it('a pupil → should show the lessons of their class and of their course', async () => {
      const result = await okWeek(secretariat, { pupilId: ids.mia }, W1);

      expect(linesOf(result)).toEqual([
        'Mo 1 M 7b MÜL 101', 'Di 1 D 7b SCH 202', 'Mi 2 M 7b MÜL 101', 'Do 1 D 7b SCH 202', 'Do 3 E en-G1 SCH 202', 'Fr 1 M 7b MÜL 101', 'Fr 3 SP 7a+7b MÜL TH',
      ]);
      expect(result.title).toBe('Mia Sommer');
    });
  });

  describe('weekTimetable → when substitutions change the week', () => {
    it('the class → should show the room change, the cancellation, the substitute teacher and the extra lesson', async () => {
      const result = await okWeek(secretariat, { classId: ids['7b'] }, W4);

      expect(linesOf(result)).toEqual([
        'Mo 1 M 7b MÜL 202 CHANGED', 'Di 1 D 7b SCH 202 CANCELLED', 'Mi 2 M 7b SCH 101 CHANGED', 'Do 1 D 7b SCH 202', 'Do 2 D 7b SCH 202 EXTRA', 'Fr 1 M 7b MÜL 101',
      ]);
      const [roomChange, cancelled, substituted, , extra] = result.lessons;
      expect(roomChange).toEqual(expect.objectContaining({
        substitutionKind: 'ROOM_CHANGE', text: 'Raumtausch', uid: `${lineages.math}-${W4}-1`,
        original: { subject: { shortName: 'M' }, teachers: [{ abbreviation: 'MÜL' }], room: { shortName: '101' } },
      }));
      expect(cancelled).toEqual(expect.objectContaining({ substitutionKind: 'CANCELLED', text: 'Fortbildung', original: null }));
      expect(substituted.original?.teachers).toEqual([{ abbreviation: 'MÜL' }]);
      expect(extra).toEqual(expect.objectContaining({ substitutionKind: 'EXTRA', text: 'Förderunterricht', lessonId: null, startsAt: '08:50' }));
    });

    it('the substitute teacher → should show the lesson they cover and the extra lesson beside their own', async () => {
      const result = await okWeek(secretariat, { teacherId: ids.schmidt }, W4);

      expect(linesOf(result)).toEqual([
        'Di 1 D 7b SCH 202 CANCELLED', 'Mi 2 M 7b SCH 101 CHANGED', 'Do 1 D 7b SCH 202', 'Do 2 D 7b SCH 202 EXTRA', 'Do 3 E en-G1 SCH 202',
      ]);
    });

    it('the absent teacher → should still show their lessons, as changed or cancelled', async () => {
      const result = await okWeek(secretariat, { teacherId: ids.mueller }, W4);

      expect(linesOf(result)).toEqual(['Mo 1 M 7b MÜL 202 CHANGED', 'Mo 2 M 7a MÜL 101 CANCELLED', 'Mi 2 M 7b SCH 101 CHANGED', 'Fr 1 M 7b MÜL 101']);
    });

    it('the rooms → should show a lesson moved in, and one moved away as changed', async () => {
      const room202 = await okWeek(secretariat, { roomId: ids.room202 }, W4);
      const room101 = await okWeek(secretariat, { roomId: ids.room101 }, W4);

      expect(linesOf(room202)).toEqual([
        'Mo 1 M 7b MÜL 202 CHANGED', 'Di 1 D 7b SCH 202 CANCELLED', 'Do 1 D 7b SCH 202', 'Do 2 D 7b SCH 202 EXTRA', 'Do 3 E en-G1 SCH 202',
      ]);
      expect(linesOf(room101)).toEqual(['Mo 1 M 7b MÜL 202 CHANGED', 'Mo 2 M 7a MÜL 101 CANCELLED', 'Mi 2 M 7b SCH 101 CHANGED', 'Fr 1 M 7b MÜL 101']);
    });
  });

  describe('weekTimetable → when a lesson and an entry change in the middle of a week', () => {
    it('should show the old teacher and room on the days before, the new ones on the days after', async () => {
      const result = await okWeek(secretariat, { classId: ids['7b'] }, W5);

      expect(linesOf(result)).toEqual([
        'Mo 1 M 7b MÜL 101', 'Di 1 D 7b SCH 202', 'Mi 2 M 7b MÜL 101', 'Do 1 D 7b MÜL 202', 'Fr 1 M 7b MÜL 202', 'Fr 3 SP 7a+7b MÜL TH',
      ]);
      const [tuesday, thursday] = result.lessons.filter((l) => l.subject?.shortName === 'D');
      expect(tuesday.lessonId).toBe(ids.germanV1);
      expect(thursday.lessonId).not.toBe(ids.germanV1);
      expect(thursday.uid).toBe(`${lineages.german}-${addDays(W5, 3)}-1`);
    });
  });

  describe('substitutionPlan', () => {
    it('when the secretariat reads a day → should list its substitutions by class, then period, with what was planned', async () => {
      const { substitutionPlan } = await secretariat.ok(PLAN, { schoolId, date: W4 });

      expect(substitutionPlan).toEqual([
        {
          period: 2, startsAt: '08:50', kind: 'CANCELLED', status: 'CANCELLED', text: null, groups: [{ name: '7a' }],
          subject: null, teachers: [], room: null,
          originalSubject: { shortName: 'M' }, originalTeachers: [{ abbreviation: 'MÜL' }], originalRoom: { shortName: '101' },
        },
        {
          period: 1, startsAt: '08:00', kind: 'ROOM_CHANGE', status: 'CHANGED', text: 'Raumtausch', groups: [{ name: '7b' }],
          subject: { shortName: 'M' }, teachers: [{ abbreviation: 'MÜL' }], room: { shortName: '202' },
          originalSubject: { shortName: 'M' }, originalTeachers: [{ abbreviation: 'MÜL' }], originalRoom: { shortName: '101' },
        },
        {
          period: 1, startsAt: '08:00', kind: 'EXTRA', status: 'EXTRA', text: null, groups: [{ name: '10a' }],
          subject: { shortName: 'SP' }, teachers: [], room: null, originalSubject: null, originalTeachers: [], originalRoom: null,
        },
      ]);
    });

    it('when a pupil asks → should answer FORBIDDEN', async () => {
      const pupil = await app.as('mia', TEST_PASSWORD);

      expect(firstError(await pupil.gql(PLAN, { schoolId, date: W4 }))?.code).toBe('FORBIDDEN');
    });
  });

  describe('rights', () => {
    describe('when a pupil signs in', () => {
      it('should see their own week, also as myTimetable', async () => {
        const pupil = await app.as('mia', TEST_PASSWORD);

        const own = await okWeek(pupil, { pupilId: ids.mia }, W1);
        const mine = await myWeeks(pupil, W1);

        expect(linesOf(own)).toContain('Do 3 E en-G1 SCH 202');
        expect(mine).toEqual([own]);
      });

      it.each([['a classmate', 'pupilId', 'tom'], ['their class as a target', 'classId', '7b'], ['a teacher', 'teacherId', 'mueller'], ['a room', 'roomId', 'room101']])(
        '%s → should answer NOT_FOUND', async (_what, field, key) => {
          const pupil = await app.as('mia', TEST_PASSWORD);

          expect(firstError(await week(pupil, { [field]: ids[key] }, W1))?.code).toBe('NOT_FOUND');
        },
      );
    });

    describe('when a guardian signs in', () => {
      it('with custody → should get one week per child, named after the child', async () => {
        const mother = await app.as('mutter', TEST_PASSWORD);

        const mine = await myWeeks(mother, W1);
        const stranger = await week(mother, { pupilId: ids.tom }, W1);

        expect(mine.map((w) => [w.target, w.targetId, w.title])).toEqual([['PUPIL', ids.mia, 'Mia Sommer']]);
        expect(linesOf(mine[0])).toHaveLength(7);
        expect(firstError(stranger)?.code).toBe('NOT_FOUND');
      });

      it('with an information block → should see no timetable of the child', async () => {
        const father = await app.as('vater', TEST_PASSWORD);

        const mine = await myWeeks(father, W1);
        const child = await week(father, { pupilId: ids.mia }, W1);

        expect(mine).toEqual([]);
        expect(firstError(child)?.code).toBe('NOT_FOUND');
      });
    });

    describe('when a teacher signs in', () => {
      it('should get their own week as myTimetable and read any class of the school', async () => {
        const teacher = await app.as('schmidt', TEST_PASSWORD);

        const mine = await myWeeks(teacher, W1);
        const otherClass = await okWeek(teacher, { classId: ids['7a'] }, W1);

        expect(mine.map((w) => [w.target, w.targetId])).toEqual([['TEACHER', ids.schmidt]]);
        expect(linesOf(mine[0])).toEqual(['Di 1 D 7b SCH 202', 'Do 1 D 7b SCH 202', 'Do 3 E en-G1 SCH 202']);
        expect(linesOf(otherClass)).toEqual(['Mo 2 M 7a MÜL 101', 'Fr 3 SP 7a+7b MÜL TH']);
      });
    });

    describe('when a teacher of another school asks', () => {
      it.each([['a class', 'classId', '7b'], ['a teacher', 'teacherId', 'mueller'], ['a room', 'roomId', 'room101'], ['a pupil', 'pupilId', 'mia']])(
        '%s of this school → should answer NOT_FOUND', async (_what, field, key) => {
          const { school: other } = await given(app.dataSource).school();
          const { client: stranger } = await signedInStaff(app, other.id, 'TEACHER', `fremd.${field.toLowerCase()}`);

          expect(firstError(await week(stranger, { [field]: ids[key] }, W1))?.code).toBe('NOT_FOUND');
        },
      );

      it('for the substitution plan or the time grid → should answer NOT_FOUND', async () => {
        const { school: other } = await given(app.dataSource).school();
        const { client: stranger } = await signedInStaff(app, other.id, 'SCHOOL_ADMIN', 'fremd.admin');

        const plan = await stranger.gql(PLAN, { schoolId, date: W4 });
        const grid = await stranger.gql(`query($schoolId: ID!) { timeGrid(schoolId: $schoolId) { period } }`, { schoolId });

        expect(firstError(plan)?.code).toBe('NOT_FOUND');
        expect(firstError(grid)?.code).toBe('NOT_FOUND');
      });
    });

    describe('when a teacher teaches at two schools', () => {
      async function setup() {
        const g = given(app.dataSource);
        const t = givenTimetable(app.dataSource);
        const { school: other, year: otherYear } = await g.school();
        const both = await g.staff(schoolId, 'TEACHER', 'beide', 'BEI');
        await app.dataSource.query(`INSERT INTO memberships (person_id, school_id, role, abbreviation, valid_from) VALUES ($1, $2, 'TEACHER', 'BZ', '2000-01-01')`, [both.id, other.id]);
        const here = await t.lesson({ schoolId, schoolYearId: year.id, subjectId: ids.E, teacherIds: [both.id], groupIds: [ids['10a']], validFrom: year.startsOn });
        await t.entry(here, { weekday: 3, period: 3, roomId: null, validFrom: year.startsOn });
        const otherClass = await g.group(other.id, otherYear.id, '5a', 'CLASS', 5);
        const there = await t.lesson({ schoolId: other.id, schoolYearId: otherYear.id, subjectId: null, teacherIds: [both.id], groupIds: [otherClass.id], validFrom: otherYear.startsOn });
        await t.entry(there, { weekday: 2, period: 3, roomId: null, validFrom: otherYear.startsOn });
        const { client: otherSecretariat } = await signedInStaff(app, other.id, 'SECRETARIAT', 'sekretariat.andere');
        return { both, other, otherSecretariat, teacher: await app.as('beide', TEST_PASSWORD) };
      }

      it('should show them both schools\' lessons with the Kürzel of each, and each school only its own', async () => {
        const { both, other, otherSecretariat, teacher } = await setup();

        const [mine] = await myWeeks(teacher, W1);
        const seenHere = await okWeek(secretariat, { teacherId: both.id }, W1);
        const seenThere = await okWeek(otherSecretariat, { teacherId: both.id }, W1);

        expect(linesOf(mine)).toEqual(['Di 3 - 5a BZ -', 'Mi 3 E 10a BEI -']);
        expect(mine.lessons.map((l) => l.schoolId)).toEqual([other.id, schoolId]);
        expect(mine.lessons[0]).toEqual(expect.objectContaining({ startsAt: null, endsAt: null })); // that school has no time grid
        expect(mine.title).toMatch(/ \(BEI, BZ\)$/);
        expect(linesOf(seenHere)).toEqual(['Mi 3 E 10a BEI -']);
        expect(linesOf(seenThere)).toEqual(['Di 3 - 5a BZ -']);
      });
    });
  });

  describe('bad input', () => {
    it('when weekStart is not a Monday → should answer BAD_USER_INPUT on weekStart', async () => {
      const result = await week(secretariat, { classId: ids['7b'] }, addDays(W1, 1));

      expect(firstError(result)).toEqual(expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'weekStart', rule: 'not_monday' }));
    });

    it('when the target names two things → should answer BAD_USER_INPUT on target', async () => {
      const result = await week(secretariat, { classId: ids['7b'], roomId: ids.room101 }, W1);

      expect(firstError(result)).toEqual(expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'target' }));
    });

    it('when nobody is signed in → should answer UNAUTHENTICATED', async () => {
      expect(firstError(await week(app.client(), { classId: ids['7b'] }, W1))?.code).toBe('UNAUTHENTICATED');
    });
  });

  describe('performance', () => {
    it('a class week → should cost the same handful of SQL statements for 6 lessons as for 30', async () => {
      const t = givenTimetable(app.dataSource);
      const big = await given(app.dataSource).group(schoolId, year.id, '9a', 'CLASS', 9);
      for (let slot = 0; slot < 30; slot++) {
        const lesson = await t.lesson({ schoolId, schoolYearId: year.id, subjectId: ids.M, teacherIds: [ids.mueller], groupIds: [big.id], validFrom: year.startsOn });
        await t.entry(lesson, { weekday: 1 + (slot % 5), period: 1 + Math.floor(slot / 5), roomId: ids.room101, validFrom: year.startsOn });
      }

      timetableDayCache.clear();
      const small = await countStatements(() => okWeek(secretariat, { classId: ids['7b'] }, W1));
      timetableDayCache.clear();
      const large = await countStatements(() => okWeek(secretariat, { classId: big.id }, W1));

      expect(small.result.lessons).toHaveLength(6);
      expect(large.result.lessons).toHaveLength(30);
      // the session, the target, the timetable revision, lessons with entries, substitutions, grid with days off, names
      expect(small.statements).toHaveLength(7);
      expect(large.statements).toHaveLength(small.statements.length);
    });

    it('a week read again → should come from the day cache: the session, the target and the revision only', async () => {
      await okWeek(secretariat, { classId: ids['7b'] }, W1);

      const again = await countStatements(() => okWeek(secretariat, { classId: ids['7a'] }, W1));

      expect(again.statements).toHaveLength(3);
      expect(again.statements[2]).toContain('timetable_revision');
    });
  });

  describe('day cache → when what a cached week is built from changes', () => {
    const mathLines = async () => linesOf(await okWeek(secretariat, { classId: ids['7b'] }, W1)).filter((l) => l.includes(' MÜL 101'));

    it('a subject renamed → should show the new name at once', async () => {
      await okWeek(secretariat, { classId: ids['7b'] }, W1);

      await app.dataSource.query(`UPDATE subjects SET short_name = 'MA' WHERE id = $1`, [ids.M]);
      try {
        expect(await mathLines()).toEqual(['Mo 1 MA 7b MÜL 101', 'Mi 2 MA 7b MÜL 101', 'Fr 1 MA 7b MÜL 101']);
      } finally {
        await app.dataSource.query(`UPDATE subjects SET short_name = 'M' WHERE id = $1`, [ids.M]);
      }
      expect(await mathLines()).toEqual(['Mo 1 M 7b MÜL 101', 'Mi 2 M 7b MÜL 101', 'Fr 1 M 7b MÜL 101']);
    });

    it('a substitution added by another writer → should show at once', async () => {
      await okWeek(secretariat, { classId: ids['7b'] }, W1);
      const monday = W1;

      await app.dataSource.query(
        `INSERT INTO substitutions (school_id, date, period, lesson_lineage_id, kind, substitute_teacher_ids, group_ids, revision)
         VALUES ($1, $2, 1, $3, 'CANCELLED', '{}', '{}', 1)`, [schoolId, monday, lineages.math]);
      try {
        expect(await mathLines()).toEqual(['Mo 1 M 7b MÜL 101 CANCELLED', 'Mi 2 M 7b MÜL 101', 'Fr 1 M 7b MÜL 101']);
      } finally {
        await app.dataSource.query(`DELETE FROM substitutions WHERE school_id = $1 AND date = $2 AND kind = 'CANCELLED' AND lesson_lineage_id = $3`, [schoolId, monday, lineages.math]);
      }
      expect(await mathLines()).toEqual(['Mo 1 M 7b MÜL 101', 'Mi 2 M 7b MÜL 101', 'Fr 1 M 7b MÜL 101']);
    });

    it('a change read inside a transaction that then rolls back → should never be shown to anyone', async () => {
      await okWeek(secretariat, { classId: ids['7b'] }, W1);

      await app.dataSource.transaction(async (manager) => {
        await manager.query(`UPDATE subjects SET short_name = 'XX' WHERE id = $1`, [ids.M]);
        const inside = await loadTimetable(manager, [schoolId], { by: 'GROUPS', groupIds: [ids['7b']] }, W1, addDays(W1, 6));
        expect(inside.lessons.some((lesson) => lesson.subject?.shortName === 'XX')).toBe(true);
        throw new Rollback();
      }).catch((error) => { if (!(error instanceof Rollback)) throw error; });

      expect(await mathLines()).toEqual(['Mo 1 M 7b MÜL 101', 'Mi 2 M 7b MÜL 101', 'Fr 1 M 7b MÜL 101']);
    });
  });
});
