import { addDays, berlinDate } from '@schulverwaltung/shared';
import { DemoTestApp, startDemoApp } from '../../test/demo-app';
import { DemoLookup, demoLookup, errorCodes, sorted } from '../../test/demo-lookup';
import { given, TEST_PASSWORD } from '../../test/given';
import { TestClient } from '../../test/test-app';

// Pupils see themselves; guardians see their own children (custody opens master data and the
// other guardians, an information block never does); a child of age decides with the consent.

const PUPILS = `{ pupils(filter: {}, page: { limit: 200 }) { total items { id schoolId } } }`;
const PUPIL = `query($id: ID!) {
  pupil(id: $id) { id firstName lastName version masterData { street city } guardianships { guardianPersonId pupil { id } } }
}`;
const GUARDIAN = `query($personId: ID!) { guardian(personId: $personId) { personId children { id } } }`;
/** The same calendar day `years` earlier; a 29 February becomes the 28th (past) or 1 March (future). */
function yearsBefore(date: string, years: number, leapDayBecomes: '02-28' | '03-01'): string {
  const monthDay = date.slice(5) === '02-29' ? leapDayBecomes : date.slice(5);
  return `${Number(date.slice(0, 4)) - years}-${monthDay}`;
}

const UPDATE_PUPIL = `mutation($id: ID!, $version: Int!, $input: UpdatePupilInput!) {
  updatePupil(id: $id, version: $version, input: $input) { id version guardianAccessConsent }
}`;

