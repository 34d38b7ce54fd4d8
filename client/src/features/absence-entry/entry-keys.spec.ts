import { DAY_OPTIONS, optionForKey, REASON_OPTIONS, REPORTER_OPTIONS } from './entry-keys';

describe('optionForKey', () => {
  it('should take a letter in either case, within its own group only', () => {
    expect(optionForKey(DAY_OPTIONS, { key: 'm' })?.value).toBe('TWO_DAYS');
    expect(optionForKey(REPORTER_OPTIONS, { key: 'M' })?.value).toBe('MOTHER');
    expect(optionForKey(REASON_OPTIONS, { key: 's' })?.value).toBe('SCHOOL_EVENT');
    expect(optionForKey(REPORTER_OPTIONS, { key: 's' })?.value).toBe('PUPIL');
  });

  it('should leave other keys and shortcuts with modifiers to the browser', () => {
    expect(optionForKey(DAY_OPTIONS, { key: 'x' })).toBeUndefined();
    expect(optionForKey(DAY_OPTIONS, { key: 'Enter' })).toBeUndefined();
    expect(optionForKey(DAY_OPTIONS, { key: 'f', ctrlKey: true })).toBeUndefined();
    expect(optionForKey(DAY_OPTIONS, { key: 'h', altKey: true })).toBeUndefined();
  });

  it('should give every option of a group its own key, and offer no Beurlaubung', () => {
    for (const options of [DAY_OPTIONS, REASON_OPTIONS, REPORTER_OPTIONS]) expect(new Set(options.map((o) => o.key)).size).toBe(options.length);
    expect(REASON_OPTIONS.map((o) => o.value)).not.toContain('LEAVE');
  });
});
