import { startTestApp, TestApp, TestClient } from '../../../test/test-app';
import { given, TEST_PASSWORD } from '../../../test/given';
import { auditEntriesOf, countRows, firstError, rowOf } from '../../../test/inspect';

const CREATE_PUPIL = `mutation($schoolId: ID!, $input: CreatePupilInput!) {
  createPupil(schoolId: $schoolId, input: $input) {
    id firstName lastName birthDate gender version class { name }
    currentEnrolment { schoolYearId classId entryDate status }
    masterData { street postalCode city religiousEducation photoConsent emergencyContacts { name phone } }
  }
}`;
const UPDATE_PUPIL = `mutation($id: ID!, $version: Int!, $input: UpdatePupilInput!) { updatePupil(id: $id, version: $version, input: $input) { version } }`;
const PUPIL_TABLES = ['persons', 'pupils', 'enrolments', 'audit_log'];

describe('pupils', () => {
  let app: TestApp;
  let schoolId: string;
  let yearId: string;
  let classId: string;
  let secretariatId: string;
  let secretariat: TestClient;
  let taughtPupil: { id: string; personId: string };
  let otherPupil: { id: string; personId: string };

  beforeAll(async () => {
    app = await startTestApp();
    const g = given(app.dataSource);
    const { school, year } = await g.school();
    schoolId = school.id;
    yearId = year.id;
    const group = await g.group(school.id, year.id, '6b', 'CLASS', 6);
    classId = group.id;
    const otherClass = await g.group(school.id, year.id, '6c', 'CLASS', 6);
    taughtPupil = (await g.pupil(school.id, year.id, group.id, { lastName: 'Unterrichtet' })).pupil;
    otherPupil = (await g.pupil(school.id, year.id, otherClass.id, { lastName: 'Fremd' })).pupil;
    secretariatId = (await g.staff(school.id, 'SECRETARIAT', 'sekretariat')).id;
    const teacher = await g.staff(school.id, 'TEACHER', 'lehrkraft', 'LK');
    await g.groupMember(group, teacher.id, 'CLASS_TEACHER');
    const other = await g.school();
    await g.staff(other.school.id, 'SECRETARIAT', 'anderes.sekretariat');
    secretariat = await app.as('sekretariat', TEST_PASSWORD);
  });

  afterAll(() => app.close());

  const newPupil = () => ({
    firstName: 'Jörg', lastName: 'Große-Schäfer', birthDate: '2015-02-28', gender: 'M', street: 'Lindenstraße 3', postalCode: '10969',
    city: 'Berlin', religiousEducation: 'ETHIK', photoConsent: true, emergencyContacts: [{ name: 'Oma Schäfer', phone: '030 1234567' }],
    enrolment: { schoolYearId: yearId, classId, entryDate: '2026-08-10' },
  });

  describe('createPupil', () => {
    it('when the secretariat enrols a new pupil → should store person, pupil and enrolment and audit the creation', async () => {
      const input = newPupil();

      const { createPupil: pupil } = await secretariat.ok(CREATE_PUPIL, { schoolId, input });

      expect(pupil).toEqual({
        id: expect.any(String), firstName: 'Jörg', lastName: 'Große-Schäfer', birthDate: '2015-02-28', gender: 'M', version: 1,
        class: { name: '6b' },
        currentEnrolment: { schoolYearId: yearId, classId, entryDate: '2026-08-10', status: 'ACTIVE' },
        masterData: {
          street: 'Lindenstraße 3', postalCode: '10969', city: 'Berlin', religiousEducation: 'ETHIK', photoConsent: true,
          emergencyContacts: [{ name: 'Oma Schäfer', phone: '030 1234567' }],
        },
      });
      const row = await rowOf(app.dataSource, 'pupils', pupil.id);
      expect(await rowOf(app.dataSource, 'persons', row!.person_id as string)).toEqual(expect.objectContaining({ search_name: 'joerg grosse schaefer' }));
      const [audit] = await auditEntriesOf(app.dataSource, pupil.id);
      expect(audit).toEqual(expect.objectContaining({ actorPersonId: secretariatId, schoolId, action: 'create', entityType: 'pupils' }));
      expect(audit.changes).toEqual(expect.objectContaining({
        lastName: { old: null, new: 'Große-Schäfer' },
        enrolment: { old: null, new: { classId, entryDate: '2026-08-10', status: 'ACTIVE' } },
      }));
    });
  });

  describe('forbidden changes', () => {
    it('when a teacher calls createPupil → should answer FORBIDDEN and create nothing', async () => {
      const teacher = await app.as('lehrkraft', TEST_PASSWORD);
      const before = await countRows(app.dataSource, ...PUPIL_TABLES);

      const result = await teacher.gql(CREATE_PUPIL, { schoolId, input: newPupil() });

      expect(firstError(result)?.code).toBe('FORBIDDEN');
      expect(await countRows(app.dataSource, ...PUPIL_TABLES)).toEqual(before);
    });

    it('when the class teacher calls updatePupil on a pupil of their class → should answer FORBIDDEN and change nothing', async () => {
      const teacher = await app.as('lehrkraft', TEST_PASSWORD);
      const before = [await rowOf(app.dataSource, 'pupils', taughtPupil.id), await rowOf(app.dataSource, 'persons', taughtPupil.personId)];

      const result = await teacher.gql(UPDATE_PUPIL, { id: taughtPupil.id, version: 1, input: { lastName: 'Umbenannt' } });

      expect(firstError(result)?.code).toBe('FORBIDDEN');
      expect([await rowOf(app.dataSource, 'pupils', taughtPupil.id), await rowOf(app.dataSource, 'persons', taughtPupil.personId)]).toEqual(before);
    });

    it('when a teacher calls updatePupil on a pupil they do not teach → should answer NOT_FOUND and change nothing', async () => {
      const teacher = await app.as('lehrkraft', TEST_PASSWORD);
      const before = await rowOf(app.dataSource, 'persons', otherPupil.personId);

      const result = await teacher.gql(UPDATE_PUPIL, { id: otherPupil.id, version: 1, input: { lastName: 'Umbenannt' } });

      expect(firstError(result)?.code).toBe('NOT_FOUND');
      expect(await rowOf(app.dataSource, 'persons', otherPupil.personId)).toEqual(before);
    });

    it('when the secretariat of another school calls createPupil → should answer FORBIDDEN and create nothing', async () => {
      const foreign = await app.as('anderes.sekretariat', TEST_PASSWORD);
      const before = await countRows(app.dataSource, ...PUPIL_TABLES);

      const result = await foreign.gql(CREATE_PUPIL, { schoolId, input: newPupil() });

      expect(firstError(result)?.code).toBe('FORBIDDEN');
      expect(await countRows(app.dataSource, ...PUPIL_TABLES)).toEqual(before);
    });

    it('when the secretariat of another school calls updatePupil → should answer NOT_FOUND, as for a missing pupil', async () => {
      const foreign = await app.as('anderes.sekretariat', TEST_PASSWORD);
      const before = await rowOf(app.dataSource, 'persons', taughtPupil.personId);

      const result = await foreign.gql(UPDATE_PUPIL, { id: taughtPupil.id, version: 1, input: { lastName: 'Umbenannt' } });
      const missing = await foreign.gql(UPDATE_PUPIL, { id: '00000000-0000-4000-8000-000000000000', version: 1, input: { lastName: 'X' } });

      expect(firstError(result)?.code).toBe('NOT_FOUND');
      expect(firstError(missing)?.code).toBe('NOT_FOUND');
      expect(await rowOf(app.dataSource, 'persons', taughtPupil.personId)).toEqual(before);
    });

    it('without a session → should answer UNAUTHENTICATED and create nothing', async () => {
      const before = await countRows(app.dataSource, ...PUPIL_TABLES);

      const result = await app.client().gql(CREATE_PUPIL, { schoolId, input: newPupil() });

      expect(firstError(result)?.code).toBe('UNAUTHENTICATED');
      expect(await countRows(app.dataSource, ...PUPIL_TABLES)).toEqual(before);
    });
  });

  describe('adult pupils', () => {
    it('when a pupil of age changes their own consent → should accept it, but refuse their name', async () => {
      const g = given(app.dataSource);
      const { pupil, person } = await g.pupil(schoolId, yearId, classId, { birthDate: '2000-01-01', lastName: 'Erwachsen' });
      await g.account(person.id, 'volljaehrig');
      const self = await app.as('volljaehrig', TEST_PASSWORD);

      const consent = await self.gql(UPDATE_PUPIL, { id: pupil.id, version: 1, input: { guardianAccessConsent: true } });
      const name = await self.gql(UPDATE_PUPIL, { id: pupil.id, version: 2, input: { lastName: 'Anders' } });

      expect(consent.errors).toBeUndefined();
      expect(consent.data?.updatePupil.version).toBe(2);
      expect(firstError(name)?.code).toBe('FORBIDDEN');
      expect((await rowOf(app.dataSource, 'persons', person.id))?.last_name).toBe('Erwachsen');
    });
  });
});
