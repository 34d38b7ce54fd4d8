import { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { AppError, ErrorCode } from './app-error';
import { logger } from '../logging/logger';

// HTTP status that goes with each code, for logs and for REST endpoints.
export function httpStatusOf(code: ErrorCode): number {
  switch (code) {
    case 'UNAUTHENTICATED': return 401;
    case 'FORBIDDEN': return 403;
    case 'NOT_FOUND': return 404;
    case 'BAD_USER_INPUT': return 400;
    case 'CONFLICT': return 409;
    case 'TOO_MANY_REQUESTS': return 429;
  }
}

/** The one place where errors become GraphQL errors. Unknown errors are logged and hidden. */
export function formatGraphqlError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (original instanceof AppError) {
    return {
      message: original.message,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: original.code, ...original.details },
    };
  }
  const code = formatted.extensions?.code;
  // Apollo's own codes (GRAPHQL_PARSE_FAILED, GRAPHQL_VALIDATION_FAILED, BAD_USER_INPUT for bad variables).
  if (typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR') {
    return { ...formatted, extensions: { code: code === 'GRAPHQL_VALIDATION_FAILED' ? 'BAD_USER_INPUT' : code, apolloCode: code } };
  }
  logger.error({ err: original }, 'unexpected error in GraphQL resolver');
  return { message: 'Interner Fehler. Bitte versuchen Sie es später erneut.', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}
