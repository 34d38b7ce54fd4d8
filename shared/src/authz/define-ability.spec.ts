import { subject } from '@casl/ability';
import { Action, AppSubject, defineAbilityFor, emptySessionUser, SessionUser, SubjectName } from './index';

// The one rule set of server and client, as a table: role × action × subject × condition → expected.
// Persons, schools and groups are hand-made facts; ids are readable names, the rules only compare them.

// Carrier K1 (Berlin) runs the Gymnasium GYM and the Grundschule GS; carrier K2 (Bayern) runs OTHER.
const GYM = 'school-gym';
const GS = 'school-gs';
const OTHER = 'school-other';
const K1 = 'carrier-berlin';
const K2 = 'carrier-bayern';

// Groups of the current school year.
const G7B = 'group-gym-7b';
const G7A = 'group-gym-7a';
const G9A = 'group-gym-9a';
const G12 = 'group-gym-12';
const G6A = 'group-gym-6a';
const G2A = 'group-gs-2a';
const G3B = 'group-gs-3b';

// Pupils: MIA (7b, the pupil login), LUKAS (7b, sibling of MARIE in 2a at GS), TOM (7a), EMMA (9a),
// PAUL (12, of age), BEN (6a), LEA (3b at GS), OLE (at OTHER).
const MIA = 'pupil-mia';
const LUKAS = 'pupil-lukas';
const TOM = 'pupil-tom';
const EMMA = 'pupil-emma';
const PAUL = 'pupil-paul';
const BEN = 'pupil-ben';
const MARIE = 'pupil-marie';
const LEA = 'pupil-lea';
const OLE = 'pupil-ole';

const PUPIL_SCHOOL: Record<string, string> = {
  [MIA]: GYM, [LUKAS]: GYM, [TOM]: GYM, [EMMA]: GYM, [PAUL]: GYM, [BEN]: GYM, [MARIE]: GS, [LEA]: GS, [OLE]: OTHER,
};

// Guardians of LUKAS: MOTHER (custody, also of MARIE) and FATHER (no custody, information block).
const MOTHER = 'person-mother';
const FATHER = 'person-father';
const PAUL_PARENT = 'person-paul-parent';

function user(name: string, facts: Partial<SessionUser>): SessionUser {
  return {
    ...emptySessionUser({ accountId: `account-${name}`, personId: `person-${name}`, username: name, displayName: name, today: '2026-10-01' }),
    ...facts,
  };
}

const USERS = {
  stateAdmin: user('state-admin', { stateAdminOf: ['BE'], adminCarrierIds: [K1], adminSchoolIds: [GYM, GS] }),
  carrierAdmin: user('carrier-admin', { adminCarrierIds: [K1], adminSchoolIds: [GYM, GS] }),
  schoolAdmin: user('school-admin', { adminSchoolIds: [GYM], schoolRoles: [{ schoolId: GYM, role: 'SCHOOL_ADMIN' }] }),
  secretariat: user('secretariat', { schoolRoles: [{ schoolId: GYM, role: 'SECRETARIAT' }] }),
  management: user('management', { schoolRoles: [{ schoolId: GYM, role: 'SCHOOL_MANAGEMENT' }] }),
  teacher: user('teacher', {
    schoolRoles: [{ schoolId: GYM, role: 'TEACHER' }],
    teaching: { groupIds: [G7B, G9A], pupilIds: [MIA, LUKAS, EMMA] },
  }),
  classTeacher: user('class-teacher', {
    schoolRoles: [{ schoolId: GYM, role: 'TEACHER' }],
    teaching: { groupIds: [G7B, G9A], pupilIds: [MIA, LUKAS, EMMA] },
    classTeaching: { groupIds: [G7B], pupilIds: [MIA, LUKAS] },
  }),
  pupil: user('mia', { personId: 'person-mia', self: [{ pupilId: MIA, schoolId: GYM, classId: G7B, isOfAge: false }] }),
  adultPupil: user('paul', { personId: 'person-paul', self: [{ pupilId: PAUL, schoolId: GYM, classId: G12, isOfAge: true }] }),
  guardianWithCustody: user('mother', {
    personId: MOTHER,
    children: [
      { pupilId: LUKAS, schoolId: GYM, classId: G7B, hasCustody: true, mayExcuse: true },
      { pupilId: MARIE, schoolId: GS, classId: G2A, hasCustody: true, mayExcuse: true },
    ],
  }),
  // Custody, but the school has no may-excuse flag for her: she sees absences and reports none.
  guardianWithoutExcuse: user('aunt', { personId: 'person-aunt', children: [{ pupilId: TOM, schoolId: GYM, classId: G7A, hasCustody: true, mayExcuse: false }] }),
  guardianWithBlock: user('father', { personId: FATHER, children: [{ pupilId: LUKAS, schoolId: GYM, classId: G7B, hasCustody: false, mayExcuse: false }] }),
  // The loader drops a child of age without consent: the parent is left with no child at all.
  guardianOfAdultWithoutConsent: user('paul-parent', { personId: PAUL_PARENT }),
  twoSchools: user('two-schools', {
    schoolRoles: [{ schoolId: GYM, role: 'TEACHER' }, { schoolId: GS, role: 'SECRETARIAT' }],
    teaching: { groupIds: [G6A, G3B], pupilIds: [BEN, LEA] },
  }),
  signedOut: null,
} satisfies Record<string, SessionUser | null>;

