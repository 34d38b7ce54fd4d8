import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import type { MembershipRole } from '@schulverwaltung/shared';
import { MembershipRoleEnum } from '../../common/enums.graphql';
import { PageOf } from '../../common/pagination';
import { LocalDate } from '../../common/scalars';
import { PersonEntity } from '../pupils/person.entity';
import { MembershipEntity } from './membership.entity';

@ObjectType('StaffMember', { description: 'Rolle einer Person an einer Schule (Mitgliedschaft), mit Kürzel' })
export class StaffMember {
  @Field(() => ID) id: string;
  @Field(() => ID) personId: string;
  @Field(() => ID, { nullable: true }) schoolId: string | null;
  @Field() firstName: string;
  @Field() lastName: string;
  @Field(() => MembershipRoleEnum) role: MembershipRole;
  @Field(() => String, { nullable: true, description: 'Kürzel' }) abbreviation: string | null;
  @Field(() => LocalDate) validFrom: string;
  @Field(() => LocalDate, { nullable: true }) validTo: string | null;
  @Field(() => Int) version: number;
}

@ObjectType()
export class StaffPage extends PageOf(StaffMember, 'StaffPage') {}

export const toStaffMember = (m: MembershipEntity, person: Pick<PersonEntity, 'firstName' | 'lastName'>): StaffMember => ({
  id: m.id, personId: m.personId, schoolId: m.schoolId, firstName: person.firstName, lastName: person.lastName, role: m.role,
  abbreviation: m.abbreviation, validFrom: m.validFrom, validTo: m.validTo, version: m.version,
});

@InputType()
export class StaffFilter {
  @Field(() => ID) schoolId: string;
  @Field(() => MembershipRoleEnum, { nullable: true }) role?: MembershipRole;
  @Field({ nullable: true }) search?: string;
}

@InputType()
export class GrantRoleInput {
  @Field(() => ID) personId: string;
  @Field(() => ID) schoolId: string;
  @Field(() => MembershipRoleEnum) role: MembershipRole;
  @Field(() => String, { nullable: true }) abbreviation?: string | null;
  @Field(() => LocalDate) validFrom: string;
  @Field(() => LocalDate, { nullable: true }) validTo?: string | null;
}

@InputType()
export class UpdateMembershipInput {
  @Field(() => String, { nullable: true }) abbreviation?: string | null;
  @Field(() => LocalDate, { nullable: true }) validFrom?: string;
  @Field(() => LocalDate, { nullable: true }) validTo?: string | null;
}
