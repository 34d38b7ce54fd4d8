import type { TimetableLesson, WeekTimetableData } from './week-grid';
import {
  buildDayList, buildWeekGrid, hasOwnTime, hiddenGroupIdsOf, lessonChanges, sharedGroupNames, statusKey, visibleGroupNames,
} from './week-grid';

// The week of Monday 30.11.2026.
const dateOf = (weekday: number) => `2026-${weekday <= 1 ? '11-30' : `12-0${weekday - 1}`}`;

const TIMES = [['08:00', '08:45'], ['08:50', '09:35'], ['09:55', '10:40']];
const grid = (weekdays: number[], times = TIMES) =>
  weekdays.flatMap((weekday) => times.map(([startsAt, endsAt], index) => ({
    schoolId: 's1', weekday, period: index + 1, startsAt, endsAt, label: `${index + 1}. Stunde`,
  })));

const days = (count = 5, holidays: Record<number, string> = {}) =>
  Array.from({ length: count }, (_, index) => ({ date: dateOf(index + 1), weekday: index + 1, holidayName: holidays[index + 1] ?? null }));

function lesson(weekday: number, period: number, overrides: Partial<TimetableLesson> = {}): TimetableLesson {
  const time = TIMES[period - 1] ?? [null, null];
  return {
    uid: `${weekday}-${period}-${overrides.subject?.shortName ?? 'M'}`, schoolId: 's1', date: dateOf(weekday), weekday, period,
    startsAt: time[0], endsAt: time[1],
    subject: { id: 'sub-m', shortName: 'M', name: 'Mathematik' }, teachers: [{ id: 't1', abbreviation: 'MÜL', name: 'Müller' }],
    groups: [{ id: 'g7b', name: '7b' }], room: { id: 'r101', shortName: '101' },
    status: 'REGULAR', substitutionKind: null, original: null, text: null,
    ...overrides,
  };
}

const week = (parts: Partial<WeekTimetableData>): WeekTimetableData => ({ days: days(), lessons: [], timeGrid: grid([1, 2, 3, 4, 5]), ...parts });