type Role = keyof typeof USERS;

// Subjects built two ways, as the two sides do: server entities wrapped with CASL's subject(),
// client GraphQL objects carrying __typename.
const pupil = (id: string, extra: Record<string, unknown> = {}) =>
  subject('Pupil', { id, schoolId: PUPIL_SCHOOL[id], isOfAge: id === PAUL, ...extra });
const clientPupil = (id: string) => ({ __typename: 'Pupil' as const, id, schoolId: PUPIL_SCHOOL[id], isOfAge: id === PAUL });
const guardianship = (pupilId: string, guardianPersonId: string) =>
  subject('Guardianship', { id: `link-${pupilId}-${guardianPersonId}`, pupilId, guardianPersonId, schoolId: PUPIL_SCHOOL[pupilId] });
const ofSchool = (type: SubjectName, schoolId: string, extra: Record<string, unknown> = {}) => subject(type, { schoolId, ...extra });
const school = (id: string, carrierId = id === OTHER ? K2 : K1) => subject('School', { id, carrierId, federalState: id === OTHER ? 'BY' : 'BE' });
const group = (id: string, schoolId = id.startsWith('group-gs') ? GS : GYM) => subject('Group', { id, schoolId });
const classList = (groupId: string, schoolId = groupId.startsWith('group-gs') ? GS : GYM) => subject('ClassList', { groupId, schoolId });
const carrier = (id: string) => subject('SchoolCarrier', { id, federalState: id === K2 ? 'BY' : 'BE' });
/** One timetable view: a school and its target (class, teacher, room or pupil); the school alone = the whole timetable. */
const timetable = (schoolId: string, target: Partial<Record<'classId' | 'teacherId' | 'roomId' | 'pupilId', string>> = {}) =>
  subject('Timetable', { schoolId, ...target });
const pupilTimetable = (id: string) => timetable(PUPIL_SCHOOL[id], { pupilId: id });
const PUPIL_CLASS: Record<string, string> = {
  [MIA]: G7B, [LUKAS]: G7B, [TOM]: G7A, [EMMA]: G9A, [PAUL]: G12, [BEN]: G6A, [MARIE]: G2A, [LEA]: G3B,
};
/** An absence as both sides see it: school, pupil, the pupil's class that year, who reported it. */
const absence = (pupilId: string, reportedBy = 'GUARDIAN') =>
  subject('Absence', { id: `absence-${pupilId}`, schoolId: PUPIL_SCHOOL[pupilId], pupilId, classId: PUPIL_CLASS[pupilId] ?? null, reportedBy });
/** One lesson's class register on one day: its teachers (substitutes included) and groups. */
const classRegister = (teacherIds: string[], groupIds: string[], schoolId = GYM) => subject('ClassRegister', { schoolId, teacherIds, groupIds });
const calendarFeed = (ownerPersonId: string) => subject('CalendarFeed', { ownerPersonId, schoolId: GYM });

interface Row {
  role: Role;
  action: Action;
  what: string;
  subject: () => AppSubject;
  field?: string;
  expected: boolean;
}

const row = (role: Role, action: Action, what: string, target: () => AppSubject, expected: boolean, field?: string): Row =>
  ({ role, action, what, subject: target, field, expected });

