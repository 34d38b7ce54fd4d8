import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { LocalDate } from '../../common/scalars';
import { UNTIS_ALIAS_KINDS, type UntisAliasKind } from './untis-alias.entity';
import type { UntisImportSummary } from './untis-import.summary';

export const UntisAliasKindEnum = Object.fromEntries(UNTIS_ALIAS_KINDS.map((k) => [k, k])) as { [K in UntisAliasKind]: K };
registerEnumType(UntisAliasKindEnum, { name: 'UntisAliasKind', description: 'what an Untis name stands for' });

@InputType()
export class UntisImportOptionsInput {
  @Field(() => LocalDate, { nullable: true, description: 'Gültig ab; default: the export\'s start for a first import, else today' })
  validFrom?: string | null;
  @Field({ defaultValue: false, description: 'create teachers the school does not have yet' })
  createMissingTeachers: boolean = false;
  @Field({ defaultValue: false, description: 'create classes the school year does not have yet' })
  createMissingClasses: boolean = false;
}

@ObjectType()
export class UntisImportFile {
  @Field() name: string;
  @Field() kind: string;
  @Field() encoding: string;
  @Field(() => Int) records: number;
  @Field(() => Int) bytes: number;
  @Field() sha256: string;
}

@ObjectType()
export class UntisUnmatched {
  @Field(() => UntisAliasKindEnum) kind: UntisAliasKind;
  @Field() untisName: string;
  @Field({ description: 'German, names file, line and field' }) message: string;
  @Field(() => Int) occurrences: number;
}

@ObjectType()
export class UntisCreated {
  @Field() kind: string;
  @Field() name: string;
}

@ObjectType()
export class UntisChangeSample {
  @Field({ description: 'ADDED, CHANGED or REMOVED' }) change: string;
  @Field() label: string;
  @Field(() => String, { nullable: true }) before?: string | null;
  @Field(() => String, { nullable: true }) after?: string | null;
}

@ObjectType()
export class UntisEntityChanges {
  @Field({ description: 'LESSONS, TIMETABLE_ENTRIES, SUBSTITUTIONS, HOLIDAYS, TIME_GRID, COURSE_MEMBERS' }) entity: string;
  @Field() label: string;
  @Field(() => Int) added: number;
  @Field(() => Int) changed: number;
  @Field(() => Int) removed: number;
  @Field(() => Int) unchanged: number;
  @Field(() => [UntisChangeSample], { description: 'the first changed rows' }) samples: UntisChangeSample[];
}

@ObjectType({ description: 'what an Untis import changes (preview) or changed (applied)' })
export class UntisImportSummaryType {
  @Field() actor: string;
  @Field(() => ID, { description: 'the school year the import writes to' }) schoolYearId: string;
  @Field() schoolYear: string;
  @Field(() => LocalDate) validFrom: string;
  @Field(() => [UntisImportFile]) files: UntisImportFile[];
  @Field(() => [String]) warnings: string[];
  @Field(() => [UntisUnmatched]) unmatched: UntisUnmatched[];
  @Field(() => [UntisCreated], { description: 'subjects, rooms (and on request teachers, classes) that are created' }) created: UntisCreated[];
  @Field(() => [UntisEntityChanges]) changes: UntisEntityChanges[];
  @Field(() => Int, { nullable: true }) pupilsMatched: number | null;
  @Field(() => Int, { nullable: true }) pupilsInExport: number | null;
  @Field({ description: 'unmatched teachers, classes, subjects or rooms: applying is refused' }) blocked: boolean;
  @Field({ description: 'applying would write nothing' }) noChanges: boolean;
  @Field(() => Int) rowsWritten: number;
  @Field(() => Int, { nullable: true, description: 'absences running on the changed days, linked anew to the lessons as they now take place' }) absencesRelinked?: number | null;
}

@ObjectType('UntisImport', { description: 'a recorded Untis import' })
export class UntisImport {
  @Field(() => ID) id: string;
  @Field(() => ID) schoolId: string;
  @Field({ description: 'APPLIED, NO_CHANGES or FAILED' }) status: string;
  @Field(() => LocalDate, { nullable: true }) validFrom: string | null;
  @Field() createdAt: Date;
  @Field(() => ID, { nullable: true }) actorPersonId: string | null;
  @Field(() => String, { nullable: true }) actorName: string | null;
  @Field(() => [UntisImportFile]) files: UntisImportFile[];
  @Field(() => UntisImportSummaryType, { nullable: true }) summary: UntisImportSummary | null;
  @Field(() => String, { nullable: true }) error: string | null;
}

@ObjectType()
export class UntisImportPreview {
  @Field(() => UntisImportSummaryType) summary: UntisImportSummary;
}

@ObjectType('UntisAlias', { description: 'an Untis name mapped to a record of the school, remembered for the next import' })
export class UntisAlias {
  @Field(() => ID) id: string;
  @Field(() => ID) schoolId: string;
  @Field(() => UntisAliasKindEnum) kind: UntisAliasKind;
  @Field() untisName: string;
  @Field(() => ID) targetId: string;
  @Field({ description: 'what the target is called in the SIS' }) targetLabel: string;
  @Field(() => Int) version: number;
}

@InputType()
export class UntisAliasInput {
  @Field(() => UntisAliasKindEnum) kind: UntisAliasKind;
  @Field() untisName: string;
  @Field(() => ID) targetId: string;
}