describe('week grid layout', () => {
  it('should make one row per period of the time grid with its times, and one column per school day', () => {
    const result = buildWeekGrid(week({ lessons: [lesson(1, 1), lesson(3, 2), lesson(5, 3)] }));

    expect(result.days.map((day) => day.date)).toEqual(['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04']);
    expect(result.rows.map((row) => [row.period, row.startsAt, row.endsAt, row.label])).toEqual([
      [1, '08:00', '08:45', '1. Stunde'], [2, '08:50', '09:35', '2. Stunde'], [3, '09:55', '10:40', '3. Stunde'],
    ]);
    expect(result.rows[0].cells[0].lessons.map((l) => l.uid)).toEqual(['1-1-M']);
    expect(result.rows[1].cells[2].lessons.map((l) => l.uid)).toEqual(['3-2-M']);
    expect(result.rows[2].cells.map((cell) => cell.lessons.length)).toEqual([0, 0, 0, 0, 1]);
    expect(result.lessonCount).toBe(3);
  });

  it('should keep empty periods before the last lesson but leave out those after it', () => {
    expect(buildWeekGrid(week({ lessons: [lesson(2, 2)] })).rows.map((row) => row.period)).toEqual([1, 2]);
  });

  it('should show the whole time grid when a week has no lesson at all (holidays)', () => {
    const result = buildWeekGrid(week({ days: days(5, { 1: 'Ferien', 2: 'Ferien', 3: 'Ferien', 4: 'Ferien', 5: 'Ferien' }) }));

    expect(result.rows.map((row) => row.period)).toEqual([1, 2, 3]);
    expect(result.days.every((day) => day.isDayOff)).toBe(true);
  });

  it('should put coupled lessons (same day and period) into one cell, cancelled ones last', () => {
    const result = buildWeekGrid(week({
      lessons: [
        lesson(2, 1, { uid: 'ev', subject: { id: 'ev', shortName: 'EV', name: 'Evangelische Religion' }, status: 'CANCELLED' }),
        lesson(2, 1, { uid: 'eth', subject: { id: 'eth', shortName: 'ETH', name: 'Ethik' } }),
        lesson(2, 1, { uid: 'ka', subject: { id: 'ka', shortName: 'KA', name: 'Katholische Religion' } }),
      ],
    }));

    expect(result.rows[0].cells[1].lessons.map((l) => l.uid)).toEqual(['eth', 'ka', 'ev']);
  });

  it('should mark a holiday without lessons as a day off, naming it', () => {
    const result = buildWeekGrid(week({ days: days(5, { 3: 'Weihnachtsferien', 4: 'Weihnachtsferien' }), lessons: [lesson(1, 1)] }));

    expect(result.days.map((day) => [day.weekday, day.isDayOff, day.holidayName])).toEqual([
      [1, false, null], [2, false, null], [3, true, 'Weihnachtsferien'], [4, true, 'Weihnachtsferien'], [5, false, null],
    ]);
  });

  it('should not grey out a day that still has lessons although the API names a holiday', () => {
    const result = buildWeekGrid(week({ days: days(5, { 1: 'Projekttag' }), lessons: [lesson(1, 2)] }));

    expect(result.days[0]).toMatchObject({ isDayOff: false, holidayName: 'Projekttag' });
  });

  describe('Saturday rule', () => {
    it('when the time grid has Saturday periods but no lesson falls on Saturday → should show Monday to Friday only', () => {
      const result = buildWeekGrid(week({ days: days(6), timeGrid: grid([1, 2, 3, 4, 5, 6]), lessons: [lesson(1, 1)] }));

      expect(result.days.map((day) => day.weekday)).toEqual([1, 2, 3, 4, 5]);
    });

    it('when a lesson falls on Saturday → should add the Saturday column', () => {
      const result = buildWeekGrid(week({ days: days(6), timeGrid: grid([1, 2, 3, 4, 5, 6]), lessons: [lesson(6, 2)] }));

      expect(result.days.map((day) => day.weekday)).toEqual([1, 2, 3, 4, 5, 6]);
      expect(result.rows[1].cells[5].lessons).toHaveLength(1);
    });
  });

  it('should take the row time most weekdays share and flag a lesson whose own time differs', () => {
    const fridayShort = [['08:00', '08:40'], ['08:45', '09:25'], ['09:40', '10:20']];
    const timeGrid = [...grid([1, 2, 3, 4]), ...grid([5], fridayShort)];
    const friday = lesson(5, 1, { startsAt: '08:00', endsAt: '08:40' });

    const result = buildWeekGrid(week({ timeGrid, lessons: [lesson(1, 1), friday] }));

    expect(result.rows[0]).toMatchObject({ startsAt: '08:00', endsAt: '08:45' });
    expect(hasOwnTime(friday, result.rows[0])).toBe(true);
    expect(hasOwnTime(lesson(1, 1), result.rows[0])).toBe(false);
  });

  it('should add a row for a lesson in a period the time grid lacks, with the lesson\'s time (or none)', () => {
    const result = buildWeekGrid(week({ lessons: [lesson(2, 7, { startsAt: null, endsAt: null })] }));

    expect(result.rows.map((row) => row.period)).toEqual([1, 2, 3, 7]);
    expect(result.rows[3]).toMatchObject({ startsAt: null, endsAt: null, label: null });
    expect(result.rows[3].cells[1].lessons).toHaveLength(1);
  });

  it('should have no rows when there is neither a time grid nor a lesson', () => {
    expect(buildWeekGrid(week({ timeGrid: [] })).rows).toEqual([]);
  });

  it('should list each day\'s periods with lessons for narrow screens', () => {
    const result = buildDayList(buildWeekGrid(week({ lessons: [lesson(1, 3), lesson(1, 1), lesson(2, 2)] })));

    expect(result.map((day) => day.entries.map((entry) => [entry.period, entry.startsAt, entry.lessons.length]))).toEqual([
      [[1, '08:00', 1], [3, '09:55', 1]], [[2, '08:50', 1]], [], [], [],
    ]);
  });
});

