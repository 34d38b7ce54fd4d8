import {
  createGuardianSchema, createPupilSchema, guardianshipSchema, isOfAge, membershipSchema, normalizeName, type MembershipRole,
} from '@schulverwaltung/shared';
import { DEMO_LOGIN_USERNAMES, DEMO_PASSWORD, DEMO_SIZES, generateDemoData } from './demo-data.generator';
import type { DemoDataset, GroupRow, MembershipRow, PersonRow, SchoolRow } from './demo-data.types';

const TODAY = '2026-11-28';
const small = generateDemoData({ seed: 7, size: 'small', today: TODAY });
const full = generateDemoData({ seed: 7, size: 'full', today: TODAY });

// ---- helpers -------------------------------------------------------------------------------------

function school(data: DemoDataset, type: SchoolRow['type']): SchoolRow {
  const found = data.schools.find((s) => s.type === type);
  if (!found) throw new Error(`no ${type}`);
  return found;
}
const gymOf = (data: DemoDataset) => school(data, 'GYMNASIUM');
const gsOf = (data: DemoDataset) => school(data, 'GRUNDSCHULE');

function loginPerson(data: DemoDataset, username: string): PersonRow {
  const account = data.accounts.find((a) => a.username === username);
  const person = data.persons.find((p) => p.id === account?.personId);
  if (!person) throw new Error(`no person for ${username}`);
  return person;
}
function membershipsOf(data: DemoDataset, username: string, role?: MembershipRole): MembershipRow[] {
  const personId = loginPerson(data, username).id;
  return data.memberships.filter((m) => m.personId === personId && (!role || m.role === role));
}
function groupByName(data: DemoDataset, schoolId: string, name: string): GroupRow {
  const found = data.groups.find((g) => g.schoolId === schoolId && g.name === name);
  if (!found) throw new Error(`no group ${name}`);
  return found;
}
function groupsOfPerson(data: DemoDataset, personId: string, role: string): GroupRow[] {
  const ids = new Set(data.groupMembers.filter((m) => m.personId === personId && m.role === role).map((m) => m.groupId));
  return data.groups.filter((g) => ids.has(g.id));
}
function pupilOfLogin(data: DemoDataset, username: string) {
  const personId = loginPerson(data, username).id;
  const pupil = data.pupils.find((p) => p.personId === personId);
  const enrolment = data.enrolments.find((e) => e.pupilId === pupil?.id);
  const schoolClass = data.groups.find((g) => g.id === enrolment?.classId);
  if (!pupil || !schoolClass) throw new Error(`no pupil for ${username}`);
  return { pupil, person: loginPerson(data, username), schoolClass };
}
function guardianshipsOfLogin(data: DemoDataset, username: string) {
  const personId = loginPerson(data, username).id;
  return data.guardianships.filter((g) => g.guardianPersonId === personId);
}
function expectUnique<T>(rows: readonly T[], key: (row: T) => string): void {
  expect(new Set(rows.map(key)).size).toBe(rows.length);
}
const teacherCount = (data: DemoDataset, schoolId: string) =>
  data.memberships.filter((m) => m.role === 'TEACHER' && m.schoolId === schoolId).length;
const pupilCount = (data: DemoDataset, schoolId: string) => data.pupils.filter((p) => p.schoolId === schoolId).length;

// ---- determinism and size ------------------------------------------------------------------------

