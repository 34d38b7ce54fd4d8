import { z } from 'zod';
import { ENROLMENT_STATUSES, GENDERS, GUARDIAN_RELATIONS, RELIGIOUS_EDUCATIONS } from '../enums';
import { calendarDate, dateRangeRefinement, email, optionalText, phone, postalCode, requiredText } from './common';

export const personNameFields = {
  firstName: requiredText(100),
  lastName: requiredText(100),
};

export const emergencyContactSchema = z.object({
  name: requiredText(200),
  phone: z.string().trim().regex(/^[+\d][\d /()-]{3,30}$/, { message: 'muss eine Telefonnummer sein' }),
  relation: optionalText(100),
});

export const pupilFields = {
  ...personNameFields,
  birthDate: calendarDate,
  birthPlace: optionalText(100),
  gender: z.enum(GENDERS),
  street: optionalText(200),
  postalCode,
  city: optionalText(100),
  religiousEducation: z.enum(RELIGIOUS_EDUCATIONS).nullish(),
  emergencyContacts: z.array(emergencyContactSchema).max(5, { message: 'höchstens 5 Notfallkontakte' }).optional(),
  measlesProofOn: calendarDate.nullish(),
  photoConsent: z.boolean().optional(),
  guardianAccessConsent: z.boolean().optional(),
};
export const createPupilSchema = z.object(pupilFields);
export const updatePupilSchema = z.object(pupilFields).partial();

const enrolmentObject = z.object({
  classId: z.uuid().nullish(),
  entryDate: calendarDate,
  leavingDate: calendarDate.nullish(),
  status: z.enum(ENROLMENT_STATUSES),
});
export const enrolmentSchema = enrolmentObject.superRefine(dateRangeRefinement('entryDate', 'leavingDate'));
export const updateEnrolmentSchema = enrolmentObject.partial().superRefine(dateRangeRefinement('entryDate', 'leavingDate'));

export const guardianPersonFields = {
  ...personNameFields,
  email,
  phone,
  street: optionalText(200),
  postalCode,
  city: optionalText(100),
};
export const createGuardianSchema = z.object(guardianPersonFields);

const guardianshipObject = z.object({
  relation: z.enum(GUARDIAN_RELATIONS),
  hasCustody: z.boolean(),
  mayExcuse: z.boolean(),
  receivesMail: z.boolean(),
  hasInformationBlock: z.boolean(),
});
function checkGuardianship(value: Partial<z.infer<typeof guardianshipObject>>, ctx: z.RefinementCtx) {
  // An information block (Auskunftssperre) is set for a parent without custody; such a parent cannot excuse.
  if (value.hasInformationBlock && value.hasCustody) {
    ctx.addIssue({ code: 'custom', path: ['hasInformationBlock'], message: 'eine Auskunftssperre gilt nur für Erziehungsberechtigte ohne Sorgerecht' });
  }
  if (value.mayExcuse && value.hasCustody === false) {
    ctx.addIssue({ code: 'custom', path: ['mayExcuse'], message: 'nur Sorgeberechtigte dürfen entschuldigen' });
  }
}
export const guardianshipSchema = guardianshipObject.superRefine(checkGuardianship);
export const updateGuardianshipSchema = guardianshipObject.partial().superRefine(checkGuardianship);
