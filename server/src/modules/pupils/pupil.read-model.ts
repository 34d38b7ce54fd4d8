import { EntityManager, SelectQueryBuilder } from 'typeorm';
import { Gender, isOfAge, ReligiousEducation } from '@schulverwaltung/shared';
import { GroupEntity, groupFromColumns } from '../groups/group.entity';
import { toGroup } from '../groups/group.types';
import { canOnFresh } from '../../common/access';
import { visibleGuardianshipsOf } from '../guardians/guardians.loaders';
import type { Guardianship } from '../guardians/guardian.types';
import type { RequestContext } from '../../authz/request-context';
import { SchoolYearEntity } from '../school-years/school-year.entity';
import { EnrolmentEntity } from './enrolment.entity';
import { PersonEntity } from './person.entity';
import { EmergencyContact, PupilEntity } from './pupil.entity';
import { Pupil } from './pupil.types';

/** A pupil as the API reads it: pupil row + person + current-year enrolment, in one query. */
export interface PupilRow {
  id: string;
  schoolId: string;
  personId: string;
  version: number;
  firstName: string;
  lastName: string;
  birthDate: string | null;
  gender: Gender | null;
  birthPlace: string | null;
  street: string | null;
  postalCode: string | null;
  city: string | null;
  religiousEducation: ReligiousEducation | null;
  emergencyContacts: EmergencyContact[];
  measlesProofOn: string | null;
  photoConsent: boolean;
  guardianAccessConsent: boolean;
  classId: string | null;
  currentEnrolmentId: string | null;
  /** The current class row (column names), joined so that pupil lists need no extra query for it. */
  classRow: Record<string, unknown> | null;
}

/** SQL columns for the fields pupil rules mention (see scope-to-sql). */
export const PUPIL_COLUMNS = { id: 'p.id', schoolId: 'p.school_id' };

export function pupilQuery(manager: EntityManager): SelectQueryBuilder<PupilEntity> {
  return manager
    .createQueryBuilder(PupilEntity, 'p')
    .innerJoin(PersonEntity, 'pe', 'pe.id = p.person_id')
    .leftJoin(SchoolYearEntity, 'sy', 'sy.school_id = p.school_id AND sy.is_current')
    .leftJoin(EnrolmentEntity, 'e', 'e.pupil_id = p.id AND e.school_year_id = sy.id')
    .leftJoin(GroupEntity, 'cl', 'cl.id = e.class_id')
    .select([
      'p.id AS "id"', 'p.school_id AS "schoolId"', 'p.person_id AS "personId"', 'p.version AS "version"',
      'pe.first_name AS "firstName"', 'pe.last_name AS "lastName"', 'pe.birth_date AS "birthDate"', 'pe.gender AS "gender"',
      'pe.birth_place AS "birthPlace"', 'pe.street AS "street"', 'pe.postal_code AS "postalCode"', 'pe.city AS "city"',
      'p.religious_education AS "religiousEducation"', 'p.emergency_contacts AS "emergencyContacts"',
      'p.measles_proof_on AS "measlesProofOn"', 'p.photo_consent AS "photoConsent"',
      'p.guardian_access_consent AS "guardianAccessConsent"', 'e.class_id AS "classId"', 'e.id AS "currentEnrolmentId"', 'row_to_json(cl.*) AS "classRow"',
    ]);
}

/** `loaded`: the pupil's guardianships where the query brought them (all of them; filtered here by the viewer's rights). */
export function toPupil(row: PupilRow, ctx: RequestContext, loaded?: Guardianship[]): Pupil {
  const today = ctx.today;
  const pupil: Pupil = {
    class: row.classRow ? toGroup(groupFromColumns(row.classRow)) : null,
    id: row.id, schoolId: row.schoolId, personId: row.personId, firstName: row.firstName, lastName: row.lastName,
    birthDate: row.birthDate, gender: row.gender, isOfAge: isOfAge(row.birthDate, today),
    guardianAccessConsent: row.guardianAccessConsent, classId: row.classId, version: row.version,
    currentEnrolmentId: row.currentEnrolmentId,
    masterData: {
      birthPlace: row.birthPlace, street: row.street, postalCode: row.postalCode, city: row.city,
      religiousEducation: row.religiousEducation, emergencyContacts: row.emergencyContacts ?? [],
      measlesProofOn: row.measlesProofOn, photoConsent: row.photoConsent,
    },
  };
  // Read lazily, and only by GraphQL when the query asks for it: Nest's default field resolver reads
  // the property, so a list of pupils needs no framework resolver call per pupil. Not enumerable, so
  // copying the object (CASL subject checks) does not trigger the load.
  // A list that selected them brings them along (JSON column): a plain value then, so GraphQL completes
  // each pupil without waiting on a promise.
  const guardianships = loaded ? { value: loaded.filter((g) => canOnFresh(ctx.ability, 'read', 'Guardianship', g)) } : { get: () => visibleGuardianshipsOf(ctx, row.id) };
  Object.defineProperty(pupil, 'guardianships', { enumerable: false, ...guardianships });
  return pupil;
}
