import { defaultReporter, reporterFields } from './reporter';
import type { ReporterPupil } from './reporter';

const pupil: ReporterPupil = {
  personId: 'pupil-person',
  guardianships: [{ relation: 'MOTHER', guardianPersonId: 'mother' }, { relation: 'FATHER', guardianPersonId: 'father' }],
};

describe('reporterFields', () => {
  it('mother and father → the guardian of that relation', () => {
    expect(reporterFields('MOTHER', pupil, '')).toEqual({ reportedBy: 'GUARDIAN', reporterPersonId: 'mother', reporterName: null });
    expect(reporterFields('FATHER', pupil, '')).toEqual({ reportedBy: 'GUARDIAN', reporterPersonId: 'father', reporterName: null });
  });

  it('without exactly one guardian of that relation → the role as the name', () => {
    const twoMothers = { ...pupil, guardianships: [{ relation: 'MOTHER', guardianPersonId: 'a' }, { relation: 'MOTHER', guardianPersonId: 'b' }] } as ReporterPupil;

    expect(reporterFields('FATHER', { ...pupil, guardianships: [] }, '')).toEqual({ reportedBy: 'GUARDIAN', reporterPersonId: null, reporterName: 'Vater' });
    expect(reporterFields('MOTHER', twoMothers, '')).toEqual({ reportedBy: 'GUARDIAN', reporterPersonId: null, reporterName: 'Mutter' });
    expect(reporterFields('MOTHER', null, '')).toEqual({ reportedBy: 'GUARDIAN', reporterPersonId: null, reporterName: 'Mutter' });
  });

  it('the pupil → their own person; someone else → the name given', () => {
    expect(reporterFields('PUPIL', pupil, '')).toEqual({ reportedBy: 'PUPIL', reporterPersonId: 'pupil-person', reporterName: null });
    expect(reporterFields('OTHER', pupil, '  Großmutter ')).toEqual({ reportedBy: 'OTHER', reporterPersonId: null, reporterName: 'Großmutter' });
    expect(reporterFields('OTHER', pupil, ' ').reporterName).toBeNull();
  });

  it('should default to the pupil for pupils of age, else the mother', () => {
    expect(defaultReporter(true)).toBe('PUPIL');
    expect(defaultReporter(false)).toBe('MOTHER');
  });
});
