import type { SessionUser } from '@schulverwaltung/shared';

// Whose absences the signed-in person sees in the portal: their own pupil record, and the children
// they have custody of (without an information block — the session already applies both rules and
// the age rule). Children linked without custody are only counted, never named: the school may not
// tell such a parent anything about the child.

export interface PortalSchool {
  id: string;
  name: string;
  currentSchoolYear?: { id: string; name: string } | null;
}

export interface PortalPupilRef {
  pupilId: string;
  schoolId: string;
  schoolName: string;
  /** the signed-in person is the pupil; otherwise a guardian of the pupil */
  isSelf: boolean;
  /** who a report of this person counts as (the server decides the same way) */
  reportedBy: 'PUPIL' | 'GUARDIAN';
}

export interface PortalPeople {
  pupils: PortalPupilRef[];
  /** children linked to the person whose data the school may not show them */
  hiddenChildren: number;
}

/** Guardians with custody and pupils have absences to look at; staff (only) do not. */
export function hasOwnAbsences(user: SessionUser | null): boolean {
  return !!user && (user.self.length > 0 || user.children.some((child) => child.hasCustody));
}

export function portalPeople(user: SessionUser | null, schools: readonly PortalSchool[]): PortalPeople {
  if (!user) return { pupils: [], hiddenChildren: 0 };
  const schoolName = (id: string) => schools.find((school) => school.id === id)?.name ?? '';
  const own = user.self.map((self): PortalPupilRef => ({
    pupilId: self.pupilId, schoolId: self.schoolId, schoolName: schoolName(self.schoolId), isSelf: true, reportedBy: 'PUPIL',
  }));
  const children = user.children.filter((child) => child.hasCustody).map((child): PortalPupilRef => ({
    pupilId: child.pupilId, schoolId: child.schoolId, schoolName: schoolName(child.schoolId), isSelf: false, reportedBy: 'GUARDIAN',
  }));
  return { pupils: [...own, ...children], hiddenChildren: user.children.length - children.length };
}
