import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx } from '../../authz/current-context.decorator';
import { RequestContext } from '../../authz/request-context';
import { holidaysBySchoolYearId } from './school-years.loaders';
import { SchoolYearsService } from './school-years.service';
import {
  CreateHolidayInput, CreateSchoolYearInput, Holiday, SchoolYear, toHoliday, toSchoolYear, UpdateHolidayInput, UpdateSchoolYearInput,
} from './school-year.types';

@Resolver(() => SchoolYear)
export class SchoolYearsResolver {
  constructor(private readonly years: SchoolYearsService) {}

  @Query(() => [SchoolYear])
  async schoolYears(@Ctx() ctx: RequestContext, @Args('schoolId', { type: () => ID }) schoolId: string): Promise<SchoolYear[]> {
    return (await this.years.list(ctx, schoolId)).map(toSchoolYear);
  }

  @Query(() => SchoolYear)
  async schoolYear(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<SchoolYear> {
    return toSchoolYear(await this.years.get(ctx, id));
  }

  @Query(() => [Holiday], { name: 'holidays' })
  async listHolidays(@Ctx() ctx: RequestContext, @Args('schoolYearId', { type: () => ID }) schoolYearId: string): Promise<Holiday[]> {
    return (await this.years.listHolidays(ctx, schoolYearId)).map(toHoliday);
  }

  @Mutation(() => SchoolYear)
  async createSchoolYear(
    @Ctx() ctx: RequestContext, @Args('schoolId', { type: () => ID }) schoolId: string, @Args('input') input: CreateSchoolYearInput,
  ): Promise<SchoolYear> {
    return toSchoolYear(await this.years.create(ctx, schoolId, input));
  }

  @Mutation(() => SchoolYear)
  async updateSchoolYear(
    @Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string,
    @Args('version', { type: () => Int }) version: number, @Args('input') input: UpdateSchoolYearInput,
  ): Promise<SchoolYear> {
    return toSchoolYear(await this.years.update(ctx, id, version, input));
  }

  @Mutation(() => SchoolYear, { description: 'Makes this the current school year of its school.' })
  async setCurrentSchoolYear(
    @Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string, @Args('version', { type: () => Int }) version: number,
  ): Promise<SchoolYear> {
    return toSchoolYear(await this.years.setCurrent(ctx, id, version));
  }

  @Mutation(() => Holiday)
  async createHoliday(
    @Ctx() ctx: RequestContext, @Args('schoolYearId', { type: () => ID }) schoolYearId: string, @Args('input') input: CreateHolidayInput,
  ): Promise<Holiday> {
    return toHoliday(await this.years.createHoliday(ctx, schoolYearId, input));
  }

  @Mutation(() => Holiday)
  async updateHoliday(
    @Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string,
    @Args('version', { type: () => Int }) version: number, @Args('input') input: UpdateHolidayInput,
  ): Promise<Holiday> {
    return toHoliday(await this.years.updateHoliday(ctx, id, version, input));
  }

  @Mutation(() => ID)
  async deleteHoliday(
    @Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string, @Args('version', { type: () => Int }) version: number,
  ): Promise<string> {
    return this.years.deleteHoliday(ctx, id, version);
  }

  @ResolveField(() => [Holiday])
  async holidays(@Ctx() ctx: RequestContext, @Parent() year: SchoolYear): Promise<Holiday[]> {
    return (await ctx.loaders.get(holidaysBySchoolYearId).load(year.id)).map(toHoliday);
  }
}
