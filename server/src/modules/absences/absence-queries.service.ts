import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { schoolYearContaining, termsOf } from '@schulverwaltung/shared';
import { can, checkId, loadVisible } from '../../common/access';
import { badInput, forbidden, notFound } from '../../common/app-error';
import { checkPage, Page, PageInput } from '../../common/pagination';
import { queryPrepared, rawManyPrepared } from '../../database/prepared-query';
import { RequestContext } from '../../authz/request-context';
import { scopeFor } from '../../authz/scope-to-sql';
import { germanSortKey } from '../../common/german-sort';
import { GroupEntity } from '../groups/group.entity';
import { SchoolEntity } from '../schools/school.entity';
import { AbsenceFilter } from './absence.inputs';
import {
  ABSENCE_COLUMNS, absenceQuery, AbsenceRow, absenceSubject, IS_ACTIVE_ABSENCE, IS_OVERDUE, toAbsence, visibleAbsenceRow,
} from './absence.read-model';
import { Absence, AbsenceChange, AbsenceClassGroup } from './absence.types';

// Reading absences: every list is scoped in SQL by the caller's rules (scope-to-sql), and each
// absence shows only the fields the caller may read (toAbsence).

const BY_NAME = [germanSortKey('pe.last_name'), germanSortKey('pe.first_name')];
// "5a" before "10a"; pupils without a class last.
const BY_CLASS = ['cl.grade_level', 'cl.name'];

@Injectable()
export class AbsenceQueriesService {
  constructor(private readonly dataSource: DataSource) {}

  async get(ctx: RequestContext, id: string): Promise<Absence> {
    return toAbsence(await visibleAbsenceRow(this.dataSource.manager, ctx, id), ctx);
  }

  async list(ctx: RequestContext, filter: AbsenceFilter, pageInput?: PageInput): Promise<Page<Absence>> {
    const page = checkPage(pageInput);
    const qb = this.scoped(ctx);
    if (!qb) return { items: [], total: 0 };
    if (filter.schoolId) qb.andWhere('a.school_id = :schoolId', { schoolId: checkId(filter.schoolId, 'filter.schoolId') });
    if (filter.classId) qb.andWhere('e.class_id = :classId', { classId: checkId(filter.classId, 'filter.classId') });
    if (filter.pupilId) qb.andWhere('a.pupil_id = :pupilId', { pupilId: checkId(filter.pupilId, 'filter.pupilId') });
    if (filter.from) qb.andWhere('a.ends_on >= :from', { from: filter.from });
    if (filter.to) qb.andWhere('a.starts_on <= :to', { to: filter.to });
    if (filter.status) qb.andWhere('a.status = :status', { status: filter.status });
    if (filter.overdue) qb.andWhere(IS_OVERDUE, { today: ctx.today });
    qb.orderBy('a.starts_on', 'DESC').addOrderBy(BY_NAME[0]).addOrderBy(BY_NAME[1]).addOrderBy('a.id');
    const rows = await rawManyPrepared<AbsenceRow & { total: number }>(
      this.dataSource.manager, qb.addSelect('count(*) OVER ()::int', 'total').offset(page.offset).limit(page.limit));
    const total = rows[0]?.total ?? (page.offset > 0 ? await this.count(qb) : 0);
    return { items: rows.map((row) => toAbsence(row, ctx)), total };
  }

  /** The absences with these ids on which the caller may do `action`, in the order of the ids. */
  async byIds(ctx: RequestContext, ids: string[], action: 'read' | 'update'): Promise<Absence[]> {
    if (ids.length === 0) return [];
    const rows = await rawManyPrepared<AbsenceRow>(this.dataSource.manager, absenceQuery(this.dataSource.manager).where('a.id = ANY(:ids)', { ids }));
    const byId = new Map(rows.filter((row) => can(ctx.ability, action, 'Absence', absenceSubject(row))).map((row) => [row.id, row]));
    return ids.flatMap((id) => (byId.has(id) ? [toAbsence(byId.get(id)!, ctx)] : []));
  }

  /** The day's absent pupils of a school, by class (the secretariat's morning list). */
  async ofDay(ctx: RequestContext, schoolId: string, date: string): Promise<AbsenceClassGroup[]> {
    await loadVisible(this.dataSource.manager, SchoolEntity, checkId(schoolId, 'schoolId'), 'School', ctx.ability, 'Schule');
    const qb = this.scoped(ctx);
    if (!qb) return [];
    qb.andWhere('a.school_id = :schoolId AND a.starts_on <= :date AND a.ends_on >= :date', { schoolId, date })
      .andWhere(IS_ACTIVE_ABSENCE)
      .orderBy(BY_CLASS[0], 'ASC', 'NULLS LAST').addOrderBy(BY_CLASS[1], 'ASC', 'NULLS LAST')
      .addOrderBy(BY_NAME[0]).addOrderBy(BY_NAME[1]).addOrderBy('a.period_from', 'ASC', 'NULLS FIRST');
    const rows = await rawManyPrepared<AbsenceRow>(this.dataSource.manager, qb);
    return groupByClass(rows.map((row) => toAbsence(row, ctx)));
  }

  /** A class's absences not yet excused or marked unexcused (leave requests included), oldest first. */
  async openOfClass(ctx: RequestContext, classId: string): Promise<Absence[]> {
    await loadVisible(this.dataSource.manager, GroupEntity, checkId(classId, 'classId'), 'Group', ctx.ability, 'Klasse');
    const qb = this.scoped(ctx);
    if (!qb) return [];
    qb.andWhere('e.class_id = :classId', { classId }).andWhere(`a.status = 'REPORTED'`).andWhere(IS_ACTIVE_ABSENCE)
      .orderBy('a.starts_on').addOrderBy(BY_NAME[0]).addOrderBy(BY_NAME[1]).addOrderBy('a.id');
    const rows = await rawManyPrepared<AbsenceRow>(this.dataSource.manager, qb);
    return rows.map((row) => toAbsence(row, ctx));
  }

