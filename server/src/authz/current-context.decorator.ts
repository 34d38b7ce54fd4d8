import { ExecutionContext } from '@nestjs/common';
import { Context, GqlExecutionContext } from '@nestjs/graphql';
import { RequestContext } from './request-context';

export function contextOf(execution: ExecutionContext): RequestContext {
  return GqlExecutionContext.create(execution).getContext<RequestContext>();
}

/**
 * Injects the per-request context (user, ability, loaders) into a resolver method. It is the
 * GraphQL context itself (@nestjs/graphql's Context), which costs far less per field resolver
 * call than a custom param decorator building an execution context each time.
 */
export const Ctx = (): ParameterDecorator => Context();
