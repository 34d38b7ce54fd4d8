import { startTestApp, TestApp, TestClient } from '../../../test/test-app';
import {
  AbsenceSchool, givenAbsenceSchool, REPORT, SAVE_REGISTER, sickDays, today, weekdaysAfter, weekdaysBefore, weekdayUpTo,
} from '../../../test/given-absences';
import { givenTimetable } from '../../../test/given-timetable';
import { auditEntriesOf, firstError } from '../../../test/inspect';

// The class register (Klassenbuch): a teacher's lessons of the day (substitutions they cover
// included), one lesson with its pupils pre-filled from reported absences, and saving topic,
// homework and attendance — by the lesson's teacher or that day's substitute, versioned per entry.

const MY_LESSONS = `query($date: LocalDate) { myLessonsOfDay(date: $date) {
  lessonLineageId isSubstitution isRecorded registerEntryId lesson { period status subject { shortName } groups { name } startsAt }
} }`;
const LESSON = `query($lineage: ID!, $date: LocalDate!, $period: Int!) { classRegisterLesson(lessonLineageId: $lineage, date: $date, period: $period) {
  mayEdit topicRequired lesson { lessonLineageId isSubstitution lesson { period status } }
  entry { id version topic homework recordedByPersonId }
  pupils { pupilId firstName lastName status lateMinutes isSaved absenceId absenceKind absenceStatus }
} }`;

interface RegisterPupil { pupilId: string; lastName: string; status: string; lateMinutes: number | null; isSaved: boolean; absenceId: string | null }

