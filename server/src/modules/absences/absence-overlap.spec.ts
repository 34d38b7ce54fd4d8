import { AbsenceSpan, ExistingAbsence, placeAbsence } from './absence-overlap';
import { SchoolCalendar } from './school-calendar';

// Where a new absence goes among a pupil's others (week of Monday 2026-11-09; weekends off).
const calendar = new SchoolCalendar([1, 2, 3, 4, 5], []);

const days = (startsOn: string, endsOn = startsOn, reason: AbsenceSpan['reason'] = 'SICK'): AbsenceSpan =>
  ({ kind: 'DAYS', startsOn, endsOn, periodFrom: null, periodTo: null, minutes: null, reason });
const periods = (date: string, from: number, to: number, reason: AbsenceSpan['reason'] = 'DOCTOR'): AbsenceSpan =>
  ({ kind: 'PERIODS', startsOn: date, endsOn: date, periodFrom: from, periodTo: to, minutes: null, reason });
const earlyLeave = (date: string, from: number): AbsenceSpan =>
  ({ kind: 'EARLY_LEAVE', startsOn: date, endsOn: date, periodFrom: from, periodTo: null, minutes: null, reason: 'DOCTOR' });
const late = (date: string, minutes: number): AbsenceSpan =>
  ({ kind: 'LATE', startsOn: date, endsOn: date, periodFrom: null, periodTo: null, minutes, reason: 'OTHER' });
let n = 0;
const stored = (span: AbsenceSpan): ExistingAbsence => ({ ...span, id: `a${++n}` });

describe('placeAbsence', () => {
  it('with no neighbour → insert', () => {
    expect(placeAbsence(days('2026-11-10'), [stored(days('2026-11-12'))], calendar)).toEqual({ action: 'insert', absorbed: [] });
  });

  it('Monday after a reported Friday, same reason → extend the Friday entry to Monday', () => {
    const friday = stored(days('2026-11-06'));

    expect(placeAbsence(days('2026-11-09'), [friday], calendar)).toEqual(expect.objectContaining({
      action: 'extend', existing: friday, absorbed: [], span: expect.objectContaining({ startsOn: '2026-11-06', endsOn: '2026-11-09' }),
    }));
  });

  it('a day between two entries of the same reason → one entry over all, the second absorbed', () => {
    const monday = stored(days('2026-11-09'));
    const wednesday = stored(days('2026-11-11'));

    expect(placeAbsence(days('2026-11-10'), [wednesday, monday], calendar)).toEqual(expect.objectContaining({
      action: 'extend', existing: monday, absorbed: [wednesday], span: expect.objectContaining({ startsOn: '2026-11-09', endsOn: '2026-11-11' }),
    }));
  });

  it('inside an entry of the same reason → unchanged', () => {
    const week = stored(days('2026-11-09', '2026-11-13'));

    expect(placeAbsence(days('2026-11-10'), [week], calendar)).toEqual({ action: 'unchanged', existing: week });
  });

  it('overlapping an entry of another reason → refuse (conflicting_absence)', () => {
    const doctor = stored(days('2026-11-10', '2026-11-10', 'DOCTOR'));

    expect(placeAbsence(days('2026-11-09', '2026-11-11'), [doctor], calendar)).toEqual({ action: 'refuse', existing: doctor, rule: 'conflicting_absence' });
  });

  it('next to an entry of another reason → insert beside it', () => {
    expect(placeAbsence(days('2026-11-10'), [stored(days('2026-11-09', '2026-11-09', 'DOCTOR'))], calendar).action).toBe('insert');
  });

  it('periods on a day absent as a whole → refuse (covered_by_whole_day)', () => {
    const day = stored(days('2026-11-10', '2026-11-10', 'DOCTOR'));

    expect(placeAbsence(periods('2026-11-10', 1, 2), [day], calendar)).toEqual({ action: 'refuse', existing: day, rule: 'covered_by_whole_day' });
  });

  it('whole days over periods of the same reason → insert, absorbing the periods', () => {
    const morning = stored(periods('2026-11-10', 1, 2, 'SICK'));

    expect(placeAbsence(days('2026-11-10'), [morning], calendar)).toEqual({ action: 'insert', absorbed: [morning] });
  });

  it('periods 3–4 after periods 1–2 of the same reason → extend to 1–4', () => {
    const first = stored(periods('2026-11-10', 1, 2));

    expect(placeAbsence(periods('2026-11-10', 3, 4), [first], calendar)).toEqual(expect.objectContaining({
      action: 'extend', existing: first, span: expect.objectContaining({ kind: 'PERIODS', periodFrom: 1, periodTo: 4 }),
    }));
  });

  it('periods overlapping an early leave of the same reason → one early leave from the earlier period', () => {
    const leave = stored(earlyLeave('2026-11-10', 4));

    expect(placeAbsence(periods('2026-11-10', 3, 5), [leave], calendar)).toEqual(expect.objectContaining({
      action: 'extend', span: expect.objectContaining({ kind: 'EARLY_LEAVE', periodFrom: 3, periodTo: null }),
    }));
  });

  it('periods 5–6 apart from periods 1–2 → insert', () => {
    expect(placeAbsence(periods('2026-11-10', 5, 6), [stored(periods('2026-11-10', 1, 2))], calendar).action).toBe('insert');
  });

  it('the same late arrival twice → unchanged; other minutes → refuse (already_reported)', () => {
    const first = stored(late('2026-11-10', 10));

    expect(placeAbsence(late('2026-11-10', 10), [first], calendar)).toEqual({ action: 'unchanged', existing: first });
    expect(placeAbsence(late('2026-11-10', 20), [first], calendar)).toEqual({ action: 'refuse', existing: first, rule: 'already_reported' });
  });
});
