import { CombinedError } from '@urql/core';
import { badInputMessageOf } from './errors';

const failure = (message: string, extensions: Record<string, unknown>) => new CombinedError({ graphQLErrors: [{ message, extensions }] });

describe('badInputMessageOf', () => {
  it('should give the server\'s message of rejected input, naming file and line', () => {
    const error = failure('GPU001.TXT Zeile 1, Feld 6: „9“ ist kein Wochentag', { code: 'BAD_USER_INPUT', field: 'files', file: 'GPU001.TXT' });

    expect(badInputMessageOf(error)).toBe('GPU001.TXT Zeile 1, Feld 6: „9“ ist kein Wochentag');
  });

  it('when the message starts with the argument path → should drop it before a whole sentence only', () => {
    expect(badInputMessageOf(failure('validFrom: Kein Schuljahr der Schule umfasst den 2030-01-01.', { code: 'BAD_USER_INPUT', field: 'validFrom' })))
      .toBe('Kein Schuljahr der Schule umfasst den 2030-01-01.');
    expect(badInputMessageOf(failure('options.validFrom: hat einen ungültigen Wert', { code: 'BAD_USER_INPUT', field: 'options.validFrom' })))
      .toBe('options.validFrom: hat einen ungültigen Wert');
  });

  it('when the request failed otherwise → should give nothing (the caller maps the code)', () => {
    expect(badInputMessageOf(failure('Sie haben keine Berechtigung.', { code: 'FORBIDDEN' }))).toBeUndefined();
    expect(badInputMessageOf(new Error('offline'))).toBeUndefined();
  });
});
