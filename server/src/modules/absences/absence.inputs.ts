import { Field, ID, InputType, Int } from '@nestjs/graphql';
import type { AbsenceChannel, AbsenceKind, AbsenceReason, AbsenceReporter, AbsenceStatus } from '@schulverwaltung/shared';
import {
  AbsenceChannelEnum, AbsenceKindEnum, AbsenceReasonEnum, AbsenceReporterEnum, AbsenceStatusEnum,
} from '../../common/enums.graphql';
import { LocalDate } from '../../common/scalars';

@InputType({ description: 'Fields of an absence; which ones a kind needs: DAYS startsOn–endsOn; PERIODS startsOn, periodFrom–periodTo; LATE startsOn, minutes; EARLY_LEAVE startsOn, periodFrom' })
class AbsenceFieldsInput {
  @Field(() => LocalDate, { nullable: true, description: 'DAYS: last day (default: startsOn); other kinds: omit or startsOn' }) endsOn?: string | null;
  @Field(() => Int, { nullable: true, description: 'PERIODS: first missed period; EARLY_LEAVE: first period missed; LATE: period of arrival (default: the pupil\'s first lesson)' }) periodFrom?: number | null;
  @Field(() => Int, { nullable: true, description: 'PERIODS: last missed period' }) periodTo?: number | null;
  @Field(() => Int, { nullable: true, description: 'LATE: minutes late' }) minutes?: number | null;
  @Field(() => String, { nullable: true, description: 'sensitive (health)' }) note?: string | null;
  @Field(() => ID, { nullable: true, description: 'GUARDIAN: the guardian who called; PUPIL: the pupil\'s person' }) reporterPersonId?: string | null;
  @Field(() => String, { nullable: true, description: 'OTHER: who reported, e.g. "Großmutter"' }) reporterName?: string | null;
}

@InputType({ description: 'The secretariat\'s quick entry: a whole-day range or one day\'s periods, lateness or early leave' })
export class ReportAbsenceInput extends AbsenceFieldsInput {
  @Field(() => ID) pupilId: string;
  @Field(() => AbsenceKindEnum, { defaultValue: 'DAYS' }) kind: AbsenceKind = 'DAYS';
  @Field(() => LocalDate, { description: 'first day; weekends, holidays and days without lessons inside a range are skipped' }) startsOn: string;
  @Field(() => AbsenceReasonEnum) reason: AbsenceReason;
  @Field(() => AbsenceReporterEnum) reportedBy: AbsenceReporter;
  @Field(() => AbsenceChannelEnum) reportedVia: AbsenceChannel;
}

@InputType({ description: 'Fields left out stay as they are' })
export class UpdateAbsenceInput extends AbsenceFieldsInput {
  @Field(() => AbsenceKindEnum, { nullable: true }) kind?: AbsenceKind;
  @Field(() => LocalDate, { nullable: true }) startsOn?: string;
  @Field(() => AbsenceReasonEnum, { nullable: true }) reason?: AbsenceReason;
  @Field(() => AbsenceReporterEnum, { nullable: true }) reportedBy?: AbsenceReporter;
  @Field(() => AbsenceChannelEnum, { nullable: true }) reportedVia?: AbsenceChannel;
}

@InputType({ description: 'An absence and the version the caller last read' })
export class AbsenceVersionInput {
  @Field(() => ID) id: string;
  @Field(() => Int) version: number;
}

@InputType({ description: 'A guardian\'s (or adult pupil\'s) sick report in the portal: whole days from today on' })
export class ReportSicknessInput {
  @Field(() => ID) pupilId: string;
  @Field(() => LocalDate) startsOn: string;
  @Field(() => LocalDate, { nullable: true, description: 'default: startsOn' }) endsOn?: string | null;
  @Field(() => String, { nullable: true }) note?: string | null;
}

@InputType({ description: 'A leave of absence (Beurlaubung), asked for in advance by a guardian or an adult pupil' })
export class RequestLeaveInput {
  @Field(() => ID) pupilId: string;
  @Field(() => LocalDate) startsOn: string;
  @Field(() => LocalDate) endsOn: string;
  @Field({ description: 'the occasion, e.g. "Hochzeit der Schwester"' }) note: string;
}

@InputType()
export class AbsenceFilter {
  @Field(() => ID, { nullable: true }) schoolId?: string | null;
  @Field(() => ID, { nullable: true, description: 'the pupil\'s class in the school year of the absence' }) classId?: string | null;
  @Field(() => ID, { nullable: true }) pupilId?: string | null;
  @Field(() => LocalDate, { nullable: true, description: 'absences ending on or after this day' }) from?: string | null;
  @Field(() => LocalDate, { nullable: true, description: 'absences starting on or before this day' }) to?: string | null;
  @Field(() => AbsenceStatusEnum, { nullable: true }) status?: AbsenceStatus | null;
  @Field(() => Boolean, { nullable: true, description: 'true: only reported ones past their excuse deadline without a written excuse' }) overdue?: boolean | null;
}
