import { CombinedError } from '@urql/core';

// What went wrong when saving a register entry, so the page can put the server's German message
// where it belongs: at the topic or homework field, at a pupil, or above the form. A stale version
// (CONFLICT) is its own case: the page reloads the lesson.

export type SaveProblem =
  | { kind: 'conflict' }
  | { kind: 'field'; field: 'topic' | 'homework'; message: string }
  | { kind: 'pupil'; index: number; message: string }
  | { kind: 'general'; message: string }
  | { kind: 'other'; error: unknown };

const FIELD_PATTERN = /^input\.(topic|homework)$/;
const PUPIL_PATTERN = /^input\.attendance\.(\d+)(\.|$)/;

/** "input.topic: ist erforderlich" → "ist erforderlich" (the field is named by the page). */
function withoutField(message: string, field: string): string {
  const prefix = `${field}: `;
  return message.startsWith(prefix) ? message.slice(prefix.length) : message;
}

/** A rule as a sentence: "die Stunde fällt aus" → "Die Stunde fällt aus." */
export function asSentence(text: string): string {
  const trimmed = text.trim();
  if (!trimmed) return trimmed;
  const capitalised = trimmed[0].toLocaleUpperCase('de-DE') + trimmed.slice(1);
  return /[.!?]$/.test(capitalised) ? capitalised : `${capitalised}.`;
}

export function saveProblemOf(error: unknown): SaveProblem {
  if (!(error instanceof CombinedError)) return { kind: 'other', error };
  const failure = error.graphQLErrors.find((e) => e.extensions?.code !== undefined);
  const code = failure?.extensions.code;
  if (code === 'CONFLICT') return { kind: 'conflict' };
  // The server's refusals are German and specific (not your lesson, cancelled, not in advance).
  if (code === 'FORBIDDEN') return { kind: 'general', message: failure!.message };
  if (code !== 'BAD_USER_INPUT') return { kind: 'other', error };
  const field = typeof failure!.extensions.field === 'string' ? failure!.extensions.field : '';
  const message = withoutField(failure!.message, field);
  const fieldMatch = FIELD_PATTERN.exec(field);
  if (fieldMatch) return { kind: 'field', field: fieldMatch[1] as 'topic' | 'homework', message };
  const pupilMatch = PUPIL_PATTERN.exec(field);
  if (pupilMatch) return { kind: 'pupil', index: Number(pupilMatch[1]), message };
  return { kind: 'general', message: asSentence(message) };
}
