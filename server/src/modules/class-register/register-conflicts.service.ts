import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { assertCan, checkId, loadVisible } from '../../common/access';
import { badInput, conflict, forbidden } from '../../common/app-error';
import { germanSortKey } from '../../common/german-sort';
import { queryPrepared } from '../../database/prepared-query';
import { RequestContext } from '../../authz/request-context';
import { bumpVersion } from '../../common/versioned-update';
import { recordAudit } from '../audit/audit.service';
import { AbsenceEntity } from '../absences/absence.entity';
import { AbsenceEntryService } from '../absences/absence-entry.service';
import { AbsenceQueriesService } from '../absences/absence-queries.service';
import type { Presence } from '../absences/absence-shortening';
import type { Absence } from '../absences/absence.types';
import { GroupEntity } from '../groups/group.entity';
import { SchoolEntity } from '../schools/school.entity';
import { RegisterConflict, RegisterConflictResolution, UnreportedAbsence } from './class-register.types';

// Where the class register and the reported absences disagree:
// - marked absent in a register, but nobody reported the pupil: the secretariat phones home;
// - marked present (or late) in a lesson a reported absence covers: the class teacher decides —
//   confirming shortens the absence, rejecting marks the pupil absent in that lesson.

// Absent in a register that day with nothing reported for that lesson: no absence covering it (its
// links), no whole-day absence that day, no late arrival that day.
const UNREPORTED_SQL = `
  SELECT att.pupil_id AS "pupilId", pe.first_name AS "firstName", pe.last_name AS "lastName",
         e.class_id AS "classId", cl.name AS "className", array_agg(DISTINCT re.period ORDER BY re.period) AS periods
  FROM register_entries re
  JOIN attendance att ON att.register_entry_id = re.id AND att.status = 'ABSENT'
  JOIN pupils p ON p.id = att.pupil_id
  JOIN persons pe ON pe.id = p.person_id
  LEFT JOIN school_years sy ON sy.school_id = p.school_id AND sy.starts_on <= re.date AND sy.ends_on >= re.date
  LEFT JOIN enrolments e ON e.pupil_id = p.id AND e.school_year_id = sy.id
  LEFT JOIN groups cl ON cl.id = e.class_id
  WHERE re.school_id = $1 AND re.date = $2
    AND NOT EXISTS (
      SELECT 1 FROM absences a WHERE a.pupil_id = att.pupil_id AND (a.leave_status IS NULL OR a.leave_status <> 'REJECTED')
        AND ((a.kind = 'DAYS' AND a.starts_on <= re.date AND a.ends_on >= re.date) OR (a.kind = 'LATE' AND a.starts_on = re.date)
          OR EXISTS (SELECT 1 FROM absence_lessons al WHERE al.absence_id = a.id AND al.date = re.date AND al.period = re.period AND al.lesson_lineage_id = re.lesson_lineage_id)))
  GROUP BY att.pupil_id, pe.first_name, pe.last_name, e.class_id, cl.name, cl.grade_level
  ORDER BY cl.grade_level NULLS LAST, cl.name NULLS LAST, ${germanSortKey('pe.last_name')}, ${germanSortKey('pe.first_name')}`;

// Present or late in a lesson an active absence covers; $1 selects by the pupil's class that school year or by the absence.
const CONFLICTS_SQL = (by: 'class' | 'absence') => `
  SELECT al.absence_id AS "absenceId", al.date, al.period, al.lesson_lineage_id AS "lessonLineageId", s.short_name AS subject,
         att.status AS "attendanceStatus", att.late_minutes AS "lateMinutes", re.id AS "entryId"
  FROM absence_lessons al
  JOIN absences a ON a.id = al.absence_id AND (a.leave_status IS NULL OR a.leave_status <> 'REJECTED')
  JOIN register_entries re ON re.lesson_lineage_id = al.lesson_lineage_id AND re.date = al.date AND re.period = al.period
  JOIN attendance att ON att.register_entry_id = re.id AND att.pupil_id = al.pupil_id AND att.status IN ('PRESENT', 'LATE')
  LEFT JOIN lessons l ON l.id = al.lesson_id
  LEFT JOIN subjects s ON s.id = l.subject_id
  ${by === 'class' ? 'JOIN enrolments e ON e.pupil_id = a.pupil_id AND e.school_year_id = a.school_year_id WHERE e.class_id = $1' : 'WHERE a.id = $1'}
  ORDER BY al.date, al.period`;

interface ConflictRow {
  absenceId: string;
  date: string;
  period: number;
  lessonLineageId: string;
  subject: string | null;
  attendanceStatus: 'PRESENT' | 'LATE';
  lateMinutes: number | null;
  entryId: string;
}

