import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import type { GuardianRelation } from '@schulverwaltung/shared';
import { GuardianRelationEnum } from '../../common/enums.graphql';
import { PersonEntity } from '../pupils/person.entity';
import { GuardianshipEntity } from './guardianship.entity';

@ObjectType('Guardian', { description: 'Erziehungsberechtigte:r (eine Person, ggf. für mehrere Geschwister)' })
export class Guardian {
  @Field(() => ID) personId: string;
  @Field() firstName: string;
  @Field() lastName: string;
  @Field(() => String, { nullable: true }) email: string | null;
  @Field(() => String, { nullable: true }) phone: string | null;
  @Field(() => String, { nullable: true }) street: string | null;
  @Field(() => String, { nullable: true }) postalCode: string | null;
  @Field(() => String, { nullable: true }) city: string | null;
}

@ObjectType('Guardianship', { description: 'Verbindung Erziehungsberechtigte:r – Schüler:in mit Rechten' })
export class Guardianship {
  @Field(() => ID) id: string;
  @Field(() => ID) schoolId: string;
  @Field(() => ID) pupilId: string;
  @Field(() => ID) guardianPersonId: string;
  @Field(() => GuardianRelationEnum) relation: GuardianRelation;
  @Field({ description: 'Sorgerecht' }) hasCustody: boolean;
  @Field({ description: 'darf Fehlzeiten entschuldigen' }) mayExcuse: boolean;
  @Field({ description: 'erhält Post' }) receivesMail: boolean;
  @Field({ description: 'Auskunftssperre' }) hasInformationBlock: boolean;
  @Field(() => Int) sortOrder: number;
  @Field(() => Int) version: number;
  /** Always loaded with the link (joined in the same statement), so no resolver call per guardianship. */
  @Field(() => Guardian) guardian: Guardian;
}

export const toGuardian = (p: PersonEntity): Guardian => ({
  personId: p.id, firstName: p.firstName, lastName: p.lastName, email: p.email, phone: p.phone, street: p.street, postalCode: p.postalCode, city: p.city,
});
export type GuardianshipWithPerson = GuardianshipEntity & { guardianPerson: PersonEntity };

export const toGuardianship = (g: GuardianshipWithPerson): Guardianship => ({
  id: g.id, schoolId: g.schoolId, pupilId: g.pupilId, guardianPersonId: g.guardianPersonId, relation: g.relation, hasCustody: g.hasCustody,
  mayExcuse: g.mayExcuse, receivesMail: g.receivesMail, hasInformationBlock: g.hasInformationBlock, sortOrder: g.sortOrder, version: g.version,
  guardian: toGuardian(g.guardianPerson),
});

@InputType()
export class GuardianPersonInput {
  @Field() firstName: string;
  @Field() lastName: string;
  @Field(() => String, { nullable: true }) email?: string | null;
  @Field(() => String, { nullable: true }) phone?: string | null;
  @Field(() => String, { nullable: true }) street?: string | null;
  @Field(() => String, { nullable: true }) postalCode?: string | null;
  @Field(() => String, { nullable: true }) city?: string | null;
}

@InputType()
export class GuardianshipInput {
  @Field(() => GuardianRelationEnum) relation: GuardianRelation;
  @Field() hasCustody: boolean;
  @Field() mayExcuse: boolean;
  @Field() receivesMail: boolean;
  @Field({ defaultValue: false }) hasInformationBlock: boolean = false;
}

@InputType({ description: 'Either an existing guardian (e.g. of a sibling) or a new person' })
export class AddGuardianInput {
  @Field(() => ID, { nullable: true }) existingPersonId?: string | null;
  @Field(() => GuardianPersonInput, { nullable: true }) person?: GuardianPersonInput | null;
  @Field(() => GuardianshipInput) link: GuardianshipInput;
}

@InputType()
export class UpdateGuardianshipInput {
  @Field(() => GuardianRelationEnum, { nullable: true }) relation?: GuardianRelation;
  @Field({ nullable: true }) hasCustody?: boolean;
  @Field({ nullable: true }) mayExcuse?: boolean;
  @Field({ nullable: true }) receivesMail?: boolean;
  @Field({ nullable: true }) hasInformationBlock?: boolean;
}
