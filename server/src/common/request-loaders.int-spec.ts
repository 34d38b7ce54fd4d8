import { randomUUID } from 'node:crypto';
import { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import { normalizeName } from '@schulverwaltung/shared';
import { startTestApp, TestApp, TestClient } from '../../test/test-app';
import { given, TEST_PASSWORD } from '../../test/given';
import { recordQueries } from '../../test/inspect';
import { GuardianshipEntity } from '../modules/guardians/guardianship.entity';
import { EnrolmentEntity } from '../modules/pupils/enrolment.entity';
import { PersonEntity } from '../modules/pupils/person.entity';
import { PupilEntity } from '../modules/pupils/pupil.entity';

// Per-request DataLoaders: listing pupils with their class and guardians costs the same number of
// SQL statements for 30 pupils as for 200 (no query per pupil, per class or per guardian).

const PUPILS_OF_CLASS = `query($classId: ID!, $offset: Int!) {
  pupils(filter: { classId: $classId }, page: { limit: 200, offset: $offset }) {
    total
    items { firstName class { name } guardianships { relation guardian { firstName lastName } } }
  }
}`;

interface PupilsPage {
  pupils: { total: number; items: { firstName: string; class: { name: string }; guardianships: { relation: string; guardian: { firstName: string; lastName: string } }[] }[] };
}

async function insertAll<E extends ObjectLiteral>(dataSource: DataSource, entity: EntityTarget<E>, rows: object[]) {
  for (let start = 0; start < rows.length; start += 500) {
    await dataSource.createQueryBuilder().insert().into(entity).values(rows.slice(start, start + 500) as never).updateEntity(false).execute();
  }
}

/** `count` pupils enrolled in the class, each with a mother and a father, in a few multi-row inserts. */
async function fillClass(dataSource: DataSource, schoolId: string, schoolYearId: string, classId: string, count: number) {
  const persons: object[] = [];
  const pupils: object[] = [];
  const enrolments: object[] = [];
  const guardianships: object[] = [];
  const person = (firstName: string, lastName: string, birthDate: string | null) => {
    const id = randomUUID();
    persons.push({ id, firstName, lastName, birthDate, searchName: normalizeName(`${firstName} ${lastName}`) });
    return id;
  };
  for (let i = 0; i < count; i++) {
    const lastName = `Familie${String(i).padStart(3, '0')}`;
    const pupilId = randomUUID();
    pupils.push({ id: pupilId, schoolId, personId: person(`Kind${i}`, lastName, '2013-06-01') });
    enrolments.push({ schoolId, pupilId, schoolYearId, classId, entryDate: '2026-08-01', status: 'ACTIVE' });
    for (const [sortOrder, relation] of (['MOTHER', 'FATHER'] as const).entries()) {
      guardianships.push({
        schoolId, pupilId, guardianPersonId: person(relation === 'MOTHER' ? 'Mutter' : 'Vater', lastName, null), relation, sortOrder,
        hasCustody: true, mayExcuse: true, receivesMail: true, hasInformationBlock: false,
      });
    }
  }
  await insertAll(dataSource, PersonEntity, persons);
  await insertAll(dataSource, PupilEntity, pupils);
  await insertAll(dataSource, EnrolmentEntity, enrolments);
  await insertAll(dataSource, GuardianshipEntity, guardianships);
}

describe('per-request DataLoaders', () => {
  let app: TestApp;
  let secretariat: TestClient;
  let smallClassId: string;
  let largeClassId: string;

  beforeAll(async () => {
    app = await startTestApp();
    const g = given(app.dataSource);
    const { school, year } = await g.school();
    smallClassId = (await g.group(school.id, year.id, '5a')).id;
    largeClassId = (await g.group(school.id, year.id, '6a')).id;
    await fillClass(app.dataSource, school.id, year.id, smallClassId, 30);
    await fillClass(app.dataSource, school.id, year.id, largeClassId, 300);
    await g.staff(school.id, 'SECRETARIAT', 'sekretariat');
    secretariat = await app.as('sekretariat', TEST_PASSWORD);
  });

  afterAll(() => app.close());

  const listPupils = (classId: string, offset = 0) =>
    recordQueries(app.dataSource, () => secretariat.ok<PupilsPage>(PUPILS_OF_CLASS, { classId, offset }));

  describe('pupils with class and guardians', () => {
    it('when a class has 30 or 300 pupils → should run the same small number of SQL statements', async () => {
      const small = await listPupils(smallClassId);
      const largeFirstPage = await listPupils(largeClassId);
      const largeSecondPage = await listPupils(largeClassId, 200);

      expect(small.result.pupils.items).toHaveLength(30);
      expect(largeFirstPage.result.pupils.items).toHaveLength(200);
      expect(largeSecondPage.result.pupils.items).toHaveLength(100);
      expect(largeFirstPage.result.pupils.total).toBe(300);
      expect(largeFirstPage.queries).toHaveLength(small.queries.length);
      expect(largeSecondPage.queries).toHaveLength(small.queries.length);
      expect(small.queries.length).toBeLessThanOrEqual(10);
      // No statement twice: a per-pupil or per-guardian query would repeat with other parameters.
      expect(new Set(largeFirstPage.queries).size).toBe(largeFirstPage.queries.length);
    });

    it('should resolve every pupil with their own class and both guardians', async () => {
      const { result } = await listPupils(smallClassId);

      for (const pupil of result.pupils.items) {
        const lastName = pupil.guardianships[0].guardian.lastName;
        expect(pupil.class).toEqual({ name: '5a' });
        expect(pupil.guardianships).toEqual([
          { relation: 'MOTHER', guardian: { firstName: 'Mutter', lastName } },
          { relation: 'FATHER', guardian: { firstName: 'Vater', lastName } },
        ]);
        expect(pupil.firstName).toBe(`Kind${Number(lastName.slice(-3))}`);
      }
    });
  });
});