@Injectable()
export class RegisterConflictsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly absenceEntries: AbsenceEntryService,
    private readonly absenceQueries: AbsenceQueriesService,
  ) {}

  /** The secretariat's list to phone: marked absent in a register that day, reported by nobody. */
  async unreported(ctx: RequestContext, schoolId: string, date: string): Promise<UnreportedAbsence[]> {
    await loadVisible(this.dataSource.manager, SchoolEntity, checkId(schoolId, 'schoolId'), 'School', ctx.ability, 'Schule');
    assertCan(ctx.ability, 'read', 'ClassRegister', { schoolId }, 'die Klassenbücher der ganzen Schule');
    return queryPrepared<UnreportedAbsence>(this.dataSource.manager, UNREPORTED_SQL, [schoolId, date]);
  }

  /** A class's conflicts the caller may resolve (class teacher, office), by date and period. */
  async ofClass(ctx: RequestContext, classId: string): Promise<RegisterConflict[]> {
    await loadVisible(this.dataSource.manager, GroupEntity, checkId(classId, 'classId'), 'Group', ctx.ability, 'Klasse');
    const rows = await queryPrepared<ConflictRow>(this.dataSource.manager, CONFLICTS_SQL('class'), [classId]);
    const absences = await this.absenceQueries.byIds(ctx, [...new Set(rows.map((r) => r.absenceId))], 'update');
    const byId = new Map(absences.map((a) => [a.id, a]));
    return rows.filter((row) => byId.has(row.absenceId)).map(({ absenceId, entryId: _entry, ...row }) => ({ ...row, absence: byId.get(absenceId)! }));
  }

  /**
   * confirm: the pupil was there, the absence is shortened (or removed when nothing is left);
   * otherwise the register was wrong: the pupil is marked absent in those lessons. Either way the
   * caller must keep the absence and has read its `version`.
   */
  async resolve(ctx: RequestContext, absenceId: string, version: number, confirm: boolean): Promise<RegisterConflictResolution> {
    const rows = await queryPrepared<ConflictRow>(this.dataSource.manager, CONFLICTS_SQL('absence'), [checkId(absenceId, 'absenceId')]);
    if (confirm) return this.absenceEntries.applyPresence(ctx, absenceId, version, rows.map(toPresence));
    const absence = await this.keptAbsence(ctx, absenceId);
    if (absence.version !== version) throw conflict('Die Fehlzeit', version, absence.version);
    if (rows.length === 0) throw badInput('absenceId', 'das Klassenbuch widerspricht dieser Fehlzeit nicht (mehr)', 'no_conflict');
    await this.dataSource.transaction((manager) => markAbsent(manager, ctx, rows, absence, version));
    return { absences: await this.absenceQueries.byIds(ctx, [absenceId], 'read'), removedAbsenceId: null };
  }

  /** The absence if the caller keeps it; NOT_FOUND when they cannot even read it, FORBIDDEN when they only read it. */
  private async keptAbsence(ctx: RequestContext, absenceId: string): Promise<Absence> {
    const [absence] = await this.absenceQueries.byIds(ctx, [absenceId], 'update');
    if (absence) return absence;
    await this.absenceQueries.get(ctx, absenceId);
    throw forbidden('Entscheidungen über diese Fehlzeit');
  }
}

const toPresence = (row: ConflictRow): Presence => ({ date: row.date, period: row.period, status: row.attendanceStatus, lateMinutes: row.lateMinutes });

/**
 * The register was wrong: absent in those lessons after all. The absence is claimed (its version
 * goes up, so a colleague deciding the same conflict meanwhile gets CONFLICT) and so is each
 * register entry (a stale save of it then conflicts too); all audited.
 */
async function markAbsent(manager: EntityManager, ctx: RequestContext, rows: ConflictRow[], absence: Absence, version: number) {
  await bumpVersion(manager, AbsenceEntity, absence.id, version, 'Die Fehlzeit');
  const lessons = rows.map((row) => ({ date: row.date, period: row.period }));
  await recordAudit(manager, { actor: ctx.user!, schoolId: absence.schoolId, action: 'update', entityType: 'absences', entityId: absence.id,
    changes: { registerMarkedAbsent: { old: null, new: lessons } } });
  for (const row of rows) {
    await manager.query(`UPDATE attendance SET status = 'ABSENT', late_minutes = NULL, version = version + 1, updated_at = now()
      WHERE register_entry_id = $1 AND pupil_id = $2`, [row.entryId, absence.pupilId]);
    await manager.query('UPDATE register_entries SET version = version + 1, updated_at = now() WHERE id = $1', [row.entryId]);
    await recordAudit(manager, {
      actor: ctx.user!, schoolId: absence.schoolId, action: 'update', entityType: 'register_entries', entityId: row.entryId,
      changes: { attendance: { old: { [absence.pupilId]: row.attendanceStatus === 'LATE' ? `LATE ${row.lateMinutes}` : row.attendanceStatus }, new: { [absence.pupilId]: 'ABSENT' } } },
    });
  }
}
