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

type VariableRule = 'invalid_value' | 'required' | 'unknown_field';
const VARIABLE_RULE_MESSAGES: Record<VariableRule, string> = {
  invalid_value: 'hat einen ungültigen Wert',
  required: 'ist erforderlich',
  unknown_field: 'ist kein bekanntes Feld',
};

/**
 * graphql-js names a variable that failed coercion only in its message, e.g.
 * 'Variable "$input" got invalid value "2026-02-30" at "input.birthDate"; Value is not a valid LocalDate: …'.
 * The field path (from the variable's name, which clients give the argument's name) and the rule
 * become extensions like those of the zod validation, so the client can mark the form field.
 */
export function variableProblemOf(message: string): { field: string; rule: VariableRule } | undefined {
  const missing = /^Variable "\$(\w+)" (?:of required type .* was not provided|of non-null type .* must not be null)\.$/.exec(message);
  if (missing) return { field: missing[1], rule: 'required' };
  const invalid = /^Variable "\$(\w+)" got invalid value .*?(?: at "([\w.[\]]+)")?; (.*)$/s.exec(message);
  if (!invalid) return undefined;
  const field = (invalid[2] ?? invalid[1]).replace(/\[(\d+)\]/g, '.$1'); // input.contacts[0] → input.contacts.0, as zod paths
  const inner = /^Field "(\w+)" (of required type .* was not provided|is not defined by type)/.exec(invalid[3]);
  if (!inner) return { field, rule: 'invalid_value' };
  return { field: `${field}.${inner[1]}`, rule: inner[2].startsWith('of required') ? 'required' : 'unknown_field' };
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
    const problem = code === 'BAD_USER_INPUT' ? variableProblemOf(formatted.message) : undefined;
    if (problem) {
      return {
        message: `${problem.field}: ${VARIABLE_RULE_MESSAGES[problem.rule]}`, locations: formatted.locations,
        extensions: { code, field: problem.field, rule: problem.rule, detail: formatted.message, apolloCode: code },
      };
    }
    const rule = formatted.extensions?.rule; // e.g. max_complexity from the complexity plugin
    return {
      ...formatted,
      extensions: { code: code === 'GRAPHQL_VALIDATION_FAILED' ? 'BAD_USER_INPUT' : code, ...(typeof rule === 'string' ? { rule } : {}), apolloCode: code },
    };
  }
  logger.error({ err: original }, 'unexpected error in GraphQL resolver');
  return { message: 'Interner Fehler. Bitte versuchen Sie es später erneut.', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}
