import { z } from 'zod';
import { badInput } from './app-error';

/**
 * Validates a mutation's input with the shared zod schema (the same one the client form uses).
 * The first problem becomes BAD_USER_INPUT naming the field and the rule; nothing is written.
 */
export function parseInput<T extends z.ZodType>(schema: T, value: unknown, argumentName = 'input'): z.infer<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = [argumentName, ...issue.path.map(String)].join('.');
  throw badInput(field, issue.message, issue.code);
}
