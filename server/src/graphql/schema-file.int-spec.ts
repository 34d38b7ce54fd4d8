import { readFileSync } from 'node:fs';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { SCHEMA_FILE } from './graphql.options';
import { startTestApp, TestApp } from '../../test/test-app';

// The client's operations are typed from the committed schema file; it must match the code.
describe('server/schema.gql', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });

  afterAll(() => app.close());

  it('should equal the schema the resolvers build (run the server once to regenerate it)', () => {
    const schema = app.server.app.get(GraphQLSchemaHost).schema;
    const committed = readFileSync(SCHEMA_FILE, 'utf8').replace(/^#.*\n/gm, '').trim();

    expect(printSchema(lexicographicSortSchema(schema)).trim()).toBe(committed);
  });
});
