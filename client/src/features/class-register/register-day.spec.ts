import { dayKind, firstTeachingDayAfter } from './register-day';

describe('dayKind', () => {
  const days = [{ date: '2026-12-21', holidayName: 'Weihnachtsferien' }, { date: '2026-11-30', holidayName: null }];

  it('calls Saturday and Sunday a weekend, whatever the timetable says', () => {
    expect(dayKind('2026-11-28', days)).toEqual({ kind: 'weekend' });
    expect(dayKind('2026-11-29', [{ date: '2026-11-29', holidayName: 'Ferien' }])).toEqual({ kind: 'weekend' });
  });

  it('names the holiday of a weekday', () => {
    expect(dayKind('2026-12-21', days)).toEqual({ kind: 'holiday', name: 'Weihnachtsferien' });
  });

  it('treats other weekdays as school days, also when the week is not loaded yet', () => {
    expect(dayKind('2026-11-30', days)).toEqual({ kind: 'schoolDay' });
    expect(dayKind('2026-12-01', [])).toEqual({ kind: 'schoolDay' });
  });
});

describe('firstTeachingDayAfter', () => {
  const week = (lessons: [string, string][]) => ({ lessons: lessons.map(([date, status]) => ({ date, status })) });

  it('finds the earliest later day with a lesson across weeks', () => {
    const weeks = [week([['2026-11-27', 'REGULAR']]), week([['2026-12-02', 'REGULAR'], ['2026-11-30', 'CHANGED']])];
    expect(firstTeachingDayAfter('2026-11-28', weeks)).toBe('2026-11-30');
  });

  it('skips the day itself and days whose only lessons are cancelled', () => {
    const weeks = [week([['2026-11-30', 'REGULAR'], ['2026-12-01', 'CANCELLED'], ['2026-12-03', 'EXTRA']])];
    expect(firstTeachingDayAfter('2026-11-30', weeks)).toBe('2026-12-03');
  });

  it('answers null when no lesson follows', () => {
    expect(firstTeachingDayAfter('2026-11-30', [week([['2026-11-27', 'REGULAR']])])).toBeNull();
  });
});
