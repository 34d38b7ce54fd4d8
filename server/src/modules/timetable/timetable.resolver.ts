import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Ctx } from '../../authz/current-context.decorator';
import { RequestContext } from '../../authz/request-context';
import { LocalDate } from '../../common/scalars';
import { TimeGridService } from './time-grid.service';
import { TimetableService } from './timetable.service';
import {
  SubstitutionPlanEntry, TimeGridPeriod, TimeGridPeriodInput, TimetableTargetInput, toTimeGridPeriod, WeekTimetable,
} from './timetable.types';

@Resolver()
export class TimetableResolver {
  constructor(
    private readonly timetable: TimetableService,
    private readonly timeGrid: TimeGridService,
  ) {}

  @Query(() => [TimeGridPeriod], { name: 'timeGrid', description: 'The periods of a school\'s time grid, by weekday and period.' })
  async getTimeGrid(@Ctx() ctx: RequestContext, @Args('schoolId', { type: () => ID }) schoolId: string): Promise<TimeGridPeriod[]> {
    return (await this.timeGrid.get(ctx, schoolId)).map(toTimeGridPeriod);
  }

  @Mutation(() => [TimeGridPeriod], { description: 'Replaces the whole time grid of a school (school admin, school management).' })
  async setTimeGrid(
    @Ctx() ctx: RequestContext, @Args('schoolId', { type: () => ID }) schoolId: string,
    @Args('periods', { type: () => [TimeGridPeriodInput] }) periods: TimeGridPeriodInput[],
  ): Promise<TimeGridPeriod[]> {
    return (await this.timeGrid.replace(ctx, schoolId, periods)).map(toTimeGridPeriod);
  }

  @Query(() => WeekTimetable, { description: 'One week of a class, teacher, room or pupil, with substitutions and days off.' })
  weekTimetable(
    @Ctx() ctx: RequestContext, @Args('target') target: TimetableTargetInput,
    @Args('weekStart', { type: () => LocalDate, description: 'a Monday' }) weekStart: string,
  ): Promise<WeekTimetable> {
    return this.timetable.week(ctx, target, weekStart);
  }

  @Query(() => [WeekTimetable], {
    description: 'The signed-in person\'s own weeks: the lessons they teach or cover, their own as a pupil, and one per child they may see.',
  })
  myTimetable(@Ctx() ctx: RequestContext, @Args('weekStart', { type: () => LocalDate, description: 'a Monday' }) weekStart: string): Promise<WeekTimetable[]> {
    return this.timetable.myWeeks(ctx, weekStart);
  }

  @Query(() => [SubstitutionPlanEntry], { description: 'The substitutions of one school day (Vertretungsplan), by class and period: for the school\'s staff.' })
  substitutionPlan(
    @Ctx() ctx: RequestContext, @Args('schoolId', { type: () => ID }) schoolId: string,
    @Args('date', { type: () => LocalDate }) date: string,
  ): Promise<SubstitutionPlanEntry[]> {
    return this.timetable.substitutionPlan(ctx, schoolId, date);
  }
}
