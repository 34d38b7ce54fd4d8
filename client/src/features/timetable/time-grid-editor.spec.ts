import {
  copyToSchoolWeekdays, fieldKey, firstProblemWeekday, gridFromPeriods, nextPeriod, normalizeTime, periodsFromGrid, serverProblem, validateGrid,
} from './time-grid-editor';

const stored = [
  { weekday: 1, period: 2, startsAt: '08:50', endsAt: '09:35', label: null },
  { weekday: 1, period: 1, startsAt: '08:00', endsAt: '08:45', label: '1. Stunde' },
  { weekday: 2, period: 1, startsAt: '08:00', endsAt: '08:45', label: null },
];

describe('time grid editor', () => {
  it('should read the stored grid per weekday in period order and write it back numbered by position', () => {
    const grid = gridFromPeriods(stored);

    expect(grid[1].map((p) => p.startsAt)).toEqual(['08:00', '08:50']);
    expect(grid[3]).toEqual([]);
    expect(periodsFromGrid(grid).periods).toEqual([
      { weekday: 1, period: 1, startsAt: '08:00', endsAt: '08:45', label: '1. Stunde' },
      { weekday: 1, period: 2, startsAt: '08:50', endsAt: '09:35', label: null },
      { weekday: 2, period: 1, startsAt: '08:00', endsAt: '08:45', label: null },
    ]);
  });

  it('should copy one day\'s periods to Monday to Friday, leaving the weekend alone', () => {
    const grid = gridFromPeriods([...stored, { weekday: 6, period: 1, startsAt: '09:00', endsAt: '10:00', label: null }]);

    const copied = copyToSchoolWeekdays(grid, 1);

    for (const weekday of [2, 3, 4, 5]) expect(copied[weekday].map((p) => [p.startsAt, p.endsAt])).toEqual([['08:00', '08:45'], ['08:50', '09:35']]);
    expect(copied[6].map((p) => p.startsAt)).toEqual(['09:00']);
    expect(new Set([1, 2, 3].flatMap((weekday) => copied[weekday].map((p) => p.key))).size).toBe(6);
  });

  it('should propose the next period after a five-minute break, as long as the last one', () => {
    const grid = gridFromPeriods(stored);

    expect(nextPeriod(grid[1])).toMatchObject({ startsAt: '09:40', endsAt: '10:25' });
    expect(nextPeriod([])).toMatchObject({ startsAt: '08:00', endsAt: '08:45' });
  });

  it('should place each rule of the shared schema at its field', () => {
    const grid = gridFromPeriods(stored);
    grid[1][1].startsAt = '08:30'; // overlaps the first period
    grid[2][0].endsAt = '07:00'; // ends before it starts
    grid[2].push({ key: 999, startsAt: '9:5', endsAt: '10:00', label: '' });

    const problems = validateGrid(grid);

    expect(problems.fields.get(fieldKey({ weekday: 1, key: grid[1][1].key }, 'startsAt'))).toBe('darf nicht vor dem Ende der 1. Stunde (08:45) liegen');
    expect(problems.fields.get(fieldKey({ weekday: 2, key: grid[2][0].key }, 'endsAt'))).toBe('muss nach dem Beginn liegen');
    expect(problems.fields.get(fieldKey({ weekday: 2, key: 999 }, 'startsAt'))).toBe('muss eine Uhrzeit im Format HH:MM sein');
    expect(firstProblemWeekday(problems)).toBe(1);
    expect(validateGrid(gridFromPeriods(stored)).fields.size).toBe(0);
  });

  it('should put the server\'s message at the field it names, without the argument path', () => {
    const { refs } = periodsFromGrid(gridFromPeriods(stored));

    const problems = serverProblem('periods.2.endsAt', 'periods.2.endsAt: muss nach dem Beginn liegen', refs);

    expect([...problems.fields]).toEqual([[fieldKey(refs[2], 'endsAt'), 'muss nach dem Beginn liegen']]);
    expect(serverProblem('schoolId', 'Schule nicht gefunden', refs).general).toEqual(['Schule nicht gefunden']);
  });

  it.each([
    ['8', '08:00'], ['08', '08:00'], ['830', '08:30'], ['0830', '08:30'], ['8:30', '08:30'], ['8.30', '08:30'], [' 13:05 ', '13:05'],
    ['24:00', '24:00'], ['8:75', '8:75'], ['acht', 'acht'], ['', ''],
  ])('normalizeTime(%j) → %j', (typed, time) => {
    expect(normalizeTime(typed)).toBe(time);
  });
});
