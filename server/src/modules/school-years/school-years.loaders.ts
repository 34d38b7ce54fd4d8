import DataLoader from 'dataloader';
import { findByAnyPrepared } from '../../database/prepared-query';
import { groupByKey, LoaderFactory, oneByKey } from '../../common/request-loaders';
import { HolidayEntity } from './holiday.entity';
import { SchoolYearEntity } from './school-year.entity';

export const schoolYearById: LoaderFactory<string, SchoolYearEntity | null> = ({ manager }) =>
  new DataLoader(async (ids) => oneByKey(ids, await findByAnyPrepared(manager, SchoolYearEntity, 'id', ids), (y) => y.id));

export const currentSchoolYearBySchoolId: LoaderFactory<string, SchoolYearEntity | null> = ({ manager }) =>
  new DataLoader(async (ids) => oneByKey(ids, (await findByAnyPrepared(manager, SchoolYearEntity, 'schoolId', ids)).filter((y) => y.isCurrent), (y) => y.schoolId));

export const holidaysBySchoolYearId: LoaderFactory<string, HolidayEntity[]> = ({ manager }) =>
  new DataLoader(async (ids) => {
    const rows = await findByAnyPrepared(manager, HolidayEntity, 'schoolYearId', ids, 'starts_on');
    return groupByKey(ids, rows, (h) => h.schoolYearId);
  });
