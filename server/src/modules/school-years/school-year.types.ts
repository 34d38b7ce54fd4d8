import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { HolidayKind, termsOf } from '@schulverwaltung/shared';
import { HolidayKindEnum } from '../../common/enums.graphql';
import { LocalDate } from '../../common/scalars';
import { HolidayEntity } from './holiday.entity';
import { SchoolYearEntity } from './school-year.entity';

@ObjectType('Term', { description: 'Halbjahr' })
export class Term {
  @Field(() => Int) number: number;
  @Field(() => LocalDate) startsOn: string;
  @Field(() => LocalDate) endsOn: string;
}

@ObjectType('SchoolYear', { description: 'Schuljahr (1. August – 31. Juli) mit zwei Halbjahren' })
export class SchoolYear {
  @Field(() => ID) id: string;
  @Field(() => ID) schoolId: string;
  @Field() name: string;
  @Field(() => LocalDate) startsOn: string;
  @Field(() => LocalDate) endsOn: string;
  @Field(() => LocalDate, { description: 'first day of the second term' }) midYearOn: string;
  @Field() isCurrent: boolean;
  @Field(() => Int) version: number;
  @Field(() => [Term]) terms: Term[];
}

@ObjectType('Holiday', { description: 'Ferien, Feiertag oder unterrichtsfreier Tag' })
export class Holiday {
  @Field(() => ID) id: string;
  @Field(() => ID) schoolId: string;
  @Field(() => ID) schoolYearId: string;
  @Field() name: string;
  @Field(() => LocalDate) startsOn: string;
  @Field(() => LocalDate) endsOn: string;
  @Field(() => HolidayKindEnum) kind: HolidayKind;
  @Field(() => Int) version: number;
}

export const toSchoolYear = (e: SchoolYearEntity): SchoolYear => ({
  id: e.id, schoolId: e.schoolId, name: e.name, startsOn: e.startsOn, endsOn: e.endsOn, midYearOn: e.midYearOn,
  isCurrent: e.isCurrent, version: e.version, terms: termsOf(e),
});
export const toHoliday = (e: HolidayEntity): Holiday => ({
  id: e.id, schoolId: e.schoolId, schoolYearId: e.schoolYearId, name: e.name, startsOn: e.startsOn, endsOn: e.endsOn, kind: e.kind, version: e.version,
});

@InputType()
export class CreateSchoolYearInput {
  @Field({ description: 'e.g. 2027/28' }) name: string;
  @Field(() => LocalDate) startsOn: string;
  @Field(() => LocalDate) endsOn: string;
  @Field(() => LocalDate) midYearOn: string;
}

@InputType()
export class UpdateSchoolYearInput {
  @Field({ nullable: true }) name?: string;
  @Field(() => LocalDate, { nullable: true }) startsOn?: string;
  @Field(() => LocalDate, { nullable: true }) endsOn?: string;
  @Field(() => LocalDate, { nullable: true }) midYearOn?: string;
}

@InputType()
export class CreateHolidayInput {
  @Field() name: string;
  @Field(() => LocalDate) startsOn: string;
  @Field(() => LocalDate) endsOn: string;
  @Field(() => HolidayKindEnum) kind: HolidayKind;
}

@InputType()
export class UpdateHolidayInput {
  @Field({ nullable: true }) name?: string;
  @Field(() => LocalDate, { nullable: true }) startsOn?: string;
  @Field(() => LocalDate, { nullable: true }) endsOn?: string;
  @Field(() => HolidayKindEnum, { nullable: true }) kind?: HolidayKind;
}
