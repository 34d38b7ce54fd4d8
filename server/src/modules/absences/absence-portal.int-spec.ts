import { addDays } from '@schulverwaltung/shared';
import { startTestApp, TestApp, TestClient } from '../../../test/test-app';
import { ABSENCE_FIELDS, AbsenceSchool, givenAbsenceSchool, REPORT, sickDays, today, weekdayFrom, weekdaysAfter } from '../../../test/given-absences';
import { firstError } from '../../../test/inspect';

// Guardians (with the may-excuse flag) and pupils of age in the portal: a sick report from today
// on, seen at once by the office and the class teacher; with online excuses allowed it is the
// written excuse. Leave of absence (Beurlaubung) asked for in advance, decided by the class teacher
// up to the school's limit and by school management beyond it; approved leave counts as excused.

const SICK = `mutation($input: ReportSicknessInput!) { reportSickness(input: $input) { outcome absence { ${ABSENCE_FIELDS} } } }`;
const LEAVE = `mutation($input: RequestLeaveInput!) { requestLeave(input: $input) { ${ABSENCE_FIELDS} } }`;
const DECIDE = `mutation($id: ID!, $version: Int!, $approve: Boolean!) { decideLeave(id: $id, version: $version, approve: $approve) { ${ABSENCE_FIELDS} } }`;
const EXCUSE = `mutation($absences: [AbsenceVersionInput!]!) { excuseAbsences(absences: $absences) { id status } }`;
const OF_DAY = `query($schoolId: ID!, $date: LocalDate) { absencesToday(schoolId: $schoolId, date: $date) { className absences { id pupil { firstName } reportedBy reportedVia reporterDisplayName } } }`;
const OPEN = `query($classId: ID!) { openAbsences(classId: $classId) { id reportedBy leaveStatus } }`;
const HISTORY = `query($pupilId: ID!, $from: LocalDate, $to: LocalDate) { pupilAbsenceHistory(pupilId: $pupilId, from: $from, to: $to) { id startsOn status reason note } }`;