describe('pupil and guardian rights', () => {
  let app: DemoTestApp;
  let the: DemoLookup;

  beforeAll(async () => {
    app = await startDemoApp();
    the = demoLookup(app.demo);
  });

  afterAll(() => app.close());

  const pupilIdOf = (username: 'schueler' | 'schueler.volljaehrig') => the.pupilOfPerson(the.personIdOf(username)).id;
  const childrenOf = (username: 'eltern.geschwister' | 'eltern.sperre') => the.guardianshipsOfGuardian(the.personIdOf(username));

  describe('pupils / pupil → when a pupil signs in', () => {
    it('should list only themself, with master data and their guardians', async () => {
      const client = await app.as('schueler');
      const self = pupilIdOf('schueler');

      const list = await client.ok(PUPILS);
      const { pupil } = await client.ok(PUPIL, { id: self });

      expect(list.pupils).toEqual({ total: 1, items: [{ id: self, schoolId: the.gym.id }] });
      expect(pupil.masterData).not.toBeNull();
      expect(sorted(pupil.guardianships.map((g: { guardianPersonId: string }) => g.guardianPersonId)))
        .toEqual(sorted(the.guardianshipsOfPupil(self).map((g) => g.guardianPersonId)));
    });

    it('should answer NOT_FOUND for a classmate and see no one else through the class', async () => {
      const client = await app.as('schueler');
      const self = pupilIdOf('schueler');
      const classId = the.group(the.gym.id, '7b').id;
      const classmate = the.pupilIdsOfGroup(classId).find((id) => id !== self)!;

      const single = await client.gql(PUPIL, { id: classmate });
      const viaClass = await client.ok(`query($id: ID!) { group(id: $id) { name pupils { id } } }`, { id: classId });
      const otherClass = await client.gql(`query($id: ID!) { group(id: $id) { id } }`, { id: the.group(the.gym.id, '7a').id });

      expect(errorCodes(single)).toEqual(['NOT_FOUND']);
      expect(viaClass.group).toEqual({ name: '7b', pupils: [{ id: self }] });
      expect(errorCodes(otherClass)).toEqual(['NOT_FOUND']);
    });

    it('when a minor changes their guardian access consent → should answer FORBIDDEN', async () => {
      const client = await app.as('schueler');
      const { pupil } = await client.ok(PUPIL, { id: pupilIdOf('schueler') });

      const result = await client.gql(UPDATE_PUPIL, { id: pupil.id, version: pupil.version, input: { guardianAccessConsent: true } });

      expect(errorCodes(result)).toEqual(['FORBIDDEN']);
    });
  });

  describe('guardian.children → when a pupil looks at their mother, who has a child at the other school too', () => {
    it('should show only themself as her child', async () => {
      const mother = the.personIdOf('eltern.geschwister');
      const son = childrenOf('eltern.sperre')[0].pupilId;
      await given(app.dataSource).account(the.pupilsOfSchool(the.gym.id).find((p) => p.id === son)!.personId, 'lukas.schroeder');
      const client = await app.as('lukas.schroeder', TEST_PASSWORD);

      const { guardian } = await client.ok(GUARDIAN, { personId: mother });

      expect(childrenOf('eltern.geschwister')).toHaveLength(2);
      expect(guardian).toEqual({ personId: mother, children: [{ id: son }] });
    });
  });

  describe('GET /api/groups/:id/class-list.csv → when a pupil or a guardian asks for their class', () => {
    it.each(['schueler', 'eltern.geschwister', 'eltern.sperre'] as const)('%s → should answer 403', async (username) => {
      const client = await app.as(username);

      const response = await client.get(`/api/groups/${the.group(the.gym.id, '7b').id}/class-list.csv`);

      expect(response.status).toBe(403);
    });
  });

  describe('pupils / guardian → when a mother with custody of siblings at two schools signs in', () => {
    it('should list exactly her two children, at both schools, with master data', async () => {
      const client = await app.as('eltern.geschwister');
      const links = childrenOf('eltern.geschwister');
      expect(links).toHaveLength(2);

      const list = await client.ok(PUPILS);
      const own = await client.ok(GUARDIAN, { personId: the.personIdOf('eltern.geschwister') });
      const details = await Promise.all(links.map((l) => client.ok(PUPIL, { id: l.pupilId })));

      expect(list.pupils.total).toBe(2);
      expect(sorted(list.pupils.items.map((p: { id: string }) => p.id))).toEqual(sorted(links.map((l) => l.pupilId)));
      expect(new Set(list.pupils.items.map((p: { schoolId: string }) => p.schoolId))).toEqual(new Set([the.gym.id, the.gs.id]));
      expect(sorted(own.guardian.children.map((c: { id: string }) => c.id))).toEqual(sorted(links.map((l) => l.pupilId)));
      expect(details.every((d) => d.pupil.masterData !== null)).toBe(true);
    });

    it('should see every guardian of her son, the blocked father included, and no other pupil', async () => {
      const client = await app.as('eltern.geschwister');
      const son = childrenOf('eltern.sperre')[0].pupilId;

      const { pupil } = await client.ok(PUPIL, { id: son });
      const stranger = await client.gql(PUPIL, { id: pupilIdOf('schueler') });

      expect(sorted(pupil.guardianships.map((g: { guardianPersonId: string }) => g.guardianPersonId)))
        .toEqual(sorted([the.personIdOf('eltern.geschwister'), the.personIdOf('eltern.sperre')]));
      expect(errorCodes(stranger)).toEqual(['NOT_FOUND']);
    });
  });

  describe('pupil / guardian → when the father with an information block signs in', () => {
    let client: TestClient;
    let son: string;

    beforeAll(async () => {
      client = await app.as('eltern.sperre');
      son = childrenOf('eltern.sperre')[0].pupilId;
    });

    it('should see his son\'s basic data, masterData null, and only his own guardianship', async () => {
      const { pupil } = await client.ok(PUPIL, { id: son });
      const list = await client.ok(PUPILS);

      expect(pupil.firstName).toBe('Lukas');
      expect(pupil.lastName).toBe('Schröder');
      expect(pupil.masterData).toBeNull();
      expect(pupil.guardianships).toEqual([{ guardianPersonId: the.personIdOf('eltern.sperre'), pupil: { id: son } }]);
      expect(list.pupils).toEqual({ total: 1, items: [{ id: son, schoolId: the.gym.id }] });
    });

    it('should answer NOT_FOUND for the mother and for her daughter at the Grundschule', async () => {
      const daughter = childrenOf('eltern.geschwister').find((l) => l.schoolId === the.gs.id)!.pupilId;

      const mother = await client.gql(GUARDIAN, { personId: the.personIdOf('eltern.geschwister') });
      const halfSister = await client.gql(PUPIL, { id: daughter });

      expect(errorCodes(mother)).toEqual(['NOT_FOUND']);
      expect(errorCodes(halfSister)).toEqual(['NOT_FOUND']);
    });

    it('should see no other guardian through the son\'s class either', async () => {
      const result = await client.ok(`query($id: ID!) { pupil(id: $id) { class { name pupils { id guardianships { guardianPersonId } } } } }`, { id: son });

      expect(result.pupil.class).toEqual({ name: '7b', pupils: [{ id: son, guardianships: [{ guardianPersonId: the.personIdOf('eltern.sperre') }] }] });
    });
  });

  describe('the age rule → when a child without consent turned 18 yesterday and a sibling turns 18 tomorrow', () => {
    it('should hide the one of age from the guardian and still show the minor', async () => {
      const today = berlinDate();
      const year = the.currentYear(the.gym.id);
      const classId = the.group(the.gym.id, '12').id;
      const build = given(app.dataSource);
      const parent = await build.person({ firstName: 'Rita', lastName: 'Grenz' });
      await build.account(parent.id, 'grenz.elternteil');
      const adult = await build.pupil(the.gym.id, year.id, classId, { birthDate: yearsBefore(addDays(today, -1), 18, '02-28') });
      const minor = await build.pupil(the.gym.id, year.id, classId, { birthDate: yearsBefore(addDays(today, 1), 18, '03-01') });
      for (const child of [adult, minor]) await build.guardianship(child.pupil, parent.id);
      const client = await app.as('grenz.elternteil', TEST_PASSWORD);

      const list = await client.ok(`{ pupils(filter: {}) { items { id isOfAge } } }`);
      const single = await client.gql(PUPIL, { id: adult.pupil.id });

      expect(list.pupils.items).toEqual([{ id: minor.pupil.id, isOfAge: false }]);
      expect(errorCodes(single)).toEqual(['NOT_FOUND']);
    });
  });

  describe('per-request evaluation → when a pupil of age has not consented, then consents', () => {
    let parent: TestClient;
    let adult: TestClient;
    let adultId: string;

    beforeAll(async () => {
      adultId = pupilIdOf('schueler.volljaehrig');
      const [mother] = the.guardianshipsOfPupil(adultId);
      await given(app.dataSource).account(mother.guardianPersonId, 'neumann.elternteil');
      parent = await app.as('neumann.elternteil', TEST_PASSWORD);
      adult = await app.as('schueler.volljaehrig');
    });

    afterEach(async () => {
      const { pupil } = await adult.ok(PUPIL, { id: adultId });
      await adult.ok(UPDATE_PUPIL, { id: adultId, version: pupil.version, input: { guardianAccessConsent: false } });
    });

    it('without consent → the guardian should see nothing of the pupil', async () => {
      const list = await parent.ok(PUPILS);
      const single = await parent.gql(PUPIL, { id: adultId });
      const me = await parent.ok(`{ me { session } }`);

      expect(list.pupils).toEqual({ total: 0, items: [] });
      expect(errorCodes(single)).toEqual(['NOT_FOUND']);
      expect(me.me.session.children).toEqual([]);
    });

    it('after consenting → the guardian should see the pupil on the next request, without signing in again', async () => {
      const { pupil } = await adult.ok(PUPIL, { id: adultId });
      const before = await parent.ok(PUPILS);

      const updated = await adult.ok(UPDATE_PUPIL, { id: adultId, version: pupil.version, input: { guardianAccessConsent: true } });
      const after = await parent.ok(PUPILS);
      const single = await parent.ok(PUPIL, { id: adultId });

      expect(before.pupils.total).toBe(0);
      expect(updated.updatePupil).toEqual({ id: adultId, version: pupil.version + 1, guardianAccessConsent: true });
      expect(after.pupils).toEqual({ total: 1, items: [{ id: adultId, schoolId: the.gym.id }] });
      expect(single.pupil.masterData).not.toBeNull();
    });

    it('when the pupil of age changes anything but the consent → should answer FORBIDDEN', async () => {
      const { pupil } = await adult.ok(PUPIL, { id: adultId });

      const result = await adult.gql(UPDATE_PUPIL, { id: adultId, version: pupil.version, input: { street: 'Neue Straße 1' } });

      expect(errorCodes(result)).toEqual(['FORBIDDEN']);
    });
  });
});
