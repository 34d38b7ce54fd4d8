import { addDays, parseCalendarDate, type CalendarDate, type Gender, type MembershipRole } from '@schulverwaltung/shared';
import {
  CARRIER_EMAIL_DOMAIN, DEMO_PASSWORD, STATE_EMAIL_DOMAIN, type SchoolKey,
} from './demo-catalog';
import { addMembership, addPerson, type DemoContext, type DemoSchool, type MembershipScope } from './demo-context';
import type { PersonRow, SchoolCarrierRow } from './demo-data.types';
import { addFamilyGuardians, addGuardianPerson, blockedParentLink, custodyLink, linkGuardians } from './demo-guardians';
import { emailLocalPart } from './demo-people';
import { addPupil, newHousehold, takeSlot, type PupilSlot } from './demo-pupils';

// The demo logins: one per role and per relationship the rights model distinguishes. Their names
// are fixed, so documentation and end-to-end tests can rely on them whatever the seed.

export const DEMO_LOGIN_USERNAMES = [
  'land.admin', 'traeger.admin', 'gym.admin', 'gs.admin', 'gym.sekretariat', 'gs.sekretariat', 'gym.schulleitung',
  'gym.klassenleitung', 'gym.lehrkraft', 'gs.lehrkraft', 'beide.lehrkraft', 'schueler', 'schueler.volljaehrig',
  'eltern.geschwister', 'eltern.sperre',
] as const;
export type DemoUsername = (typeof DEMO_LOGIN_USERNAMES)[number];

export type DemoSchools = Record<SchoolKey, DemoSchool>;

interface DemoPersonName {
  firstName: string;
  lastName: string;
  gender: Gender;
}

interface DemoAdminLogin extends DemoPersonName {
  username: DemoUsername;
  description: string;
  role: MembershipRole;
  scope: 'state' | 'carrier' | SchoolKey;
}

const DEMO_ADMIN_LOGINS: readonly DemoAdminLogin[] = [
  { username: 'land.admin', description: 'Landesadministration Berlin (alle Schulen des Landes)', role: 'STATE_ADMIN', scope: 'state', firstName: 'Andrea', lastName: 'Lindner', gender: 'W' },
  { username: 'traeger.admin', description: 'Administration des Schulträgers (Bezirksamt Musterstadt)', role: 'CARRIER_ADMIN', scope: 'carrier', firstName: 'Thomas', lastName: 'Brandt', gender: 'M' },
  { username: 'gym.admin', description: 'Schuladministration Gymnasium', role: 'SCHOOL_ADMIN', scope: 'gym', firstName: 'Markus', lastName: 'Vogel', gender: 'M' },
  { username: 'gs.admin', description: 'Schuladministration Grundschule', role: 'SCHOOL_ADMIN', scope: 'gs', firstName: 'Claudia', lastName: 'Hartmann', gender: 'W' },
  { username: 'gym.sekretariat', description: 'Sekretariat Gymnasium', role: 'SECRETARIAT', scope: 'gym', firstName: 'Petra', lastName: 'Schäfer', gender: 'W' },
  { username: 'gs.sekretariat', description: 'Sekretariat Grundschule', role: 'SECRETARIAT', scope: 'gs', firstName: 'Sandra', lastName: 'Köhler', gender: 'W' },
];

/** A demo teacher's post at one school: Kürzel, subjects and the fixed lessons, courses and class. */
export interface DemoTeacherPost {
  school: SchoolKey;
  abbreviation: string;
  subjects: readonly string[];
  lessons: readonly (readonly [className: string, subject: string])[];
  courses?: readonly string[];
  leadsClass?: string;
  extraRoles?: readonly MembershipRole[];
}

export interface DemoTeacherLogin extends DemoPersonName {
  username: DemoUsername;
  description: string;
  posts: readonly DemoTeacherPost[];
}

