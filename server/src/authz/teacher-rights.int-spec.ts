import { GroupEntity } from '../modules/groups/group.entity';
import { DemoTestApp, startDemoApp } from '../../test/demo-app';
import { DemoLookup, demoLookup, errorCodes, httpErrorCode, sorted } from '../../test/demo-lookup';
import { given, TEST_PASSWORD } from '../../test/given';
import { TestClient } from '../../test/test-app';

// Teachers see the pupils of the groups they teach (basic data only); the class teacher also sees
// the master data and guardians of their own class. Evaluated on every request.

const PUPILS = `query($filter: PupilFilter!) {
  pupils(filter: $filter, page: { limit: 200 }) { total items { id schoolId masterData { city } guardianships { guardianPersonId } } }
}`;

interface PupilItem { id: string; schoolId: string; masterData: { city: string | null } | null; guardianships: { guardianPersonId: string }[] }
const idsOf = (items: PupilItem[]) => sorted(items.map((p) => p.id));

describe('teacher rights', () => {
  let app: DemoTestApp;
  let the: DemoLookup;
  let teacher: TestClient;
  let classTeacher: TestClient;

  beforeAll(async () => {
    app = await startDemoApp();
    the = demoLookup(app.demo);
    teacher = await app.as('gym.lehrkraft');
    classTeacher = await app.as('gym.klassenleitung');
  });

  afterAll(() => app.close());

  describe('pupils → when a teacher lists a class they teach', () => {
    it('should list every pupil of the class with masterData null and no guardianships', async () => {
      const group = the.group(the.gym.id, '7b');

      const { pupils } = await teacher.ok(PUPILS, { filter: { classId: group.id } });

      expect(idsOf(pupils.items)).toEqual(the.pupilIdsOfGroup(group.id));
      expect(pupils.items.map((p: PupilItem) => p.masterData)).toEqual(pupils.items.map(() => null));
      expect(pupils.items.flatMap((p: PupilItem) => p.guardianships)).toEqual([]);
    });
  });

  describe('pupils → when the class teacher lists their own class', () => {
    it('should include masterData and every guardianship of each pupil', async () => {
      const group = the.group(the.gym.id, '7b');

      const { pupils } = await classTeacher.ok(PUPILS, { filter: { classId: group.id } });

      expect(idsOf(pupils.items)).toEqual(the.pupilIdsOfGroup(group.id));
      for (const pupil of pupils.items as PupilItem[]) {
        expect(pupil.masterData).not.toBeNull();
        expect(sorted(pupil.guardianships.map((g) => g.guardianPersonId)))
          .toEqual(sorted(the.guardianshipsOfPupil(pupil.id).map((g) => g.guardianPersonId)));
      }
      expect(pupils.items.flatMap((p: PupilItem) => p.guardianships).length).toBeGreaterThan(0);
    });
  });

  describe('pupils → when the class teacher lists another class they only teach', () => {
    it('should list its pupils with masterData null', async () => {
      const group = the.group(the.gym.id, '9a');

      const { pupils } = await classTeacher.ok(PUPILS, { filter: { classId: group.id } });

      expect(idsOf(pupils.items)).toEqual(the.pupilIdsOfGroup(group.id));
      expect(pupils.items.every((p: PupilItem) => p.masterData === null && p.guardianships.length === 0)).toBe(true);
    });
  });

  describe('pupils → when a teacher lists without filter', () => {
    it('should list exactly the pupils of the groups they teach, classes and courses', async () => {
      const taught = the.groupIdsTaughtBy(the.personIdOf('gym.lehrkraft'));
      const expected = sorted([...new Set(taught.flatMap((g) => the.pupilIdsOfGroup(g)))]);
      expect(taught).toEqual(expect.arrayContaining(['7b', '7a', '8b', '9a', 'ma-G1'].map((n) => the.group(the.gym.id, n).id)));

      const { pupils } = await teacher.ok(PUPILS, { filter: {} });

      expect(pupils.total).toBe(expected.length);
      expect(idsOf(pupils.items)).toEqual(expected);
    });
  });

  describe('pupils / pupil / group.pupils → when a teacher asks for a class they do not teach', () => {
    it('should list no pupil, answer NOT_FOUND for a pupil of it, and show the class without pupils', async () => {
      const group = the.group(the.gym.id, '7c');
      const [pupilId] = the.pupilIdsOfGroup(group.id);

      const list = await teacher.ok(PUPILS, { filter: { classId: group.id } });
      const single = await teacher.gql(`query($id: ID!) { pupil(id: $id) { id } }`, { id: pupilId });
      const viaGroup = await teacher.ok(`query($id: ID!) { group(id: $id) { name pupils { id } } }`, { id: group.id });

      expect(list.pupils).toEqual({ total: 0, items: [] });
      expect(errorCodes(single)).toEqual(['NOT_FOUND']);
      expect(viaGroup.group).toEqual({ name: '7c', pupils: [] });
    });
  });

  describe('pupils → when the teacher of both schools lists their pupils', () => {
    it('should list the pupils of the groups they teach at the Gymnasium and at the Grundschule', async () => {
      const bothTeacher = await app.as('beide.lehrkraft');
      const taught = the.groupIdsTaughtBy(the.personIdOf('beide.lehrkraft'));
      expect(taught).toEqual(expect.arrayContaining([the.group(the.gym.id, '6a').id, the.group(the.gs.id, '3b').id]));
      const expected = sorted([...new Set(taught.flatMap((g) => the.pupilIdsOfGroup(g)))]);

      const { pupils } = await bothTeacher.ok(PUPILS, { filter: {} });
      const notTaught = await bothTeacher.gql(`query($id: ID!) { pupil(id: $id) { id } }`, { id: the.pupilIdsOfGroup(the.group(the.gs.id, '2a').id)[0] });

      expect(idsOf(pupils.items)).toEqual(expected);
      expect(new Set(pupils.items.map((p: PupilItem) => p.schoolId))).toEqual(new Set([the.gym.id, the.gs.id]));
      expect(pupils.items.every((p: PupilItem) => p.masterData === null)).toBe(true);
      expect(errorCodes(notTaught)).toEqual(['NOT_FOUND']);
    });
  });

  describe('guardian(personId) → when teachers look up the mother of a 7b pupil who also has a child at the Grundschule', () => {
    it('should answer NOT_FOUND to a subject teacher and show the class teacher only the 7b child', async () => {
      const mother = the.personIdOf('eltern.geschwister');
      const son = the.guardianshipsOfGuardian(mother).find((g) => g.schoolId === the.gym.id)!.pupilId;
      const query = `query($personId: ID!) { guardian(personId: $personId) { personId children { id } } }`;

      const bySubjectTeacher = await teacher.gql(query, { personId: mother });
      const byClassTeacher = await classTeacher.ok(query, { personId: mother });

      expect(errorCodes(bySubjectTeacher)).toEqual(['NOT_FOUND']);
      expect(byClassTeacher.guardian).toEqual({ personId: mother, children: [{ id: son }] });
    });
  });

  describe('groups, subjects, staff → when a teacher reads their school\'s catalogue', () => {
    it('should read the own school\'s and answer nothing or NOT_FOUND for the other school', async () => {
      const query = `query($schoolId: ID!) { groups(filter: { schoolId: $schoolId }) { total } staff(filter: { schoolId: $schoolId }) { total } }`;

      const own = await teacher.ok(query, { schoolId: the.gym.id });
      const other = await teacher.ok(query, { schoolId: the.gs.id });
      const subjects = await teacher.gql(`query($schoolId: ID!) { subjects(schoolId: $schoolId) { id } }`, { schoolId: the.gs.id });

      expect(own.groups.total).toBeGreaterThan(0);
      expect(own.staff.total).toBeGreaterThan(0);
      expect(other).toEqual({ groups: { total: 0 }, staff: { total: 0 } });
      expect(errorCodes(subjects)).toEqual(['NOT_FOUND']);
    });
  });

  describe('GET /api/groups/:id/class-list.csv|.xlsx → when a teacher exports', () => {
    it('should answer 403 for a class of their school they do not teach', async () => {
      const response = await teacher.get(`/api/groups/${the.group(the.gym.id, '7c').id}/class-list.csv`);

      expect(response.status).toBe(403);
      expect(await httpErrorCode(response)).toBe('FORBIDDEN');
    });

    it('should send the list of a class they teach, one line per pupil', async () => {
      const group = the.group(the.gym.id, '7a');

      const csv = await teacher.get(`/api/groups/${group.id}/class-list.csv`);
      const xlsx = await teacher.get(`/api/groups/${group.id}/class-list.xlsx`);

      expect(csv.status).toBe(200);
      expect((await csv.text()).trim().split('\r\n')).toHaveLength(1 + the.pupilIdsOfGroup(group.id).length);
      expect(xlsx.status).toBe(200);
      expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    });

    it('as the teacher of both schools → should send the Grundschule class they teach, 403 for one they do not', async () => {
      const bothTeacher = await app.as('beide.lehrkraft');

      const taught = await bothTeacher.get(`/api/groups/${the.group(the.gs.id, '3b').id}/class-list.csv`);
      const notTaught = await bothTeacher.get(`/api/groups/${the.group(the.gs.id, '2a').id}/class-list.csv`);

      expect(taught.status).toBe(200);
      expect((await taught.text()).trim().split('\r\n')).toHaveLength(1 + the.pupilIdsOfGroup(the.group(the.gs.id, '3b').id).length);
      expect(notTaught.status).toBe(403);
    });

    it('should answer 404 for a class of another school', async () => {
      const gsTeacher = await app.as('gs.lehrkraft');

      const response = await gsTeacher.get(`/api/groups/${the.group(the.gym.id, '7b').id}/class-list.xlsx`);

      expect(response.status).toBe(404);
    });
  });

  describe('per-request evaluation → when a teacher is added to a group while signed in', () => {
    it('should see its pupils on the next request, and their master data once made class teacher', async () => {
      const staff = await given(app.dataSource).staff(the.gym.id, 'TEACHER', 'neue.lehrkraft');
      const client = await app.as('neue.lehrkraft', TEST_PASSWORD);
      const group = await app.dataSource.manager.findOneByOrFail(GroupEntity, { id: the.group(the.gym.id, '7d').id });
      const before = await client.ok(PUPILS, { filter: {} });

      await given(app.dataSource).groupMember(group, staff.id, 'TEACHER');
      const asTeacher = await client.ok(PUPILS, { filter: {} });
      await given(app.dataSource).groupMember(group, staff.id, 'CLASS_TEACHER');
      const asClassTeacher = await client.ok(PUPILS, { filter: {} });

      expect(before.pupils.total).toBe(0);
      expect(idsOf(asTeacher.pupils.items)).toEqual(the.pupilIdsOfGroup(group.id));
      expect(asTeacher.pupils.items.every((p: PupilItem) => p.masterData === null)).toBe(true);
      expect(idsOf(asClassTeacher.pupils.items)).toEqual(the.pupilIdsOfGroup(group.id));
      expect(asClassTeacher.pupils.items.every((p: PupilItem) => p.masterData !== null)).toBe(true);
    });
  });
});
