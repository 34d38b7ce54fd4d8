import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  AbsenceSortField, AppAbility, isLetterDue, SortDirection, sortOverviewRows, statisticsRange, TermNumber, termOn,
} from '@schulverwaltung/shared';
import { can, checkId, loadVisible } from '../../common/access';
import { badInput, forbidden, notFound } from '../../common/app-error';
import { loadAll } from '../../database/prepared-query';
import { RequestContext } from '../../authz/request-context';
import { GroupEntity } from '../groups/group.entity';
import { PupilEntity } from '../pupils/pupil.entity';
import {
  countForPupils, loadPupil, loadPupilsOfClass, loadSchoolContext, PupilCount, SchoolContext, StatisticsPupil,
} from './absence-statistics.data';
import { ClassAbsenceOverview, ClassAbsenceRow, CourseAbsenceFigures, PupilAbsenceStatistics } from './absence-statistics.types';

// Who sees what: the figures come from reasons and leave decisions, so they are shown to those who
// may read whole absences (secretariat, management, admin, class teacher; guardians with custody
// and pupils their own) — not to teachers who only see that a pupil they teach is away.

export interface OverviewSort {
  field: AbsenceSortField;
  direction: SortDirection;
}

/** A pupil's figures with what was needed to count them (for the letter). */
export interface PupilStatisticsResult {
  statistics: PupilAbsenceStatistics;
  pupil: StatisticsPupil;
  counted: PupilCount;
  context: SchoolContext;
}

@Injectable()
export class AbsenceStatisticsService {
  constructor(private readonly dataSource: DataSource) {}

  /** One pupil's figures in a term (null: the whole year) of a school year (null: the current one). */
  async pupilStatistics(ctx: RequestContext, pupilId: string, schoolYearId: string | null, term: number | null): Promise<PupilAbsenceStatistics> {
    const checkedTerm = checkTerm(term, 'term');
    const { pupil, context } = await this.visiblePupil(ctx, pupilId, schoolYearId, 'read');
    return (await this.countPupil(pupil, context, checkedTerm)).statistics;
  }

  /**
   * For the letter to the guardians: the figures of the term (null: the current one), for those who
   * keep the pupil's absences (class teacher, secretariat, management, admin).
   */
  async pupilForLetter(ctx: RequestContext, pupilId: string, term: number | null): Promise<PupilStatisticsResult> {
    const { pupil, context } = await this.visiblePupil(ctx, pupilId, null, 'update');
    return this.countPupil(pupil, context, checkTerm(term, 'term') ?? termOn(context.year, ctx.today));
  }

  /** Every pupil of a class with their figures in a term (null: the current one), sorted; letterDue by the school's thresholds. */
  async classOverview(ctx: RequestContext, classId: string, term: number | null, sort: OverviewSort): Promise<ClassAbsenceOverview> {
    const checkedTerm = checkTerm(term, 'term');
    const manager = this.dataSource.manager;
    const group = await loadVisible(manager, GroupEntity, classId, 'Group', ctx.ability, 'Klasse');
    if (group.kind !== 'CLASS') throw badInput('classId', 'muss eine Klasse sein (kein Kurs, keine AG)', 'not_a_class');
    if (!mayReadStatistics(ctx.ability, { schoolId: group.schoolId, classId: group.id })) throw forbidden('die Fehlzeiten dieser Klasse');
    const [context, pupils] = await loadAll(manager, [
      () => this.contextOf(group.schoolId, group.schoolYearId),
      () => loadPupilsOfClass(manager, group.id, group.schoolYearId),
    ] as const);
    const overviewTerm = checkedTerm ?? termOn(context.year, ctx.today);
    const { from, to } = statisticsRange(context.year, overviewTerm);
    const counts = await countForPupils(manager, group.schoolId, pupils, from, to);
    const rows = counts.map(({ pupil, count }): ClassAbsenceRow => ({
      pupilId: pupil.pupilId, firstName: pupil.firstName, lastName: pupil.lastName, figures: count.figures,
      letterDue: isLetterDue(count.figures, context.settings), isWithoutTimetable: count.isWithoutTimetable,
    }));
    return {
      classId: group.id, className: group.name, schoolYearId: context.year.id, schoolYearName: context.year.name,
      term: overviewTerm, from, to,
      letterAfterUnexcusedDays: context.settings.letterAfterUnexcusedDays,
      letterAfterUnexcusedLessons: context.settings.letterAfterUnexcusedLessons,
      rows: sortOverviewRows(rows, sort.field, sort.direction),
    };
  }

