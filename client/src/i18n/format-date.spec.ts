import { calendarDateOf, formatDate, formatDateTime } from './format-date';

describe('formatDate', () => {
  it('should show a calendar day German style without any time-zone shift', () => {
    expect(formatDate('2026-08-01')).toBe('01.08.2026');
    expect(formatDate('2026-12-31T23:30:00Z')).toBe('31.12.2026');
  });

  it('should show the fallback for missing values and the raw text for garbage', () => {
    expect(formatDate(null)).toBe('–');
    expect(formatDate(undefined, 'unbekannt')).toBe('unbekannt');
    expect(formatDate('kein Datum')).toBe('kein Datum');
  });
});

describe('formatDateTime', () => {
  it('should show the moment in Berlin time, whatever the browser\'s time zone', () => {
    expect(formatDateTime('2026-11-28T06:05:00.000Z')).toBe('28.11.2026, 07:05');
    expect(formatDateTime('2026-07-01T22:30:00Z')).toBe('02.07.2026, 00:30');
  });

  it('should show the fallback for missing values and the raw text for garbage', () => {
    expect(formatDateTime(null)).toBe('–');
    expect(formatDateTime('gestern')).toBe('gestern');
  });
});

describe('calendarDateOf', () => {
  it('should give the day the picker shows, zero-padded', () => {
    expect(calendarDateOf(new Date(2027, 0, 9))).toBe('2027-01-09');
  });
});
