import { loadAll } from '../../database/prepared-query';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { AbsenceStatus, SessionUser } from '@schulverwaltung/shared';
import { assertCan } from '../../common/access';
import { AppError, badInput, forbidden } from '../../common/app-error';
import { updateVersioned } from '../../common/versioned-update';
import { RequestContext } from '../../authz/request-context';
import { writeLessonLinks } from './absence-lessons';
import { whenText } from './absence-messages';
import { loadAbsenceSettings } from './absence-rules';
import { ABSENCE_LABEL, lockPupil } from './absence-writer';
import { AbsenceEntity } from './absence.entity';
import { AbsenceVersionInput } from './absence.inputs';
import { absenceRowById, AbsenceRow, absenceSubject, toAbsence, visibleAbsenceRow } from './absence.read-model';
import { Absence } from './absence.types';
import { loadSchoolCalendar } from './school-calendar';

// Deciding about absences: excuse or mark unexcused (one by one or in bulk, all or nothing), record
// that the written excuse or the medical certificate arrived, approve or reject a leave request.
// Every change is versioned (CONFLICT on a stale version) and audited per absence.

const MAX_BULK = 200;

@Injectable()
export class AbsenceDecisionsService {
  constructor(private readonly dataSource: DataSource) {}

  /** Excuses or marks unexcused all given absences, or none (the first problem stops the whole batch). */
  async decide(ctx: RequestContext, refs: AbsenceVersionInput[], status: Exclude<AbsenceStatus, 'REPORTED'>): Promise<Absence[]> {
    checkBatch(refs);
    return this.dataSource.transaction(async (manager) => {
      for (const [index, ref] of refs.entries()) {
        const row = await this.loadForDecision(manager, ctx, ref.id, `absences.${index}.id`);
        checkDecidable(row, status, `absences.${index}`);
        const changes = status === 'EXCUSED'
          ? { status, excusedByPersonId: ctx.user!.personId, excusedAt: new Date() }
          : { status, excusedByPersonId: null, excusedAt: null };
        await this.change(manager, ctx, row, ref.version, changes);
      }
      const absences: Absence[] = [];
      for (const ref of refs) absences.push(toAbsence((await absenceRowById(manager, ref.id))!, ctx));
      return absences;
    });
  }

  /** The written excuse (Entschuldigung) arrived on that day. */
  async recordExcuseReceived(ctx: RequestContext, id: string, version: number, receivedOn: string | null | undefined): Promise<Absence> {
    const day = checkReceivedOn(receivedOn ?? ctx.today, ctx.today);
    return this.dataSource.transaction(async (manager) => {
      const row = await this.loadForDecision(manager, ctx, id);
      await this.change(manager, ctx, row, version, { excuseReceivedOn: day });
      return toAbsence((await absenceRowById(manager, id))!, ctx);
    });
  }

  /** The medical certificate (Attest) arrived; it is a written excuse too. */
  async recordCertificate(ctx: RequestContext, id: string, version: number, receivedOn: string | null | undefined): Promise<Absence> {
    const day = checkReceivedOn(receivedOn ?? ctx.today, ctx.today);
    return this.dataSource.transaction(async (manager) => {
      const row = await this.loadForDecision(manager, ctx, id);
      await this.change(manager, ctx, row, version, { certificateReceivedOn: day, excuseReceivedOn: row.excuseReceivedOn ?? day });
      return toAbsence((await absenceRowById(manager, id))!, ctx);
    });
  }

  /**
   * Approves (counts as excused from then on) or rejects a leave request. The class teacher decides
   * up to the school's number of school days, school management (and the school admin) any length.
   */
  async decideLeave(ctx: RequestContext, id: string, version: number, approve: boolean): Promise<Absence> {
    return this.dataSource.transaction(async (manager) => {
      const row = await this.loadForDecision(manager, ctx, id);
      if (row.reason !== 'LEAVE' || row.leaveStatus === null) throw badInput('id', 'ist keine Beurlaubung', 'not_a_leave');
      if (row.leaveStatus !== 'REQUESTED') throw badInput('id', `die Beurlaubung ist bereits ${row.leaveStatus === 'APPROVED' ? 'genehmigt' : 'abgelehnt'}`, 'already_decided');
      await this.checkMayDecideLeave(manager, ctx.user!, row);
      await lockPupil(manager, row.pupilId);
      const decided = { leaveDecidedByPersonId: ctx.user!.personId, leaveDecidedAt: new Date() };
      const changes = approve
        ? { ...decided, leaveStatus: 'APPROVED' as const, status: 'EXCUSED' as const, excusedByPersonId: ctx.user!.personId, excusedAt: new Date() }
        : { ...decided, leaveStatus: 'REJECTED' as const };
      const updated = await this.change(manager, ctx, row, version, changes);
      // A rejected leave is no absence: the pupil is expected in every lesson.
      if (!approve) await writeLessonLinks(manager, updated, []);
      return toAbsence((await absenceRowById(manager, id))!, ctx);
    });
  }

