import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { ABSENCE_SETTINGS_DEFAULTS, saveClassRegisterSchema } from '@schulverwaltung/shared';
import { can, checkId } from '../../common/access';
import { badInput, conflict, forbidden, notFound } from '../../common/app-error';
import { parseInput } from '../../common/validation';
import { loadAll, queryPrepared } from '../../database/prepared-query';
import { RequestContext } from '../../authz/request-context';
import { AuditChanges } from '../audit/audit-entry.entity';
import { diffFields, recordAudit } from '../audit/audit.service';
import { DatedLesson, loadTimetable } from '../timetable/timetable-data';
import { AttendanceEntity } from './attendance.entity';
import { ClassRegisterLesson, RegisterLesson, SaveClassRegisterInput } from './class-register.types';
import { findLesson, LessonKey, memberIdsOf, registerPupils, registerSubject, toTimetableLesson } from './register-lesson';
import { RegisterEntryEntity } from './register-entry.entity';

// The class register (Klassenbuch): a teacher's lessons of a day, one lesson with its pupils
// (pre-filled from reported absences) and saving topic, homework and attendance. Whoever teaches
// the lesson that day — the planned teacher or the substitute — keeps it; the class teacher and the
// office read it. Saving is versioned per entry (CONFLICT when someone saved in between) and audited.

const ENTRY_LABEL = 'Der Klassenbucheintrag';

type SavedEntry = NonNullable<ClassRegisterLesson['entry']>;

const ENTRY_SQL = `
  SELECT id, topic, homework, recorded_by_person_id AS "recordedByPersonId", updated_at AS "updatedAt", version
  FROM register_entries WHERE lesson_lineage_id = $1 AND date = $2 AND period = $3`;

// The school's rule (from which grade a topic is required) and the lesson's highest grade, at once.
const TOPIC_RULE_SQL = `
  SELECT s.id IS NOT NULL AS "hasSettings", s.topic_required_from_grade AS "fromGrade",
         (SELECT max(grade_level) FROM groups WHERE id = ANY($2)) AS grade
  FROM (SELECT 1) one LEFT JOIN absence_settings s ON s.school_id = $1`;

/** The teacher gives the lesson that day without being its planned teacher (a substitution or an extra lesson). */
function coversAsSubstitute(lesson: DatedLesson, personId: string): boolean {
  const plannedTeachers = lesson.original?.teachers ?? (lesson.status === 'EXTRA' ? [] : lesson.teachers);
  return !plannedTeachers.some((t) => t.id === personId);
}

async function isTopicRequired(manager: EntityManager, lesson: DatedLesson): Promise<boolean> {
  const [rule] = await queryPrepared<{ hasSettings: boolean; fromGrade: number | null; grade: number | null }>(
    manager, TOPIC_RULE_SQL, [lesson.schoolId, lesson.groups.map((g) => g.id)]);
  const fromGrade = rule.hasSettings ? rule.fromGrade : ABSENCE_SETTINGS_DEFAULTS.topicRequiredFromGrade;
  return fromGrade !== null && rule.grade !== null && rule.grade >= fromGrade;
}

@Injectable()
export class ClassRegisterService {
  constructor(private readonly dataSource: DataSource) {}

  /** The lessons the caller teaches that day (their own and those they cover), by time; cancelled ones included. */
  async lessonsOfDay(ctx: RequestContext, date: string): Promise<RegisterLesson[]> {
    const user = ctx.user!;
    const schoolIds = [...new Set(user.schoolRoles.filter((r) => r.role === 'TEACHER').map((r) => r.schoolId))];
    if (schoolIds.length === 0) return [];
    const manager = this.dataSource.manager;
    const { lessons } = await loadTimetable(manager, schoolIds, { by: 'TEACHER', teacherId: user.personId }, date, date);
    // A lesson someone else covers that day is theirs to record, not the caller's.
    const own = lessons.filter((l): l is DatedLesson & { lessonLineageId: string } => !!l.lessonLineageId && l.teachers.some((t) => t.id === user.personId));
    const entries = await queryPrepared<{ id: string; lessonLineageId: string; period: number }>(manager,
      'SELECT id, lesson_lineage_id AS "lessonLineageId", period FROM register_entries WHERE date = $1 AND lesson_lineage_id = ANY($2)',
      [date, own.map((l) => l.lessonLineageId)]);
    return own.map((lesson) => {
      const entry = entries.find((e) => e.lessonLineageId === lesson.lessonLineageId && e.period === lesson.period);
      return {
        lessonLineageId: lesson.lessonLineageId, lesson: toTimetableLesson(lesson),
        isSubstitution: coversAsSubstitute(lesson, user.personId),
        isRecorded: !!entry, registerEntryId: entry?.id ?? null,
      };
    });
  }

