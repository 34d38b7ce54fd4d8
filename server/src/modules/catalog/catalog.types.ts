import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { RoomEntity } from './room.entity';
import { SubjectEntity } from './subject.entity';

@ObjectType('Subject', { description: 'Fach (Kürzel wie in Untis)' })
export class Subject {
  @Field(() => ID) id: string;
  @Field(() => ID) schoolId: string;
  @Field() shortName: string;
  @Field() name: string;
  @Field(() => Int) version: number;
}

@ObjectType('Room', { description: 'Raum' })
export class Room {
  @Field(() => ID) id: string;
  @Field(() => ID) schoolId: string;
  @Field() shortName: string;
  @Field(() => String, { nullable: true }) name: string | null;
  @Field(() => Int, { nullable: true }) capacity: number | null;
  @Field(() => Int) version: number;
}

export const toSubject = (s: SubjectEntity): Subject => ({ id: s.id, schoolId: s.schoolId, shortName: s.shortName, name: s.name, version: s.version });
export const toRoom = (r: RoomEntity): Room => ({ id: r.id, schoolId: r.schoolId, shortName: r.shortName, name: r.name, capacity: r.capacity, version: r.version });

@InputType()
export class SubjectInput {
  @Field() shortName: string;
  @Field() name: string;
}

@InputType()
export class UpdateSubjectInput {
  @Field({ nullable: true }) shortName?: string;
  @Field({ nullable: true }) name?: string;
}

@InputType()
export class RoomInput {
  @Field() shortName: string;
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => Int, { nullable: true }) capacity?: number | null;
}

@InputType()
export class UpdateRoomInput {
  @Field({ nullable: true }) shortName?: string;
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => Int, { nullable: true }) capacity?: number | null;
}
