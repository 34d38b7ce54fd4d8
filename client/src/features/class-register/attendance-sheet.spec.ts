import {
  attendanceCounts, attendanceInput, contradictsReport, firstInvalidRow, isPreFilled, keyAction, markAllPresent, minutesProblem,
  movedIndex, rowsFromPupils, sheetFingerprint, withStatus,
} from './attendance-sheet';
import type { RegisterPupilData } from './attendance-sheet';

const pupil = (id: string, extra: Partial<RegisterPupilData> = {}): RegisterPupilData => ({
  pupilId: id, firstName: `Vorname ${id}`, lastName: `Name ${id}`, status: 'PRESENT', lateMinutes: null, isSaved: false,
  absenceId: null, absenceKind: null, absenceStatus: null, ...extra,
});

describe('rows from the server', () => {
  it('keeps the pre-filled status and shows saved minutes as text', () => {
    const [late, sick] = rowsFromPupils([
      pupil('1', { status: 'LATE', lateMinutes: 10, isSaved: true }),
      pupil('2', { status: 'ABSENT', absenceId: 'a', absenceKind: 'DAYS', absenceStatus: 'REPORTED' }),
    ]);
    expect(late).toMatchObject({ status: 'LATE', minutes: '10' });
    expect(sick).toMatchObject({ status: 'ABSENT', minutes: '' });
  });

  it('marks what a report filled in until the teacher saved', () => {
    expect(isPreFilled(pupil('1', { absenceId: 'a', absenceKind: 'DAYS', status: 'ABSENT' }))).toBe(true);
    expect(isPreFilled(pupil('1', { absenceId: 'a', absenceKind: 'DAYS', status: 'ABSENT', isSaved: true }))).toBe(false);
    expect(isPreFilled(pupil('1'))).toBe(false);
  });
});

describe('marking', () => {
  it('"Alle anwesend" leaves the reported absences alone', () => {
    const rows = rowsFromPupils([
      pupil('1', { status: 'ABSENT' }),
      pupil('2', { status: 'ABSENT', absenceId: 'a', absenceKind: 'DAYS' }),
      pupil('3', { status: 'LATE', lateMinutes: 5, absenceId: 'l', absenceKind: 'LATE' }),
    ]);
    expect(markAllPresent(rows).map((row) => row.status)).toEqual(['PRESENT', 'ABSENT', 'PRESENT']);
  });

  it('keeps typed minutes when switching away from late and back', () => {
    const [row] = rowsFromPupils([pupil('1', { status: 'LATE', lateMinutes: 7 })]);
    expect(withStatus(withStatus(row, 'PRESENT'), 'LATE').minutes).toBe('7');
  });

  it('sees a contradiction when a pupil reported absent is marked present or late', () => {
    const reported = pupil('1', { absenceId: 'a', absenceKind: 'PERIODS', status: 'ABSENT' });
    expect(contradictsReport(reported)).toBe(false);
    expect(contradictsReport({ ...reported, status: 'PRESENT' })).toBe(true);
    expect(contradictsReport({ ...reported, status: 'LATE' })).toBe(true);
    expect(contradictsReport(pupil('2', { absenceId: 'l', absenceKind: 'LATE', status: 'PRESENT' }))).toBe(false);
  });

  it('counts the statuses', () => {
    const rows = rowsFromPupils([pupil('1'), pupil('2', { status: 'ABSENT' }), pupil('3', { status: 'LATE', lateMinutes: 3 }), pupil('4')]);
    expect(attendanceCounts(rows)).toEqual({ PRESENT: 2, ABSENT: 1, LATE: 1 });
  });
});

