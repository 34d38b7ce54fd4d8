import type { CalendarDate } from '@schulverwaltung/shared';
import type { AccountEntity } from '../auth/account.entity';
import type { RoomEntity } from '../modules/catalog/room.entity';
import type { SubjectEntity } from '../modules/catalog/subject.entity';
import type { GroupMemberEntity } from '../modules/groups/group-member.entity';
import type { GroupEntity } from '../modules/groups/group.entity';
import type { GuardianshipEntity } from '../modules/guardians/guardianship.entity';
import type { EnrolmentEntity } from '../modules/pupils/enrolment.entity';
import type { PersonEntity } from '../modules/pupils/person.entity';
import type { PupilEntity } from '../modules/pupils/pupil.entity';
import type { HolidayEntity } from '../modules/school-years/holiday.entity';
import type { SchoolYearEntity } from '../modules/school-years/school-year.entity';
import type { SchoolCarrierEntity } from '../modules/schools/school-carrier.entity';
import type { SchoolEntity } from '../modules/schools/school.entity';
import type { MembershipEntity } from '../modules/staff/membership.entity';

// Entity types are imported as types only: the generator stays a pure function that loads no ORM.

type RequiredKeys<T> = { [K in keyof T]-?: Partial<Pick<T, K>> extends Pick<T, K> ? never : K }[keyof T];

/** An entity's columns as a plain row: relations (optional properties) and database-filled timestamps/version left out. */
export type DemoRow<E> = Omit<Pick<E, RequiredKeys<E>>, 'createdAt' | 'updatedAt' | 'version'>;

export type SchoolCarrierRow = DemoRow<SchoolCarrierEntity>;
export type SchoolRow = DemoRow<SchoolEntity>;
export type SchoolYearRow = DemoRow<SchoolYearEntity>;
export type HolidayRow = DemoRow<HolidayEntity>;
export type SubjectRow = DemoRow<SubjectEntity>;
export type RoomRow = DemoRow<RoomEntity>;
export type PersonRow = DemoRow<PersonEntity>;
/** The generator carries the plain password; the seeder stores its hash. */
export type AccountRow = Omit<DemoRow<AccountEntity>, 'passwordHash'> & { password: string };
export type MembershipRow = DemoRow<MembershipEntity>;
export type GroupRow = DemoRow<GroupEntity>;
export type GroupMemberRow = DemoRow<GroupMemberEntity>;
export type PupilRow = DemoRow<PupilEntity>;
export type EnrolmentRow = DemoRow<EnrolmentEntity>;
export type GuardianshipRow = DemoRow<GuardianshipEntity>;

/** One array of rows per table, in no particular order (the seeder inserts in foreign-key order). */
export interface DemoTables {
  schoolCarriers: SchoolCarrierRow[];
  schools: SchoolRow[];
  schoolYears: SchoolYearRow[];
  holidays: HolidayRow[];
  subjects: SubjectRow[];
  rooms: RoomRow[];
  persons: PersonRow[];
  accounts: AccountRow[];
  memberships: MembershipRow[];
  groups: GroupRow[];
  groupMembers: GroupMemberRow[];
  pupils: PupilRow[];
  enrolments: EnrolmentRow[];
  guardianships: GuardianshipRow[];
}

/** A sign-in of the demo, shown on the login page and used by end-to-end tests. */
export interface DemoLogin {
  username: string;
  password: string;
  /** What this login demonstrates, in German (e.g. 'Sekretariat Gymnasium'). */
  description: string;
  personId: string;
  /** The school(s) the login belongs to; null for state and carrier admins. */
  schoolName: string | null;
}

export interface DemoDataset extends DemoTables {
  /** The inputs that reproduce this dataset exactly. */
  seed: number;
  today: CalendarDate;
  size: DemoSizeSpec;
  logins: DemoLogin[];
}

export interface GymnasiumSize {
  /** Parallel classes per grade 5–10 (a, b, c, …); at least 2, since demo logins use 7b. */
  classesPerGrade: number;
  /** Mean pupils per class 5–10 (each class varies by up to a tenth). */
  pupilsPerClass: number;
  /** Pupils of each upper-school year group (11 and 12). */
  upperGradePupils: number;
  /** Mean pupils per upper-school course. */
  courseSize: number;
  /** TEACHER memberships at the school, demo logins included. */
  teachers: number;
}

export interface GrundschuleSize {
  /** Parallel classes per grade 1–4; at least 2, since demo logins use 2a and 3b. */
  classesPerGrade: number;
  pupilsPerClass: number;
  teachers: number;
}

export interface DemoSizeSpec {
  gymnasium: GymnasiumSize;
  grundschule: GrundschuleSize;
}

export type DemoSizeName = 'full' | 'small';
export type DemoSize = DemoSizeName | DemoSizeSpec;

export interface DemoOptions {
  seed?: number;
  size?: DemoSize;
  /** The Berlin calendar day the data is built for (school year, ages); default: today. */
  today?: CalendarDate;
}
