import { holidayTemplatesFor, HOLIDAYS_2026_27 } from './holidays-2026-27';

describe('holidayTemplatesFor', () => {
  it('should hand out the published holidays of the state, each within the school year', () => {
    const holidays = holidayTemplatesFor('BE', '2026/27');

    expect(holidays.map((h) => h.name)).toEqual(HOLIDAYS_2026_27.BE!.map((h) => h.name));
    for (const h of holidays) {
      expect(h.startsOn >= '2026-08-01' && h.endsOn <= '2027-07-31' && h.startsOn <= h.endsOn).toBe(true);
    }
  });

  it('when the summer holidays run into August → should end them with the school year on 31 July', () => {
    expect(holidayTemplatesFor('BE', '2026/27').find((h) => h.name === 'Sommerferien')).toEqual(
      { name: 'Sommerferien', startsOn: '2027-07-01', endsOn: '2027-07-31', kind: 'HOLIDAY' },
    );
  });

  it('when no calendar is known for the year or state → should hand out none', () => {
    expect(holidayTemplatesFor('BE', '2030/31')).toEqual([]);
    expect(holidayTemplatesFor('SL', '2026/27')).toEqual([]);
  });
});
