import ExcelJS from 'exceljs';
import { Client } from 'pg';
import type { AbsenceKind, AbsenceReason, AbsenceStatus, LeaveStatus } from '@schulverwaltung/shared';
import { berlinDate, countAbsences } from '@schulverwaltung/shared';
import { startTestApp, TestApp, TestClient } from '../../../test/test-app';
import { given, TEST_PASSWORD } from '../../../test/given';
import { givenTimetable } from '../../../test/given-timetable';
import { firstError } from '../../../test/inspect';
import { AbsenceEntity } from '../absences/absence.entity';
import { AbsenceLessonEntity } from '../absences/absence-lesson.entity';
import { GroupEntity } from '../groups/group.entity';
import { PupilEntity } from '../pupils/pupil.entity';
import { SchoolYearEntity } from '../school-years/school-year.entity';
import { loadLetterData } from './absence-letter.data';
import { PupilStatisticsResult } from './absence-statistics.service';

// The statistics through the API, on the school year 2026/27 of a Berlin Gymnasium: class 7b has
// six lessons Monday to Thursday and four on Friday, Herbstferien 19.–31.10.2026 and Winterferien
// 01.–06.02.2027 (the second term starts on 01.02.2027); on Wednesday 25.11.2026 its 2nd lesson is
// cancelled. Absences are inserted directly (the entry API is built elsewhere).

const STATISTICS = `query($pupilId: ID!, $schoolYearId: ID, $term: Int) {
  pupilAbsenceStatistics(pupilId: $pupilId, schoolYearId: $schoolYearId, term: $term) {
    pupilId schoolYearName term from to isUpperSchool isWithoutTimetable
    figures { ...Figures }
    courses { groupName subjectName lessonsHeld lessonsAbsent lessonsExcused lessonsUnexcused lessonsOpen }
    days { date isWholeDay status lessons { period subject status } }
    lateArrivals { date minutes status }
  }
}
fragment Figures on AbsenceFigures {
  schoolDays lessonsHeld daysAbsent daysExcused daysUnexcused daysOpen lessonsAbsent lessonsExcused lessonsUnexcused lessonsOpen lateCount lateMinutes
}`;
const OVERVIEW = `query($classId: ID!, $term: Int!, $sort: AbsenceOverviewSortInput) {
  classAbsenceOverview(classId: $classId, term: $term, sort: $sort) {
    className schoolYearName term from to letterAfterUnexcusedDays letterAfterUnexcusedLessons
    rows { lastName firstName letterDue figures { daysUnexcused daysExcused daysOpen lessonsUnexcused lessonsExcused lessonsOpen lateCount lateMinutes } }
  }
}`;

interface Figures {
  schoolDays: number; lessonsHeld: number; daysAbsent: number; daysExcused: number; daysUnexcused: number; daysOpen: number;
  lessonsAbsent: number; lessonsExcused: number; lessonsUnexcused: number; lessonsOpen: number; lateCount: number; lateMinutes: number;
}
const NO_ABSENCE = { daysAbsent: 0, daysExcused: 0, daysUnexcused: 0, daysOpen: 0, lessonsAbsent: 0, lessonsExcused: 0, lessonsUnexcused: 0, lessonsOpen: 0, lateCount: 0, lateMinutes: 0 };
const errorOf = async (response: Response) => ((await response.json()) as { error: { code: string; message: string } }).error;

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

interface AbsenceValues {
  kind?: AbsenceKind; startsOn: string; endsOn?: string; periodFrom?: number; periodTo?: number; minutes?: number;
  reason?: AbsenceReason; status?: AbsenceStatus; leaveStatus?: LeaveStatus;
}

