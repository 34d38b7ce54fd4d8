import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { addDays, AppAbility, isWithin, SessionUser, weekday } from '@schulverwaltung/shared';
import { assertCan, checkId, loadVisible } from '../../common/access';
import { AppError, badInput } from '../../common/app-error';
import { RequestContext } from '../../authz/request-context';
import { SchoolEntity } from '../schools/school.entity';
import { DatedLesson, DayOffRow, LessonSelection, loadTimetable, TimetableData } from './timetable-data';
import { parseTarget, resolveTarget, ResolvedTarget, TimetableTarget } from './timetable-target';
import {
  SubstitutionPlanEntry, TimetableDay, TimetableLesson, TimetableTargetInput, toTimeGridPeriod, WeekTimetable,
} from './timetable.types';

@Injectable()
export class TimetableService {
  constructor(private readonly dataSource: DataSource) {}

  /** The week of a class, teacher, room or pupil, as far as the caller may see it. */
  async week(ctx: RequestContext, targetInput: TimetableTargetInput, weekStart: string): Promise<WeekTimetable> {
    checkMonday(weekStart);
    const target = await this.resolveInput(ctx.ability, targetInput, weekStart, addDays(weekStart, 6));
    return this.weekOf(target, weekStart);
  }

  /** The caller's own weeks: what they teach, their own as a pupil, and each child's they may see. */
  async myWeeks(ctx: RequestContext, weekStart: string): Promise<WeekTimetable[]> {
    checkMonday(weekStart);
    const targets = await Promise.all(ownTargets(ctx.user!).map((target) =>
      this.resolve(ctx.ability, target, weekStart, addDays(weekStart, 6)).catch(unlessNotFound)));
    const visible = targets.filter((target): target is ResolvedTarget => target !== null);
    return Promise.all(visible.map((target) => this.weekOf(target, weekStart)));
  }

  /** The target as the ability may see it in [from, to]; NOT_FOUND when it may not. */
  resolve(ability: AppAbility, target: TimetableTarget, from: string, to: string): Promise<ResolvedTarget> {
    return resolveTarget(this.dataSource.manager, ability, target, from, to);
  }

  /** Like resolve, for a target as the API takes it (exactly one id; BAD_USER_INPUT otherwise). */
  resolveInput(ability: AppAbility, input: TimetableTargetInput, from: string, to: string): Promise<ResolvedTarget> {
    return this.resolve(ability, parseTarget(input), from, to);
  }

  /** A resolved target's lessons in [from, to], substitutions applied, days off left out. */
  async lessons(target: ResolvedTarget, from: string, to: string): Promise<DatedLesson[]> {
    return (await loadTimetable(this.dataSource.manager, target.schoolIds, selectionOf(target), from, to)).lessons;
  }

  /** The daily substitution plan of a school, by class and period: for the school's staff. */
  async substitutionPlan(ctx: RequestContext, schoolId: string, date: string): Promise<SubstitutionPlanEntry[]> {
    await loadVisible(this.dataSource.manager, SchoolEntity, checkId(schoolId, 'schoolId'), 'School', ctx.ability, 'Schule');
    assertCan(ctx.ability, 'read', 'Timetable', { schoolId }, 'den Vertretungsplan dieser Schule');
    const { lessons } = await loadTimetable(this.dataSource.manager, [schoolId], { by: 'SUBSTITUTED' }, date, date);
    return lessons.map(toPlanEntry).sort(byClassAndPeriod);
  }

  private async weekOf(target: ResolvedTarget, weekStart: string): Promise<WeekTimetable> {
    const data = await loadTimetable(this.dataSource.manager, target.schoolIds, selectionOf(target), weekStart, addDays(weekStart, 6));
    return {
      target: target.kind, targetId: target.id, title: target.title, weekStart,
      days: daysOfWeek(weekStart, data),
      lessons: data.lessons.map(toTimetableLesson),
      timeGrid: data.timeGrid.map(toTimeGridPeriod),
    };
  }
}

function checkMonday(weekStart: string): void {
  if (weekday(weekStart) !== 1) throw badInput('weekStart', 'muss ein Montag sein', 'not_monday');
}

