import { addDays } from '@schulverwaltung/shared';
import { startTestApp, TestApp, TestClient } from '../../../test/test-app';
import { ABSENCE_FIELDS, AbsenceSchool, givenAbsenceSchool, REPORT, sickDays, today } from '../../../test/given-absences';
import { auditEntriesOf, firstError, rowOf } from '../../../test/inspect';

// After the entry: the class teacher excuses or marks unexcused (one by one or in bulk, all or
// nothing), records the sick note and the certificate (Attestpflicht blocks excusing without it),
// corrects and the office undoes entries — each versioned and audited, the history readable by
// school management.

const EXCUSE = `mutation($absences: [AbsenceVersionInput!]!) { excuseAbsences(absences: $absences) { id version status excusedByPersonId } }`;
const UNEXCUSE = `mutation($absences: [AbsenceVersionInput!]!) { markAbsencesUnexcused(absences: $absences) { id version status } }`;
const EXCUSE_RECEIVED = `mutation($id: ID!, $version: Int!, $on: LocalDate) { recordExcuseReceived(id: $id, version: $version, receivedOn: $on) { id version excuseReceivedOn isOverdue } }`;
const CERTIFICATE = `mutation($id: ID!, $version: Int!, $on: LocalDate) { recordCertificate(id: $id, version: $version, receivedOn: $on) { id version certificateReceivedOn excuseReceivedOn } }`;
const UPDATE = `mutation($id: ID!, $version: Int!, $input: UpdateAbsenceInput!) { updateAbsence(id: $id, version: $version, input: $input) { ${ABSENCE_FIELDS} } }`;
const DELETE = `mutation($id: ID!, $version: Int!) { deleteAbsence(id: $id, version: $version) }`;
const HISTORY = `query($id: ID!) { absenceHistory(id: $id) { action actorPersonId actorName changes { field old new } } }`;
const OPEN = `query($classId: ID!) { openAbsences(classId: $classId) { id status isOverdue excuseDueOn pupil { lastName } } }`;
const LIST = `query($filter: AbsenceFilter!, $page: PageInput) { absences(filter: $filter, page: $page) { total items { id startsOn status isOverdue } } }`;

