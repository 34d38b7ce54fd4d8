import { Injectable } from '@nestjs/common';
import type { z } from 'zod';
import { DataSource, EntityManager } from 'typeorm';
import {
  absenceSchema, AbsenceReporter, reportAbsenceSchema, reportSicknessSchema, requestLeaveSchema, updateAbsenceSchema,
} from '@schulverwaltung/shared';
import { assertCan, can, checkId } from '../../common/access';
import { badInput, conflict, forbidden, notFound } from '../../common/app-error';
import { parseInput } from '../../common/validation';
import { queryPrepared } from '../../database/prepared-query';
import { RequestContext } from '../../authz/request-context';
import { lessonsOfPupil } from './absence-lessons';
import { undoMerge } from './absence-undo';
import { Presence, shortenForPresence } from './absence-shortening';
import {
  ABSENCE_LABEL, AbsenceDraft, AbsenceWrite, deleteAbsence, insertDraft, LockedPupil, lockPupil, onSchoolDays,
  openWrite, placeDraft, refuseOverlap, reviseAbsence, yearOfWrite,
} from './absence-writer';
import { AbsenceEntity } from './absence.entity';
import { ReportAbsenceInput, ReportSicknessInput, RequestLeaveInput, UpdateAbsenceInput } from './absence.inputs';
import { absenceRowById, toAbsence, visibleAbsenceRow } from './absence.read-model';
import { Absence, AbsenceReportOutcome, ReportAbsenceResult } from './absence.types';

// Entering and correcting absences: the secretariat's quick entry, a guardian's (or adult pupil's)
// sick report and leave request in the portal, corrections and the undo of an entry.

const NO_PERIODS = { periodFrom: null, periodTo: null, minutes: null };

@Injectable()
export class AbsenceEntryService {
  constructor(private readonly dataSource: DataSource) {}

  /** The office's or class teacher's entry: merged with a neighbour of the same reason, refused against another reason. */
  async report(ctx: RequestContext, input: ReportAbsenceInput): Promise<ReportAbsenceResult> {
    const values = parseInput(reportAbsenceSchema, input);
    if (values.reason === 'LEAVE') throw badInput('input.reason', 'Beurlaubungen werden vorab beantragt (requestLeave) und von Klassenleitung oder Schulleitung entschieden', 'leave_by_request');
    return this.dataSource.transaction(async (manager) => {
      const pupil = await this.lockVisiblePupil(manager, ctx, values.pupilId);
      const draft: AbsenceDraft = {
        ...values, endsOn: values.endsOn ?? values.startsOn, periodFrom: values.periodFrom ?? null, periodTo: values.periodTo ?? null,
        minutes: values.minutes ?? null, note: values.note ?? null, reporterPersonId: values.reporterPersonId ?? null,
        reporterName: values.reporterName ?? null, excuseReceivedOn: null, leaveStatus: null,
      };
      const w = await openWrite(manager, ctx, pupil, draft);
      const span = onSchoolDays(draft, w.calendar);
      const year = await yearOfWrite(w, span);
      const subject = { schoolId: pupil.schoolId, pupilId: pupil.id, classId: year.classId, reportedBy: span.reportedBy };
      // The office and class teachers enter absences; guardians and pupils report through reportSickness.
      assertCan(ctx.ability, 'create', 'Absence', subject, 'das Eintragen von Fehlzeiten dieser Schülerin/dieses Schülers');
      assertCan(ctx.ability, 'update', 'Absence', subject, 'das Eintragen von Fehlzeiten dieser Schülerin/dieses Schülers');
      await checkReporterPerson(manager, pupil, span.reportedBy, span.reporterPersonId);
      return this.resultOf(manager, ctx, await placeDraft(w, span));
    });
  }

