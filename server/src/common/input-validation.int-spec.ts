import { startTestApp, TestApp, TestClient } from '../../test/test-app';
import { given, TEST_PASSWORD } from '../../test/given';
import { countRows, firstError, rowOf } from '../../test/inspect';

// Bad input answers BAD_USER_INPUT with extensions.field (the argument path) and extensions.rule,
// and writes nothing: no row, no audit entry.

const CREATE_PUPIL = `mutation($schoolId: ID!, $input: CreatePupilInput!) { createPupil(schoolId: $schoolId, input: $input) { id } }`;
const PUPIL_TABLES = ['persons', 'pupils', 'enrolments', 'audit_log'];

describe('input validation', () => {
  let app: TestApp;
  let secretariat: TestClient;
  let stateAdmin: TestClient;
  let school: { id: string; carrierId: string; schoolNumber: string };
  let yearId: string;
  let classId: string;
  let otherSchoolClassId: string;
  let nextYearClassId: string;

  beforeAll(async () => {
    app = await startTestApp();
    const g = given(app.dataSource);
    const built = await g.school();
    school = built.school;
    yearId = built.year.id;
    classId = (await g.group(school.id, yearId, '7a')).id;
    const nextYear = await g.schoolYear(school.id, Number(built.year.name.slice(0, 4)) + 1);
    nextYearClassId = (await g.group(school.id, nextYear.id, '8a')).id;
    const other = await g.school();
    otherSchoolClassId = (await g.group(other.school.id, other.year.id, '7a')).id;
    await g.staff(school.id, 'SECRETARIAT', 'sekretariat');
    await g.admin({ federalState: 'BE' }, 'landesadmin');
    secretariat = await app.as('sekretariat', TEST_PASSWORD);
    stateAdmin = await app.as('landesadmin', TEST_PASSWORD);
  });

  afterAll(() => app.close());

  const pupilInput = (overrides: Record<string, unknown> = {}, enrolment: Record<string, unknown> = {}) => ({
    firstName: 'Emma', lastName: 'Schulze', birthDate: '2014-03-12', gender: 'W', postalCode: '10115',
    enrolment: { schoolYearId: yearId, classId, entryDate: '2026-08-01', ...enrolment }, ...overrides,
  });

  describe('createPupil', () => {
    it.each([
      // The LocalDate scalar rejects an impossible day before the resolver runs.
      ['a birth date that does not exist', 'input.birthDate', 'invalid_value', () => pupilInput({ birthDate: '2026-02-30' })],
      ['an empty last name', 'input.lastName', 'too_small', () => pupilInput({ lastName: '   ' })],
      ['a postal code of three digits', 'input.postalCode', 'invalid_format', () => pupilInput({ postalCode: '123' })],
      ['a class of another school', 'input.enrolment.classId', 'unknown_reference', () => pupilInput({}, { classId: otherSchoolClassId })],
      ['a class of another school year', 'input.enrolment.classId', 'unknown_reference', () => pupilInput({}, { classId: nextYearClassId })],
      ['a leaving date before the entry date', 'input.enrolment.leavingDate', 'custom', () => pupilInput({}, { leavingDate: '2026-07-31' })],
    ])('when the input has %s → should answer BAD_USER_INPUT naming %s (%s) and write nothing', async (_, field, rule, input) => {
      const before = await countRows(app.dataSource, ...PUPIL_TABLES);

      const result = await secretariat.gql(CREATE_PUPIL, { schoolId: school.id, input: input() });

      expect(firstError(result)).toEqual(expect.objectContaining({ code: 'BAD_USER_INPUT', field, rule }));
      expect(firstError(result)?.message).toContain(field);
      expect(result.data ?? null).toBeNull();
      expect(await countRows(app.dataSource, ...PUPIL_TABLES)).toEqual(before);
    });

    it('when the input is valid → should create the pupil (the cases above fail for their own reason only)', async () => {
      const result = await secretariat.gql(CREATE_PUPIL, { schoolId: school.id, input: pupilInput() });

      expect(result.errors).toBeUndefined();
    });
  });

  describe('createSchool', () => {
    it('when the school number is taken → should answer BAD_USER_INPUT on input.schoolNumber and create no school', async () => {
      const before = await countRows(app.dataSource, 'schools', 'school_years', 'holidays', 'audit_log');

      const result = await stateAdmin.gql(`mutation($input: CreateSchoolInput!) { createSchool(input: $input) { id } }`, {
        input: { carrierId: school.carrierId, schoolNumber: school.schoolNumber, name: 'Doppelte Schule', type: 'GRUNDSCHULE', federalState: 'BE' },
      });

      expect(firstError(result)).toEqual(expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'input.schoolNumber', rule: 'unique' }));
      expect(await countRows(app.dataSource, 'schools', 'school_years', 'holidays', 'audit_log')).toEqual(before);
    });
  });

  describe('createHoliday', () => {
    it('when the holiday lies outside the school year → should answer BAD_USER_INPUT on input.startsOn and create nothing', async () => {
      const before = await countRows(app.dataSource, 'holidays', 'audit_log');

      const result = await secretariat.gql(`mutation($yearId: ID!, $input: CreateHolidayInput!) { createHoliday(schoolYearId: $yearId, input: $input) { id } }`, {
        yearId, input: { name: 'Zu spät', startsOn: '2040-01-02', endsOn: '2040-01-03', kind: 'NO_LESSONS' },
      });

      expect(firstError(result)).toEqual(expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'input.startsOn', rule: 'out_of_range' }));
      expect(await countRows(app.dataSource, 'holidays', 'audit_log')).toEqual(before);
    });
  });

  describe('updateMembership', () => {
    it('when validTo lies before validFrom → should answer BAD_USER_INPUT on input.validTo and leave the membership alone', async () => {
      await given(app.dataSource).staff(school.id, 'SCHOOL_ADMIN', 'schuladmin');
      const teacher = await given(app.dataSource).staff(school.id, 'TEACHER', 'lehrkraft', 'LK');
      const [{ id }] = await app.dataSource.query(`SELECT id FROM memberships WHERE person_id = $1`, [teacher.id]);
      const before = await rowOf(app.dataSource, 'memberships', id);
      const client = await app.as('schuladmin', TEST_PASSWORD);

      const result = await client.gql(`mutation($id: ID!, $input: UpdateMembershipInput!) { updateMembership(id: $id, version: 1, input: $input) { id } }`, {
        id, input: { validFrom: '2026-09-01', validTo: '2026-08-31' },
      });

      expect(firstError(result)).toEqual(expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'input.validTo', rule: 'custom' }));
      expect(await rowOf(app.dataSource, 'memberships', id)).toEqual(before);
    });
  });

  describe('queries', () => {
    it('when page.limit exceeds 200 → should answer BAD_USER_INPUT on page.limit', async () => {
      const result = await secretariat.gql(`{ pupils(filter: {}, page: { limit: 1000 }) { total } }`);

      expect(firstError(result)).toEqual(expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'page.limit', rule: 'out_of_range' }));
    });

    it('when an id is malformed → should answer BAD_USER_INPUT on id, not a database error', async () => {
      const result = await secretariat.gql(`query($id: ID!) { pupil(id: $id) { id } }`, { id: 'abc' });

      expect(firstError(result)).toEqual(expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'id', rule: 'invalid_uuid' }));
    });
  });

  describe('variables of the wrong GraphQL type', () => {
    it('when a version is sent as text → should answer BAD_USER_INPUT naming the variable and change nothing', async () => {
      const room = await given(app.dataSource).room(school.id, { shortName: 'A101' });
      const before = await rowOf(app.dataSource, 'rooms', room.id);

      const result = await secretariat.gql(`mutation($id: ID!, $version: Int!) { updateRoom(id: $id, version: $version, input: { capacity: 5 }) { id } }`, {
        id: room.id, version: 'zwei',
      });

      expect(firstError(result)).toEqual(expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'version', rule: 'invalid_value' }));
      expect(result.data ?? null).toBeNull();
      expect(await rowOf(app.dataSource, 'rooms', room.id)).toEqual(before);
    });

    it('when a required input field is missing → should answer BAD_USER_INPUT naming it', async () => {
      const before = await countRows(app.dataSource, ...PUPIL_TABLES);
      const { lastName: _, ...withoutLastName } = pupilInput();

      const result = await secretariat.gql(CREATE_PUPIL, { schoolId: school.id, input: withoutLastName });

      expect(firstError(result)).toEqual(expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'input.lastName', rule: 'required' }));
      expect(await countRows(app.dataSource, ...PUPIL_TABLES)).toEqual(before);
    });
  });
});
