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