describe('absence statistics', () => {
  let app: TestApp;
  let year: SchoolYearEntity;
  let schoolId: string;
  let class7b: GroupEntity;
  let class7c: GroupEntity;
  let q1: GroupEntity;
  const pupils: Record<string, PupilEntity> = {};
  let secretariat: TestClient;
  let classTeacher: TestClient;

  async function absence(pupil: PupilEntity, values: AbsenceValues, links: { date: string; period: number; lineageId: string; lessonId: string }[] = []) {
    const { identifiers } = await app.dataSource.manager.insert(AbsenceEntity, {
      schoolId: pupil.schoolId, schoolYearId: year.id, pupilId: pupil.id, kind: 'DAYS', endsOn: values.startsOn, reason: 'SICK', status: 'EXCUSED',
      reportedBy: 'GUARDIAN', reportedVia: 'PHONE', reportedAt: new Date('2026-11-01T07:00:00Z'), ...values,
    });
    const absenceId = identifiers[0].id as string;
    for (const link of links) {
      await app.dataSource.manager.insert(AbsenceLessonEntity, {
        absenceId, date: link.date, period: link.period, lessonLineageId: link.lineageId, lessonId: link.lessonId, schoolId: pupil.schoolId, pupilId: pupil.id,
      });
    }
  }

  /** A class's week: lessons 1–6 Monday to Thursday, 1–4 on Friday (one lesson per period). */
  async function weekOf(group: GroupEntity, subjectIds: string[]) {
    const t = givenTimetable(app.dataSource);
    const lessons = [];
    for (let period = 1; period <= 6; period++) {
      const lesson = await t.lesson({ schoolId: group.schoolId, schoolYearId: year.id, subjectId: subjectIds[period - 1], teacherIds: [], groupIds: [group.id], validFrom: year.startsOn });
      for (const weekday of period <= 4 ? [1, 2, 3, 4, 5] : [1, 2, 3, 4]) await t.entry(lesson, { weekday, period, roomId: null, validFrom: year.startsOn });
      lessons.push(lesson);
    }
    return lessons;
  }

  beforeAll(async () => {
    app = await startTestApp();
    const g = given(app.dataSource);
    const t = givenTimetable(app.dataSource);
    const created = await g.school({ name: 'Lessing-Gymnasium', street: 'Schulstraße 1', postalCode: '10115', city: 'Berlin' });
    schoolId = created.school.id;
    year = created.year;
    expect(year.name).toBe('2026/27'); // the fixture's dates are those of 2026/27 (today is in it)
    await g.holiday(year, { name: 'Herbstferien', startsOn: '2026-10-19', endsOn: '2026-10-31', kind: 'HOLIDAY' });
    await g.holiday(year, { name: 'Winterferien', startsOn: '2027-02-01', endsOn: '2027-02-06', kind: 'HOLIDAY' });
    const subjects = await Promise.all(['D', 'M', 'E', 'Bio', 'Ge', 'Sp'].map((shortName) => g.subject(schoolId, { shortName, name: shortName })));
    class7b = await g.group(schoolId, year.id, '7b');
    class7c = await g.group(schoolId, year.id, '7c');
    const lessons7b = await weekOf(class7b, subjects.map((s) => s.id));
    await weekOf(class7c, subjects.map((s) => s.id));
    await t.substitution({ schoolId, date: '2026-11-25', period: 2, kind: 'CANCELLED', lessonLineageId: lessons7b[1].lineageId });

    for (const [key, lastName, firstName] of [['anna', 'Albers', 'Anna'], ['ben', 'Becker', 'Ben'], ['clara', 'Cordes', 'Clara'], ['dora', 'Dietz', 'Dora']]) {
      pupils[key] = (await g.pupil(schoolId, year.id, class7b.id, { lastName, firstName })).pupil;
    }
    pupils.emil = (await g.pupil(schoolId, year.id, class7c.id, { lastName: 'Engel', firstName: 'Emil' })).pupil;

    // Anna: Thursday before to Monday after the Herbstferien, unexcused → 3 days (letter due).
    await absence(pupils.anna, { startsOn: '2026-10-15', endsOn: '2026-11-02', status: 'UNEXCUSED' });
    // Ben: Friday to Tuesday excused; a single unexcused period on the Wednesday with the cancelled lesson; 15 minutes late.
    await absence(pupils.ben, { startsOn: '2026-11-20', endsOn: '2026-11-24' });
    await absence(pupils.ben, { kind: 'PERIODS', startsOn: '2026-11-25', periodFrom: 3, periodTo: 3, reason: 'OTHER', status: 'UNEXCUSED' });
    await absence(pupils.ben, { kind: 'LATE', startsOn: '2026-11-26', minutes: 15, status: 'UNEXCUSED' });
    // Clara: across the term boundary and the Winterferien, reported only (open); a school event; a weekend.
    await absence(pupils.clara, { startsOn: '2027-01-28', endsOn: '2027-02-09', status: 'REPORTED' });
    await absence(pupils.clara, { startsOn: '2026-11-23', endsOn: '2026-11-24', reason: 'SCHOOL_EVENT' });
    await absence(pupils.clara, { startsOn: '2026-11-21', endsOn: '2026-11-22', status: 'UNEXCUSED' });
    // Dora: approved leave on two days; a requested one; a whole Wednesday 25.11. (2nd lesson cancelled);
    // a single period linked to two lessons (the 3rd and 4th of Thursday 26.11.).
    await absence(pupils.dora, { startsOn: '2026-11-16', endsOn: '2026-11-17', reason: 'LEAVE', status: 'REPORTED', leaveStatus: 'APPROVED' });
    await absence(pupils.dora, { startsOn: '2026-12-07', endsOn: '2026-12-08', reason: 'LEAVE', status: 'REPORTED', leaveStatus: 'REQUESTED' });
    await absence(pupils.dora, { startsOn: '2026-11-25', status: 'EXCUSED' });
    await absence(pupils.dora, { kind: 'PERIODS', startsOn: '2026-11-26', periodFrom: 3, periodTo: 3, status: 'UNEXCUSED' },
      [3, 4].map((period) => ({ date: '2026-11-26', period, lineageId: lessons7b[period - 1].lineageId, lessonId: lessons7b[period - 1].id })));

    await g.staff(schoolId, 'SECRETARIAT', 'sekretariat');
    const teacher = await g.staff(schoolId, 'TEACHER', 'klassenleitung', 'KL');
    await g.groupMember(class7b, teacher.id, 'CLASS_TEACHER');
    const subjectTeacher = await g.staff(schoolId, 'TEACHER', 'fachlehrkraft', 'FL');
    await g.groupMember(class7b, subjectTeacher.id, 'TEACHER');
    await g.staff(schoolId, 'TEACHER', 'ohne.klasse', 'OK');
    const otherClassTeacher = await g.staff(schoolId, 'TEACHER', 'klassenleitung.7c', 'KC');
    await g.groupMember(class7c, otherClassTeacher.id, 'CLASS_TEACHER');
    const other = await g.school();
    await g.staff(other.school.id, 'SECRETARIAT', 'anderes.sekretariat');

    // Ben's mother (custody) and father (information block); Ben himself signs in too.
    const mother = await g.person({ firstName: 'Maria', lastName: 'Becker', gender: 'W', street: 'Lindenallee 5', postalCode: '10117', city: 'Berlin' });
    await g.account(mother.id, 'mutter');
    await g.guardianship(pupils.ben, mother.id);
    const father = await g.person({ firstName: 'Frank', lastName: 'Becker', gender: 'M', street: 'Am Hang 9', postalCode: '14467', city: 'Potsdam' });
    await g.account(father.id, 'vater.sperre');
    await g.guardianship(pupils.ben, father.id, { relation: 'FATHER', hasCustody: false, mayExcuse: false, receivesMail: true, hasInformationBlock: true });
    const ben = await app.dataSource.query('SELECT person_id FROM pupils WHERE id = $1', [pupils.ben.id]);
    await g.account(ben[0].person_id, 'ben');

    // Upper school: Q1 (grade 11) with a Mathematics course (Mon 1–2, Tue 1–2) and an English course (Mon 3).
    q1 = await g.group(schoolId, year.id, 'Q1', 'CLASS', 11);
    const maths = await g.group(schoolId, year.id, 'ma1', 'COURSE', 11);
    await app.dataSource.query('UPDATE groups SET subject_id = $1 WHERE id = $2', [subjects[1].id, maths.id]);
    const english = await g.group(schoolId, year.id, 'en2', 'COURSE', 11);
    const { pupil: fiona, person: fionaPerson } = await g.pupil(schoolId, year.id, q1.id, { lastName: 'Fuchs', firstName: 'Fiona', birthDate: '2009-03-01' });
    pupils.fiona = fiona;
    await g.groupMember(maths, fionaPerson.id, 'PUPIL');
    await g.groupMember(english, fionaPerson.id, 'PUPIL');
    const mathsLesson = await t.lesson({ schoolId, schoolYearId: year.id, subjectId: subjects[1].id, teacherIds: [], groupIds: [maths.id], validFrom: year.startsOn });
    for (const [weekday, period] of [[1, 1], [1, 2], [2, 1], [2, 2]]) await t.entry(mathsLesson, { weekday, period, roomId: null, validFrom: year.startsOn });
    const englishLesson = await t.lesson({ schoolId, schoolYearId: year.id, subjectId: subjects[2].id, teacherIds: [], groupIds: [english.id], validFrom: year.startsOn });
    await t.entry(englishLesson, { weekday: 1, period: 3, roomId: null, validFrom: year.startsOn });
    await absence(fiona, { startsOn: '2026-11-23', status: 'EXCUSED' });
    await absence(fiona, { kind: 'PERIODS', startsOn: '2026-11-24', periodFrom: 2, periodTo: 2, status: 'UNEXCUSED' });

    secretariat = await app.as('sekretariat', TEST_PASSWORD);
    classTeacher = await app.as('klassenleitung', TEST_PASSWORD);
  });

  afterAll(() => app.close());

  const statistics = (client: TestClient, pupilId: string, term: number | null = 1) => client.gql(STATISTICS, { pupilId, term });
  const figuresOf = async (pupilId: string, term: number | null = 1): Promise<Figures> =>
    (await secretariat.ok(STATISTICS, { pupilId, term })).pupilAbsenceStatistics.figures;

  describe('pupilAbsenceStatistics — the counting rules on real data', () => {
    it('across the Herbstferien, unexcused → 3 days, 16 lessons (holidays and weekends do not count)', async () => {
      expect(await figuresOf(pupils.anna.id)).toMatchObject({ ...NO_ABSENCE, daysAbsent: 3, daysUnexcused: 3, lessonsAbsent: 16, lessonsUnexcused: 16 });
    });

    it('Friday to Tuesday excused, one period on a day with a cancelled lesson, lateness → 3 days, 16 + 1 lessons, 1 late arrival', async () => {
      expect(await figuresOf(pupils.ben.id)).toMatchObject({
        ...NO_ABSENCE, daysAbsent: 3, daysExcused: 3, lessonsAbsent: 17, lessonsExcused: 16, lessonsUnexcused: 1, lateCount: 1, lateMinutes: 15,
      });
    });

    it('should give the days, their lessons with subjects, and the late arrivals in detail', async () => {
      const { pupilAbsenceStatistics: result } = await secretariat.ok(STATISTICS, { pupilId: pupils.ben.id, term: 1 });

      expect(result.days.map((d: { date: string; isWholeDay: boolean; status: string }) => `${d.date} ${d.isWholeDay ? 'Tag' : 'Stunden'} ${d.status}`))
        .toEqual(['2026-11-20 Tag EXCUSED', '2026-11-23 Tag EXCUSED', '2026-11-24 Tag EXCUSED', '2026-11-25 Stunden UNEXCUSED']);
      expect(result.days[3].lessons).toEqual([{ period: 3, subject: 'E', status: 'UNEXCUSED' }]);
      expect(result.lateArrivals).toEqual([{ date: '2026-11-26', minutes: 15, status: 'UNEXCUSED' }]);
      expect(result).toMatchObject({ schoolYearName: '2026/27', term: 1, from: '2026-08-01', to: '2027-01-31', isUpperSchool: false, isWithoutTimetable: false, courses: [] });
    });

    it('across the term boundary → counted in each term apart, and both in the whole year; open while only reported', async () => {
      const [first, second, whole] = [await figuresOf(pupils.clara.id, 1), await figuresOf(pupils.clara.id, 2), await figuresOf(pupils.clara.id, null)];

      expect(first).toMatchObject({ ...NO_ABSENCE, daysAbsent: 2, daysOpen: 2, lessonsAbsent: 10, lessonsOpen: 10 });
      expect(second).toMatchObject({ ...NO_ABSENCE, daysAbsent: 2, daysOpen: 2, lessonsAbsent: 12, lessonsOpen: 12 });
      expect(whole).toMatchObject({ daysOpen: 4, lessonsOpen: 22 });
      expect(whole.schoolDays).toBe(first.schoolDays + second.schoolDays);
    });

    it('approved leave → excused; requested leave → nothing; a day with a cancelled lesson → 5 lessons; linked lessons count', async () => {
      expect(await figuresOf(pupils.dora.id)).toMatchObject({
        ...NO_ABSENCE, daysAbsent: 3, daysExcused: 3, lessonsAbsent: 12 + 5 + 2, lessonsExcused: 12 + 5, lessonsUnexcused: 2,
      });
    });

    it('upper school → counts per course as well', async () => {
      const { pupilAbsenceStatistics: result } = await secretariat.ok(STATISTICS, { pupilId: pupils.fiona.id, term: 1 });

      expect(result.isUpperSchool).toBe(true);
      expect(result.courses).toEqual([
        { groupName: 'en2', subjectName: null, lessonsHeld: expect.any(Number), lessonsAbsent: 1, lessonsExcused: 1, lessonsUnexcused: 0, lessonsOpen: 0 },
        { groupName: 'ma1', subjectName: 'M', lessonsHeld: expect.any(Number), lessonsAbsent: 3, lessonsExcused: 2, lessonsUnexcused: 1, lessonsOpen: 0 },
      ]);
      // four a week in the 24 weeks of the first term outside the Herbstferien (this school has no other holidays then)
      expect(result.courses[1].lessonsHeld).toBe(4 * 24);
      expect(result.courses[0].lessonsHeld).toBe(24);
    });

    it('when the term is not 1 or 2 → BAD_USER_INPUT naming term', async () => {
      expect(firstError(await statistics(secretariat, pupils.ben.id, 3))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'term' });
    });
  });

  describe('pupilAbsenceStatistics — who may see it', () => {
    it('class teacher of the pupil\'s class → the figures', async () => {
      expect((await classTeacher.ok(STATISTICS, { pupilId: pupils.ben.id, term: 1 })).pupilAbsenceStatistics.figures.daysExcused).toBe(3);
    });

    it('guardian with custody → their child\'s; the pupil → their own', async () => {
      const mother = await app.as('mutter', TEST_PASSWORD);
      const ben = await app.as('ben', TEST_PASSWORD);

      expect((await mother.ok(STATISTICS, { pupilId: pupils.ben.id, term: 1 })).pupilAbsenceStatistics.figures.daysExcused).toBe(3);
      expect((await ben.ok(STATISTICS, { pupilId: pupils.ben.id, term: 1 })).pupilAbsenceStatistics.figures.daysExcused).toBe(3);
    });

    it('the pupil or the guardian asking for another pupil → NOT_FOUND', async () => {
      expect(firstError(await statistics(await app.as('ben', TEST_PASSWORD), pupils.anna.id))?.code).toBe('NOT_FOUND');
      expect(firstError(await statistics(await app.as('mutter', TEST_PASSWORD), pupils.anna.id))?.code).toBe('NOT_FOUND');
    });

    it('guardian with an information block → FORBIDDEN (sees the child\'s name, never the absences)', async () => {
      expect(firstError(await statistics(await app.as('vater.sperre', TEST_PASSWORD), pupils.ben.id))?.code).toBe('FORBIDDEN');
    });

    it('a teacher who only teaches the pupil → FORBIDDEN (the figures rest on reasons teachers do not see)', async () => {
      expect(firstError(await statistics(await app.as('fachlehrkraft', TEST_PASSWORD), pupils.ben.id))?.code).toBe('FORBIDDEN');
    });

    it('a teacher who does not teach the pupil, the class teacher of another class → NOT_FOUND', async () => {
      expect(firstError(await statistics(await app.as('ohne.klasse', TEST_PASSWORD), pupils.ben.id))?.code).toBe('NOT_FOUND');
      expect(firstError(await statistics(await app.as('klassenleitung.7c', TEST_PASSWORD), pupils.ben.id))?.code).toBe('NOT_FOUND');
    });

    it('another school\'s secretariat → NOT_FOUND, as for a missing pupil', async () => {
      expect(firstError(await statistics(await app.as('anderes.sekretariat', TEST_PASSWORD), pupils.ben.id))?.code).toBe('NOT_FOUND');
      expect(firstError(await statistics(secretariat, '00000000-0000-4000-8000-000000000000'))?.code).toBe('NOT_FOUND');
    });

    it('without a session → UNAUTHENTICATED', async () => {
      expect(firstError(await statistics(app.client(), pupils.ben.id))?.code).toBe('UNAUTHENTICATED');
    });
  });

  describe('classAbsenceOverview', () => {
    const overview = (client: TestClient, sort?: { field: string; direction: string }, classId = class7b.id) =>
      client.gql(OVERVIEW, { classId, term: 1, sort });
    const names = (result: any) => result.data.classAbsenceOverview.rows.map((r: { lastName: string }) => r.lastName);

    it('should list every pupil of the class by name with the figures and the school\'s thresholds; letterDue from 3 unexcused days', async () => {
      const result = (await overview(classTeacher)).data!.classAbsenceOverview;

      expect(result).toMatchObject({ className: '7b', schoolYearName: '2026/27', term: 1, from: '2026-08-01', to: '2027-01-31', letterAfterUnexcusedDays: 3, letterAfterUnexcusedLessons: 10 });
      expect(result.rows.map((r: any) => [r.lastName, r.figures.daysUnexcused, r.figures.lessonsUnexcused, r.letterDue])).toEqual([
        ['Albers', 3, 16, true], ['Becker', 0, 1, false], ['Cordes', 0, 0, false], ['Dietz', 0, 2, false],
      ]);
    });

    it('sorted by a figure → highest first, ties by name', async () => {
      expect(names(await overview(secretariat, { field: 'LESSONS_UNEXCUSED', direction: 'DESC' }))).toEqual(['Albers', 'Dietz', 'Becker', 'Cordes']);
      expect(names(await overview(secretariat, { field: 'DAYS_OPEN', direction: 'DESC' }))).toEqual(['Cordes', 'Albers', 'Becker', 'Dietz']);
      expect(names(await overview(secretariat, { field: 'NAME', direction: 'DESC' }))).toEqual(['Dietz', 'Cordes', 'Becker', 'Albers']);
    });

    it('should cost the same few SQL statements for 4 or 34 pupils (absences, links and timetable loaded once)', async () => {
      const g = given(app.dataSource);
      const big = await g.group(schoolId, year.id, '8a');
      await weekOf(big, []);
      for (let i = 0; i < 30; i++) {
        const { pupil } = await g.pupil(schoolId, year.id, big.id, { lastName: `Groß${String(i).padStart(2, '0')}` });
        await absence(pupil, { startsOn: '2026-11-20', endsOn: '2026-11-23', status: i % 2 ? 'EXCUSED' : 'UNEXCUSED' });
      }

      const small = await countStatements(() => secretariat.ok(OVERVIEW, { classId: class7b.id, term: 1 }));
      const large = await countStatements(() => secretariat.ok(OVERVIEW, { classId: big.id, term: 1 }));

      expect(large.result.classAbsenceOverview.rows).toHaveLength(30);
      // every other pupil: 2 unexcused days (Friday and Monday) = 10 lessons, the lessons threshold
      expect(large.result.classAbsenceOverview.rows.filter((r: any) => r.letterDue)).toHaveLength(15);
      expect(large.statements.length).toBe(small.statements.length);
      expect(small.statements.length).toBeLessThanOrEqual(10);
      expect(new Set(large.statements).size).toBe(large.statements.length);
    });

    it('teacher of the class who is not its class teacher → FORBIDDEN; class teacher of another class → FORBIDDEN', async () => {
      expect(firstError(await overview(await app.as('fachlehrkraft', TEST_PASSWORD)))?.code).toBe('FORBIDDEN');
      expect(firstError(await overview(await app.as('klassenleitung.7c', TEST_PASSWORD)))?.code).toBe('FORBIDDEN');
    });

    it('guardian or pupil → FORBIDDEN (they see their class, not its absences); another school → NOT_FOUND', async () => {
      expect(firstError(await overview(await app.as('mutter', TEST_PASSWORD)))?.code).toBe('FORBIDDEN');
      expect(firstError(await overview(await app.as('ben', TEST_PASSWORD)))?.code).toBe('FORBIDDEN');
      expect(firstError(await overview(await app.as('anderes.sekretariat', TEST_PASSWORD)))?.code).toBe('NOT_FOUND');
    });

    it('a course instead of a class → BAD_USER_INPUT', async () => {
      const course = await given(app.dataSource).group(schoolId, year.id, 'ku1', 'COURSE');

      expect(firstError(await overview(secretariat, undefined, course.id))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'classId' });
    });
  });

  describe('GET /api/groups/:id/absence-overview.csv|.xlsx', () => {
    const download = (client: TestClient, extension: 'csv' | 'xlsx', query = '?term=1', id = class7b.id) =>
      client.get(`/api/groups/${id}/absence-overview.${extension}${query}`);

    it('CSV → UTF-8 with BOM, semicolons, CRLF, German headers, one row per pupil', async () => {
      const response = await download(classTeacher, 'csv', '?term=1&sort=DAYS_UNEXCUSED&direction=DESC');
      const body = Buffer.from(await response.arrayBuffer());

      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(response.headers.get('content-disposition')).toContain(`filename="Fehlzeiten_7b_1-Halbjahr_${berlinDate()}.csv"`);
      expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const lines = body.subarray(3).toString('utf8').split('\r\n');
      expect(lines[0]).toBe('Nr.;Nachname;Vorname;Fehltage gesamt;Fehltage entschuldigt;Fehltage unentschuldigt;Fehltage offen;'
        + 'Fehlstunden gesamt;Fehlstunden entschuldigt;Fehlstunden unentschuldigt;Fehlstunden offen;Verspätungen;Verspätung Minuten;Brief fällig');
      expect(lines.slice(1)).toEqual([
        '1;Albers;Anna;3;0;3;0;16;0;16;0;0;0;ja',
        '2;Becker;Ben;3;3;0;0;17;16;1;0;1;15;',
        '3;Cordes;Clara;2;0;0;2;10;0;0;10;0;0;',
        '4;Dietz;Dora;3;3;0;0;19;17;2;0;0;0;',
        '',
      ]);
    });

    it('XLSX → opens with exceljs: title with the term, header and the pupils', async () => {
      const response = await download(secretariat, 'xlsx');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as never);
      const sheet = workbook.worksheets[0];

      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      expect(sheet.getCell('A1').value).toBe('Lessing-Gymnasium – Klasse 7b – Fehlzeiten 1. Halbjahr 2026/27 (01.08.2026 – 31.01.2027)');
      expect(sheet.getCell('A2').value).toMatch(/^Klassenleitung: Vorname\d+ Nachname\d+$/);
      expect((sheet.getRow(6).values as unknown[]).slice(1)).toEqual([1, 'Albers', 'Anna', 3, 0, 3, 0, 16, 0, 16, 0, 0, 0, 'ja']);
      expect(sheet.rowCount).toBe(9);
    });

    it('without a term → the current term', async () => {
      const response = await download(secretariat, 'csv', '');

      expect(response.headers.get('content-disposition')).toContain(`_${berlinDate() < year.midYearOn ? 1 : 2}-Halbjahr_`);
    });

    it('bad term or sort → 400 BAD_USER_INPUT', async () => {
      expect((await download(secretariat, 'csv', '?term=3')).status).toBe(400);
      expect(await errorOf(await download(secretariat, 'csv', '?sort=ALTER'))).toMatchObject({ code: 'BAD_USER_INPUT' });
    });

    it('rights as for the overview: 401 without session, 403 for a teacher without the class, 404 for another school', async () => {
      expect((await download(app.client(), 'csv')).status).toBe(401);
      expect(await errorOf(await download(await app.as('ohne.klasse', TEST_PASSWORD), 'xlsx'))).toMatchObject({ code: 'FORBIDDEN' });
      expect((await download(await app.as('klassenleitung.7c', TEST_PASSWORD), 'csv')).status).toBe(403);
      expect((await download(await app.as('anderes.sekretariat', TEST_PASSWORD), 'csv')).status).toBe(404);
    });
  });

  describe('GET /api/pupils/:id/absence-letter.pdf', () => {
    const letter = (client: TestClient, pupilId: string, query = '?term=1') => client.get(`/api/pupils/${pupilId}/absence-letter.pdf${query}`);

    it('class teacher → a PDF with embedded fonts', async () => {
      const response = await letter(classTeacher, pupils.ben.id);
      const body = Buffer.from(await response.arrayBuffer());

      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/pdf');
      expect(response.headers.get('content-disposition')).toContain(`Fehlzeiten-Mitteilung_Becker_Ben_${berlinDate()}.pdf`);
      expect(body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(body.toString('latin1')).toContain('/FontFile2');
    });

    it('the addressees: guardians with custody receiving mail, never one with an information block', async () => {
      const data = await loadLetterData(app.dataSource.manager, letterInput(pupils.ben, '7b'), '2026-11-28');

      expect(data.addressees).toEqual([{ people: [{ firstName: 'Maria', lastName: 'Becker', gender: 'W' }], street: 'Lindenallee 5', postalCode: '10117', city: 'Berlin' }]);
      expect(data.school).toEqual({ name: 'Lessing-Gymnasium', street: 'Schulstraße 1', postalCode: '10115', city: 'Berlin' });
      expect(data.classTeachers).toHaveLength(1);
    });

    it('a pupil with nobody to write to (no guardian receiving mail) → 400 BAD_USER_INPUT', async () => {
      const response = await letter(secretariat, pupils.anna.id);

      expect(response.status).toBe(400);
      expect((await errorOf(response)).message).toContain('Auskunftssperre');
    });

    it('guardian, pupil, a teacher who only teaches the class → 403; another school → 404; no session → 401', async () => {
      expect((await letter(await app.as('mutter', TEST_PASSWORD), pupils.ben.id)).status).toBe(403);
      expect((await letter(await app.as('ben', TEST_PASSWORD), pupils.ben.id)).status).toBe(403);
      expect((await letter(await app.as('fachlehrkraft', TEST_PASSWORD), pupils.ben.id)).status).toBe(403);
      expect((await letter(await app.as('anderes.sekretariat', TEST_PASSWORD), pupils.ben.id)).status).toBe(404);
      expect((await letter(app.client(), pupils.ben.id)).status).toBe(401);
    });

    /** What the service hands to loadLetterData, built by hand for the pupil. */
    function letterInput(pupil: PupilEntity, className: string): PupilStatisticsResult {
      const count = countAbsences({ from: '2026-08-01', to: '2027-01-31', lessons: [], absences: [] });
      const statisticsPupil = {
        pupilId: pupil.id, schoolId: pupil.schoolId, personId: pupil.personId, firstName: 'Ben', lastName: 'Becker', gender: 'M', birthDate: '2014-05-01',
        classId: class7b.id, className, gradeLevel: 7, groups: [],
      };
      return {
        pupil: statisticsPupil, counted: { pupil: statisticsPupil, count, isUpperSchool: false },
        context: { year: { ...year, schoolId }, settings: { id: null, version: 0 } as never },
        statistics: { term: 1 } as never,
      };
    }
  });
});
