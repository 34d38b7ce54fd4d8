import { Args, ID, Int, Mutation, Resolver } from '@nestjs/graphql';
import { LocalDate } from '../../common/scalars';
import { Ctx } from '../../authz/current-context.decorator';
import { RequestContext } from '../../authz/request-context';
import { AbsenceDecisionsService } from './absence-decisions.service';
import { AbsenceEntryService } from './absence-entry.service';
import { AbsenceVersionInput, ReportAbsenceInput, ReportSicknessInput, RequestLeaveInput, UpdateAbsenceInput } from './absence.inputs';
import { Absence, ReportAbsenceResult, UndoAbsenceMergeResult } from './absence.types';

@Resolver()
export class AbsenceMutationsResolver {
  constructor(private readonly entries: AbsenceEntryService, private readonly decisions: AbsenceDecisionsService) {}

  @Mutation(() => ReportAbsenceResult, {
    description: 'Enters an absence (office, class teacher). Whole days merge with overlapping or adjacent ones of the same reason; an overlap with another reason is refused naming the entry there.',
  })
  reportAbsence(@Ctx() ctx: RequestContext, @Args('input') input: ReportAbsenceInput): Promise<ReportAbsenceResult> {
    return this.entries.report(ctx, input);
  }

  @Mutation(() => ReportAbsenceResult, {
    description: 'A guardian with the may-excuse flag, or a pupil of age, reports sickness from today on (portal). With online excuses allowed it is the written excuse.',
  })
  reportSickness(@Ctx() ctx: RequestContext, @Args('input') input: ReportSicknessInput): Promise<ReportAbsenceResult> {
    return this.entries.reportSickness(ctx, input);
  }

  @Mutation(() => Absence, { description: 'Asks for a leave of absence (Beurlaubung) in advance: a guardian with the may-excuse flag or a pupil of age.' })
  requestLeave(@Ctx() ctx: RequestContext, @Args('input') input: RequestLeaveInput): Promise<Absence> {
    return this.entries.requestLeave(ctx, input);
  }

  @Mutation(() => Absence, { description: 'Corrects an absence; its span may not overlap another entry.' })
  updateAbsence(
    @Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string,
    @Args('version', { type: () => Int }) version: number, @Args('input') input: UpdateAbsenceInput,
  ): Promise<Absence> {
    return this.entries.update(ctx, id, version, input);
  }

  @Mutation(() => UndoAbsenceMergeResult, {
    description: 'Undoes the merge an entry made (outcome MERGED): the absence as before, excused status included, and the entries it swallowed. BAD_USER_INPUT when its last change was no merge.',
  })
  undoAbsenceMerge(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string, @Args('version', { type: () => Int }) version: number): Promise<UndoAbsenceMergeResult> {
    return this.entries.undoMerge(ctx, id, version);
  }

  @Mutation(() => ID, { description: 'Removes an absence entered by mistake (office); its history stays in absenceHistory.' })
  deleteAbsence(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string, @Args('version', { type: () => Int }) version: number): Promise<string> {
    return this.entries.delete(ctx, id, version);
  }

  @Mutation(() => [Absence], { description: 'Excuses the absences, all or none. One with Attestpflicht needs the certificate recorded first.' })
  excuseAbsences(@Ctx() ctx: RequestContext, @Args('absences', { type: () => [AbsenceVersionInput] }) absences: AbsenceVersionInput[]): Promise<Absence[]> {
    return this.decisions.decide(ctx, absences, 'EXCUSED');
  }

  @Mutation(() => [Absence], { description: 'Marks the absences unexcused, all or none.' })
  markAbsencesUnexcused(@Ctx() ctx: RequestContext, @Args('absences', { type: () => [AbsenceVersionInput] }) absences: AbsenceVersionInput[]): Promise<Absence[]> {
    return this.decisions.decide(ctx, absences, 'UNEXCUSED');
  }

  @Mutation(() => Absence, { description: 'Records that the written excuse (Entschuldigung) arrived (default: today).' })
  recordExcuseReceived(
    @Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string, @Args('version', { type: () => Int }) version: number,
    @Args('receivedOn', { type: () => LocalDate, nullable: true }) receivedOn?: string | null,
  ): Promise<Absence> {
    return this.decisions.recordExcuseReceived(ctx, id, version, receivedOn);
  }

  @Mutation(() => Absence, { description: 'Records that the medical certificate (Attest) arrived (default: today); it counts as the written excuse too.' })
  recordCertificate(
    @Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string, @Args('version', { type: () => Int }) version: number,
    @Args('receivedOn', { type: () => LocalDate, nullable: true }) receivedOn?: string | null,
  ): Promise<Absence> {
    return this.decisions.recordCertificate(ctx, id, version, receivedOn);
  }

  @Mutation(() => Absence, { description: 'Approves (then excused) or rejects a leave request: the class teacher up to the school\'s limit of school days, beyond it school management.' })
  decideLeave(
    @Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string, @Args('version', { type: () => Int }) version: number,
    @Args('approve') approve: boolean,
  ): Promise<Absence> {
    return this.decisions.decideLeave(ctx, id, version, approve);
  }
}