describe('portal: sick reports and leave', () => {
  let app: TestApp;
  let s: AbsenceSchool;
  let mother: TestClient;
  // A school day from today on (Monday when today is a weekend), and the week after it.
  const first = () => weekdayFrom(today());
  const later = (weekdays: number) => weekdaysAfter(first(), weekdays);

  beforeAll(async () => {
    app = await startTestApp();
    s = await givenAbsenceSchool(app);
    mother = await s.as('mother');
  });

  afterAll(() => app.close());

  describe('reportSickness', () => {
    it('when the mother reports her daughter sick → the office and the class teacher should see it at once, marked as reported by her in the portal', async () => {
      const { reportSickness } = await mother.ok(SICK, { input: { pupilId: s.pupils.mia, startsOn: first(), note: 'Fieber' } });

      const ofDay = await (await s.as('secretariat')).ok(OF_DAY, { schoolId: s.schoolId, date: first() });
      const open = await (await s.as('classTeacher')).ok(OPEN, { classId: s.classes.c7b.id });

      expect(reportSickness.outcome).toBe('CREATED');
      expect(reportSickness.absence).toEqual(expect.objectContaining({
        reportedBy: 'GUARDIAN', reportedVia: 'PORTAL', reporterPersonId: s.persons.mother, reporterDisplayName: 'Sabine Sommer', reason: 'SICK', note: 'Fieber',
      }));
      const line = ofDay.absencesToday.find((g: { className: string }) => g.className === '7b').absences.find((a: { id: string }) => a.id === reportSickness.absence.id);
      expect(line).toEqual(expect.objectContaining({ reportedBy: 'GUARDIAN', reportedVia: 'PORTAL', reporterDisplayName: 'Sabine Sommer', pupil: { firstName: 'Mia' } }));
      expect(open.openAbsences).toEqual(expect.arrayContaining([{ id: reportSickness.absence.id, reportedBy: 'GUARDIAN', leaveStatus: null }]));
    });

    it('when the school does not take online excuses → a sick note should still be due', async () => {
      const { reportSickness } = await mother.ok(SICK, { input: { pupilId: s.pupils.mia, startsOn: later(5) } });

      expect(reportSickness.absence).toEqual(expect.objectContaining({ excuseReceivedOn: null }));
      expect(reportSickness.absence.excuseDueOn).not.toBeNull();
    });

    it('when the school takes online excuses → the report should be the written excuse (received today)', async () => {
      await s.settings({ onlineExcuseAllowed: true });

      const { reportSickness } = await mother.ok(SICK, { input: { pupilId: s.pupils.mia, startsOn: later(10), endsOn: later(11) } });
      await s.settings({ onlineExcuseAllowed: false });

      expect(reportSickness.absence).toEqual(expect.objectContaining({ excuseReceivedOn: today(), isOverdue: false, status: 'REPORTED' }));
    });

    it('when the office already entered the call → the portal report should merge into it, not double it', async () => {
      const office = await s.as('secretariat');
      const entered = await office.ok(REPORT, { input: sickDays(s.pupils.mia, later(15)) });

      const { reportSickness } = await mother.ok(SICK, { input: { pupilId: s.pupils.mia, startsOn: later(15), endsOn: later(16) } });

      expect(reportSickness.outcome).toBe('MERGED');
      expect(reportSickness.absence.id).toBe(entered.reportAbsence.absence.id);
    });

    it('when the father without the may-excuse flag reports → should answer FORBIDDEN', async () => {
      const result = await (await s.as('father')).gql(SICK, { input: { pupilId: s.pupils.mia, startsOn: later(20) } });

      expect(firstError(result)?.code).toBe('FORBIDDEN');
    });

    it('when the mother reports a child not hers → should answer NOT_FOUND', async () => {
      expect(firstError(await mother.gql(SICK, { input: { pupilId: s.pupils.ben, startsOn: later(20) } }))?.code).toBe('NOT_FOUND');
    });

    it('when a pupil of age reports themself → should store it as reported by the pupil; a minor may not', async () => {
      const adult = await (await s.as('adult')).ok(SICK, { input: { pupilId: s.pupils.paul, startsOn: later(20) } });
      const minor = await (await s.as('pupil')).gql(SICK, { input: { pupilId: s.pupils.mia, startsOn: later(20) } });

      expect(adult.reportSickness.absence).toEqual(expect.objectContaining({ reportedBy: 'PUPIL', reporterPersonId: s.persons.adult, reportedVia: 'PORTAL' }));
      expect(firstError(minor)?.code).toBe('FORBIDDEN');
    });

    it('when the report starts yesterday → should answer BAD_USER_INPUT', async () => {
      const result = await mother.gql(SICK, { input: { pupilId: s.pupils.mia, startsOn: addDays(today(), -1) } });

      expect(firstError(result)).toEqual(expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'input.startsOn', rule: 'in_past' }));
    });

    it('when guardians use reportAbsence (the office\'s entry) → should answer FORBIDDEN', async () => {
      const result = await mother.gql(REPORT, { input: sickDays(s.pupils.mia, later(25)) });

      expect(firstError(result)?.code).toBe('FORBIDDEN');
    });
  });

  describe('requestLeave / decideLeave', () => {
    const requestLeave = async (startsOn: string, endsOn: string) =>
      (await mother.ok(LEAVE, { input: { pupilId: s.pupils.mia, startsOn, endsOn, note: 'Hochzeit der Schwester' } })).requestLeave;

    it('when the mother asks for two days in advance → should store a leave request; the class teacher approves it → excused', async () => {
      const leave = await requestLeave(later(30), later(31));

      const { decideLeave } = await (await s.as('classTeacher')).ok(DECIDE, { id: leave.id, version: leave.version, approve: true });

      expect(leave).toEqual(expect.objectContaining({ reason: 'LEAVE', leaveStatus: 'REQUESTED', status: 'REPORTED', excuseDueOn: null, reportedBy: 'GUARDIAN' }));
      expect(leave.lessons).toHaveLength(8);
      expect(decideLeave).toEqual(expect.objectContaining({ leaveStatus: 'APPROVED', status: 'EXCUSED', excusedByPersonId: s.persons.classTeacher }));
    });

    it('when the leave is longer than the class teacher may approve (default 2 school days) → FORBIDDEN for them, school management approves', async () => {
      const leave = await requestLeave(later(35), later(37));

      const byClassTeacher = await (await s.as('classTeacher')).gql(DECIDE, { id: leave.id, version: leave.version, approve: true });
      const byManagement = await (await s.as('management')).ok(DECIDE, { id: leave.id, version: leave.version, approve: true });

      expect(firstError(byClassTeacher)?.code).toBe('FORBIDDEN');
      expect(firstError(byClassTeacher)?.message).toContain('3 Schultagen');
      expect(byManagement.decideLeave).toEqual(expect.objectContaining({ leaveStatus: 'APPROVED', status: 'EXCUSED' }));
    });

    it('when the school raises the class teacher\'s limit → the class teacher should approve the longer leave', async () => {
      await s.settings({ leaveClassTeacherMaxDays: 5 });
      const leave = await requestLeave(later(40), later(42));

      const { decideLeave } = await (await s.as('classTeacher')).ok(DECIDE, { id: leave.id, version: leave.version, approve: true });
      await s.settings({ leaveClassTeacherMaxDays: 2 });

      expect(decideLeave.leaveStatus).toBe('APPROVED');
    });

    it('when the secretariat or a subject teacher decides → should answer FORBIDDEN', async () => {
      const leave = await requestLeave(later(45), later(45));

      const bySecretariat = await (await s.as('secretariat')).gql(DECIDE, { id: leave.id, version: leave.version, approve: true });
      const byTeacher = await (await s.as('teacher')).gql(DECIDE, { id: leave.id, version: leave.version, approve: true });

      expect(firstError(bySecretariat)?.code).toBe('FORBIDDEN');
      expect(firstError(byTeacher)?.code).toBe('FORBIDDEN');
    });

    it('when a leave is rejected → it should keep no lesson and leave the day list; reporting sickness on those days works', async () => {
      const leave = await requestLeave(later(50), later(50));

      const { decideLeave } = await (await s.as('classTeacher')).ok(DECIDE, { id: leave.id, version: leave.version, approve: false });
      const ofDay = await (await s.as('secretariat')).ok(OF_DAY, { schoolId: s.schoolId, date: later(50) });
      const sick = await mother.ok(SICK, { input: { pupilId: s.pupils.mia, startsOn: later(50) } });

      expect(decideLeave).toEqual(expect.objectContaining({ leaveStatus: 'REJECTED', status: 'REPORTED', lessons: [] }));
      expect(ofDay.absencesToday).toEqual([]);
      expect(sick.reportSickness.outcome).toBe('CREATED');
    });

    it('when a leave is excused through excuseAbsences → should answer BAD_USER_INPUT: leave is decided with decideLeave', async () => {
      const leave = await requestLeave(later(55), later(55));

      const result = await (await s.as('classTeacher')).gql(EXCUSE, { absences: [{ id: leave.id, version: leave.version }] });

      expect(firstError(result)).toEqual(expect.objectContaining({ code: 'BAD_USER_INPUT', rule: 'leave_by_decision' }));
    });

    it('when the leave starts today → should answer BAD_USER_INPUT (asked for in advance)', async () => {
      const result = await mother.gql(LEAVE, { input: { pupilId: s.pupils.mia, startsOn: today(), endsOn: later(60), note: 'Urlaub' } });

      expect(firstError(result)).toEqual(expect.objectContaining({ code: 'BAD_USER_INPUT', rule: 'not_in_advance' }));
    });

    it('when the leave overlaps a reported sickness → should refuse naming it', async () => {
      const sick = await mother.ok(SICK, { input: { pupilId: s.pupils.mia, startsOn: later(62) } });

      const result = await mother.gql(LEAVE, { input: { pupilId: s.pupils.mia, startsOn: later(61), endsOn: later(63), note: 'Kur' } });

      expect(firstError(result)).toEqual(expect.objectContaining({ code: 'BAD_USER_INPUT', rule: 'overlapping_absence' }));
      expect(result.errors?.[0].extensions?.existingAbsenceId).toBe(sick.reportSickness.absence.id);
    });
  });

  describe('pupilAbsenceHistory', () => {
    it('should show the mother her daughter\'s absences with reasons and notes, and the pupil her own', async () => {
      const range = { from: first(), to: later(70) };

      const byMother = await mother.ok(HISTORY, { pupilId: s.pupils.mia, ...range });
      const byPupil = await (await s.as('pupil')).ok(HISTORY, { pupilId: s.pupils.mia, ...range });

      expect(byMother.pupilAbsenceHistory.length).toBeGreaterThan(3);
      expect(byMother.pupilAbsenceHistory.some((a: { note: string | null }) => a.note === 'Fieber')).toBe(true);
      expect(byPupil.pupilAbsenceHistory).toEqual(byMother.pupilAbsenceHistory);
    });

    it('when the pupil asks for a classmate → should answer NOT_FOUND', async () => {
      expect(firstError(await (await s.as('pupil')).gql(HISTORY, { pupilId: s.pupils.anna }))?.code).toBe('NOT_FOUND');
    });
  });
});
