import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { can } from '../../common/access';
import { PageInput } from '../../common/pagination';
import { memberListComplexity, pagedListComplexity } from '../../graphql/list-complexity';
import { Ctx } from '../../authz/current-context.decorator';
import { RequestContext } from '../../authz/request-context';
import { Subject, toSubject } from '../catalog/catalog.types';
import { subjectById } from '../catalog/catalog.loaders';
import { toPupil } from '../pupils/pupil.read-model';
import { Pupil } from '../pupils/pupil.types';
import { pupilsByGroupId } from '../pupils/pupils.loaders';
import { StaffMember } from '../staff/staff.types';
import { CreateGroupInput, Group, GroupFilter, GroupPage, toGroup, UpdateGroupInput } from './group.types';
import { GroupStaffRow, pupilCountByGroupId, staffByGroupId } from './groups.loaders';
import { GroupsService } from './groups.service';

const toStaff = (r: GroupStaffRow): StaffMember => ({
  id: r.membershipId, personId: r.personId, schoolId: r.schoolId, firstName: r.firstName, lastName: r.lastName, role: 'TEACHER',
  abbreviation: r.abbreviation, validFrom: r.validFrom, validTo: r.validTo, version: r.version,
});

@Resolver(() => Group)
export class GroupsResolver {
  constructor(private readonly groupsService: GroupsService) {}

  @Query(() => GroupPage, { complexity: pagedListComplexity })
  async groups(@Ctx() ctx: RequestContext, @Args('filter') filter: GroupFilter, @Args('page', { nullable: true }) page?: PageInput): Promise<GroupPage> {
    const result = await this.groupsService.list(ctx, filter, page);
    return { items: result.items.map(toGroup), total: result.total };
  }

  @Query(() => Group)
  async group(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<Group> {
    return toGroup(await this.groupsService.get(ctx, id));
  }

  @Mutation(() => Group)
  async createGroup(@Ctx() ctx: RequestContext, @Args('schoolId', { type: () => ID }) schoolId: string, @Args('input') input: CreateGroupInput): Promise<Group> {
    return toGroup(await this.groupsService.create(ctx, schoolId, input));
  }

  @Mutation(() => Group)
  async updateGroup(
    @Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string,
    @Args('version', { type: () => Int }) version: number, @Args('input') input: UpdateGroupInput,
  ): Promise<Group> {
    return toGroup(await this.groupsService.update(ctx, id, version, input));
  }

  @Mutation(() => Group, { description: 'Sets the ordered class teachers (first = Klassenleitung).' })
  async setClassTeachers(
    @Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string,
    @Args('version', { type: () => Int }) version: number, @Args('personIds', { type: () => [ID] }) personIds: string[],
  ): Promise<Group> {
    return toGroup(await this.groupsService.setClassTeachers(ctx, id, version, personIds));
  }

  @Mutation(() => Group, { description: 'Sets the teachers of a class, course or working group.' })
  async setGroupTeachers(
    @Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string,
    @Args('version', { type: () => Int }) version: number, @Args('personIds', { type: () => [ID] }) personIds: string[],
  ): Promise<Group> {
    return toGroup(await this.groupsService.setGroupTeachers(ctx, id, version, personIds));
  }

  @Mutation(() => Group, { description: 'Sets the pupils of a course or working group (class members follow from enrolments).' })
  async setGroupPupils(
    @Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string,
    @Args('version', { type: () => Int }) version: number, @Args('pupilIds', { type: () => [ID] }) pupilIds: string[],
  ): Promise<Group> {
    return toGroup(await this.groupsService.setGroupPupils(ctx, id, version, pupilIds));
  }

  @ResolveField(() => [StaffMember], { description: 'ordered: the first is the Klassenleitung' })
  async classTeachers(@Ctx() ctx: RequestContext, @Parent() group: Group): Promise<StaffMember[]> {
    const rows = await ctx.loaders.get(staffByGroupId).load(group.id);
    return rows.filter((r) => r.role === 'CLASS_TEACHER').map(toStaff);
  }

  @ResolveField(() => [StaffMember])
  async teachers(@Ctx() ctx: RequestContext, @Parent() group: Group): Promise<StaffMember[]> {
    const rows = await ctx.loaders.get(staffByGroupId).load(group.id);
    return rows.filter((r) => r.role === 'TEACHER').map(toStaff);
  }

  @ResolveField(() => [Pupil], { description: 'members the viewer may see, by last name', complexity: memberListComplexity })
  async pupils(@Ctx() ctx: RequestContext, @Parent() group: Group): Promise<Pupil[]> {
    const rows = await ctx.loaders.get(pupilsByGroupId).load(group.id);
    return rows.filter((r) => can(ctx.ability, 'read', 'Pupil', r)).map((r) => toPupil(r, ctx));
  }

  @ResolveField(() => Int)
  pupilCount(@Ctx() ctx: RequestContext, @Parent() group: Group): Promise<number> {
    return ctx.loaders.get(pupilCountByGroupId).load(group.id);
  }

  @ResolveField(() => Subject, { nullable: true })
  async subject(@Ctx() ctx: RequestContext, @Parent() group: Group): Promise<Subject | null> {
    if (!group.subjectId) return null;
    const subject = await ctx.loaders.get(subjectById).load(group.subjectId);
    return subject ? toSubject(subject) : null;
  }
}
