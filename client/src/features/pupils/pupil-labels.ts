import type { GuardianRelation } from '@/api/generated/graphql';

export type TagSeverity = 'success' | 'info' | 'secondary' | 'danger';

export interface GuardianFlag {
  labelKey: string;
  severity: TagSeverity;
  testId: string;
}

interface GuardianFlags {
  hasCustody: boolean;
  mayExcuse: boolean;
  receivesMail: boolean;
  hasInformationBlock: boolean;
}

/** The rights of one guardian as tags; an information block is shown first and in red. */
export function guardianFlagsOf(guardianship: GuardianFlags): GuardianFlag[] {
  const flags: GuardianFlag[] = [];
  if (guardianship.hasInformationBlock) {
    flags.push({ labelKey: 'pupils.guardians.flags.informationBlock', severity: 'danger', testId: 'flag-information-block' });
  }
  flags.push(guardianship.hasCustody
    ? { labelKey: 'pupils.guardians.flags.custody', severity: 'success', testId: 'flag-custody' }
    : { labelKey: 'pupils.guardians.flags.noCustody', severity: 'secondary', testId: 'flag-no-custody' });
  if (guardianship.mayExcuse) {
    flags.push({ labelKey: 'pupils.guardians.flags.mayExcuse', severity: 'info', testId: 'flag-may-excuse' });
  }
  if (guardianship.receivesMail) {
    flags.push({ labelKey: 'pupils.guardians.flags.receivesMail', severity: 'info', testId: 'flag-receives-mail' });
  }
  return flags;
}

export const relationKey = (relation: GuardianRelation) => `enums.guardianRelation.${relation}`;