export const DEMO_TEACHER_LOGINS: readonly DemoTeacherLogin[] = [
  {
    username: 'gym.schulleitung', description: 'Schulleitung Gymnasium (unterrichtet auch)', firstName: 'Bernd', lastName: 'Albrecht', gender: 'M',
    posts: [{ school: 'gym', abbreviation: 'ALB', subjects: ['GE', 'PB'], lessons: [['10a', 'GE']], extraRoles: ['SCHOOL_MANAGEMENT'] }],
  },
  {
    username: 'gym.klassenleitung', description: 'Lehrkraft und Klassenleitung der 7b (Gymnasium)', firstName: 'Katrin', lastName: 'Weiß', gender: 'W',
    posts: [{ school: 'gym', abbreviation: 'WEI', subjects: ['D', 'E'], lessons: [['7b', 'D'], ['9a', 'D'], ['5b', 'E']], leadsClass: '7b' }],
  },
  {
    username: 'gym.lehrkraft', description: 'Lehrkraft am Gymnasium (unterrichtet u. a. die 7b und einen Kurs, keine Klassenleitung)', firstName: 'Jonas', lastName: 'Krüger', gender: 'M',
    posts: [{ school: 'gym', abbreviation: 'KRÜ', subjects: ['M', 'PH'], lessons: [['7b', 'M'], ['7a', 'M'], ['8b', 'PH'], ['9a', 'M']], courses: ['ma-G1'] }],
  },
  {
    username: 'gs.lehrkraft', description: 'Lehrkraft und Klassenleitung der 2a (Grundschule)', firstName: 'Miriam', lastName: 'Groß', gender: 'W',
    posts: [{ school: 'gs', abbreviation: 'GRO', subjects: ['D', 'M', 'SU'], lessons: [['2a', 'D'], ['2a', 'M'], ['2a', 'SU']], leadsClass: '2a' }],
  },
  {
    username: 'beide.lehrkraft', description: 'Lehrkraft an beiden Schulen (Gymnasium und Grundschule)', firstName: 'Felix', lastName: 'Schubert', gender: 'M',
    posts: [
      { school: 'gym', abbreviation: 'SCB', subjects: ['MU', 'SP'], lessons: [['6a', 'MU'], ['8a', 'MU']] },
      { school: 'gs', abbreviation: 'SCHU', subjects: ['MU', 'SP'], lessons: [['3b', 'MU'], ['4a', 'SP']] },
    ],
  },
];

export function addLogin(ctx: DemoContext, username: DemoUsername, person: PersonRow, description: string, schoolName: string | null): void {
  ctx.tables.accounts.push({ id: ctx.ids.uuid(), personId: person.id, username, password: DEMO_PASSWORD, isActive: true, lastSignInAt: null });
  ctx.logins.push({ username, password: DEMO_PASSWORD, description, personId: person.id, schoolName });
}

/** A staff member's person: work e-mail, no private data (none is needed). */
export function addStaffPerson(ctx: DemoContext, name: DemoPersonName, emailDomain: string): PersonRow {
  return addPerson(ctx, { ...name, email: `${emailLocalPart(name.firstName, name.lastName)}@${emailDomain}` });
}

export function addAdminLogins(ctx: DemoContext, carrier: SchoolCarrierRow, schools: DemoSchools): void {
  for (const login of DEMO_ADMIN_LOGINS) {
    const school = login.scope === 'state' || login.scope === 'carrier' ? null : schools[login.scope];
    const domain = school?.profile.emailDomain ?? (login.scope === 'state' ? STATE_EMAIL_DOMAIN : CARRIER_EMAIL_DOMAIN);
    const person = addStaffPerson(ctx, login, domain);
    const scope: MembershipScope = school ? { schoolId: school.row.id }
      : login.scope === 'carrier' ? { carrierId: carrier.id } : { federalState: carrier.federalState };
    addMembership(ctx, person.id, login.role, scope);
    addLogin(ctx, login.username, person, login.description, school?.row.name ?? null);
  }
}