  /**
   * A guardian with the may-excuse flag (or a pupil of age) reports sickness from today on. Where the
   * school accepts online excuses the report is the written excuse; otherwise a sick note is still due.
   */
  async reportSickness(ctx: RequestContext, input: ReportSicknessInput): Promise<ReportAbsenceResult> {
    const values = parseInput(reportSicknessSchema, input);
    if (values.startsOn < ctx.today) throw badInput('input.startsOn', 'darf nicht in der Vergangenheit liegen; für vergangene Tage geben Sie bitte eine schriftliche Entschuldigung ab', 'in_past');
    return this.dataSource.transaction(async (manager) => {
      const pupil = await this.lockVisiblePupil(manager, ctx, values.pupilId);
      const reportedBy = portalReporter(ctx, pupil.id, 'Krankmeldungen');
      const draft = this.portalDraft(ctx, { ...values, endsOn: values.endsOn ?? values.startsOn }, reportedBy, 'SICK');
      const w = await openWrite(manager, ctx, pupil, draft);
      const span = onSchoolDays(draft, w.calendar);
      await this.assertMayCreate(w, ctx, pupil, span);
      if (w.settings.onlineExcuseAllowed) span.excuseReceivedOn = ctx.today;
      return this.resultOf(manager, ctx, await placeDraft(w, span));
    });
  }

  /** A leave of absence asked for in advance; it overlaps nothing and waits for the class teacher's or management's decision. */
  async requestLeave(ctx: RequestContext, input: RequestLeaveInput): Promise<Absence> {
    const values = parseInput(requestLeaveSchema, input);
    if (values.startsOn <= ctx.today) throw badInput('input.startsOn', 'Beurlaubungen werden im Voraus beantragt: frühestens ab morgen', 'not_in_advance');
    return this.dataSource.transaction(async (manager) => {
      const pupil = await this.lockVisiblePupil(manager, ctx, values.pupilId);
      const reportedBy = portalReporter(ctx, pupil.id, 'Anträge auf Beurlaubung');
      const draft: AbsenceDraft = { ...this.portalDraft(ctx, values, reportedBy, 'LEAVE'), leaveStatus: 'REQUESTED' };
      const w = await openWrite(manager, ctx, pupil, draft);
      const span = onSchoolDays(draft, w.calendar);
      await this.assertMayCreate(w, ctx, pupil, span);
      await refuseOverlap(w, span);
      const absence = await insertDraft(w, span);
      return toAbsence((await absenceRowById(manager, absence.id))!, ctx);
    });
  }

  /** A correction by those who keep the absence; the new span may not overlap another entry. */
  async update(ctx: RequestContext, id: string, version: number, input: UpdateAbsenceInput): Promise<Absence> {
    const changes = parseInput(updateAbsenceSchema, input);
    return this.dataSource.transaction(async (manager) => {
      const { current, pupil } = await this.loadForChange(manager, ctx, id, version, 'update');
      if (changes.reason && (changes.reason === 'LEAVE') !== (current.reason === 'LEAVE')) {
        throw badInput('input.reason', 'Beurlaubungen werden beantragt und entschieden; ein Grund lässt sich nicht in eine Beurlaubung ändern oder umgekehrt', 'leave_by_request');
      }
      const merged = parseInput(absenceSchema, mergeChanges(current, changes));
      const draft = { ...merged, endsOn: merged.endsOn ?? merged.startsOn, ...pickPeriods(merged) };
      const w = await openWrite(manager, ctx, pupil, draft);
      const span = onSchoolDays(draft, w.calendar);
      await refuseOverlap(w, span, current.id);
      const year = await yearOfWrite(w, span);
      assertCan(ctx.ability, 'update', 'Absence', { schoolId: pupil.schoolId, pupilId: pupil.id, classId: year.classId, reportedBy: span.reportedBy }, 'das Ändern dieser Fehlzeit');
      await checkReporterPerson(manager, pupil, span.reportedBy, span.reporterPersonId ?? null);
      await reviseAbsence(w, current, version, {
        kind: span.kind, startsOn: span.startsOn, endsOn: span.endsOn, ...pickPeriods(span), reason: span.reason,
        note: span.note ?? null, reportedBy: span.reportedBy, reporterPersonId: span.reporterPersonId ?? null,
        reporterName: span.reporterName ?? null, reportedVia: span.reportedVia,
      });
      return toAbsence((await absenceRowById(manager, id))!, ctx);
    });
  }

