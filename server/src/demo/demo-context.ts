import {
  normalizeName, type CalendarDate, type FederalState, type GroupMemberRole, type MembershipRole, type SchoolYearRange,
} from '@schulverwaltung/shared';
import type { SchoolProfile } from './demo-catalog';
import type {
  DemoLogin, DemoSizeSpec, DemoTables, GroupRow, MembershipRow, PersonRow, SchoolRow, SchoolYearRow, SubjectRow,
} from './demo-data.types';
import type { DemoPeople } from './demo-people';
import type { SeededRandom } from './random';

// The state shared while one dataset is generated: the random streams, the growing tables and
// per-school bookkeeping (classes, teachers and their load) that later steps build on.

export interface DemoClass {
  group: GroupRow;
  gradeLevel: number;
  /** Upper-school year group ('11', '12'): taught in courses, not as a class. */
  isYearGroup: boolean;
  /** Subjects taught in the class (Untis short names); empty for year groups. */
  curriculum: readonly string[];
  /** Klassenleitung first, then the deputy. */
  classTeachers: DemoTeacher[];
}

export interface DemoTeacher {
  person: PersonRow;
  abbreviation: string;
  subjects: readonly string[];
  /** Groups taught so far: open lessons go to the least loaded qualified teacher. */
  load: number;
  classesLed: number;
  classesDeputised: number;
  /** false for demo logins: their teaching is fixed, so what they see is stable across seeds. */
  isPooled: boolean;
}

export interface DemoPupil {
  person: PersonRow;
  pupilId: string;
  school: DemoSchool;
  schoolClass: DemoClass;
}

export interface DemoSchool {
  profile: SchoolProfile;
  row: SchoolRow;
  year: SchoolYearRow;
  subjects: Map<string, SubjectRow>;
  classes: DemoClass[];
  teachers: DemoTeacher[];
  pupils: DemoPupil[];
  /** Lessons decided before the pool fills the rest (demo teachers, class teachers), by lessonKey(). */
  plannedLessons: Map<string, DemoTeacher>;
  /** Fixed upper-school courses of demo teachers, by course name. */
  fixedCourses: Map<string, DemoTeacher>;
}

export interface DemoContext {
  /** Draws data; a separate stream draws ids, so adding a column does not renumber every row. */
  random: SeededRandom;
  ids: SeededRandom;
  people: DemoPeople;
  today: CalendarDate;
  schoolYear: SchoolYearRange;
  size: DemoSizeSpec;
  tables: DemoTables;
  logins: DemoLogin[];
  /** group/person/role keys already in group_members (the table's unique key). */
  groupMemberKeys: Set<string>;
}

export type PersonFields = Pick<PersonRow, 'firstName' | 'lastName'> & Partial<Omit<PersonRow, 'id' | 'searchName'>>;

export function addPerson(ctx: DemoContext, fields: PersonFields): PersonRow {
  const row: PersonRow = {
    id: ctx.ids.uuid(),
    searchName: normalizeName(`${fields.firstName} ${fields.lastName}`),
    birthDate: null, birthPlace: null, gender: null, street: null, postalCode: null, city: null, email: null, phone: null,
    ...fields,
  };
  ctx.tables.persons.push(row);
  return row;
}

export interface MembershipScope {
  schoolId?: string;
  carrierId?: string;
  federalState?: FederalState;
  abbreviation?: string;
}

export function addMembership(ctx: DemoContext, personId: string, role: MembershipRole, scope: MembershipScope): MembershipRow {
  const row: MembershipRow = {
    id: ctx.ids.uuid(),
    personId,
    role,
    schoolId: scope.schoolId ?? null,
    carrierId: scope.carrierId ?? null,
    federalState: scope.federalState ?? null,
    abbreviation: scope.abbreviation ?? null,
    validFrom: ctx.schoolYear.startsOn,
    validTo: null,
  };
  ctx.tables.memberships.push(row);
  return row;
}

/** Adds a group member unless the same person already holds that role in the group; true if added. */
export function addGroupMember(ctx: DemoContext, group: GroupRow, personId: string, role: GroupMemberRole, position = 0): boolean {
  const key = `${group.id}/${personId}/${role}`;
  if (ctx.groupMemberKeys.has(key)) return false;
  ctx.groupMemberKeys.add(key);
  ctx.tables.groupMembers.push({ id: ctx.ids.uuid(), schoolId: group.schoolId, groupId: group.id, personId, role, position });
  return true;
}

export function findClass(school: DemoSchool, name: string): DemoClass {
  const found = school.classes.find((c) => c.group.name === name);
  if (!found) throw new RangeError(`Demo data: ${school.profile.name} has no class ${name}`);
  return found;
}

export function lessonKey(schoolClass: DemoClass, subject: string): string {
  return `${schoolClass.group.id}/${subject}`;
}
