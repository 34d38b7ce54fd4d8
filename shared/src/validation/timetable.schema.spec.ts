import { timeGridSchema } from './timetable.schema';

const period = (weekday: number, number: number, startsAt: string, endsAt: string) => ({ weekday, period: number, startsAt, endsAt });

function firstIssue(value: unknown) {
  const result = timeGridSchema.safeParse(value);
  return result.success ? undefined : { path: result.error.issues[0].path.join('.'), message: result.error.issues[0].message };
}

describe('timeGridSchema', () => {
  it('should accept consecutive periods with breaks, on several weekdays, in any order', () => {
    const grid = [period(2, 1, '08:00', '08:45'), period(1, 2, '08:50', '09:35'), period(1, 1, '08:00', '08:45')];

    expect(timeGridSchema.safeParse(grid).success).toBe(true);
  });

  it('should accept an empty grid (the school has none yet)', () => {
    expect(timeGridSchema.safeParse([]).success).toBe(true);
  });

  it.each([
    ['8:00', '0.startsAt'],
    ['24:00', '0.startsAt'],
    ['08:60', '0.startsAt'],
  ])('when a time is %s → should name the field', (startsAt, path) => {
    expect(firstIssue([period(1, 1, startsAt, '08:45')])).toEqual({ path, message: 'muss eine Uhrzeit im Format HH:MM sein' });
  });

  it('when a period ends before it starts → should reject endsAt', () => {
    expect(firstIssue([period(1, 1, '09:00', '08:45')])).toEqual({ path: '0.endsAt', message: 'muss nach dem Beginn liegen' });
  });

  it('when two periods of a day overlap → should reject the later one\'s start', () => {
    const grid = [period(1, 1, '08:00', '08:45'), period(1, 2, '08:40', '09:25'), period(2, 2, '08:40', '09:25')];

    expect(firstIssue(grid)).toEqual({ path: '1.startsAt', message: 'darf nicht vor dem Ende der 1. Stunde (08:45) liegen' });
  });

  it('when a later period number starts earlier → should reject it as out of order', () => {
    const grid = [period(1, 2, '08:00', '08:45'), period(1, 1, '08:50', '09:35')];

    expect(firstIssue(grid)).toEqual({ path: '0.startsAt', message: 'darf nicht vor dem Ende der 1. Stunde (09:35) liegen' });
  });

  it('when a period number repeats on a day → should reject the duplicate', () => {
    const grid = [period(3, 1, '08:00', '08:45'), period(3, 1, '08:50', '09:35')];

    expect(firstIssue(grid)).toEqual({ path: '1.period', message: 'die 1. Stunde gibt es an diesem Tag schon' });
  });

  it('when the weekday is 0 → should reject it', () => {
    expect(firstIssue([period(0, 1, '08:00', '08:45')])?.path).toBe('0.weekday');
  });
});
