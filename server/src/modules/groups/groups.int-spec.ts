import { startTestApp, TestApp, TestClient } from '../../../test/test-app';
import { given, signedInStaff } from '../../../test/given';
import { auditEntriesOf, firstError, rowOf } from '../../../test/inspect';

const CREATE_GROUP = `mutation($schoolId: ID!, $input: CreateGroupInput!) {
  createGroup(schoolId: $schoolId, input: $input) { id schoolId schoolYearId kind name gradeLevel subjectId version pupilCount }
}`;
const SET_CLASS_TEACHERS = `mutation($id: ID!, $version: Int!, $personIds: [ID!]!) {
  setClassTeachers(id: $id, version: $version, personIds: $personIds) { version classTeachers { personId lastName abbreviation } }
}`;

const SET_GROUP_PUPILS = `mutation($id: ID!, $version: Int!, $pupilIds: [ID!]!) {
  setGroupPupils(id: $id, version: $version, pupilIds: $pupilIds) { version pupilCount pupils { id lastName } }
}`;
const SET_GROUP_TEACHERS = `mutation($id: ID!, $version: Int!, $personIds: [ID!]!) {
  setGroupTeachers(id: $id, version: $version, personIds: $personIds) { version teachers { personId abbreviation } }
}`;

describe('groups', () => {
  let app: TestApp;
  let schoolId: string;
  let yearId: string;
  let adminId: string;
  let admin: TestClient;
  let secretariatId: string;
  let secretariat: TestClient;

  beforeAll(async () => {
    app = await startTestApp();
    const g = given(app.dataSource);
    const { school, year } = await g.school();
    schoolId = school.id;
    yearId = year.id;
    ({ id: adminId, client: admin } = await signedInStaff(app, school.id, 'SCHOOL_ADMIN', 'schuladmin'));
    ({ id: secretariatId, client: secretariat } = await signedInStaff(app, school.id, 'SECRETARIAT', 'sekretariat'));
  });

  afterAll(() => app.close());

  describe('createGroup', () => {
    it('when the secretariat creates a class → should store it in the school year and audit it', async () => {
      const input = { schoolYearId: yearId, kind: 'CLASS', name: '5c', gradeLevel: 5 };

      const { createGroup: group } = await secretariat.ok(CREATE_GROUP, { schoolId, input });

      expect(group).toEqual({ id: expect.any(String), schoolId, ...input, subjectId: null, version: 1, pupilCount: 0 });
      expect(await rowOf(app.dataSource, 'groups', group.id)).toEqual(expect.objectContaining({ school_year_id: yearId, name: '5c' }));
      expect(await auditEntriesOf(app.dataSource, group.id)).toEqual([{
        actorPersonId: secretariatId, schoolId, action: 'create', entityType: 'groups', entityId: group.id,
        changes: { kind: { old: null, new: 'CLASS' }, name: { old: null, new: '5c' }, gradeLevel: { old: null, new: 5 } },
      }]);
    });

    it('when a class has no grade level → should answer BAD_USER_INPUT on input.gradeLevel', async () => {
      const result = await secretariat.gql(CREATE_GROUP, { schoolId, input: { schoolYearId: yearId, kind: 'CLASS', name: '5d' } });

      expect(firstError(result)).toEqual(expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'input.gradeLevel' }));
    });
  });

  describe('setClassTeachers', () => {
    it('when a school admin names class teacher and deputy → should store them in order and audit the change', async () => {
      const g = given(app.dataSource);
      const group = await g.group(schoolId, yearId, '8c', 'CLASS', 8);
      const lead = await g.staff(schoolId, 'TEACHER', 'leitung', 'KLA');
      const deputy = await g.staff(schoolId, 'TEACHER', 'stellvertretung', 'STV');

      const { setClassTeachers: result } = await admin.ok(SET_CLASS_TEACHERS, { id: group.id, version: 1, personIds: [lead.id, deputy.id] });

      expect(result).toEqual({
        version: 2,
        classTeachers: [
          { personId: lead.id, lastName: lead.lastName, abbreviation: 'KLA' },
          { personId: deputy.id, lastName: deputy.lastName, abbreviation: 'STV' },
        ],
      });
      expect(await auditEntriesOf(app.dataSource, group.id)).toEqual([{
        actorPersonId: adminId, schoolId, action: 'update', entityType: 'groups', entityId: group.id,
        changes: { 'members.CLASS_TEACHER': { old: [], new: [lead.id, deputy.id] } },
      }]);
    });

    it('when a person does not teach at the school → should answer BAD_USER_INPUT naming the position and keep the old teachers', async () => {
      const g = given(app.dataSource);
      const group = await g.group(schoolId, yearId, '9c', 'CLASS', 9);
      const teacher = await g.staff(schoolId, 'TEACHER', 'lehrer9c', 'NC');
      await g.groupMember(group, teacher.id, 'CLASS_TEACHER');
      const stranger = await g.person();

      const result = await admin.gql(SET_CLASS_TEACHERS, { id: group.id, version: 1, personIds: [teacher.id, stranger.id] });

      expect(firstError(result)).toEqual(expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'personIds.1', rule: 'unknown_reference' }));
      const members = await app.dataSource.query(`SELECT person_id FROM group_members WHERE group_id = $1`, [group.id]);
      expect(members).toEqual([{ person_id: teacher.id }]);
      expect((await rowOf(app.dataSource, 'groups', group.id))?.version).toBe(1);
    });
  });

  describe('setGroupPupils and setGroupTeachers', () => {
    it('when the secretariat fills a course → should list its pupils and teacher and count them', async () => {
      const g = given(app.dataSource);
      const course = await g.group(schoolId, yearId, 'ma-L1', 'COURSE', 11);
      const { pupil: a, person: pa } = await g.pupil(schoolId, yearId, null, { lastName: 'Adler' });
      const { pupil: b, person: pb } = await g.pupil(schoolId, yearId, null, { lastName: 'Becker' });
      const teacher = await g.staff(schoolId, 'TEACHER', 'mathe', 'MAT');

      const { setGroupPupils: pupils } = await secretariat.ok(SET_GROUP_PUPILS, { id: course.id, version: 1, pupilIds: [b.id, a.id] });
      const { setGroupTeachers: teachers } = await secretariat.ok(SET_GROUP_TEACHERS, { id: course.id, version: 2, personIds: [teacher.id] });

      expect(pupils).toEqual({ version: 2, pupilCount: 2, pupils: [{ id: a.id, lastName: pa.lastName }, { id: b.id, lastName: pb.lastName }] });
      expect(teachers).toEqual({ version: 3, teachers: [{ personId: teacher.id, abbreviation: 'MAT' }] });
    });

    it('when the group is a class → should answer BAD_USER_INPUT: class members follow from enrolments', async () => {
      const g = given(app.dataSource);
      const klass = await g.group(schoolId, yearId, '6e', 'CLASS', 6);
      const { pupil } = await g.pupil(schoolId, yearId, null);

      const result = await secretariat.gql(SET_GROUP_PUPILS, { id: klass.id, version: 1, pupilIds: [pupil.id] });

      expect(firstError(result)).toEqual(expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'pupilIds', rule: 'class_members' }));
    });

    it('when a pupil belongs to another school → should answer BAD_USER_INPUT naming the position and change nothing', async () => {
      const g = given(app.dataSource);
      const course = await g.group(schoolId, yearId, 'en-G9', 'COURSE', 11);
      const other = await g.school();
      const { pupil: foreign } = await g.pupil(other.school.id, other.year.id, null);

      const result = await secretariat.gql(SET_GROUP_PUPILS, { id: course.id, version: 1, pupilIds: [foreign.id] });

      expect(firstError(result)).toEqual(expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'pupilIds.0' }));
      expect(await app.dataSource.query(`SELECT 1 FROM group_members WHERE group_id = $1`, [course.id])).toEqual([]);
      expect((await rowOf(app.dataSource, 'groups', course.id))?.version).toBe(1);
    });
  });
});
