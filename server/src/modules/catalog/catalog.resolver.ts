import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Ctx } from '../../authz/current-context.decorator';
import { RequestContext } from '../../authz/request-context';
import { CatalogService, ROOMS, SUBJECTS } from './catalog.service';
import { Room, RoomInput, Subject, SubjectInput, toRoom, toSubject, UpdateRoomInput, UpdateSubjectInput } from './catalog.types';

@Resolver()
export class CatalogResolver {
  constructor(private readonly catalog: CatalogService) {}

  @Query(() => [Subject])
  async subjects(@Ctx() ctx: RequestContext, @Args('schoolId', { type: () => ID }) schoolId: string): Promise<Subject[]> {
    return (await this.catalog.list(ctx, SUBJECTS, schoolId)).map(toSubject);
  }

  @Query(() => [Room])
  async rooms(@Ctx() ctx: RequestContext, @Args('schoolId', { type: () => ID }) schoolId: string): Promise<Room[]> {
    return (await this.catalog.list(ctx, ROOMS, schoolId)).map(toRoom);
  }

  @Mutation(() => Subject)
  async createSubject(@Ctx() ctx: RequestContext, @Args('schoolId', { type: () => ID }) schoolId: string, @Args('input') input: SubjectInput): Promise<Subject> {
    return toSubject(await this.catalog.create(ctx, SUBJECTS, schoolId, input));
  }

  @Mutation(() => Subject)
  async updateSubject(
    @Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string,
    @Args('version', { type: () => Int }) version: number, @Args('input') input: UpdateSubjectInput,
  ): Promise<Subject> {
    return toSubject(await this.catalog.update(ctx, SUBJECTS, id, version, input));
  }

  @Mutation(() => Room)
  async createRoom(@Ctx() ctx: RequestContext, @Args('schoolId', { type: () => ID }) schoolId: string, @Args('input') input: RoomInput): Promise<Room> {
    return toRoom(await this.catalog.create(ctx, ROOMS, schoolId, input));
  }

  @Mutation(() => Room)
  async updateRoom(
    @Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string,
    @Args('version', { type: () => Int }) version: number, @Args('input') input: UpdateRoomInput,
  ): Promise<Room> {
    return toRoom(await this.catalog.update(ctx, ROOMS, id, version, input));
  }
}
