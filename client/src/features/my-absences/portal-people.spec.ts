import { emptySessionUser } from '@schulverwaltung/shared';
import type { SessionUser } from '@schulverwaltung/shared';
import { hasOwnAbsences, portalPeople } from './portal-people';

const base = emptySessionUser({ accountId: 'a', personId: 'p', username: 'u', displayName: 'U', today: '2026-11-28' });
const SCHOOLS = [{ id: 'gym', name: 'Gymnasium' }, { id: 'gs', name: 'Grundschule' }];
const child = (pupilId: string, schoolId: string, hasCustody: boolean, mayExcuse: boolean) => ({ pupilId, schoolId, classId: null, hasCustody, mayExcuse });
const withFacts = (facts: Partial<SessionUser>): SessionUser => ({ ...base, ...facts });

describe('portal people', () => {
  it('a mother with custody of two children → both, reported by a guardian, with their schools', () => {
    const mother = withFacts({ children: [child('lukas', 'gym', true, true), child('marie', 'gs', true, false)] });

    expect(portalPeople(mother, SCHOOLS)).toEqual({
      pupils: [
        { pupilId: 'lukas', schoolId: 'gym', schoolName: 'Gymnasium', isSelf: false, reportedBy: 'GUARDIAN' },
        { pupilId: 'marie', schoolId: 'gs', schoolName: 'Grundschule', isSelf: false, reportedBy: 'GUARDIAN' },
      ],
      hiddenChildren: 0,
    });
    expect(hasOwnAbsences(mother)).toBe(true);
  });

  it('a father without custody → no pupil, one hidden child, no navigation entry', () => {
    const father = withFacts({ children: [child('lukas', 'gym', false, false)] });

    expect(portalPeople(father, SCHOOLS)).toEqual({ pupils: [], hiddenChildren: 1 });
    expect(hasOwnAbsences(father)).toBe(false);
  });

  it('a pupil → themself, reported by the pupil', () => {
    const pupil = withFacts({ self: [{ pupilId: 'paul', schoolId: 'gym', classId: null, isOfAge: true }] });

    expect(portalPeople(pupil, SCHOOLS).pupils).toEqual([{ pupilId: 'paul', schoolId: 'gym', schoolName: 'Gymnasium', isSelf: true, reportedBy: 'PUPIL' }]);
    expect(hasOwnAbsences(pupil)).toBe(true);
  });

  it('staff only, or nobody signed in → nothing', () => {
    const secretary = withFacts({ schoolRoles: [{ schoolId: 'gym', role: 'SECRETARIAT' }] });

    expect(hasOwnAbsences(secretary)).toBe(false);
    expect(hasOwnAbsences(null)).toBe(false);
    expect(portalPeople(null, SCHOOLS)).toEqual({ pupils: [], hiddenChildren: 0 });
  });
});
