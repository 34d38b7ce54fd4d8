import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';
import { TimetableTargetKind, TimetableTargetKindEnum } from '../timetable/timetable.types';
import { CalendarFeedEntity } from './calendar-feed.entity';

@ObjectType('CalendarFeed', { description: 'A calendar subscription (iCalendar) of a timetable behind a secret URL' })
export class CalendarFeed {
  @Field(() => ID) id: string;
  @Field(() => ID) schoolId: string;
  @Field(() => TimetableTargetKindEnum) target: TimetableTargetKind;
  @Field(() => ID, { description: 'pupil id, teacher person id, group id or room id' }) targetId: string;
  @Field() label: string;
  @Field(() => GraphQLISODateTime) createdAt: Date;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'last time a calendar app fetched it' }) lastFetchedAt: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) revokedAt: Date | null;
}

@ObjectType('CreatedCalendarFeed')
export class CreatedCalendarFeed {
  @Field(() => CalendarFeed) feed: CalendarFeed;
  @Field({ description: 'the secret subscription URL: shown only now (only a hash of its token is stored)' }) url: string;
}

export const toCalendarFeed = (f: CalendarFeedEntity): CalendarFeed => ({
  id: f.id, schoolId: f.schoolId, target: f.target, targetId: f.targetId, label: f.label,
  createdAt: f.createdAt, lastFetchedAt: f.lastFetchedAt, revokedAt: f.revokedAt,
});
