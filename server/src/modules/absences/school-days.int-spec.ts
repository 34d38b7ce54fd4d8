import { addDays } from '@schulverwaltung/shared';
import { startTestApp, TestApp } from '../../../test/test-app';
import { given } from '../../../test/given';
import { AbsenceSchool, givenAbsenceSchool, today, weekdayFrom } from '../../../test/given-absences';
import { firstError } from '../../../test/inspect';

// schoolDays: the next school days of a school for the secretariat's day choices ("today and
// tomorrow", "until Friday"): weekends, holidays and days without lessons are stepped over.

const SCHOOL_DAYS = `query($schoolId: ID!, $from: LocalDate, $count: Int!) { schoolDays(schoolId: $schoolId, from: $from, count: $count) }`;

describe('schoolDays', () => {
  let app: TestApp;
  let s: AbsenceSchool;
  // s.week is a Monday: a day without lessons on its Wednesday, holidays the whole week after.
  let monday: string;

  beforeAll(async () => {
    app = await startTestApp();
    s = await givenAbsenceSchool(app);
    monday = s.week;
    const g = given(app.dataSource);
    await g.holiday(s.year, { startsOn: addDays(monday, 2), endsOn: addDays(monday, 2), kind: 'NO_LESSONS' });
    await g.holiday(s.year, { startsOn: addDays(monday, 7), endsOn: addDays(monday, 11), kind: 'HOLIDAY', name: 'Herbstferien' });
  });

  afterAll(() => app.close());

  const schoolDays = async (variables: Record<string, unknown>, user: Parameters<AbsenceSchool['as']>[0] = 'secretariat'): Promise<string[]> =>
    (await (await s.as(user)).ok(SCHOOL_DAYS, { schoolId: s.schoolId, ...variables })).schoolDays;

  it('from a school day → should start with that day and skip the day without lessons', async () => {
    expect(await schoolDays({ from: monday, count: 4 })).toEqual([monday, addDays(monday, 1), addDays(monday, 3), addDays(monday, 4)]);
  });

  it('from a Saturday → should start with the Monday after', async () => {
    expect(await schoolDays({ from: addDays(monday, -2), count: 2 })).toEqual([monday, addDays(monday, 1)]);
  });

  it('across the weekend and the holidays → Thursday, Friday, then the Monday after the holidays', async () => {
    expect(await schoolDays({ from: addDays(monday, 3), count: 3 })).toEqual([addDays(monday, 3), addDays(monday, 4), addDays(monday, 14)]);
  });

  it('from inside the holidays → should start with the first school day after them', async () => {
    expect(await schoolDays({ from: addDays(monday, 9), count: 1 })).toEqual([addDays(monday, 14)]);
  });

  it('without a day → should start today, or the next school day when today is none', async () => {
    const [first] = await schoolDays({ count: 1 });

    expect(first).toBe(weekdayFrom(today()));
  });

  it.each([0, 32])('when count is %s → should answer BAD_USER_INPUT', async (count) => {
    const result = await (await s.as('secretariat')).gql(SCHOOL_DAYS, { schoolId: s.schoolId, from: monday, count });

    expect(firstError(result)).toEqual(expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'count' }));
  });

  it('teachers, guardians and pupils of the school should read them too', async () => {
    for (const user of ['teacher', 'mother', 'pupil'] as const) expect(await schoolDays({ from: monday, count: 1 }, user)).toEqual([monday]);
  });

  it('another school\'s office → should answer NOT_FOUND', async () => {
    const result = await (await s.as('otherSecretariat')).gql(SCHOOL_DAYS, { schoolId: s.schoolId, from: monday, count: 1 });

    expect(firstError(result)).toEqual(expect.objectContaining({ code: 'NOT_FOUND' }));
  });
});
