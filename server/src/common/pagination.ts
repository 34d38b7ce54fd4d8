import { Field, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Type } from '@nestjs/common';
import { badInput } from './app-error';

export const MAX_PAGE_SIZE = 200;

@InputType()
export class PageInput {
  @Field(() => Int, { defaultValue: 0 })
  offset: number = 0;

  @Field(() => Int, { defaultValue: 50, description: `at most ${MAX_PAGE_SIZE}` })
  limit: number = 50;
}

export function checkPage(page: PageInput | undefined): { offset: number; limit: number } {
  const offset = page?.offset ?? 0;
  const limit = page?.limit ?? 50;
  if (offset < 0) throw badInput('page.offset', 'darf nicht negativ sein', 'too_small');
  if (limit < 1 || limit > MAX_PAGE_SIZE) throw badInput('page.limit', `muss zwischen 1 und ${MAX_PAGE_SIZE} liegen`, 'out_of_range');
  return { offset, limit };
}

export interface Page<T> {
  items: T[];
  total: number;
}

/** GraphQL page type: { items, total }. */
export function PageOf<T>(item: Type<T>, name: string) {
  @ObjectType(name)
  class PageType {
    @Field(() => [item])
    items: T[];

    @Field(() => Int)
    total: number;
  }
  return PageType;
}
