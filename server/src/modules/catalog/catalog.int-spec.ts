import { startTestApp, TestApp, TestClient } from '../../../test/test-app';
import { given, signedInStaff, TEST_PASSWORD } from '../../../test/given';
import { auditEntriesOf, countRows, firstError } from '../../../test/inspect';

const CREATE_SUBJECT = `mutation($schoolId: ID!, $input: SubjectInput!) { createSubject(schoolId: $schoolId, input: $input) { id schoolId shortName name version } }`;
const CREATE_ROOM = `mutation($schoolId: ID!, $input: RoomInput!) { createRoom(schoolId: $schoolId, input: $input) { id schoolId shortName name capacity version } }`;

describe('catalog', () => {
  let app: TestApp;
  let schoolId: string;
  let secretariatId: string;
  let secretariat: TestClient;

  beforeAll(async () => {
    app = await startTestApp();
    const g = given(app.dataSource);
    const { school } = await g.school();
    schoolId = school.id;
    ({ id: secretariatId, client: secretariat } = await signedInStaff(app, school.id, 'SECRETARIAT', 'sekretariat'));
    await g.staff(school.id, 'TEACHER', 'lehrkraft');
  });

  afterAll(() => app.close());

  describe('createSubject', () => {
    it('when the secretariat adds a subject → should store it, list it and audit it', async () => {
      const { createSubject: subject } = await secretariat.ok(CREATE_SUBJECT, { schoolId, input: { shortName: 'GEO', name: 'Erdkunde' } });
      const { subjects } = await secretariat.ok(`query($schoolId: ID!) { subjects(schoolId: $schoolId) { id } }`, { schoolId });

      expect(subject).toEqual({ id: expect.any(String), schoolId, shortName: 'GEO', name: 'Erdkunde', version: 1 });
      expect(subjects).toContainEqual({ id: subject.id });
      expect(await auditEntriesOf(app.dataSource, subject.id)).toEqual([{
        actorPersonId: secretariatId, schoolId, action: 'create', entityType: 'subjects', entityId: subject.id,
        changes: { shortName: { old: null, new: 'GEO' }, name: { old: null, new: 'Erdkunde' } },
      }]);
    });

    it('when the short name is taken at the school → should answer BAD_USER_INPUT on input.shortName', async () => {
      await given(app.dataSource).subject(schoolId, { shortName: 'MA', name: 'Mathematik' });
      const before = await countRows(app.dataSource, 'subjects', 'audit_log');

      const result = await secretariat.gql(CREATE_SUBJECT, { schoolId, input: { shortName: 'MA', name: 'Mathe' } });

      expect(firstError(result)).toEqual(expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'input.shortName', rule: 'unique' }));
      expect(await countRows(app.dataSource, 'subjects', 'audit_log')).toEqual(before);
    });
  });

  describe('createRoom', () => {
    it('when the secretariat adds a room → should store it, list it and audit it', async () => {
      const { createRoom: room } = await secretariat.ok(CREATE_ROOM, { schoolId, input: { shortName: 'B012', name: 'Biologieraum', capacity: 28 } });
      const { rooms } = await secretariat.ok(`query($schoolId: ID!) { rooms(schoolId: $schoolId) { id } }`, { schoolId });

      expect(room).toEqual({ id: expect.any(String), schoolId, shortName: 'B012', name: 'Biologieraum', capacity: 28, version: 1 });
      expect(rooms).toContainEqual({ id: room.id });
      expect(await auditEntriesOf(app.dataSource, room.id)).toEqual([{
        actorPersonId: secretariatId, schoolId, action: 'create', entityType: 'rooms', entityId: room.id,
        changes: { shortName: { old: null, new: 'B012' }, name: { old: null, new: 'Biologieraum' }, capacity: { old: null, new: 28 } },
      }]);
    });

    it('when a teacher adds a room → should answer FORBIDDEN and store nothing', async () => {
      const teacher = await app.as('lehrkraft', TEST_PASSWORD);
      const before = await countRows(app.dataSource, 'rooms', 'audit_log');

      const result = await teacher.gql(CREATE_ROOM, { schoolId, input: { shortName: 'X1' } });

      expect(firstError(result)?.code).toBe('FORBIDDEN');
      expect(await countRows(app.dataSource, 'rooms', 'audit_log')).toEqual(before);
    });
  });
});
