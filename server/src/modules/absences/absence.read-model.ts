import { EntityManager, SelectQueryBuilder } from 'typeorm';
import { can, checkId } from '../../common/access';
import { notFound } from '../../common/app-error';
import { queryPrepared } from '../../database/prepared-query';
import type { RequestContext } from '../../authz/request-context';
import { GroupEntity } from '../groups/group.entity';
import { EnrolmentEntity } from '../pupils/enrolment.entity';
import { PersonEntity } from '../pupils/person.entity';
import { PupilEntity } from '../pupils/pupil.entity';
import { AbsenceEntity } from './absence.entity';
import { Absence, SENSITIVE_ABSENCE_FIELDS } from './absence.types';

// An absence as the API reads it: the row, the pupil's name, their class in the absence's school
// year (which the class-teacher rule needs), and the reporting person's name — in one query.

export interface AbsenceRow extends AbsenceEntity {
  classId: string | null;
  className: string | null;
  pupilFirstName: string;
  pupilLastName: string;
  reporterPersonName: string | null;
}

/** SQL columns for the fields absence rules mention (see scope-to-sql). */
export const ABSENCE_COLUMNS = { id: 'a.id', schoolId: 'a.school_id', pupilId: 'a.pupil_id', classId: 'e.class_id', reportedBy: 'a.reported_by' };

/** A rejected leave request is no absence: the pupil is expected at school. */
export const IS_ACTIVE_ABSENCE = `(a.leave_status IS NULL OR a.leave_status <> 'REJECTED')`;

/** Reported, no written excuse yet, deadline passed (:today). */
export const IS_OVERDUE = `(a.status = 'REPORTED' AND a.excuse_received_on IS NULL AND a.excuse_due_on < :today)`;

let absenceColumns: string[] | undefined;

export function absenceQuery(manager: EntityManager): SelectQueryBuilder<AbsenceEntity> {
  absenceColumns ??= manager.connection.getMetadata(AbsenceEntity).columns.map((c) => `a.${c.databaseName} AS "${c.propertyName}"`);
  return manager
    .createQueryBuilder(AbsenceEntity, 'a')
    .innerJoin(PupilEntity, 'p', 'p.id = a.pupil_id')
    .innerJoin(PersonEntity, 'pe', 'pe.id = p.person_id')
    .leftJoin(EnrolmentEntity, 'e', 'e.pupil_id = a.pupil_id AND e.school_year_id = a.school_year_id')
    .leftJoin(GroupEntity, 'cl', 'cl.id = e.class_id')
    .leftJoin(PersonEntity, 'rp', 'rp.id = a.reporter_person_id')
    .select([
      ...absenceColumns,
      'e.class_id AS "classId"', 'cl.name AS "className"', 'pe.first_name AS "pupilFirstName"', 'pe.last_name AS "pupilLastName"',
      `rp.first_name || ' ' || rp.last_name AS "reporterPersonName"`,
    ]);
}

/** The subject the absence rules check: school, pupil, the pupil's class that year, who reported it. */
export function absenceSubject(row: Pick<AbsenceRow, 'id' | 'schoolId' | 'pupilId' | 'classId' | 'reportedBy'>) {
  return { id: row.id, schoolId: row.schoolId, pupilId: row.pupilId, classId: row.classId, reportedBy: row.reportedBy };
}

/** The API shape; each field the viewer may not read (a teacher: reason, note, reporter, excuse data) is null. */
export function toAbsence(row: AbsenceRow, ctx: RequestContext): Absence {
  const subject = absenceSubject(row);
  const mayRead = (field: string) => can(ctx.ability, 'read', 'Absence', subject, field);
  const absence: Absence = {
    id: row.id, schoolId: row.schoolId, pupilId: row.pupilId, classId: row.classId,
    pupil: { id: row.pupilId, firstName: row.pupilFirstName, lastName: row.pupilLastName, classId: row.classId, className: row.className },
    kind: row.kind, startsOn: row.startsOn, endsOn: row.endsOn, periodFrom: row.periodFrom, periodTo: row.periodTo, minutes: row.minutes,
    status: row.status, reportedAt: row.reportedAt, version: row.version,
    reason: row.reason, note: row.note, reportedBy: row.reportedBy, reporterPersonId: row.reporterPersonId, reporterName: row.reporterName,
    reporterDisplayName: row.reporterPersonName ?? row.reporterName, reportedVia: row.reportedVia, enteredByPersonId: row.enteredByPersonId,
    excuseReceivedOn: row.excuseReceivedOn, excuseDueOn: row.excuseDueOn, isOverdue: isOverdue(row, ctx.today),
    excusedByPersonId: row.excusedByPersonId, excusedAt: row.excusedAt, requiresCertificate: row.requiresCertificate,
    certificateReceivedOn: row.certificateReceivedOn, leaveStatus: row.leaveStatus,
    leaveDecidedByPersonId: row.leaveDecidedByPersonId, leaveDecidedAt: row.leaveDecidedAt,
  };
  for (const field of SENSITIVE_ABSENCE_FIELDS) if (!mayRead(field)) absence[field] = null;
  // Derived fields follow the field they are derived from.
  if (!mayRead('reporterName')) absence.reporterDisplayName = null;
  if (!mayRead('excuseDueOn')) absence.isOverdue = null;
  return absence;
}

export function isOverdue(row: Pick<AbsenceEntity, 'status' | 'excuseReceivedOn' | 'excuseDueOn'>, today: string): boolean {
  return row.status === 'REPORTED' && row.excuseReceivedOn === null && row.excuseDueOn !== null && row.excuseDueOn < today;
}

let rowByIdSql: string | undefined;

/** One absence by id as the read model gives it (the caller checks the right to read it). */
export async function absenceRowById(manager: EntityManager, id: string): Promise<AbsenceRow | undefined> {
  // Read after every write: the statement is built once, its id is the only parameter ($1).
  rowByIdSql ??= absenceQuery(manager).where('a.id = :id', { id }).getQueryAndParameters()[0];
  const [row] = await queryPrepared<AbsenceRow>(manager, rowByIdSql, [id]);
  return row;
}

/** The absence if the caller may read it, else NOT_FOUND — as for a missing one, so nothing leaks. */
export async function visibleAbsenceRow(manager: EntityManager, ctx: RequestContext, id: string, field = 'id'): Promise<AbsenceRow> {
  const row = await absenceRowById(manager, checkId(id, field));
  if (!row || !can(ctx.ability, 'read', 'Absence', absenceSubject(row))) throw notFound('Fehlzeit', id);
  return row;
}