describe('groups in a cell', () => {
  const groups = (...names: string[]) => ({ groups: names.map((name) => ({ id: name, name })) });

  it('should name groups in school order without the view\'s own class', () => {
    expect(visibleGroupNames(groups('7d', '10a', '7b', '7a'), ['7b'])).toEqual(['7a', '7d', '10a']);
  });

  it('should hide the class in a class view and the pupil\'s own class in a pupil view', () => {
    const lessons = [lesson(1, 1), lesson(1, 2), lesson(1, 3, { groups: [{ id: 'g7b', name: '7b' }, { id: 'rel', name: 'ev-7' }] })];

    expect(hiddenGroupIdsOf({ targetId: 'g7b', lessons }, 'CLASS')).toEqual(['g7b']);
    expect(hiddenGroupIdsOf({ targetId: 'pupil-1', lessons }, 'PUPIL')).toEqual(['g7b']);
    expect(hiddenGroupIdsOf({ targetId: 'teacher-1', lessons }, 'TEACHER')).toEqual([]);
  });

  it('should name a coupling\'s classes once when all its lessons share them', () => {
    expect(sharedGroupNames([groups('7b', '7c', '7a'), groups('7a', '7b', '7c')], ['7b'])).toEqual(['7a', '7c']);
    expect(sharedGroupNames([groups('7b', '7c'), groups('7b', '7d')], ['7b'])).toBeNull();
    expect(sharedGroupNames([groups('7b'), groups('7b')], ['7b'])).toBeNull();
  });
});

describe('substitutions in a cell', () => {
  const original = {
    subject: { id: 'sub-m', shortName: 'M', name: 'Mathematik' },
    teachers: [{ id: 't1', abbreviation: 'MÜL', name: 'Müller' }],
    room: { id: 'r101', shortName: '101' },
  };

  it('should find the parts a substitution changed', () => {
    const substitute = lesson(1, 1, { status: 'CHANGED', substitutionKind: 'SUBSTITUTE', teachers: [{ id: 't2', abbreviation: 'SCH', name: 'Schmidt' }], original });
    const roomChange = lesson(1, 2, { status: 'CHANGED', substitutionKind: 'ROOM_CHANGE', room: { id: 'r204', shortName: '204' }, original });

    expect(lessonChanges(substitute)).toEqual({ subject: false, teachers: true, room: false });
    expect(lessonChanges(roomChange)).toEqual({ subject: false, teachers: false, room: true });
    expect(lessonChanges(lesson(1, 3))).toEqual({ subject: false, teachers: false, room: false });
  });

  it.each([
    [{ status: 'REGULAR', substitutionKind: null }, null],
    [{ status: 'CANCELLED', substitutionKind: 'CANCELLED' }, 'CANCELLED'],
    [{ status: 'EXTRA', substitutionKind: 'SUBSTITUTE' }, 'EXTRA'],
    [{ status: 'EXTRA', substitutionKind: 'SHIFTED' }, 'SHIFTED'],
    [{ status: 'CHANGED', substitutionKind: 'SUBSTITUTE' }, 'SUBSTITUTE'],
    [{ status: 'CHANGED', substitutionKind: 'ROOM_CHANGE' }, 'ROOM_CHANGE'],
    [{ status: 'CHANGED', substitutionKind: 'OTHER' }, 'CHANGED'],
  ] as const)('statusKey(%j) → %s', (lessonStatus, key) => {
    expect(statusKey(lessonStatus)).toBe(key);
  });
});