  /** Undo of an entry (the secretariat corrects its last calls): gone with its lesson links, kept in the audit log. */
  async delete(ctx: RequestContext, id: string, version: number): Promise<string> {
    return this.dataSource.transaction(async (manager) => {
      const { current } = await this.loadForChange(manager, ctx, id, version, 'delete');
      await deleteAbsence(manager, ctx, current);
      return id;
    });
  }

  /**
   * Undo of a merge made by an entry: the absence as it was before (status and who excused it
   * included) and the entries the merge swallowed back. Refused when its last change was no merge.
   */
  async undoMerge(ctx: RequestContext, id: string, version: number): Promise<{ absence: Absence; restored: Absence[] }> {
    return this.dataSource.transaction(async (manager) => {
      const { current, pupil } = await this.loadForChange(manager, ctx, id, version, 'update');
      const w = await openWrite(manager, ctx, pupil, current);
      const { absence, restored } = await undoMerge(w, current, version);
      const read = async (absenceId: string) => toAbsence((await absenceRowById(manager, absenceId))!, ctx);
      const restoredAbsences: Absence[] = [];
      for (const entry of restored) restoredAbsences.push(await read(entry.id));
      return { absence: await read(absence.id), restored: restoredAbsences };
    });
  }

  /**
   * The class register shows the pupil present (or late) in lessons the absence covers, and the
   * class teacher confirms it: the absence is shortened to what was really missed (see
   * absence-shortening), or removed when nothing was. Returns the entries that now stand.
   */
  async applyPresence(ctx: RequestContext, id: string, version: number, presence: Presence[]): Promise<{ absences: Absence[]; removedAbsenceId: string | null }> {
    return this.dataSource.transaction(async (manager) => {
      const { current, pupil } = await this.loadForChange(manager, ctx, id, version, 'update');
      if (presence.length === 0) throw badInput('absenceId', 'das Klassenbuch widerspricht dieser Fehlzeit nicht (mehr)', 'no_conflict');
      const w = await openWrite(manager, ctx, pupil, current);
      const lessons = await lessonsOfPupil(manager, pupil.schoolId, pupil.id, current.startsOn, current.endsOn);
      const periodsOn = (date: string) => [...new Set(lessons.filter((l) => l.date === date).map((l) => l.period))];
      const { kept, added } = shortenForPresence(current, presence, periodsOn, w.calendar);
      const standing: string[] = [];
      if (kept) standing.push((await reviseAbsence(w, current, version, kept)).id);
      else await deleteAbsence(manager, ctx, current, { resolvedByClassRegister: { old: null, new: true } });
      if (added) standing.push((await placeDraft(w, { ...current, ...added, leaveStatus: null })).absence.id);
      const absences: Absence[] = [];
      for (const standingId of [...new Set(standing)]) absences.push(toAbsence((await absenceRowById(manager, standingId))!, ctx));
      return { absences, removedAbsenceId: kept ? null : id };
    });
  }

  private async loadForChange(manager: EntityManager, ctx: RequestContext, id: string, version: number, action: 'update' | 'delete') {
    const row = await visibleAbsenceRow(manager, ctx, id);
    assertCan(ctx.ability, action, 'Absence', { schoolId: row.schoolId, pupilId: row.pupilId, classId: row.classId, reportedBy: row.reportedBy },
      action === 'delete' ? 'das Löschen dieser Fehlzeit' : 'das Ändern dieser Fehlzeit');
    const pupil = (await lockPupil(manager, row.pupilId))!;
    // Read again under the pupil's lock: the row as it is now, not as it was before waiting for the lock.
    const current = await manager.findOneBy(AbsenceEntity, { id: row.id });
    if (!current) throw notFound('Fehlzeit', id);
    if (current.version !== version) throw conflict(ABSENCE_LABEL, version, current.version);
    return { current, pupil };
  }

  private async lockVisiblePupil(manager: EntityManager, ctx: RequestContext, pupilId: string): Promise<LockedPupil> {
    const pupil = await lockPupil(manager, checkId(pupilId, 'input.pupilId'));
    if (!pupil || !can(ctx.ability, 'read', 'Pupil', { id: pupil.id, schoolId: pupil.schoolId })) throw notFound('Schüler:in', pupilId);
    return pupil;
  }

