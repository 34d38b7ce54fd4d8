import { registerEnumType } from '@nestjs/graphql';
import {
  ENROLMENT_STATUSES, FEDERAL_STATES, GENDERS, GROUP_KINDS, GUARDIAN_RELATIONS, HOLIDAY_KINDS,
  MEMBERSHIP_ROLES, RELIGIOUS_EDUCATIONS, SCHOOL_TYPES, SORT_DIRECTIONS,
} from '@schulverwaltung/shared';

// GraphQL enums built from the shared lists, so server, client and database use the same values.
function enumOf<T extends readonly string[]>(values: T): { [K in T[number]]: K } {
  return Object.fromEntries(values.map((v) => [v, v])) as { [K in T[number]]: K };
}

export const FederalStateEnum = enumOf(FEDERAL_STATES);
export const SchoolTypeEnum = enumOf(SCHOOL_TYPES);
export const MembershipRoleEnum = enumOf(MEMBERSHIP_ROLES);
export const GenderEnum = enumOf(GENDERS);
export const GroupKindEnum = enumOf(GROUP_KINDS);
export const EnrolmentStatusEnum = enumOf(ENROLMENT_STATUSES);
export const GuardianRelationEnum = enumOf(GUARDIAN_RELATIONS);
export const ReligiousEducationEnum = enumOf(RELIGIOUS_EDUCATIONS);
export const HolidayKindEnum = enumOf(HOLIDAY_KINDS);
export const SortDirectionEnum = enumOf(SORT_DIRECTIONS);

registerEnumType(FederalStateEnum, { name: 'FederalState', description: 'Bundesland (ISO 3166-2:DE code without prefix)' });
registerEnumType(SchoolTypeEnum, { name: 'SchoolType' });
registerEnumType(MembershipRoleEnum, { name: 'MembershipRole' });
registerEnumType(GenderEnum, { name: 'Gender', description: 'M = männlich, W = weiblich, D = divers' });
registerEnumType(GroupKindEnum, { name: 'GroupKind' });
registerEnumType(EnrolmentStatusEnum, { name: 'EnrolmentStatus' });
registerEnumType(GuardianRelationEnum, { name: 'GuardianRelation' });
registerEnumType(ReligiousEducationEnum, { name: 'ReligiousEducation' });
registerEnumType(HolidayKindEnum, { name: 'HolidayKind' });
registerEnumType(SortDirectionEnum, { name: 'SortDirection' });