/** The pupils and parents behind the logins; takes their seats out of `slots` before families fill the rest. */
export function addPupilAndParentLogins(ctx: DemoContext, slots: PupilSlot[], schools: DemoSchools): void {
  addMinorPupilLogin(ctx, slots, schools.gym);
  addAdultPupilLogin(ctx, slots, schools.gym);
  addSiblingParentLogins(ctx, slots, schools);
}

function addMinorPupilLogin(ctx: DemoContext, slots: PupilSlot[], gym: DemoSchool): void {
  const household = newHousehold(ctx, 'Hoffmann');
  const pupil = addPupil(ctx, takeSlot(slots, gym, '7b'), household, { firstName: 'Mia', gender: 'W' });
  linkGuardians(ctx, pupil, addFamilyGuardians(ctx, household));
  addLogin(ctx, 'schueler', pupil.person, 'Schülerin der Klasse 7b am Gymnasium (minderjährig)', gym.row.name);
}

function addAdultPupilLogin(ctx: DemoContext, slots: PupilSlot[], gym: DemoSchool): void {
  const household = newHousehold(ctx, 'Neumann');
  const overrides = { firstName: 'Paul', gender: 'M' as const, birthDate: adultBirthDate(ctx) };
  const pupil = addPupil(ctx, takeSlot(slots, gym, '12'), household, overrides);
  const mother = addGuardianPerson(ctx, household, 'W', household.lastName);
  const father = addGuardianPerson(ctx, household, 'M', household.lastName);
  linkGuardians(ctx, pupil, [custodyLink(mother, 'MOTHER'), custodyLink(father, 'FATHER')]);
  addLogin(ctx, 'schueler.volljaehrig', pupil.person, 'Volljähriger Schüler der Jahrgangsstufe 12 am Gymnasium (ohne Einwilligung für die Eltern)', gym.row.name);
}

/** 18 years and one to five months before `today`, so the pupil is of age whatever day the demo runs. */
function adultBirthDate(ctx: DemoContext): CalendarDate {
  const { year, month, day } = parseCalendarDate(addDays(ctx.today, -ctx.random.int(30, 150)));
  const safeDay = month === 2 && day === 29 ? 28 : day;
  return `${year - 18}-${String(month).padStart(2, '0')}-${String(safeDay).padStart(2, '0')}`;
}

/** A mother with custody of a son at the Gymnasium and a daughter at the Grundschule; the son's father has an information block. */
function addSiblingParentLogins(ctx: DemoContext, slots: PupilSlot[], schools: DemoSchools): void {
  const household = newHousehold(ctx, 'Schröder');
  const mother = addGuardianPerson(ctx, household, 'W', 'Schröder', 'Julia');
  // The father lives elsewhere; the school must not tell him where the family lives.
  const father = addGuardianPerson(ctx, newHousehold(ctx, 'Schröder'), 'M', 'Schröder', 'Stefan');
  const son = addPupil(ctx, takeSlot(slots, schools.gym, '7b'), household, { firstName: 'Lukas', gender: 'M' });
  const daughter = addPupil(ctx, takeSlot(slots, schools.gs, '2a'), household, { firstName: 'Marie', gender: 'W' });
  linkGuardians(ctx, son, [custodyLink(mother, 'MOTHER'), blockedParentLink(father, 'FATHER')]);
  linkGuardians(ctx, daughter, [custodyLink(mother, 'MOTHER')]);
  const bothSchools = `${schools.gym.row.name} und ${schools.gs.row.name}`;
  addLogin(ctx, 'eltern.geschwister', mother, 'Mutter mit Sorgerecht von zwei Kindern (7b am Gymnasium, 2a an der Grundschule)', bothSchools);
  addLogin(ctx, 'eltern.sperre', father, 'Vater ohne Sorgerecht, mit Auskunftssperre (Sohn in der 7b am Gymnasium)', schools.gym.row.name);
}

export function sortLogins<T extends { username: string }>(logins: readonly T[]): T[] {
  const rank = (username: string) => (DEMO_LOGIN_USERNAMES as readonly string[]).indexOf(username);
  return [...logins].sort((a, b) => rank(a.username) - rank(b.username));
}
