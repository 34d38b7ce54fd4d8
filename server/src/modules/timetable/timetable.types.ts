import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { GroupKind, OccurrenceStatus, SubstitutionKind } from '@schulverwaltung/shared';
import { GroupKindEnum } from '../../common/enums.graphql';
import { LocalDate } from '../../common/scalars';
import { TimeGridPeriodEntity } from './time-grid-period.entity';

// GraphQL shapes of the read side of the timetable. Subjects, teachers, groups and rooms appear as
// small references (what a timetable cell shows), not as the full catalogue types: a pupil sees a
// teacher's Kürzel and name in their timetable, never the membership behind it.

export const TIMETABLE_TARGETS = ['CLASS', 'TEACHER', 'ROOM', 'PUPIL'] as const;
export type TimetableTargetKind = (typeof TIMETABLE_TARGETS)[number];

// Written out as records so that a value added to the shared unions fails the type check here.
const OCCURRENCE_STATUSES: { [K in OccurrenceStatus]: K } = { REGULAR: 'REGULAR', CHANGED: 'CHANGED', CANCELLED: 'CANCELLED', EXTRA: 'EXTRA' };
const SUBSTITUTION_KINDS: { [K in SubstitutionKind]: K } = {
  CANCELLED: 'CANCELLED', SUBSTITUTE: 'SUBSTITUTE', ROOM_CHANGE: 'ROOM_CHANGE', EXTRA: 'EXTRA', SHIFTED: 'SHIFTED', SUPERVISION: 'SUPERVISION', OTHER: 'OTHER',
};
export const TimetableTargetKindEnum = Object.fromEntries(TIMETABLE_TARGETS.map((t) => [t, t])) as { [K in TimetableTargetKind]: K };

registerEnumType(OCCURRENCE_STATUSES, { name: 'OccurrenceStatus', description: 'REGULAR as planned, CHANGED by a substitution, CANCELLED, EXTRA (added or moved here)' });
registerEnumType(SUBSTITUTION_KINDS, { name: 'SubstitutionKind', description: 'Kind of a substitution (Vertretungsart) as Untis exports it' });
registerEnumType(TimetableTargetKindEnum, { name: 'TimetableTargetKind' });

@ObjectType('TimeGridPeriod', { description: 'One period of a school\'s time grid (Zeitraster) on one weekday' })
export class TimeGridPeriod {
  @Field(() => ID) schoolId: string;
  @Field(() => Int, { description: '1 = Monday … 7 = Sunday' }) weekday: number;
  @Field(() => Int) period: number;
  @Field({ description: '"HH:MM", Europe/Berlin' }) startsAt: string;
  @Field({ description: '"HH:MM", Europe/Berlin' }) endsAt: string;
  @Field(() => String, { nullable: true }) label: string | null;
}

export const toTimeGridPeriod = (p: Pick<TimeGridPeriodEntity, 'schoolId' | 'weekday' | 'period' | 'startsAt' | 'endsAt' | 'label'>): TimeGridPeriod => ({
  schoolId: p.schoolId, weekday: p.weekday, period: p.period, startsAt: p.startsAt, endsAt: p.endsAt, label: p.label,
});

@InputType()
export class TimeGridPeriodInput {
  @Field(() => Int, { description: '1 = Monday … 7 = Sunday' }) weekday: number;
  @Field(() => Int) period: number;
  @Field({ description: '"HH:MM"' }) startsAt: string;
  @Field({ description: '"HH:MM", after startsAt' }) endsAt: string;
  @Field(() => String, { nullable: true }) label?: string | null;
}

@InputType({ description: 'Whose timetable: exactly one of classId, teacherId, roomId, pupilId' })
export class TimetableTargetInput {
  @Field(() => ID, { nullable: true, description: 'a class, course or working group' }) classId?: string | null;
  @Field(() => ID, { nullable: true, description: 'the person id of a teacher' }) teacherId?: string | null;
  @Field(() => ID, { nullable: true }) roomId?: string | null;
  @Field(() => ID, { nullable: true }) pupilId?: string | null;
  @Field(() => ID, { nullable: true, description: 'only this school (a teacher may teach at several)' }) schoolId?: string | null;
}

@ObjectType('TimetableSubject')
export class TimetableSubject {
  @Field(() => ID) id: string;
  @Field() shortName: string;
  @Field() name: string;
}

@ObjectType('TimetableTeacher')
export class TimetableTeacher {
  @Field(() => ID, { description: 'person id' }) id: string;
  @Field({ description: 'Kürzel at the lesson\'s school' }) abbreviation: string;
  @Field({ description: 'last name' }) name: string;
}

@ObjectType('TimetableGroup')
export class TimetableGroup {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field(() => GroupKindEnum) kind: GroupKind;
}

