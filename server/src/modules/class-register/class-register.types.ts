import { Field, GraphQLISODateTime, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import type { AbsenceKind, AbsenceStatus, AttendanceStatus } from '@schulverwaltung/shared';
import { AbsenceKindEnum, AbsenceStatusEnum, AttendanceStatusEnum } from '../../common/enums.graphql';
import { LocalDate } from '../../common/scalars';
import { Absence } from '../absences/absence.types';
import { TimetableLesson } from '../timetable/timetable.types';

@ObjectType('RegisterLesson', { description: 'A lesson of one day as the class register (Klassenbuch) knows it' })
export class RegisterLesson {
  @Field(() => ID) lessonLineageId: string;
  @Field(() => TimetableLesson, { description: 'what takes place: subject, groups, teachers, room, times, status (substitutions applied)' }) lesson: TimetableLesson;
  @Field({ description: 'the caller covers it in place of the planned teacher, or it is an extra lesson' }) isSubstitution: boolean;
  @Field({ description: 'a register entry was saved for it' }) isRecorded: boolean;
  @Field(() => ID, { nullable: true }) registerEntryId: string | null;
}

@ObjectType('RegisterEntry', { description: 'The saved register entry of a lesson: topic and homework' })
export class RegisterEntry {
  @Field(() => ID) id: string;
  @Field(() => String, { nullable: true }) topic: string | null;
  @Field(() => String, { nullable: true }) homework: string | null;
  @Field(() => ID, { nullable: true }) recordedByPersonId: string | null;
  @Field(() => GraphQLISODateTime) updatedAt: Date;
  @Field(() => Int) version: number;
}

@ObjectType('RegisterPupil', { description: 'A pupil of the lesson: the saved attendance, or pre-filled from reported absences' })
export class RegisterPupil {
  @Field(() => ID) pupilId: string;
  @Field() firstName: string;
  @Field() lastName: string;
  @Field(() => AttendanceStatusEnum) status: AttendanceStatus;
  @Field(() => Int, { nullable: true }) lateMinutes: number | null;
  @Field({ description: 'status comes from the saved entry (else pre-filled: ABSENT when an absence covers the lesson, LATE when a late arrival was reported, PRESENT otherwise)' }) isSaved: boolean;
  @Field(() => ID, { nullable: true, description: 'the reported absence (or late arrival) covering this lesson' }) absenceId: string | null;
  @Field(() => AbsenceKindEnum, { nullable: true }) absenceKind: AbsenceKind | null;
  @Field(() => AbsenceStatusEnum, { nullable: true }) absenceStatus: AbsenceStatus | null;
}

@ObjectType('ClassRegisterLesson', { description: 'One lesson on one day in the class register: its pupils, the saved entry, what is required' })
export class ClassRegisterLesson {
  @Field(() => RegisterLesson) lesson: RegisterLesson;
  @Field({ description: 'the school requires a topic for this grade (e.g. the upper school)' }) topicRequired: boolean;
  @Field({ description: 'the caller may save it (a teacher of the lesson or the substitute that day, not cancelled, not in the future)' }) mayEdit: boolean;
  @Field(() => RegisterEntry, { nullable: true }) entry: RegisterEntry | null;
  @Field(() => [RegisterPupil], { description: 'by last and first name' }) pupils: RegisterPupil[];
}

@InputType()
export class AttendanceInput {
  @Field(() => ID) pupilId: string;
  @Field(() => AttendanceStatusEnum) status: AttendanceStatus;
  @Field(() => Int, { nullable: true, description: 'LATE: minutes late' }) lateMinutes?: number | null;
}

@InputType({ description: 'The register entry of one lesson; attendance lists every pupil (those left out lose a saved status)' })
export class SaveClassRegisterInput {
  @Field(() => ID) lessonLineageId: string;
  @Field(() => LocalDate) date: string;
  @Field(() => Int) period: number;
  @Field(() => String, { nullable: true }) topic?: string | null;
  @Field(() => String, { nullable: true }) homework?: string | null;
  @Field(() => [AttendanceInput]) attendance: AttendanceInput[];
  @Field(() => Int, { nullable: true, description: 'the entry\'s version as read; omit for a lesson not recorded yet' }) version?: number | null;
}

@ObjectType('UnreportedAbsence', { description: 'A pupil marked absent in a class register today whom nobody reported: to phone' })
export class UnreportedAbsence {
  @Field(() => ID) pupilId: string;
  @Field() firstName: string;
  @Field() lastName: string;
  @Field(() => ID, { nullable: true }) classId: string | null;
  @Field(() => String, { nullable: true }) className: string | null;
  @Field(() => [Int], { description: 'the periods marked absent' }) periods: number[];
}

@ObjectType('RegisterConflict', { description: 'The register shows a pupil present (or late) in a lesson a reported absence covers' })
export class RegisterConflict {
  @Field(() => Absence) absence: Absence;
  @Field(() => LocalDate) date: string;
  @Field(() => Int) period: number;
  @Field(() => ID) lessonLineageId: string;
  @Field(() => String, { nullable: true, description: 'subject short name' }) subject: string | null;
  @Field(() => AttendanceStatusEnum) attendanceStatus: AttendanceStatus;
  @Field(() => Int, { nullable: true }) lateMinutes: number | null;
}

@ObjectType('RegisterConflictResolution')
export class RegisterConflictResolution {
  @Field(() => [Absence], { description: 'confirmed: the entries that now stand (the shortened absence, the missed part of the day the pupil came back); rejected: the absence unchanged' }) absences: Absence[];
  @Field(() => ID, { nullable: true, description: 'set when nothing was missed and the absence was removed' }) removedAbsenceId: string | null;
}
