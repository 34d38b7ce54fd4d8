import { Presence, shortenForPresence } from './absence-shortening';
import { SchoolCalendar } from './school-calendar';

// The register shows the pupil there; the absence shrinks to what was missed. Four lessons a day.
const calendar = new SchoolCalendar([1, 2, 3, 4, 5], []);
const periodsOn = () => [1, 2, 3, 4];
const present = (date: string, period: number, status: Presence['status'] = 'PRESENT', lateMinutes: number | null = null): Presence =>
  ({ date, period, status, lateMinutes });
const days = (startsOn: string, endsOn: string) => ({ kind: 'DAYS' as const, startsOn, endsOn, periodFrom: null, periodTo: null, minutes: null });

describe('shortenForPresence', () => {
  it('whole days, present in the 3rd lesson of the first day → periods 1–2 of that day', () => {
    expect(shortenForPresence(days('2026-11-10', '2026-11-12'), [present('2026-11-10', 3)], periodsOn, calendar)).toEqual({
      kept: { kind: 'PERIODS', startsOn: '2026-11-10', endsOn: '2026-11-10', periodFrom: 1, periodTo: 2, minutes: null }, added: null,
    });
  });

  it('whole days, present on Monday in the 2nd lesson → ends on Friday, Monday\'s 1st lesson added', () => {
    expect(shortenForPresence(days('2026-11-05', '2026-11-10'), [present('2026-11-09', 2), present('2026-11-10', 1)], periodsOn, calendar)).toEqual({
      kept: expect.objectContaining({ startsOn: '2026-11-05', endsOn: '2026-11-06' }),
      added: expect.objectContaining({ kind: 'PERIODS', startsOn: '2026-11-09', periodFrom: 1, periodTo: 1 }),
    });
  });

  it('whole day, late 15 minutes to the first lesson → a late arrival', () => {
    expect(shortenForPresence(days('2026-11-10', '2026-11-10'), [present('2026-11-10', 1, 'LATE', 15)], periodsOn, calendar).kept)
      .toEqual(expect.objectContaining({ kind: 'LATE', minutes: 15, periodFrom: 1 }));
  });

  it('whole day, present from the first lesson → nothing kept', () => {
    expect(shortenForPresence(days('2026-11-10', '2026-11-10'), [present('2026-11-10', 1)], periodsOn, calendar)).toEqual({ kept: null, added: null });
  });

  it('periods 2–4, present in the 3rd → periods 2–2', () => {
    const absence = { kind: 'PERIODS' as const, startsOn: '2026-11-10', endsOn: '2026-11-10', periodFrom: 2, periodTo: 4, minutes: null };

    expect(shortenForPresence(absence, [present('2026-11-10', 3)], periodsOn, calendar).kept).toEqual({ ...absence, periodTo: 2 });
  });

  it('early leave from the 2nd, present in the 3rd → early leave from the 4th; present in the 4th → nothing', () => {
    const absence = { kind: 'EARLY_LEAVE' as const, startsOn: '2026-11-10', endsOn: '2026-11-10', periodFrom: 2, periodTo: null, minutes: null };

    expect(shortenForPresence(absence, [present('2026-11-10', 3)], periodsOn, calendar).kept).toEqual({ ...absence, periodFrom: 4 });
    expect(shortenForPresence(absence, [present('2026-11-10', 2), present('2026-11-10', 4)], periodsOn, calendar).kept).toBeNull();
  });
});
