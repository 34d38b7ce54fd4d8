import pino, { DestinationStream } from 'pino';

// Structured JSON logs. The level is set from config at boot (setLogLevel); ids and actions go into
// fields, not into the message.

/**
 * What a log line must never hold: the session cookie and bearer tokens a request carries, and the
 * cookie a response sets (the access log would otherwise let anyone reading it sign in as others).
 */
export const REDACTED_PATHS = [
  'req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]',
];

export function createLogger(destination?: DestinationStream) {
  const options = { level: 'info', base: { service: 'schulverwaltung' }, redact: { paths: REDACTED_PATHS, censor: '[entfernt]' } };
  return destination ? pino(options, destination) : pino(options);
}

export const logger = createLogger();

export function setLogLevel(level: string) {
  logger.level = level;
}
