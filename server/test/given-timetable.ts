import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { SubstitutionKind, WeekPattern } from '@schulverwaltung/shared';
import { LessonEntity } from '../src/modules/timetable/lesson.entity';
import { SubstitutionEntity } from '../src/modules/timetable/substitution.entity';
import { TimeGridPeriodEntity } from '../src/modules/timetable/time-grid-period.entity';
import { TimetableEntryEntity } from '../src/modules/timetable/timetable-entry.entity';

// Timetable rows as the Untis import would write them (there is no importer in these tests):
// lesson versions of one lineage, entries placing them at weekday and period, substitutions, the grid.

export interface LessonValues {
  schoolId: string;
  schoolYearId: string;
  subjectId: string | null;
  teacherIds: string[];
  groupIds: string[];
  validFrom: string;
  validTo?: string | null;
  weekPattern?: WeekPattern;
  /** continue an existing lesson as a new version */
  lineageId?: string;
}

export interface EntryValues {
  weekday: number;
  period: number;
  roomId: string | null;
  validFrom: string;
  validTo?: string | null;
  sequence?: number;
}

export interface SubstitutionValues {
  schoolId: string;
  date: string;
  period: number;
  kind: SubstitutionKind;
  lessonLineageId?: string | null;
  substituteTeacherIds?: string[];
  substituteSubjectId?: string | null;
  substituteRoomId?: string | null;
  groupIds?: string[];
  text?: string | null;
  revision?: number;
}

export function givenTimetable(dataSource: DataSource) {
  const m = dataSource.manager;
  return {
    /** A lesson version; a new lineage unless one is given. */
    async lesson(values: LessonValues): Promise<LessonEntity> {
      return m.save(m.create(LessonEntity, {
        weekPattern: { kind: 'EVERY' }, validTo: null, ...values, lineageId: values.lineageId ?? randomUUID(),
      }));
    },
    /** Places a lesson (its lineage) at a weekday and period in a room. */
    async entry(lesson: LessonEntity, values: EntryValues): Promise<TimetableEntryEntity> {
      return m.save(m.create(TimetableEntryEntity, {
        schoolId: lesson.schoolId, schoolYearId: lesson.schoolYearId, lessonLineageId: lesson.lineageId, validTo: null, sequence: 0, ...values,
      }));
    },
    async substitution(values: SubstitutionValues): Promise<SubstitutionEntity> {
      return m.save(m.create(SubstitutionEntity, { lessonLineageId: null, revision: 0, ...values }));
    },
    /** The same periods from Monday to Friday, e.g. [['08:00', '08:45'], ['08:50', '09:35']]. */
    async weekdayGrid(schoolId: string, times: [string, string][]): Promise<void> {
      const rows = [1, 2, 3, 4, 5].flatMap((weekday) => times.map(([startsAt, endsAt], index) => ({ schoolId, weekday, period: index + 1, startsAt, endsAt })));
      await m.insert(TimeGridPeriodEntity, rows);
    },
  };
}
