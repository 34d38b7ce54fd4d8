import { describedBy } from './described-by';

describe('describedBy', () => {
  it.each([
    [{}, undefined],
    [{ hint: 'Tage' }, 'days-hint'],
    [{ problem: 'Zu viele' }, 'days-problem'],
    [{ hint: 'Tage', problem: 'Zu viele' }, 'days-hint days-problem'],
  ])('%j → %s', (texts, expected) => {
    expect(describedBy('days', texts)).toBe(expected);
  });
});
