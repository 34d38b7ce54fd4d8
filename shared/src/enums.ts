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

// Absences (Fehlzeiten). DAYS: whole school days from–to; PERIODS: some periods of one day;
// LATE: arrived `minutes` late; EARLY_LEAVE: left before `periodFrom`.
export const ABSENCE_KINDS = ['DAYS', 'PERIODS', 'LATE', 'EARLY_LEAVE'] as const;
export type AbsenceKind = (typeof ABSENCE_KINDS)[number];
/** LEAVE = Beurlaubung (asked for in advance, counts as excused once approved); SCHOOL_EVENT is not counted as missed. */
export const ABSENCE_REASONS = ['SICK', 'DOCTOR', 'LEAVE', 'SCHOOL_EVENT', 'OTHER'] as const;
export type AbsenceReason = (typeof ABSENCE_REASONS)[number];
export const ABSENCE_STATUSES = ['REPORTED', 'EXCUSED', 'UNEXCUSED'] as const;
export type AbsenceStatus = (typeof ABSENCE_STATUSES)[number];
/** Who told the school: a guardian, the pupil, someone else; REGISTER = found in the class register, nobody reported it. */
export const ABSENCE_REPORTERS = ['GUARDIAN', 'PUPIL', 'OTHER', 'REGISTER'] as const;
export type AbsenceReporter = (typeof ABSENCE_REPORTERS)[number];
export const ABSENCE_CHANNELS = ['PHONE', 'NOTE', 'EMAIL', 'PORTAL', 'IN_PERSON', 'REGISTER'] as const;
export type AbsenceChannel = (typeof ABSENCE_CHANNELS)[number];
export const LEAVE_STATUSES = ['REQUESTED', 'APPROVED', 'REJECTED'] as const;
export type LeaveStatus = (typeof LEAVE_STATUSES)[number];
export const ATTENDANCE_STATUSES = ['PRESENT', 'ABSENT', 'LATE'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];
