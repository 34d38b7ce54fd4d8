import DataLoader from 'dataloader';
import { germanSortKey } from '../../common/german-sort';
import { groupByKey, LoaderFactory, oneByKey } from '../../common/request-loaders';
import { findByAnyPrepared, rawManyPrepared } from '../../database/prepared-query';
import { EnrolmentEntity } from './enrolment.entity';
import { PersonEntity } from './person.entity';
import { pupilQuery, PupilRow } from './pupil.read-model';

export const pupilById: LoaderFactory<string, PupilRow | null> = ({ manager }) =>
  new DataLoader(async (ids) => oneByKey(ids, await rawManyPrepared<PupilRow>(manager, pupilQuery(manager).where('p.id = ANY(:ids)', { ids })), (r) => r.id));

/** Pupils per person (a guardian's children are looked up by their pupil ids instead). */
export const personById: LoaderFactory<string, PersonEntity | null> = ({ manager }) =>
  new DataLoader(async (ids) => oneByKey(ids, await findByAnyPrepared(manager, PersonEntity, 'id', ids), (p) => p.id));

export const enrolmentsByPupilId: LoaderFactory<string, EnrolmentEntity[]> = ({ manager }) =>
  new DataLoader(async (ids) => {
    const rows = await findByAnyPrepared(manager, EnrolmentEntity, 'pupilId', ids, 'entry_date DESC');
    return groupByKey(ids, rows, (e) => e.pupilId);
  });

/**
 * Members of a group: pupils actively enrolled in a class (as pupilCount counts them: a pupil who
 * left keeps the enrolment row but is off the class list), or listed as course/working-group members.
 */
export const pupilsByGroupId: LoaderFactory<string, PupilRow[]> = ({ manager }) =>
  new DataLoader(async (groupIds) => {
    const query = pupilQuery(manager)
      .addSelect('g.id', 'groupId')
      .innerJoin('groups', 'g', 'g.id = ANY(:groupIds)', { groupIds })
      .where(`(EXISTS (SELECT 1 FROM enrolments ce WHERE ce.pupil_id = p.id AND ce.class_id = g.id AND ce.status = 'ACTIVE') OR EXISTS (SELECT 1 FROM group_members gm WHERE gm.group_id = g.id AND gm.person_id = p.person_id AND gm.role = 'PUPIL'))`)
      .orderBy(germanSortKey('pe.last_name')).addOrderBy(germanSortKey('pe.first_name'));
    const rows = await rawManyPrepared<PupilRow & { groupId: string }>(manager, query);
    return groupByKey(groupIds, rows, (r) => r.groupId);
  });
