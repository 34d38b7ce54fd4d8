import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { can } from '../../common/access';
import { Ctx } from '../../authz/current-context.decorator';
import { RequestContext } from '../../authz/request-context';
import { PupilRow, toPupil } from '../pupils/pupil.read-model';
import { Pupil } from '../pupils/pupil.types';
import { pupilById } from '../pupils/pupils.loaders';
import { AddGuardianInput, Guardian, Guardianship, toGuardian, toGuardianship, UpdateGuardianshipInput } from './guardian.types';
import { GuardiansService } from './guardians.service';

@Resolver(() => Guardian)
export class GuardiansResolver {
  constructor(private readonly guardians: GuardiansService) {}

  @Query(() => Guardian)
  async guardian(@Ctx() ctx: RequestContext, @Args('personId', { type: () => ID }) personId: string): Promise<Guardian> {
    return toGuardian(await this.guardians.getGuardian(ctx, personId));
  }

  @ResolveField(() => [Pupil], { description: 'the children the viewer may see' })
  async children(@Ctx() ctx: RequestContext, @Parent() guardian: Guardian): Promise<Pupil[]> {
    const links = await this.guardians.visibleLinksOf(ctx, guardian.personId);
    const rows = await ctx.loaders.get(pupilById).loadMany(links.map((l) => l.pupilId));
    return rows
      .filter((r): r is PupilRow => !!r && !(r instanceof Error) && can(ctx.ability, 'read', 'Pupil', r))
      .map((r) => toPupil(r, ctx));
  }
}

@Resolver(() => Guardianship)
export class GuardianshipsResolver {
  constructor(private readonly guardians: GuardiansService) {}

  @Mutation(() => Guardianship, { description: 'Links an existing guardian (e.g. of a sibling) or a new person to a pupil.' })
  async addGuardian(
    @Ctx() ctx: RequestContext, @Args('pupilId', { type: () => ID }) pupilId: string, @Args('input') input: AddGuardianInput,
  ): Promise<Guardianship> {
    return toGuardianship(await this.guardians.addGuardian(ctx, pupilId, input));
  }

  @Mutation(() => Guardianship)
  async updateGuardianship(
    @Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string,
    @Args('version', { type: () => Int }) version: number, @Args('input') input: UpdateGuardianshipInput,
  ): Promise<Guardianship> {
    return toGuardianship(await this.guardians.updateGuardianship(ctx, id, version, input));
  }

  @ResolveField(() => Pupil, { nullable: true, description: 'null when the viewer may not see the pupil (e.g. a child of age without consent)' })
  async pupil(@Ctx() ctx: RequestContext, @Parent() link: Guardianship): Promise<Pupil | null> {
    const row = await ctx.loaders.get(pupilById).load(link.pupilId);
    return row && can(ctx.ability, 'read', 'Pupil', row) ? toPupil(row, ctx) : null;
  }
}
