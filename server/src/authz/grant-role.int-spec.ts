import { addDays, berlinDate } from '@schulverwaltung/shared';
import type { DemoUsername } from '../demo/demo-logins';
import { DemoTestApp, startDemoApp } from '../../test/demo-app';
import { DemoLookup, demoLookup, errorCodes } from '../../test/demo-lookup';
import { given, TEST_PASSWORD } from '../../test/given';

// Only admins grant roles, and only at the schools they administer: the school admin at their
// school, the carrier admin at the carrier's schools, the state admin in the state. A role granted
// or ended takes effect on the holder's next request, without signing in again.

const GRANT = `mutation($input: GrantRoleInput!) { grantRole(input: $input) { id personId schoolId role validFrom version } }`;
const UPDATE_MEMBERSHIP = `mutation($id: ID!, $version: Int!, $input: UpdateMembershipInput!) { updateMembership(id: $id, version: $version, input: $input) { id validTo } }`;

describe('grantRole', () => {
  let app: DemoTestApp;
  let the: DemoLookup;

  beforeAll(async () => {
    app = await startDemoApp();
    the = demoLookup(app.demo);
  });

  afterAll(() => app.close());

  /** A fresh person without any role, so each grant is independent of the others. */
  async function setup(granter: DemoUsername) {
    const person = await given(app.dataSource).person();
    const client = await app.as(granter);
    const grant = (schoolId: string, role = 'TEACHER') =>
      client.gql(GRANT, { input: { personId: person.id, schoolId, role, validFrom: '2020-01-01' } });
    return { person, client, grant };
  }

  describe('when the secretariat grants a role at its own school', () => {
    it('should answer FORBIDDEN and store nothing', async () => {
      const { person, grant } = await setup('gym.sekretariat');

      const result = await grant(the.gym.id);

      expect(errorCodes(result)).toEqual(['FORBIDDEN']);
      expect(await app.dataSource.query('SELECT count(*)::int AS n FROM memberships WHERE person_id = $1', [person.id])).toEqual([{ n: 0 }]);
    });
  });

  describe.each(['gym.schulleitung', 'gym.lehrkraft'] as const)('when %s grants a role', (username) => {
    it('should answer FORBIDDEN', async () => {
      const { grant } = await setup(username);

      expect(errorCodes(await grant(the.gym.id))).toEqual(['FORBIDDEN']);
    });
  });

  describe('when the school admin grants a role', () => {
    it('at their school → should store the role', async () => {
      const { person, grant } = await setup('gym.admin');

      const result = await grant(the.gym.id);

      expect(result.errors).toBeUndefined();
      expect(result.data?.grantRole).toEqual(expect.objectContaining({ personId: person.id, schoolId: the.gym.id, role: 'TEACHER', validFrom: '2020-01-01' }));
    });

    it('at the other school → should answer FORBIDDEN', async () => {
      const { grant } = await setup('gym.admin');

      expect(errorCodes(await grant(the.gs.id))).toEqual(['FORBIDDEN']);
    });

    it('of a state-wide kind → should answer BAD_USER_INPUT', async () => {
      const { grant } = await setup('gym.admin');

      const result = await grant(the.gym.id, 'STATE_ADMIN');

      expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
      expect(result.errors?.[0].extensions?.field).toBe('input.role');
    });
  });

  describe('when the carrier admin grants a role', () => {
    it('at both of the carrier\'s schools → should store both roles', async () => {
      const { person, grant } = await setup('traeger.admin');

      const atGym = await grant(the.gym.id);
      const atGs = await grant(the.gs.id, 'SECRETARIAT');

      expect(atGym.data?.grantRole).toEqual(expect.objectContaining({ personId: person.id, schoolId: the.gym.id, role: 'TEACHER' }));
      expect(atGs.data?.grantRole).toEqual(expect.objectContaining({ personId: person.id, schoolId: the.gs.id, role: 'SECRETARIAT' }));
    });

    it('at a school of another carrier → should answer FORBIDDEN', async () => {
      const { school } = await given(app.dataSource).school();
      const { grant } = await setup('traeger.admin');

      expect(errorCodes(await grant(school.id))).toEqual(['FORBIDDEN']);
    });
  });

  describe('when the state admin grants a role', () => {
    it('at any school of the state → should store it; in another state → FORBIDDEN', async () => {
      const { school: berlin } = await given(app.dataSource).school({ federalState: 'BE' });
      const { school: bavaria } = await given(app.dataSource).school({ federalState: 'BY', carrierId: (await given(app.dataSource).carrier({ federalState: 'BY' })).id });
      const { grant } = await setup('land.admin');

      const inState = await grant(berlin.id);
      const elsewhere = await grant(bavaria.id);

      expect(inState.data?.grantRole).toEqual(expect.objectContaining({ schoolId: berlin.id, role: 'TEACHER' }));
      expect(errorCodes(elsewhere)).toEqual(['FORBIDDEN']);
    });
  });

  describe('per-request evaluation → when a role is granted to a signed-in person', () => {
    it('should open the school on their next request, and close it again once the role ends', async () => {
      const { person, client: admin } = await setup('gym.admin');
      await given(app.dataSource).account(person.id, 'neue.kraft');
      const newcomer = await app.as('neue.kraft', TEST_PASSWORD);
      const PROBE = `query($schoolId: ID!) {
        school(id: $schoolId) { id }
        pupils(filter: { schoolId: $schoolId }, page: { limit: 200 }) { total items { masterData { city } } }
      }`;
      const before = await newcomer.gql(PROBE, { schoolId: the.gym.id });

      const granted = await admin.ok(GRANT, { input: { personId: person.id, schoolId: the.gym.id, role: 'SECRETARIAT', validFrom: '2020-01-01' } });
      const during = await newcomer.ok(PROBE, { schoolId: the.gym.id });
      await admin.ok(UPDATE_MEMBERSHIP, { id: granted.grantRole.id, version: granted.grantRole.version, input: { validTo: addDays(berlinDate(), -1) } });
      const after = await newcomer.gql(PROBE, { schoolId: the.gym.id });

      expect(errorCodes(before)).toEqual(['NOT_FOUND']);
      expect(during.school).toEqual({ id: the.gym.id });
      expect(during.pupils.total).toBe(the.pupilsOfSchool(the.gym.id).length);
      expect(during.pupils.items.every((p: { masterData: unknown }) => p.masterData !== null)).toBe(true);
      expect(errorCodes(after)).toEqual(['NOT_FOUND']);
    });
  });
});
