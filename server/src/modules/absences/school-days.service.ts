import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { addDays, CalendarDate } from '@schulverwaltung/shared';
import { assertCan, checkId, loadVisible } from '../../common/access';
import { badInput } from '../../common/app-error';
import { RequestContext } from '../../authz/request-context';
import { SchoolEntity } from '../schools/school.entity';
import { loadSchoolCalendar } from './school-calendar';

// The next school days of a school, for clients that offer day choices (the secretariat's "today
// and tomorrow", "until Friday"): the same calendar the absence rules use, so the client's days
// are the ones the server would keep of a range.

export const MAX_SCHOOL_DAYS = 31;
// Enough for MAX_SCHOOL_DAYS school days across the longest holidays (summer, about seven weeks).
const LOOKAHEAD_DAYS = 100;

@Injectable()
export class SchoolDaysService {
  constructor(private readonly dataSource: DataSource) {}

  /** The first `count` school days from `from` on, `from` included when it is one. */
  async next(ctx: RequestContext, schoolId: string, from: CalendarDate, count: number): Promise<CalendarDate[]> {
    if (count < 1 || count > MAX_SCHOOL_DAYS) throw badInput('count', `muss zwischen 1 und ${MAX_SCHOOL_DAYS} liegen`, 'out_of_range');
    const manager = this.dataSource.manager;
    await loadVisible(manager, SchoolEntity, checkId(schoolId, 'schoolId'), 'School', ctx.ability, 'Schule');
    // The school days are part of its absence rules: whoever may read those may read these.
    assertCan(ctx.ability, 'read', 'AbsenceSettings', { schoolId }, 'den Schulkalender dieser Schule');
    const calendar = await loadSchoolCalendar(manager, schoolId, from, addDays(from, LOOKAHEAD_DAYS));
    const days: CalendarDate[] = [calendar.isSchoolDay(from) ? from : calendar.nextSchoolDay(from)];
    while (days.length < count) days.push(calendar.nextSchoolDay(days[days.length - 1]));
    return days;
  }
}
