import { z } from 'zod';
import type { AbsenceFigures } from './absence-counting';

// A school's absence rules. Defaults apply while the school has saved none (the same values as the
// database defaults of absence_settings).

export interface AbsenceSettingsValues {
  excuseDeadlineSchoolDays: number;
  onlineExcuseAllowed: boolean;
  certificateOnExamDays: boolean;
  certificateNextToHolidays: boolean;
  leaveClassTeacherMaxDays: number;
  letterAfterUnexcusedDays: number;
  letterAfterUnexcusedLessons: number;
  topicRequiredFromGrade: number | null;
}

export const ABSENCE_SETTINGS_DEFAULTS: AbsenceSettingsValues = {
  excuseDeadlineSchoolDays: 3,
  onlineExcuseAllowed: false,
  certificateOnExamDays: true,
  certificateNextToHolidays: false,
  leaveClassTeacherMaxDays: 2,
  letterAfterUnexcusedDays: 3,
  letterAfterUnexcusedLessons: 10,
  topicRequiredFromGrade: null,
};

const wholeNumber = (min: number, max: number) =>
  z.number({ message: 'muss eine Zahl sein' }).int({ message: 'muss eine ganze Zahl sein' })
    .min(min, { message: `muss mindestens ${min} sein` }).max(max, { message: `darf höchstens ${max} sein` });

/** A change of some settings; fields left out stay as they are. */
export const updateAbsenceSettingsSchema = z.object({
  excuseDeadlineSchoolDays: wholeNumber(0, 30).optional(),
  onlineExcuseAllowed: z.boolean().optional(),
  certificateOnExamDays: z.boolean().optional(),
  certificateNextToHolidays: z.boolean().optional(),
  leaveClassTeacherMaxDays: wholeNumber(0, 30).optional(),
  letterAfterUnexcusedDays: wholeNumber(1, 100).optional(),
  letterAfterUnexcusedLessons: wholeNumber(1, 1000).optional(),
  topicRequiredFromGrade: wholeNumber(1, 13).nullable().optional(),
});
export type UpdateAbsenceSettings = z.infer<typeof updateAbsenceSettingsSchema>;

/** The class teacher is prompted to write to the guardians from this many unexcused days or lessons on. */
export function isLetterDue(
  figures: Pick<AbsenceFigures, 'daysUnexcused' | 'lessonsUnexcused'>,
  settings: Pick<AbsenceSettingsValues, 'letterAfterUnexcusedDays' | 'letterAfterUnexcusedLessons'>,
): boolean {
  return figures.daysUnexcused >= settings.letterAfterUnexcusedDays || figures.lessonsUnexcused >= settings.letterAfterUnexcusedLessons;
}
