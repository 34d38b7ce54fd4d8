import { Args, ID, Info, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { selectsPath } from '../../graphql/selection';
import { can } from '../../common/access';
import { PageInput } from '../../common/pagination';
import { pagedListComplexity } from '../../graphql/list-complexity';
import { Ctx } from '../../authz/current-context.decorator';
import { RequireAbility } from '../../authz/policies.guard';
import { RequestContext } from '../../authz/request-context';
import { Group, toGroup } from '../groups/group.types';
import { groupById } from '../groups/groups.loaders';
import { SchoolYear, toSchoolYear } from '../school-years/school-year.types';
import { schoolYearById } from '../school-years/school-years.loaders';
import { EnrolmentEntity } from './enrolment.entity';
import { CreatePupilInput, Enrolment, Pupil, PupilFilter, PupilMasterData, PupilPage, PupilSort, UpdateEnrolmentInput, UpdatePupilInput } from './pupil.types';
import { enrolmentsByPupilId } from './pupils.loaders';
import { PupilsService } from './pupils.service';

const toEnrolment = (e: EnrolmentEntity): Enrolment => ({
  id: e.id, schoolId: e.schoolId, pupilId: e.pupilId, schoolYearId: e.schoolYearId, classId: e.classId,
  entryDate: e.entryDate, leavingDate: e.leavingDate, status: e.status, version: e.version,
});

@Resolver(() => Pupil)
export class PupilsResolver {
  constructor(private readonly pupilsService: PupilsService) {}

  @Query(() => PupilPage, { complexity: pagedListComplexity })
  async pupils(
    @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo, @Args('filter') filter: PupilFilter,
    @Args('page', { nullable: true }) page?: PageInput, @Args('sort', { nullable: true }) sort?: PupilSort,
  ): Promise<PupilPage> {
    return this.pupilsService.list(ctx, filter, page, sort, selectsPath(info, ['items', 'guardianships']));
  }

  @Query(() => Pupil)
  pupil(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<Pupil> {
    return this.pupilsService.get(ctx, id);
  }

  @Mutation(() => Pupil, { description: 'Creates a pupil with their first enrolment.' })
  @RequireAbility('create', 'Pupil')
  createPupil(@Ctx() ctx: RequestContext, @Args('schoolId', { type: () => ID }) schoolId: string, @Args('input') input: CreatePupilInput): Promise<Pupil> {
    return this.pupilsService.create(ctx, schoolId, input);
  }

  @Mutation(() => Pupil)
  updatePupil(
    @Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string,
    @Args('version', { type: () => Int }) version: number, @Args('input') input: UpdatePupilInput,
  ): Promise<Pupil> {
    return this.pupilsService.update(ctx, id, version, input);
  }

  @Mutation(() => Enrolment)
  async updateEnrolment(
    @Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string,
    @Args('version', { type: () => Int }) version: number, @Args('input') input: UpdateEnrolmentInput,
  ): Promise<Enrolment> {
    return toEnrolment(await this.pupilsService.updateEnrolment(ctx, id, version, input));
  }

  @ResolveField(() => PupilMasterData, { nullable: true, description: 'null when the viewer may not read master data' })
  masterData(@Ctx() ctx: RequestContext, @Parent() pupil: Pupil): PupilMasterData | null {
    return can(ctx.ability, 'read', 'Pupil', pupil, 'masterData') ? pupil.masterData : null;
  }

  @ResolveField(() => Enrolment, { nullable: true })
  async currentEnrolment(@Ctx() ctx: RequestContext, @Parent() pupil: Pupil): Promise<Enrolment | null> {
    const enrolments = await ctx.loaders.get(enrolmentsByPupilId).load(pupil.id);
    const current = enrolments.find((e) => e.id === pupil.currentEnrolmentId);
    return current && can(ctx.ability, 'read', 'Enrolment', current) ? toEnrolment(current) : null;
  }

  @ResolveField(() => [Enrolment])
  async enrolments(@Ctx() ctx: RequestContext, @Parent() pupil: Pupil): Promise<Enrolment[]> {
    const enrolments = await ctx.loaders.get(enrolmentsByPupilId).load(pupil.id);
    return enrolments.filter((e) => can(ctx.ability, 'read', 'Enrolment', e)).map(toEnrolment);
  }
}

@Resolver(() => Enrolment)
export class EnrolmentsResolver {
  @ResolveField(() => SchoolYear, { nullable: true })
  async schoolYear(@Ctx() ctx: RequestContext, @Parent() enrolment: Enrolment): Promise<SchoolYear | null> {
    const year = await ctx.loaders.get(schoolYearById).load(enrolment.schoolYearId);
    return year ? toSchoolYear(year) : null;
  }

  @ResolveField(() => Group, { nullable: true })
  async class(@Ctx() ctx: RequestContext, @Parent() enrolment: Enrolment): Promise<Group | null> {
    if (!enrolment.classId) return null;
    const group = await ctx.loaders.get(groupById).load(enrolment.classId);
    return group ? toGroup(group) : null;
  }
}
