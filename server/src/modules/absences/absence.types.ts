import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { AbsenceChannel, AbsenceKind, AbsenceReason, AbsenceReporter, AbsenceStatus, LeaveStatus } from '@schulverwaltung/shared';
import {
  AbsenceChannelEnum, AbsenceKindEnum, AbsenceReasonEnum, AbsenceReporterEnum, AbsenceStatusEnum, LeaveStatusEnum,
} from '../../common/enums.graphql';
import { PageOf } from '../../common/pagination';
import { JSONScalar, LocalDate } from '../../common/scalars';

// The API shape of absences. Fields a teacher of the pupil may not read (ABSENCE_BASIC_FIELDS in
// shared/authz lists what they may) are nullable and null for them: why a pupil is away (reason,
// note), who reported it, and the excuse paperwork are for the office, the class teacher, the
// pupil and the guardians.

@ObjectType('AbsencePupil', { description: 'The pupil of an absence, with the class of that school year' })
export class AbsencePupil {
  @Field(() => ID) id: string;
  @Field() firstName: string;
  @Field() lastName: string;
  @Field(() => ID, { nullable: true }) classId: string | null;
  @Field(() => String, { nullable: true }) className: string | null;
}

@ObjectType('AbsenceLessonLink', { description: 'A timetable lesson an absence covers' })
export class AbsenceLessonLink {
  @Field(() => LocalDate) date: string;
  @Field(() => Int) period: number;
  @Field(() => ID) lessonLineageId: string;
  @Field(() => ID, { description: 'the lesson version taught that day' }) lessonId: string;
}

@ObjectType('Absence', { description: 'Fehlzeit einer Schülerin/eines Schülers: ganze Tage, einzelne Stunden, Verspätung oder früheres Gehen' })
export class Absence {
  @Field(() => ID) id: string;
  @Field(() => ID) schoolId: string;
  @Field(() => ID) pupilId: string;
  @Field(() => ID, { nullable: true, description: 'the pupil\'s class in the school year of the absence' }) classId: string | null;
  @Field(() => AbsencePupil) pupil: AbsencePupil;
  @Field(() => AbsenceKindEnum) kind: AbsenceKind;
  @Field(() => LocalDate, { description: 'first day (a school day); the day for PERIODS, LATE, EARLY_LEAVE' }) startsOn: string;
  @Field(() => LocalDate, { description: 'last day, inclusive (a school day)' }) endsOn: string;
  @Field(() => Int, { nullable: true, description: 'PERIODS: first missed period; EARLY_LEAVE: first period missed; LATE: the period of arrival' }) periodFrom: number | null;
  @Field(() => Int, { nullable: true, description: 'PERIODS: last missed period' }) periodTo: number | null;
  @Field(() => Int, { nullable: true, description: 'LATE: minutes late' }) minutes: number | null;
  @Field(() => AbsenceStatusEnum) status: AbsenceStatus;
  @Field(() => GraphQLISODateTime) reportedAt: Date;
  @Field(() => Int) version: number;

  @Field(() => AbsenceReasonEnum, { nullable: true, description: 'null when the viewer may not read it (teachers)' }) reason: AbsenceReason | null;
  @Field(() => String, { nullable: true, description: 'sensitive (health): null when the viewer may not read it' }) note: string | null;
  @Field(() => AbsenceReporterEnum, { nullable: true }) reportedBy: AbsenceReporter | null;
  @Field(() => ID, { nullable: true, description: 'the guardian or pupil who reported it' }) reporterPersonId: string | null;
  @Field(() => String, { nullable: true, description: 'name of another reporter, e.g. "Großmutter"' }) reporterName: string | null;
  @Field(() => String, { nullable: true, description: 'who reported it, for display: the person\'s name or reporterName' }) reporterDisplayName: string | null;
  @Field(() => AbsenceChannelEnum, { nullable: true }) reportedVia: AbsenceChannel | null;
  @Field(() => ID, { nullable: true, description: 'the user who entered it' }) enteredByPersonId: string | null;
  @Field(() => LocalDate, { nullable: true, description: 'the day the written excuse (Entschuldigung) arrived' }) excuseReceivedOn: string | null;
  @Field(() => LocalDate, { nullable: true, description: 'deadline for the written excuse' }) excuseDueOn: string | null;
  @Field(() => Boolean, { nullable: true, description: 'reported, no written excuse yet, and past its deadline' }) isOverdue: boolean | null;
  @Field(() => ID, { nullable: true }) excusedByPersonId: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) excusedAt: Date | null;
  @Field(() => Boolean, { nullable: true, description: 'Attestpflicht: only a medical certificate excuses it' }) requiresCertificate: boolean | null;
  @Field(() => LocalDate, { nullable: true }) certificateReceivedOn: string | null;
  @Field(() => LeaveStatusEnum, { nullable: true, description: 'Beurlaubung: requested, approved or rejected' }) leaveStatus: LeaveStatus | null;
  @Field(() => ID, { nullable: true }) leaveDecidedByPersonId: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) leaveDecidedAt: Date | null;
  // resolved by the resolver (AbsenceLessonLink list, null when the viewer may not read it)
}