const TABLE: Row[] = [
  // State admin: the carriers of their state and every school in it.
  row('stateAdmin', 'create', 'a carrier in their state', () => subject('SchoolCarrier', { federalState: 'BE' }), true),
  row('stateAdmin', 'create', 'a carrier in another state', () => subject('SchoolCarrier', { federalState: 'BY' }), false),
  row('stateAdmin', 'update', 'a carrier of their state', () => carrier(K1), true),
  row('stateAdmin', 'read', 'a carrier of another state', () => carrier(K2), false),
  row('stateAdmin', 'create', 'a school of a carrier in their state', () => subject('School', { carrierId: K1 }), true),
  row('stateAdmin', 'update', 'a school in their state', () => school(GS), true),
  row('stateAdmin', 'read', 'a pupil in their state, with master data', () => pupil(MARIE), true, 'masterData'),
  row('stateAdmin', 'grant', 'a role at a school in their state', () => ofSchool('Membership', GYM), true),
  row('stateAdmin', 'read', 'a school in another state', () => school(OTHER), false),
  row('stateAdmin', 'read', 'a pupil in another state', () => pupil(OLE), false),

  // Carrier admin: their carrier and both of its schools, nothing of another carrier.
  row('carrierAdmin', 'update', 'their carrier', () => carrier(K1), true),
  row('carrierAdmin', 'create', 'a new carrier', () => subject('SchoolCarrier', { federalState: 'BE' }), false),
  row('carrierAdmin', 'create', 'a school of their carrier', () => subject('School', { carrierId: K1 }), true),
  row('carrierAdmin', 'create', 'a school of another carrier', () => subject('School', { carrierId: K2 }), false),
  row('carrierAdmin', 'grant', 'a role at the Gymnasium', () => ofSchool('Membership', GYM), true),
  row('carrierAdmin', 'grant', 'a role at the Grundschule', () => ofSchool('Membership', GS), true),
  row('carrierAdmin', 'grant', 'a role at another carrier\'s school', () => ofSchool('Membership', OTHER), false),
  row('carrierAdmin', 'read', 'a pupil of another carrier\'s school', () => pupil(OLE), false),

  // School admin: everything at their school, nothing elsewhere.
  row('schoolAdmin', 'grant', 'a role at their school', () => ofSchool('Membership', GYM), true),
  row('schoolAdmin', 'grant', 'a role at another school', () => ofSchool('Membership', GS), false),
  row('schoolAdmin', 'update', 'their school', () => school(GYM), true),
  row('schoolAdmin', 'update', 'another school', () => school(GS), false),
  row('schoolAdmin', 'create', 'a school', () => subject('School', { carrierId: K1 }), false),
  row('schoolAdmin', 'delete', 'a pupil at their school', () => pupil(TOM), true),
  row('schoolAdmin', 'read', 'a pupil at another school', () => pupil(MARIE), false),
  row('schoolAdmin', 'export', 'a class list at their school', () => classList(G7A), true),
  row('schoolAdmin', 'read', 'their carrier', () => carrier(K1), false),

  // Secretariat: keeps pupils and their guardians at its school, grants no roles.
  row('secretariat', 'create', 'a pupil at its school', () => ofSchool('Pupil', GYM), true),
  row('secretariat', 'create', 'a pupil at another school', () => ofSchool('Pupil', GS), false),
  row('secretariat', 'update', 'a pupil at its school', () => pupil(TOM), true, 'masterData'),
  row('secretariat', 'read', 'a pupil\'s master data at its school', () => pupil(TOM), true, 'masterData'),
  row('secretariat', 'read', 'a pupil at another school', () => pupil(MARIE), false),
  row('secretariat', 'update', 'a guardianship at its school', () => guardianship(LUKAS, FATHER), true),
  row('secretariat', 'read', 'a guardianship at another school', () => guardianship(MARIE, MOTHER), false),
  row('secretariat', 'grant', 'a role at its school', () => ofSchool('Membership', GYM), false),
  row('secretariat', 'read', 'the staff list of its school', () => ofSchool('Membership', GYM), true),
  row('secretariat', 'export', 'any class list of its school', () => classList(G7A), true),
  row('secretariat', 'export', 'a class list of another school', () => classList(G2A), false),
  row('secretariat', 'delete', 'a pupil', () => pupil(TOM), false),
  row('secretariat', 'update', 'its school', () => school(GYM), false),

  // School management: reads everything at the school, plans the year, keeps no pupil records.
  row('management', 'read', 'a pupil\'s master data at its school', () => pupil(TOM), true, 'masterData'),
  row('management', 'read', 'a pupil at another school', () => pupil(MARIE), false),
  row('management', 'create', 'a pupil', () => ofSchool('Pupil', GYM), false),
  row('management', 'update', 'a pupil', () => pupil(TOM), false),
  row('management', 'create', 'a group at its school', () => ofSchool('Group', GYM), true),
  row('management', 'delete', 'a holiday at its school', () => ofSchool('Holiday', GYM), true),
  row('management', 'grant', 'a role at its school', () => ofSchool('Membership', GYM), false),

  // Teacher: pupils of their own groups (basic fields only) and the school's shared catalogue.
  row('teacher', 'read', 'a pupil of a group they teach', () => pupil(MIA), true),
  row('teacher', 'read', 'the first name of a pupil they teach', () => pupil(MIA), true, 'firstName'),
  row('teacher', 'read', 'the master data of a pupil they teach', () => pupil(MIA), false, 'masterData'),
  row('teacher', 'read', 'a pupil of a group they do not teach', () => pupil(TOM), false),
  row('teacher', 'read', 'a pupil they teach, as the client sees it', () => clientPupil(EMMA), true),
  row('teacher', 'read', 'master data, as the client sees it', () => clientPupil(EMMA), false, 'masterData'),
  row('teacher', 'update', 'a pupil they teach', () => pupil(MIA), false),
  row('teacher', 'read', 'the guardianships of a pupil they teach', () => guardianship(LUKAS, MOTHER), false),
  row('teacher', 'read', 'a group of their school', () => group(G7A), true),
  row('teacher', 'read', 'a group of another school', () => group(G2A), false),
  row('teacher', 'read', 'a subject of their school', () => ofSchool('Subject', GYM), true),
  row('teacher', 'read', 'a room of their school', () => ofSchool('Room', GYM), true),
  row('teacher', 'read', 'a room of another school', () => ofSchool('Room', GS), false),
  row('teacher', 'read', 'the staff of their school', () => ofSchool('Membership', GYM), true),
  row('teacher', 'read', 'the staff of another school', () => ofSchool('Membership', GS), false),
  row('teacher', 'read', 'their school', () => school(GYM), true),
  row('teacher', 'create', 'a group', () => ofSchool('Group', GYM), false),
  row('teacher', 'export', 'the class list of a class they teach', () => classList(G7B), true),
  row('teacher', 'export', 'the class list of a class they do not teach', () => classList(G7A), false),
  row('teacher', 'grant', 'a role', () => ofSchool('Membership', GYM), false),

  // Class teacher: also the master data and guardians of their own class — not of other classes they teach.
  row('classTeacher', 'read', 'the master data of a pupil in their class', () => pupil(LUKAS), true, 'masterData'),
  row('classTeacher', 'read', 'the guardianships of a pupil in their class', () => guardianship(LUKAS, FATHER), true),
  row('classTeacher', 'read', 'the master data of a pupil they only teach', () => pupil(EMMA), false, 'masterData'),
  row('classTeacher', 'read', 'the guardianships of a pupil they only teach', () => guardianship(EMMA, MOTHER), false),
  row('classTeacher', 'read', 'a pupil of a class they do not teach', () => pupil(TOM), false),
  row('classTeacher', 'update', 'a pupil in their class', () => pupil(LUKAS), false),

  // Pupil: themself only; a minor may change nothing.
  row('pupil', 'read', 'themself', () => pupil(MIA), true),
  row('pupil', 'read', 'their own master data', () => pupil(MIA), true, 'masterData'),
  row('pupil', 'read', 'a classmate', () => pupil(LUKAS), false),
  row('pupil', 'read', 'their own guardianships', () => guardianship(MIA, 'person-mia-mother'), true),
  row('pupil', 'read', 'a classmate\'s guardianship', () => guardianship(LUKAS, MOTHER), false),
  row('pupil', 'update', 'their guardian access consent while a minor', () => pupil(MIA), false, 'guardianAccessConsent'),
  row('pupil', 'read', 'their own class', () => group(G7B), true),
  row('pupil', 'read', 'another class', () => group(G7A), false),
  row('pupil', 'read', 'the staff of their school', () => ofSchool('Membership', GYM), false),
  row('pupil', 'read', 'the subjects of their school', () => ofSchool('Subject', GYM), true),
  row('pupil', 'export', 'their class list', () => classList(G7B), false),

  // Adult pupil: may change exactly one field about themself, the consent for the guardians.
  row('adultPupil', 'update', 'their guardian access consent', () => pupil(PAUL), true, 'guardianAccessConsent'),
  row('adultPupil', 'update', 'their own address', () => pupil(PAUL), false, 'street'),
  row('adultPupil', 'update', 'their own last name', () => pupil(PAUL), false, 'lastName'),
  row('adultPupil', 'update', 'the consent of another pupil of age', () => pupil(PAUL, { id: 'pupil-other-adult' }), false, 'guardianAccessConsent'),
  row('adultPupil', 'read', 'their own master data', () => pupil(PAUL), true, 'masterData'),

  // Guardian with custody: each child, with master data, and all guardians of the child — across schools.
  row('guardianWithCustody', 'read', 'their son at the Gymnasium', () => pupil(LUKAS), true),
  row('guardianWithCustody', 'read', 'their daughter at the Grundschule', () => pupil(MARIE), true),
  row('guardianWithCustody', 'read', 'their son\'s master data', () => pupil(LUKAS), true, 'masterData'),
  row('guardianWithCustody', 'read', 'their daughter\'s master data', () => clientPupil(MARIE), true, 'masterData'),
  row('guardianWithCustody', 'read', 'the other parent\'s guardianship of their son', () => guardianship(LUKAS, FATHER), true),
  row('guardianWithCustody', 'read', 'their own guardianship of their daughter', () => guardianship(MARIE, MOTHER), true),
  row('guardianWithCustody', 'read', 'their son\'s classmate', () => pupil(MIA), false),
  row('guardianWithCustody', 'read', 'the guardianship of their son\'s classmate', () => guardianship(MIA, 'person-mia-mother'), false),
  row('guardianWithCustody', 'update', 'their son', () => pupil(LUKAS), false),
  row('guardianWithCustody', 'read', 'their son\'s class', () => group(G7B), true),
  row('guardianWithCustody', 'read', 'another class', () => group(G7A), false),
  row('guardianWithCustody', 'read', 'the staff of the school', () => ofSchool('Membership', GYM), false),
  row('guardianWithCustody', 'read', 'both children\'s schools', () => school(GS), true),

  // Guardian without custody, with an information block: the child's basic data and their own link, nothing more.
  row('guardianWithBlock', 'read', 'their son', () => pupil(LUKAS), true),
  row('guardianWithBlock', 'read', 'their son\'s name', () => pupil(LUKAS), true, 'lastName'),
  row('guardianWithBlock', 'read', 'their son\'s master data', () => pupil(LUKAS), false, 'masterData'),
  row('guardianWithBlock', 'read', 'their son\'s master data, as the client sees it', () => clientPupil(LUKAS), false, 'masterData'),
  row('guardianWithBlock', 'read', 'their own guardianship', () => guardianship(LUKAS, FATHER), true),
  row('guardianWithBlock', 'read', 'the mother\'s guardianship of their son', () => guardianship(LUKAS, MOTHER), false),
  row('guardianWithBlock', 'read', 'the mother\'s guardianship of their son\'s half-sister', () => guardianship(MARIE, MOTHER), false),
  row('guardianWithBlock', 'read', 'their son\'s half-sister', () => pupil(MARIE), false),

  // Guardian of a pupil of age who did not consent: no child, so nothing.
  row('guardianOfAdultWithoutConsent', 'read', 'the pupil of age', () => pupil(PAUL), false),
  row('guardianOfAdultWithoutConsent', 'read', 'their own guardianship of the pupil of age', () => guardianship(PAUL, PAUL_PARENT), false),
  row('guardianOfAdultWithoutConsent', 'read', 'the pupil\'s school', () => school(GYM), false),

  // A person with roles at two schools: each role counts at its own school only.
  row('twoSchools', 'read', 'a pupil they teach at the Gymnasium', () => pupil(BEN), true),
  row('twoSchools', 'read', 'the master data of a pupil they teach at the Gymnasium', () => pupil(BEN), false, 'masterData'),
  row('twoSchools', 'read', 'a pupil they do not teach at the Gymnasium', () => pupil(TOM), false),
  row('twoSchools', 'read', 'any pupil\'s master data at the Grundschule', () => pupil(MARIE), true, 'masterData'),
  row('twoSchools', 'create', 'a pupil at the Grundschule', () => ofSchool('Pupil', GS), true),
  row('twoSchools', 'create', 'a pupil at the Gymnasium', () => ofSchool('Pupil', GYM), false),
  row('twoSchools', 'update', 'a pupil they teach at the Gymnasium', () => pupil(BEN), false),
  row('twoSchools', 'read', 'a group at either school', () => group(G7A), true),
  row('twoSchools', 'read', 'a group at the Grundschule', () => group(G2A), true),
  row('twoSchools', 'read', 'a pupil of a third school', () => pupil(OLE), false),
  row('twoSchools', 'grant', 'a role at the Grundschule', () => ofSchool('Membership', GS), false),
  row('twoSchools', 'export', 'a class list at the Grundschule', () => classList(G2A), true),
  row('twoSchools', 'export', 'a class list at the Gymnasium they do not teach', () => classList(G7A), false),

  // Timetable: every member of the school's staff reads all of it; pupils their own; guardians with custody their children's.
  row('stateAdmin', 'read', 'the timetable of a class in their state', () => timetable(GS, { classId: G2A }), true),
  row('stateAdmin', 'read', 'the timetable of a school in another state', () => timetable(OTHER), false),
  row('stateAdmin', 'create', 'an Untis import in their state', () => ofSchool('UntisImport', GYM), true),
  row('carrierAdmin', 'read', 'the substitution plan of their carrier\'s school', () => timetable(GS), true),
  row('carrierAdmin', 'create', 'an Untis import at another carrier\'s school', () => ofSchool('UntisImport', OTHER), false),
  row('schoolAdmin', 'update', 'the time grid of their school', () => ofSchool('TimeGrid', GYM), true),
  row('schoolAdmin', 'create', 'an Untis import at their school', () => ofSchool('UntisImport', GYM), true),
  row('schoolAdmin', 'read', 'the Untis imports of their school', () => ofSchool('UntisImport', GYM), true),
  row('schoolAdmin', 'create', 'an Untis import at another school', () => ofSchool('UntisImport', GS), false),
  row('schoolAdmin', 'read', 'a teacher\'s timetable at their school', () => timetable(GYM, { teacherId: 'person-teacher' }), true),
  row('schoolAdmin', 'read', 'a room\'s timetable at another school', () => timetable(GS, { roomId: 'room-gs' }), false),
  row('secretariat', 'read', 'the timetable of any class of its school', () => timetable(GYM, { classId: G7A }), true),
  row('secretariat', 'read', 'any pupil\'s timetable at its school', () => pupilTimetable(TOM), true),
  row('secretariat', 'read', 'the substitution plan of its school', () => timetable(GYM), true),
  row('secretariat', 'read', 'the timetable of a class of another school', () => timetable(GS, { classId: G2A }), false),
  row('secretariat', 'update', 'the time grid', () => ofSchool('TimeGrid', GYM), false),
  row('secretariat', 'create', 'an Untis import', () => ofSchool('UntisImport', GYM), false),
  row('management', 'update', 'the time grid of its school', () => ofSchool('TimeGrid', GYM), true),
  row('management', 'create', 'an Untis import at its school', () => ofSchool('UntisImport', GYM), true),
  row('management', 'read', 'the Untis imports of its school', () => ofSchool('UntisImport', GYM), true),
  row('management', 'read', 'a room\'s timetable at its school', () => timetable(GYM, { roomId: 'room-101' }), true),
  row('management', 'create', 'an Untis import at another school', () => ofSchool('UntisImport', GS), false),
  row('teacher', 'read', 'the timetable of a class they do not teach', () => timetable(GYM, { classId: G7A }), true),
  row('teacher', 'read', 'a colleague\'s timetable', () => timetable(GYM, { teacherId: 'person-colleague' }), true),
  row('teacher', 'read', 'the substitution plan of their school', () => timetable(GYM), true),
  row('teacher', 'read', 'the timetable of a class of another school', () => timetable(GS, { classId: G2A }), false),
  row('teacher', 'read', 'the time grid of their school', () => ofSchool('TimeGrid', GYM), true),
  row('teacher', 'update', 'the time grid', () => ofSchool('TimeGrid', GYM), false),
  row('teacher', 'read', 'the Untis imports', () => ofSchool('UntisImport', GYM), false),
  row('pupil', 'read', 'their own timetable', () => pupilTimetable(MIA), true),
  row('pupil', 'read', 'a classmate\'s timetable', () => pupilTimetable(LUKAS), false),
  row('pupil', 'read', 'their class as a timetable target', () => timetable(GYM, { classId: G7B }), false),
  row('pupil', 'read', 'a teacher\'s timetable', () => timetable(GYM, { teacherId: 'person-teacher' }), false),
  row('pupil', 'read', 'the substitution plan of their school', () => timetable(GYM), false),
  row('pupil', 'read', 'the time grid of their school', () => ofSchool('TimeGrid', GYM), true),
  row('pupil', 'create', 'an Untis import', () => ofSchool('UntisImport', GYM), false),
  row('adultPupil', 'read', 'their own timetable', () => pupilTimetable(PAUL), true),
  row('guardianWithCustody', 'read', 'their son\'s timetable', () => pupilTimetable(LUKAS), true),
  row('guardianWithCustody', 'read', 'their daughter\'s timetable at the Grundschule', () => pupilTimetable(MARIE), true),
  row('guardianWithCustody', 'read', 'their son\'s classmate\'s timetable', () => pupilTimetable(MIA), false),
  row('guardianWithCustody', 'read', 'their son\'s class as a timetable target', () => timetable(GYM, { classId: G7B }), false),
  row('guardianWithCustody', 'read', 'the time grid of their children\'s school', () => ofSchool('TimeGrid', GS), true),
  row('guardianWithBlock', 'read', 'their son\'s timetable', () => pupilTimetable(LUKAS), false),
  row('guardianOfAdultWithoutConsent', 'read', 'the timetable of the pupil of age', () => pupilTimetable(PAUL), false),
  row('twoSchools', 'read', 'the timetable of a class at either school', () => timetable(GS, { classId: G2A }), true),
  row('twoSchools', 'read', 'the timetable of a third school', () => timetable(OTHER), false),

  // Calendar feeds: each person their own, nobody anyone else's.
  row('pupil', 'create', 'a calendar feed of their own', () => calendarFeed('person-mia'), true),
  row('pupil', 'delete', 'their own calendar feed', () => calendarFeed('person-mia'), true),
  row('pupil', 'read', 'another person\'s calendar feed', () => calendarFeed('person-paul'), false),
  row('schoolAdmin', 'delete', 'a calendar feed of someone at their school', () => calendarFeed('person-mia'), false),
  row('guardianWithBlock', 'read', 'their own calendar feed', () => calendarFeed(FATHER), true),

  // Absences: the office keeps all of its school's; teachers see whether (not why) pupils they teach
  // are away; class teachers keep their class's; pupils and guardians see their own, and report them.
  row('secretariat', 'create', 'an absence of a pupil at its school', () => absence(TOM, 'OTHER'), true),
  row('secretariat', 'update', 'an absence at its school', () => absence(TOM), true),
  row('secretariat', 'delete', 'an absence at its school (undo)', () => absence(TOM), true),
  row('secretariat', 'read', 'the note of an absence at its school', () => absence(TOM), true, 'note'),
  row('secretariat', 'read', 'an absence at another school', () => absence(MARIE), false),
  row('secretariat', 'update', 'the absence settings', () => ofSchool('AbsenceSettings', GYM), false),
  row('management', 'read', 'the note of an absence at its school', () => absence(EMMA), true, 'note'),
  row('management', 'update', 'an absence at its school', () => absence(EMMA), true),
  row('management', 'update', 'the absence settings of its school', () => ofSchool('AbsenceSettings', GYM), true),
  row('management', 'update', 'the absence settings of another school', () => ofSchool('AbsenceSettings', GS), false),
  row('schoolAdmin', 'delete', 'an absence at their school', () => absence(TOM), true),
  row('schoolAdmin', 'read', 'an absence at another school', () => absence(LEA), false),
  row('teacher', 'read', 'an absence of a pupil they teach', () => absence(MIA), true),
  row('teacher', 'read', 'the status of an absence of a pupil they teach', () => absence(MIA), true, 'status'),
  row('teacher', 'read', 'the note of an absence of a pupil they teach', () => absence(MIA), false, 'note'),
  row('teacher', 'read', 'the reason of an absence of a pupil they teach', () => absence(MIA), false, 'reason'),
  row('teacher', 'read', 'the reporter of an absence of a pupil they teach', () => absence(MIA), false, 'reporterName'),
  row('teacher', 'read', 'an absence of a pupil they do not teach', () => absence(TOM), false),
  row('teacher', 'create', 'an absence of a pupil they teach', () => absence(MIA, 'OTHER'), false),
  row('teacher', 'update', 'an absence of a pupil they teach', () => absence(MIA), false),
  row('teacher', 'read', 'the absence settings of their school', () => ofSchool('AbsenceSettings', GYM), true),
  row('classTeacher', 'create', 'an absence of a pupil in their class', () => absence(LUKAS, 'OTHER'), true),
  row('classTeacher', 'update', 'an absence of a pupil in their class (excuse it)', () => absence(LUKAS), true),
  row('classTeacher', 'read', 'the note of an absence in their class', () => absence(MIA), true, 'note'),
  row('classTeacher', 'update', 'an absence of a pupil they only teach', () => absence(EMMA), false),
  row('classTeacher', 'read', 'the note of an absence of a pupil they only teach', () => absence(EMMA), false, 'note'),
  row('classTeacher', 'delete', 'an absence in their class', () => absence(LUKAS), false),
  row('pupil', 'read', 'their own absence, note included', () => absence(MIA), true, 'note'),
  row('pupil', 'read', 'a classmate\'s absence', () => absence(LUKAS), false),
  row('pupil', 'create', 'their own absence while a minor', () => absence(MIA, 'PUPIL'), false),
  row('pupil', 'read', 'the absence settings of their school', () => ofSchool('AbsenceSettings', GYM), true),
  row('adultPupil', 'create', 'their own absence, reported by themself', () => absence(PAUL, 'PUPIL'), true),
  row('adultPupil', 'create', 'their own absence, as if a guardian reported it', () => absence(PAUL, 'GUARDIAN'), false),
  row('adultPupil', 'update', 'their own absence (excusing is the school\'s)', () => absence(PAUL), false),
  row('guardianWithCustody', 'read', 'their son\'s absence', () => absence(LUKAS), true),
  row('guardianWithCustody', 'read', 'their daughter\'s absence at the Grundschule', () => absence(MARIE), true),
  row('guardianWithCustody', 'create', 'their son\'s absence, reported as guardian', () => absence(LUKAS, 'GUARDIAN'), true),
  row('guardianWithCustody', 'create', 'their son\'s absence, as if he reported it', () => absence(LUKAS, 'PUPIL'), false),
  row('guardianWithCustody', 'create', 'an absence of their son\'s classmate', () => absence(MIA, 'GUARDIAN'), false),
  row('guardianWithCustody', 'read', 'their son\'s classmate\'s absence', () => absence(MIA), false),
  row('guardianWithCustody', 'update', 'their son\'s absence (excusing is the school\'s)', () => absence(LUKAS), false),
  row('guardianWithoutExcuse', 'read', 'her nephew\'s absence', () => absence(TOM), true),
  row('guardianWithoutExcuse', 'create', 'her nephew\'s absence (no may-excuse flag)', () => absence(TOM, 'GUARDIAN'), false),
  row('guardianWithBlock', 'read', 'their son\'s absence', () => absence(LUKAS), false),
  row('guardianWithBlock', 'create', 'their son\'s absence', () => absence(LUKAS, 'GUARDIAN'), false),
  row('twoSchools', 'read', 'the note of an absence at the Grundschule (secretariat there)', () => absence(MARIE), true, 'note'),
  row('twoSchools', 'read', 'the note of an absence of a pupil they teach at the Gymnasium', () => absence(BEN), false, 'note'),

  // Class register: a lesson's teachers and that day's substitutes keep it; the class teacher and the office read it.
  row('teacher', 'update', 'the register of a lesson they teach', () => classRegister(['person-teacher'], [G7B]), true),
  row('teacher', 'update', 'the register of a lesson they cover as a substitute', () => classRegister(['person-colleague', 'person-teacher'], [G7A]), true),
  row('teacher', 'read', 'the register of a colleague\'s lesson in a class they teach', () => classRegister(['person-colleague'], [G7B]), false),
  row('classTeacher', 'read', 'the register of a colleague\'s lesson in their class', () => classRegister(['person-colleague'], [G7B]), true),
  row('classTeacher', 'update', 'the register of a colleague\'s lesson in their class', () => classRegister(['person-colleague'], [G7B]), false),
  row('classTeacher', 'read', 'the register of a lesson in a class they only teach', () => classRegister(['person-colleague'], [G9A]), false),
  row('secretariat', 'read', 'any class register of its school', () => classRegister(['person-colleague'], [G7A]), true),
  row('secretariat', 'update', 'a class register', () => classRegister(['person-colleague'], [G7A]), false),
  row('secretariat', 'read', 'a class register of another school', () => classRegister(['person-colleague'], [G2A], GS), false),
  row('pupil', 'read', 'the register of their class\'s lesson', () => classRegister(['person-teacher'], [G7B]), false),

  // Signed out: nothing.
  row('signedOut', 'read', 'a school', () => school(GYM), false),
  row('signedOut', 'read', 'a pupil', () => pupil(MIA), false),
  row('signedOut', 'read', 'a pupil\'s timetable', () => pupilTimetable(MIA), false),
  row('signedOut', 'create', 'a calendar feed', () => calendarFeed('person-mia'), false),
];

