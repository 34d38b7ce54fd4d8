import { ABSENCE_SETTINGS_DEFAULTS } from '@schulverwaltung/shared';
import { CombinedError } from '@urql/core';
import { GraphQLError } from 'graphql';
import { checkSettings, formOf, isChanged, serverProblem, SETTINGS_SECTIONS, settingsFieldOf } from './absence-settings-form';

const saved = { ...ABSENCE_SETTINGS_DEFAULTS, schoolId: 'gym', version: 0 };

describe('absence settings form', () => {
  it('the saved rules → an unchanged form that passes the shared rules as they are', () => {
    const form = formOf(saved);

    expect(isChanged(form, saved)).toBe(false);
    expect(form.topicRequired).toBe(false);
    expect(checkSettings(form)).toEqual({ input: { ...ABSENCE_SETTINGS_DEFAULTS } });
  });

  it('a switched rule → changed, and sent', () => {
    const form = { ...formOf(saved), onlineExcuseAllowed: true };

    expect(isChanged(form, saved)).toBe(true);
    expect(checkSettings(form)).toEqual({ input: expect.objectContaining({ onlineExcuseAllowed: true }) });
  });

  it('the topic rule → the grade when switched on, null (never) when off', () => {
    const on = { ...formOf(saved), topicRequired: true, topicRequiredFromGrade: 11 };
    const off = { ...on, topicRequired: false };

    expect(checkSettings(on)).toEqual({ input: expect.objectContaining({ topicRequiredFromGrade: 11 }) });
    expect(checkSettings(off)).toEqual({ input: expect.objectContaining({ topicRequiredFromGrade: null }) });
    expect(isChanged(off, saved)).toBe(false);
    expect(formOf({ ...saved, topicRequiredFromGrade: 11 })).toEqual(expect.objectContaining({ topicRequired: true, topicRequiredFromGrade: 11 }));
  });

  it('out of range, empty or missing values → German problems at their fields', () => {
    const form = { ...formOf(saved), excuseDeadlineSchoolDays: 31, letterAfterUnexcusedDays: 0, leaveClassTeacherMaxDays: null, topicRequired: true, topicRequiredFromGrade: null };

    expect(checkSettings(form)).toEqual({
      problems: {
        excuseDeadlineSchoolDays: 'Darf höchstens 30 sein.',
        letterAfterUnexcusedDays: 'Muss mindestens 1 sein.',
        leaveClassTeacherMaxDays: 'Muss eine Zahl sein.',
        topicRequiredFromGrade: 'Bitte geben Sie eine Jahrgangsstufe an.',
      },
    });
  });

  it('settingsFieldOf → the form field of a server path, or undefined', () => {
    expect(settingsFieldOf('input.letterAfterUnexcusedDays')).toBe('letterAfterUnexcusedDays');
    expect(settingsFieldOf('input.topicRequiredFromGrade')).toBe('topicRequiredFromGrade');
    expect(settingsFieldOf('schoolId')).toBeUndefined();
    expect(settingsFieldOf(undefined)).toBeUndefined();
  });
});

describe('serverProblem', () => {
  const refusal = (message: string, field: string) =>
    new CombinedError({ graphQLErrors: [new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', field } })] });

  it('a rule refused by the server → at its field, without the argument path', () => {
    expect(serverProblem(refusal('input.letterAfterUnexcusedDays: muss mindestens 1 sein', 'input.letterAfterUnexcusedDays')))
      .toEqual({ field: 'letterAfterUnexcusedDays', text: 'Muss mindestens 1 sein' });
  });

  it('another field or failure → undefined', () => {
    expect(serverProblem(refusal('schoolId: ungültig', 'schoolId'))).toBeUndefined();
    expect(serverProblem(new Error('x'))).toBeUndefined();
  });
});

describe('settings sections', () => {
  it('should show every field of the form once', () => {
    const shown = SETTINGS_SECTIONS.flatMap((section) => section.items.map((item) => item.field));

    expect([...shown].sort()).toEqual(Object.keys(formOf(saved)).sort());
  });
});
