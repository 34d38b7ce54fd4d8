import { z } from 'zod';
import { FEDERAL_STATES, SCHOOL_TYPES } from '../enums';
import { optionalText, postalCode, requiredText } from './common';

export const schoolCarrierFields = {
  name: requiredText(200),
  federalState: z.enum(FEDERAL_STATES),
};
export const createSchoolCarrierSchema = z.object(schoolCarrierFields);
export const updateSchoolCarrierSchema = z.object(schoolCarrierFields).partial();

export const schoolFields = {
  schoolNumber: z.string().trim().regex(/^[0-9A-Z]{3,12}$/, { message: 'muss eine amtliche Schulnummer sein (3–12 Ziffern oder Großbuchstaben)' }),
  name: requiredText(200),
  type: z.enum(SCHOOL_TYPES),
  street: optionalText(200),
  postalCode,
  city: optionalText(100),
  federalState: z.enum(FEDERAL_STATES),
};
export const createSchoolSchema = z.object(schoolFields);
export const updateSchoolSchema = z.object(schoolFields).partial();
