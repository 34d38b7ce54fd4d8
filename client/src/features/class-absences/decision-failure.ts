import { CombinedError } from '@urql/core';
import { badInputMessageOf, errorCodeOf } from '@/api/errors';

// What went wrong with a decision (excuse, unexcused, sick note, certificate, leave, conflict):
// - CONFLICT: someone changed the entry meanwhile → say so and reload the list;
// - a refusal (BAD_USER_INPUT, or FORBIDDEN beyond the class teacher's limit): the server's own
//   German sentence, which names the pupil and the entry (all-or-none batches stop at the first);
// - anything else: the generic message for its code.

export type DecisionFailure =
  | { kind: 'conflict' }
  | { kind: 'refused'; message: string; absenceId: string | null }
  | { kind: 'other'; error: unknown };

function serverMessage(error: CombinedError, code: string): { message: string; absenceId: string | null } | null {
  const failure = error.graphQLErrors.find((e) => e.extensions?.code === code);
  if (!failure) return null;
  const absenceId = typeof failure.extensions.absenceId === 'string' ? failure.extensions.absenceId : null;
  const message = code === 'BAD_USER_INPUT' ? badInputMessageOf(error) ?? failure.message : failure.message;
  return { message, absenceId };
}

export function decisionFailure(error: unknown): DecisionFailure {
  const code = errorCodeOf(error);
  if (code === 'CONFLICT') return { kind: 'conflict' };
  if (error instanceof CombinedError && (code === 'BAD_USER_INPUT' || code === 'FORBIDDEN')) {
    const refusal = serverMessage(error, code);
    if (refusal) return { kind: 'refused', ...refusal };
  }
  return { kind: 'other', error };
}
