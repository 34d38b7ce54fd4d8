import { z } from 'zod';
import { ABSENCE_CHANNELS, ABSENCE_KINDS, ABSENCE_REASONS, ABSENCE_REPORTERS, ATTENDANCE_STATUSES } from '../enums';
import { addDays } from '../dates';
import { calendarDate, optionalText, uuid } from './common';

// Absences (Fehlzeiten) and the class register (Klassenbuch). Which fields a kind needs:
// DAYS from–to; PERIODS one day, periods from–to; LATE one day and minutes; EARLY_LEAVE one day and
// the first period missed. Messages are German: they reach the secretariat unchanged.

/** Longest whole-day absence entered at once (a long illness is entered, then extended). */
export const MAX_ABSENCE_DAYS = 200;
export const MAX_PERIOD = 20;
export const MAX_LATE_MINUTES = 300;

const period = z.number().int()
  .min(1, { message: `muss zwischen 1 und ${MAX_PERIOD} liegen` })
  .max(MAX_PERIOD, { message: `muss zwischen 1 und ${MAX_PERIOD} liegen` });
const lateMinutes = z.number().int()
  .min(1, { message: 'muss mindestens 1 Minute sein' })
  .max(MAX_LATE_MINUTES, { message: `darf höchstens ${MAX_LATE_MINUTES} Minuten sein` });

const absenceFields = {
  kind: z.enum(ABSENCE_KINDS),
  startsOn: calendarDate,
  endsOn: calendarDate.nullish(),
  periodFrom: period.nullish(),
  periodTo: period.nullish(),
  minutes: lateMinutes.nullish(),
  reason: z.enum(ABSENCE_REASONS),
  note: optionalText(2000),
  reportedBy: z.enum(ABSENCE_REPORTERS),
  reporterPersonId: uuid.nullish(),
  reporterName: optionalText(200),
  reportedVia: z.enum(ABSENCE_CHANNELS),
};

type AbsenceValues = z.infer<z.ZodObject<typeof absenceFields>>;

function issue(ctx: z.RefinementCtx, path: string, message: string) {
  ctx.addIssue({ code: 'custom', path: [path], message });
}

/** Each kind names exactly the fields it needs. */
function checkKindFields(value: AbsenceValues, ctx: z.RefinementCtx) {
  const isOneDay = value.kind !== 'DAYS';
  if (isOneDay && value.endsOn && value.endsOn !== value.startsOn) issue(ctx, 'endsOn', 'gilt nur für ganze Tage; Stunden, Verspätung und früheres Gehen betreffen einen Tag');
  if (value.kind === 'DAYS') {
    if (value.endsOn && value.endsOn < value.startsOn) issue(ctx, 'endsOn', 'darf nicht vor dem ersten Tag liegen');
    if (value.endsOn && value.endsOn > addDays(value.startsOn, MAX_ABSENCE_DAYS - 1)) issue(ctx, 'endsOn', `höchstens ${MAX_ABSENCE_DAYS} Tage auf einmal`);
  }
  if (value.kind === 'PERIODS') {
    if (value.periodFrom == null) issue(ctx, 'periodFrom', 'ist für einzelne Stunden erforderlich');
    if (value.periodTo == null) issue(ctx, 'periodTo', 'ist für einzelne Stunden erforderlich');
    if (value.periodFrom != null && value.periodTo != null && value.periodTo < value.periodFrom) issue(ctx, 'periodTo', 'darf nicht vor der ersten Stunde liegen');
  }
  if (value.kind === 'LATE' && value.minutes == null) issue(ctx, 'minutes', 'ist für eine Verspätung erforderlich');
  if (value.kind === 'EARLY_LEAVE' && value.periodFrom == null) issue(ctx, 'periodFrom', 'ist für früheres Gehen erforderlich (die erste versäumte Stunde)');
  if (value.kind !== 'PERIODS' && value.periodTo != null) issue(ctx, 'periodTo', 'gilt nur für einzelne Stunden');
  if (value.kind === 'DAYS' && value.periodFrom != null) issue(ctx, 'periodFrom', 'gilt nicht für ganze Tage');
  if (value.kind !== 'LATE' && value.minutes != null) issue(ctx, 'minutes', 'gilt nur für eine Verspätung');
}

