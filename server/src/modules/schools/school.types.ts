import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import type { FederalState, SchoolType } from '@schulverwaltung/shared';
import { FederalStateEnum, SchoolTypeEnum } from '../../common/enums.graphql';
import { PageOf } from '../../common/pagination';
import { SchoolCarrierEntity } from './school-carrier.entity';
import { SchoolEntity } from './school.entity';

@ObjectType('SchoolCarrier', { description: 'Schulträger' })
export class SchoolCarrier {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field(() => FederalStateEnum) federalState: FederalState;
  @Field(() => Int) version: number;
}

@ObjectType('School', { description: 'Schule' })
export class School {
  @Field(() => ID) id: string;
  @Field(() => ID) carrierId: string;
  @Field({ description: 'amtliche Schulnummer' }) schoolNumber: string;
  @Field() name: string;
  @Field(() => SchoolTypeEnum) type: SchoolType;
  @Field(() => String, { nullable: true }) street: string | null;
  @Field(() => String, { nullable: true }) postalCode: string | null;
  @Field(() => String, { nullable: true }) city: string | null;
  @Field(() => FederalStateEnum) federalState: FederalState;
  @Field(() => Int) version: number;
}

@ObjectType()
export class SchoolPage extends PageOf(School, 'SchoolPage') {}

export const toSchoolCarrier = (e: SchoolCarrierEntity): SchoolCarrier => ({ id: e.id, name: e.name, federalState: e.federalState, version: e.version });
export const toSchool = (e: SchoolEntity): School => ({
  id: e.id, carrierId: e.carrierId, schoolNumber: e.schoolNumber, name: e.name, type: e.type, street: e.street,
  postalCode: e.postalCode, city: e.city, federalState: e.federalState, version: e.version,
});

@InputType()
export class CreateSchoolCarrierInput {
  @Field() name: string;
  @Field(() => FederalStateEnum) federalState: FederalState;
}

@InputType()
export class UpdateSchoolCarrierInput {
  @Field({ nullable: true }) name?: string;
}

@InputType()
export class CreateSchoolInput {
  @Field(() => ID) carrierId: string;
  @Field() schoolNumber: string;
  @Field() name: string;
  @Field(() => SchoolTypeEnum) type: SchoolType;
  @Field(() => String, { nullable: true }) street?: string | null;
  @Field(() => String, { nullable: true }) postalCode?: string | null;
  @Field(() => String, { nullable: true }) city?: string | null;
  @Field(() => FederalStateEnum) federalState: FederalState;
}

@InputType()
export class UpdateSchoolInput {
  @Field({ nullable: true }) schoolNumber?: string;
  @Field({ nullable: true }) name?: string;
  @Field(() => SchoolTypeEnum, { nullable: true }) type?: SchoolType;
  @Field(() => String, { nullable: true }) street?: string | null;
  @Field(() => String, { nullable: true }) postalCode?: string | null;
  @Field(() => String, { nullable: true }) city?: string | null;
}
