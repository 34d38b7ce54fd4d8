import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { accessLog } from './access-log';
import { createLogger } from './logger';

// The access log is read by operators and shipped to log stores: it must not let its reader sign in
// as someone else (session cookie, bearer token) or open someone's calendar feed (its URL token).

describe('access log', () => {
  let server: Server;
  let lines: string[];
  let base: string;

  beforeAll(async () => {
    lines = [];
    const sink = new Writable({ write(chunk, _encoding, done) { lines.push(String(chunk)); done(); } });
    const log = accessLog(createLogger(sink));
    server = createServer((req, res) => log(req, res, () => {
      res.setHeader('set-cookie', 'sv_session=NEW-SECRET-TOKEN; HttpOnly');
      res.end('ok');
    }));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise((resolve) => server.close(resolve)));

  const lastLine = async (path: string, headers: Record<string, string>) => {
    lines.length = 0;
    await (await fetch(`${base}${path}`, { headers })).text();
    await new Promise((resolve) => setImmediate(resolve));
    return lines.join('');
  };

  it('should log the request without its session cookie, bearer token or the cookie it sets', async () => {
    const line = await lastLine('/graphql', { cookie: 'sv_session=OLD-SECRET-TOKEN', authorization: 'Bearer BEARER-SECRET' });

    expect(JSON.parse(line)).toEqual(expect.objectContaining({ req: expect.objectContaining({ method: 'GET', url: '/graphql' }) }));
    expect(line).not.toMatch(/SECRET/);
    expect(line).toContain('[entfernt]');
  });

  it('should log a calendar feed fetch without the token in its URL', async () => {
    const line = await lastLine('/ical/FEED-SECRET-TOKEN.ics', {});

    expect(line).not.toMatch(/FEED-SECRET/);
    expect(JSON.parse(line).req.url).toBe('/ical/…');
  });

  it('should give each request an id, the proxy\'s when it sends one', async () => {
    const line = await lastLine('/x', { 'x-request-id': 'proxy-42' });

    expect(JSON.parse(line).req.id).toBe('proxy-42');
  });
});
