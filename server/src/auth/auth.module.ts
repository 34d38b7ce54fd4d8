import { Global, Module } from '@nestjs/common';
import { RequestContextFactory } from '../authz/request-context.factory';
import { AuthResolver } from './auth.resolver';
import { SessionService } from './session.service';

@Global()
@Module({ providers: [SessionService, RequestContextFactory, AuthResolver], exports: [SessionService, RequestContextFactory] })
export class AuthModule {}
