import type { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import { loadConfig } from '../src/config/app.config';
import { createServer, RunningServer } from '../src/server';
import { embeddedTemplate } from './embedded-template';
import { createTestDatabaseUrl } from './test-database';

export interface GraphqlResponse<T = Record<string, any>> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string; field?: string; [key: string]: unknown } }[];
}

/** A GraphQL client that keeps the session cookie like a browser would. */
export class TestClient {
  cookie: string | undefined;

  constructor(readonly baseUrl: string) {}

  async gql<T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}): Promise<GraphqlResponse<T>> {
    const response = await fetch(`${this.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(this.cookie ? { cookie: this.cookie } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0];
    return (await response.json()) as GraphqlResponse<T>;
  }

  /** Like gql, but fails the test on any GraphQL error. */
  async ok<T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const result = await this.gql<T>(query, variables);
    if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
    return result.data as T;
  }

  /** A GraphQL multipart request (file upload spec): `files` become the variable `filesVariable`. */
  async upload<T = Record<string, any>>(query: string, variables: Record<string, unknown>, files: { name: string; bytes: Uint8Array }[], filesVariable = 'files'): Promise<GraphqlResponse<T>> {
    const form = new FormData();
    form.append('operations', JSON.stringify({ query, variables: { ...variables, [filesVariable]: files.map(() => null) } }));
    form.append('map', JSON.stringify(Object.fromEntries(files.map((_, i) => [String(i), [`variables.${filesVariable}.${i}`]]))));
    files.forEach((file, i) => form.append(String(i), new Blob([file.bytes]), file.name));
    const response = await fetch(`${this.baseUrl}/graphql`, {
      method: 'POST', body: form,
      // Apollo's CSRF prevention lets multipart requests through only with this header.
      headers: { 'apollo-require-preflight': 'true', ...(this.cookie ? { cookie: this.cookie } : {}) },
    });
    return (await response.json()) as GraphqlResponse<T>;
  }

  get(path: string): Promise<Response> {
    return fetch(`${this.baseUrl}${path}`, { headers: this.cookie ? { cookie: this.cookie } : {} });
  }

  async signIn(username: string, password = 'Schule2026!'): Promise<this> {
    await this.ok(`mutation($input: SignInInput!) { signIn(input: $input) { personId } }`, { input: { username, password } });
    return this;
  }
}

export interface TestApp {
  url: string;
  dataSource: DataSource;
  server: RunningServer;
  client(): TestClient;
  as(username: string, password?: string): Promise<TestClient>;
  close(): Promise<void>;
}

/** Starts the real server (HTTP on a random port) on a fresh database. */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const databaseUrl = await createTestDatabaseUrl();
  const config = loadConfig({
    LOG_LEVEL: 'silent', DATA_DIR: 'memory://', CLIENT_DIST: '/nonexistent', DEMO_DATA: 'false', GRAPHQL_EMIT_SCHEMA: 'false',
    LOGIN_MAX_FAILURES: '50', ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}), ...env,
  });
  if (!databaseUrl) config.database.embeddedTemplate = await embeddedTemplate();
  const server = await createServer(config);
  await server.app.listen(0, '127.0.0.1');
  const { port } = server.app.getHttpServer().address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    url, server, dataSource: server.db.dataSource,
    client: () => new TestClient(url),
    as: (username, password) => new TestClient(url).signIn(username, password),
    close: () => server.close(),
  };
}
