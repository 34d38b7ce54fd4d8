import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { PageInput } from '../../common/pagination';
import { pagedListComplexity } from '../../graphql/list-complexity';
import { Ctx } from '../../authz/current-context.decorator';
import { RequireAbility } from '../../authz/policies.guard';
import { RequestContext } from '../../authz/request-context';
import { StaffService } from './staff.service';
import { GrantRoleInput, StaffFilter, StaffMember, StaffPage, toStaffMember, UpdateMembershipInput } from './staff.types';

@Resolver(() => StaffMember)
export class StaffResolver {
  constructor(private readonly staffService: StaffService) {}

  @Query(() => StaffPage, { description: 'Personal und Rollen einer Schule (heute gültig)', complexity: pagedListComplexity })
  async staff(@Ctx() ctx: RequestContext, @Args('filter') filter: StaffFilter, @Args('page', { nullable: true }) page?: PageInput): Promise<StaffPage> {
    const result = await this.staffService.list(ctx, filter, page);
    return { items: result.items.map((r) => toStaffMember(r.membership, r.person)), total: result.total };
  }

  @Mutation(() => StaffMember)
  @RequireAbility('grant', 'Membership')
  async grantRole(@Ctx() ctx: RequestContext, @Args('input') input: GrantRoleInput): Promise<StaffMember> {
    const row = await this.staffService.grantRole(ctx, input);
    return toStaffMember(row.membership, row.person);
  }

  @Mutation(() => StaffMember)
  async updateMembership(
    @Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string,
    @Args('version', { type: () => Int }) version: number, @Args('input') input: UpdateMembershipInput,
  ): Promise<StaffMember> {
    const row = await this.staffService.updateMembership(ctx, id, version, input);
    return toStaffMember(row.membership, row.person);
  }
}
