import DataLoader from 'dataloader';
import { In } from 'typeorm';
import { LoaderFactory, oneByKey } from '../../common/request-loaders';
import { SchoolCarrierEntity } from './school-carrier.entity';
import { SchoolEntity } from './school.entity';

export const schoolById: LoaderFactory<string, SchoolEntity | null> = ({ manager }) =>
  new DataLoader(async (ids) => oneByKey(ids, await manager.findBy(SchoolEntity, { id: In([...ids]) }), (s) => s.id));

export const carrierById: LoaderFactory<string, SchoolCarrierEntity | null> = ({ manager }) =>
  new DataLoader(async (ids) => oneByKey(ids, await manager.findBy(SchoolCarrierEntity, { id: In([...ids]) }), (c) => c.id));

export const schoolsByCarrierId: LoaderFactory<string, SchoolEntity[]> = ({ manager }) =>
  new DataLoader(async (ids) => {
    const schools = await manager.find(SchoolEntity, { where: { carrierId: In([...ids]) }, order: { name: 'ASC' } });
    return ids.map((id) => schools.filter((s) => s.carrierId === id));
  });
