import DataLoader from 'dataloader';
import { findByAnyPrepared } from '../../database/prepared-query';
import { LoaderFactory, oneByKey } from '../../common/request-loaders';
import { SchoolCarrierEntity } from './school-carrier.entity';
import { SchoolEntity } from './school.entity';

export const schoolById: LoaderFactory<string, SchoolEntity | null> = ({ manager }) =>
  new DataLoader(async (ids) => oneByKey(ids, await findByAnyPrepared(manager, SchoolEntity, 'id', ids), (s) => s.id));

export const carrierById: LoaderFactory<string, SchoolCarrierEntity | null> = ({ manager }) =>
  new DataLoader(async (ids) => oneByKey(ids, await findByAnyPrepared(manager, SchoolCarrierEntity, 'id', ids), (c) => c.id));

export const schoolsByCarrierId: LoaderFactory<string, SchoolEntity[]> = ({ manager }) =>
  new DataLoader(async (ids) => {
    const schools = await findByAnyPrepared(manager, SchoolEntity, 'carrierId', ids, 'name');
    return ids.map((id) => schools.filter((s) => s.carrierId === id));
  });
