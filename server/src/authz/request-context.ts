import type { Request, Response } from 'express';
import type { AppAbility, SessionUser } from '@schulverwaltung/shared';
import type { RequestLoaders } from '../common/request-loaders';
import type { AuthenticatedAccount } from './session-user.loader';

/** Everything a resolver or controller needs about the current request; built once per request. */
export interface RequestContext {
  requestId: string;
  req: Request;
  res: Response;
  account: AuthenticatedAccount | null;
  user: SessionUser | null;
  ability: AppAbility;
  loaders: RequestLoaders;
  today: string;
}
