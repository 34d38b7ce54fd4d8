import DataLoader from 'dataloader';
import { In } from 'typeorm';
import { groupByKey, LoaderFactory, oneByKey } from '../../common/request-loaders';
import { HolidayEntity } from './holiday.entity';
import { SchoolYearEntity } from './school-year.entity';

export const schoolYearById: LoaderFactory<string, SchoolYearEntity | null> = ({ manager }) =>
  new DataLoader(async (ids) => oneByKey(ids, await manager.findBy(SchoolYearEntity, { id: In([...ids]) }), (y) => y.id));

export const currentSchoolYearBySchoolId: LoaderFactory<string, SchoolYearEntity | null> = ({ manager }) =>
  new DataLoader(async (ids) => oneByKey(ids, await manager.findBy(SchoolYearEntity, { schoolId: In([...ids]), isCurrent: true }), (y) => y.schoolId));

export const holidaysBySchoolYearId: LoaderFactory<string, HolidayEntity[]> = ({ manager }) =>
  new DataLoader(async (ids) => {
    const rows = await manager.find(HolidayEntity, { where: { schoolYearId: In([...ids]) }, order: { startsOn: 'ASC' } });
    return groupByKey(ids, rows, (h) => h.schoolYearId);
  });
