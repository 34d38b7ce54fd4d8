import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { addDays, berlinDate, defineAbilityFor, requiredText } from '@schulverwaltung/shared';
import { assertCan, can, checkId } from '../../common/access';
import { AppError, badInput, notFound } from '../../common/app-error';
import { parseInput } from '../../common/validation';
import { APP_CONFIG, AppConfig } from '../../config/app.config';
import { queryPrepared } from '../../database/prepared-query';
import { RequestContext } from '../../authz/request-context';
import { scopeFor } from '../../authz/scope-to-sql';
import { AuthenticatedAccount, loadSessionUser } from '../../authz/session-user.loader';
import { creationFields, recordAudit } from '../audit/audit.service';
import { TimetableService } from '../timetable/timetable.service';
import type { ResolvedTarget } from '../timetable/timetable-target';
import { TimetableTargetInput } from '../timetable/timetable.types';
import { CalendarFeedEntity, CalendarFeedTarget } from './calendar-feed.entity';
import { renderIcalFeed } from './ical-feed';

// A feed shows a rolling window around today: last week (for "what did I miss") and the next twelve.
const DAYS_BACK = 7;
const DAYS_AHEAD = 12 * 7;
const MAX_ACTIVE_FEEDS_PER_PERSON = 20;
// 32 random bytes in base64url: 43 characters. Anything else is no token of ours and needs no lookup.
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
// Calendar apps poll often; lastFetchedAt is good enough to the quarter hour and spares the writes.
const FETCH_MARK_INTERVAL = '15 minutes';

export function feedWindow(today: string): { from: string; to: string } {
  return { from: addDays(today, -DAYS_BACK), to: addDays(today, DAYS_AHEAD) };
}

const hashFeedToken = (token: string) => createHash('sha256').update(token).digest('hex');

export interface RenderedFeed {
  /** weak: the content is the same, the DTSTAMP of each rendering is not */
  etag: string;
  /** rendered only when the client's copy is stale */
  body(): string;
}

interface FeedRow {
  id: string;
  schoolId: string;
  target: CalendarFeedTarget;
  targetId: string;
  owner: AuthenticatedAccount;
}

// An active feed whose owner still has an active account: a deactivated account sees nothing, its feeds neither.
const FEED_BY_TOKEN_HASH = `
  SELECT f.id, f.school_id AS "schoolId", f.target, f.target_id AS "targetId",
         json_build_object('accountId', a.id, 'personId', a.person_id, 'username', a.username, 'displayName', a.username) AS owner
  FROM calendar_feeds f JOIN accounts a ON a.person_id = f.owner_person_id AND a.is_active
  WHERE f.token_hash = $1 AND f.revoked_at IS NULL`;
const MARK_FETCHED = `
  UPDATE calendar_feeds SET last_fetched_at = now()
  WHERE id = $1 AND (last_fetched_at IS NULL OR last_fetched_at < now() - interval '${FETCH_MARK_INTERVAL}')`;

