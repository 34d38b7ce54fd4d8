import { startTestApp, TestApp } from '../../test/test-app';
import { given, TEST_PASSWORD } from '../../test/given';

const SIGN_IN = `mutation($input: SignInInput!) { signIn(input: $input) { username displayName session } }`;
const ME = `{ me { username } }`;

describe('sign-in', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ LOGIN_MAX_FAILURES: '3' });
    const { school } = await given(app.dataSource).school();
    await given(app.dataSource).staff(school.id, 'SECRETARIAT', 'sekretariat');
    await given(app.dataSource).staff(school.id, 'TEACHER', 'gesperrt');
  });

  afterAll(() => app.close());

  describe('signIn', () => {
    it('when the password is right → should set an httpOnly SameSite cookie and return the session facts', async () => {
      const client = app.client();
      const response = await fetch(`${app.url}/graphql`, {
        method: 'POST', headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: SIGN_IN, variables: { input: { username: 'Sekretariat', password: TEST_PASSWORD } } }),
      });
      const body = (await response.json()) as any;

      expect(body.data.signIn.username).toBe('sekretariat');
      expect(body.data.signIn.session.schoolRoles).toEqual([expect.objectContaining({ role: 'SECRETARIAT' })]);
      const cookie = response.headers.get('set-cookie') ?? '';
      expect(cookie).toMatch(/^sv_session=/);
      expect(cookie).toMatch(/HttpOnly/i);
      expect(cookie).toMatch(/SameSite=Lax/i);
      client.cookie = cookie.split(';')[0];
      expect((await client.ok(ME)).me.username).toBe('sekretariat');
    });

    it('when the password is wrong → should answer UNAUTHENTICATED and set no cookie', async () => {
      const client = app.client();

      const result = await client.gql(SIGN_IN, { input: { username: 'sekretariat', password: 'falsch' } });

      expect(result.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      expect(client.cookie).toBeUndefined();
    });

    it('when a username failed too often → should answer TOO_MANY_REQUESTS even with the right password', async () => {
      const client = app.client();
      for (let i = 0; i < 3; i++) await client.gql(SIGN_IN, { input: { username: 'gesperrt', password: 'falsch' } });

      const result = await client.gql(SIGN_IN, { input: { username: 'gesperrt', password: TEST_PASSWORD } });

      expect(result.errors?.[0].extensions?.code).toBe('TOO_MANY_REQUESTS');
    });
  });

  describe('signOut', () => {
    it('should end the session so the cookie no longer signs in', async () => {
      const client = await app.as('sekretariat', TEST_PASSWORD);
      const cookie = client.cookie;

      await client.ok(`mutation { signOut }`);
      client.cookie = cookie;

      expect((await client.ok(ME)).me).toBeNull();
    });
  });

  describe('protected queries', () => {
    it('without a session → should answer UNAUTHENTICATED', async () => {
      const result = await app.client().gql(`{ schools { total } }`);

      expect(result.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    });
  });
});
