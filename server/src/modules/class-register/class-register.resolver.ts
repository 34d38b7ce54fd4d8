import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { LocalDate } from '../../common/scalars';
import { memberListComplexity } from '../../graphql/list-complexity';
import { Ctx } from '../../authz/current-context.decorator';
import { RequestContext } from '../../authz/request-context';
import { ClassRegisterService } from './class-register.service';
import {
  ClassRegisterLesson, RegisterConflict, RegisterConflictResolution, RegisterLesson, SaveClassRegisterInput, UnreportedAbsence,
} from './class-register.types';
import { RegisterConflictsService } from './register-conflicts.service';

@Resolver()
export class ClassRegisterResolver {
  constructor(private readonly register: ClassRegisterService, private readonly conflicts: RegisterConflictsService) {}

  @Query(() => [RegisterLesson], { description: 'The lessons the signed-in teacher gives on a day (default today): their own and those they cover as a substitute, by time.' })
  myLessonsOfDay(@Ctx() ctx: RequestContext, @Args('date', { type: () => LocalDate, nullable: true }) date?: string | null): Promise<RegisterLesson[]> {
    return this.register.lessonsOfDay(ctx, date ?? ctx.today);
  }

  @Query(() => ClassRegisterLesson, { complexity: memberListComplexity, description: 'One lesson on one day in the class register: pupils pre-filled from reported absences, the saved entry.' })
  classRegisterLesson(
    @Ctx() ctx: RequestContext, @Args('lessonLineageId', { type: () => ID }) lessonLineageId: string,
    @Args('date', { type: () => LocalDate }) date: string, @Args('period', { type: () => Int }) period: number,
  ): Promise<ClassRegisterLesson> {
    return this.register.lesson(ctx, { lessonLineageId, date, period });
  }

  @Mutation(() => ClassRegisterLesson, { description: 'Saves topic, homework and attendance of a lesson (teacher or substitute of that day). Marking a pupil absent reports nothing by itself.' })
  saveClassRegister(@Ctx() ctx: RequestContext, @Args('input') input: SaveClassRegisterInput): Promise<ClassRegisterLesson> {
    return this.register.save(ctx, input);
  }

  @Query(() => [UnreportedAbsence], { description: 'Pupils marked absent in a class register on a day (default today) whom nobody reported: the secretariat\'s list to phone.' })
  unreportedAbsentToday(
    @Ctx() ctx: RequestContext, @Args('schoolId', { type: () => ID }) schoolId: string,
    @Args('date', { type: () => LocalDate, nullable: true }) date?: string | null,
  ): Promise<UnreportedAbsence[]> {
    return this.conflicts.unreported(ctx, schoolId, date ?? ctx.today);
  }

  @Query(() => [RegisterConflict], { complexity: memberListComplexity, description: 'Lessons where the register shows a pupil of the class present although a reported absence covers them: for the class teacher.' })
  registerConflicts(@Ctx() ctx: RequestContext, @Args('classId', { type: () => ID }) classId: string): Promise<RegisterConflict[]> {
    return this.conflicts.ofClass(ctx, classId);
  }

  @Mutation(() => RegisterConflictResolution, { description: 'confirm: the pupil came (or left) later, the absence is shortened; otherwise the register is corrected to absent.' })
  resolveRegisterConflict(
    @Ctx() ctx: RequestContext, @Args('absenceId', { type: () => ID }) absenceId: string,
    @Args('version', { type: () => Int }) version: number, @Args('confirm') confirm: boolean,
  ): Promise<RegisterConflictResolution> {
    return this.conflicts.resolve(ctx, absenceId, version, confirm);
  }
}
