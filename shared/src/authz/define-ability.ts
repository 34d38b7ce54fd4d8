import { AbilityBuilder, createMongoAbility, detectSubjectType, ForcedSubject, MongoAbility } from '@casl/ability';
import { SessionUser } from './session-user';
import { Action, ABSENCE_BASIC_FIELDS, PUPIL_BASIC_FIELDS, PUPIL_SELF_FIELDS, SubjectName } from './subjects';
import { SchoolRole } from '../enums';

type TypedObject = { __typename?: SubjectName } & Record<string, unknown>;
export type AppSubject = SubjectName | 'all' | ForcedSubject<SubjectName> | TypedObject;
export type AppAbility = MongoAbility<[Action, AppSubject]>;

type Builder = AbilityBuilder<AppAbility>;

/** GraphQL objects carry __typename; server entities are wrapped with CASL's subject(). */
function detectAppSubjectType(object: Exclude<AppSubject, string>): SubjectName {
  const typename = (object as TypedObject).__typename;
  return typename ?? (detectSubjectType(object) as SubjectName);
}

// Subjects every member of a school may read (names of classes, subjects, rooms, staff, calendar, time grid).
const SCHOOL_READABLE: SubjectName[] = ['SchoolYear', 'Holiday', 'Group', 'Subject', 'Room', 'Membership', 'TimeGrid', 'AbsenceSettings'];
// Subjects the secretariat keeps.
const SECRETARIAT_MANAGED: SubjectName[] = ['Pupil', 'Guardianship', 'Enrolment', 'Group', 'Subject', 'Room', 'SchoolYear', 'Holiday'];
// Subjects a school admin manages (everything at the school).
const ADMIN_MANAGED: SubjectName[] = [...SECRETARIAT_MANAGED, 'Membership', 'ClassList', 'TimeGrid', 'Absence', 'AbsenceSettings', 'ClassRegister'];

function schoolIdsWithRole(user: SessionUser, ...roles: SchoolRole[]): string[] {
  return user.schoolRoles.filter((r) => roles.includes(r.role)).map((r) => r.schoolId);
}

function defineStateAndCarrierRules({ can }: Builder, user: SessionUser) {
  if (user.stateAdminOf.length > 0) {
    can('manage', 'SchoolCarrier', { federalState: { $in: user.stateAdminOf } });
  }
  if (user.adminCarrierIds.length > 0) {
    can(['read', 'update'], 'SchoolCarrier', { id: { $in: user.adminCarrierIds } });
    can('create', 'School', { carrierId: { $in: user.adminCarrierIds } });
  }
}

function defineSchoolAdminRules({ can }: Builder, user: SessionUser) {
  const schoolIds = user.adminSchoolIds;
  if (schoolIds.length === 0) return;
  can(['read', 'update'], 'School', { id: { $in: schoolIds } });
  can('manage', ADMIN_MANAGED, { schoolId: { $in: schoolIds } });
  can('grant', 'Membership', { schoolId: { $in: schoolIds } });
  // The whole timetable: every class, teacher and room, and the substitution plan.
  can('read', 'Timetable', { schoolId: { $in: schoolIds } });
  can(['create', 'read'], 'UntisImport', { schoolId: { $in: schoolIds } });
}

function defineOfficeRules({ can }: Builder, user: SessionUser) {
  const office = schoolIdsWithRole(user, 'SECRETARIAT', 'SCHOOL_MANAGEMENT');
  if (office.length === 0) return;
  can('read', 'School', { id: { $in: office } });
  can('read', [...SCHOOL_READABLE, 'Pupil', 'Guardianship', 'Enrolment'], { schoolId: { $in: office } });
  can('export', 'ClassList', { schoolId: { $in: office } });
  can('read', 'Timetable', { schoolId: { $in: office } });
  // The morning calls: the office enters, corrects and excuses every absence of its school.
  can(['create', 'read', 'update', 'delete'], 'Absence', { schoolId: { $in: office } });
  can('read', 'ClassRegister', { schoolId: { $in: office } });

  const secretariat = schoolIdsWithRole(user, 'SECRETARIAT');
  if (secretariat.length > 0) {
    can(['create', 'update'], SECRETARIAT_MANAGED, { schoolId: { $in: secretariat } });
    can('delete', 'Holiday', { schoolId: { $in: secretariat } });
  }
  const management = schoolIdsWithRole(user, 'SCHOOL_MANAGEMENT');
  if (management.length > 0) {
    can(['create', 'update'], ['SchoolYear', 'Holiday', 'Group', 'TimeGrid'], { schoolId: { $in: management } });
    can('delete', 'Holiday', { schoolId: { $in: management } });
    // Management plans the timetable, so it imports it from Untis.
    can(['create', 'read'], 'UntisImport', { schoolId: { $in: management } });
    can('update', 'AbsenceSettings', { schoolId: { $in: management } });
  }
}