  async lesson(ctx: RequestContext, key: LessonKey): Promise<ClassRegisterLesson> {
    return this.readLesson(this.dataSource.manager, ctx, checkKey(key));
  }

  /** Saves topic, homework and attendance of a held lesson (upsert, versioned per entry). */
  async save(ctx: RequestContext, input: SaveClassRegisterInput): Promise<ClassRegisterLesson> {
    const values = parseInput(saveClassRegisterSchema, input);
    const key = { lessonLineageId: values.lessonLineageId, date: values.date, period: values.period };
    return this.dataSource.transaction(async (manager) => {
      const lesson = await this.visibleLesson(manager, ctx, key);
      if (!can(ctx.ability, 'update', 'ClassRegister', registerSubject(lesson))) throw forbidden('das Führen des Klassenbuchs in dieser Stunde');
      if (lesson.status === 'CANCELLED') throw badInput('input.date', 'die Stunde fällt an diesem Tag aus', 'cancelled');
      if (values.date > ctx.today) throw badInput('input.date', 'das Klassenbuch wird für gehaltene Stunden geführt, nicht im Voraus', 'in_future');
      if (await isTopicRequired(manager, lesson) && !values.topic) throw badInput('input.topic', 'ist in dieser Jahrgangsstufe erforderlich', 'required');
      await checkMembers(manager, lesson, values.attendance);
      const claimed = await this.claimEntry(manager, ctx, lesson, key, values.version ?? null);
      await this.writeEntry(manager, ctx, claimed, { topic: values.topic ?? null, homework: values.homework ?? null }, values.attendance);
      return this.readLesson(manager, ctx, key);
    });
  }

  private async readLesson(manager: EntityManager, ctx: RequestContext, key: LessonKey): Promise<ClassRegisterLesson> {
    const lesson = await this.visibleLesson(manager, ctx, key);
    const [[entry], topicRequired] = await loadAll(manager, [
      () => queryPrepared<SavedEntry>(manager, ENTRY_SQL, [key.lessonLineageId, key.date, key.period]),
      () => isTopicRequired(manager, lesson),
    ] as const);
    const pupils = await registerPupils(manager, lesson, key, entry?.id ?? null);
    const mayEdit = can(ctx.ability, 'update', 'ClassRegister', registerSubject(lesson)) && lesson.status !== 'CANCELLED' && key.date <= ctx.today;
    return {
      lesson: {
        lessonLineageId: key.lessonLineageId, lesson: toTimetableLesson(lesson), isRecorded: !!entry, registerEntryId: entry?.id ?? null,
        isSubstitution: lesson.teachers.some((t) => t.id === ctx.user?.personId) && coversAsSubstitute(lesson, ctx.user!.personId),
      },
      topicRequired, mayEdit, pupils, entry: entry ?? null,
    };
  }

  /** The lesson if the caller may see its register; NOT_FOUND otherwise, as for a lesson that does not take place. */
  private async visibleLesson(manager: EntityManager, ctx: RequestContext, key: LessonKey): Promise<DatedLesson & { lessonLineageId: string }> {
    const lesson = await findLesson(manager, key);
    if (!lesson || !can(ctx.ability, 'read', 'ClassRegister', registerSubject(lesson))) throw notFound('Unterrichtsstunde', key.lessonLineageId);
    return lesson as DatedLesson & { lessonLineageId: string };
  }

