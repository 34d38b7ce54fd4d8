// Domain enums shared by server (GraphQL enums, DB check constraints) and client (labels, forms).
// Values are UPPER_CASE strings so they read the same in SQL, GraphQL and TypeScript.

export const FEDERAL_STATES = [
  'BW', 'BY', 'BE', 'BB', 'HB', 'HH', 'HE', 'MV', 'NI', 'NW', 'RP', 'SL', 'SN', 'ST', 'SH', 'TH',
] as const;
export type FederalState = (typeof FEDERAL_STATES)[number];

export const SCHOOL_TYPES = [
  'GRUNDSCHULE', 'GYMNASIUM', 'GESAMTSCHULE', 'REALSCHULE', 'SEKUNDARSCHULE', 'FOERDERSCHULE', 'BERUFSSCHULE', 'OTHER',
] as const;
export type SchoolType = (typeof SCHOOL_TYPES)[number];

/** Roles held through a membership. Class teacher, pupil and guardian follow from group, enrolment and guardianship rows. */
export const MEMBERSHIP_ROLES = [
  'STATE_ADMIN', 'CARRIER_ADMIN', 'SCHOOL_ADMIN', 'SECRETARIAT', 'SCHOOL_MANAGEMENT', 'TEACHER',
] as const;
export type MembershipRole = (typeof MEMBERSHIP_ROLES)[number];
/** Roles bound to one school (membership.school_id is set). */
export const SCHOOL_ROLES = ['SCHOOL_ADMIN', 'SECRETARIAT', 'SCHOOL_MANAGEMENT', 'TEACHER'] as const satisfies readonly MembershipRole[];
export type SchoolRole = (typeof SCHOOL_ROLES)[number];
export const isSchoolRole = (role: MembershipRole): role is SchoolRole => (SCHOOL_ROLES as readonly string[]).includes(role);

export const GENDERS = ['M', 'W', 'D'] as const;
export type Gender = (typeof GENDERS)[number];

export const GROUP_KINDS = ['CLASS', 'COURSE', 'WORKING_GROUP'] as const;
export type GroupKind = (typeof GROUP_KINDS)[number];

export const GROUP_MEMBER_ROLES = ['PUPIL', 'TEACHER', 'CLASS_TEACHER'] as const;
export type GroupMemberRole = (typeof GROUP_MEMBER_ROLES)[number];

export const ENROLMENT_STATUSES = ['ACTIVE', 'LEFT', 'GRADUATED', 'ON_LEAVE'] as const;
export type EnrolmentStatus = (typeof ENROLMENT_STATUSES)[number];

export const GUARDIAN_RELATIONS = ['MOTHER', 'FATHER', 'GUARDIAN', 'FOSTER_PARENT', 'OTHER'] as const;
export type GuardianRelation = (typeof GUARDIAN_RELATIONS)[number];

export const RELIGIOUS_EDUCATIONS = ['EVANGELISCH', 'KATHOLISCH', 'ISLAMISCH', 'JUEDISCH', 'ETHIK', 'PHILOSOPHIE', 'NONE'] as const;
export type ReligiousEducation = (typeof RELIGIOUS_EDUCATIONS)[number];

export const HOLIDAY_KINDS = ['HOLIDAY', 'PUBLIC_HOLIDAY', 'NO_LESSONS'] as const;
export type HolidayKind = (typeof HOLIDAY_KINDS)[number];

export const SORT_DIRECTIONS = ['ASC', 'DESC'] as const;
export type SortDirection = (typeof SORT_DIRECTIONS)[number];