@ObjectType('TimetableRoom')
export class TimetableRoom {
  @Field(() => ID) id: string;
  @Field() shortName: string;
}

@ObjectType('PlannedLesson', { description: 'What the timetable planned before a substitution changed it' })
export class PlannedLesson {
  @Field(() => TimetableSubject, { nullable: true }) subject: TimetableSubject | null;
  @Field(() => [TimetableTeacher]) teachers: TimetableTeacher[];
  @Field(() => TimetableRoom, { nullable: true }) room: TimetableRoom | null;
}

@ObjectType('TimetableLesson', { description: 'One lesson on one day, with substitutions applied' })
export class TimetableLesson {
  @Field({ description: 'stable across changes (the calendar UID)' }) uid: string;
  @Field(() => ID) schoolId: string;
  @Field(() => LocalDate) date: string;
  @Field(() => Int, { description: '1 = Monday … 7 = Sunday' }) weekday: number;
  @Field(() => Int) period: number;
  @Field(() => String, { nullable: true, description: '"HH:MM"; null when the time grid lacks the period' }) startsAt: string | null;
  @Field(() => String, { nullable: true }) endsAt: string | null;
  @Field(() => TimetableSubject, { nullable: true }) subject: TimetableSubject | null;
  @Field(() => [TimetableTeacher]) teachers: TimetableTeacher[];
  @Field(() => [TimetableGroup]) groups: TimetableGroup[];
  @Field(() => TimetableRoom, { nullable: true }) room: TimetableRoom | null;
  @Field(() => OCCURRENCE_STATUSES) status: OccurrenceStatus;
  @Field(() => SUBSTITUTION_KINDS, { nullable: true }) substitutionKind: SubstitutionKind | null;
  @Field(() => PlannedLesson, { nullable: true, description: 'set when a substitution changed subject, teachers or room' }) original: PlannedLesson | null;
  @Field(() => String, { nullable: true, description: 'the substitution\'s note' }) text: string | null;
  @Field(() => ID, { nullable: true, description: 'the lesson version (null for an extra lesson)' }) lessonId: string | null;
}

@ObjectType('TimetableDay')
export class TimetableDay {
  @Field(() => LocalDate) date: string;
  @Field(() => Int, { description: '1 = Monday … 7 = Sunday' }) weekday: number;
  @Field(() => String, { nullable: true, description: 'holidays or days without lessons on this day (no lessons then)' }) holidayName: string | null;
}

@ObjectType('WeekTimetable', { description: 'The timetable of a class, teacher, room or pupil for one week' })
export class WeekTimetable {
  @Field(() => TimetableTargetKindEnum) target: TimetableTargetKind;
  @Field(() => ID) targetId: string;
  @Field({ description: 'e.g. "7b", "Müller (MÜL)", "Raum 101", the pupil\'s name' }) title: string;
  @Field(() => LocalDate, { description: 'the Monday' }) weekStart: string;
  @Field(() => [TimetableDay], { description: 'Monday to Friday, and the weekend when lessons or periods fall on it' }) days: TimetableDay[];
  @Field(() => [TimetableLesson], { description: 'by date, time and period' }) lessons: TimetableLesson[];
  @Field(() => [TimeGridPeriod], { description: 'the time grid of the schools shown' }) timeGrid: TimeGridPeriod[];
}

@ObjectType('SubstitutionPlanEntry', { description: 'One line of a school\'s daily substitution plan (Vertretungsplan)' })
export class SubstitutionPlanEntry {
  @Field(() => ID) substitutionId: string;
  @Field(() => LocalDate) date: string;
  @Field(() => Int) period: number;
  @Field(() => String, { nullable: true }) startsAt: string | null;
  @Field(() => String, { nullable: true }) endsAt: string | null;
  @Field(() => SUBSTITUTION_KINDS) kind: SubstitutionKind;
  @Field(() => OCCURRENCE_STATUSES) status: OccurrenceStatus;
  @Field(() => [TimetableGroup], { description: 'the classes and courses, by name' }) groups: TimetableGroup[];
  @Field(() => TimetableSubject, { nullable: true, description: 'what takes place (null when cancelled)' }) subject: TimetableSubject | null;
  @Field(() => [TimetableTeacher]) teachers: TimetableTeacher[];
  @Field(() => TimetableRoom, { nullable: true }) room: TimetableRoom | null;
  @Field(() => TimetableSubject, { nullable: true, description: 'what the timetable planned (null for an extra lesson)' }) originalSubject: TimetableSubject | null;
  @Field(() => [TimetableTeacher]) originalTeachers: TimetableTeacher[];
  @Field(() => TimetableRoom, { nullable: true }) originalRoom: TimetableRoom | null;
  @Field(() => String, { nullable: true }) text: string | null;
}
