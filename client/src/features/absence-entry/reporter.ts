import type { AbsenceReporter, GuardianRelation } from '@/api/generated/graphql';

// Who called: the choice in the form turned into the fields reportAbsence takes. Mother and father
// are the pupil's guardians of that relation when the records name exactly one; otherwise the
// role is kept as the reporter's name, so the entry still says who called.

export type ReporterChoice = 'MOTHER' | 'FATHER' | 'PUPIL' | 'OTHER';

export interface ReporterPupil {
  personId: string;
  guardianships: { relation: GuardianRelation; guardianPersonId: string }[];
}

export interface ReporterFields {
  reportedBy: AbsenceReporter;
  reporterPersonId: string | null;
  reporterName: string | null;
}

// Stored with the absence (data, not UI text): the school's records are German.
const ROLE_NAMES = { MOTHER: 'Mutter', FATHER: 'Vater' } as const;

function guardianPersonId(pupil: ReporterPupil | null, relation: 'MOTHER' | 'FATHER'): string | null {
  const matches = pupil?.guardianships.filter((g) => g.relation === relation) ?? [];
  return matches.length === 1 ? matches[0].guardianPersonId : null;
}

/** The reporter fields of a choice; `otherName` is who else called (required for OTHER). */
export function reporterFields(choice: ReporterChoice, pupil: ReporterPupil | null, otherName: string): ReporterFields {
  switch (choice) {
    case 'MOTHER':
    case 'FATHER': {
      const personId = guardianPersonId(pupil, choice);
      return { reportedBy: 'GUARDIAN', reporterPersonId: personId, reporterName: personId ? null : ROLE_NAMES[choice] };
    }
    case 'PUPIL':
      return { reportedBy: 'PUPIL', reporterPersonId: pupil?.personId ?? null, reporterName: null };
    default:
      return { reportedBy: 'OTHER', reporterPersonId: null, reporterName: otherName.trim() || null };
  }
}

/** Pupils of age usually call themselves; for the others a parent does. */
export function defaultReporter(isOfAge: boolean): ReporterChoice {
  return isOfAge ? 'PUPIL' : 'MOTHER';
}
