import { registerEnumType } from '@nestjs/graphql';
import {
  ABSENCE_CHANNELS, ABSENCE_KINDS, ABSENCE_REASONS, ABSENCE_REPORTERS, ABSENCE_STATUSES, ATTENDANCE_STATUSES, LEAVE_STATUSES,
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
export const AbsenceKindEnum = enumOf(ABSENCE_KINDS);
export const AbsenceReasonEnum = enumOf(ABSENCE_REASONS);
export const AbsenceStatusEnum = enumOf(ABSENCE_STATUSES);
export const AbsenceReporterEnum = enumOf(ABSENCE_REPORTERS);
export const AbsenceChannelEnum = enumOf(ABSENCE_CHANNELS);
export const LeaveStatusEnum = enumOf(LEAVE_STATUSES);
export const AttendanceStatusEnum = enumOf(ATTENDANCE_STATUSES);

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
registerEnumType(AbsenceKindEnum, { name: 'AbsenceKind', description: 'DAYS whole school days; PERIODS some periods of one day; LATE arrived late; EARLY_LEAVE left early' });
registerEnumType(AbsenceReasonEnum, { name: 'AbsenceReason', description: 'LEAVE = Beurlaubung (asked for in advance); SCHOOL_EVENT is not counted as missed' });
registerEnumType(AbsenceStatusEnum, { name: 'AbsenceStatus' });
registerEnumType(AbsenceReporterEnum, { name: 'AbsenceReporter', description: 'REGISTER: found in the class register, nobody reported it' });
registerEnumType(AbsenceChannelEnum, { name: 'AbsenceChannel' });
registerEnumType(LeaveStatusEnum, { name: 'LeaveStatus' });
registerEnumType(AttendanceStatusEnum, { name: 'AttendanceStatus' });