describe('class register', () => {
  let app: TestApp;
  let s: AbsenceSchool;
  // Past school days, one per test that records, so entries never meet.
  let dayNo = 1;
  const pastDay = () => weekdaysBefore(weekdayUpTo(today()), dayNo++);

  beforeAll(async () => {
    app = await startTestApp();
    s = await givenAbsenceSchool(app);
  });

  afterAll(() => app.close());

  const lessonOf = async (client: TestClient, lineage: string, date: string, period: number) =>
    (await client.ok(LESSON, { lineage, date, period })).classRegisterLesson;
  const everyone = (overrides: Record<string, [string, number?]> = {}) =>
    [s.pupils.anna, s.pupils.ben, s.pupils.mia, s.pupils.paul].map((pupilId) => {
      const [status, lateMinutes] = overrides[pupilId] ?? ['PRESENT'];
      return { pupilId, status, lateMinutes: lateMinutes ?? null };
    });
  const save = (client: TestClient, lineage: string, date: string, period: number, extra: Record<string, unknown> = {}) =>
    client.gql(SAVE_REGISTER, { input: { lessonLineageId: lineage, date, period, topic: 'Bruchrechnung', attendance: everyone(), ...extra } });

  describe('myLessonsOfDay', () => {
    it('should list the teacher\'s lessons of the day by period, none recorded yet', async () => {
      const day = pastDay();

      const teacher = await (await s.as('teacher')).ok(MY_LESSONS, { date: day });
      const classTeacher = await (await s.as('classTeacher')).ok(MY_LESSONS, { date: day });

      expect(teacher.myLessonsOfDay.map((l: { lesson: { period: number; subject: { shortName: string } } }) => `${l.lesson.period} ${l.lesson.subject.shortName}`))
        .toEqual(['2 D', '3 E', '5 BIO']);
      expect(teacher.myLessonsOfDay.every((l: { isSubstitution: boolean; isRecorded: boolean }) => !l.isSubstitution && !l.isRecorded)).toBe(true);
      expect(classTeacher.myLessonsOfDay.map((l: { lesson: { period: number } }) => l.lesson.period)).toEqual([1, 4]);
    });

    it('when a colleague covers the teacher\'s lesson → it should be the substitute\'s that day, marked as substitution, and no longer the teacher\'s', async () => {
      const day = pastDay();
      await givenTimetable(app.dataSource).substitution({ schoolId: s.schoolId, date: day, period: 2, kind: 'SUBSTITUTE', lessonLineageId: s.lessons.p2.lineageId, substituteTeacherIds: [s.persons.substitute] });

      const substitute = await (await s.as('substitute')).ok(MY_LESSONS, { date: day });
      const teacher = await (await s.as('teacher')).ok(MY_LESSONS, { date: day });

      expect(substitute.myLessonsOfDay).toEqual([expect.objectContaining({ lessonLineageId: s.lessons.p2.lineageId, isSubstitution: true })]);
      expect(teacher.myLessonsOfDay.map((l: { lesson: { period: number } }) => l.lesson.period)).toEqual([3, 5]);
      const covered = await lessonOf(await s.as('substitute'), s.lessons.p2.lineageId, day, 2);
      expect(covered.lesson.isSubstitution).toBe(true);
    });

    it('when the lesson was recorded → should say so', async () => {
      const day = pastDay();
      const teacher = await s.as('teacher');
      await save(teacher, s.lessons.p2.lineageId, day, 2);

      const { myLessonsOfDay } = await teacher.ok(MY_LESSONS, { date: day });

      expect(myLessonsOfDay.find((l: { lesson: { period: number } }) => l.lesson.period === 2)).toEqual(expect.objectContaining({ isRecorded: true, registerEntryId: expect.any(String) }));
    });
  });

  describe('classRegisterLesson', () => {
    it('should list the class\'s pupils, pre-filled from reported absences: absent, late with minutes, else present', async () => {
      const day = pastDay();
      const office = await s.as('secretariat');
      const sick = await office.ok(REPORT, { input: sickDays(s.pupils.anna, day) });
      await office.ok(REPORT, { input: { ...sickDays(s.pupils.ben, day), kind: 'LATE', endsOn: null, minutes: 10, periodFrom: 2, reason: 'OTHER' } });

      const lesson = await lessonOf(await s.as('teacher'), s.lessons.p2.lineageId, day, 2);

      expect(lesson).toEqual(expect.objectContaining({ mayEdit: true, topicRequired: false, entry: null }));
      expect(lesson.pupils.map((p: RegisterPupil) => [p.lastName, p.status, p.lateMinutes, p.isSaved])).toEqual([
        ['Groß', 'PRESENT', null, false], ['Müller', 'ABSENT', null, false], ['Schmidt', 'LATE', 10, false], ['Sommer', 'PRESENT', null, false],
      ]);
      expect(lesson.pupils[1]).toEqual(expect.objectContaining({ absenceId: sick.reportAbsence.absence.id, absenceKind: 'DAYS', absenceStatus: 'REPORTED' }));
    });

    it('the class teacher and the office should read a colleague\'s lesson but not edit it; a teacher of another class gets NOT_FOUND', async () => {
      const day = pastDay();

      const classTeacher = await lessonOf(await s.as('classTeacher'), s.lessons.p2.lineageId, day, 2);
      const office = await lessonOf(await s.as('secretariat'), s.lessons.p2.lineageId, day, 2);
      const stranger = await (await s.as('teacher7a')).gql(LESSON, { lineage: s.lessons.p2.lineageId, date: day, period: 2 });

      expect(classTeacher.mayEdit).toBe(false);
      expect(office.mayEdit).toBe(false);
      expect(firstError(stranger)?.code).toBe('NOT_FOUND');
    });

    it('when no such lesson takes place in that period → should answer NOT_FOUND', async () => {
      const result = await (await s.as('teacher')).gql(LESSON, { lineage: s.lessons.p2.lineageId, date: pastDay(), period: 6 });

      expect(firstError(result)?.code).toBe('NOT_FOUND');
    });
  });

  describe('saveClassRegister', () => {
    it('when the teacher records the lesson → should store topic and attendance, audited', async () => {
      const day = pastDay();

      const result = await save(await s.as('teacher'), s.lessons.p2.lineageId, day, 2, {
        homework: 'S. 12 Nr. 3', attendance: everyone({ [s.pupils.mia]: ['ABSENT'], [s.pupils.ben]: ['LATE', 5] }),
      });

      expect(result.errors).toBeUndefined();
      const saved = result.data!.saveClassRegister;
      expect(saved.entry).toEqual(expect.objectContaining({ version: 1, topic: 'Bruchrechnung', homework: 'S. 12 Nr. 3' }));
      expect(saved.pupils.every((p: RegisterPupil) => p.isSaved)).toBe(true);
      expect(saved.pupils.find((p: RegisterPupil) => p.pupilId === s.pupils.ben)).toEqual(expect.objectContaining({ status: 'LATE', lateMinutes: 5 }));
      const audit = await auditEntriesOf(app.dataSource, saved.entry.id);
      expect(audit).toEqual([expect.objectContaining({ action: 'create', actorPersonId: s.persons.teacher })]);
      expect(audit[0].changes.attendance.new).toEqual(expect.objectContaining({ [s.pupils.mia]: 'ABSENT', [s.pupils.ben]: 'LATE 5' }));
    });

    it('when saved again with the version read → should update it; with a stale or no version → CONFLICT and no change', async () => {
      const day = pastDay();
      const teacher = await s.as('teacher');
      const first = (await save(teacher, s.lessons.p3.lineageId, day, 3)).data!.saveClassRegister;

      const second = await save(teacher, s.lessons.p3.lineageId, day, 3, { topic: 'Satzglieder', version: first.entry.version });
      const stale = await save(teacher, s.lessons.p3.lineageId, day, 3, { topic: 'Alt', version: first.entry.version });
      const blind = await save(teacher, s.lessons.p3.lineageId, day, 3, { topic: 'Blind' });

      expect(second.data!.saveClassRegister.entry).toEqual(expect.objectContaining({ version: 2, topic: 'Satzglieder' }));
      expect(firstError(stale)?.code).toBe('CONFLICT');
      expect(firstError(blind)?.code).toBe('CONFLICT');
      expect((await lessonOf(teacher, s.lessons.p3.lineageId, day, 3)).entry).toEqual(expect.objectContaining({ version: 2, topic: 'Satzglieder' }));
    });

    it('when two teachers record the same lesson at once → one should win, the other get CONFLICT', async () => {
      const day = pastDay();
      await givenTimetable(app.dataSource).substitution({ schoolId: s.schoolId, date: day, period: 3, kind: 'SUBSTITUTE', lessonLineageId: s.lessons.p3.lineageId, substituteTeacherIds: [s.persons.substitute] });

      const results = await Promise.all([save(await s.as('teacher'), s.lessons.p3.lineageId, day, 3), save(await s.as('substitute'), s.lessons.p3.lineageId, day, 3)]);

      expect(results.map((r) => (r.errors ? firstError(r)?.code : 'OK')).sort()).toEqual(['CONFLICT', 'OK']);
      expect(await app.dataSource.query('SELECT count(*)::int AS n FROM register_entries WHERE lesson_lineage_id = $1 AND date = $2', [s.lessons.p3.lineageId, day])).toEqual([{ n: 1 }]);
    });

    it('the substitute of the day should record the lesson they cover; the class teacher and the office may not', async () => {
      const day = pastDay();
      await givenTimetable(app.dataSource).substitution({ schoolId: s.schoolId, date: day, period: 2, kind: 'SUBSTITUTE', lessonLineageId: s.lessons.p2.lineageId, substituteTeacherIds: [s.persons.substitute] });

      const bySubstitute = await save(await s.as('substitute'), s.lessons.p2.lineageId, day, 2);
      const byClassTeacher = await save(await s.as('classTeacher'), s.lessons.p2.lineageId, day, 2, { version: 1 });
      const byOffice = await save(await s.as('secretariat'), s.lessons.p2.lineageId, day, 2, { version: 1 });
      const onAnotherDay = await save(await s.as('substitute'), s.lessons.p2.lineageId, pastDay(), 2);

      expect(bySubstitute.errors).toBeUndefined();
      expect(firstError(byClassTeacher)?.code).toBe('FORBIDDEN');
      expect(firstError(byOffice)?.code).toBe('FORBIDDEN');
      expect(firstError(onAnotherDay)?.code).toBe('NOT_FOUND');
    });

    it.each([
      ['a cancelled lesson', 'input.date', 'cancelled'],
      ['a lesson in the future', 'input.date', 'in_future'],
      ['a pupil of another class', 'input.attendance.4.pupilId', 'unknown_reference'],
      ['a late pupil without minutes', 'input.attendance.0.lateMinutes', 'custom'],
    ])('when recording %s → should answer BAD_USER_INPUT on %s and store nothing', async (what, field, rule) => {
      const day = pastDay();
      let date = day;
      let attendance = everyone();
      if (what === 'a cancelled lesson') await givenTimetable(app.dataSource).substitution({ schoolId: s.schoolId, date: day, period: 2, kind: 'CANCELLED', lessonLineageId: s.lessons.p2.lineageId });
      if (what === 'a lesson in the future') date = weekdaysAfter(today(), 3);
      if (what === 'a pupil of another class') attendance = [...everyone(), { pupilId: s.pupils.tom, status: 'PRESENT', lateMinutes: null }];
      if (what === 'a late pupil without minutes') attendance = everyone({ [s.pupils.anna]: ['LATE'] });

      const result = await save(await s.as('teacher'), s.lessons.p2.lineageId, date, 2, { attendance });

      expect(firstError(result)).toEqual(expect.objectContaining({ code: 'BAD_USER_INPUT', field, rule }));
      expect(await app.dataSource.query('SELECT count(*)::int AS n FROM register_entries WHERE lesson_lineage_id = $1 AND date = $2', [s.lessons.p2.lineageId, date])).toEqual([{ n: 0 }]);
    });

    it('when the school requires a topic from grade 11 → the upper-school course needs one, class 7b does not', async () => {
      const day = pastDay();
      await s.settings({ topicRequiredFromGrade: 11 });
      const teacher = await s.as('teacher');
      const paulOnly = [{ pupilId: s.pupils.paul, status: 'PRESENT', lateMinutes: null }];

      const course = await lessonOf(teacher, s.lessons.course.lineageId, day, 5);
      const withoutTopic = await save(teacher, s.lessons.course.lineageId, day, 5, { topic: null, attendance: paulOnly });
      const withTopic = await save(teacher, s.lessons.course.lineageId, day, 5, { topic: 'Zellatmung', attendance: paulOnly });
      const classWithoutTopic = await save(teacher, s.lessons.p2.lineageId, day, 2, { topic: null });
      await s.settings({ topicRequiredFromGrade: null });

      expect(course.topicRequired).toBe(true);
      expect(course.pupils.map((p: RegisterPupil) => p.pupilId)).toEqual([s.pupils.paul]);
      expect(firstError(withoutTopic)).toEqual(expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'input.topic' }));
      expect(withTopic.errors).toBeUndefined();
      expect(classWithoutTopic.errors).toBeUndefined();
    });
  });
});
