import { DemoTestApp, startDemoApp } from '../../test/demo-app';
import { DemoLookup, demoLookup, errorCodes } from '../../test/demo-lookup';
import { TestClient } from '../../test/test-app';

// Mutations can neither change another school's records (NOT_FOUND, as for reading) nor create
// records there (FORBIDDEN), nor link the own school's records to another school's (BAD_USER_INPUT).
// The Gymnasium's office and admin try it with Grundschule ids.

interface Attempt {
  what: string;
  as: 'gym.sekretariat' | 'gym.admin';
  mutation: string;
  variables: (the: DemoLookup, app: DemoTestApp) => Record<string, unknown>;
  code: 'NOT_FOUND' | 'FORBIDDEN' | 'BAD_USER_INPUT';
  field?: string;
}

const first = <T>(rows: T[], test: (row: T) => boolean): T => {
  const row = rows.find(test);
  if (!row) throw new Error('demo data: no matching row');
  return row;
};

const ATTEMPTS: Attempt[] = [
  // Changing another school's records: they do not exist for the caller.
  { what: 'updateGroup of another school\'s class', as: 'gym.sekretariat', code: 'NOT_FOUND',
    mutation: `mutation($id: ID!) { updateGroup(id: $id, version: 1, input: { name: "2x" }) { id } }`,
    variables: (the) => ({ id: the.group(the.gs.id, '2a').id }) },
  { what: 'setClassTeachers of another school\'s class', as: 'gym.sekretariat', code: 'NOT_FOUND',
    mutation: `mutation($id: ID!) { setClassTeachers(id: $id, version: 1, personIds: []) { id } }`,
    variables: (the) => ({ id: the.group(the.gs.id, '2a').id }) },
  { what: 'updateSubject of another school', as: 'gym.sekretariat', code: 'NOT_FOUND',
    mutation: `mutation($id: ID!) { updateSubject(id: $id, version: 1, input: { name: "Fremd" }) { id } }`,
    variables: (the, app) => ({ id: first(app.demo.subjects, (s) => s.schoolId === the.gs.id).id }) },
  { what: 'updateRoom of another school', as: 'gym.sekretariat', code: 'NOT_FOUND',
    mutation: `mutation($id: ID!) { updateRoom(id: $id, version: 1, input: { name: "Fremd" }) { id } }`,
    variables: (the, app) => ({ id: first(app.demo.rooms, (r) => r.schoolId === the.gs.id).id }) },
  { what: 'updateGuardianship of another school', as: 'gym.sekretariat', code: 'NOT_FOUND',
    mutation: `mutation($id: ID!) { updateGuardianship(id: $id, version: 1, input: { hasCustody: false }) { id } }`,
    variables: (the, app) => ({ id: first(app.demo.guardianships, (g) => g.schoolId === the.gs.id).id }) },
  { what: 'addGuardian to another school\'s pupil', as: 'gym.sekretariat', code: 'NOT_FOUND',
    mutation: `mutation($pupilId: ID!) { addGuardian(pupilId: $pupilId, input: {
      person: { firstName: "Fremd", lastName: "Person" }, link: { relation: OTHER, hasCustody: false, mayExcuse: false, receivesMail: false } }) { id } }`,
    variables: (the) => ({ pupilId: the.pupilsOfSchool(the.gs.id)[0].id }) },
  { what: 'updateEnrolment of another school', as: 'gym.sekretariat', code: 'NOT_FOUND',
    mutation: `mutation($id: ID!) { updateEnrolment(id: $id, version: 1, input: { status: LEFT }) { id } }`,
    variables: (the, app) => ({ id: first(app.demo.enrolments, (e) => e.schoolId === the.gs.id).id }) },
  { what: 'createSchoolYear at another school', as: 'gym.sekretariat', code: 'NOT_FOUND',
    mutation: `mutation($schoolId: ID!) { createSchoolYear(schoolId: $schoolId, input: {
      name: "2040/41", startsOn: "2040-08-01", midYearOn: "2041-02-01", endsOn: "2041-07-31" }) { id } }`,
    variables: (the) => ({ schoolId: the.gs.id }) },
  { what: 'createHoliday in another school\'s year', as: 'gym.sekretariat', code: 'NOT_FOUND',
    mutation: `mutation($id: ID!, $day: LocalDate!) { createHoliday(schoolYearId: $id, input: { name: "Fremd", kind: NO_LESSONS, startsOn: $day, endsOn: $day }) { id } }`,
    variables: (the) => ({ id: the.currentYear(the.gs.id).id, day: the.currentYear(the.gs.id).startsOn }) },
  { what: 'deleteHoliday of another school', as: 'gym.sekretariat', code: 'NOT_FOUND',
    mutation: `mutation($id: ID!) { deleteHoliday(id: $id, version: 1) }`,
    variables: (the, app) => ({ id: first(app.demo.holidays, (h) => h.schoolId === the.gs.id).id }) },
  { what: 'updateSchool of another school', as: 'gym.admin', code: 'NOT_FOUND',
    mutation: `mutation($id: ID!) { updateSchool(id: $id, version: 1, input: { name: "Fremd" }) { id } }`,
    variables: (the) => ({ id: the.gs.id }) },
  { what: 'updateMembership at another school', as: 'gym.admin', code: 'NOT_FOUND',
    mutation: `mutation($id: ID!) { updateMembership(id: $id, version: 1, input: { abbreviation: "XX" }) { id } }`,
    variables: (the, app) => ({ id: first(app.demo.memberships, (m) => m.schoolId === the.gs.id).id }) },

  // Creating records at another school: not allowed there.
  { what: 'createGroup at another school', as: 'gym.sekretariat', code: 'FORBIDDEN',
    mutation: `mutation($schoolId: ID!, $yearId: ID!) { createGroup(schoolId: $schoolId, input: { kind: WORKING_GROUP, name: "AG Fremd", schoolYearId: $yearId }) { id } }`,
    variables: (the) => ({ schoolId: the.gs.id, yearId: the.currentYear(the.gs.id).id }) },
  { what: 'createSubject at another school', as: 'gym.sekretariat', code: 'FORBIDDEN',
    mutation: `mutation($schoolId: ID!) { createSubject(schoolId: $schoolId, input: { name: "Fremd", shortName: "FR1" }) { id } }`,
    variables: (the) => ({ schoolId: the.gs.id }) },
  { what: 'createRoom at another school', as: 'gym.sekretariat', code: 'FORBIDDEN',
    mutation: `mutation($schoolId: ID!) { createRoom(schoolId: $schoolId, input: { shortName: "F1" }) { id } }`,
    variables: (the) => ({ schoolId: the.gs.id }) },

  // Linking the own school's records to another school's.
  { what: 'createPupil enrolled in another school\'s year', as: 'gym.sekretariat', code: 'BAD_USER_INPUT', field: 'input.enrolment.schoolYearId',
    mutation: `mutation($schoolId: ID!, $yearId: ID!) { createPupil(schoolId: $schoolId, input: {
      firstName: "Ida", lastName: "Quer", birthDate: "2014-03-01", gender: W, enrolment: { schoolYearId: $yearId, entryDate: "2024-08-01" } }) { id } }`,
    variables: (the) => ({ schoolId: the.gym.id, yearId: the.currentYear(the.gs.id).id }) },
  { what: 'updateEnrolment into another school\'s class', as: 'gym.sekretariat', code: 'BAD_USER_INPUT', field: 'input.enrolment.classId',
    mutation: `mutation($id: ID!, $classId: ID!) { updateEnrolment(id: $id, version: 1, input: { classId: $classId }) { id } }`,
    variables: (the, app) => ({ id: first(app.demo.enrolments, (e) => e.schoolId === the.gym.id).id, classId: the.group(the.gs.id, '2a').id }) },
  { what: 'addGuardian linking another school\'s guardian', as: 'gym.sekretariat', code: 'BAD_USER_INPUT', field: 'input.existingPersonId',
    mutation: `mutation($pupilId: ID!, $personId: ID!) { addGuardian(pupilId: $pupilId, input: {
      existingPersonId: $personId, link: { relation: OTHER, hasCustody: false, mayExcuse: false, receivesMail: false } }) { id } }`,
    variables: (the, app) => ({
      pupilId: the.pupilsOfSchool(the.gym.id)[0].id,
      personId: first(app.demo.guardianships, (g) => the.guardianshipsOfGuardian(g.guardianPersonId).every((l) => l.schoolId === the.gs.id)).guardianPersonId,
    }) },
  { what: 'setClassTeachers naming another school\'s teacher', as: 'gym.sekretariat', code: 'BAD_USER_INPUT', field: 'personIds.0',
    mutation: `mutation($id: ID!, $personId: ID!) { setClassTeachers(id: $id, version: 1, personIds: [$personId]) { id } }`,
    variables: (the) => ({ id: the.group(the.gym.id, '7a').id, personId: the.personIdOf('gs.lehrkraft') }) },
  { what: 'createGroup with another school\'s subject', as: 'gym.sekretariat', code: 'BAD_USER_INPUT', field: 'input.subjectId',
    mutation: `mutation($schoolId: ID!, $yearId: ID!, $subjectId: ID!) {
      createGroup(schoolId: $schoolId, input: { kind: COURSE, name: "mu-X1", schoolYearId: $yearId, subjectId: $subjectId }) { id subject { name } } }`,
    variables: (the, app) => ({ schoolId: the.gym.id, yearId: the.currentYear(the.gym.id).id, subjectId: first(app.demo.subjects, (s) => s.schoolId === the.gs.id).id }) },
  { what: 'updateGroup to another school\'s subject', as: 'gym.sekretariat', code: 'BAD_USER_INPUT', field: 'input.subjectId',
    mutation: `mutation($id: ID!, $subjectId: ID!) { updateGroup(id: $id, version: 1, input: { subjectId: $subjectId }) { id subject { name } } }`,
    variables: (the, app) => ({ id: the.group(the.gym.id, 'ma-G1').id, subjectId: first(app.demo.subjects, (s) => s.schoolId === the.gs.id).id }) },
];

