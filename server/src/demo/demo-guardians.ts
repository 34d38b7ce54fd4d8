import type { Gender, GuardianRelation } from '@schulverwaltung/shared';
import { addPerson, type DemoContext, type DemoPupil } from './demo-context';
import type { PersonRow } from './demo-data.types';
import type { DemoAddress } from './demo-people';

// Guardians (Erziehungsberechtigte) and their guardianships. A family's guardians are persons of
// their own, linked to every child of the family, so siblings share them — also across schools.

export interface DemoHousehold {
  lastName: string;
  address: DemoAddress;
}

export interface GuardianLink {
  person: PersonRow;
  relation: GuardianRelation;
  hasCustody: boolean;
  mayExcuse: boolean;
  receivesMail: boolean;
  hasInformationBlock: boolean;
}

/** Most children have two guardians, some one. */
export function addFamilyGuardians(ctx: DemoContext, household: DemoHousehold): GuardianLink[] {
  return ctx.random.chance(0.85) ? addTwoParents(ctx, household) : [addSingleGuardian(ctx, household)];
}

function addTwoParents(ctx: DemoContext, household: DemoHousehold): GuardianLink[] {
  const relation: GuardianRelation = ctx.random.chance(0.02) ? 'FOSTER_PARENT' : 'MOTHER';
  const motherHasFamilyName = ctx.random.chance(0.8);
  const mother = addGuardianPerson(ctx, household, 'W', motherHasFamilyName ? household.lastName : ctx.people.lastName());
  // The children carry the family name, so at least one parent does too.
  const fatherLastName = !motherHasFamilyName || ctx.random.chance(0.85) ? household.lastName : ctx.people.lastName();
  const livesApart = ctx.random.chance(0.08);
  const fatherHome = livesApart ? { ...household, address: ctx.people.address() } : household;
  const father = addGuardianPerson(ctx, fatherHome, 'M', fatherLastName);
  const fatherRelation: GuardianRelation = relation === 'FOSTER_PARENT' ? 'FOSTER_PARENT' : 'FATHER';
  const fatherLink = livesApart ? separatedParentLink(ctx, father, fatherRelation) : custodyLink(father, fatherRelation);
  return [custodyLink(mother, relation), fatherLink];
}

function addSingleGuardian(ctx: DemoContext, household: DemoHousehold): GuardianLink {
  const relation = ctx.random.weighted<GuardianRelation>([['MOTHER', 75], ['FATHER', 20], ['GUARDIAN', 5]]);
  const gender: Gender = relation === 'FATHER' || (relation === 'GUARDIAN' && ctx.random.chance(0.5)) ? 'M' : 'W';
  // A court-appointed guardian (Vormund) is usually not a relative.
  const lastName = relation === 'GUARDIAN' ? ctx.people.lastName() : household.lastName;
  return custodyLink(addGuardianPerson(ctx, household, gender, lastName), relation);
}

export function addGuardianPerson(
  ctx: DemoContext, household: DemoHousehold, gender: Gender, lastName: string, firstName = ctx.people.firstName(gender),
): PersonRow {
  return addPerson(ctx, {
    firstName,
    lastName,
    gender,
    ...household.address,
    email: ctx.people.privateEmail(firstName, lastName),
    phone: ctx.random.chance(0.8) ? ctx.people.mobilePhone() : ctx.people.landlinePhone(),
  });
}

export function custodyLink(person: PersonRow, relation: GuardianRelation): GuardianLink {
  return { person, relation, hasCustody: true, mayExcuse: true, receivesMail: true, hasInformationBlock: false };
}

/** No custody, no excuses, no letters — and the school may tell this parent nothing (Auskunftssperre). */
export function blockedParentLink(person: PersonRow, relation: GuardianRelation): GuardianLink {
  return { person, relation, hasCustody: false, mayExcuse: false, receivesMail: false, hasInformationBlock: true };
}

function separatedParentLink(ctx: DemoContext, person: PersonRow, relation: GuardianRelation): GuardianLink {
  if (ctx.random.chance(0.5)) return custodyLink(person, relation);
  if (ctx.random.chance(0.3)) return blockedParentLink(person, relation);
  return { person, relation, hasCustody: false, mayExcuse: false, receivesMail: ctx.random.chance(0.5), hasInformationBlock: false };
}

/** Guardianships in the given order (sortOrder 0 is listed first); schoolId is the pupil's school. */
export function linkGuardians(ctx: DemoContext, pupil: DemoPupil, links: readonly GuardianLink[]): void {
  links.forEach((link, sortOrder) => {
    ctx.tables.guardianships.push({
      id: ctx.ids.uuid(),
      schoolId: pupil.school.row.id,
      pupilId: pupil.pupilId,
      guardianPersonId: link.person.id,
      relation: link.relation,
      hasCustody: link.hasCustody,
      mayExcuse: link.mayExcuse,
      receivesMail: link.receivesMail,
      hasInformationBlock: link.hasInformationBlock,
      sortOrder,
    });
  });
}
