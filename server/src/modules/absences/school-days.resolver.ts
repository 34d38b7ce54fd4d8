import { Args, ID, Int, Query, Resolver } from '@nestjs/graphql';
import { LocalDate } from '../../common/scalars';
import { Ctx } from '../../authz/current-context.decorator';
import { RequestContext } from '../../authz/request-context';
import { SchoolDaysService } from './school-days.service';

@Resolver()
export class SchoolDaysResolver {
  constructor(private readonly service: SchoolDaysService) {}

  @Query(() => [LocalDate], {
    description: 'The next school days of a school (weekdays of its time grid without holidays and days without lessons), from a day (default today) on, that day included when it is one.',
  })
  schoolDays(
    @Ctx() ctx: RequestContext, @Args('schoolId', { type: () => ID }) schoolId: string,
    @Args('count', { type: () => Int, description: '1 to 31' }) count: number,
    @Args('from', { type: () => LocalDate, nullable: true }) from?: string | null,
  ): Promise<string[]> {
    return this.service.next(ctx, schoolId, from ?? ctx.today, count);
  }
}