/** The fields every reader of an absence may see; the rest is checked field by field. */
export const SENSITIVE_ABSENCE_FIELDS = [
  'reason', 'note', 'reportedBy', 'reporterPersonId', 'reporterName', 'reportedVia', 'enteredByPersonId',
  'excuseReceivedOn', 'excuseDueOn', 'excusedByPersonId', 'excusedAt', 'requiresCertificate', 'certificateReceivedOn',
  'leaveStatus', 'leaveDecidedByPersonId', 'leaveDecidedAt',
] as const;

@ObjectType()
export class AbsencePage extends PageOf(Absence, 'AbsencePage') {}

@ObjectType('AbsenceClassGroup', { description: 'The absences of one day in one class (pupils without a class: class null)' })
export class AbsenceClassGroup {
  @Field(() => ID, { nullable: true }) classId: string | null;
  @Field(() => String, { nullable: true }) className: string | null;
  @Field(() => [Absence], { description: 'by last and first name' }) absences: Absence[];
}

export enum AbsenceReportOutcome {
  CREATED = 'CREATED',
  MERGED = 'MERGED',
  ALREADY_REPORTED = 'ALREADY_REPORTED',
}
registerEnumType(AbsenceReportOutcome, {
  name: 'AbsenceReportOutcome',
  description: 'CREATED a new entry; MERGED into an overlapping or adjacent one with the same reason; ALREADY_REPORTED: an entry covered it already',
});

@ObjectType('ReportAbsenceResult')
export class ReportAbsenceResult {
  @Field(() => Absence, { description: 'the entry that now holds the absence' }) absence: Absence;
  @Field(() => AbsenceReportOutcome) outcome: AbsenceReportOutcome;
}

@ObjectType('UndoAbsenceMergeResult')
export class UndoAbsenceMergeResult {
  @Field(() => Absence, { description: 'the absence as it was before the merge' }) absence: Absence;
  @Field(() => [Absence], { description: 'entries the merge had swallowed, back under their ids' }) restored: Absence[];
}

@ObjectType('AbsenceFieldChange')
export class AbsenceFieldChange {
  @Field() field: string;
  @Field(() => JSONScalar, { nullable: true }) old: unknown;
  @Field(() => JSONScalar, { nullable: true }) new: unknown;
}

@ObjectType('AbsenceChange', { description: 'One change of an absence from the audit log: who, when, old → new per field' })
export class AbsenceChange {
  @Field(() => GraphQLISODateTime) at: Date;
  @Field({ description: 'create, update or delete' }) action: string;
  @Field(() => ID, { nullable: true }) actorPersonId: string | null;
  @Field(() => String, { nullable: true }) actorName: string | null;
  @Field(() => [AbsenceFieldChange]) changes: AbsenceFieldChange[];
}

@ObjectType('PupilSearchHit', { description: 'A pupil found by name, with the current class' })
export class PupilSearchHit {
  @Field(() => ID) pupilId: string;
  @Field() firstName: string;
  @Field() lastName: string;
  @Field(() => ID, { nullable: true }) classId: string | null;
  @Field(() => String, { nullable: true }) className: string | null;
  @Field(() => LocalDate, { nullable: true, description: 'tells namesakes apart' }) birthDate: string | null;
}
