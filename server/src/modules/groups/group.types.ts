import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import type { GroupKind } from '@schulverwaltung/shared';
import { GroupKindEnum } from '../../common/enums.graphql';
import { PageOf } from '../../common/pagination';
import { GroupEntity } from './group.entity';

@ObjectType('Group', { description: 'Klasse, Kurs oder Arbeitsgemeinschaft eines Schuljahres' })
export class Group {
  @Field(() => ID) id: string;
  @Field(() => ID) schoolId: string;
  @Field(() => ID) schoolYearId: string;
  @Field(() => GroupKindEnum) kind: GroupKind;
  @Field() name: string;
  @Field(() => Int, { nullable: true }) gradeLevel: number | null;
  @Field(() => ID, { nullable: true }) subjectId: string | null;
  @Field(() => Int) version: number;
}

@ObjectType()
export class GroupPage extends PageOf(Group, 'GroupPage') {}

export const toGroup = (g: GroupEntity): Group => ({
  id: g.id, schoolId: g.schoolId, schoolYearId: g.schoolYearId, kind: g.kind, name: g.name, gradeLevel: g.gradeLevel, subjectId: g.subjectId, version: g.version,
});

@InputType()
export class GroupFilter {
  @Field(() => ID) schoolId: string;
  @Field(() => ID, { nullable: true, description: 'default: the current school year' }) schoolYearId?: string;
  @Field(() => GroupKindEnum, { nullable: true }) kind?: GroupKind;
  @Field({ nullable: true }) search?: string;
}

@InputType()
export class CreateGroupInput {
  @Field(() => ID) schoolYearId: string;
  @Field(() => GroupKindEnum) kind: GroupKind;
  @Field() name: string;
  @Field(() => Int, { nullable: true }) gradeLevel?: number | null;
  @Field(() => ID, { nullable: true }) subjectId?: string | null;
}

@InputType()
export class UpdateGroupInput {
  @Field({ nullable: true }) name?: string;
  @Field(() => Int, { nullable: true }) gradeLevel?: number | null;
  @Field(() => ID, { nullable: true }) subjectId?: string | null;
}
