import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import GraphQLUpload from 'graphql-upload/GraphQLUpload.mjs';
import type { FileUpload } from 'graphql-upload/processRequest.mjs';
import { Ctx } from '../../authz/current-context.decorator';
import { RequestContext } from '../../authz/request-context';
import { UntisService } from './untis.service';
import { UntisAlias, UntisAliasInput, UntisImport, UntisImportOptionsInput, UntisImportPreview } from './untis.types';

@Resolver()
export class UntisResolver {
  constructor(private readonly untis: UntisService) {}

  @Mutation(() => UntisImportPreview, { description: 'Dry run: what importing these Untis files (GPU…, XML or a ZIP) would change. Writes nothing.' })
  async previewUntisImport(
    @Ctx() ctx: RequestContext, @Args('schoolId', { type: () => ID }) schoolId: string,
    @Args({ name: 'files', type: () => [GraphQLUpload] }) files: Promise<FileUpload>[],
    @Args('options', { type: () => UntisImportOptionsInput, nullable: true }) options?: UntisImportOptionsInput,
  ): Promise<UntisImportPreview> {
    const outcome = await this.untis.run(ctx, schoolId, files, options ?? new UntisImportOptionsInput(), false);
    return { summary: outcome.summary };
  }

  @Mutation(() => UntisImport, { description: 'Imports Untis files, all or nothing, and records the import.' })
  async applyUntisImport(
    @Ctx() ctx: RequestContext, @Args('schoolId', { type: () => ID }) schoolId: string,
    @Args({ name: 'files', type: () => [GraphQLUpload] }) files: Promise<FileUpload>[],
    @Args('options', { type: () => UntisImportOptionsInput, nullable: true }) options?: UntisImportOptionsInput,
  ): Promise<UntisImport> {
    const outcome = await this.untis.run(ctx, schoolId, files, options ?? new UntisImportOptionsInput(), true);
    const [record] = (await this.untis.list(ctx, schoolId)).filter((r) => r.id === outcome.importId);
    return record;
  }

  @Query(() => [UntisImport], { description: 'the school\'s Untis imports, newest first' })
  untisImports(@Ctx() ctx: RequestContext, @Args('schoolId', { type: () => ID }) schoolId: string) {
    return this.untis.list(ctx, schoolId);
  }

  @Query(() => [UntisAlias])
  untisAliases(@Ctx() ctx: RequestContext, @Args('schoolId', { type: () => ID }) schoolId: string) {
    return this.untis.aliases(ctx, schoolId);
  }

  @Mutation(() => UntisAlias, { description: 'Remembers that an Untis name means this record (replaces an earlier mapping of the name).' })
  setUntisAlias(@Ctx() ctx: RequestContext, @Args('schoolId', { type: () => ID }) schoolId: string, @Args('input') input: UntisAliasInput) {
    return this.untis.setAlias(ctx, schoolId, input);
  }

  @Mutation(() => Boolean)
  deleteUntisAlias(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string) {
    return this.untis.deleteAlias(ctx, id);
  }
}
