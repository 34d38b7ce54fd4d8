import DataLoader from 'dataloader';
import { findByAnyPrepared } from '../../database/prepared-query';
import { LoaderFactory, oneByKey } from '../../common/request-loaders';
import { SubjectEntity } from './subject.entity';

export const subjectById: LoaderFactory<string, SubjectEntity | null> = ({ manager }) =>
  new DataLoader(async (ids) => oneByKey(ids, await findByAnyPrepared(manager, SubjectEntity, 'id', ids), (s) => s.id));
