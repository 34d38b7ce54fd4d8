import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ABSENCE_SORT_FIELDS, AbsenceSortField, CountedStatus, SortDirection } from '@schulverwaltung/shared';
import { SortDirectionEnum } from '../../common/enums.graphql';
import { LocalDate } from '../../common/scalars';

// GraphQL shapes of the absence statistics: the figures a certificate prints, per pupil and term,
// and the class overview built from them.

const COUNTED_STATUSES: { [K in CountedStatus]: K } = { EXCUSED: 'EXCUSED', UNEXCUSED: 'UNEXCUSED', OPEN: 'OPEN' };
export const AbsenceSortFieldEnum = Object.fromEntries(ABSENCE_SORT_FIELDS.map((f) => [f, f])) as { [K in AbsenceSortField]: K };

registerEnumType(COUNTED_STATUSES, { name: 'CountedAbsenceStatus', description: 'How a missed lesson or day counts: EXCUSED, UNEXCUSED, or OPEN (reported, not yet decided)' });
registerEnumType(AbsenceSortFieldEnum, { name: 'AbsenceSortField', description: 'Sort the class overview by name or by one of the figures' });

@ObjectType('AbsenceFigures', { description: 'Fehlzeiten as a certificate prints them, for one pupil and range' })
export class AbsenceFigures {
  @Field(() => Int, { description: 'days with at least one lesson for the pupil' }) schoolDays: number;
  @Field(() => Int, { description: 'lessons that took place (cancelled ones are none)' }) lessonsHeld: number;
  @Field(() => Int, { description: 'Fehltage: days on which every lesson was missed' }) daysAbsent: number;
  @Field(() => Int) daysExcused: number;
  @Field(() => Int) daysUnexcused: number;
  @Field(() => Int, { description: 'reported, not yet excused or marked unexcused' }) daysOpen: number;
  @Field(() => Int, { description: 'Fehlstunden: missed lessons, whole days included' }) lessonsAbsent: number;
  @Field(() => Int) lessonsExcused: number;
  @Field(() => Int) lessonsUnexcused: number;
  @Field(() => Int) lessonsOpen: number;
  @Field(() => Int, { description: 'Verspätungen' }) lateCount: number;
  @Field(() => Int) lateMinutes: number;
}

@ObjectType('CourseAbsenceFigures', { description: 'Missed lessons in one course (upper school)' })
export class CourseAbsenceFigures {
  @Field(() => ID) groupId: string;
  @Field() groupName: string;
  @Field(() => String, { nullable: true }) subjectName: string | null;
  @Field(() => Int) lessonsHeld: number;
  @Field(() => Int) lessonsAbsent: number;
  @Field(() => Int) lessonsExcused: number;
  @Field(() => Int) lessonsUnexcused: number;
  @Field(() => Int) lessonsOpen: number;
}

@ObjectType('MissedLesson')
export class MissedLesson {
  @Field(() => Int) period: number;
  @Field(() => String, { nullable: true, description: 'subject abbreviation' }) subject: string | null;
  @Field(() => COUNTED_STATUSES) status: CountedStatus;
}

@ObjectType('MissedSchoolDay', { description: 'A school day with missed lessons; a Fehltag when isWholeDay' })
export class MissedSchoolDay {
  @Field(() => LocalDate) date: string;
  @Field() isWholeDay: boolean;
  @Field(() => COUNTED_STATUSES, { description: 'the least favourable status of its missed lessons' }) status: CountedStatus;
  @Field(() => [MissedLesson]) lessons: MissedLesson[];
}

@ObjectType('LateArrival')
export class LateArrival {
  @Field(() => LocalDate) date: string;
  @Field(() => Int) minutes: number;
  @Field(() => COUNTED_STATUSES) status: CountedStatus;
}

@ObjectType('PupilAbsenceStatistics', { description: 'A pupil\'s absences in one term (or school year), counted by the certificate rules' })
export class PupilAbsenceStatistics {
  @Field(() => ID) pupilId: string;
  @Field(() => ID) schoolYearId: string;
  @Field() schoolYearName: string;
  @Field(() => Int, { nullable: true, description: '1 or 2; null: the whole school year' }) term: number | null;
  @Field(() => LocalDate) from: string;
  @Field(() => LocalDate) to: string;
  @Field(() => AbsenceFigures) figures: AbsenceFigures;
  @Field({ description: 'grade 11 and up: missed lessons are also counted per course' }) isUpperSchool: boolean;
  @Field(() => [CourseAbsenceFigures], { description: 'upper school only; empty otherwise' }) courses: CourseAbsenceFigures[];
  @Field(() => [MissedSchoolDay]) days: MissedSchoolDay[];
  @Field(() => [LateArrival]) lateArrivals: LateArrival[];
  @Field({ description: 'no lessons in the timetable: whole days counted on weekdays outside holidays, lessons not counted' }) isWithoutTimetable: boolean;
}

