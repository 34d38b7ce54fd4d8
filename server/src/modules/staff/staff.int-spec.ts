import { startTestApp, TestApp, TestClient } from '../../../test/test-app';
import { given, signedInStaff } from '../../../test/given';
import { auditEntriesOf, rowOf } from '../../../test/inspect';

const GRANT_ROLE = `mutation($input: GrantRoleInput!) {
  grantRole(input: $input) { id personId schoolId firstName lastName role abbreviation validFrom validTo version }
}`;

describe('staff', () => {
  let app: TestApp;
  let schoolId: string;
  let adminId: string;
  let admin: TestClient;

  beforeAll(async () => {
    app = await startTestApp();
    const g = given(app.dataSource);
    const { school } = await g.school();
    schoolId = school.id;
    ({ id: adminId, client: admin } = await signedInStaff(app, school.id, 'SCHOOL_ADMIN', 'schuladmin'));
  });

  afterAll(() => app.close());

  describe('grantRole', () => {
    it('when a school admin makes a person a teacher → should store the membership, list it and audit the grant', async () => {
      const person = await given(app.dataSource).person({ firstName: 'Jürgen', lastName: 'Weiß' });
      const input = { personId: person.id, schoolId, role: 'TEACHER', abbreviation: 'WEJ', validFrom: '2026-08-01', validTo: '2027-07-31' };

      const { grantRole: member } = await admin.ok(GRANT_ROLE, { input });
      const { staff } = await admin.ok(`query($schoolId: ID!) { staff(filter: { schoolId: $schoolId, search: "WEJ" }) { items { id } } }`, { schoolId });

      expect(member).toEqual({ id: expect.any(String), ...input, firstName: 'Jürgen', lastName: 'Weiß', version: 1 });
      expect(await rowOf(app.dataSource, 'memberships', member.id)).toEqual(expect.objectContaining({ person_id: person.id, school_id: schoolId, role: 'TEACHER' }));
      expect(staff.items).toEqual([{ id: member.id }]);
      expect(await auditEntriesOf(app.dataSource, member.id)).toEqual([{
        actorPersonId: adminId, schoolId, action: 'grant', entityType: 'memberships', entityId: member.id,
        changes: {
          personId: { old: null, new: person.id }, role: { old: null, new: 'TEACHER' }, abbreviation: { old: null, new: 'WEJ' },
          validFrom: { old: null, new: '2026-08-01' }, validTo: { old: null, new: '2027-07-31' },
        },
      }]);
    });
  });
});