describe('school isolation of mutations', () => {
  let app: DemoTestApp;
  let the: DemoLookup;
  const clients: Partial<Record<Attempt['as'], TestClient>> = {};

  beforeAll(async () => {
    app = await startDemoApp();
    the = demoLookup(app.demo);
    clients['gym.sekretariat'] = await app.as('gym.sekretariat');
    clients['gym.admin'] = await app.as('gym.admin');
  });

  afterAll(() => app.close());

  it.each(ATTEMPTS.map((a) => [a.what, a.code, a] as const))('%s → should answer %s', async (_what, _code, attempt) => {
    const result = await clients[attempt.as]!.gql(attempt.mutation, attempt.variables(the, app));

    expect(errorCodes(result)).toEqual([attempt.code]);
    if (attempt.field) expect(result.errors?.[0].extensions?.field).toBe(attempt.field);
  });

  it('after all attempts → should have left the other school\'s rows unchanged', async () => {
    const rows = await app.dataSource.query(
      `SELECT (SELECT count(*) FROM groups WHERE school_id = $1)::int AS groups,
              (SELECT count(*) FROM guardianships WHERE school_id = $1)::int AS guardianships,
              (SELECT count(*) FROM school_years WHERE school_id = $1)::int AS years,
              (SELECT max(version) FROM enrolments WHERE school_id = $1)::int AS "enrolmentVersion",
              (SELECT count(*) FROM groups WHERE school_id = $2 AND subject_id IN (SELECT id FROM subjects WHERE school_id = $1))::int AS "crossLinks"`,
      [the.gs.id, the.gym.id],
    );

    expect(rows).toEqual([{
      groups: app.demo.groups.filter((g) => g.schoolId === the.gs.id).length,
      guardianships: app.demo.guardianships.filter((g) => g.schoolId === the.gs.id).length,
      years: app.demo.schoolYears.filter((y) => y.schoolId === the.gs.id).length,
      enrolmentVersion: 1,
      crossLinks: 0,
    }]);
  });
});