describe('defineAbilityFor', () => {
  describe.each(Object.keys(USERS) as Role[])('%s', (role) => {
    const rows = TABLE.filter((r) => r.role === role);
    const ability = defineAbilityFor(USERS[role]);

    it.each(rows.map((r) => [r.expected ? 'allow' : 'deny', r.action, r.field ? `${r.what} (field ${r.field})` : r.what, r] as const))(
      'should %s: %s %s',
      (_verdict, _action, _what, r) => {
        expect(ability.can(r.action, r.subject() as never, r.field)).toBe(r.expected);
      },
    );
  });

  describe('type-level checks (the PoliciesGuard asks without a record)', () => {
    it.each([
      ['secretariat', 'grant', 'Membership', false],
      ['schoolAdmin', 'grant', 'Membership', true],
      ['secretariat', 'create', 'Pupil', true],
      ['teacher', 'create', 'Pupil', false],
      ['teacher', 'read', 'Pupil', true],
      ['guardianOfAdultWithoutConsent', 'read', 'Pupil', false],
      ['stateAdmin', 'create', 'SchoolCarrier', true],
      ['carrierAdmin', 'create', 'SchoolCarrier', false],
      ['management', 'create', 'UntisImport', true],
      ['teacher', 'create', 'UntisImport', false],
      ['guardianWithBlock', 'read', 'Timetable', false],
      ['pupil', 'create', 'CalendarFeed', true],
      ['signedOut', 'create', 'CalendarFeed', false],
      ['guardianWithCustody', 'create', 'Absence', true],
      ['guardianWithBlock', 'create', 'Absence', false],
      ['teacher', 'create', 'Absence', false],
      ['teacher', 'read', 'Absence', true],
      ['teacher', 'update', 'ClassRegister', true],
    ] as const)('when %s asks "%s %s" → should answer %s', (role, action, type, expected) => {
      expect(defineAbilityFor(USERS[role]).can(action, type)).toBe(expected);
    });
  });

  it('when the table is read → should cover every role with at least one allowed and one denied row', () => {
    for (const role of Object.keys(USERS) as Role[]) {
      const rows = TABLE.filter((r) => r.role === role);
      if (role !== 'signedOut' && role !== 'guardianOfAdultWithoutConsent') expect(rows.some((r) => r.expected)).toBe(true);
      expect(rows.some((r) => !r.expected)).toBe(true);
    }
  });
});
