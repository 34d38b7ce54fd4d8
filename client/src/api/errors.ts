import { CombinedError } from '@urql/core';

// Codes the server puts into extensions.code, plus two the client derives itself.
export const API_ERROR_CODES = [
  'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'BAD_USER_INPUT', 'CONFLICT', 'TOO_MANY_REQUESTS',
  'INTERNAL_SERVER_ERROR', 'NETWORK_ERROR', 'UNKNOWN',
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

const isApiErrorCode = (value: unknown): value is ApiErrorCode =>
  typeof value === 'string' && (API_ERROR_CODES as readonly string[]).includes(value);

function httpStatusOf(error: CombinedError): number | undefined {
  const response = error.response as { status?: number } | undefined;
  return response?.status;
}

/** The first meaningful error code of a failed request; unknown codes collapse to UNKNOWN. */
export function errorCodeOf(error: unknown): ApiErrorCode {
  if (!error) return 'UNKNOWN';
  if (error instanceof CombinedError) {
    const code = error.graphQLErrors.map((e) => e.extensions?.code).find((c) => c !== undefined);
    if (isApiErrorCode(code)) return code;
    // A rate limiter in front of GraphQL may answer with a bare 429.
    if (httpStatusOf(error) === 429) return 'TOO_MANY_REQUESTS';
    if (error.networkError) return 'NETWORK_ERROR';
    return 'UNKNOWN';
  }
  const code = (error as { code?: unknown }).code;
  return isApiErrorCode(code) ? code : 'UNKNOWN';
}

export function hasErrorCode(error: unknown, code: ApiErrorCode): boolean {
  return errorCodeOf(error) === code;
}

/**
 * The server's own message for rejected input (German; an import names file, line and field),
 * or undefined for other failures. A leading argument path ("files: Die Datei …") is dropped
 * when a whole sentence follows; a bare rule ("options.validFrom: ist erforderlich") keeps it.
 */
export function badInputMessageOf(error: unknown): string | undefined {
  if (!(error instanceof CombinedError)) return undefined;
  const failure = error.graphQLErrors.find((e) => e.extensions?.code === 'BAD_USER_INPUT');
  if (!failure) return undefined;
  const field = failure.extensions.field;
  const prefix = typeof field === 'string' ? `${field}: ` : undefined;
  const rest = prefix && failure.message.startsWith(prefix) ? failure.message.slice(prefix.length) : undefined;
  return rest && /^\p{Lu}/u.test(rest) ? rest : failure.message;
}