/** Who reported: a named guardian or the pupil by person, someone else by name. */
function checkReporter(value: AbsenceValues, ctx: z.RefinementCtx) {
  if (value.reportedBy === 'OTHER' && !value.reporterName && !value.reporterPersonId) issue(ctx, 'reporterName', 'bitte angeben, wer die Fehlzeit gemeldet hat');
  if (value.reporterPersonId && value.reportedBy !== 'GUARDIAN' && value.reportedBy !== 'PUPIL') {
    issue(ctx, 'reporterPersonId', 'nur für Meldungen von Erziehungsberechtigten oder der Schülerin/dem Schüler');
  }
}

const absenceObject = z.object(absenceFields);

export const absenceSchema = absenceObject.superRefine((value, ctx) => {
  checkKindFields(value, ctx);
  checkReporter(value, ctx);
});
export type AbsenceInputValues = z.infer<typeof absenceSchema>;

export const reportAbsenceSchema = absenceObject.extend({ pupilId: uuid }).superRefine((value, ctx) => {
  checkKindFields(value, ctx);
  checkReporter(value, ctx);
});

/** A change: any field; the merged absence is checked with absenceSchema. */
export const updateAbsenceSchema = absenceObject.partial();

/** A guardian's or adult pupil's sick report in the portal: whole days from today on. */
export const reportSicknessSchema = z.object({
  pupilId: uuid,
  startsOn: calendarDate,
  endsOn: calendarDate.nullish(),
  note: optionalText(2000),
}).superRefine((value, ctx) => {
  if (value.endsOn && value.endsOn < value.startsOn) issue(ctx, 'endsOn', 'darf nicht vor dem ersten Tag liegen');
  if (value.endsOn && value.endsOn > addDays(value.startsOn, 30)) issue(ctx, 'endsOn', 'höchstens 31 Tage auf einmal; länger bitte mit der Schule absprechen');
});

/** A leave of absence (Beurlaubung), asked for in advance with its reason. */
export const requestLeaveSchema = z.object({
  pupilId: uuid,
  startsOn: calendarDate,
  endsOn: calendarDate,
  note: z.string().trim().min(1, { message: 'bitte den Anlass der Beurlaubung angeben' }).max(2000, { message: 'darf höchstens 2000 Zeichen lang sein' }),
}).superRefine((value, ctx) => {
  if (value.endsOn < value.startsOn) issue(ctx, 'endsOn', 'darf nicht vor dem ersten Tag liegen');
  if (value.endsOn > addDays(value.startsOn, MAX_ABSENCE_DAYS - 1)) issue(ctx, 'endsOn', `höchstens ${MAX_ABSENCE_DAYS} Tage auf einmal`);
});

const attendanceSchema = z.object({
  pupilId: uuid,
  status: z.enum(ATTENDANCE_STATUSES),
  lateMinutes: lateMinutes.nullish(),
}).superRefine((value, ctx) => {
  if (value.status === 'LATE' && value.lateMinutes == null) issue(ctx, 'lateMinutes', 'ist bei einer Verspätung erforderlich');
  if (value.status !== 'LATE' && value.lateMinutes != null) issue(ctx, 'lateMinutes', 'gilt nur bei einer Verspätung');
});

/** One lesson's class register entry: topic, homework, attendance per pupil. */
export const saveClassRegisterSchema = z.object({
  lessonLineageId: uuid,
  date: calendarDate,
  period,
  topic: optionalText(500),
  homework: optionalText(2000),
  attendance: z.array(attendanceSchema).max(200, { message: 'höchstens 200 Schüler:innen' }),
  version: z.number().int().nullish(),
}).superRefine((value, ctx) => {
  const seen = new Set<string>();
  value.attendance.forEach((row, index) => {
    if (seen.has(row.pupilId)) ctx.addIssue({ code: 'custom', path: ['attendance', index, 'pupilId'], message: 'ist doppelt angegeben' });
    seen.add(row.pupilId);
  });
});
