import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { GraphQLJSON } from 'graphql-scalars';
import type { SessionUser } from '@schulverwaltung/shared';

@ObjectType('Viewer', { description: 'The signed-in person' })
export class Viewer {
  @Field(() => ID) accountId: string;
  @Field(() => ID) personId: string;
  @Field() username: string;
  @Field() displayName: string;
  @Field(() => GraphQLJSON, { description: 'SessionUser facts; the client builds the same CASL ability from them (shared defineAbilityFor)' })
  session: SessionUser;
}

@InputType()
export class SignInInput {
  @Field() username: string;
  @Field() password: string;
}
