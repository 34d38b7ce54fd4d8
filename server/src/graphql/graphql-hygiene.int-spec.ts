import { loadConfig } from '../config/app.config';
import { startTestApp, TestApp, TestClient } from '../../test/test-app';
import { given, TEST_PASSWORD } from '../../test/given';
import { firstError } from '../../test/inspect';

// Limits on what one operation may ask for: too deep or too costly is refused before any resolver
// runs (BAD_USER_INPUT, no data); operations within the limits are answered normally.

const MAX_DEPTH = loadConfig({}).graphql.maxDepth;

/** pupils → items → guardianships → pupil → guardianships → … with its leaf field at `depth`. */
function nestedPupilsQuery(depth: number): string {
  const path = ['pupils(filter: {})', 'items'];
  while (path.length < depth) path.push(path.length % 2 === 0 ? 'guardianships' : 'pupil');
  return `{ ${path.map((field) => `${field} {`).join(' ')} id ${'}'.repeat(path.length)} }`;
}

describe('GraphQL limits', () => {
  let app: TestApp;
  let secretariat: TestClient;
  let pupilId: string;

  beforeAll(async () => {
    app = await startTestApp();
    const g = given(app.dataSource);
    const { school, year } = await g.school();
    const { pupil } = await g.pupil(school.id, year.id, null);
    await g.guardianship(pupil, (await g.person()).id);
    pupilId = pupil.id;
    await g.staff(school.id, 'SECRETARIAT', 'sekretariat');
    secretariat = await app.as('sekretariat', TEST_PASSWORD);
  });

  afterAll(() => app.close());

  describe('query depth', () => {
    it(`when a query nests deeper than GRAPHQL_MAX_DEPTH (${MAX_DEPTH}) → should answer BAD_USER_INPUT and no data`, async () => {
      const result = await secretariat.gql(nestedPupilsQuery(MAX_DEPTH + 1));

      expect(firstError(result)?.code).toBe('BAD_USER_INPUT');
      expect(firstError(result)?.message).toBe(`Die Abfrage ist zu tief verschachtelt: erlaubt sind höchstens ${MAX_DEPTH} Ebenen.`);
      expect(result.errors?.[0].extensions?.apolloCode).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(result.data).toBeUndefined();
    });

    it('when a query nests exactly to the limit → should answer it', async () => {
      const result = await secretariat.gql(nestedPupilsQuery(MAX_DEPTH));

      expect(result.errors).toBeUndefined();
      expect(result.data?.pupils.items).toEqual([
        { guardianships: [{ pupil: { guardianships: [{ pupil: { guardianships: [{ pupil: { id: pupilId } }] } }] } }] },
      ]);
    });

    it('when fragments hide the nesting → should still count it', async () => {
      const query = `
        query { pupils(filter: {}) { items { ...Links } } }
        fragment Links on Pupil { guardianships { pupil { guardianships { pupil { guardianships { pupil { guardianships { id } } } } } } } }`;

      const result = await secretariat.gql(query);

      expect(firstError(result)?.code).toBe('BAD_USER_INPUT');
      expect(result.data).toBeUndefined();
    });
  });

  describe('malformed operations', () => {
    it('when a field does not exist → should answer BAD_USER_INPUT', async () => {
      const result = await secretariat.gql(`{ pupils(filter: {}) { items { passwordHash } } }`);

      expect(firstError(result)?.code).toBe('BAD_USER_INPUT');
      expect(result.data).toBeUndefined();
    });

    it('when an inline argument has the wrong type → should answer BAD_USER_INPUT', async () => {
      const result = await secretariat.gql(`{ pupils(filter: {}, page: { limit: "viele" }) { total } }`);

      expect(firstError(result)?.code).toBe('BAD_USER_INPUT');
      expect(result.data).toBeUndefined();
    });

    it('when the document does not parse → should answer GRAPHQL_PARSE_FAILED', async () => {
      const result = await secretariat.gql(`{ pupils(filter: {}) { total }`);

      expect(firstError(result)?.code).toBe('GRAPHQL_PARSE_FAILED');
    });
  });

  describe('query complexity', () => {
    let strictApp: TestApp;
    let client: TestClient;

    beforeAll(async () => {
      strictApp = await startTestApp({ GRAPHQL_MAX_COMPLEXITY: '10' });
      const g = given(strictApp.dataSource);
      const { school } = await g.school();
      await g.staff(school.id, 'SECRETARIAT', 'sekretariat');
      client = await strictApp.as('sekretariat', TEST_PASSWORD);
    });

    afterAll(() => strictApp.close());

    it('when an operation costs more than GRAPHQL_MAX_COMPLEXITY → should answer BAD_USER_INPUT before resolving anything', async () => {
      const fields = Array.from({ length: 12 }, (_, i) => `a${i}: __typename`).join(' ');

      const result = await client.gql(`{ me { username } ${fields} }`);

      expect(firstError(result)).toEqual(expect.objectContaining({ code: 'BAD_USER_INPUT', rule: 'max_complexity' }));
      expect(result.data).toBeUndefined();
    });

    it('when an operation stays within the limit → should answer it', async () => {
      const result = await client.gql(`{ me { username } }`);

      expect(result.errors).toBeUndefined();
      expect(result.data?.me.username).toBe('sekretariat');
    });
  });
});
