import DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import { columnsToProperties, findByAnyPrepared, queryPrepared } from '../../database/prepared-query';
import { PersonEntity } from '../pupils/person.entity';
import { groupByKey, LoaderFactory } from '../../common/request-loaders';
import { GuardianshipEntity } from './guardianship.entity';
import { Guardianship, GuardianshipWithPerson, toGuardianship } from './guardian.types';
import { canOnFresh } from '../../common/access';
import type { RequestContext } from '../../authz/request-context';

const BY_PUPIL_WITH_PERSON = `SELECT g.*, row_to_json(pe.*) AS guardian_person_row
  FROM guardianships g JOIN persons pe ON pe.id = g.guardian_person_id
  WHERE g.pupil_id = ANY($1) ORDER BY g.sort_order, g.id`;

function toGuardianshipWithPerson(manager: EntityManager, row: Record<string, unknown>, personRow: Record<string, unknown>): GuardianshipWithPerson {
  return { ...columnsToProperties(manager, GuardianshipEntity, row), guardianPerson: columnsToProperties(manager, PersonEntity, personRow) };
}

/** A pupil's guardianships with the guardian person joined in: one statement for both levels of a list. */
export const guardianshipsByPupilId: LoaderFactory<string, Guardianship[]> = ({ manager }) =>
  new DataLoader(async (ids) => {
    const raw = await queryPrepared<Record<string, unknown> & { guardian_person_row: Record<string, unknown> }>(manager, BY_PUPIL_WITH_PERSON, [ids]);
    const rows = raw.map((row) => toGuardianship(toGuardianshipWithPerson(manager, row, row.guardian_person_row)));
    return groupByKey(ids, rows, (g) => g.pupilId);
  });

/**
 * SQL column with a pupil's guardianships (and their persons) as JSON, for pupil lists that ask for
 * them: the list then primes guardianshipsByPupilId instead of needing a second statement. Built
 * already in the GraphQL shape (Guardianship with its Guardian) and only with the columns that
 * shape has: no timestamps to format, less JSON to parse, no mapping afterwards.
 */
export const GUARDIANSHIPS_OF_PUPIL_JSON = `(SELECT coalesce(json_agg(json_build_object(
    'id', g.id, 'schoolId', g.school_id, 'pupilId', g.pupil_id, 'guardianPersonId', g.guardian_person_id,
    'relation', g.relation, 'hasCustody', g.has_custody, 'mayExcuse', g.may_excuse, 'receivesMail', g.receives_mail,
    'hasInformationBlock', g.has_information_block, 'sortOrder', g.sort_order, 'version', g.version,
    'guardian', json_build_object('personId', gpe.id, 'firstName', gpe.first_name, 'lastName', gpe.last_name, 'email', gpe.email,
      'phone', gpe.phone, 'street', gpe.street, 'postalCode', gpe.postal_code, 'city', gpe.city)
  ) ORDER BY g.sort_order, g.id), '[]')
  FROM guardianships g JOIN persons gpe ON gpe.id = g.guardian_person_id WHERE g.pupil_id = p.id)`;

export const guardianshipsByGuardianPersonId: LoaderFactory<string, GuardianshipEntity[]> = ({ manager }) =>
  new DataLoader(async (ids) => {
    const rows = await findByAnyPrepared(manager, GuardianshipEntity, 'guardianPersonId', ids, 'id');
    return groupByKey(ids, rows, (g) => g.guardianPersonId);
  });

/** The guardianships of a pupil that the viewer may see (batched through guardianshipsByPupilId). */
export async function visibleGuardianshipsOf(ctx: RequestContext, pupilId: string): Promise<Guardianship[]> {
  const links = await ctx.loaders.get(guardianshipsByPupilId).load(pupilId);
  return links.filter((g) => canOnFresh(ctx.ability, 'read', 'Guardianship', g));
}