  private async assertMayCreate(w: AbsenceWrite, ctx: RequestContext, pupil: LockedPupil, span: AbsenceDraft) {
    const year = await yearOfWrite(w, span);
    assertCan(ctx.ability, 'create', 'Absence', { schoolId: pupil.schoolId, pupilId: pupil.id, classId: year.classId, reportedBy: span.reportedBy },
      'Meldungen für diese Schülerin/diesen Schüler');
  }

  private portalDraft(ctx: RequestContext, values: { startsOn: string; endsOn: string; note?: string | null }, reportedBy: AbsenceReporter, reason: 'SICK' | 'LEAVE'): AbsenceDraft {
    return {
      kind: 'DAYS', startsOn: values.startsOn, endsOn: values.endsOn, ...NO_PERIODS, reason, note: values.note ?? null,
      reportedBy, reporterPersonId: ctx.user!.personId, reporterName: null, reportedVia: 'PORTAL', excuseReceivedOn: null, leaveStatus: null,
    };
  }

  private async resultOf(manager: EntityManager, ctx: RequestContext, placed: { absence: AbsenceEntity; outcome: AbsenceReportOutcome }): Promise<ReportAbsenceResult> {
    return { absence: toAbsence((await absenceRowById(manager, placed.absence.id))!, ctx), outcome: placed.outcome };
  }
}

/** Portal reports come from a guardian with the may-excuse flag or from the pupil of age; nobody else reports there. */
function portalReporter(ctx: RequestContext, pupilId: string, what: string): AbsenceReporter {
  const user = ctx.user!;
  if (user.children.some((child) => child.pupilId === pupilId && child.mayExcuse)) return 'GUARDIAN';
  if (user.self.some((self) => self.pupilId === pupilId && self.isOfAge)) return 'PUPIL';
  throw forbidden(`${what} für diese Schülerin/diesen Schüler (nur Erziehungsberechtigte mit Entschuldigungsrecht oder volljährige Schüler:innen selbst)`);
}

/** A named reporter is one of the pupil's guardians (GUARDIAN) or the pupil (PUPIL). */
async function checkReporterPerson(manager: EntityManager, pupil: LockedPupil, reportedBy: AbsenceReporter, personId: string | null): Promise<void> {
  if (!personId) return;
  if (reportedBy === 'PUPIL' && personId === pupil.personId) return;
  const [link] = reportedBy === 'GUARDIAN'
    ? await queryPrepared(manager, 'SELECT 1 FROM guardianships WHERE pupil_id = $1 AND guardian_person_id = $2', [pupil.id, personId])
    : [];
  if (!link) throw badInput('input.reporterPersonId', reportedBy === 'PUPIL' ? 'ist nicht die Schülerin/der Schüler selbst' : 'ist kein:e Erziehungsberechtigte:r dieser Schülerin/dieses Schülers', 'unknown_reference');
}

// A change of kind starts the kind's own fields afresh (a whole day turned into periods has no end day of its own).
function mergeChanges(current: AbsenceEntity, changes: z.infer<typeof updateAbsenceSchema>) {
  const base = {
    kind: current.kind, startsOn: current.startsOn, endsOn: current.endsOn, ...pickPeriods(current), reason: current.reason,
    note: current.note, reportedBy: current.reportedBy, reporterPersonId: current.reporterPersonId, reporterName: current.reporterName,
    reportedVia: current.reportedVia,
  };
  const fresh = changes.kind && changes.kind !== current.kind ? { ...NO_PERIODS, endsOn: changes.kind === 'DAYS' ? current.endsOn : null } : {};
  const oneDay = (changes.kind ?? current.kind) !== 'DAYS' && changes.startsOn && changes.endsOn === undefined ? { endsOn: changes.startsOn } : {};
  return { ...base, ...fresh, ...oneDay, ...changes };
}

function pickPeriods(a: { periodFrom?: number | null; periodTo?: number | null; minutes?: number | null }) {
  return { periodFrom: a.periodFrom ?? null, periodTo: a.periodTo ?? null, minutes: a.minutes ?? null };
}
