import { Args, ID, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { can } from '../../common/access';
import { PageInput } from '../../common/pagination';
import { LocalDate } from '../../common/scalars';
import { memberListComplexity, pagedListComplexity } from '../../graphql/list-complexity';
import { Ctx } from '../../authz/current-context.decorator';
import { RequestContext } from '../../authz/request-context';
import { AbsenceQueriesService } from './absence-queries.service';
import { AbsenceFilter } from './absence.inputs';
import { Absence, AbsenceChange, AbsenceClassGroup, AbsenceLessonLink, AbsencePage, PupilSearchHit } from './absence.types';
import { lessonsByAbsenceId } from './absences.loaders';
import { PupilSearchService } from './pupil-search.service';

@Resolver(() => Absence)
export class AbsencesResolver {
  constructor(private readonly queries: AbsenceQueriesService, private readonly pupilSearch: PupilSearchService) {}

  @Query(() => Absence)
  absence(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<Absence> {
    return this.queries.get(ctx, id);
  }

  @Query(() => AbsencePage, { complexity: pagedListComplexity, description: 'Absences the caller may see, newest first.' })
  absences(@Ctx() ctx: RequestContext, @Args('filter') filter: AbsenceFilter, @Args('page', { nullable: true }) page?: PageInput): Promise<AbsencePage> {
    return this.queries.list(ctx, filter, page);
  }

  @Query(() => [AbsenceClassGroup], {
    complexity: memberListComplexity,
    description: 'The pupils absent on a day (default today), grouped by class: the secretariat\'s daily list. Rejected leave requests are left out.',
  })
  absencesToday(
    @Ctx() ctx: RequestContext, @Args('schoolId', { type: () => ID }) schoolId: string,
    @Args('date', { type: () => LocalDate, nullable: true }) date?: string | null,
  ): Promise<AbsenceClassGroup[]> {
    return this.queries.ofDay(ctx, schoolId, date ?? ctx.today);
  }

  @Query(() => [Absence], { complexity: memberListComplexity, description: 'Absences of a class not yet excused or marked unexcused (isOverdue past the deadline): the class teacher\'s list.' })
  openAbsences(@Ctx() ctx: RequestContext, @Args('classId', { type: () => ID }) classId: string): Promise<Absence[]> {
    return this.queries.openOfClass(ctx, classId);
  }

  @Query(() => [Absence], { complexity: memberListComplexity, description: 'A pupil\'s absences, newest first; default range: the current term.' })
  pupilAbsenceHistory(
    @Ctx() ctx: RequestContext, @Args('pupilId', { type: () => ID }) pupilId: string,
    @Args('from', { type: () => LocalDate, nullable: true }) from?: string | null,
    @Args('to', { type: () => LocalDate, nullable: true }) to?: string | null,
  ): Promise<Absence[]> {
    return this.queries.ofPupil(ctx, pupilId, from, to);
  }

  @Query(() => [AbsenceChange], { description: 'Every change of an absence (who, when, old → new per field), for those who keep it: office, school management, class teacher.' })
  absenceHistory(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<AbsenceChange[]> {
    return this.queries.history(ctx, id);
  }

  @Query(() => [PupilSearchHit], { description: 'Fuzzy name search across a school for the absence entry: "Mueller" and one wrong letter find "Müller"; best matches first, with the class.' })
  searchPupilsForAbsence(
    @Ctx() ctx: RequestContext, @Args('schoolId', { type: () => ID }) schoolId: string, @Args('query') query: string,
    @Args('limit', { type: () => Int, defaultValue: 10 }) limit: number,
  ): Promise<PupilSearchHit[]> {
    return this.pupilSearch.search(ctx, schoolId, query, limit);
  }

  @ResolveField(() => [AbsenceLessonLink], { nullable: true, description: 'the timetable lessons it covers; null when the viewer may not read them' })
  async lessons(@Ctx() ctx: RequestContext, @Parent() absence: Absence): Promise<AbsenceLessonLink[] | null> {
    if (!can(ctx.ability, 'read', 'Absence', { schoolId: absence.schoolId, pupilId: absence.pupilId, classId: absence.classId }, 'lessons')) return null;
    return ctx.loaders.get(lessonsByAbsenceId).load(absence.id);
  }
}