describe('deciding about absences', () => {
  let app: TestApp;
  let s: AbsenceSchool;
  let office: TestClient;
  let classTeacher: TestClient;
  let weekNo = 0;
  const nextWeek = () => addDays(s.week, 7 * weekNo++);

  beforeAll(async () => {
    app = await startTestApp();
    s = await givenAbsenceSchool(app);
    office = await s.as('secretariat');
    classTeacher = await s.as('classTeacher');
  });

  afterAll(() => app.close());

  async function reported(pupilId: string, startsOn: string, endsOn = startsOn, extra: Record<string, unknown> = {}) {
    return (await office.ok(REPORT, { input: sickDays(pupilId, startsOn, endsOn, extra) })).reportAbsence.absence as { id: string; version: number; requiresCertificate: boolean };
  }

  describe('excuseAbsences / markAbsencesUnexcused', () => {
    it('when the class teacher excuses an absence of their class → should mark it EXCUSED by them, audited old → new', async () => {
      const absence = await reported(s.pupils.anna, nextWeek());

      const { excuseAbsences } = await classTeacher.ok(EXCUSE, { absences: [{ id: absence.id, version: absence.version }] });

      expect(excuseAbsences).toEqual([{ id: absence.id, version: absence.version + 1, status: 'EXCUSED', excusedByPersonId: s.persons.classTeacher }]);
      const audit = await auditEntriesOf(app.dataSource, absence.id);
      expect(audit[audit.length - 1]).toEqual(expect.objectContaining({ action: 'update', actorPersonId: s.persons.classTeacher }));
      expect(audit[audit.length - 1].changes.status).toEqual({ old: 'REPORTED', new: 'EXCUSED' });
    });

    it('when several are excused in bulk → should excuse all, with one audit entry each', async () => {
      const monday = nextWeek();
      const absences = [await reported(s.pupils.anna, monday), await reported(s.pupils.ben, monday), await reported(s.pupils.mia, monday)];

      const { markAbsencesUnexcused } = await classTeacher.ok(UNEXCUSE, { absences: absences.map(({ id, version }) => ({ id, version })) });

      expect(markAbsencesUnexcused.map((a: { status: string }) => a.status)).toEqual(['UNEXCUSED', 'UNEXCUSED', 'UNEXCUSED']);
      for (const absence of absences) expect((await auditEntriesOf(app.dataSource, absence.id)).map((a) => a.action)).toEqual(['create', 'update']);
    });

    it('when one of a bulk needs a certificate not yet recorded → should refuse the whole bulk and change none', async () => {
      const monday = nextWeek();
      await app.dataSource.query('UPDATE pupils SET certificate_required_from = $2 WHERE id = $1', [s.pupils.ben, monday]);
      const plain = await reported(s.pupils.anna, monday);
      const bound = await reported(s.pupils.ben, monday);
      await app.dataSource.query('UPDATE pupils SET certificate_required_from = NULL WHERE id = $1', [s.pupils.ben]);

      const result = await classTeacher.gql(EXCUSE, { absences: [plain, bound].map(({ id, version }) => ({ id, version })) });

      expect(bound.requiresCertificate).toBe(true);
      expect(firstError(result)).toEqual(expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'absences.1', rule: 'certificate_required' }));
      expect(firstError(result)?.message).toContain('Attestpflicht');
      expect((await rowOf(app.dataSource, 'absences', plain.id))?.status).toBe('REPORTED');
    });

    it('when the certificate is recorded first → should excuse it, the certificate counting as the written excuse', async () => {
      const monday = nextWeek();
      await app.dataSource.query('UPDATE pupils SET certificate_required_from = $2 WHERE id = $1', [s.pupils.ben, monday]);
      const bound = await reported(s.pupils.ben, monday);
      await app.dataSource.query('UPDATE pupils SET certificate_required_from = NULL WHERE id = $1', [s.pupils.ben]);

      const { recordCertificate } = await classTeacher.ok(CERTIFICATE, { id: bound.id, version: bound.version, on: monday });
      const { excuseAbsences } = await classTeacher.ok(EXCUSE, { absences: [{ id: bound.id, version: recordCertificate.version }] });

      expect(recordCertificate).toEqual(expect.objectContaining({ certificateReceivedOn: monday, excuseReceivedOn: monday }));
      expect(excuseAbsences[0].status).toBe('EXCUSED');
    });

    it('when the class teacher excuses an absence of another class → should answer NOT_FOUND (they cannot see it)', async () => {
      const absence = await reported(s.pupils.tom, nextWeek());

      const result = await classTeacher.gql(EXCUSE, { absences: [{ id: absence.id, version: absence.version }] });

      expect(firstError(result)?.code).toBe('NOT_FOUND');
    });

    it('when a subject teacher of the class excuses → should answer FORBIDDEN', async () => {
      const absence = await reported(s.pupils.anna, nextWeek());

      const result = await (await s.as('teacher')).gql(EXCUSE, { absences: [{ id: absence.id, version: absence.version }] });

      expect(firstError(result)?.code).toBe('FORBIDDEN');
    });
  });

  describe('optimistic locking', () => {
    it.each([
      ['excuseAbsences', (id: string, version: number) => classTeacher.gql(EXCUSE, { absences: [{ id, version }] })],
      ['recordExcuseReceived', (id: string, version: number) => classTeacher.gql(EXCUSE_RECEIVED, { id, version })],
      ['updateAbsence', (id: string, version: number) => office.gql(UPDATE, { id, version, input: { note: 'Fieber' } })],
      ['deleteAbsence', (id: string, version: number) => office.gql(DELETE, { id, version })],
    ])('%s with a stale version → should answer CONFLICT and change nothing', async (_, mutate) => {
      const absence = await reported(s.pupils.mia, nextWeek());
      await office.ok(UPDATE, { id: absence.id, version: absence.version, input: { note: 'Husten' } });
      const before = await rowOf(app.dataSource, 'absences', absence.id);

      const result = await mutate(absence.id, absence.version);

      expect(firstError(result)?.code).toBe('CONFLICT');
      expect(await rowOf(app.dataSource, 'absences', absence.id)).toEqual(before);
    });
  });

  describe('recordExcuseReceived', () => {
    it('when the sick note arrives → should record the day; the absence is no longer overdue', async () => {
      const absence = await reported(s.pupils.anna, nextWeek());
      await app.dataSource.query('UPDATE absences SET excuse_due_on = $2 WHERE id = $1', [absence.id, addDays(today(), -5)]);

      const before = await classTeacher.ok(OPEN, { classId: s.classes.c7b.id });
      const { recordExcuseReceived } = await classTeacher.ok(EXCUSE_RECEIVED, { id: absence.id, version: absence.version });

      expect(before.openAbsences.find((a: { id: string }) => a.id === absence.id)?.isOverdue).toBe(true);
      expect(recordExcuseReceived).toEqual(expect.objectContaining({ isOverdue: false }));
      expect(recordExcuseReceived.excuseReceivedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    });

    it('when the day lies in the future → should answer BAD_USER_INPUT', async () => {
      const absence = await reported(s.pupils.anna, nextWeek());

      const result = await classTeacher.gql(EXCUSE_RECEIVED, { id: absence.id, version: absence.version, on: '2099-01-01' });

      expect(firstError(result)).toEqual(expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'receivedOn' }));
    });
  });

  describe('openAbsences / absences(overdue)', () => {
    it('should list the class\'s reported ones only, overdue flagged, and filter the overdue', async () => {
      const monday = nextWeek();
      const overdue = await reported(s.pupils.ben, monday);
      const fresh = await reported(s.pupils.mia, monday);
      const excused = await reported(s.pupils.anna, monday);
      await classTeacher.ok(EXCUSE, { absences: [{ id: excused.id, version: excused.version }] });
      await app.dataSource.query('UPDATE absences SET excuse_due_on = $2 WHERE id = $1', [overdue.id, '2000-01-01']);
      await app.dataSource.query('UPDATE absences SET excuse_due_on = $2 WHERE id = $1', [fresh.id, '2099-01-01']);

      const { openAbsences } = await classTeacher.ok(OPEN, { classId: s.classes.c7b.id });
      const { absences } = await office.ok(LIST, { filter: { schoolId: s.schoolId, overdue: true, from: monday, to: monday } });

      const ofWeek = openAbsences.filter((a: { id: string }) => [overdue.id, fresh.id, excused.id].includes(a.id));
      expect(ofWeek).toEqual(expect.arrayContaining([
        expect.objectContaining({ id: overdue.id, isOverdue: true }), expect.objectContaining({ id: fresh.id, isOverdue: false }),
      ]));
      expect(ofWeek).toHaveLength(2);
      expect(absences.items.map((a: { id: string }) => a.id)).toEqual([overdue.id]);
    });
  });

  describe('updateAbsence', () => {
    it('when the days are corrected → should recompute the lessons and deadline, audited old → new', async () => {
      const monday = nextWeek();
      const absence = await reported(s.pupils.ben, monday);

      const { updateAbsence } = await office.ok(UPDATE, { id: absence.id, version: absence.version, input: { endsOn: addDays(monday, 1), note: 'Fieber' } });

      expect(updateAbsence).toEqual(expect.objectContaining({ endsOn: addDays(monday, 1), note: 'Fieber', version: absence.version + 1, excuseDueOn: addDays(monday, 7) }));
      expect(updateAbsence.lessons).toHaveLength(8);
      const audit = await auditEntriesOf(app.dataSource, absence.id);
      expect(audit[audit.length - 1].changes).toEqual(expect.objectContaining({ endsOn: { old: monday, new: addDays(monday, 1) }, note: { old: null, new: 'Fieber' } }));
    });

    it('when whole days are turned into periods → should keep only those lessons', async () => {
      const monday = nextWeek();
      const absence = await reported(s.pupils.ben, monday, addDays(monday, 1));

      const { updateAbsence } = await office.ok(UPDATE, { id: absence.id, version: absence.version, input: { kind: 'PERIODS', periodFrom: 1, periodTo: 2 } });

      expect(updateAbsence).toEqual(expect.objectContaining({ kind: 'PERIODS', startsOn: monday, endsOn: monday, periodFrom: 1, periodTo: 2 }));
      expect(updateAbsence.lessons.map((l: { period: number }) => l.period)).toEqual([1, 2]);
    });

    it('when the new span overlaps another entry → should refuse naming it', async () => {
      const monday = nextWeek();
      const first = await reported(s.pupils.mia, monday);
      const second = await reported(s.pupils.mia, addDays(monday, 3), addDays(monday, 3), { reason: 'DOCTOR' });

      const result = await office.gql(UPDATE, { id: second.id, version: second.version, input: { startsOn: monday } });

      expect(firstError(result)).toEqual(expect.objectContaining({ code: 'BAD_USER_INPUT', rule: 'overlapping_absence' }));
      expect(result.errors?.[0].extensions?.existingAbsenceId).toBe(first.id);
    });
  });

  describe('deleteAbsence (undo of an entry)', () => {
    it('when the office undoes its last entry → should remove it with its lesson links, keeping the history for school management', async () => {
      const absence = await reported(s.pupils.anna, nextWeek());

      const { deleteAbsence } = await office.ok(DELETE, { id: absence.id, version: absence.version });
      const { absenceHistory } = await (await s.as('management')).ok(HISTORY, { id: absence.id });

      expect(deleteAbsence).toBe(absence.id);
      expect(await app.dataSource.query('SELECT * FROM absence_lessons WHERE absence_id = $1', [absence.id])).toEqual([]);
      expect(absenceHistory.map((h: { action: string }) => h.action)).toEqual(['create', 'delete']);
    });

    it('when the class teacher deletes → should answer FORBIDDEN (correcting is the office\'s)', async () => {
      const absence = await reported(s.pupils.anna, nextWeek());

      expect(firstError(await classTeacher.gql(DELETE, { id: absence.id, version: absence.version }))?.code).toBe('FORBIDDEN');
    });
  });

  describe('absenceHistory', () => {
    it('should show school management who changed what, old → new per field, with names', async () => {
      const absence = await reported(s.pupils.ben, nextWeek(), undefined, { note: 'Bauchweh' });
      await classTeacher.ok(EXCUSE, { absences: [{ id: absence.id, version: absence.version }] });

      const { absenceHistory } = await (await s.as('management')).ok(HISTORY, { id: absence.id });

      expect(absenceHistory).toHaveLength(2);
      expect(absenceHistory[0]).toEqual(expect.objectContaining({ action: 'create', actorPersonId: s.persons.secretariat }));
      expect(absenceHistory[0].changes).toEqual(expect.arrayContaining([{ field: 'note', old: null, new: 'Bauchweh' }]));
      expect(absenceHistory[1]).toEqual(expect.objectContaining({ action: 'update', actorPersonId: s.persons.classTeacher }));
      expect(absenceHistory[1].actorName).toMatch(/^Vorname\d+ Nachname\d+$/);
      expect(absenceHistory[1].changes).toEqual(expect.arrayContaining([{ field: 'status', old: 'REPORTED', new: 'EXCUSED' }]));
    });

    it('when a subject teacher asks → should answer FORBIDDEN; a guardian → NOT_FOUND for another child', async () => {
      const absence = await reported(s.pupils.ben, nextWeek());

      expect(firstError(await (await s.as('teacher')).gql(HISTORY, { id: absence.id }))?.code).toBe('FORBIDDEN');
      expect(firstError(await (await s.as('mother')).gql(HISTORY, { id: absence.id }))?.code).toBe('NOT_FOUND');
    });
  });
});