function ownTargets(user: SessionUser): TimetableTarget[] {
  const teaches = user.schoolRoles.some((role) => role.role === 'TEACHER');
  return [
    ...(teaches ? [{ kind: 'TEACHER' as const, id: user.personId }] : []),
    ...user.self.map((self) => ({ kind: 'PUPIL' as const, id: self.pupilId })),
    // Children the rules keep closed (no custody, information block) answer NOT_FOUND and drop out.
    ...user.children.map((child) => ({ kind: 'PUPIL' as const, id: child.pupilId })),
  ];
}

function unlessNotFound(error: unknown): null {
  if (error instanceof AppError && error.code === 'NOT_FOUND') return null;
  throw error;
}

function selectionOf(target: ResolvedTarget): LessonSelection {
  switch (target.kind) {
    case 'TEACHER': return { by: 'TEACHER', teacherId: target.id };
    case 'ROOM': return { by: 'ROOM', roomId: target.id };
    case 'CLASS':
    case 'PUPIL': return { by: 'GROUPS', groupIds: target.groupIds };
  }
}

/** Monday to Friday; Saturday and Sunday only when the time grid has periods or a lesson falls on them. */
function daysOfWeek(weekStart: string, data: TimetableData): TimetableDay[] {
  const usedWeekdays = new Set([...data.timeGrid.map((p) => p.weekday), ...data.lessons.map((l) => l.weekday)]);
  return [1, 2, 3, 4, 5, 6, 7]
    .filter((day) => day <= 5 || usedWeekdays.has(day))
    .map((day) => {
      const date = addDays(weekStart, day - 1);
      return { date, weekday: day, holidayName: holidayNameOn(date, data.daysOff) };
    });
}

function holidayNameOn(date: string, daysOff: DayOffRow[]): string | null {
  const names = [...new Set(daysOff.filter((d) => isWithin(date, d.startsOn, d.endsOn)).map((d) => d.name))];
  return names.length > 0 ? names.join(' / ') : null;
}

function toTimetableLesson(lesson: DatedLesson): TimetableLesson {
  return {
    uid: lesson.uid, schoolId: lesson.schoolId, date: lesson.date, weekday: lesson.weekday, period: lesson.period,
    startsAt: lesson.startsAt, endsAt: lesson.endsAt,
    subject: lesson.subject, teachers: lesson.teachers, groups: lesson.groups, room: lesson.room,
    status: lesson.status, substitutionKind: lesson.substitutionKind ?? null, original: lesson.original ?? null,
    text: lesson.text ?? null, lessonId: lesson.lessonId,
  };
}

// A cancelled lesson shows what was planned; a changed one what takes place and what was planned;
// an extra one only what takes place.
function toPlanEntry(lesson: DatedLesson): SubstitutionPlanEntry {
  const cancelled = lesson.status === 'CANCELLED';
  const planned = cancelled ? lesson : lesson.original;
  return {
    substitutionId: lesson.substitutionId!, date: lesson.date, period: lesson.period, startsAt: lesson.startsAt, endsAt: lesson.endsAt,
    kind: lesson.substitutionKind ?? 'OTHER', status: lesson.status,
    groups: [...lesson.groups].sort((a, b) => germanNatural.compare(a.name, b.name)),
    subject: cancelled ? null : lesson.subject, teachers: cancelled ? [] : lesson.teachers, room: cancelled ? null : lesson.room,
    originalSubject: planned?.subject ?? null, originalTeachers: planned?.teachers ?? [], originalRoom: planned?.room ?? null,
    text: lesson.text ?? null,
  };
}

// "5a" before "10a", "ä" next to "a".
const germanNatural = new Intl.Collator('de', { numeric: true });

// By the first class named, then period; lines without a class come last.
function byClassAndPeriod(a: SubstitutionPlanEntry, b: SubstitutionPlanEntry): number {
  const classA = a.groups[0]?.name;
  const classB = b.groups[0]?.name;
  if (classA === undefined || classB === undefined) return (classA === undefined ? 1 : 0) - (classB === undefined ? 1 : 0) || a.period - b.period;
  return germanNatural.compare(classA, classB) || a.period - b.period || a.substitutionId.localeCompare(b.substitutionId);
}
