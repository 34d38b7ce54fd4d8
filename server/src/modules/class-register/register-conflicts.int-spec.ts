import { startTestApp, TestApp, TestClient } from '../../../test/test-app';
import { AbsenceSchool, givenAbsenceSchool, REPORT, SAVE_REGISTER, sickDays, today, weekdaysAfter, weekdaysBefore, weekdayUpTo } from '../../../test/given-absences';
import { auditEntriesOf, firstError, rowOf } from '../../../test/inspect';

// Where the register and the reported absences disagree: pupils marked absent whom nobody
// reported (the secretariat's list to phone), and pupils marked present in lessons a reported
// absence covers (the class teacher confirms — the absence is shortened — or corrects the register).

const UNREPORTED = `query($schoolId: ID!, $date: LocalDate) { unreportedAbsentToday(schoolId: $schoolId, date: $date) { pupilId lastName className periods } }`;
const CONFLICTS = `query($classId: ID!) { registerConflicts(classId: $classId) { date period subject attendanceStatus lateMinutes absence { id version pupilId } } }`;
const RESOLVE = `mutation($id: ID!, $version: Int!, $confirm: Boolean!) { resolveRegisterConflict(absenceId: $id, version: $version, confirm: $confirm) {
  removedAbsenceId absences { id kind startsOn endsOn periodFrom periodTo minutes reason status lessons { date period } }
} }`;

type Marks = Record<string, [string, number?]>;

