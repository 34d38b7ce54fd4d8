import { z } from 'zod';
import { GROUP_KINDS, MEMBERSHIP_ROLES } from '../enums';
import { calendarDate, dateRangeRefinement, optionalText, requiredText } from './common';

const groupObject = z.object({
  kind: z.enum(GROUP_KINDS),
  name: requiredText(50),
  gradeLevel: z.number().int().min(1, { message: 'muss zwischen 1 und 13 liegen' }).max(13, { message: 'muss zwischen 1 und 13 liegen' }).nullish(),
  subjectId: z.uuid().nullish(),
});
function checkGroup(value: Partial<z.infer<typeof groupObject>>, ctx: z.RefinementCtx) {
  if (value.kind === 'CLASS' && value.gradeLevel == null) {
    ctx.addIssue({ code: 'custom', path: ['gradeLevel'], message: 'ist für eine Klasse erforderlich' });
  }
}
export const createGroupSchema = groupObject.superRefine(checkGroup);
export const updateGroupSchema = groupObject.partial();

export const subjectSchema = z.object({
  shortName: z.string().trim().min(1, { message: 'darf nicht leer sein' }).max(20, { message: 'darf höchstens 20 Zeichen lang sein' }),
  name: requiredText(100),
});
export const roomSchema = z.object({
  shortName: z.string().trim().min(1, { message: 'darf nicht leer sein' }).max(20, { message: 'darf höchstens 20 Zeichen lang sein' }),
  name: optionalText(100),
  capacity: z.number().int().min(0, { message: 'darf nicht negativ sein' }).max(1000, { message: 'darf höchstens 1000 sein' }).nullish(),
});

const membershipObject = z.object({
  role: z.enum(MEMBERSHIP_ROLES),
  abbreviation: z.string().trim().regex(/^[A-Za-zÄÖÜäöüß0-9]{1,8}$/, { message: 'muss ein Kürzel aus 1–8 Buchstaben oder Ziffern sein' }).nullish(),
  validFrom: calendarDate,
  validTo: calendarDate.nullish(),
});
export const membershipSchema = membershipObject.superRefine(dateRangeRefinement('validFrom', 'validTo'));
export const updateMembershipSchema = membershipObject.partial().superRefine(dateRangeRefinement('validFrom', 'validTo'));
