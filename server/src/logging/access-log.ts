import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';

/**
 * One JSON line per request (method, URL, status, time) with a request id, taken from the proxy's
 * X-Request-Id or made here, and sent back. Cookies and tokens are redacted by the logger.
 */
export function accessLog(logger: Logger) {
  return pinoHttp({
    logger,
    genReqId: (req, res) => {
      const id = (req.headers['x-request-id'] as string | undefined) ?? randomUUID();
      res.setHeader('x-request-id', id);
      return id;
    },
    autoLogging: { ignore: (req) => req.url === '/health' },
    // A calendar feed's URL holds its secret token: the access log must not.
    serializers: { req: (req: { url?: string }) => ({ ...req, url: req.url?.replace(/^\/ical\/[^/?]+/, '/ical/…') }) },
  });
}
