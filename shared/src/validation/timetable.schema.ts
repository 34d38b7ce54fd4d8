import { z } from 'zod';
import { optionalText } from './common';

// The time grid (Zeitraster): per weekday, numbered periods with clock times. Periods follow one
// another: a later number starts no earlier than the previous one ends, so no two overlap.

export const MAX_PERIODS_PER_DAY = 20;

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'muss eine Uhrzeit im Format HH:MM sein' });

const timeGridPeriodObject = z.object({
  weekday: z.number().int().min(1, { message: 'muss zwischen 1 (Montag) und 7 (Sonntag) liegen' }).max(7, { message: 'muss zwischen 1 (Montag) und 7 (Sonntag) liegen' }),
  period: z.number().int()
    .min(1, { message: `muss zwischen 1 und ${MAX_PERIODS_PER_DAY} liegen` })
    .max(MAX_PERIODS_PER_DAY, { message: `muss zwischen 1 und ${MAX_PERIODS_PER_DAY} liegen` }),
  startsAt: clockTime,
  endsAt: clockTime,
  label: optionalText(30),
});
export type TimeGridPeriodValues = z.infer<typeof timeGridPeriodObject>;

export const timeGridPeriodSchema = timeGridPeriodObject.superRefine((value, ctx) => {
  // "HH:MM" strings compare like the times they stand for.
  if (value.endsAt <= value.startsAt) ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'muss nach dem Beginn liegen' });
});

export const timeGridSchema = z.array(timeGridPeriodSchema)
  .max(7 * MAX_PERIODS_PER_DAY, { message: `darf höchstens ${7 * MAX_PERIODS_PER_DAY} Stunden enthalten` })
  .superRefine(checkPeriodsOfEachDay);

function checkPeriodsOfEachDay(periods: TimeGridPeriodValues[], ctx: z.RefinementCtx) {
  const byWeekday = new Map<number, number[]>();
  periods.forEach((period, index) => byWeekday.set(period.weekday, [...(byWeekday.get(period.weekday) ?? []), index]));
  for (const indexes of byWeekday.values()) {
    const ordered = [...indexes].sort((a, b) => periods[a].period - periods[b].period);
    for (let i = 1; i < ordered.length; i++) {
      const previous = periods[ordered[i - 1]];
      const current = periods[ordered[i]];
      if (current.period === previous.period) {
        ctx.addIssue({ code: 'custom', path: [ordered[i], 'period'], message: `die ${current.period}. Stunde gibt es an diesem Tag schon` });
      } else if (current.startsAt < previous.endsAt) {
        ctx.addIssue({
          code: 'custom', path: [ordered[i], 'startsAt'],
          message: `darf nicht vor dem Ende der ${previous.period}. Stunde (${previous.endsAt}) liegen`,
        });
      }
    }
  }
}
