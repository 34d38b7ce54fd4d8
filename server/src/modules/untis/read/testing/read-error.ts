import { UntisReadError } from '../untis-export';

/** The UntisReadError that `run` throws (any other error, or none, fails the test). */
export function readError(run: () => unknown): UntisReadError {
  try {
    run();
  } catch (error) {
    if (error instanceof UntisReadError) return error;
    throw error;
  }
  throw new Error('expected an UntisReadError');
}
