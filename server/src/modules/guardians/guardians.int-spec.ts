import { startTestApp, TestApp, TestClient } from '../../../test/test-app';
import { given, signedInStaff } from '../../../test/given';
import { auditEntriesOf, countRows, firstError } from '../../../test/inspect';

const ADD_GUARDIAN = `mutation($pupilId: ID!, $input: AddGuardianInput!) {
  addGuardian(pupilId: $pupilId, input: $input) {
    id pupilId guardianPersonId relation hasCustody mayExcuse receivesMail hasInformationBlock sortOrder version
    guardian { firstName lastName email phone children { id } }
  }
}`;
const MOTHER_LINK = { relation: 'MOTHER', hasCustody: true, mayExcuse: true, receivesMail: true };

describe('guardians', () => {
  let app: TestApp;
  let schoolId: string;
  let yearId: string;
  let secretariatId: string;
  let secretariat: TestClient;

  beforeAll(async () => {
    app = await startTestApp();
    const g = given(app.dataSource);
    const { school, year } = await g.school();
    schoolId = school.id;
    yearId = year.id;
    ({ id: secretariatId, client: secretariat } = await signedInStaff(app, school.id, 'SECRETARIAT', 'sekretariat'));
  });

  afterAll(() => app.close());

  describe('addGuardian', () => {
    it('when the guardian is a new person → should create the person and the link and audit it', async () => {
      const { pupil } = await given(app.dataSource).pupil(schoolId, yearId, null, { lastName: 'Yılmaz' });
      const before = await countRows(app.dataSource, 'persons');

      const { addGuardian: link } = await secretariat.ok(ADD_GUARDIAN, {
        pupilId: pupil.id,
        input: { person: { firstName: 'Ayşe', lastName: 'Yılmaz', email: 'ayse.yilmaz@example.org', phone: '+49 30 1234567' }, link: MOTHER_LINK },
      });

      expect(link).toEqual({
        id: expect.any(String), pupilId: pupil.id, guardianPersonId: expect.any(String), ...MOTHER_LINK, hasInformationBlock: false,
        sortOrder: 0, version: 1,
        guardian: { firstName: 'Ayşe', lastName: 'Yılmaz', email: 'ayse.yilmaz@example.org', phone: '+49 30 1234567', children: [{ id: pupil.id }] },
      });
      expect((await countRows(app.dataSource, 'persons')).persons).toBe(before.persons + 1);
      expect(await auditEntriesOf(app.dataSource, link.id)).toEqual([{
        actorPersonId: secretariatId, schoolId, action: 'create', entityType: 'guardianships', entityId: link.id,
        changes: {
          relation: { old: null, new: 'MOTHER' }, hasCustody: { old: null, new: true }, mayExcuse: { old: null, new: true },
          receivesMail: { old: null, new: true }, hasInformationBlock: { old: null, new: false }, guardianPersonId: { old: null, new: link.guardianPersonId },
        },
      }]);
    });

    it('when the guardian already cares for a sibling → should link the same person without creating another', async () => {
      const g = given(app.dataSource);
      const { pupil: elder } = await g.pupil(schoolId, yearId, null, { firstName: 'Lukas', lastName: 'Schröder' });
      const { pupil: younger } = await g.pupil(schoolId, yearId, null, { firstName: 'Marie', lastName: 'Schröder' });
      const mother = await g.person({ firstName: 'Julia', lastName: 'Schröder' });
      await g.guardianship(elder, mother.id);
      await g.guardianship(younger, (await g.person({ firstName: 'Stefan', lastName: 'Schröder' })).id, { relation: 'FATHER' });
      const before = await countRows(app.dataSource, 'persons');

      const { addGuardian: link } = await secretariat.ok(ADD_GUARDIAN, { pupilId: younger.id, input: { existingPersonId: mother.id, link: MOTHER_LINK } });

      expect(link).toEqual(expect.objectContaining({ pupilId: younger.id, guardianPersonId: mother.id, sortOrder: 1 }));
      expect(link.guardian.children.map((c: { id: string }) => c.id).sort()).toEqual([elder.id, younger.id].sort());
      expect(await countRows(app.dataSource, 'persons')).toEqual(before);
      expect(await auditEntriesOf(app.dataSource, link.id)).toEqual([expect.objectContaining({
        actorPersonId: secretariatId, action: 'create', entityType: 'guardianships',
        changes: expect.objectContaining({ guardianPersonId: { old: null, new: mother.id } }),
      })]);
    });

    it('when the person is already linked to the pupil → should answer BAD_USER_INPUT and link nothing', async () => {
      const g = given(app.dataSource);
      const { pupil } = await g.pupil(schoolId, yearId, null);
      const mother = await g.person();
      await g.guardianship(pupil, mother.id);
      const before = await countRows(app.dataSource, 'guardianships', 'audit_log');

      const result = await secretariat.gql(ADD_GUARDIAN, { pupilId: pupil.id, input: { existingPersonId: mother.id, link: MOTHER_LINK } });

      expect(firstError(result)).toEqual(expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'input.existingPersonId', rule: 'unique' }));
      expect(await countRows(app.dataSource, 'guardianships', 'audit_log')).toEqual(before);
    });

    it('when the existing person is no guardian the caller can see → should answer BAD_USER_INPUT and link nothing', async () => {
      const g = given(app.dataSource);
      const { pupil } = await g.pupil(schoolId, yearId, null);
      const other = await g.school();
      const { pupil: foreignPupil } = await g.pupil(other.school.id, other.year.id, null);
      const foreignParent = await g.person();
      await g.guardianship(foreignPupil, foreignParent.id);
      const before = await countRows(app.dataSource, 'guardianships', 'audit_log');

      const result = await secretariat.gql(ADD_GUARDIAN, { pupilId: pupil.id, input: { existingPersonId: foreignParent.id, link: MOTHER_LINK } });

      expect(firstError(result)).toEqual(expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'input.existingPersonId', rule: 'unknown_reference' }));
      expect(await countRows(app.dataSource, 'guardianships', 'audit_log')).toEqual(before);
    });
  });
});
