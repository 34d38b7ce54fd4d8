import { CombinedError } from '@urql/core';

// The server refuses portal reports with precise German messages: a whole sentence (an overlapping
// entry, with when and who reported it) or a rule about one field ("input.startsOn: darf nicht in
// der Vergangenheit liegen"). Parents should read neither argument paths nor a generic "invalid
// input": a field's rule is shown with the form's own label for that field.

function firstErrorWith(error: unknown, codes: readonly string[]) {
  if (!(error instanceof CombinedError)) return undefined;
  return error.graphQLErrors.find((e) => codes.includes(String(e.extensions?.code)));
}

/** The field path of rejected input ("input.startsOn"), if the server named one. */
export function refusedField(error: unknown): string | undefined {
  const field = firstErrorWith(error, ['BAD_USER_INPUT'])?.extensions.field;
  return typeof field === 'string' ? field : undefined;
}

/**
 * The server's message for rejected input or a missing right, readable without field paths; undefined
 * for other failures (network, conflicts), which the generic messages cover.
 */
export function refusalMessage(error: unknown, fieldLabels: Readonly<Record<string, string>>): string | undefined {
  const failure = firstErrorWith(error, ['BAD_USER_INPUT', 'FORBIDDEN']);
  if (!failure) return undefined;
  const field = failure.extensions.field;
  if (typeof field !== 'string' || !failure.message.startsWith(`${field}: `)) return failure.message;
  const rule = failure.message.slice(field.length + 2);
  if (/^\p{Lu}/u.test(rule)) return rule;
  const label = fieldLabels[field];
  return label ? `${label}: ${rule}` : failure.message;
}
