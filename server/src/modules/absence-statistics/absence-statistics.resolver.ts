import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Ctx } from '../../authz/current-context.decorator';
import { RequestContext } from '../../authz/request-context';
import { AbsenceSettingsService } from './absence-settings.service';
import { AbsenceStatisticsService } from './absence-statistics.service';
import {
  AbsenceOverviewSortInput, AbsenceSettings, ClassAbsenceOverview, PupilAbsenceStatistics, UpdateAbsenceSettingsInput,
} from './absence-statistics.types';

@Resolver()
export class AbsenceStatisticsResolver {
  constructor(
    private readonly statistics: AbsenceStatisticsService,
    private readonly settings: AbsenceSettingsService,
  ) {}

  @Query(() => PupilAbsenceStatistics, {
    description: 'A pupil\'s absence figures (Fehltage, Fehlstunden, Verspätungen) in one term, or the whole school year without a term.',
  })
  pupilAbsenceStatistics(
    @Ctx() ctx: RequestContext, @Args('pupilId', { type: () => ID }) pupilId: string,
    @Args('schoolYearId', { type: () => ID, nullable: true, description: 'default: the school\'s current school year' }) schoolYearId?: string | null,
    @Args('term', { type: () => Int, nullable: true, description: '1 or 2; default: the whole school year' }) term?: number | null,
  ): Promise<PupilAbsenceStatistics> {
    return this.statistics.pupilStatistics(ctx, pupilId, schoolYearId ?? null, term ?? null);
  }

  @Query(() => ClassAbsenceOverview, { description: 'Every pupil of a class with their absence figures in one term, sorted; letterDue by the school\'s thresholds.' })
  classAbsenceOverview(
    @Ctx() ctx: RequestContext, @Args('classId', { type: () => ID }) classId: string,
    @Args('term', { type: () => Int, description: '1 or 2, of the class\'s school year' }) term: number,
    @Args('sort', { type: () => AbsenceOverviewSortInput, nullable: true }) sort?: AbsenceOverviewSortInput | null,
  ): Promise<ClassAbsenceOverview> {
    return this.statistics.classOverview(ctx, classId, term, { field: sort?.field ?? 'NAME', direction: sort?.direction ?? 'ASC' });
  }

  @Query(() => AbsenceSettings, { description: 'The absence rules of a school (its defaults until first saved).' })
  absenceSettings(@Ctx() ctx: RequestContext, @Args('schoolId', { type: () => ID }) schoolId: string): Promise<AbsenceSettings> {
    return this.settings.get(ctx, schoolId);
  }

  @Mutation(() => AbsenceSettings, { description: 'Changes a school\'s absence rules (school admin, school management); version 0 saves the defaults\' first change.' })
  updateAbsenceSettings(
    @Ctx() ctx: RequestContext, @Args('schoolId', { type: () => ID }) schoolId: string,
    @Args('version', { type: () => Int }) version: number, @Args('input') input: UpdateAbsenceSettingsInput,
  ): Promise<AbsenceSettings> {
    return this.settings.update(ctx, schoolId, version, input);
  }
}