  /** A pupil's absences in a range; by default the current term of the pupil's school. */
  async ofPupil(ctx: RequestContext, pupilId: string, from?: string | null, to?: string | null): Promise<Absence[]> {
    const [pupil] = await queryPrepared<{ id: string; schoolId: string }>(this.dataSource.manager,
      'SELECT id, school_id AS "schoolId" FROM pupils WHERE id = $1', [checkId(pupilId, 'pupilId')]);
    if (!pupil || !can(ctx.ability, 'read', 'Pupil', pupil)) throw notFound('Schüler:in', pupilId);
    const range = from && to ? { from, to } : await this.currentTerm(pupil.schoolId, ctx.today);
    if (from && !to) range.from = from;
    if (to && !from) range.to = to;
    if (range.to < range.from) throw badInput('to', 'darf nicht vor from liegen', 'custom');
    const qb = this.scoped(ctx);
    if (!qb) return [];
    qb.andWhere('a.pupil_id = :pupilId AND a.ends_on >= :from AND a.starts_on <= :to', { pupilId, ...range })
      .orderBy('a.starts_on', 'DESC').addOrderBy('a.period_from', 'DESC', 'NULLS LAST');
    return (await rawManyPrepared<AbsenceRow>(this.dataSource.manager, qb)).map((row) => toAbsence(row, ctx));
  }

  /**
   * Who changed what and when (old → new per field), from the audit log: for those who keep the
   * absence (office, school management, class teacher). A deleted absence keeps its history; it is
   * then open to the office of its school.
   */
  async history(ctx: RequestContext, id: string): Promise<AbsenceChange[]> {
    const entries = await queryPrepared<AuditRow>(this.dataSource.manager, HISTORY_SQL, [checkId(id)]);
    const row = await this.rowOrDeleted(id, entries);
    if (!row || !can(ctx.ability, 'read', 'Absence', row)) throw notFound('Fehlzeit', id);
    if (!can(ctx.ability, 'update', 'Absence', row)) throw forbidden('den Änderungsverlauf dieser Fehlzeit');
    return entries.map((entry) => ({
      at: entry.at, action: entry.action, actorPersonId: entry.actorPersonId, actorName: entry.actorName,
      changes: Object.entries(entry.changes).map(([field, change]) => ({ field, old: change.old ?? null, new: change.new ?? null })),
    }));
  }

  private async rowOrDeleted(id: string, entries: AuditRow[]) {
    const row = await this.absenceSubjectOf(id);
    if (row) return row;
    const deletion = entries.find((entry) => entry.action === 'delete');
    if (!deletion) return null;
    // The class is gone with the row: only school-wide rules (the office) can match.
    return { id, schoolId: deletion.schoolId, pupilId: deletion.changes.pupilId?.old as string, classId: null, reportedBy: deletion.changes.reportedBy?.old as string };
  }

  private async absenceSubjectOf(id: string) {
    const [row] = await rawManyPrepared<AbsenceRow>(this.dataSource.manager, absenceQuery(this.dataSource.manager).where('a.id = :id', { id }));
    return row ? absenceSubject(row) : null;
  }

  private async currentTerm(schoolId: string, today: string): Promise<{ from: string; to: string }> {
    const [year] = await queryPrepared<{ startsOn: string; endsOn: string; midYearOn: string }>(this.dataSource.manager,
      `SELECT starts_on AS "startsOn", ends_on AS "endsOn", mid_year_on AS "midYearOn" FROM school_years
       WHERE school_id = $1 AND starts_on <= $2 AND ends_on >= $2 ORDER BY is_current DESC LIMIT 1`, [schoolId, today]);
    const term = termsOf(year ?? schoolYearContaining(today)).find((t) => t.startsOn <= today && today <= t.endsOn);
    return term ? { from: term.startsOn, to: term.endsOn } : { from: today, to: today };
  }

  /** The read model restricted to what the caller may read; null when that is nothing. */
  private scoped(ctx: RequestContext) {
    const scope = scopeFor(ctx.ability, 'read', 'Absence', ABSENCE_COLUMNS);
    if (scope.isEmpty) return null;
    const qb = absenceQuery(this.dataSource.manager);
    scope.apply(qb);
    return qb;
  }

  private async count(qb: ReturnType<typeof absenceQuery>): Promise<number> {
    const [row] = await rawManyPrepared<{ total: number }>(this.dataSource.manager,
      qb.clone().select('count(*)::int', 'total').orderBy().offset(undefined).limit(undefined));
    return row.total;
  }
}

interface AuditRow {
  at: Date;
  action: string;
  schoolId: string;
  actorPersonId: string | null;
  actorName: string | null;
  changes: Record<string, { old?: unknown; new?: unknown }>;
}

const HISTORY_SQL = `
  SELECT al.at, al.action, al.school_id AS "schoolId", al.actor_person_id AS "actorPersonId",
         pe.first_name || ' ' || pe.last_name AS "actorName", al.changes
  FROM audit_log al LEFT JOIN persons pe ON pe.id = al.actor_person_id
  WHERE al.entity_type = 'absences' AND al.entity_id = $1
  ORDER BY al.at, al.id`;

function groupByClass(absences: Absence[]): AbsenceClassGroup[] {
  const groups: AbsenceClassGroup[] = [];
  for (const absence of absences) {
    const last = groups[groups.length - 1];
    if (last && last.classId === absence.classId) last.absences.push(absence);
    else groups.push({ classId: absence.classId, className: absence.pupil.className, absences: [absence] });
  }
  return groups;
}
