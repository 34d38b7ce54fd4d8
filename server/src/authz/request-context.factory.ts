import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DataSource } from 'typeorm';
import { berlinDate, defineAbilityFor } from '@schulverwaltung/shared';
import { hashSessionToken, SESSION_COOKIE } from '../auth/session.service';
import { RequestLoaders } from '../common/request-loaders';
import { RequestContext } from './request-context';
import { loadSessionByTokenHash } from './session-user.loader';

@Injectable()
export class RequestContextFactory {
  constructor(private readonly dataSource: DataSource) {}

  async create(req: Request, res: Response): Promise<RequestContext> {
    const today = berlinDate();
    const token = (req.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE];
    const session = token ? await loadSessionByTokenHash(this.dataSource.manager, hashSessionToken(token), today) : null;
    const account = session?.account ?? null;
    const user = session?.user ?? null;
    const requestId = (req as Request & { id?: string }).id ?? randomUUID();
    return {
      requestId, req, res, account, user, today,
      ability: defineAbilityFor(user),
      loaders: new RequestLoaders({ manager: this.dataSource.manager, today }),
    };
  }
}
