import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Public } from '../../authz/policies.guard';
import { CalendarFeedsService } from './calendar-feeds.service';

// Unknown, revoked and no-longer-visible feeds answer alike, so a URL reveals nothing about why.
const NOT_AVAILABLE = 'Dieser Kalender ist nicht (mehr) verfügbar.';

@Controller('ical')
export class CalendarFeedsController {
  constructor(private readonly feeds: CalendarFeedsService) {}

  // Public: calendar apps fetch without a session. The secret token in the URL is the credential.
  @Public()
  @Get(':token.ics')
  async feed(@Param('token') token: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const feed = await this.feeds.render(token);
    if (!feed) {
      res.status(404).set('Cache-Control', 'no-store').type('text/plain; charset=utf-8').send(NOT_AVAILABLE);
      return;
    }
    res.set({ 'Cache-Control': 'private, max-age=300', ETag: feed.etag });
    // An unchanged feed is not rendered at all.
    if (matchesEtag(req.headers['if-none-match'], feed.etag)) {
      res.status(304).end();
      return;
    }
    res.type('text/calendar; charset=utf-8').send(feed.body());
  }
}

// If-None-Match compares weakly (RFC 9110 §13.1.2). Express's req.fresh would also answer "changed"
// whenever the request says Cache-Control: no-cache, which fetch() adds to every conditional request.
function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return ifNoneMatch.trim() === '*' || ifNoneMatch.split(',').some((tag) => opaque(tag) === opaque(etag));
}
