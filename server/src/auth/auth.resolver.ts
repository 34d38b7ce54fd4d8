import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Inject } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { berlinDate } from '@schulverwaltung/shared';
import { badInput } from '../common/app-error';
import { APP_CONFIG, AppConfig } from '../config/app.config';
import { Ctx } from '../authz/current-context.decorator';
import { Public } from '../authz/policies.guard';
import { RequestContext } from '../authz/request-context';
import { loadSessionUser } from '../authz/session-user.loader';
import { School, toSchool } from '../modules/schools/school.types';
import { SchoolEntity } from '../modules/schools/school.entity';
import { SignInInput, Viewer } from './auth.types';
import { SESSION_COOKIE, SessionService } from './session.service';

@Resolver(() => Viewer)
export class AuthResolver {
  constructor(
    private readonly sessions: SessionService,
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Query(() => Viewer, { nullable: true, description: 'null when not signed in' })
  @Public()
  me(@Ctx() ctx: RequestContext): Viewer | null {
    return ctx.account && ctx.user ? { ...ctx.account, session: ctx.user } : null;
  }

  @Mutation(() => Viewer, { description: 'Signs in with a local account and sets the httpOnly session cookie.' })
  @Public()
  async signIn(@Ctx() ctx: RequestContext, @Args('input') input: SignInInput): Promise<Viewer> {
    if (!input.username.trim()) throw badInput('input.username', 'darf nicht leer sein', 'required');
    const result = await this.sessions.signIn(input.username, input.password, ctx.req.ip ?? null, ctx.req.get('user-agent') ?? null);
    ctx.res.cookie(SESSION_COOKIE, result.token, {
      httpOnly: true, sameSite: 'lax', secure: this.config.auth.cookieSecure, path: '/', expires: result.expiresAt,
    });
    const session = await loadSessionUser(this.dataSource.manager, result.account, berlinDate());
    return { ...result.account, session };
  }

  @Mutation(() => Boolean)
  @Public()
  async signOut(@Ctx() ctx: RequestContext): Promise<boolean> {
    await this.sessions.signOut((ctx.req.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE]);
    ctx.res.clearCookie(SESSION_COOKIE, { path: '/' });
    return true;
  }

  @ResolveField(() => [School], { description: 'schools the viewer belongs to in any role' })
  async schools(@Parent() viewer: Viewer): Promise<School[]> {
    const s = viewer.session;
    const ids = new Set([
      ...s.adminSchoolIds, ...s.schoolRoles.map((r) => r.schoolId), ...s.self.map((p) => p.schoolId), ...s.children.map((c) => c.schoolId),
    ]);
    if (ids.size === 0) return [];
    const schools = await this.dataSource.getRepository(SchoolEntity).find({ where: { id: In([...ids]) }, order: { name: 'ASC' } });
    return schools.map(toSchool);
  }
}
