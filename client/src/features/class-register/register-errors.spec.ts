import { CombinedError } from '@urql/core';
import { GraphQLError } from 'graphql';
import { asSentence, saveProblemOf } from './register-errors';

const failed = (code: string, message: string, field?: string) =>
  new CombinedError({ graphQLErrors: [new GraphQLError(message, { extensions: { code, ...(field ? { field } : {}) } })] });

describe('saveProblemOf', () => {
  it('puts the topic rule at the topic field', () => {
    expect(saveProblemOf(failed('BAD_USER_INPUT', 'input.topic: ist in dieser Jahrgangsstufe erforderlich', 'input.topic')))
      .toEqual({ kind: 'field', field: 'topic', message: 'ist in dieser Jahrgangsstufe erforderlich' });
  });

  it('finds the pupil of an attendance rule', () => {
    expect(saveProblemOf(failed('BAD_USER_INPUT', 'input.attendance.3.pupilId: gehört nicht zu den Lerngruppen dieser Stunde', 'input.attendance.3.pupilId')))
      .toEqual({ kind: 'pupil', index: 3, message: 'gehört nicht zu den Lerngruppen dieser Stunde' });
  });

  it('turns other input rules into a sentence above the form', () => {
    expect(saveProblemOf(failed('BAD_USER_INPUT', 'input.date: das Klassenbuch wird für gehaltene Stunden geführt, nicht im Voraus', 'input.date')))
      .toEqual({ kind: 'general', message: 'Das Klassenbuch wird für gehaltene Stunden geführt, nicht im Voraus.' });
  });

  it('shows the server\'s refusal of someone else\'s lesson', () => {
    const message = 'Sie haben keine Berechtigung für das Führen des Klassenbuchs in dieser Stunde.';
    expect(saveProblemOf(failed('FORBIDDEN', message))).toEqual({ kind: 'general', message });
  });

  it('recognises a stale version', () => {
    expect(saveProblemOf(failed('CONFLICT', 'Der Klassenbucheintrag wurde inzwischen … geändert.'))).toEqual({ kind: 'conflict' });
  });

  it('leaves network and server failures to the common messages', () => {
    const network = new CombinedError({ networkError: new Error('offline') });
    expect(saveProblemOf(network)).toEqual({ kind: 'other', error: network });
    expect(saveProblemOf(failed('INTERNAL_SERVER_ERROR', 'boom')).kind).toBe('other');
  });
});

describe('asSentence', () => {
  it('capitalises and ends with a full stop once', () => {
    expect(asSentence('die Stunde fällt an diesem Tag aus')).toBe('Die Stunde fällt an diesem Tag aus.');
    expect(asSentence('Schon ein Satz.')).toBe('Schon ein Satz.');
    expect(asSentence('')).toBe('');
  });
});
