import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { RequestContext } from './request-context';

export function contextOf(execution: ExecutionContext): RequestContext {
  return GqlExecutionContext.create(execution).getContext<RequestContext>();
}

/** Injects the per-request context (user, ability, loaders) into a resolver method. */
export const Ctx = createParamDecorator((_: unknown, execution: ExecutionContext) => contextOf(execution));