function defineTeacherRules({ can }: Builder, user: SessionUser) {
  const teacherSchools = schoolIdsWithRole(user, 'TEACHER');
  if (teacherSchools.length > 0) {
    can('read', 'School', { id: { $in: teacherSchools } });
    can('read', SCHOOL_READABLE, { schoolId: { $in: teacherSchools } });
    // Not only their own lessons: teachers look up colleagues, rooms and classes to plan and substitute.
    can('read', 'Timetable', { schoolId: { $in: teacherSchools } });
  }
  const { teaching, classTeaching } = user;
  // The class register of the lessons they teach or cover that day.
  can(['read', 'update'], 'ClassRegister', { teacherIds: user.personId });
  if (teaching.pupilIds.length > 0) {
    can('read', 'Pupil', [...PUPIL_BASIC_FIELDS], { id: { $in: teaching.pupilIds } });
    can('read', 'Enrolment', { pupilId: { $in: teaching.pupilIds } });
    // Whether a pupil they teach is away, not why (no note: health data).
    can('read', 'Absence', [...ABSENCE_BASIC_FIELDS], { pupilId: { $in: teaching.pupilIds } });
  }
  if (teaching.groupIds.length > 0) {
    can('export', 'ClassList', { groupId: { $in: teaching.groupIds } });
  }
  if (classTeaching.pupilIds.length > 0) {
    can('read', 'Pupil', { id: { $in: classTeaching.pupilIds } });
    can('read', 'Guardianship', { pupilId: { $in: classTeaching.pupilIds } });
    // Class teachers keep their class's absences: excuse, mark unexcused, approve short leave.
    can(['create', 'read', 'update'], 'Absence', { pupilId: { $in: classTeaching.pupilIds } });
  }
  if (classTeaching.groupIds.length > 0) {
    can(['create', 'read', 'update'], 'Absence', { classId: { $in: classTeaching.groupIds } });
    can('read', 'ClassRegister', { groupIds: { $in: classTeaching.groupIds } });
  }
}

function definePupilRules({ can }: Builder, user: SessionUser) {
  if (user.self.length === 0) return;
  const pupilIds = user.self.map((s) => s.pupilId);
  const schoolIds = user.self.map((s) => s.schoolId);
  const classIds = user.self.flatMap((s) => (s.classId ? [s.classId] : []));
  can('read', 'Pupil', { id: { $in: pupilIds } });
  can('update', 'Pupil', [...PUPIL_SELF_FIELDS], { id: { $in: pupilIds }, isOfAge: true });
  can('read', ['Enrolment', 'Guardianship'], { pupilId: { $in: pupilIds } });
  can('read', 'School', { id: { $in: schoolIds } });
  can('read', ['SchoolYear', 'Holiday', 'Subject', 'Room', 'TimeGrid', 'AbsenceSettings'], { schoolId: { $in: schoolIds } });
  if (classIds.length > 0) can('read', 'Group', { id: { $in: classIds } });
  // Their own timetable (class and courses); not the class's or anyone else's as a target.
  can('read', 'Timetable', { pupilId: { $in: pupilIds } });
  can('read', 'Absence', { pupilId: { $in: pupilIds } });
  // Of age, they report their own absences.
  const adultIds = user.self.filter((s) => s.isOfAge).map((s) => s.pupilId);
  if (adultIds.length > 0) can('create', 'Absence', { pupilId: { $in: adultIds }, reportedBy: 'PUPIL' });
}

function defineGuardianRules({ can }: Builder, user: SessionUser) {
  if (user.children.length === 0) return;
  const childIds = user.children.map((c) => c.pupilId);
  const custodyIds = user.children.filter((c) => c.hasCustody).map((c) => c.pupilId);
  const schoolIds = user.children.map((c) => c.schoolId);
  const classIds = user.children.flatMap((c) => (c.classId ? [c.classId] : []));
  // Every guardian sees the child's basic data and their own link to it.
  can('read', 'Pupil', [...PUPIL_BASIC_FIELDS], { id: { $in: childIds } });
  can('read', 'Guardianship', { guardianPersonId: user.personId });
  can('read', 'Enrolment', { pupilId: { $in: childIds } });
  can('read', 'School', { id: { $in: schoolIds } });
  can('read', ['SchoolYear', 'Holiday', 'TimeGrid', 'AbsenceSettings'], { schoolId: { $in: schoolIds } });
  if (classIds.length > 0) can('read', 'Group', { id: { $in: classIds } });
  // Only custody opens the child's master data and the other guardians (an information block never has custody).
  // The timetable too: it tells where the child is, hour by hour.
  if (custodyIds.length > 0) {
    can('read', 'Pupil', { id: { $in: custodyIds } });
    can('read', 'Guardianship', { pupilId: { $in: custodyIds } });
    can('read', 'Timetable', { pupilId: { $in: custodyIds } });
    can('read', 'Absence', { pupilId: { $in: custodyIds } });
  }
  const excusingIds = user.children.filter((c) => c.mayExcuse).map((c) => c.pupilId);
  if (excusingIds.length > 0) can('create', 'Absence', { pupilId: { $in: excusingIds }, reportedBy: 'GUARDIAN' });
}

function defineOwnRules({ can }: Builder, user: SessionUser) {
  // Calendar feeds are personal: whoever may read a timetable subscribes to it; each person sees and revokes only their own.
  can('manage', 'CalendarFeed', { ownerPersonId: user.personId });
}

/** The one place that turns a person's facts into permissions; server and client call it alike. */
export function defineAbilityFor(user: SessionUser | null): AppAbility {
  const builder = new AbilityBuilder<AppAbility>(createMongoAbility);
  if (user) {
    defineStateAndCarrierRules(builder, user);
    defineSchoolAdminRules(builder, user);
    defineOfficeRules(builder, user);
    defineTeacherRules(builder, user);
    definePupilRules(builder, user);
    defineGuardianRules(builder, user);
    defineOwnRules(builder, user);
  }
  return builder.build({ detectSubjectType: detectAppSubjectType });
}
