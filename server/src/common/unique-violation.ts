import { QueryFailedError } from 'typeorm';
import { AppError } from './app-error';

/**
 * Turns a unique-constraint violation into BAD_USER_INPUT naming the field; anything else is rethrown.
 * `fields` maps constraint (index) names to [field path, German message].
 */
export async function withUniqueFields<T>(work: () => Promise<T>, fields: Record<string, [string, string]>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const driverError = error instanceof QueryFailedError ? (error.driverError as { code?: string; constraint?: string }) : undefined;
    const known = driverError?.code === '23505' && driverError.constraint ? fields[driverError.constraint] : undefined;
    if (known) throw new AppError('BAD_USER_INPUT', `${known[0]}: ${known[1]}`, { field: known[0], rule: 'unique' }, { cause: error });
    throw error;
  }
}
