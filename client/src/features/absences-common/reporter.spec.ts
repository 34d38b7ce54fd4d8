import { reporterText } from './reporter';

const roleName = (role: string) => `<${role}>`;

describe('reporterText', () => {
  it.each([
    [{ reportedBy: 'GUARDIAN', reporterDisplayName: 'Sabine Müller' }, 'Sabine Müller (<GUARDIAN>)'],
    [{ reportedBy: 'PUPIL', reporterDisplayName: null }, '<PUPIL>'],
    [{ reportedBy: null, reporterDisplayName: null }, ''],
  ] as const)('%j → %s', (absence, expected) => {
    expect(reporterText(absence, roleName)).toBe(expected);
  });
});
