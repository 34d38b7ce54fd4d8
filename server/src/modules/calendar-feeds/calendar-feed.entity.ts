import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { SchoolOwnedEntity } from '../../database/base.entity';
import { SchoolEntity } from '../schools/school.entity';

export const CALENDAR_FEED_TARGETS = ['PUPIL', 'TEACHER', 'CLASS', 'ROOM'] as const;
export type CalendarFeedTarget = (typeof CALENDAR_FEED_TARGETS)[number];

/**
 * A subscribable iCalendar feed behind a secret URL. Only the token's SHA-256 is stored; the feed
 * shows what its owner may see, checked again on every fetch, and stops at once when revoked.
 */
@Entity({ name: 'calendar_feeds' })
@Index('uq_calendar_feeds_token_hash', ['tokenHash'], { unique: true })
@Index('ix_calendar_feeds_owner', ['ownerPersonId'])
export class CalendarFeedEntity extends SchoolOwnedEntity {
  @ManyToOne(() => SchoolEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'school_id', foreignKeyConstraintName: 'fk_calendar_feeds_school' })
  school?: SchoolEntity;

  @Column({ type: 'uuid' })
  ownerPersonId: string;

  @Column({ type: 'text' })
  target: CalendarFeedTarget;

  /** pupil id, teacher person id, group id or room id */
  @Column({ type: 'uuid' })
  targetId: string;

  @Column({ type: 'text' })
  tokenHash: string;

  @Column({ type: 'text' })
  label: string;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  lastFetchedAt: Date | null;
}
