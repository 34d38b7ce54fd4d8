import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { can } from '../../common/access';
import { PageInput } from '../../common/pagination';
import { pagedListComplexity } from '../../graphql/list-complexity';
import { Ctx } from '../../authz/current-context.decorator';
import { RequireAbility } from '../../authz/policies.guard';
import { RequestContext } from '../../authz/request-context';
import { SchoolYear, toSchoolYear } from '../school-years/school-year.types';
import { currentSchoolYearBySchoolId } from '../school-years/school-years.loaders';
import { carrierById, schoolsByCarrierId } from './schools.loaders';
import { SchoolsService } from './schools.service';
import {
  CreateSchoolCarrierInput, CreateSchoolInput, School, SchoolCarrier, SchoolPage, toSchool, toSchoolCarrier,
  UpdateSchoolCarrierInput, UpdateSchoolInput,
} from './school.types';

@Resolver(() => SchoolCarrier)
export class SchoolCarriersResolver {
  constructor(private readonly schoolsService: SchoolsService) {}

  @Query(() => [SchoolCarrier])
  async schoolCarriers(@Ctx() ctx: RequestContext): Promise<SchoolCarrier[]> {
    return (await this.schoolsService.listCarriers(ctx)).map(toSchoolCarrier);
  }

  @Query(() => SchoolCarrier)
  async schoolCarrier(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<SchoolCarrier> {
    return toSchoolCarrier(await this.schoolsService.getCarrier(ctx, id));
  }

  @Mutation(() => SchoolCarrier)
  @RequireAbility('create', 'SchoolCarrier')
  async createSchoolCarrier(@Ctx() ctx: RequestContext, @Args('input') input: CreateSchoolCarrierInput): Promise<SchoolCarrier> {
    return toSchoolCarrier(await this.schoolsService.createCarrier(ctx, input));
  }

  @Mutation(() => SchoolCarrier)
  async updateSchoolCarrier(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('version', { type: () => Int }) version: number,
    @Args('input') input: UpdateSchoolCarrierInput,
  ): Promise<SchoolCarrier> {
    return toSchoolCarrier(await this.schoolsService.updateCarrier(ctx, id, version, input));
  }

  @ResolveField(() => [School])
  async schools(@Ctx() ctx: RequestContext, @Parent() carrier: SchoolCarrier): Promise<School[]> {
    const schools = await ctx.loaders.get(schoolsByCarrierId).load(carrier.id);
    return schools.filter((s) => can(ctx.ability, 'read', 'School', s)).map(toSchool);
  }
}

@Resolver(() => School)
export class SchoolsResolver {
  constructor(private readonly schoolsService: SchoolsService) {}

  @Query(() => SchoolPage, { complexity: pagedListComplexity })
  async schools(
    @Ctx() ctx: RequestContext,
    @Args('page', { nullable: true }) page?: PageInput,
    @Args('carrierId', { type: () => ID, nullable: true }) carrierId?: string,
  ): Promise<SchoolPage> {
    const result = await this.schoolsService.listSchools(ctx, page, carrierId);
    return { items: result.items.map(toSchool), total: result.total };
  }

  @Query(() => School)
  async school(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<School> {
    return toSchool(await this.schoolsService.getSchool(ctx, id));
  }

  @Mutation(() => School)
  @RequireAbility('create', 'School')
  async createSchool(@Ctx() ctx: RequestContext, @Args('input') input: CreateSchoolInput): Promise<School> {
    return toSchool(await this.schoolsService.createSchool(ctx, input));
  }

  @Mutation(() => School)
  async updateSchool(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('version', { type: () => Int }) version: number,
    @Args('input') input: UpdateSchoolInput,
  ): Promise<School> {
    return toSchool(await this.schoolsService.updateSchool(ctx, id, version, input));
  }

  @ResolveField(() => SchoolCarrier, { nullable: true, description: 'null when the viewer may not see the carrier' })
  async carrier(@Ctx() ctx: RequestContext, @Parent() school: School): Promise<SchoolCarrier | null> {
    const carrier = await ctx.loaders.get(carrierById).load(school.carrierId);
    return carrier && can(ctx.ability, 'read', 'SchoolCarrier', carrier) ? toSchoolCarrier(carrier) : null;
  }

  @ResolveField(() => SchoolYear, { nullable: true })
  async currentSchoolYear(@Ctx() ctx: RequestContext, @Parent() school: School): Promise<SchoolYear | null> {
    const year = await ctx.loaders.get(currentSchoolYearBySchoolId).load(school.id);
    return year && can(ctx.ability, 'read', 'SchoolYear', year) ? toSchoolYear(year) : null;
  }
}
