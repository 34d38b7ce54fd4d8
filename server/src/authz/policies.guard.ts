import { CanActivate, ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Action, SubjectName } from '@schulverwaltung/shared';
import { forbidden, unauthenticated } from '../common/app-error';
import { contextOf } from './current-context.decorator';

const POLICY_KEY = 'sv:policy';
const PUBLIC_KEY = 'sv:public';

export interface TypePolicy {
  action: Action;
  subject: SubjectName;
}

/** Type-level permission ("may read pupils at all"); the service checks the single record. */
export const RequireAbility = (action: Action, subject: SubjectName) => SetMetadata(POLICY_KEY, { action, subject } satisfies TypePolicy);
/** Reachable without signing in (sign-in itself, `me`). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

@Injectable()
export class PoliciesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(execution: ExecutionContext): boolean {
    if (execution.getType<string>() !== 'graphql') return true;
    const targets = [execution.getHandler(), execution.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const ctx = contextOf(execution);
    if (!ctx.user) throw unauthenticated();
    const policy = this.reflector.getAllAndOverride<TypePolicy | undefined>(POLICY_KEY, targets);
    if (policy && !ctx.ability.can(policy.action, policy.subject)) throw forbidden();
    return true;
  }
}