@Injectable()
export class CalendarFeedsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly timetable: TimetableService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** A new feed of a timetable the caller may read; its secret URL is returned this once. */
  async create(ctx: RequestContext, targetInput: TimetableTargetInput, label: string): Promise<{ feed: CalendarFeedEntity; url: string }> {
    const owner = ctx.user!;
    const labelText = parseInput(requiredText(100), label, 'label');
    const { from, to } = feedWindow(ctx.today);
    const target = await this.timetable.resolveInput(ctx.ability, targetInput, from, to);
    const schoolId = onlySchool(target);
    assertCan(ctx.ability, 'create', 'CalendarFeed', { ownerPersonId: owner.personId, schoolId });
    const token = randomBytes(32).toString('base64url');
    const feed = await this.dataSource.transaction(async (manager) => {
      await checkFeedLimit(manager, owner.personId);
      const row = await manager.save(manager.create(CalendarFeedEntity, {
        schoolId, ownerPersonId: owner.personId, target: target.kind, targetId: target.id, label: labelText, tokenHash: hashFeedToken(token),
      }));
      await recordAudit(manager, {
        actor: owner, schoolId, action: 'create', entityType: 'calendar_feeds', entityId: row.id,
        changes: creationFields({ target: target.kind, targetId: target.id, label: labelText }),
      });
      return row;
    });
    return { feed, url: `${this.config.http.publicUrl.replace(/\/+$/, '')}/ical/${token}.ics` };
  }

  /** Stops a feed at once; revoking it again changes nothing. */
  revoke(ctx: RequestContext, id: string): Promise<CalendarFeedEntity> {
    return this.dataSource.transaction(async (manager) => {
      const feed = await manager.findOneBy(CalendarFeedEntity, { id: checkId(id) });
      if (!feed || !can(ctx.ability, 'delete', 'CalendarFeed', feed)) throw notFound('Kalender-Abo', id);
      if (feed.revokedAt) return feed;
      const revokedAt = new Date();
      await manager.update(CalendarFeedEntity, { id }, { revokedAt, version: () => 'version + 1' });
      await recordAudit(manager, {
        actor: ctx.user!, schoolId: feed.schoolId, action: 'update', entityType: 'calendar_feeds', entityId: id,
        changes: { revokedAt: { old: null, new: revokedAt.toISOString() } },
      });
      return manager.findOneByOrFail(CalendarFeedEntity, { id });
    });
  }

  /** The caller's feeds that still work, oldest first. */
  async mine(ctx: RequestContext): Promise<CalendarFeedEntity[]> {
    const scope = scopeFor(ctx.ability, 'read', 'CalendarFeed', { ownerPersonId: 'f.owner_person_id', schoolId: 'f.school_id' });
    if (scope.isEmpty) return [];
    const qb = this.dataSource.getRepository(CalendarFeedEntity).createQueryBuilder('f').where('f.revoked_at IS NULL');
    scope.apply(qb);
    return qb.orderBy('f.created_at').addOrderBy('f.id').getMany();
  }

  /**
   * The feed behind a token, or null — unknown, revoked, or no longer visible to its owner. The
   * owner's rights are those of today, not of the day the feed was made: a teacher who left the
   * school, a parent who lost custody, a pupil of age who withdrew consent get nothing.
   */
  async render(token: string): Promise<RenderedFeed | null> {
    if (!TOKEN_PATTERN.test(token)) return null;
    const manager = this.dataSource.manager;
    const [feed] = await queryPrepared<FeedRow>(manager, FEED_BY_TOKEN_HASH, [hashFeedToken(token)]);
    if (!feed) return null;
    const today = berlinDate();
    const { from, to } = feedWindow(today);
    const target = await this.targetVisibleToOwner(manager, feed, today, from, to);
    if (!target) return null;
    const lessons = await this.timetable.lessons(target, from, to);
    await queryPrepared(manager, MARK_FETCHED, [feed.id]);
    const name = `Stundenplan ${target.title}`;
    return {
      etag: `W/"${createHash('sha256').update(JSON.stringify([name, lessons])).digest('base64url').slice(0, 27)}"`,
      body: () => renderIcalFeed({ name, occurrences: lessons, generatedAt: new Date() }),
    };
  }

  private async targetVisibleToOwner(manager: EntityManager, feed: FeedRow, today: string, from: string, to: string): Promise<ResolvedTarget | null> {
    const ability = defineAbilityFor(await loadSessionUser(manager, feed.owner, today));
    try {
      return await this.timetable.resolve(ability, { kind: feed.target, id: feed.targetId, schoolId: feed.schoolId }, from, to);
    } catch (error) {
      if (error instanceof AppError && error.code === 'NOT_FOUND') return null;
      throw error;
    }
  }
}

// A feed belongs to one school (its data, its tenancy); a teacher at two schools subscribes to each.
function onlySchool(target: ResolvedTarget): string {
  if (target.schoolIds.length > 1) throw badInput('target.schoolId', 'die Lehrkraft unterrichtet an mehreren Schulen: bitte die Schule angeben', 'ambiguous');
  return target.schoolIds[0];
}

async function checkFeedLimit(manager: EntityManager, ownerPersonId: string): Promise<void> {
  const active = await manager.countBy(CalendarFeedEntity, { ownerPersonId, revokedAt: IsNull() });
  if (active >= MAX_ACTIVE_FEEDS_PER_PERSON) {
    throw badInput('target', `Sie haben bereits ${MAX_ACTIVE_FEEDS_PER_PERSON} Kalender-Abos; bitte widerrufen Sie zuerst eines`, 'too_many');
  }
}
