import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { EnrolmentStatus, Gender, ReligiousEducation, SortDirection } from '@schulverwaltung/shared';
import { EnrolmentStatusEnum, GenderEnum, ReligiousEducationEnum, SortDirectionEnum } from '../../common/enums.graphql';
import { PageOf } from '../../common/pagination';
import { LocalDate } from '../../common/scalars';
import { Group } from '../groups/group.types';
import { Guardianship } from '../guardians/guardian.types';

@ObjectType('EmergencyContact', { description: 'Notfallkontakt' })
export class EmergencyContact {
  @Field() name: string;
  @Field() phone: string;
  @Field(() => String, { nullable: true }) relation?: string | null;
}

@ObjectType('PupilMasterData', { description: 'Stammdaten, die nur Sekretariat, Schulleitung, Klassenleitung, die Person selbst und Sorgeberechtigte sehen' })
export class PupilMasterData {
  @Field(() => String, { nullable: true }) birthPlace: string | null;
  @Field(() => String, { nullable: true }) street: string | null;
  @Field(() => String, { nullable: true }) postalCode: string | null;
  @Field(() => String, { nullable: true }) city: string | null;
  @Field(() => ReligiousEducationEnum, { nullable: true }) religiousEducation: ReligiousEducation | null;
  @Field(() => [EmergencyContact]) emergencyContacts: EmergencyContact[];
  @Field(() => LocalDate, { nullable: true, description: 'Nachweis Masernschutz vorgelegt am' }) measlesProofOn: string | null;
  @Field() photoConsent: boolean;
}

@ObjectType('Pupil', { description: 'Schüler:in an einer Schule' })
export class Pupil {
  @Field(() => ID) id: string;
  @Field(() => ID) schoolId: string;
  @Field(() => ID) personId: string;
  @Field() firstName: string;
  @Field() lastName: string;
  @Field(() => LocalDate, { nullable: true }) birthDate: string | null;
  @Field(() => GenderEnum, { nullable: true }) gender: Gender | null;
  @Field({ description: 'volljährig (18+) heute' }) isOfAge: boolean;
  @Field({ description: 'a pupil of age consents that guardians keep access' }) guardianAccessConsent: boolean;
  @Field(() => ID, { nullable: true, description: 'class in the current school year' }) classId: string | null;
  @Field(() => Int) version: number;
  /** Not exposed directly: resolved as masterData when the viewer may read it. */
  masterData: PupilMasterData;
  currentEnrolmentId: string | null;
  /** Joined by the pupil read model, so lists need no resolver call or query per pupil. */
  @Field(() => Group, { nullable: true, description: 'class in the current school year' }) class: Group | null;
  /** Brought along by a list that selects them, else a lazy property loaded in a batch when selected (see toPupil). */
  @Field(() => [Guardianship], { description: 'only the guardianships the viewer may see' })
  guardianships?: Guardianship[] | Promise<Guardianship[]>;
}

@ObjectType('Enrolment', { description: 'Schulbesuch in einem Schuljahr' })
export class Enrolment {
  @Field(() => ID) id: string;
  @Field(() => ID) schoolId: string;
  @Field(() => ID) pupilId: string;
  @Field(() => ID) schoolYearId: string;
  @Field(() => ID, { nullable: true }) classId: string | null;
  @Field(() => LocalDate) entryDate: string;
  @Field(() => LocalDate, { nullable: true }) leavingDate: string | null;
  @Field(() => EnrolmentStatusEnum) status: EnrolmentStatus;
  @Field(() => Int) version: number;
}

@ObjectType()
export class PupilPage extends PageOf(Pupil, 'PupilPage') {}

export enum PupilSortField { LAST_NAME = 'LAST_NAME', FIRST_NAME = 'FIRST_NAME', BIRTH_DATE = 'BIRTH_DATE', CLASS = 'CLASS' }
registerEnumType(PupilSortField, { name: 'PupilSortField' });

@InputType()
export class PupilFilter {
  @Field(() => ID, { nullable: true }) schoolId?: string;
  @Field({ nullable: true, description: 'fuzzy name search: umlauts folded (Mueller = Müller), one typo tolerated' }) search?: string;
  @Field(() => ID, { nullable: true }) classId?: string;
  @Field(() => EnrolmentStatusEnum, { nullable: true }) status?: EnrolmentStatus;
}

@InputType()
export class PupilSort {
  @Field(() => PupilSortField, { defaultValue: PupilSortField.LAST_NAME }) field: PupilSortField = PupilSortField.LAST_NAME;
  @Field(() => SortDirectionEnum, { defaultValue: 'ASC' }) direction: SortDirection = 'ASC';
}

@InputType()
export class EmergencyContactInput {
  @Field() name: string;
  @Field() phone: string;
  @Field(() => String, { nullable: true }) relation?: string | null;
}

@InputType()
export class EnrolmentInput {
  @Field(() => ID) schoolYearId: string;
  @Field(() => ID, { nullable: true }) classId?: string | null;
  @Field(() => LocalDate) entryDate: string;
  @Field(() => LocalDate, { nullable: true }) leavingDate?: string | null;
  @Field(() => EnrolmentStatusEnum, { defaultValue: 'ACTIVE' }) status: EnrolmentStatus = 'ACTIVE';
}

@InputType()
export class UpdateEnrolmentInput {
  @Field(() => ID, { nullable: true }) classId?: string | null;
  @Field(() => LocalDate, { nullable: true }) entryDate?: string;
  @Field(() => LocalDate, { nullable: true }) leavingDate?: string | null;
  @Field(() => EnrolmentStatusEnum, { nullable: true }) status?: EnrolmentStatus;
}

@InputType()
class PupilFieldsInput {
  @Field(() => String, { nullable: true }) birthPlace?: string | null;
  @Field(() => String, { nullable: true }) street?: string | null;
  @Field(() => String, { nullable: true }) postalCode?: string | null;
  @Field(() => String, { nullable: true }) city?: string | null;
  @Field(() => ReligiousEducationEnum, { nullable: true }) religiousEducation?: ReligiousEducation | null;
  @Field(() => [EmergencyContactInput], { nullable: true }) emergencyContacts?: EmergencyContactInput[];
  @Field(() => LocalDate, { nullable: true }) measlesProofOn?: string | null;
  @Field({ nullable: true }) photoConsent?: boolean;
  @Field({ nullable: true }) guardianAccessConsent?: boolean;
}

@InputType()
export class CreatePupilInput extends PupilFieldsInput {
  @Field() firstName: string;
  @Field() lastName: string;
  @Field(() => LocalDate) birthDate: string;
  @Field(() => GenderEnum) gender: Gender;
  @Field(() => EnrolmentInput) enrolment: EnrolmentInput;
}

@InputType()
export class UpdatePupilInput extends PupilFieldsInput {
  @Field({ nullable: true }) firstName?: string;
  @Field({ nullable: true }) lastName?: string;
  @Field(() => LocalDate, { nullable: true }) birthDate?: string;
  @Field(() => GenderEnum, { nullable: true }) gender?: Gender;
}
