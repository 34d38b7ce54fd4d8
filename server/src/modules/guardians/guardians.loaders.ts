import DataLoader from 'dataloader';
import { In } from 'typeorm';
import { groupByKey, LoaderFactory } from '../../common/request-loaders';
import { GuardianshipEntity } from './guardianship.entity';

export const guardianshipsByPupilId: LoaderFactory<string, GuardianshipEntity[]> = ({ manager }) =>
  new DataLoader(async (ids) => {
    const rows = await manager.find(GuardianshipEntity, { where: { pupilId: In([...ids]) }, order: { sortOrder: 'ASC', id: 'ASC' } });
    return groupByKey(ids, rows, (g) => g.pupilId);
  });

export const guardianshipsByGuardianPersonId: LoaderFactory<string, GuardianshipEntity[]> = ({ manager }) =>
  new DataLoader(async (ids) => {
    const rows = await manager.find(GuardianshipEntity, { where: { guardianPersonId: In([...ids]) }, order: { id: 'ASC' } });
    return groupByKey(ids, rows, (g) => g.guardianPersonId);
  });