describe('minutes of a late pupil', () => {
  const late = (minutes: string) => ({ ...rowsFromPupils([pupil('1', { status: 'LATE' })])[0], minutes });

  it('are required, whole and between 1 and 300', () => {
    expect(minutesProblem(late(''))).toBe('required');
    expect(minutesProblem(late('  '))).toBe('required');
    expect(minutesProblem(late('0'))).toBe('range');
    expect(minutesProblem(late('2.5'))).toBe('range');
    expect(minutesProblem(late('301'))).toBe('range');
    expect(minutesProblem(late('abc'))).toBe('range');
    expect(minutesProblem(late(' 15 '))).toBeNull();
  });

  it('do not matter for other statuses', () => {
    expect(minutesProblem({ ...late(''), status: 'PRESENT' })).toBeNull();
  });

  it('point to the first row to fix', () => {
    const rows = [...rowsFromPupils([pupil('1'), pupil('2')]), late('')];
    expect(firstInvalidRow(rows)).toBe(2);
    expect(firstInvalidRow(rows.slice(0, 2))).toBe(-1);
  });
});

describe('saving', () => {
  it('sends every pupil, minutes only for late ones', () => {
    const rows = rowsFromPupils([pupil('1'), pupil('2', { status: 'LATE', lateMinutes: 12 }), pupil('3', { status: 'ABSENT' })]);
    rows[0] = { ...withStatus(rows[0], 'PRESENT'), minutes: '9' };
    expect(attendanceInput(rows)).toEqual([
      { pupilId: '1', status: 'PRESENT', lateMinutes: null },
      { pupilId: '2', status: 'LATE', lateMinutes: 12 },
      { pupilId: '3', status: 'ABSENT', lateMinutes: null },
    ]);
  });

  it('tells a change from the loaded state, ignoring unsent minutes and surrounding blanks', () => {
    const rows = rowsFromPupils([pupil('1'), pupil('2')]);
    const loaded = sheetFingerprint(rows, 'Brüche', '');
    expect(sheetFingerprint([{ ...rows[0], minutes: '5' }, rows[1]], ' Brüche ', '')).toBe(loaded);
    expect(sheetFingerprint([withStatus(rows[0], 'ABSENT'), rows[1]], 'Brüche', '')).not.toBe(loaded);
    expect(sheetFingerprint(rows, 'Brüche', 'S. 12')).not.toBe(loaded);
  });
});

describe('keys', () => {
  it('move with arrows, j/k, Home and End', () => {
    expect(keyAction({ key: 'ArrowDown' })).toEqual({ type: 'move', to: 'next' });
    expect(keyAction({ key: 'j' })).toEqual({ type: 'move', to: 'next' });
    expect(keyAction({ key: 'K' })).toEqual({ type: 'move', to: 'previous' });
    expect(keyAction({ key: 'ArrowUp' })).toEqual({ type: 'move', to: 'previous' });
    expect(keyAction({ key: 'Home' })).toEqual({ type: 'move', to: 'first' });
    expect(keyAction({ key: 'End' })).toEqual({ type: 'move', to: 'last' });
  });

  it('set the status with P, A and V in either case', () => {
    expect(keyAction({ key: 'a' })).toEqual({ type: 'status', status: 'ABSENT' });
    expect(keyAction({ key: 'P' })).toEqual({ type: 'status', status: 'PRESENT' });
    expect(keyAction({ key: 'v' })).toEqual({ type: 'status', status: 'LATE' });
  });

  it('leave other keys and shortcuts with modifiers to the browser', () => {
    expect(keyAction({ key: 'x' })).toBeNull();
    expect(keyAction({ key: 'Enter' })).toBeNull();
    expect(keyAction({ key: 'a', ctrlKey: true })).toBeNull();
    expect(keyAction({ key: 'ArrowDown', altKey: true })).toBeNull();
    expect(keyAction({ key: 'constructor' })).toBeNull();
  });

  it('stay inside the list when moving', () => {
    expect(movedIndex(0, 'previous', 3)).toBe(0);
    expect(movedIndex(2, 'next', 3)).toBe(2);
    expect(movedIndex(1, 'next', 3)).toBe(2);
    expect(movedIndex(1, 'first', 3)).toBe(0);
    expect(movedIndex(0, 'last', 3)).toBe(2);
    expect(movedIndex(0, 'next', 0)).toBe(0);
  });
});
