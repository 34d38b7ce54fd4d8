import DataLoader from 'dataloader';
import { In } from 'typeorm';
import { LoaderFactory, oneByKey } from '../../common/request-loaders';
import { SubjectEntity } from './subject.entity';

export const subjectById: LoaderFactory<string, SubjectEntity | null> = ({ manager }) =>
  new DataLoader(async (ids) => oneByKey(ids, await manager.findBy(SubjectEntity, { id: In([...ids]) }), (s) => s.id));