  /**
   * The entry to write, claimed for this save: an existing one of the version the caller read
   * (locked), or a new one when the lesson was not recorded yet. A stale or missing version, or a
   * colleague recording the same lesson first, answers CONFLICT.
   */
  private async claimEntry(manager: EntityManager, ctx: RequestContext, lesson: DatedLesson, key: LessonKey, version: number | null): Promise<ClaimedEntry> {
    const [locked] = await manager.query('SELECT id, version FROM register_entries WHERE lesson_lineage_id = $1 AND date = $2 AND period = $3 FOR UPDATE',
      [key.lessonLineageId, key.date, key.period]);
    if (locked) {
      if (version !== locked.version) throw conflict(ENTRY_LABEL, version ?? 0, locked.version);
      return { entry: await manager.findOneByOrFail(RegisterEntryEntity, { id: locked.id }), isNew: false };
    }
    if (version !== null) throw conflict(ENTRY_LABEL, version);
    try {
      const entry = await manager.save(manager.create(RegisterEntryEntity, { ...key, schoolId: lesson.schoolId, lessonId: lesson.lessonId!, recordedByPersonId: ctx.user!.personId }));
      return { entry, isNew: true };
    } catch (error) {
      if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505') throw conflict(ENTRY_LABEL, 0, 1);
      throw error;
    }
  }

  /** Writes fields and attendance (the list replaces the saved one) and audits old → new; a save of a recorded lesson raises its version. */
  private async writeEntry(manager: EntityManager, ctx: RequestContext, { entry, isNew }: ClaimedEntry,
    fields: { topic: string | null; homework: string | null }, attendance: { pupilId: string; status: AttendanceEntity['status']; lateMinutes?: number | null }[]) {
    const before = isNew ? [] : await manager.findBy(AttendanceEntity, { registerEntryId: entry.id });
    const oldAttendance = Object.fromEntries(before.map((a) => [a.pupilId, attendanceText(a)]));
    const newAttendance = Object.fromEntries(attendance.map((a) => [a.pupilId, attendanceText({ status: a.status, lateMinutes: a.lateMinutes ?? null })]));
    const changes: AuditChanges = isNew ? { lesson: { old: null, new: { lessonLineageId: entry.lessonLineageId, date: entry.date, period: entry.period } } } : {};
    Object.assign(changes, diffFields(isNew ? { topic: null, homework: null } : entry, fields));
    if (JSON.stringify(oldAttendance) !== JSON.stringify(newAttendance)) changes.attendance = { old: oldAttendance, new: newAttendance };
    await manager.createQueryBuilder().update(RegisterEntryEntity)
      .set({ ...fields, recordedByPersonId: ctx.user!.personId, ...(isNew ? {} : { version: () => 'version + 1' }), updatedAt: () => 'now()' })
      .where('id = :id', { id: entry.id }).execute();
    await manager.delete(AttendanceEntity, { registerEntryId: entry.id });
    if (attendance.length > 0) {
      await manager.insert(AttendanceEntity, attendance.map((a) => ({
        schoolId: entry.schoolId, registerEntryId: entry.id, pupilId: a.pupilId, status: a.status, lateMinutes: a.lateMinutes ?? null,
      })));
    }
    if (Object.keys(changes).length > 0) {
      await recordAudit(manager, { actor: ctx.user!, schoolId: entry.schoolId, action: isNew ? 'create' : 'update', entityType: 'register_entries', entityId: entry.id, changes });
    }
  }
}

const attendanceText = (a: { status: string; lateMinutes: number | null }) => (a.status === 'LATE' ? `LATE ${a.lateMinutes}` : a.status);

function checkKey(key: LessonKey): LessonKey {
  checkId(key.lessonLineageId, 'lessonLineageId');
  if (key.period < 1) throw badInput('period', 'muss mindestens 1 sein', 'too_small');
  return key;
}

/** Every pupil marked must belong to the lesson's groups. */
async function checkMembers(manager: EntityManager, lesson: DatedLesson, attendance: { pupilId: string }[]) {
  const members = await memberIdsOf(manager, lesson.groups.map((g) => g.id));
  const stranger = attendance.findIndex((a) => !members.has(a.pupilId));
  if (stranger >= 0) throw badInput(`input.attendance.${stranger}.pupilId`, 'gehört nicht zu den Lerngruppen dieser Stunde', 'unknown_reference');
}

interface ClaimedEntry {
  entry: RegisterEntryEntity;
  isNew: boolean;
}