  private async checkMayDecideLeave(manager: EntityManager, user: SessionUser, row: AbsenceRow) {
    const isManagement = user.adminSchoolIds.includes(row.schoolId)
      || user.schoolRoles.some((r) => r.schoolId === row.schoolId && r.role === 'SCHOOL_MANAGEMENT');
    if (isManagement) return;
    const isClassTeacher = row.classId !== null && user.classTeaching.groupIds.includes(row.classId);
    if (!isClassTeacher) throw forbidden('die Entscheidung über Beurlaubungen (Klassenleitung oder Schulleitung)');
    const [calendar, settings] = await loadAll(manager, [
      () => loadSchoolCalendar(manager, row.schoolId, row.startsOn, row.endsOn), () => loadAbsenceSettings(manager, row.schoolId),
    ] as const);
    const days = calendar.schoolDaysIn(row.startsOn, row.endsOn).length;
    if (days > settings.leaveClassTeacherMaxDays) {
      throw forbidden(`eine Beurlaubung von ${days} Schultagen: die Klassenleitung entscheidet bis ${settings.leaveClassTeacherMaxDays} Schultage, darüber die Schulleitung`);
    }
  }

  private async loadForDecision(manager: EntityManager, ctx: RequestContext, id: string, field = 'id'): Promise<AbsenceRow> {
    const row = await visibleAbsenceRow(manager, ctx, id, field);
    assertCan(ctx.ability, 'update', 'Absence', absenceSubject(row), 'Entscheidungen über diese Fehlzeit');
    return row;
  }

  private async change(manager: EntityManager, ctx: RequestContext, row: AbsenceRow, version: number, changes: Partial<AbsenceEntity>): Promise<AbsenceEntity> {
    const current = await manager.findOneByOrFail(AbsenceEntity, { id: row.id });
    return updateVersioned({ manager, entity: AbsenceEntity, label: ABSENCE_LABEL, current, expectedVersion: version, changes, actor: ctx.user!, schoolId: current.schoolId });
  }
}

function checkBatch(refs: AbsenceVersionInput[]) {
  if (refs.length === 0) throw badInput('absences', 'bitte mindestens eine Fehlzeit angeben', 'too_small');
  if (refs.length > MAX_BULK) throw badInput('absences', `höchstens ${MAX_BULK} Fehlzeiten auf einmal`, 'too_big');
  const ids = refs.map((r) => r.id);
  const duplicate = ids.findIndex((id, index) => ids.indexOf(id) !== index);
  if (duplicate >= 0) throw badInput(`absences.${duplicate}.id`, 'ist doppelt angegeben', 'duplicate');
}

/** A leave is decided with decideLeave; a certificate-bound absence is excused only with the certificate. */
function checkDecidable(row: AbsenceRow, status: AbsenceStatus, field: string) {
  if (row.reason === 'LEAVE') throw badInput(field, 'Beurlaubungen werden mit decideLeave genehmigt oder abgelehnt', 'leave_by_decision');
  if (status === 'EXCUSED' && row.requiresCertificate && !row.certificateReceivedOn) {
    throw new AppError('BAD_USER_INPUT',
      `${field}: Für ${row.pupilFirstName} ${row.pupilLastName} ${whenText(row)} besteht Attestpflicht: ohne ärztliches Attest kann die Fehlzeit nicht entschuldigt werden. Bitte erfassen Sie zuerst den Eingang des Attests.`,
      { field, rule: 'certificate_required', absenceId: row.id });
  }
}

function checkReceivedOn(day: string, today: string): string {
  if (day > today) throw badInput('receivedOn', 'darf nicht in der Zukunft liegen', 'in_future');
  return day;
}