describe('register and absences disagree', () => {
  let app: TestApp;
  let s: AbsenceSchool;
  let office: TestClient;
  let teacher: TestClient;
  let classTeacher: TestClient;
  let dayNo = 1;
  // Past school days, three apart, so that each test has a day before and after its own.
  const pastDay = () => weekdaysBefore(weekdayUpTo(today()), 3 * dayNo++);

  beforeAll(async () => {
    app = await startTestApp();
    s = await givenAbsenceSchool(app);
    office = await s.as('secretariat');
    teacher = await s.as('teacher');
    classTeacher = await s.as('classTeacher');
  });

  afterAll(() => app.close());

  /** Records a lesson of 7b: everyone present unless marked otherwise. The teacher gives periods 2 and 3, the class teacher 1 and 4. */
  async function record(date: string, period: 1 | 2 | 3 | 4, marks: Marks = {}) {
    const lineage = [s.lessons.p1, s.lessons.p2, s.lessons.p3, s.lessons.p4][period - 1].lineageId;
    const attendance = [s.pupils.anna, s.pupils.ben, s.pupils.mia, s.pupils.paul].map((pupilId) => {
      const [status, lateMinutes] = marks[pupilId] ?? ['PRESENT'];
      return { pupilId, status, lateMinutes: lateMinutes ?? null };
    });
    const client = period === 1 || period === 4 ? classTeacher : teacher;
    return client.ok(SAVE_REGISTER, { input: { lessonLineageId: lineage, date, period, attendance } });
  }
  const reportSick = async (pupilId: string, from: string, to = from) =>
    (await office.ok(REPORT, { input: sickDays(pupilId, from, to) })).reportAbsence.absence as { id: string; version: number };

  describe('unreportedAbsentToday', () => {
    it('should list pupils marked absent whom nobody reported, with the periods; once reported they drop off', async () => {
      const day = pastDay();
      await reportSick(s.pupils.anna, day);
      await record(day, 2, { [s.pupils.anna]: ['ABSENT'], [s.pupils.mia]: ['ABSENT'] });
      await record(day, 3, { [s.pupils.anna]: ['ABSENT'], [s.pupils.mia]: ['ABSENT'] });

      const before = await office.ok(UNREPORTED, { schoolId: s.schoolId, date: day });
      await office.ok(REPORT, { input: sickDays(s.pupils.mia, day, day, { reportedBy: 'REGISTER', reportedVia: 'REGISTER', reason: 'OTHER' }) });
      const after = await office.ok(UNREPORTED, { schoolId: s.schoolId, date: day });

      expect(before.unreportedAbsentToday).toEqual([{ pupilId: s.pupils.mia, lastName: 'Sommer', className: '7b', periods: [2, 3] }]);
      expect(after.unreportedAbsentToday).toEqual([]);
    });

    it('a teacher should get FORBIDDEN (the office\'s list), another school\'s office NOT_FOUND', async () => {
      expect(firstError(await teacher.gql(UNREPORTED, { schoolId: s.schoolId }))?.code).toBe('FORBIDDEN');
      expect(firstError(await (await s.as('otherSecretariat')).gql(UNREPORTED, { schoolId: s.schoolId }))?.code).toBe('NOT_FOUND');
    });
  });

  describe('registerConflicts', () => {
    it('should show the class teacher a pupil recorded present in a lesson their reported absence covers; a subject teacher sees none', async () => {
      const day = pastDay();
      const absence = await reportSick(s.pupils.ben, day);
      await record(day, 2, { [s.pupils.ben]: ['LATE', 15] });

      const forClassTeacher = await classTeacher.ok(CONFLICTS, { classId: s.classes.c7b.id });
      const forTeacher = await teacher.ok(CONFLICTS, { classId: s.classes.c7b.id });

      expect(forClassTeacher.registerConflicts.filter((c: { date: string }) => c.date === day)).toEqual([
        { date: day, period: 2, subject: 'D', attendanceStatus: 'LATE', lateMinutes: 15, absence: { id: absence.id, version: absence.version, pupilId: s.pupils.ben } },
      ]);
      expect(forTeacher.registerConflicts).toEqual([]);
    });
  });

  describe('resolveRegisterConflict', () => {
    it('confirmed on the first day of a whole-day absence → should keep the periods before the lesson and drop the later days', async () => {
      const day = pastDay();
      const absence = await reportSick(s.pupils.mia, day, weekdaysAfter(day, 1));
      await record(day, 3);

      const { resolveRegisterConflict } = await classTeacher.ok(RESOLVE, { id: absence.id, version: absence.version, confirm: true });

      expect(resolveRegisterConflict.removedAbsenceId).toBeNull();
      expect(resolveRegisterConflict.absences).toEqual([expect.objectContaining({
        id: absence.id, kind: 'PERIODS', startsOn: day, endsOn: day, periodFrom: 1, periodTo: 2, reason: 'SICK', lessons: [{ date: day, period: 1 }, { date: day, period: 2 }],
      })]);
      expect((await classTeacher.ok(CONFLICTS, { classId: s.classes.c7b.id })).registerConflicts.filter((c: { date: string }) => c.date === day)).toEqual([]);
      const audit = await auditEntriesOf(app.dataSource, absence.id);
      expect(audit[audit.length - 1]).toEqual(expect.objectContaining({ action: 'update', actorPersonId: s.persons.classTeacher }));
    });

    it('confirmed on a later day → should end the absence the school day before and keep that morning\'s periods as an entry of their own', async () => {
      const day = pastDay();
      const absence = await reportSick(s.pupils.anna, weekdaysBefore(day, 1), weekdaysAfter(day, 1));
      await record(day, 2);

      const { resolveRegisterConflict } = await classTeacher.ok(RESOLVE, { id: absence.id, version: absence.version, confirm: true });

      expect(resolveRegisterConflict.absences).toEqual([
        expect.objectContaining({ id: absence.id, kind: 'DAYS', startsOn: weekdaysBefore(day, 1), endsOn: weekdaysBefore(day, 1) }),
        expect.objectContaining({ kind: 'PERIODS', startsOn: day, periodFrom: 1, periodTo: 1, reason: 'SICK', lessons: [{ date: day, period: 1 }] }),
      ]);
    });

    it('confirmed when the pupil came late to the first lesson → should become a late arrival with the register\'s minutes', async () => {
      const day = pastDay();
      const absence = await reportSick(s.pupils.ben, day);
      await record(day, 1, { [s.pupils.ben]: ['LATE', 20] });

      const { resolveRegisterConflict } = await classTeacher.ok(RESOLVE, { id: absence.id, version: absence.version, confirm: true });

      expect(resolveRegisterConflict.absences).toEqual([expect.objectContaining({ id: absence.id, kind: 'LATE', minutes: 20, periodFrom: 1, lessons: [] })]);
    });

    it('confirmed when the pupil was there from the first lesson → should remove the absence', async () => {
      const day = pastDay();
      const absence = await reportSick(s.pupils.paul, day);
      await record(day, 1);

      const { resolveRegisterConflict } = await classTeacher.ok(RESOLVE, { id: absence.id, version: absence.version, confirm: true });

      expect(resolveRegisterConflict).toEqual({ removedAbsenceId: absence.id, absences: [] });
      expect(await rowOf(app.dataSource, 'absences', absence.id)).toBeUndefined();
    });

    it('rejected → the register should be corrected to absent and the absence stay as it is', async () => {
      const day = pastDay();
      const absence = await reportSick(s.pupils.mia, day);
      const recorded = await record(day, 2);

      const { resolveRegisterConflict } = await classTeacher.ok(RESOLVE, { id: absence.id, version: absence.version, confirm: false });

      expect(resolveRegisterConflict.absences).toEqual([expect.objectContaining({ id: absence.id, kind: 'DAYS', startsOn: day, endsOn: day })]);
      const [attendance] = await app.dataSource.query('SELECT status FROM attendance WHERE register_entry_id = $1 AND pupil_id = $2', [recorded.saveClassRegister.entry.id, s.pupils.mia]);
      expect(attendance.status).toBe('ABSENT');
      expect((await rowOf(app.dataSource, 'register_entries', recorded.saveClassRegister.entry.id))?.version).toBe(recorded.saveClassRegister.entry.version + 1);
    });

    it('with a stale version → CONFLICT; by a subject teacher → FORBIDDEN; by a guardian of another child → NOT_FOUND', async () => {
      const day = pastDay();
      const absence = await reportSick(s.pupils.ben, day);
      await record(day, 2);

      const stale = await classTeacher.gql(RESOLVE, { id: absence.id, version: absence.version + 1, confirm: true });
      const byTeacher = await teacher.gql(RESOLVE, { id: absence.id, version: absence.version, confirm: true });
      const byMother = await (await s.as('mother')).gql(RESOLVE, { id: absence.id, version: absence.version, confirm: false });

      expect(firstError(stale)?.code).toBe('CONFLICT');
      expect(firstError(byTeacher)?.code).toBe('FORBIDDEN');
      expect(firstError(byMother)?.code).toBe('NOT_FOUND');
    });
  });
});
