import { addDays } from '@schulverwaltung/shared';
import { startTestApp, TestApp } from '../../../test/test-app';
import { AbsenceSchool, AbsenceUser, givenAbsenceSchool, REPORT, sickDays } from '../../../test/given-absences';
import { errorCodes, sorted } from '../../../test/demo-lookup';
import { firstError } from '../../../test/inspect';

// Who sees and does what with absences, through the API: the office everything of its school;
// teachers whether (not why) pupils they teach are away; class teachers keep their class's;
// guardians their own children's, pupils their own; nothing across schools.

const ABSENCE = `query($id: ID!) { absence(id: $id) { id status reason note reportedBy reporterName excuseDueOn isOverdue lessons { period } } }`;
const LIST = `query($filter: AbsenceFilter!) { absences(filter: $filter, page: { limit: 200 }) { total items { id pupilId note reason } } }`;
const OF_DAY = `query($schoolId: ID!, $date: LocalDate) { absencesToday(schoolId: $schoolId, date: $date) { className absences { pupilId note } } }`;

describe('absence rights', () => {
  let app: TestApp;
  let s: AbsenceSchool;
  let day: string;
  // One absence per pupil on the same day, each with a health note.
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    app = await startTestApp();
    s = await givenAbsenceSchool(app);
    day = addDays(s.week, 1);
    const office = await s.as('secretariat');
    for (const [name, pupilId] of Object.entries({ anna: s.pupils.anna, mia: s.pupils.mia, paul: s.pupils.paul, tom: s.pupils.tom })) {
      ids[name] = (await office.ok(REPORT, { input: sickDays(pupilId, day, day, { note: `Notiz ${name}` }) })).reportAbsence.absence.id;
    }
    const otherOffice = await s.as('otherSecretariat');
    ids.other = (await otherOffice.ok(REPORT, { input: sickDays(s.pupils.other, day) })).reportAbsence.absence.id;
  });

  afterAll(() => app.close());

  const visibleIds = async (user: AbsenceUser) => {
    const { absences } = await (await s.as(user)).ok(LIST, { filter: { from: day, to: day } });
    return sorted(absences.items.map((a: { id: string }) => a.id));
  };

  describe('lists are scoped by the rules', () => {
    it.each([
      ['secretariat', ['anna', 'mia', 'paul', 'tom']],
      ['management', ['anna', 'mia', 'paul', 'tom']],
      ['classTeacher', ['anna', 'mia', 'paul']],
      ['teacher', ['anna', 'mia', 'paul']],
      ['teacher7a', ['tom']],
      ['substitute', []],
      ['mother', ['mia']],
      ['pupil', ['mia']],
      ['adult', ['paul']],
      ['otherSecretariat', ['other']],
    ] as [AbsenceUser, string[]][])('%s → should see exactly %j', async (user, expected) => {
      expect(await visibleIds(user)).toEqual(sorted(expected.map((name) => ids[name])));
    });
  });

  describe('sensitive fields', () => {
    it('a subject teacher should see that a pupil they teach is away, but no reason, note, reporter, deadline or lessons', async () => {
      const { absence } = await (await s.as('teacher')).ok(ABSENCE, { id: ids.anna });

      expect(absence).toEqual({ id: ids.anna, status: 'REPORTED', reason: null, note: null, reportedBy: null, reporterName: null, excuseDueOn: null, isOverdue: null, lessons: null });
    });

    it('a subject teacher\'s lists should carry no note either', async () => {
      const { absences } = await (await s.as('teacher')).ok(LIST, { filter: { from: day, to: day } });

      expect(absences.items.every((a: { note: string | null; reason: string | null }) => a.note === null && a.reason === null)).toBe(true);
    });

    it.each(['secretariat', 'classTeacher', 'mother'] as AbsenceUser[])('%s should read the note', async (user) => {
      const { absence } = await (await s.as(user)).ok(ABSENCE, { id: ids.mia });

      expect(absence).toEqual(expect.objectContaining({ note: 'Notiz mia', reason: 'SICK' }));
      expect(absence.lessons).toHaveLength(4);
    });

    it('the secretariat\'s day list should show notes, a teacher\'s day list none', async () => {
      const office = await (await s.as('secretariat')).ok(OF_DAY, { schoolId: s.schoolId, date: day });
      const teacher = await (await s.as('teacher')).ok(OF_DAY, { schoolId: s.schoolId, date: day });

      expect(office.absencesToday.map((g: { className: string }) => g.className)).toEqual(['7a', '7b']);
      expect(office.absencesToday[1].absences.map((a: { note: string }) => a.note)).toEqual(['Notiz paul', 'Notiz anna', 'Notiz mia']);
      expect(teacher.absencesToday).toEqual([{ className: '7b', absences: expect.arrayContaining([expect.objectContaining({ note: null })]) }]);
    });
  });

  describe('single absences outside the caller\'s scope answer NOT_FOUND', () => {
    it.each([
      ['classTeacher', 'tom'], ['teacher7a', 'anna'], ['mother', 'anna'], ['pupil', 'anna'], ['adult', 'mia'], ['substitute', 'anna'],
      ['otherSecretariat', 'anna'], ['secretariat', 'other'],
    ] as [AbsenceUser, string][])('%s asking for %s\'s absence → NOT_FOUND', async (user, name) => {
      expect(errorCodes(await (await s.as(user)).gql(ABSENCE, { id: ids[name] }))).toEqual(['NOT_FOUND']);
    });
  });

  describe('who may enter', () => {
    it.each([
      ['secretariat', 'tom', null],
      ['classTeacher', 'anna', null],
      ['classTeacher', 'tom', 'NOT_FOUND'],
      ['teacher', 'anna', 'FORBIDDEN'],
      ['mother', 'mia', 'FORBIDDEN'],
      ['otherSecretariat', 'anna', 'NOT_FOUND'],
      ['secretariat', 'other', 'NOT_FOUND'],
    ] as [AbsenceUser, keyof AbsenceSchool['pupils'], string | null][])('%s entering an absence of %s → %s', async (user, pupil, code) => {
      const result = await (await s.as(user)).gql(REPORT, { input: sickDays(s.pupils[pupil], addDays(s.week, 14), addDays(s.week, 14), { reason: 'OTHER' }) });

      expect(result.errors ? firstError(result)?.code : null).toBe(code);
    });
  });

  describe('school isolation', () => {
    it('the other school\'s office should get NOT_FOUND for this school\'s day list and pupil search', async () => {
      const other = await s.as('otherSecretariat');

      expect(errorCodes(await other.gql(OF_DAY, { schoolId: s.schoolId, date: day }))).toEqual(['NOT_FOUND']);
      expect(errorCodes(await other.gql(`query($schoolId: ID!) { searchPupilsForAbsence(schoolId: $schoolId, query: "Müller") { pupilId } }`, { schoolId: s.schoolId }))).toEqual(['NOT_FOUND']);
    });

    it('asking for the other school in a filter → should list nothing', async () => {
      const { absences } = await (await s.as('secretariat')).ok(LIST, { filter: { schoolId: s.otherSchoolId } });

      expect(absences).toEqual({ total: 0, items: [] });
    });
  });
});
