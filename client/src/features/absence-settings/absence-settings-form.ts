import { CombinedError } from '@urql/core';
import { updateAbsenceSettingsSchema } from '@schulverwaltung/shared';
import type { SchoolAbsenceSettingsFieldsFragment, UpdateAbsenceSettingsInput } from '@/api/generated/graphql';

// The form behind a school's absence rules. It is checked with the same zod schema the server uses
// (shared/absences), so a value out of range is named at its field before anything is sent; the
// server's answer for a field lands at the same place.

export const NUMBER_FIELDS = ['excuseDeadlineSchoolDays', 'leaveClassTeacherMaxDays', 'letterAfterUnexcusedDays', 'letterAfterUnexcusedLessons'] as const;
export const SWITCH_FIELDS = ['onlineExcuseAllowed', 'certificateOnExamDays', 'certificateNextToHolidays'] as const;
export type NumberField = (typeof NUMBER_FIELDS)[number];
export type SwitchField = (typeof SWITCH_FIELDS)[number];
export type SettingsField = keyof UpdateAbsenceSettingsInput;

/** Numbers are null while their input is empty; the topic rule is a switch and a grade. */
export type SettingsForm = Record<NumberField, number | null> & Record<SwitchField, boolean> & {
  topicRequired: boolean;
  topicRequiredFromGrade: number | null;
};

export type SettingsProblems = Partial<Record<SettingsField, string>>;

/** One field of the page: a number (always with a hint), or a switch (some with a hint). */
export type SettingsItem =
  | { kind: 'number'; field: NumberField | 'topicRequiredFromGrade'; onlyWith?: 'topicRequired' }
  | { kind: 'switch'; field: SwitchField | 'topicRequired'; hint?: boolean };

/** The page's sections (i18n absenceSettings.sections.<name>) and their fields, in order. */
export const SETTINGS_SECTIONS: readonly { name: string; items: readonly SettingsItem[] }[] = [
  { name: 'excuses', items: [{ kind: 'number', field: 'excuseDeadlineSchoolDays' }, { kind: 'switch', field: 'onlineExcuseAllowed', hint: true }] },
  { name: 'certificates', items: [{ kind: 'switch', field: 'certificateOnExamDays' }, { kind: 'switch', field: 'certificateNextToHolidays' }] },
  { name: 'leave', items: [{ kind: 'number', field: 'leaveClassTeacherMaxDays' }] },
  { name: 'letters', items: [{ kind: 'number', field: 'letterAfterUnexcusedDays' }, { kind: 'number', field: 'letterAfterUnexcusedLessons' }] },
  { name: 'register', items: [{ kind: 'switch', field: 'topicRequired' }, { kind: 'number', field: 'topicRequiredFromGrade', onlyWith: 'topicRequired' }] },
];

export function formOf(settings: SchoolAbsenceSettingsFieldsFragment): SettingsForm {
  return {
    excuseDeadlineSchoolDays: settings.excuseDeadlineSchoolDays,
    leaveClassTeacherMaxDays: settings.leaveClassTeacherMaxDays,
    letterAfterUnexcusedDays: settings.letterAfterUnexcusedDays,
    letterAfterUnexcusedLessons: settings.letterAfterUnexcusedLessons,
    onlineExcuseAllowed: settings.onlineExcuseAllowed,
    certificateOnExamDays: settings.certificateOnExamDays,
    certificateNextToHolidays: settings.certificateNextToHolidays,
    topicRequired: settings.topicRequiredFromGrade !== null && settings.topicRequiredFromGrade !== undefined,
    topicRequiredFromGrade: settings.topicRequiredFromGrade ?? null,
  };
}

/** What is sent: every rule (the version guards against overwriting someone else's change). */
function rawInputOf(form: SettingsForm): Record<SettingsField, number | boolean | null> {
  return {
    excuseDeadlineSchoolDays: form.excuseDeadlineSchoolDays,
    leaveClassTeacherMaxDays: form.leaveClassTeacherMaxDays,
    letterAfterUnexcusedDays: form.letterAfterUnexcusedDays,
    letterAfterUnexcusedLessons: form.letterAfterUnexcusedLessons,
    onlineExcuseAllowed: form.onlineExcuseAllowed,
    certificateOnExamDays: form.certificateOnExamDays,
    certificateNextToHolidays: form.certificateNextToHolidays,
    topicRequiredFromGrade: form.topicRequired ? form.topicRequiredFromGrade : null,
  };
}

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The input for the server, or the problems per field (German, from the shared rules). */
export function checkSettings(form: SettingsForm): { input: UpdateAbsenceSettingsInput } | { problems: SettingsProblems } {
  const problems: SettingsProblems = {};
  if (form.topicRequired && form.topicRequiredFromGrade === null) problems.topicRequiredFromGrade = 'Bitte geben Sie eine Jahrgangsstufe an.';
  const result = updateAbsenceSettingsSchema.safeParse(rawInputOf(form));
  if (!result.success) {
    for (const issue of result.error.issues) {
      const field = issue.path[0] as SettingsField;
      problems[field] ??= `${capitalized(issue.message)}.`;
    }
  }
  if (Object.keys(problems).length > 0) return { problems };
  return { input: result.data as UpdateAbsenceSettingsInput };
}

/** Whether the form differs from the saved rules. */
export function isChanged(form: SettingsForm, settings: SchoolAbsenceSettingsFieldsFragment): boolean {
  return JSON.stringify(rawInputOf(form)) !== JSON.stringify(rawInputOf(formOf(settings)));
}

/** The form field of a server refusal ("input.letterAfterUnexcusedDays" → "letterAfterUnexcusedDays"). */
export function settingsFieldOf(path: string | undefined): SettingsField | undefined {
  const name = path?.replace(/^input\./, '');
  const fields: readonly string[] = [...NUMBER_FIELDS, ...SWITCH_FIELDS, 'topicRequiredFromGrade'];
  return name && fields.includes(name) ? (name as SettingsField) : undefined;
}

/** A refusal of one rule by the server, placed at its field; undefined for other failures. */
export function serverProblem(error: unknown): { field: SettingsField; text: string } | undefined {
  if (!(error instanceof CombinedError)) return undefined;
  const failure = error.graphQLErrors.find((e) => e.extensions?.code === 'BAD_USER_INPUT');
  const path = failure?.extensions.field;
  const field = settingsFieldOf(typeof path === 'string' ? path : undefined);
  if (!failure || !field) return undefined;
  const rule = failure.message.startsWith(`${path}: `) ? failure.message.slice(String(path).length + 2) : failure.message;
  return { field, text: capitalized(rule) };
}
