import DataLoader from 'dataloader';
import { In } from 'typeorm';
import { germanSortKey } from '../../common/german-sort';
import { groupByKey, LoaderFactory, oneByKey } from '../../common/request-loaders';
import { EnrolmentEntity } from './enrolment.entity';
import { PersonEntity } from './person.entity';
import { pupilQuery, PupilRow } from './pupil.read-model';

export const pupilById: LoaderFactory<string, PupilRow | null> = ({ manager }) =>
  new DataLoader(async (ids) => oneByKey(ids, await pupilQuery(manager).where('p.id IN (:...ids)', { ids }).getRawMany<PupilRow>(), (r) => r.id));

/** Pupils per person (a guardian's children are looked up by their pupil ids instead). */
export const personById: LoaderFactory<string, PersonEntity | null> = ({ manager }) =>
  new DataLoader(async (ids) => oneByKey(ids, await manager.findBy(PersonEntity, { id: In([...ids]) }), (p) => p.id));

export const enrolmentsByPupilId: LoaderFactory<string, EnrolmentEntity[]> = ({ manager }) =>
  new DataLoader(async (ids) => {
    const rows = await manager.find(EnrolmentEntity, { where: { pupilId: In([...ids]) }, order: { entryDate: 'DESC' } });
    return groupByKey(ids, rows, (e) => e.pupilId);
  });

/**
 * Members of a group: pupils actively enrolled in a class (as pupilCount counts them: a pupil who
 * left keeps the enrolment row but is off the class list), or listed as course/working-group members.
 */
export const pupilsByGroupId: LoaderFactory<string, PupilRow[]> = ({ manager }) =>
  new DataLoader(async (groupIds) => {
    const rows = await pupilQuery(manager)
      .addSelect('g.id', 'groupId')
      .innerJoin('groups', 'g', 'g.id IN (:...groupIds)', { groupIds })
      .where(`(EXISTS (SELECT 1 FROM enrolments ce WHERE ce.pupil_id = p.id AND ce.class_id = g.id AND ce.status = 'ACTIVE') OR EXISTS (SELECT 1 FROM group_members gm WHERE gm.group_id = g.id AND gm.person_id = p.person_id AND gm.role = 'PUPIL'))`)
      .orderBy(germanSortKey('pe.last_name')).addOrderBy(germanSortKey('pe.first_name'))
      .getRawMany<PupilRow & { groupId: string }>();
    return groupByKey(groupIds, rows, (r) => r.groupId);
  });
