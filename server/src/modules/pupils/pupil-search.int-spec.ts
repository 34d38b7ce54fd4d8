import { startTestApp, TestApp, TestClient } from '../../../test/test-app';
import { given, TEST_PASSWORD } from '../../../test/given';
import { firstError } from '../../../test/inspect';

// pupils(filter: { search }): umlauts folded (Mueller = Müller), one typo tolerated, only the
// caller's school; with PupilSort and page { offset, limit } and the total of all matches.

const PUPILS = `query($filter: PupilFilter!, $page: PageInput, $sort: PupilSort) {
  pupils(filter: $filter, page: $page, sort: $sort) { total items { firstName lastName birthDate class { name } } }
}`;

interface PupilsResult {
  pupils: { total: number; items: { firstName: string; lastName: string; birthDate: string; class: { name: string } | null }[] };
}

describe('pupil search', () => {
  let app: TestApp;
  let secretariat: TestClient;
  let otherSchoolId: string;

  beforeAll(async () => {
    app = await startTestApp();
    const g = given(app.dataSource);
    const { school, year } = await g.school();
    const c5a = await g.group(school.id, year.id, '5a', 'CLASS', 5);
    const c7a = await g.group(school.id, year.id, '7a', 'CLASS', 7);
    const c7b = await g.group(school.id, year.id, '7b', 'CLASS', 7);
    await g.pupil(school.id, year.id, c7a.id, { firstName: 'Anna', lastName: 'Müller', birthDate: '2013-04-01' });
    await g.pupil(school.id, year.id, c7b.id, { firstName: 'Ben', lastName: 'Schmidt', birthDate: '2012-05-05' });
    await g.pupil(school.id, year.id, c5a.id, { firstName: 'Clara', lastName: 'Meier', birthDate: '2015-01-20' });
    await g.pupil(school.id, year.id, null, { firstName: 'Dora', lastName: 'Fischer', birthDate: '2014-09-09' });
    await g.pupil(school.id, year.id, c7a.id, { firstName: 'Emil', lastName: 'Wagner', birthDate: '2013-11-30' });
    const other = await g.school();
    otherSchoolId = other.school.id;
    await g.pupil(other.school.id, other.year.id, null, { firstName: 'Lena', lastName: 'Müller' });
    await g.staff(school.id, 'SECRETARIAT', 'sekretariat');
    secretariat = await app.as('sekretariat', TEST_PASSWORD);
  });

  afterAll(() => app.close());

  const list = (variables: Record<string, unknown>) => secretariat.ok<PupilsResult>(PUPILS, variables).then((r) => r.pupils);
  const search = async (text: string) => (await list({ filter: { search: text } })).items.map((p) => `${p.firstName} ${p.lastName}`);

  describe('search', () => {
    it.each(['Mueller', 'Müller', 'MÜLLER', 'mueller anna', 'Anna Müller'])('when searching "%s" → should find Anna Müller', async (text) => {
      expect(await search(text)).toEqual(['Anna Müller']);
    });

    it.each(['Müler', 'Nüller', 'Mülker', 'Mülelr', 'Mxller'])('when searching "%s" (one letter wrong, missing or swapped) → should still find Anna Müller first', async (text) => {
      expect((await search(text))[0]).toBe('Anna Müller');
    });

    it('when searching a first name → should find the pupil by it', async () => {
      expect(await search('clara')).toEqual(['Clara Meier']);
    });

    it('when nothing is similar → should find nobody', async () => {
      expect(await list({ filter: { search: 'Xylophon' } })).toEqual({ total: 0, items: [] });
    });

    it('should find only pupils of the caller\'s school, even when another school is asked for', async () => {
      const own = await list({ filter: { search: 'Müller' } });
      const foreign = await list({ filter: { search: 'Müller', schoolId: otherSchoolId } });

      expect(own.total).toBe(1);
      expect(own.items.map((p) => p.firstName)).toEqual(['Anna']);
      expect(foreign).toEqual({ total: 0, items: [] });
    });
  });

  describe('sorting', () => {
    const names = async (sort: Record<string, unknown> | undefined) => (await list({ filter: {}, sort })).items.map((p) => p.firstName);

    it('without a sort → should list by last name', async () => {
      expect(await names(undefined)).toEqual(['Dora', 'Clara', 'Anna', 'Ben', 'Emil']);
    });

    it.each([
      [{ field: 'FIRST_NAME', direction: 'DESC' }, ['Emil', 'Dora', 'Clara', 'Ben', 'Anna']],
      [{ field: 'BIRTH_DATE', direction: 'ASC' }, ['Ben', 'Anna', 'Emil', 'Dora', 'Clara']],
      [{ field: 'LAST_NAME', direction: 'DESC' }, ['Emil', 'Ben', 'Anna', 'Clara', 'Dora']],
      // By grade, then class name, then last name; pupils without a class last.
      [{ field: 'CLASS', direction: 'ASC' }, ['Clara', 'Anna', 'Emil', 'Ben', 'Dora']],
    ])('when sorted by %j → should list in that order', async (sort, expected) => {
      expect(await names(sort)).toEqual(expected);
    });
  });

  describe('paging', () => {
    it('should return the requested slice and the total of all matches', async () => {
      const page = await list({ filter: {}, sort: { field: 'FIRST_NAME', direction: 'ASC' }, page: { offset: 1, limit: 2 } });

      expect(page.total).toBe(5);
      expect(page.items.map((p) => p.firstName)).toEqual(['Ben', 'Clara']);
    });

    it('when the offset is past the end → should return no items but the total', async () => {
      expect(await list({ filter: {}, page: { offset: 10, limit: 2 } })).toEqual({ total: 5, items: [] });
    });

    it('when searching with paging → should count all matches, not just the page', async () => {
      const page = await list({ filter: { search: 'er' }, sort: { field: 'LAST_NAME', direction: 'ASC' }, page: { offset: 0, limit: 1 } });

      expect(page.items).toHaveLength(1);
      expect(page.total).toBeGreaterThan(1);
    });

    it('when the offset is negative → should answer BAD_USER_INPUT on page.offset', async () => {
      const result = await secretariat.gql(PUPILS, { filter: {}, page: { offset: -1, limit: 10 } });

      expect(firstError(result)).toEqual(expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'page.offset' }));
    });
  });
});
