import { defineAbilityFor, emptySessionUser } from '@schulverwaltung/shared';
import type { SessionUser } from '@schulverwaltung/shared';
import { allowsRoute } from './route-ability';

const GYM = 'school-gym';
const GS = 'school-gs';
const adminOf = (schoolId: string): SessionUser => ({
  ...emptySessionUser({ accountId: 'a', personId: 'p', username: 'admin', displayName: 'Admin', today: '2026-11-28' }),
  adminSchoolIds: [schoolId],
  schoolRoles: [{ schoolId, role: 'SCHOOL_ADMIN' }],
});

describe('allowsRoute', () => {
  const ability = defineAbilityFor(adminOf(GYM));
  const untisImport = { action: 'create', subject: 'UntisImport', perSchool: true } as const;

  it('when the page is per school → should check the school the user works in', () => {
    expect(allowsRoute(ability, untisImport, GYM)).toBe(true);
    expect(allowsRoute(ability, untisImport, GS)).toBe(false);
    expect(allowsRoute(ability, untisImport, null)).toBe(false);
  });

  it('when the page is not per school → should ask whether the user may at all', () => {
    expect(allowsRoute(ability, { action: 'read', subject: 'Pupil' }, GS)).toBe(true);
    expect(allowsRoute(defineAbilityFor(null), { action: 'read', subject: 'Pupil' }, GYM)).toBe(false);
  });
});
