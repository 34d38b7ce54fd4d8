import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, MoreThan } from 'typeorm';
import { AppError } from '../common/app-error';
import { APP_CONFIG, AppConfig } from '../config/app.config';
import { AuthenticatedAccount } from '../authz/session-user.loader';
import { AccountEntity } from './account.entity';
import { LoginFailureEntity } from './login-failure.entity';
import { verifyPassword } from './password';
import { SessionEntity } from './session.entity';
import { PersonEntity } from '../modules/pupils/person.entity';

export const SESSION_COOKIE = 'sv_session';

/** Sessions are looked up by this hash; the token itself is never stored. */
export const hashSessionToken = (token: string) => createHash('sha256').update(token).digest('hex');

export interface SignInResult {
  token: string;
  expiresAt: Date;
  account: AuthenticatedAccount;
}

/** Local accounts with database-backed sessions. OIDC sign-in will create sessions the same way. */
@Injectable()
export class SessionService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async signIn(usernameInput: string, password: string, ip: string | null, userAgent: string | null): Promise<SignInResult> {
    const username = usernameInput.trim().toLowerCase();
    await this.checkThrottle(username, ip);
    const account = await this.dataSource.getRepository(AccountEntity).findOneBy({ username, isActive: true });
    if (!account || !(await verifyPassword(password, account.passwordHash))) {
      await this.dataSource.getRepository(LoginFailureEntity).insert({ username, ip });
      throw new AppError('UNAUTHENTICATED', 'Benutzername oder Passwort ist falsch.');
    }
    await this.dataSource.getRepository(LoginFailureEntity).delete({ username });
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + this.config.auth.sessionTtlHours * 3_600_000);
    await this.dataSource.getRepository(SessionEntity).insert({ accountId: account.id, tokenHash: hashSessionToken(token), expiresAt, ip, userAgent });
    await this.dataSource.getRepository(AccountEntity).update(account.id, { lastSignInAt: new Date() });
    return { token, expiresAt, account: await this.describe(account) };
  }

  async signOut(token: string | undefined): Promise<void> {
    if (token) await this.dataSource.getRepository(SessionEntity).delete({ tokenHash: hashSessionToken(token) });
  }

  // Throttling lives in the database so it holds across replicas: too many failures for one
  // username (or from one address) within the window block further attempts for a while.
  private async checkThrottle(username: string, ip: string | null): Promise<void> {
    const { loginMaxFailures, loginFailureWindowMinutes } = this.config.auth;
    const since = new Date(Date.now() - loginFailureWindowMinutes * 60_000);
    const repo = this.dataSource.getRepository(LoginFailureEntity);
    const byUser = await repo.countBy({ username, attemptedAt: MoreThan(since) });
    const byIp = ip ? await repo.countBy({ ip, attemptedAt: MoreThan(since) }) : 0;
    if (byUser >= loginMaxFailures || byIp >= loginMaxFailures * 10) {
      throw new AppError('TOO_MANY_REQUESTS', `Zu viele fehlgeschlagene Anmeldeversuche. Bitte warten Sie ${loginFailureWindowMinutes} Minuten.`);
    }
  }

  private async describe(account: AccountEntity): Promise<AuthenticatedAccount> {
    const person = await this.dataSource.getRepository(PersonEntity).findOneByOrFail({ id: account.personId });
    return { accountId: account.id, personId: account.personId, username: account.username, displayName: `${person.firstName} ${person.lastName}` };
  }
}
