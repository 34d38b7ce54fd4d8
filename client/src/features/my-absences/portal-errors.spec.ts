import { CombinedError } from '@urql/core';
import { GraphQLError } from 'graphql';
import { refusalMessage, refusedField } from './portal-errors';

const failure = (code: string, message: string, extra: Record<string, unknown> = {}) =>
  new CombinedError({ graphQLErrors: [new GraphQLError(message, { extensions: { code, ...extra } })] });
const LABELS = { 'input.startsOn': 'Erster Tag', 'input.endsOn': 'Letzter Tag' };

describe('portal refusals', () => {
  it('a rule about a field → with the form\'s label instead of the argument path', () => {
    const error = failure('BAD_USER_INPUT', 'input.startsOn: im Zeitraum liegt kein Schultag (Wochenende, Ferien oder unterrichtsfrei)', { field: 'input.startsOn' });

    expect(refusalMessage(error, LABELS)).toBe('Erster Tag: im Zeitraum liegt kein Schultag (Wochenende, Ferien oder unterrichtsfrei)');
    expect(refusedField(error)).toBe('input.startsOn');
  });

  it('a whole sentence (an overlapping entry) → as the server wrote it', () => {
    const sentence = 'Für Lukas Schröder ist am 30.11.2026 (ganztägig) bereits eine Fehlzeit eingetragen: „krank“. Zeiträume dürfen sich nicht überschneiden.';

    expect(refusalMessage(failure('BAD_USER_INPUT', sentence, { field: 'input.startsOn' }), LABELS)).toBe(sentence);
  });

  it('a field without a label → the server\'s message unchanged', () => {
    expect(refusalMessage(failure('BAD_USER_INPUT', 'input.note: ist zu lang', { field: 'input.note' }), LABELS)).toBe('input.note: ist zu lang');
  });

  it('a missing right → the server\'s message; other failures → undefined', () => {
    expect(refusalMessage(failure('FORBIDDEN', 'Sie haben keine Berechtigung für Krankmeldungen.'), LABELS)).toBe('Sie haben keine Berechtigung für Krankmeldungen.');
    expect(refusalMessage(failure('CONFLICT', 'geändert'), LABELS)).toBeUndefined();
    expect(refusalMessage(new Error('x'), LABELS)).toBeUndefined();
    expect(refusedField(failure('FORBIDDEN', 'nein'))).toBeUndefined();
  });
});