  // NOT_FOUND for a pupil outside the caller's view; FORBIDDEN for one they see but whose absences they may not.
  private async visiblePupil(ctx: RequestContext, pupilId: string, schoolYearId: string | null, action: 'read' | 'update') {
    const manager = this.dataSource.manager;
    const { schoolId } = await loadVisible(manager, PupilEntity, pupilId, 'Pupil', ctx.ability, 'Schüler:in');
    const context = await this.contextOf(schoolId, schoolYearId === null ? null : checkId(schoolYearId, 'schoolYearId'));
    const pupil = await loadPupil(manager, pupilId, context.year.id);
    const absenceSubject = { schoolId, pupilId, classId: pupil.classId };
    const allowed = action === 'read' ? mayReadStatistics(ctx.ability, absenceSubject) : can(ctx.ability, 'update', 'Absence', absenceSubject);
    if (!allowed) throw forbidden(action === 'read' ? 'die Fehlzeiten dieser Schülerin / dieses Schülers' : 'Briefe zu den Fehlzeiten dieser Schülerin / dieses Schülers');
    return { pupil, context };
  }

  private async contextOf(schoolId: string, schoolYearId: string | null): Promise<SchoolContext> {
    const context = await loadSchoolContext(this.dataSource.manager, schoolId, schoolYearId);
    if (!context) throw notFound('Schuljahr', schoolYearId ?? undefined);
    return context;
  }

  private async countPupil(pupil: StatisticsPupil, context: SchoolContext, term: TermNumber | null): Promise<PupilStatisticsResult> {
    const { from, to } = statisticsRange(context.year, term);
    const [counted] = await countForPupils(this.dataSource.manager, pupil.schoolId, [pupil], from, to);
    const { count, isUpperSchool } = counted;
    const statistics: PupilAbsenceStatistics = {
      pupilId: pupil.pupilId, schoolYearId: context.year.id, schoolYearName: context.year.name, term, from, to,
      figures: count.figures, isUpperSchool, courses: count.courses.map((course) => withCourseNames(course, pupil)),
      days: count.days.map((day) => ({ ...day, lessons: day.lessons.map((lesson) => ({ ...lesson, subject: lesson.subject?.shortName ?? null })) })),
      lateArrivals: count.lateArrivals, isWithoutTimetable: count.isWithoutTimetable,
    };
    return { statistics, pupil, counted, context };
  }
}

// Whole absences, reason included: what the figures are made of.
function mayReadStatistics(ability: AppAbility, absence: { schoolId: string; pupilId?: string; classId: string | null }): boolean {
  return can(ability, 'read', 'Absence', absence, 'reason');
}

function checkTerm(term: number | null | undefined, field: string): TermNumber | null {
  if (term === null || term === undefined) return null;
  if (term !== 1 && term !== 2) throw badInput(field, 'muss 1 oder 2 sein (erstes oder zweites Halbjahr)', 'invalid_term');
  return term;
}

function withCourseNames(course: Omit<CourseAbsenceFigures, 'groupName' | 'subjectName'>, pupil: StatisticsPupil): CourseAbsenceFigures {
  const group = pupil.groups.find((g) => g.id === course.groupId);
  return { ...course, groupName: group?.name ?? '', subjectName: group?.subjectName ?? null };
}
