import pino from 'pino';

// Structured JSON logs. The level is set from config at boot (setLogLevel); ids and actions go into
// fields, not into the message.
export const logger = pino({ level: 'info', base: { service: 'schulverwaltung' } });

export function setLogLevel(level: string) {
  logger.level = level;
}