describe('generateDemoData', () => {
  it('gives identical data for the same seed, size and day', () => {
    expect(generateDemoData({ seed: 7, size: 'small', today: TODAY })).toEqual(small);
  });

  it('gives different data for another seed', () => {
    const other = generateDemoData({ seed: 8, size: 'small', today: TODAY });
    expect(other.persons.map((p) => p.searchName)).not.toEqual(small.persons.map((p) => p.searchName));
    expect(other.schools[0].id).not.toEqual(small.schools[0].id);
  });

  it('builds the full demo: ~900 Gymnasium and ~250 Grundschule pupils', () => {
    expect(pupilCount(full, gymOf(full).id)).toBeGreaterThanOrEqual(850);
    expect(pupilCount(full, gymOf(full).id)).toBeLessThanOrEqual(950);
    expect(pupilCount(full, gsOf(full).id)).toBeGreaterThanOrEqual(220);
    expect(pupilCount(full, gsOf(full).id)).toBeLessThanOrEqual(280);
    expect(teacherCount(full, gymOf(full).id)).toBeGreaterThanOrEqual(60);
    expect(teacherCount(full, gymOf(full).id)).toBeLessThanOrEqual(80);
    expect(teacherCount(full, gsOf(full).id)).toBe(DEMO_SIZES.full.grundschule.teachers);
  });

  it('generates the full demo in well under a second', () => {
    const started = performance.now();
    generateDemoData({ seed: 99, size: 'full', today: TODAY });
    // Target < 1 s; the margin absorbs slow CI machines and a cold JIT.
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('rejects sizes the demo logins do not fit into', () => {
    const tooSmall = { ...DEMO_SIZES.small, gymnasium: { ...DEMO_SIZES.small.gymnasium, classesPerGrade: 1 } };
    expect(() => generateDemoData({ size: tooSmall, today: TODAY })).toThrow(RangeError);
    expect(() => generateDemoData({ size: 'small', today: '28.11.2026' })).toThrow(RangeError);
  });
});

// ---- structure and integrity, for both sizes -----------------------------------------------------

describe.each([['small', small], ['full', full]] as const)('the %s demo', (_name, data) => {
  it('has one carrier with a Gymnasium and a Grundschule in Berlin and the current school year', () => {
    expect(data.schoolCarriers).toHaveLength(1);
    expect(data.schools.map((s) => [s.type, s.federalState, s.carrierId])).toEqual([
      ['GYMNASIUM', 'BE', data.schoolCarriers[0].id], ['GRUNDSCHULE', 'BE', data.schoolCarriers[0].id],
    ]);
    expect(data.schools.every((s) => /^\d{6}$/.test(s.schoolNumber))).toBe(true);
    expect(data.schoolYears.map((y) => [y.name, y.startsOn, y.isCurrent])).toEqual([
      ['2026/27', '2026-08-01', true], ['2026/27', '2026-08-01', true],
    ]);
    expect(data.holidays.length).toBeGreaterThan(10);
  });

  it('has classes 5a–10d, year groups 11 and 12 and courses at the Gymnasium, 1a–4c at the Grundschule', () => {
    const classNames = (schoolId: string) => data.groups.filter((g) => g.schoolId === schoolId && g.kind === 'CLASS').map((g) => g.name);
    expect(classNames(gymOf(data).id)).toEqual(expect.arrayContaining(['5a', '7b', '10d', '11', '12']));
    expect(classNames(gymOf(data).id)).toHaveLength(26);
    expect(classNames(gsOf(data).id)).toEqual(['1a', '1b', '1c', '2a', '2b', '2c', '3a', '3b', '3c', '4a', '4b', '4c']);
    const courses = data.groups.filter((g) => g.kind === 'COURSE');
    expect(courses.every((c) => /^[a-z]+-[LG]\d+$/.test(c.name) && c.subjectId && c.schoolId === gymOf(data).id)).toBe(true);
    expect(courses.map((c) => c.name)).toEqual(expect.arrayContaining(['ma-L1', 'de-G1', 'en-G1']));
    for (const course of courses) {
      const members = data.groupMembers.filter((m) => m.groupId === course.id);
      expect(members.filter((m) => m.role === 'TEACHER')).toHaveLength(1);
      expect(members.some((m) => m.role === 'PUPIL')).toBe(true);
    }
  });

  it('gives every class a Klassenleitung (position 0) and a deputy (position 1)', () => {
    for (const group of data.groups.filter((g) => g.kind === 'CLASS')) {
      const positions = data.groupMembers.filter((m) => m.groupId === group.id && m.role === 'CLASS_TEACHER').map((m) => m.position);
      expect(positions.sort()).toEqual([0, 1]);
    }
  });

  it('points every foreign key at a row of the dataset', () => {
    const ids = (rows: readonly { id: string }[]) => new Set(rows.map((r) => r.id));
    const [carriers, schools, years, subjects, persons, groups, pupils] =
      [data.schoolCarriers, data.schools, data.schoolYears, data.subjects, data.persons, data.groups, data.pupils].map(ids);
    const dangling: string[] = [];
    const check = <T extends object>(table: string, rows: readonly T[], key: keyof T & string, target: Set<string>, nullable = false) => {
      for (const row of rows) {
        const value = row[key] as string | null;
        if (!(nullable && value === null) && !target.has(value ?? '')) dangling.push(`${table}.${key} = ${value}`);
      }
    };
    check('schools', data.schools, 'carrierId', carriers);
    for (const [table, rows] of Object.entries({
      schoolYears: data.schoolYears, holidays: data.holidays, subjects: data.subjects, rooms: data.rooms, groups: data.groups,
      groupMembers: data.groupMembers, pupils: data.pupils, enrolments: data.enrolments, guardianships: data.guardianships,
    })) check(table, rows as readonly { schoolId: string }[], 'schoolId', schools);
    check('holidays', data.holidays, 'schoolYearId', years);
    check('groups', data.groups, 'schoolYearId', years);
    check('groups', data.groups, 'subjectId', subjects, true);
    check('enrolments', data.enrolments, 'schoolYearId', years);
    check('enrolments', data.enrolments, 'classId', groups, true);
    check('enrolments', data.enrolments, 'pupilId', pupils);
    check('guardianships', data.guardianships, 'pupilId', pupils);
    check('guardianships', data.guardianships, 'guardianPersonId', persons);
    check('groupMembers', data.groupMembers, 'groupId', groups);
    check('groupMembers', data.groupMembers, 'personId', persons);
    check('pupils', data.pupils, 'personId', persons);
    check('accounts', data.accounts, 'personId', persons);
    check('memberships', data.memberships, 'personId', persons);
    check('memberships', data.memberships, 'schoolId', schools, true);
    check('memberships', data.memberships, 'carrierId', carriers, true);
    expect(dangling).toEqual([]);
  });

  it('keeps every school-owned row at the school of what it refers to', () => {
    const schoolOf = new Map<string, string>();
    for (const rows of [data.schoolYears, data.subjects, data.groups, data.pupils]) for (const r of rows) schoolOf.set(r.id, r.schoolId);
    const wrong = [
      ...data.holidays.filter((h) => schoolOf.get(h.schoolYearId) !== h.schoolId),
      ...data.groups.filter((g) => schoolOf.get(g.schoolYearId) !== g.schoolId || (g.subjectId && schoolOf.get(g.subjectId) !== g.schoolId)),
      ...data.groupMembers.filter((m) => schoolOf.get(m.groupId) !== m.schoolId),
      ...data.enrolments.filter((e) => [e.pupilId, e.schoolYearId, e.classId ?? ''].some((id) => schoolOf.get(id) !== e.schoolId)),
      ...data.guardianships.filter((g) => schoolOf.get(g.pupilId) !== g.schoolId),
    ];
    expect(wrong).toEqual([]);
  });

  it('gives group members the matching role at the school: teachers a TEACHER membership, course pupils a pupil record', () => {
    const teachers = new Set(data.memberships.filter((m) => m.role === 'TEACHER').map((m) => `${m.schoolId}/${m.personId}`));
    const pupils = new Set(data.pupils.map((p) => `${p.schoolId}/${p.personId}`));
    const wrong = data.groupMembers.filter((m) => !(m.role === 'PUPIL' ? pupils : teachers).has(`${m.schoolId}/${m.personId}`));
    expect(wrong).toEqual([]);
  });

  it('respects the unique indexes of the schema', () => {
    expectUnique(data.accounts, (a) => a.username);
    expectUnique(data.accounts, (a) => a.personId);
    expectUnique(data.schools, (s) => s.schoolNumber);
    expectUnique(data.groups, (g) => `${g.schoolYearId}/${g.kind}/${g.name}`);
    expectUnique(data.groupMembers, (m) => `${m.groupId}/${m.personId}/${m.role}`);
    expectUnique(data.pupils, (p) => `${p.schoolId}/${p.personId}`);
    expectUnique(data.enrolments, (e) => `${e.pupilId}/${e.schoolYearId}`);
    expectUnique(data.guardianships, (g) => `${g.pupilId}/${g.guardianPersonId}`);
    expectUnique(data.subjects, (s) => `${s.schoolId}/${s.shortName}`);
    expectUnique(data.rooms, (r) => `${r.schoolId}/${r.shortName}`);
    expectUnique(data.memberships.filter((m) => m.role === 'TEACHER'), (m) => `${m.schoolId}/${m.abbreviation}`);
    const tables = [data.schoolCarriers, data.schools, data.schoolYears, data.holidays, data.subjects, data.rooms, data.persons,
      data.accounts, data.memberships, data.groups, data.groupMembers, data.pupils, data.enrolments, data.guardianships];
    expectUnique(tables.flat(), (row) => row.id);
  });

  it('produces rows the forms would accept (shared zod schemas)', () => {
    const persons = new Map(data.persons.map((p) => [p.id, p]));
    const issues = [
      ...data.pupils.flatMap((pupil) => createPupilSchema.safeParse({ ...persons.get(pupil.personId), ...pupil }).error?.issues ?? []),
      ...data.guardianships.flatMap((g) => guardianshipSchema.safeParse(g).error?.issues ?? []),
      ...data.memberships.flatMap((m) => membershipSchema.safeParse(m).error?.issues ?? []),
      ...data.persons.filter((p) => p.email || p.phone).flatMap((p) => createGuardianSchema.safeParse(p).error?.issues ?? []),
    ];
    expect(issues).toEqual([]);
  });

  it('sets searchName = normalizeName(first last) on every person', () => {
    expect(data.persons.every((p) => p.searchName === normalizeName(`${p.firstName} ${p.lastName}`))).toBe(true);
  });

  it('names some pupils Müller at each school, so "Mueller" finds them', () => {
    const searchNames = new Map(data.persons.map((p) => [p.id, p.searchName]));
    const muellers = (schoolId: string) =>
      data.pupils.filter((p) => p.schoolId === schoolId && searchNames.get(p.personId)?.endsWith(' mueller'));
    expect(muellers(gymOf(data).id).length).toBeGreaterThanOrEqual(3);
    expect(muellers(gsOf(data).id).length).toBeGreaterThanOrEqual(3);
  });

  it('gives most pupils two guardians and makes about 10 % siblings sharing them', () => {
    const perPupil = new Map<string, number>();
    for (const g of data.guardianships) perPupil.set(g.pupilId, (perPupil.get(g.pupilId) ?? 0) + 1);
    expect(perPupil.size).toBe(data.pupils.length);
    expect([...perPupil.values()].filter((n) => n === 2).length).toBeGreaterThan(data.pupils.length * 0.7);
    const childrenPerGuardian = new Map<string, Set<string>>();
    for (const g of data.guardianships) childrenPerGuardian.set(g.guardianPersonId, (childrenPerGuardian.get(g.guardianPersonId) ?? new Set()).add(g.pupilId));
    const siblings = new Set([...childrenPerGuardian.values()].filter((c) => c.size > 1).flatMap((c) => [...c]));
    if (data === full) expect(siblings.size / data.pupils.length).toBeGreaterThan(0.05);
    if (data === full) expect(siblings.size / data.pupils.length).toBeLessThan(0.16);
    expect(siblings.size).toBeGreaterThanOrEqual(2);
  });
});

// ---- the demo logins -----------------------------------------------------------------------------

describe.each([['small', small], ['full', full]] as const)('the %s demo logins', (_name, data) => {
  it('exist exactly once each, with an account, the demo password and a German description', () => {
    expect(data.logins.map((l) => l.username)).toEqual([...DEMO_LOGIN_USERNAMES]);
    expect(data.accounts.map((a) => a.username).sort()).toEqual([...DEMO_LOGIN_USERNAMES].sort());
    for (const login of data.logins) {
      expect(login).toMatchObject({ password: DEMO_PASSWORD, personId: loginPerson(data, login.username).id });
      expect(login.description.length).toBeGreaterThan(5);
      expect(login.username).toBe(login.username.toLowerCase());
    }
  });

  it('give the admins and the secretariats their scoped memberships', () => {
    const [gym, gs, carrier] = [gymOf(data), gsOf(data), data.schoolCarriers[0]];
    expect(membershipsOf(data, 'land.admin')).toEqual([expect.objectContaining({ role: 'STATE_ADMIN', federalState: 'BE', schoolId: null })]);
    expect(membershipsOf(data, 'traeger.admin')).toEqual([expect.objectContaining({ role: 'CARRIER_ADMIN', carrierId: carrier.id })]);
    expect(membershipsOf(data, 'gym.admin')).toEqual([expect.objectContaining({ role: 'SCHOOL_ADMIN', schoolId: gym.id })]);
    expect(membershipsOf(data, 'gs.admin')).toEqual([expect.objectContaining({ role: 'SCHOOL_ADMIN', schoolId: gs.id })]);
    expect(membershipsOf(data, 'gym.sekretariat')).toEqual([expect.objectContaining({ role: 'SECRETARIAT', schoolId: gym.id })]);
    expect(membershipsOf(data, 'gs.sekretariat')).toEqual([expect.objectContaining({ role: 'SECRETARIAT', schoolId: gs.id })]);
    expect(membershipsOf(data, 'gym.schulleitung').map((m) => [m.role, m.schoolId]).sort())
      .toEqual([['SCHOOL_MANAGEMENT', gym.id], ['TEACHER', gym.id]]);
  });

  it('make gym.klassenleitung the Klassenleitung of 7b and gs.lehrkraft that of 2a', () => {
    const [gym, gs] = [gymOf(data), gsOf(data)];
    const leadOf = (schoolId: string, className: string) => data.groupMembers.find((m) =>
      m.groupId === groupByName(data, schoolId, className).id && m.role === 'CLASS_TEACHER' && m.position === 0)?.personId;
    expect(leadOf(gym.id, '7b')).toBe(loginPerson(data, 'gym.klassenleitung').id);
    expect(leadOf(gs.id, '2a')).toBe(loginPerson(data, 'gs.lehrkraft').id);
    expect(membershipsOf(data, 'gym.klassenleitung', 'TEACHER')).toEqual([expect.objectContaining({ schoolId: gym.id })]);
    expect(membershipsOf(data, 'gs.lehrkraft', 'TEACHER')).toEqual([expect.objectContaining({ schoolId: gs.id })]);
  });

  it('let gym.lehrkraft teach 7b, other classes and a course, leading none', () => {
    const personId = loginPerson(data, 'gym.lehrkraft').id;
    const taught = groupsOfPerson(data, personId, 'TEACHER');
    expect(taught.map((g) => g.name)).toContain('7b');
    expect(taught.filter((g) => g.kind === 'CLASS').length).toBeGreaterThanOrEqual(3);
    expect(taught.some((g) => g.kind === 'COURSE')).toBe(true);
    expect(groupsOfPerson(data, personId, 'CLASS_TEACHER')).toEqual([]);
  });

  it('let beide.lehrkraft teach at both schools under different Kürzel', () => {
    const memberships = membershipsOf(data, 'beide.lehrkraft', 'TEACHER');
    expect(memberships.map((m) => m.schoolId).sort()).toEqual([gymOf(data).id, gsOf(data).id].sort());
    expect(memberships[0].abbreviation).not.toEqual(memberships[1].abbreviation);
    const taughtSchools = groupsOfPerson(data, loginPerson(data, 'beide.lehrkraft').id, 'TEACHER').map((g) => g.schoolId);
    expect(new Set(taughtSchools)).toEqual(new Set([gymOf(data).id, gsOf(data).id]));
  });

  it('make schueler a minor in 7b and schueler.volljaehrig an adult in 12 with two guardians', () => {
    const minor = pupilOfLogin(data, 'schueler');
    expect([minor.schoolClass.name, minor.schoolClass.schoolId]).toEqual(['7b', gymOf(data).id]);
    expect(isOfAge(minor.person.birthDate, data.today)).toBe(false);
    const adult = pupilOfLogin(data, 'schueler.volljaehrig');
    expect([adult.schoolClass.name, adult.schoolClass.gradeLevel]).toEqual(['12', 12]);
    expect(isOfAge(adult.person.birthDate, data.today)).toBe(true);
    expect(adult.pupil.guardianAccessConsent).toBe(false);
    const guardians = data.guardianships.filter((g) => g.pupilId === adult.pupil.id);
    const loginPersons = new Set(data.accounts.map((a) => a.personId));
    expect(guardians).toHaveLength(2);
    expect(guardians.some((g) => loginPersons.has(g.guardianPersonId))).toBe(false);
  });

  it('make eltern.geschwister the custodial mother of a child in 7b and one in 2a', () => {
    const links = guardianshipsOfLogin(data, 'eltern.geschwister');
    expect(links).toHaveLength(2);
    expect(new Set(links.map((l) => l.schoolId)).size).toBe(2);
    for (const link of links) {
      expect(link).toMatchObject({ relation: 'MOTHER', hasCustody: true, mayExcuse: true, receivesMail: true, hasInformationBlock: false });
    }
    const classes = links.map((l) => data.groups.find((g) => g.id === data.enrolments.find((e) => e.pupilId === l.pupilId)?.classId)?.name);
    expect(classes.sort()).toEqual(['2a', '7b']);
  });

  it('make eltern.sperre the blocked father of the Gymnasium sibling', () => {
    const [link] = guardianshipsOfLogin(data, 'eltern.sperre');
    expect(guardianshipsOfLogin(data, 'eltern.sperre')).toHaveLength(1);
    expect(link).toMatchObject({
      relation: 'FATHER', hasCustody: false, mayExcuse: false, receivesMail: false, hasInformationBlock: true, schoolId: gymOf(data).id,
    });
    const mother = loginPerson(data, 'eltern.geschwister').id;
    const otherGuardians = data.guardianships.filter((g) => g.pupilId === link.pupilId).map((g) => g.guardianPersonId);
    expect(otherGuardians).toContain(mother);
  });
});

describe('the demo on other days', () => {
  it.each(['2025-08-01', '2027-02-28', '2028-02-29', '2027-07-31'])('keeps the adult pupil of age and the school year current on %s', (today) => {
    const data = generateDemoData({ seed: 3, size: 'small', today });
    expect(isOfAge(pupilOfLogin(data, 'schueler.volljaehrig').person.birthDate, today)).toBe(true);
    expect(isOfAge(pupilOfLogin(data, 'schueler').person.birthDate, today)).toBe(false);
    expect(data.schoolYears.every((y) => y.startsOn <= today && today <= y.endsOn)).toBe(true);
  });
});
