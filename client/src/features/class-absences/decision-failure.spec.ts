import { CombinedError } from '@urql/core';
import { GraphQLError } from 'graphql';
import { decisionFailure } from './decision-failure';

const failed = (message: string, extensions: Record<string, unknown>) =>
  new CombinedError({ graphQLErrors: [new GraphQLError(message, { extensions })] });

describe('decisionFailure', () => {
  it('tells a stale version apart (reload, then decide again)', () => {
    expect(decisionFailure(failed('Die Fehlzeit wurde inzwischen …', { code: 'CONFLICT' }))).toEqual({ kind: 'conflict' });
  });

  it('shows the refusal of a batch without its argument path and remembers which entry stopped it', () => {
    const error = failed('absences.1: Für Mia Braun am 30.11.2026 (ganztägig) besteht Attestpflicht: …', {
      code: 'BAD_USER_INPUT', field: 'absences.1', rule: 'certificate_required', absenceId: 'abs-2',
    });
    expect(decisionFailure(error)).toEqual({
      kind: 'refused', message: 'Für Mia Braun am 30.11.2026 (ganztägig) besteht Attestpflicht: …', absenceId: 'abs-2',
    });
  });

  it('passes on the server\'s reason for a leave beyond the class teacher\'s limit', () => {
    const message = 'Sie haben keine Berechtigung für eine Beurlaubung von 5 Schultagen: …';
    expect(decisionFailure(failed(message, { code: 'FORBIDDEN' }))).toEqual({ kind: 'refused', message, absenceId: null });
  });

  it('leaves other failures to the generic messages', () => {
    const error = new CombinedError({ networkError: new Error('offline') });
    expect(decisionFailure(error)).toEqual({ kind: 'other', error });
  });
});