@ObjectType('ClassAbsenceRow')
export class ClassAbsenceRow {
  @Field(() => ID) pupilId: string;
  @Field() firstName: string;
  @Field() lastName: string;
  @Field(() => AbsenceFigures) figures: AbsenceFigures;
  @Field({ description: 'at or above one of the school\'s thresholds: the class teacher should write to the guardians' }) letterDue: boolean;
  @Field() isWithoutTimetable: boolean;
}

@ObjectType('ClassAbsenceOverview', { description: 'The absence figures of every pupil of a class in one term' })
export class ClassAbsenceOverview {
  @Field(() => ID) classId: string;
  @Field() className: string;
  @Field(() => ID) schoolYearId: string;
  @Field() schoolYearName: string;
  @Field(() => Int) term: number;
  @Field(() => LocalDate) from: string;
  @Field(() => LocalDate) to: string;
  @Field(() => Int, { description: 'the school\'s threshold of unexcused days for a letter' }) letterAfterUnexcusedDays: number;
  @Field(() => Int, { description: 'the school\'s threshold of unexcused lessons for a letter' }) letterAfterUnexcusedLessons: number;
  @Field(() => [ClassAbsenceRow]) rows: ClassAbsenceRow[];
}

@InputType()
export class AbsenceOverviewSortInput {
  @Field(() => AbsenceSortFieldEnum, { defaultValue: 'NAME' }) field: AbsenceSortField = 'NAME';
  @Field(() => SortDirectionEnum, { defaultValue: 'ASC', description: 'ties are always broken by name, A to Z' }) direction: SortDirection = 'ASC';
}

@ObjectType('AbsenceSettings', { description: 'A school\'s absence rules; the defaults (version 0) until they are first saved' })
export class AbsenceSettings {
  @Field(() => ID) schoolId: string;
  @Field(() => Int, { description: '0 while the defaults apply; pass it back to update' }) version: number;
  @Field(() => Int, { description: 'the written excuse is due this many school days after the pupil is back' }) excuseDeadlineSchoolDays: number;
  @Field({ description: 'a guardian\'s (or adult pupil\'s) report in the portal counts as the written excuse' }) onlineExcuseAllowed: boolean;
  @Field({ description: 'absences on exam days need a medical certificate' }) certificateOnExamDays: boolean;
  @Field({ description: 'absences right before or after holidays need a medical certificate' }) certificateNextToHolidays: boolean;
  @Field(() => Int, { description: 'leave the class teacher may approve, in school days; longer: school management' }) leaveClassTeacherMaxDays: number;
  @Field(() => Int, { description: 'prompt a letter to the guardians from this many unexcused days …' }) letterAfterUnexcusedDays: number;
  @Field(() => Int, { description: '… or this many unexcused lessons (per term)' }) letterAfterUnexcusedLessons: number;
  @Field(() => Int, { nullable: true, description: 'the class register requires a lesson topic from this grade on; null: never' }) topicRequiredFromGrade: number | null;
}

@InputType({ description: 'Fields left out stay as they are' })
export class UpdateAbsenceSettingsInput {
  @Field(() => Int, { nullable: true }) excuseDeadlineSchoolDays?: number;
  @Field({ nullable: true }) onlineExcuseAllowed?: boolean;
  @Field({ nullable: true }) certificateOnExamDays?: boolean;
  @Field({ nullable: true }) certificateNextToHolidays?: boolean;
  @Field(() => Int, { nullable: true }) leaveClassTeacherMaxDays?: number;
  @Field(() => Int, { nullable: true }) letterAfterUnexcusedDays?: number;
  @Field(() => Int, { nullable: true }) letterAfterUnexcusedLessons?: number;
  @Field(() => Int, { nullable: true }) topicRequiredFromGrade?: number | null;
}
