import { DemoTestApp, startDemoApp } from '../../test/demo-app';
import { DemoLookup, demoLookup, errorCodes, httpErrorCode } from '../../test/demo-lookup';
import { TestClient } from '../../test/test-app';

// Another school's ids answer NOT_FOUND (single records) or nothing (lists, nested fields), for
// every query that returns school data. The Gymnasium's secretariat asks for Grundschule data;
// each negative case is paired with the same query on the own school, so an empty answer cannot
// come from a broken query.

describe('school isolation', () => {
  let app: DemoTestApp;
  let the: DemoLookup;
  let gymOffice: TestClient;
  let gsOffice: TestClient;

  beforeAll(async () => {
    app = await startDemoApp();
    the = demoLookup(app.demo);
    gymOffice = await app.as('gym.sekretariat');
    gsOffice = await app.as('gs.sekretariat');
  });

  afterAll(() => app.close());

  describe('pupil(id)', () => {
    it('when the pupil is at another school → should answer NOT_FOUND', async () => {
      const [gsPupil] = the.pupilsOfSchool(the.gs.id);

      const result = await gymOffice.gql(`query($id: ID!) { pupil(id: $id) { id } }`, { id: gsPupil.id });

      expect(errorCodes(result)).toEqual(['NOT_FOUND']);
      expect(result.data).toBeNull();
    });

    it('when not signed in → should answer UNAUTHENTICATED', async () => {
      const [gymPupil] = the.pupilsOfSchool(the.gym.id);

      const result = await app.client().gql(`query($id: ID!) { pupil(id: $id) { id } }`, { id: gymPupil.id });

      expect(errorCodes(result)).toEqual(['UNAUTHENTICATED']);
    });

    it('when the pupil is at the own school → should answer the pupil', async () => {
      const [gymPupil] = the.pupilsOfSchool(the.gym.id);

      const data = await gymOffice.ok(`query($id: ID!) { pupil(id: $id) { id schoolId } }`, { id: gymPupil.id });

      expect(data.pupil).toEqual({ id: gymPupil.id, schoolId: the.gym.id });
    });
  });

  describe('pupils(filter)', () => {
    const PUPILS = `query($filter: PupilFilter!) { pupils(filter: $filter, page: { limit: 200 }) { total items { id schoolId } } }`;

    it('when filtered by another school → should list nothing', async () => {
      const data = await gymOffice.ok(PUPILS, { filter: { schoolId: the.gs.id } });

      expect(data.pupils).toEqual({ total: 0, items: [] });
    });

    it('when filtered by another school\'s class → should list nothing', async () => {
      const data = await gymOffice.ok(PUPILS, { filter: { classId: the.group(the.gs.id, '2a').id } });

      expect(data.pupils.total).toBe(0);
    });

    it('when unfiltered → should list exactly the own school\'s pupils', async () => {
      const data = await gymOffice.ok(PUPILS, { filter: {} });

      expect(data.pupils.total).toBe(the.pupilsOfSchool(the.gym.id).length);
      expect(new Set(data.pupils.items.map((p: { schoolId: string }) => p.schoolId))).toEqual(new Set([the.gym.id]));
    });

    it('when searching a name found at both schools → should find only the own school\'s pupils', async () => {
      const mullersAt = (schoolId: string) => the.pupilsOfSchool(schoolId).filter((p) => the.lastNameOf(p.id) === 'Müller').map((p) => p.id);
      expect(mullersAt(the.gym.id).length).toBeGreaterThan(0);
      expect(mullersAt(the.gs.id).length).toBeGreaterThan(0);

      const gymResult = await gymOffice.ok(PUPILS, { filter: { search: 'Müller' } });
      const gsResult = await gsOffice.ok(PUPILS, { filter: { search: 'Müller' } });

      const idsOf = (r: typeof gymResult) => r.pupils.items.map((p: { id: string }) => p.id);
      expect(idsOf(gymResult)).toEqual(expect.arrayContaining(mullersAt(the.gym.id)));
      expect(idsOf(gymResult).filter((id: string) => mullersAt(the.gs.id).includes(id))).toEqual([]);
      expect(gymResult.pupils.items.every((p: { schoolId: string }) => p.schoolId === the.gym.id)).toBe(true);
      expect(idsOf(gsResult)).toEqual(expect.arrayContaining(mullersAt(the.gs.id)));
      expect(gsResult.pupils.items.every((p: { schoolId: string }) => p.schoolId === the.gs.id)).toBe(true);
    });
  });

  describe('school(id), schools, schoolYears, schoolYear, holidays', () => {
    it('when asking for another school → should answer NOT_FOUND', async () => {
      const result = await gymOffice.gql(`query($id: ID!) { school(id: $id) { id } }`, { id: the.gs.id });

      expect(errorCodes(result)).toEqual(['NOT_FOUND']);
    });

    it('when listing schools → should list only the own school', async () => {
      const data = await gymOffice.ok(`{ schools { total items { id } } me { schools { id } } }`);

      expect(data.schools).toEqual({ total: 1, items: [{ id: the.gym.id }] });
      expect(data.me.schools).toEqual([{ id: the.gym.id }]);
    });

    it('when listing another school\'s years → should answer NOT_FOUND, the own school\'s years → the current one', async () => {
      const query = `query($schoolId: ID!) { schoolYears(schoolId: $schoolId) { id isCurrent } }`;

      const other = await gymOffice.gql(query, { schoolId: the.gs.id });
      const own = await gymOffice.ok(query, { schoolId: the.gym.id });

      expect(errorCodes(other)).toEqual(['NOT_FOUND']);
      expect(own.schoolYears).toContainEqual({ id: the.currentYear(the.gym.id).id, isCurrent: true });
    });

    it('when asking for another school\'s year or its holidays → should answer NOT_FOUND', async () => {
      const yearId = the.currentYear(the.gs.id).id;

      const year = await gymOffice.gql(`query($id: ID!) { schoolYear(id: $id) { id } }`, { id: yearId });
      const holidays = await gymOffice.gql(`query($id: ID!) { holidays(schoolYearId: $id) { id } }`, { id: yearId });

      expect(errorCodes(year)).toEqual(['NOT_FOUND']);
      expect(errorCodes(holidays)).toEqual(['NOT_FOUND']);
    });
  });

  describe('group(id), groups(filter)', () => {
    it('when asking for another school\'s class → should answer NOT_FOUND', async () => {
      const result = await gymOffice.gql(`query($id: ID!) { group(id: $id) { id } }`, { id: the.group(the.gs.id, '2a').id });

      expect(errorCodes(result)).toEqual(['NOT_FOUND']);
    });

    it('when listing another school\'s groups → should list nothing, the own school\'s → its classes', async () => {
      const query = `query($schoolId: ID!) { groups(filter: { schoolId: $schoolId, kind: CLASS }, page: { limit: 200 }) { total } }`;

      const other = await gymOffice.ok(query, { schoolId: the.gs.id });
      const own = await gymOffice.ok(query, { schoolId: the.gym.id });

      expect(other.groups.total).toBe(0);
      expect(own.groups.total).toBe(app.demo.groups.filter((g) => g.schoolId === the.gym.id && g.kind === 'CLASS').length);
    });
  });

  describe('staff, subjects, rooms', () => {
    it('when listing another school\'s staff → should list nothing', async () => {
      const query = `query($schoolId: ID!) { staff(filter: { schoolId: $schoolId }, page: { limit: 200 }) { total } }`;

      const other = await gymOffice.ok(query, { schoolId: the.gs.id });
      const own = await gymOffice.ok(query, { schoolId: the.gym.id });

      expect(other.staff.total).toBe(0);
      expect(own.staff.total).toBe(app.demo.memberships.filter((m) => m.schoolId === the.gym.id).length);
    });

    it.each(['subjects', 'rooms'])('when listing another school\'s %s → should answer NOT_FOUND', async (field) => {
      const query = `query($schoolId: ID!) { ${field}(schoolId: $schoolId) { id schoolId } }`;

      const other = await gymOffice.gql(query, { schoolId: the.gs.id });
      const own = await gymOffice.ok(query, { schoolId: the.gym.id });

      expect(errorCodes(other)).toEqual(['NOT_FOUND']);
      expect(own[field].length).toBeGreaterThan(0);
      expect(own[field].every((row: { schoolId: string }) => row.schoolId === the.gym.id)).toBe(true);
    });
  });

  describe('guardian(personId)', () => {
    const GUARDIAN = `query($personId: ID!) { guardian(personId: $personId) { personId children { id schoolId } } }`;

    it('when the guardian has children only at another school → should answer NOT_FOUND', async () => {
      const gsOnly = app.demo.guardianships.find((g) => g.schoolId === the.gs.id
        && the.guardianshipsOfGuardian(g.guardianPersonId).every((l) => l.schoolId === the.gs.id))!;

      const result = await gymOffice.gql(GUARDIAN, { personId: gsOnly.guardianPersonId });

      expect(errorCodes(result)).toEqual(['NOT_FOUND']);
    });

    it('when the guardian has children at both schools → each secretariat should see only its own school\'s child', async () => {
      const mother = the.personIdOf('eltern.geschwister');
      const [son, daughter] = ['gym', 'gs'].map((key) => the.guardianshipsOfGuardian(mother)
        .find((g) => g.schoolId === (key === 'gym' ? the.gym.id : the.gs.id))!.pupilId);

      const seenByGs = await gsOffice.ok(GUARDIAN, { personId: mother });
      const seenByGym = await gymOffice.ok(GUARDIAN, { personId: mother });

      expect(seenByGs.guardian.children).toEqual([{ id: daughter, schoolId: the.gs.id }]);
      expect(seenByGym.guardian.children).toEqual([{ id: son, schoolId: the.gym.id }]);
    });
  });

  describe('mutations on another school\'s data', () => {
    it('when creating a pupil at another school → should answer FORBIDDEN', async () => {
      const result = await gymOffice.gql(`mutation($schoolId: ID!, $input: CreatePupilInput!) { createPupil(schoolId: $schoolId, input: $input) { id } }`, {
        schoolId: the.gs.id,
        input: {
          firstName: 'Ida', lastName: 'Fremd', birthDate: '2018-03-01', gender: 'W',
          enrolment: { schoolYearId: the.currentYear(the.gs.id).id, entryDate: '2024-08-01' },
        },
      });

      expect(errorCodes(result)).toEqual(['FORBIDDEN']);
      const afterwards = await gsOffice.ok(`{ pupils(filter: { search: "Ida Fremd" }) { total } }`);
      expect(afterwards.pupils.total).toBe(0);
    });

    it('when updating a pupil at another school → should answer NOT_FOUND', async () => {
      const [gsPupil] = the.pupilsOfSchool(the.gs.id);

      const result = await gymOffice.gql(`mutation($id: ID!) { updatePupil(id: $id, version: 1, input: { city: "Anderswo" }) { id } }`, { id: gsPupil.id });

      expect(errorCodes(result)).toEqual(['NOT_FOUND']);
    });
  });

  describe('GET /api/groups/:id/class-list.csv|.xlsx', () => {
    it.each(['csv', 'xlsx'])('when the class is at another school → should answer 404 (%s)', async (format) => {
      const response = await gymOffice.get(`/api/groups/${the.group(the.gs.id, '2a').id}/class-list.${format}`);

      expect(response.status).toBe(404);
      expect(await httpErrorCode(response)).toBe('NOT_FOUND');
    });

    it.each(['csv', 'xlsx'])('when not signed in → should answer 401 (%s)', async (format) => {
      const response = await app.client().get(`/api/groups/${the.group(the.gym.id, '7b').id}/class-list.${format}`);

      expect(response.status).toBe(401);
      expect(await httpErrorCode(response)).toBe('UNAUTHENTICATED');
    });

    it('when the class is at the own school → should send every pupil of the class', async () => {
      const group = the.group(the.gym.id, '7b');

      const response = await gymOffice.get(`/api/groups/${group.id}/class-list.csv`);

      expect(response.status).toBe(200);
      const lines = (await response.text()).trim().split('\r\n');
      expect(lines).toHaveLength(1 + the.pupilIdsOfGroup(group.id).length);
    });
  });
});
