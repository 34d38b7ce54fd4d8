import { formatDate } from './format-date';

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
