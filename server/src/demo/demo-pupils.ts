import { addDays, parseCalendarDate, type CalendarDate, type Gender } from '@schulverwaltung/shared';
import { EMERGENCY_CONTACT_RELATIONS, MUELLER, RELIGIOUS_EDUCATION_WEIGHTS } from './demo-catalog';
import { addPerson, type DemoClass, type DemoContext, type DemoPupil, type DemoSchool } from './demo-context';
import type { PupilRow } from './demo-data.types';
import { addFamilyGuardians, linkGuardians, type DemoHousehold } from './demo-guardians';

// Pupils: one seat per pupil in each class, filled family by family. About one family in 19 has two
// children, so ~10 % of pupils are siblings sharing their guardians.

export interface PupilSlot {
  school: DemoSchool;
  schoolClass: DemoClass;
}

export interface PupilOverrides {
  firstName?: string;
  gender?: Gender;
  birthDate?: CalendarDate;
}

const TWO_CHILD_FAMILY_SHARE = 0.053;
/** The search is demonstrated with "Mueller": every school gets at least this many Müller families. */
const MUELLER_FAMILIES_PER_SCHOOL = 3;

export function buildPupilSlots(ctx: DemoContext, school: DemoSchool): PupilSlot[] {
  return school.classes.flatMap((schoolClass) =>
    Array.from({ length: classSize(ctx, school, schoolClass) }, () => ({ school, schoolClass })),
  );
}

function classSize(ctx: DemoContext, school: DemoSchool, schoolClass: DemoClass): number {
  const { gymnasium, grundschule } = ctx.size;
  if (schoolClass.isYearGroup) return gymnasium.upperGradePupils;
  const mean = school.profile.key === 'gym' ? gymnasium.pupilsPerClass : grundschule.pupilsPerClass;
  const spread = Math.floor(mean / 10);
  return mean + ctx.random.int(-spread, spread);
}

/** Takes a seat in the named class out of the list (for the demo logins' pupils). */
export function takeSlot(slots: PupilSlot[], school: DemoSchool, className: string): PupilSlot {
  const index = slots.findIndex((slot) => slot.school === school && slot.schoolClass.group.name === className);
  if (index < 0) throw new RangeError(`Demo data: no free seat in ${school.profile.name}, class ${className}`);
  return slots.splice(index, 1)[0];
}

export function newHousehold(ctx: DemoContext, lastName = ctx.people.lastName()): DemoHousehold {
  return { lastName, address: ctx.people.address() };
}

/** Fills the seats with families of one or two children. */
export function addFamilies(ctx: DemoContext, slots: readonly PupilSlot[]): void {
  const muellersLeft = new Map<DemoSchool, number>();
  const queue = ctx.random.shuffle(slots);
  for (let i = 0; i < queue.length; i++) {
    const children = [queue[i]];
    if (i + 1 < queue.length && ctx.random.chance(TWO_CHILD_FAMILY_SHARE)) children.push(queue[++i]);
    const school = children[0].school;
    const left = muellersLeft.get(school) ?? MUELLER_FAMILIES_PER_SCHOOL;
    muellersLeft.set(school, left - 1);
    addFamily(ctx, children, newHousehold(ctx, left > 0 ? MUELLER : undefined));
  }
}

function addFamily(ctx: DemoContext, children: readonly PupilSlot[], household: DemoHousehold): void {
  const guardians = addFamilyGuardians(ctx, household);
  let elder: DemoPupil | undefined;
  for (const slot of children) {
    // Two children of one family in the same grade are twins.
    const isTwin = elder?.school === slot.school && elder.schoolClass.gradeLevel === slot.schoolClass.gradeLevel;
    const pupil = addPupil(ctx, slot, household, isTwin ? { birthDate: elder?.person.birthDate ?? undefined } : {});
    linkGuardians(ctx, pupil, guardians);
    elder = pupil;
  }
}

export function addPupil(ctx: DemoContext, slot: PupilSlot, household: DemoHousehold, overrides: PupilOverrides = {}): DemoPupil {
  const gender = overrides.gender ?? ctx.people.gender();
  const firstName = overrides.firstName ?? ctx.people.firstName(gender);
  const birthDate = overrides.birthDate ?? birthDateForGrade(ctx, slot.schoolClass.gradeLevel);
  const person = addPerson(ctx, {
    firstName, lastName: household.lastName, gender, birthDate, birthPlace: ctx.people.birthPlace(), ...household.address,
  });
  const row = pupilRow(ctx, slot.school, person.id, household, birthDate);
  ctx.tables.pupils.push(row);
  addEnrolment(ctx, slot, row.id);
  const pupil: DemoPupil = { person, pupilId: row.id, school: slot.school, schoolClass: slot.schoolClass };
  slot.school.pupils.push(pupil);
  return pupil;
}

function pupilRow(ctx: DemoContext, school: DemoSchool, personId: string, household: DemoHousehold, birthDate: CalendarDate): PupilRow {
  return {
    id: ctx.ids.uuid(),
    schoolId: school.row.id,
    personId,
    externalId: null,
    religiousEducation: ctx.random.weighted(RELIGIOUS_EDUCATION_WEIGHTS),
    emergencyContacts: emergencyContacts(ctx, household),
    // A few proofs are still missing: the secretariat has to chase them.
    measlesProofOn: ctx.random.chance(0.97) ? addDays(birthDate, ctx.random.int(400, 2190)) : null,
    photoConsent: ctx.random.chance(0.8),
    guardianAccessConsent: false,
    certificateRequiredFrom: null,
  };
}

/** Born between 1 October and 30 September as Berlin's school entry rule has it; some a year older. */
export function birthDateForGrade(ctx: DemoContext, gradeLevel: number): CalendarDate {
  const startYear = parseCalendarDate(ctx.schoolYear.startsOn).year;
  const earliest = `${startYear - gradeLevel - 6}-10-01`;
  const heldBack = ctx.random.chance(0.05) ? 365 : 0;
  return addDays(earliest, ctx.random.int(0, 364) - heldBack);
}

function emergencyContacts(ctx: DemoContext, household: DemoHousehold): PupilRow['emergencyContacts'] {
  return Array.from({ length: ctx.random.int(1, 2) }, () => {
    const relation = ctx.random.pick(EMERGENCY_CONTACT_RELATIONS);
    const gender: Gender = /mutter|tante|nachbarin/i.test(relation) ? 'W' : 'M';
    const lastName = ctx.random.chance(0.5) ? household.lastName : ctx.people.lastName();
    return { name: `${ctx.people.firstName(gender)} ${lastName}`, phone: ctx.people.mobilePhone(), relation };
  });
}

function addEnrolment(ctx: DemoContext, slot: PupilSlot, pupilId: string): void {
  const { school, schoolClass } = slot;
  ctx.tables.enrolments.push({
    id: ctx.ids.uuid(),
    schoolId: school.row.id,
    pupilId,
    schoolYearId: school.year.id,
    classId: schoolClass.group.id,
    entryDate: entryDate(ctx, slot),
    leavingDate: null,
    status: 'ACTIVE',
  });
}

/** Most start with the school year; some moved into the district during an earlier one. */
function entryDate(ctx: DemoContext, slot: PupilSlot): CalendarDate {
  const firstGrade = slot.school.profile.classGrades[0];
  const joinedEarlier = slot.schoolClass.gradeLevel > firstGrade && ctx.random.chance(0.1);
  return joinedEarlier ? addDays(ctx.schoolYear.startsOn, -ctx.random.int(40, 300)) : ctx.schoolYear.startsOn;
}
