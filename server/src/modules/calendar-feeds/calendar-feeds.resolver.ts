import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Ctx } from '../../authz/current-context.decorator';
import { RequestContext } from '../../authz/request-context';
import { TimetableTargetInput } from '../timetable/timetable.types';
import { CalendarFeed, CreatedCalendarFeed, toCalendarFeed } from './calendar-feed.types';
import { CalendarFeedsService } from './calendar-feeds.service';

@Resolver()
export class CalendarFeedsResolver {
  constructor(private readonly feeds: CalendarFeedsService) {}

  @Query(() => [CalendarFeed], { description: 'The signed-in person\'s calendar subscriptions that are not revoked.' })
  async myCalendarFeeds(@Ctx() ctx: RequestContext): Promise<CalendarFeed[]> {
    return (await this.feeds.mine(ctx)).map(toCalendarFeed);
  }

  @Mutation(() => CreatedCalendarFeed, { description: 'Subscribes to a timetable the caller may read; the URL is shown only in this answer.' })
  async createCalendarFeed(
    @Ctx() ctx: RequestContext, @Args('target') target: TimetableTargetInput, @Args('label') label: string,
  ): Promise<CreatedCalendarFeed> {
    const { feed, url } = await this.feeds.create(ctx, target, label);
    return { feed: toCalendarFeed(feed), url };
  }

  @Mutation(() => CalendarFeed, { description: 'Stops a calendar subscription at once: its URL answers 404 from now on.' })
  async revokeCalendarFeed(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<CalendarFeed> {
    return toCalendarFeed(await this.feeds.revoke(ctx, id));
  }
}
