import { z } from 'zod';
import { isCalendarDate } from '../dates';

// Messages are German: they reach the secretariat through BAD_USER_INPUT unchanged.
export const calendarDate = z.string().refine(isCalendarDate, { message: 'muss ein Datum im Format JJJJ-MM-TT sein' });
export const requiredText = (max: number) =>
  z.string().trim().min(1, { message: 'darf nicht leer sein' }).max(max, { message: `darf höchstens ${max} Zeichen lang sein` });
export const optionalText = (max: number) =>
  z.string().trim().max(max, { message: `darf höchstens ${max} Zeichen lang sein` }).nullish();
export const postalCode = z.string().trim().regex(/^\d{5}$/, { message: 'muss eine fünfstellige Postleitzahl sein' }).nullish();
export const email = z.email({ message: 'muss eine gültige E-Mail-Adresse sein' }).nullish();
export const phone = z.string().trim().regex(/^[+\d][\d /()-]{3,30}$/, { message: 'muss eine Telefonnummer sein' }).nullish();
export const uuid = z.uuid({ message: 'muss eine gültige ID sein' });

/** A from–to range whose end is not before its start. */
export function dateRangeRefinement<T extends Record<string, unknown>>(fromKey: keyof T & string, toKey: keyof T & string) {
  return (value: T, ctx: z.RefinementCtx) => {
    const from = value[fromKey] as string | null | undefined;
    const to = value[toKey] as string | null | undefined;
    if (from && to && to < from) {
      ctx.addIssue({ code: 'custom', path: [toKey], message: `darf nicht vor ${fromKey} liegen` });
    }
  };
}
