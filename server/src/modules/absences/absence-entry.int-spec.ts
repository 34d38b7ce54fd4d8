import { addDays } from '@schulverwaltung/shared';
import { startTestApp, TestApp, TestClient } from '../../../test/test-app';
import { AbsenceSchool, givenAbsenceSchool, REPORT, sickDays } from '../../../test/given-absences';
import { givenTimetable } from '../../../test/given-timetable';
import { given } from '../../../test/given';
import { auditEntriesOf, firstError } from '../../../test/inspect';

// The secretariat's quick entry (reportAbsence): whole days on school days, periods, lateness and
// early leave; the lessons each covers (as the timetable has them that day); merging and refusing
// against the pupil's other entries; never a double, not even for racing requests; the excuse
// deadline and the certificate requirement that follow from the dates.

interface Reported {
  outcome: string;
  absence: {
    id: string; version: number; kind: string; startsOn: string; endsOn: string; periodFrom: number | null; periodTo: number | null;
    status: string; reason: string; excuseDueOn: string | null; requiresCertificate: boolean; reporterDisplayName: string | null;
    lessons: { date: string; period: number; lessonLineageId: string }[];
  };
}

describe('reportAbsence', () => {
  let app: TestApp;
  let s: AbsenceSchool;
  let office: TestClient;
  // Each test uses its own week of the school year, so their absences never meet.
  let weekNo = 0;
  const nextWeek = () => addDays(s.week, 7 * weekNo++);
  const day = (monday: string, weekdayNo: number) => addDays(monday, weekdayNo - 1);

  beforeAll(async () => {
    app = await startTestApp();
    s = await givenAbsenceSchool(app);
    office = await s.as('secretariat');
  });

  afterAll(() => app.close());

  const report = async (input: Record<string, unknown>): Promise<Reported> => (await office.ok(REPORT, { input })).reportAbsence;
  const absencesOf = (pupilId: string) => app.dataSource.query(
    `SELECT id, kind, starts_on AS "startsOn", ends_on AS "endsOn", period_from AS "periodFrom", period_to AS "periodTo", reason, version
     FROM absences WHERE pupil_id = $1 ORDER BY starts_on, period_from`, [pupilId]);
  const linksOf = (absenceId: string) => app.dataSource.query(
    'SELECT date, period FROM absence_lessons WHERE absence_id = $1 ORDER BY date, period', [absenceId]);

  describe('whole days', () => {
    it('when a two-day sickness is entered → should store it with its eight lessons and the deadline three school days after the return', async () => {
      const monday = nextWeek();

      const { outcome, absence } = await report(sickDays(s.pupils.anna, monday, day(monday, 2)));

      expect(outcome).toBe('CREATED');
      expect(absence).toEqual(expect.objectContaining({ kind: 'DAYS', startsOn: monday, endsOn: day(monday, 2), status: 'REPORTED', reason: 'SICK', requiresCertificate: false }));
      // Back on Wednesday; Thursday, Friday, Monday: due on Monday.
      expect(absence.excuseDueOn).toBe(addDays(monday, 7));
      expect(absence.lessons.map((l) => `${l.date} ${l.period}`)).toEqual([1, 2, 3, 4].map((p) => `${monday} ${p}`).concat([1, 2, 3, 4].map((p) => `${day(monday, 2)} ${p}`)));
    });

    it('when a range spans the weekend → should keep Friday to Monday and link only their lessons', async () => {
      const monday = nextWeek();

      const { absence } = await report(sickDays(s.pupils.ben, day(monday, 5), addDays(monday, 7)));

      expect([absence.startsOn, absence.endsOn]).toEqual([day(monday, 5), addDays(monday, 7)]);
      expect(absence.lessons).toHaveLength(8);
    });

    it('when a range starts on Saturday → should start it on the next school day', async () => {
      const monday = nextWeek();

      const { absence } = await report(sickDays(s.pupils.ben, addDays(monday, 5), addDays(monday, 8)));

      expect([absence.startsOn, absence.endsOn]).toEqual([addDays(monday, 7), addDays(monday, 8)]);
    });

    it('when the range holds no school day (a weekend) → should answer BAD_USER_INPUT and store nothing', async () => {
      const monday = nextWeek();
      const before = await absencesOf(s.pupils.ben);

      const result = await office.gql(REPORT, { input: sickDays(s.pupils.ben, addDays(monday, 5), addDays(monday, 6)) });

      expect(firstError(result)).toEqual(expect.objectContaining({ code: 'BAD_USER_INPUT', rule: 'no_school_day' }));
      expect(await absencesOf(s.pupils.ben)).toEqual(before);
    });

    it('when holidays lie inside the range → should span them but link no lesson in them', async () => {
      const monday = nextWeek();
      await given(app.dataSource).holiday(s.year, { name: 'Studientag', startsOn: day(monday, 3), endsOn: day(monday, 3), kind: 'NO_LESSONS' });

      const { absence } = await report(sickDays(s.pupils.tom, day(monday, 2), day(monday, 4)));

      expect([absence.startsOn, absence.endsOn]).toEqual([day(monday, 2), day(monday, 4)]);
      expect([...new Set(absence.lessons.map((l) => l.date))]).toEqual([day(monday, 2), day(monday, 4)]);
    });
  });

  describe('merging and refusing', () => {
    it('when Friday and then Monday are reported for the same reason → should merge them into one entry from Friday to Monday', async () => {
      const monday = nextWeek();
      const friday = day(monday, 5);
      const first = await report(sickDays(s.pupils.mia, friday));

      const second = await report(sickDays(s.pupils.mia, addDays(monday, 7)));

      expect(second.outcome).toBe('MERGED');
      expect(second.absence).toEqual(expect.objectContaining({ id: first.absence.id, startsOn: friday, endsOn: addDays(monday, 7), version: 2 }));
      expect(second.absence.lessons).toHaveLength(8);
      expect(await absencesOf(s.pupils.mia)).toEqual([expect.objectContaining({ id: first.absence.id, startsOn: friday, endsOn: addDays(monday, 7) })]);
      const audit = await auditEntriesOf(app.dataSource, first.absence.id);
      expect(audit.map((a) => a.action)).toEqual(['create', 'update']);
      expect(audit[1].changes.endsOn).toEqual({ old: friday, new: addDays(monday, 7) });
    });

    it('when days are added to an entry already excused → should merge and open it again (the new days are not excused yet)', async () => {
      const monday = nextWeek();
      const first = await report(sickDays(s.pupils.tom, monday));
      await office.ok(`mutation($a: [AbsenceVersionInput!]!) { excuseAbsences(absences: $a) { id } }`, { a: [{ id: first.absence.id, version: first.absence.version }] });

      const { outcome, absence } = await report(sickDays(s.pupils.tom, day(monday, 2)));

      expect(outcome).toBe('MERGED');
      expect(absence).toEqual(expect.objectContaining({ id: first.absence.id, endsOn: day(monday, 2), status: 'REPORTED' }));
    });

    it('when an overlapping range has the same reason → should merge into one spanning both', async () => {
      const monday = nextWeek();
      await report(sickDays(s.pupils.ben, monday, day(monday, 3)));

      const { outcome, absence } = await report(sickDays(s.pupils.ben, day(monday, 2), day(monday, 4)));

      expect(outcome).toBe('MERGED');
      expect([absence.startsOn, absence.endsOn]).toEqual([monday, day(monday, 4)]);
      expect(absence.lessons).toHaveLength(16);
    });

    it('when a new range bridges two entries of the same reason → should merge all three into one', async () => {
      const monday = nextWeek();
      const a = await report(sickDays(s.pupils.anna, monday));
      await report(sickDays(s.pupils.anna, day(monday, 3)));

      const { absence } = await report(sickDays(s.pupils.anna, day(monday, 2)));

      expect(absence).toEqual(expect.objectContaining({ id: a.absence.id, startsOn: monday, endsOn: day(monday, 3) }));
      const stored = (await absencesOf(s.pupils.anna)).filter((r: { startsOn: string }) => r.startsOn >= monday && r.startsOn <= day(monday, 5));
      expect(stored).toHaveLength(1);
    });

    it('when the days are already reported → should answer ALREADY_REPORTED and change nothing', async () => {
      const monday = nextWeek();
      const first = await report(sickDays(s.pupils.ben, monday, day(monday, 3)));

      const again = await report(sickDays(s.pupils.ben, day(monday, 2)));

      expect(again.outcome).toBe('ALREADY_REPORTED');
      expect(again.absence).toEqual(expect.objectContaining({ id: first.absence.id, version: 1, startsOn: monday, endsOn: day(monday, 3) }));
    });

    it('when an overlapping range has another reason → should refuse naming the existing entry (dates, reason, reporter) and store nothing', async () => {
      const monday = nextWeek();
      const existing = await report(sickDays(s.pupils.mia, monday, day(monday, 2), { reporterPersonId: s.persons.mother }));

      const result = await office.gql(REPORT, { input: sickDays(s.pupils.mia, day(monday, 2), day(monday, 3), { reason: 'DOCTOR' }) });

      expect(firstError(result)).toEqual(expect.objectContaining({ code: 'BAD_USER_INPUT', rule: 'conflicting_absence' }));
      expect(result.errors?.[0].extensions?.existingAbsenceId).toBe(existing.absence.id);
      const message = firstError(result)!.message;
      expect(message).toContain(`vom ${german(monday)} bis ${german(day(monday, 2))}`);
      expect(message).toContain('„krank“');
      expect(message).toContain('Sabine Sommer');
      expect(existing.absence.reporterDisplayName).toBe('Sabine Sommer');
      expect((await absencesOf(s.pupils.mia)).filter((r: { startsOn: string }) => r.startsOn >= monday && r.startsOn <= day(monday, 5))).toHaveLength(1);
    });

    it('when an adjacent day has another reason → should keep two entries side by side', async () => {
      const monday = nextWeek();
      await report(sickDays(s.pupils.tom, monday));

      const { outcome } = await report(sickDays(s.pupils.tom, day(monday, 2), day(monday, 2), { reason: 'DOCTOR' }));

      expect(outcome).toBe('CREATED');
    });

    it('when periods are entered on a day already absent as a whole → should refuse them as already covered', async () => {
      const monday = nextWeek();
      await report(sickDays(s.pupils.anna, monday));

      const result = await office.gql(REPORT, { input: { ...sickDays(s.pupils.anna, monday), kind: 'PERIODS', endsOn: null, periodFrom: 2, periodTo: 3, reason: 'DOCTOR' } });

      expect(firstError(result)).toEqual(expect.objectContaining({ code: 'BAD_USER_INPUT', rule: 'covered_by_whole_day' }));
      expect(firstError(result)?.message).toContain('bereits ganztägig');
    });

    it('when touching periods of the same reason are entered → should merge them; another reason on the same periods is refused', async () => {
      const monday = nextWeek();
      const periods = (from: number, to: number, reason = 'DOCTOR') => ({ ...sickDays(s.pupils.ben, monday), kind: 'PERIODS', endsOn: null, periodFrom: from, periodTo: to, reason });
      const first = await report(periods(1, 2));

      const merged = await report(periods(3, 3));
      const refused = await office.gql(REPORT, { input: periods(2, 2, 'OTHER') });

      expect(merged).toEqual(expect.objectContaining({ outcome: 'MERGED' }));
      expect(merged.absence).toEqual(expect.objectContaining({ id: first.absence.id, periodFrom: 1, periodTo: 3 }));
      expect(merged.absence.lessons.map((l) => l.period)).toEqual([1, 2, 3]);
      expect(firstError(refused)?.rule).toBe('conflicting_absence');
    });

    it('when a whole day is entered over periods of the same reason that day → should take the periods into it', async () => {
      const monday = nextWeek();
      await report({ ...sickDays(s.pupils.tom, monday), kind: 'PERIODS', endsOn: null, periodFrom: 1, periodTo: 1 });

      const { outcome, absence } = await report(sickDays(s.pupils.tom, monday));

      expect(outcome).toBe('CREATED');
      expect((await absencesOf(s.pupils.tom)).filter((r: { startsOn: string }) => r.startsOn === monday)).toEqual([expect.objectContaining({ id: absence.id, kind: 'DAYS' })]);
    });
  });

  describe('parts of a day', () => {
    it('when a pupil came late → should store the minutes at their first lesson and link no lesson', async () => {
      const monday = nextWeek();

      const { absence } = await report({ ...sickDays(s.pupils.ben, monday), kind: 'LATE', endsOn: null, minutes: 10, reason: 'OTHER' });

      expect(absence).toEqual(expect.objectContaining({ kind: 'LATE', periodFrom: 1, lessons: [] }));
    });

    it('when a pupil left after the second period → should link the third and fourth', async () => {
      const monday = nextWeek();

      const { absence } = await report({ ...sickDays(s.pupils.ben, monday), kind: 'EARLY_LEAVE', endsOn: null, periodFrom: 3 });

      expect(absence.lessons.map((l) => l.period)).toEqual([3, 4]);
    });

    it('when periods lack the last period → should answer BAD_USER_INPUT on input.periodTo', async () => {
      const result = await office.gql(REPORT, { input: { ...sickDays(s.pupils.ben, s.week), kind: 'PERIODS', endsOn: null, periodFrom: 2 } });

      expect(firstError(result)).toEqual(expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'input.periodTo' }));
    });

    it('when periods are entered for a Sunday → should answer BAD_USER_INPUT', async () => {
      const result = await office.gql(REPORT, { input: { ...sickDays(s.pupils.ben, addDays(s.week, 6)), kind: 'PERIODS', endsOn: null, periodFrom: 1, periodTo: 2 } });

      expect(firstError(result)?.rule).toBe('no_school_day');
    });
  });

  describe('lesson links follow the timetable of the day', () => {
    it('when the second lesson is cancelled that day → should not link it (a cancelled lesson is not missed); a substituted one is', async () => {
      const monday = nextWeek();
      const t = givenTimetable(app.dataSource);
      await t.substitution({ schoolId: s.schoolId, date: monday, period: 2, kind: 'CANCELLED', lessonLineageId: s.lessons.p2.lineageId });
      await t.substitution({ schoolId: s.schoolId, date: monday, period: 3, kind: 'SUBSTITUTE', lessonLineageId: s.lessons.p3.lineageId, substituteTeacherIds: [s.persons.substitute] });

      const { absence } = await report(sickDays(s.pupils.anna, monday));

      expect(absence.lessons.map((l) => l.period)).toEqual([1, 3, 4]);
    });

    it('when a pupil of a course is away → should link the course lesson too', async () => {
      const monday = nextWeek();

      const { absence } = await report(sickDays(s.pupils.paul, monday));

      expect(absence.lessons.map((l) => l.period)).toEqual([1, 2, 3, 4, 5]);
      expect(absence.lessons.find((l) => l.period === 5)?.lessonLineageId).toBe(s.lessons.course.lineageId);
    });
  });

  describe('no doubles', () => {
    it('when the same call is entered five times at once → should store exactly one entry', async () => {
      const monday = nextWeek();
      const clients = await Promise.all([0, 1, 2, 3, 4].map(() => app.as('sekretariat', 'Test-Passwort-1')));

      const results = await Promise.all(clients.map((c) => c.ok(REPORT, { input: sickDays(s.pupils.tom, monday, day(monday, 2)) })));

      const outcomes = results.map((r) => r.reportAbsence.outcome).sort();
      expect(outcomes).toEqual(['ALREADY_REPORTED', 'ALREADY_REPORTED', 'ALREADY_REPORTED', 'ALREADY_REPORTED', 'CREATED']);
      const stored = (await absencesOf(s.pupils.tom)).filter((r: { startsOn: string }) => r.startsOn === monday);
      expect(stored).toHaveLength(1);
      // Tom's class 7a has one lesson a day.
      expect(await linksOf(stored[0].id)).toHaveLength(2);
    });

    it('when three adjacent days are entered at once → should end with one entry over all three', async () => {
      const monday = nextWeek();

      await Promise.all([1, 2, 3].map((d) => office.ok(REPORT, { input: sickDays(s.pupils.anna, day(monday, d)) })));

      const stored = (await absencesOf(s.pupils.anna)).filter((r: { startsOn: string }) => r.startsOn >= monday && r.startsOn <= day(monday, 5));
      expect(stored).toEqual([expect.objectContaining({ startsOn: monday, endsOn: day(monday, 3) })]);
    });
  });

  describe('certificate requirement (Attestpflicht)', () => {
    it('when the pupil has an Attestpflicht from a day → should require a certificate from that day on', async () => {
      const monday = nextWeek();
      await app.dataSource.query('UPDATE pupils SET certificate_required_from = $2 WHERE id = $1', [s.pupils.ben, day(monday, 3)]);

      const before = await report(sickDays(s.pupils.ben, monday));
      const from = await report(sickDays(s.pupils.ben, day(monday, 3)));
      await app.dataSource.query('UPDATE pupils SET certificate_required_from = NULL WHERE id = $1', [s.pupils.ben]);

      expect(before.absence.requiresCertificate).toBe(false);
      expect(from.absence.requiresCertificate).toBe(true);
    });

    it('when the day has an exam of the pupil\'s class → should require a certificate (school setting on by default), not when the setting is off', async () => {
      const monday = nextWeek();
      await s.exam(s.classes.c7b.id, day(monday, 2));

      const onExamDay = await report(sickDays(s.pupils.anna, day(monday, 2)));
      await s.settings({ certificateOnExamDays: false });
      const withoutRule = await report(sickDays(s.pupils.mia, day(monday, 2)));
      await s.settings({ certificateOnExamDays: true });

      expect(onExamDay.absence.requiresCertificate).toBe(true);
      expect(withoutRule.absence.requiresCertificate).toBe(false);
    });

    it('when the school requires certificates next to holidays → should require one for the Friday before them', async () => {
      const monday = nextWeek();
      await given(app.dataSource).holiday(s.year, { name: 'Herbstferien', startsOn: addDays(monday, 7), endsOn: addDays(monday, 11), kind: 'HOLIDAY' });
      await s.settings({ certificateNextToHolidays: true });

      const friday = await report(sickDays(s.pupils.tom, day(monday, 5)));
      const wednesday = await report(sickDays(s.pupils.tom, day(monday, 3)));
      await s.settings({ certificateNextToHolidays: false });

      expect(friday.absence.requiresCertificate).toBe(true);
      expect(wednesday.absence.requiresCertificate).toBe(false);
      // The excuse is due three school days after the return: the holidays do not count.
      expect(friday.absence.excuseDueOn).toBe(addDays(monday, 14 + 3));
    });
  });

  describe('undoAbsenceMerge (the quick entry\'s undo of a merge)', () => {
    const UNDO = `mutation($id: ID!, $version: Int!) { undoAbsenceMerge(id: $id, version: $version) {
      absence { id version startsOn endsOn status excusedByPersonId lessons { date period } } restored { id startsOn endsOn status lessons { date } } } }`;
    // Weeks before the fixture's first one, counted backwards: the weeks after it fill with the tests above (and their holidays).
    let weeksBack = 0;
    const earlierWeek = () => addDays(s.week, -7 * ++weeksBack);
    const EXCUSE = `mutation($a: [AbsenceVersionInput!]!) { excuseAbsences(absences: $a) { id version excusedByPersonId } }`;

    it('when an excused entry was widened by mistake → should give it back its span and its excused status, and record the undo', async () => {
      const monday = earlierWeek();
      const first = await report(sickDays(s.pupils.tom, monday));
      const classTeacher = await s.as('teacher7a');
      const [excused] = (await classTeacher.ok(EXCUSE, { a: [{ id: first.absence.id, version: first.absence.version }] })).excuseAbsences;
      const merged = await report(sickDays(s.pupils.tom, day(monday, 2)));
      expect(merged.absence.status).toBe('REPORTED');

      const { undoAbsenceMerge } = await office.ok(UNDO, { id: merged.absence.id, version: merged.absence.version });

      expect(undoAbsenceMerge.absence).toEqual(expect.objectContaining({
        id: first.absence.id, startsOn: monday, endsOn: monday, status: 'EXCUSED', excusedByPersonId: excused.excusedByPersonId,
      }));
      expect(undoAbsenceMerge.absence.lessons).toEqual(first.absence.lessons.map(({ date, period }) => ({ date, period })));
      expect(undoAbsenceMerge.restored).toEqual([]);
      expect(await linksOf(first.absence.id)).toHaveLength(first.absence.lessons.length);
      const audit = await auditEntriesOf(app.dataSource, first.absence.id);
      expect(audit.map((a) => a.action)).toEqual(['create', 'update', 'update', 'update']);
      expect(audit[3].changes).toEqual(expect.objectContaining({ endsOn: { old: day(monday, 2), new: monday }, status: { old: 'REPORTED', new: 'EXCUSED' } }));
    });

    it('when the entry bridged two others → should restore both under their ids, with their lesson links', async () => {
      const monday = earlierWeek();
      const a = await report(sickDays(s.pupils.mia, monday));
      const c = await report(sickDays(s.pupils.mia, day(monday, 3)));
      const bridge = await report(sickDays(s.pupils.mia, day(monday, 2)));
      expect(bridge.absence).toEqual(expect.objectContaining({ id: a.absence.id, endsOn: day(monday, 3) }));

      const { undoAbsenceMerge } = await office.ok(UNDO, { id: bridge.absence.id, version: bridge.absence.version });

      expect(undoAbsenceMerge.absence).toEqual(expect.objectContaining({ id: a.absence.id, startsOn: monday, endsOn: monday }));
      expect(undoAbsenceMerge.restored).toEqual([expect.objectContaining({ id: c.absence.id, startsOn: day(monday, 3), endsOn: day(monday, 3), status: 'REPORTED' })]);
      const week = (await absencesOf(s.pupils.mia)).filter((r: { startsOn: string }) => r.startsOn >= monday && r.startsOn <= day(monday, 5));
      expect(week.map((r: { id: string; startsOn: string }) => [r.id, r.startsOn])).toEqual([[a.absence.id, monday], [c.absence.id, day(monday, 3)]]);
      expect(await linksOf(c.absence.id)).toHaveLength(4);
      expect((await auditEntriesOf(app.dataSource, c.absence.id)).map((e) => e.action)).toEqual(['create', 'delete', 'create']);

      // Undoing the undo would widen the entry over the one it brought back: refused, nothing doubled.
      const again = await office.gql(UNDO, { id: a.absence.id, version: undoAbsenceMerge.absence.version });
      expect(firstError(again)?.code).toBe('BAD_USER_INPUT');
      expect((await absencesOf(s.pupils.mia)).filter((r: { startsOn: string }) => r.startsOn >= monday && r.startsOn <= day(monday, 5))).toHaveLength(2);
    });

    it('when the entry changed since (a stale version) → should answer CONFLICT and change nothing', async () => {
      const monday = earlierWeek();
      await report(sickDays(s.pupils.ben, monday));
      const merged = await report(sickDays(s.pupils.ben, day(monday, 2)));

      const result = await office.gql(UNDO, { id: merged.absence.id, version: merged.absence.version - 1 });

      expect(firstError(result)?.code).toBe('CONFLICT');
      expect((await absencesOf(s.pupils.ben)).find((r: { id: string }) => r.id === merged.absence.id)).toEqual(expect.objectContaining({ endsOn: day(monday, 2) }));
    });

    it('when the last change was a correction, not a merge → should answer BAD_USER_INPUT and change nothing', async () => {
      const monday = earlierWeek();
      const created = await report(sickDays(s.pupils.anna, monday));
      const corrected = await office.ok(`mutation($id: ID!, $v: Int!) { updateAbsence(id: $id, version: $v, input: { note: "Fieber" }) { version } }`,
        { id: created.absence.id, v: created.absence.version });

      const result = await office.gql(UNDO, { id: created.absence.id, version: corrected.updateAbsence.version });

      expect(firstError(result)).toEqual(expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'id', rule: 'not_a_merge' }));
    });

    it('a teacher of the class may see the entry but not undo it (FORBIDDEN); another school\'s secretariat does not find it (NOT_FOUND)', async () => {
      const monday = earlierWeek();
      await report(sickDays(s.pupils.anna, monday));
      const merged = await report(sickDays(s.pupils.anna, day(monday, 2)));
      const variables = { id: merged.absence.id, version: merged.absence.version };

      expect(firstError(await (await s.as('teacher')).gql(UNDO, variables))?.code).toBe('FORBIDDEN');
      expect(firstError(await (await s.as('otherSecretariat')).gql(UNDO, variables))?.code).toBe('NOT_FOUND');
      expect((await absencesOf(s.pupils.anna)).find((r: { id: string }) => r.id === merged.absence.id)).toEqual(expect.objectContaining({ endsOn: day(monday, 2) }));
    });
  });

  describe('bad input', () => {
    it('when reason is LEAVE → should answer BAD_USER_INPUT: leave is requested and decided', async () => {
      const result = await office.gql(REPORT, { input: sickDays(s.pupils.ben, s.week, s.week, { reason: 'LEAVE' }) });

      expect(firstError(result)).toEqual(expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'input.reason', rule: 'leave_by_request' }));
    });

    it('when the named reporter is no guardian of the pupil → should answer BAD_USER_INPUT on input.reporterPersonId', async () => {
      const result = await office.gql(REPORT, { input: sickDays(s.pupils.ben, s.week, s.week, { reporterPersonId: s.persons.mother }) });

      expect(firstError(result)).toEqual(expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'input.reporterPersonId' }));
    });

    it('when another reporter is not named → should answer BAD_USER_INPUT on input.reporterName', async () => {
      const result = await office.gql(REPORT, { input: sickDays(s.pupils.ben, s.week, s.week, { reportedBy: 'OTHER' }) });

      expect(firstError(result)).toEqual(expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'input.reporterName' }));
    });

    it('when the range leaves the school year → should answer BAD_USER_INPUT', async () => {
      const result = await office.gql(REPORT, { input: sickDays(s.pupils.ben, addDays(s.year.endsOn, -3), addDays(s.year.endsOn, 10)) });

      expect(firstError(result)?.code).toBe('BAD_USER_INPUT');
    });
  });
});

function german(date: string): string {
  const [y, m, d] = date.split('-');
  return `${d}.${m}.${y}`;
}
