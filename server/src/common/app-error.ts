// One error type for the whole API; its code is mapped to GraphQL extensions.code in one place
// (graphql-error.formatter.ts). Messages are German: they reach the user.

export const ERROR_CODES = [
  'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'BAD_USER_INPUT', 'CONFLICT', 'TOO_MANY_REQUESTS',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorDetails {
  /** Path of the offending argument, e.g. "input.birthDate". */
  field?: string;
  /** Machine-readable rule that failed, e.g. "too_small". */
  rule?: string;
  [key: string]: unknown;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: ErrorDetails = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'AppError';
  }
}

export const unauthenticated = () => new AppError('UNAUTHENTICATED', 'Bitte melden Sie sich an.');
export const forbidden = (what = 'diese Aktion') => new AppError('FORBIDDEN', `Sie haben keine Berechtigung für ${what}.`);
/** Also used for records outside the caller's scope, so that their existence does not leak. */
export const notFound = (entity: string, id?: string) =>
  new AppError('NOT_FOUND', `${entity} wurde nicht gefunden.`, id ? { id } : {});
export const conflict = (entity: string, expected: number, actual?: number) =>
  new AppError(
    'CONFLICT',
    `${entity} wurde inzwischen von jemand anderem geändert. Bitte laden Sie die Daten neu und versuchen Sie es erneut.`,
    { expectedVersion: expected, actualVersion: actual },
  );
export const badInput = (field: string, message: string, rule?: string) =>
  new AppError('BAD_USER_INPUT', `${field}: ${message}`, { field, rule });
