import DataLoader from 'dataloader';
import { groupByKey, LoaderFactory } from '../../common/request-loaders';
import { queryPrepared } from '../../database/prepared-query';
import { AbsenceLessonLink } from './absence.types';

/** The lessons each absence covers, by date and period. */
export const lessonsByAbsenceId: LoaderFactory<string, AbsenceLessonLink[]> = ({ manager }) =>
  new DataLoader(async (ids) => {
    const rows = await queryPrepared<AbsenceLessonLink & { absenceId: string }>(manager,
      `SELECT absence_id AS "absenceId", date, period, lesson_lineage_id AS "lessonLineageId", lesson_id AS "lessonId"
       FROM absence_lessons WHERE absence_id = ANY($1) ORDER BY date, period`, [ids]);
    return groupByKey(ids, rows, (row) => row.absenceId);
  });
