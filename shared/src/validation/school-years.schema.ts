import { z } from 'zod';
import { HOLIDAY_KINDS } from '../enums';
import { calendarDate, dateRangeRefinement, requiredText } from './common';

const schoolYearObject = z.object({
  name: z.string().regex(/^\d{4}\/\d{2}$/, { message: 'muss die Form 2026/27 haben' }),
  startsOn: calendarDate,
  endsOn: calendarDate,
  midYearOn: calendarDate,
});

function checkSchoolYear(value: Partial<z.infer<typeof schoolYearObject>>, ctx: z.RefinementCtx) {
  const { startsOn, endsOn, midYearOn } = value;
  if (startsOn && endsOn && endsOn <= startsOn) ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'muss nach dem Beginn liegen' });
  if (startsOn && endsOn && midYearOn && !(startsOn < midYearOn && midYearOn <= endsOn)) {
    ctx.addIssue({ code: 'custom', path: ['midYearOn'], message: 'muss zwischen Beginn und Ende des Schuljahres liegen' });
  }
}

export const createSchoolYearSchema = schoolYearObject.superRefine(checkSchoolYear);
export const updateSchoolYearSchema = schoolYearObject.partial().superRefine(checkSchoolYear);

const holidayObject = z.object({
  name: requiredText(100),
  startsOn: calendarDate,
  endsOn: calendarDate,
  kind: z.enum(HOLIDAY_KINDS),
});
export const createHolidaySchema = holidayObject.superRefine(dateRangeRefinement('startsOn', 'endsOn'));
export const updateHolidaySchema = holidayObject.partial().superRefine(dateRangeRefinement('startsOn', 'endsOn'));
