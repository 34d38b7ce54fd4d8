import { startTestApp, TestApp, TestClient } from '../../../test/test-app';
import { given, TEST_PASSWORD } from '../../../test/given';
import { auditEntriesOf, firstError } from '../../../test/inspect';

// A school's absence settings: the defaults (version 0) until first saved, then a versioned row;
// every change audited; read by the school's members, changed by school admin and management.

const SETTINGS = `query($schoolId: ID!) {
  absenceSettings(schoolId: $schoolId) {
    schoolId version excuseDeadlineSchoolDays onlineExcuseAllowed certificateOnExamDays certificateNextToHolidays
    leaveClassTeacherMaxDays letterAfterUnexcusedDays letterAfterUnexcusedLessons topicRequiredFromGrade
  }
}`;
const UPDATE = `mutation($schoolId: ID!, $version: Int!, $input: UpdateAbsenceSettingsInput!) {
  updateAbsenceSettings(schoolId: $schoolId, version: $version, input: $input) { version letterAfterUnexcusedDays letterAfterUnexcusedLessons topicRequiredFromGrade }
}`;
const OVERVIEW = `query($classId: ID!) { classAbsenceOverview(classId: $classId, term: 1) { letterAfterUnexcusedDays rows { letterDue } } }`;

describe('absence settings', () => {
  let app: TestApp;
  let schoolId: string;
  let classId: string;
  let management: TestClient;

  beforeAll(async () => {
    app = await startTestApp();
    const g = given(app.dataSource);
    const { school, year } = await g.school();
    schoolId = school.id;
    classId = (await g.group(schoolId, year.id, '9a')).id;
    const { pupil } = await g.pupil(schoolId, year.id, classId);
    await app.dataSource.query(
      `INSERT INTO absences (school_id, school_year_id, pupil_id, kind, starts_on, ends_on, reason, status, reported_by, reported_via, reported_at)
       VALUES ($1, $2, $3, 'DAYS', '2026-11-23', '2026-11-24', 'SICK', 'UNEXCUSED', 'GUARDIAN', 'PHONE', now())`,
      [schoolId, year.id, pupil.id],
    );
    await g.staff(schoolId, 'SCHOOL_MANAGEMENT', 'schulleitung');
    await g.staff(schoolId, 'SECRETARIAT', 'sekretariat');
    await g.staff(schoolId, 'TEACHER', 'lehrkraft', 'LK');
    await g.staff((await g.school()).school.id, 'SCHOOL_MANAGEMENT', 'andere.schulleitung');
    management = await app.as('schulleitung', TEST_PASSWORD);
  });

  afterAll(() => app.close());

  const update = (client: TestClient, version: number, input: Record<string, unknown>) => client.gql(UPDATE, { schoolId, version, input });

  it('before anything is saved → the defaults with version 0, for every member of the school', async () => {
    const teacher = await app.as('lehrkraft', TEST_PASSWORD);

    expect((await teacher.ok(SETTINGS, { schoolId })).absenceSettings).toEqual({
      schoolId, version: 0, excuseDeadlineSchoolDays: 3, onlineExcuseAllowed: false, certificateOnExamDays: true, certificateNextToHolidays: false,
      leaveClassTeacherMaxDays: 2, letterAfterUnexcusedDays: 3, letterAfterUnexcusedLessons: 10, topicRequiredFromGrade: null,
    });
  });

  it('the first save (version 0) → creates the row at version 1 and audits every value', async () => {
    const saved = (await management.ok(UPDATE, { schoolId, version: 0, input: { letterAfterUnexcusedDays: 5 } })).updateAbsenceSettings;

    expect(saved).toEqual({ version: 1, letterAfterUnexcusedDays: 5, letterAfterUnexcusedLessons: 10, topicRequiredFromGrade: null });
    const [row] = await app.dataSource.query('SELECT id FROM absence_settings WHERE school_id = $1', [schoolId]);
    const [audit] = await auditEntriesOf(app.dataSource, row.id);
    expect(audit).toMatchObject({ action: 'create', entityType: 'absence_settings', schoolId });
    expect(audit.changes.letterAfterUnexcusedDays).toEqual({ old: null, new: 5 });
  });

  it('a second save with the stale version 0 → CONFLICT, nothing changed', async () => {
    expect(firstError(await update(management, 0, { letterAfterUnexcusedDays: 7 }))?.code).toBe('CONFLICT');
    expect((await management.ok(SETTINGS, { schoolId })).absenceSettings).toMatchObject({ version: 1, letterAfterUnexcusedDays: 5 });
  });

  it('a change with the current version → version 2, audited old → new; the overview uses the new threshold', async () => {
    expect(firstError(await update(management, 1, { letterAfterUnexcusedDays: 2, topicRequiredFromGrade: 11 }))).toBeUndefined();

    const [row] = await app.dataSource.query('SELECT id, version FROM absence_settings WHERE school_id = $1', [schoolId]);
    const audits = await auditEntriesOf(app.dataSource, row.id);
    expect(row.version).toBe(2);
    expect(audits[1].changes).toEqual({ letterAfterUnexcusedDays: { old: 5, new: 2 }, topicRequiredFromGrade: { old: null, new: 11 } });
    const overview = (await management.ok(OVERVIEW, { classId })).classAbsenceOverview;
    expect(overview.letterAfterUnexcusedDays).toBe(2);
    // Mon 23. and Tue 24.11. are weekdays; without a timetable they count as school days.
    expect(overview.rows).toEqual([{ letterDue: true }]);
  });

  it('a stale version of an existing row → CONFLICT', async () => {
    expect(firstError(await update(management, 1, { onlineExcuseAllowed: true }))?.code).toBe('CONFLICT');
  });

  it('values out of range → BAD_USER_INPUT naming the field', async () => {
    expect(firstError(await update(management, 2, { letterAfterUnexcusedDays: 0 }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.letterAfterUnexcusedDays' });
    expect(firstError(await update(management, 2, { letterAfterUnexcusedLessons: null }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.letterAfterUnexcusedLessons' });
  });

  it('two first saves at once → one wins, the other gets CONFLICT (one row per school)', async () => {
    const g = given(app.dataSource);
    const { school } = await g.school();
    await g.staff(school.id, 'SCHOOL_MANAGEMENT', 'schulleitung.zwei');
    const [first, second] = [await app.as('schulleitung.zwei', TEST_PASSWORD), await app.as('schulleitung.zwei', TEST_PASSWORD)];

    const results = await Promise.all([
      first.gql(UPDATE, { schoolId: school.id, version: 0, input: { letterAfterUnexcusedDays: 4 } }),
      second.gql(UPDATE, { schoolId: school.id, version: 0, input: { letterAfterUnexcusedDays: 6 } }),
    ]);

    expect(results.map((r) => firstError(r)?.code ?? 'OK').sort()).toEqual(['CONFLICT', 'OK']);
    expect(await app.dataSource.query('SELECT version FROM absence_settings WHERE school_id = $1', [school.id])).toEqual([{ version: 1 }]);
  });

  it('secretariat or teacher → FORBIDDEN to change; another school\'s management → NOT_FOUND', async () => {
    expect(firstError(await update(await app.as('sekretariat', TEST_PASSWORD), 2, { onlineExcuseAllowed: true }))?.code).toBe('FORBIDDEN');
    expect(firstError(await update(await app.as('lehrkraft', TEST_PASSWORD), 2, { onlineExcuseAllowed: true }))?.code).toBe('FORBIDDEN');
    const foreign = await app.as('andere.schulleitung', TEST_PASSWORD);
    expect(firstError(await update(foreign, 2, { onlineExcuseAllowed: true }))?.code).toBe('NOT_FOUND');
    expect(firstError(await foreign.gql(SETTINGS, { schoolId }))?.code).toBe('NOT_FOUND');
  });
});
