import { randomUUID } from 'node:crypto';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { addDays, weekday } from '@schulverwaltung/shared';
import { startTestApp, TestApp, TestClient } from '../../test/test-app';
import { given, TEST_PASSWORD } from '../../test/given';
import { SchoolYearEntity } from '../modules/school-years/school-year.entity';
import { auditEntriesOf, firstError, rowOf } from '../../test/inspect';

// Every mutation that takes (id, version, …): the current version applies the change and returns
// version + 1; a stale one answers CONFLICT and leaves the row, its related rows and the audit log alone.

interface Target {
  /** The row whose version the mutation checks. */
  table: string;
  id: string;
  /** Variables besides id and version. */
  variables: Record<string, unknown>;
  /** Further rows the mutation would touch, as [table, id]. */
  related?: [string, string][];
  /** SQL listing further rows the mutation would change (e.g. the group's class teachers), with $1 = id. */
  relatedSql?: string;
  /** Sign in as this user instead of the case's role. */
  login?: string;
}

interface LockCase {
  mutation: string;
  document: string;
  as: 'admin' | 'carrierAdmin';
  arrange(): Promise<Target>;
  /** What the current-version call must have changed in the stored row. */
  expectApplied(row: Record<string, unknown> | undefined, target: Target): void | Promise<void>;
  /** Where the answer carries the new version, when not as result.version. */
  versionOf?(result: Record<string, any>): number;
}

let counter = 0;
const unique = (prefix: string) => `${prefix}${++counter}`;

const ATTENDANCE_OF_ABSENCE = `SELECT att.status FROM absence_lessons al
  JOIN register_entries re ON re.lesson_lineage_id = al.lesson_lineage_id AND re.date = al.date AND re.period = al.period
  JOIN attendance att ON att.register_entry_id = re.id AND att.pupil_id = al.pupil_id WHERE al.absence_id = $1`;

const update = (name: string, input: string, selection = 'version') =>
  `mutation($id: ID!, $version: Int!, $input: ${input}!) { result: ${name}(id: $id, version: $version, input: $input) { ${selection} } }`;

describe('optimistic locking', () => {
  let app: TestApp;
  let admin: TestClient;
  let carrierAdmin: TestClient;
  let school: { id: string; carrierId: string };
  let yearId: string;
  let currentYear: SchoolYearEntity;
  let teacherPersonId: string;

  beforeAll(async () => {
    app = await startTestApp();
    const g = given(app.dataSource);
    const built = await g.school();
    school = built.school;
    currentYear = built.year;
    yearId = built.year.id;
    await g.staff(school.id, 'SCHOOL_ADMIN', 'schuladmin');
    teacherPersonId = (await g.staff(school.id, 'TEACHER', 'lehrkraft', 'LK')).id;
    await g.admin({ carrierId: school.carrierId }, 'traegeradmin');
    admin = await app.as('schuladmin', TEST_PASSWORD);
    carrierAdmin = await app.as('traegeradmin', TEST_PASSWORD);
  });

  afterAll(() => app.close());

  const g = () => given(app.dataSource);

  const cases: LockCase[] = [
    {
      mutation: 'updateSchoolCarrier', as: 'carrierAdmin', document: update('updateSchoolCarrier', 'UpdateSchoolCarrierInput'),
      arrange: async () => ({ table: 'school_carriers', id: school.carrierId, variables: { input: { name: 'Bezirksamt Neustadt' } } }),
      expectApplied: (row) => expect(row?.name).toBe('Bezirksamt Neustadt'),
    },
    {
      mutation: 'updateSchool', as: 'admin', document: update('updateSchool', 'UpdateSchoolInput'),
      arrange: async () => ({ table: 'schools', id: school.id, variables: { input: { name: 'Humboldt-Gymnasium' } } }),
      expectApplied: (row) => expect(row?.name).toBe('Humboldt-Gymnasium'),
    },
    {
      mutation: 'updateSchoolYear', as: 'admin', document: update('updateSchoolYear', 'UpdateSchoolYearInput'),
      arrange: async () => {
        const next = await g().schoolYear(school.id, 2030 + ++counter);
        return { table: 'school_years', id: next.id, variables: { input: { midYearOn: next.midYearOn.replace(/-01$/, '-10') } } };
      },
      expectApplied: (row) => expect(row?.mid_year_on).toMatch(/-02-10$/),
    },
    {
      mutation: 'setCurrentSchoolYear', as: 'admin',
      document: `mutation($id: ID!, $version: Int!) { result: setCurrentSchoolYear(id: $id, version: $version) { version isCurrent } }`,
      // Its own school, so the other tests keep their current year.
      arrange: async () => {
        const other = await g().school({ carrierId: school.carrierId });
        await g().staff(other.school.id, 'SCHOOL_ADMIN', `admin${other.school.schoolNumber}`);
        const next = await g().schoolYear(other.school.id, 2031);
        return { table: 'school_years', id: next.id, variables: {}, related: [['school_years', other.year.id]], login: `admin${other.school.schoolNumber}` };
      },
      expectApplied: async (row, target) => {
        expect(row?.is_current).toBe(true);
        expect((await rowOf(app.dataSource, 'school_years', target.related![0][1]))?.is_current).toBe(false);
      },
    },
    {
      mutation: 'updateHoliday', as: 'admin', document: update('updateHoliday', 'UpdateHolidayInput'),
      arrange: async () => ({ table: 'holidays', id: (await g().holiday(currentYear)).id, variables: { input: { name: 'Studientag' } } }),
      expectApplied: (row) => expect(row?.name).toBe('Studientag'),
    },
    {
      mutation: 'deleteHoliday', as: 'admin',
      document: `mutation($id: ID!, $version: Int!) { result: deleteHoliday(id: $id, version: $version) }`,
      arrange: async () => ({ table: 'holidays', id: (await g().holiday(currentYear)).id, variables: {} }),
      expectApplied: (row) => expect(row).toBeUndefined(),
    },
    {
      mutation: 'updatePupil', as: 'admin', document: update('updatePupil', 'UpdatePupilInput'),
      arrange: async () => {
        const { pupil } = await g().pupil(school.id, yearId, null, { lastName: 'Alt' });
        return { table: 'pupils', id: pupil.id, variables: { input: { lastName: 'Neu' } }, related: [['persons', pupil.personId]] };
      },
      expectApplied: async (_row, target) => expect((await rowOf(app.dataSource, 'persons', target.related![0][1]))?.last_name).toBe('Neu'),
    },
    {
      mutation: 'updateEnrolment', as: 'admin', document: update('updateEnrolment', 'UpdateEnrolmentInput'),
      arrange: async () => {
        const { pupil } = await g().pupil(school.id, yearId, null);
        const [enrolment] = await app.dataSource.query(`SELECT id FROM enrolments WHERE pupil_id = $1`, [pupil.id]);
        return { table: 'enrolments', id: enrolment.id, variables: { input: { status: 'ON_LEAVE' } } };
      },
      expectApplied: (row) => expect(row?.status).toBe('ON_LEAVE'),
    },
    {
      mutation: 'updateGuardianship', as: 'admin', document: update('updateGuardianship', 'UpdateGuardianshipInput'),
      arrange: async () => {
        const { pupil } = await g().pupil(school.id, yearId, null);
        const link = await g().guardianship(pupil, (await g().person()).id);
        return { table: 'guardianships', id: link.id, variables: { input: { receivesMail: false } } };
      },
      expectApplied: (row) => expect(row?.receives_mail).toBe(false),
    },
    {
      mutation: 'updateMembership', as: 'admin', document: update('updateMembership', 'UpdateMembershipInput'),
      arrange: async () => {
        const person = await g().staff(school.id, 'TEACHER', unique('lk'), 'ALT');
        const [membership] = await app.dataSource.query(`SELECT id FROM memberships WHERE person_id = $1`, [person.id]);
        return { table: 'memberships', id: membership.id, variables: { input: { abbreviation: 'NEU' } } };
      },
      expectApplied: (row) => expect(row?.abbreviation).toBe('NEU'),
    },
    {
      mutation: 'updateGroup', as: 'admin', document: update('updateGroup', 'UpdateGroupInput'),
      arrange: async () => ({ table: 'groups', id: (await g().group(school.id, yearId, unique('8'))).id, variables: { input: { name: '8z' } } }),
      expectApplied: (row) => expect(row?.name).toBe('8z'),
    },
    {
      mutation: 'setClassTeachers', as: 'admin',
      document: `mutation($id: ID!, $version: Int!, $personIds: [ID!]!) { result: setClassTeachers(id: $id, version: $version, personIds: $personIds) { version } }`,
      arrange: async () => ({
        table: 'groups', id: (await g().group(school.id, yearId, unique('9'))).id, variables: { personIds: [teacherPersonId] },
        relatedSql: `SELECT person_id, role, position FROM group_members WHERE group_id = $1 ORDER BY position`,
      }),
      expectApplied: async (_row, target) => {
        const members = await app.dataSource.query(target.relatedSql!, [target.id]);
        expect(members).toEqual([{ person_id: teacherPersonId, role: 'CLASS_TEACHER', position: 0 }]);
      },
    },
    {
      mutation: 'setGroupTeachers', as: 'admin',
      document: `mutation($id: ID!, $version: Int!, $personIds: [ID!]!) { result: setGroupTeachers(id: $id, version: $version, personIds: $personIds) { version } }`,
      arrange: async () => ({
        table: 'groups', id: (await g().group(school.id, yearId, unique('ma-G'), 'COURSE', 11)).id, variables: { personIds: [teacherPersonId] },
        relatedSql: `SELECT person_id, role FROM group_members WHERE group_id = $1`,
      }),
      expectApplied: async (_row, target) => {
        expect(await app.dataSource.query(target.relatedSql!, [target.id])).toEqual([{ person_id: teacherPersonId, role: 'TEACHER' }]);
      },
    },
    {
      mutation: 'setGroupPupils', as: 'admin',
      document: `mutation($id: ID!, $version: Int!, $pupilIds: [ID!]!) { result: setGroupPupils(id: $id, version: $version, pupilIds: $pupilIds) { version } }`,
      arrange: async () => {
        const course = await g().group(school.id, yearId, unique('de-G'), 'COURSE', 11);
        const { pupil } = await g().pupil(school.id, yearId, null);
        return {
          table: 'groups', id: course.id, variables: { pupilIds: [pupil.id] }, pupilPersonId: pupil.personId,
          relatedSql: `SELECT person_id, role FROM group_members WHERE group_id = $1`,
        };
      },
      expectApplied: async (_row, target) => {
        expect(await app.dataSource.query(target.relatedSql!, [target.id])).toEqual([{ person_id: (target as Target & { pupilPersonId: string }).pupilPersonId, role: 'PUPIL' }]);
      },
    },
    {
      mutation: 'updateSubject', as: 'admin', document: update('updateSubject', 'UpdateSubjectInput'),
      arrange: async () => ({ table: 'subjects', id: (await g().subject(school.id)).id, variables: { input: { name: 'Informatik' } } }),
      expectApplied: (row) => expect(row?.name).toBe('Informatik'),
    },
    {
      mutation: 'updateRoom', as: 'admin', document: update('updateRoom', 'UpdateRoomInput'),
      arrange: async () => ({ table: 'rooms', id: (await g().room(school.id)).id, variables: { input: { capacity: 32 } } }),
      expectApplied: (row) => expect(row?.capacity).toBe(32),
    },
    {
      // Keyed by the school (one row each): the id variable is the row's, the mutation takes schoolId.
      mutation: 'updateAbsenceSettings', as: 'admin',
      document: `mutation($schoolId: ID!, $version: Int!, $input: UpdateAbsenceSettingsInput!) {
        result: updateAbsenceSettings(schoolId: $schoolId, version: $version, input: $input) { version } }`,
      arrange: async () => {
        await app.dataSource.query('DELETE FROM absence_settings WHERE school_id = $1', [school.id]);
        const [row] = await app.dataSource.query('INSERT INTO absence_settings (school_id) VALUES ($1) RETURNING id', [school.id]);
        return { table: 'absence_settings', id: row.id, variables: { schoolId: school.id, input: { letterAfterUnexcusedDays: 5 } } };
      },
      expectApplied: (row) => expect(row?.letter_after_unexcused_days).toBe(5),
    },
    // Absences: rows as the entry writes them, for pupils of their own (this school has no timetable).
    {
      mutation: 'updateAbsence', as: 'admin', document: update('updateAbsence', 'UpdateAbsenceInput'),
      arrange: async () => ({ table: 'absences', id: await absenceRow(), variables: { input: { note: 'Fieber' } } }),
      expectApplied: (row) => expect(row?.note).toBe('Fieber'),
    },
    {
      mutation: 'deleteAbsence', as: 'admin',
      document: `mutation($id: ID!, $version: Int!) { result: deleteAbsence(id: $id, version: $version) }`,
      arrange: async () => ({ table: 'absences', id: await absenceRow(), variables: {} }),
      expectApplied: (row) => expect(row).toBeUndefined(),
    },
    {
      mutation: 'undoAbsenceMerge', as: 'admin',
      document: `mutation($id: ID!, $version: Int!) { result: undoAbsenceMerge(id: $id, version: $version) { absence { version } } }`,
      arrange: async () => ({ table: 'absences', id: await mergedAbsenceRow(), variables: {} }),
      versionOf: (result) => (result as { absence: { version: number } }).absence.version,
      expectApplied: (row) => expect(row?.ends_on).toBe(row?.starts_on),
    },
    {
      mutation: 'recordExcuseReceived', as: 'admin',
      document: `mutation($id: ID!, $version: Int!) { result: recordExcuseReceived(id: $id, version: $version) { version } }`,
      arrange: async () => ({ table: 'absences', id: await absenceRow(), variables: {} }),
      expectApplied: (row) => expect(row?.excuse_received_on).not.toBeNull(),
    },
    {
      mutation: 'recordCertificate', as: 'admin',
      document: `mutation($id: ID!, $version: Int!) { result: recordCertificate(id: $id, version: $version) { version } }`,
      arrange: async () => ({ table: 'absences', id: await absenceRow(), variables: {} }),
      expectApplied: (row) => expect(row?.certificate_received_on).not.toBeNull(),
    },
    {
      mutation: 'decideLeave', as: 'admin',
      document: `mutation($id: ID!, $version: Int!) { result: decideLeave(id: $id, version: $version, approve: true) { version } }`,
      arrange: async () => ({ table: 'absences', id: await absenceRow({ reason: 'LEAVE', leaveStatus: 'REQUESTED' }), variables: {} }),
      expectApplied: (row) => expect(row).toEqual(expect.objectContaining({ leave_status: 'APPROVED', status: 'EXCUSED' })),
    },
    {
      // The register showed the pupil present in a lesson the absence covers; rejecting corrects the register.
      mutation: 'resolveRegisterConflict', as: 'admin',
      document: `mutation($id: ID!, $version: Int!) { result: resolveRegisterConflict(absenceId: $id, version: $version, confirm: false) { absences { version } } }`,
      versionOf: (result) => result.absences[0].version,
      arrange: async () => {
        const id = await absenceRow();
        await registerConflictOf(id);
        return { table: 'absences', id, variables: {}, relatedSql: ATTENDANCE_OF_ABSENCE };
      },
      expectApplied: async (_row, target) => expect(await app.dataSource.query(ATTENDANCE_OF_ABSENCE, [target.id])).toEqual([{ status: 'ABSENT' }]),
    },
  ];

  /** An absence (a whole day, or a leave request) of a new pupil on a school day of the current year. */
  async function absenceRow(values: { reason?: string; leaveStatus?: string } = {}): Promise<string> {
    const { pupil } = await g().pupil(school.id, yearId, null);
    let day = addDays(currentYear.startsOn, 14);
    while (weekday(day) > 5) day = addDays(day, 1);
    const [row] = await app.dataSource.query(
      `INSERT INTO absences (school_id, school_year_id, pupil_id, kind, starts_on, ends_on, reason, reported_by, reported_via, reported_at, leave_status)
       VALUES ($1, $2, $3, 'DAYS', $4, $4, $5, 'GUARDIAN', 'PHONE', now(), $6) RETURNING id`,
      [school.id, yearId, pupil.id, day, values.reason ?? 'SICK', values.leaveStatus ?? null]);
    return row.id;
  }

  /** An absence a quick entry widened by a day (a merge, as its audit trail says). */
  async function mergedAbsenceRow(): Promise<string> {
    const id = await absenceRow();
    const [{ starts_on: day }] = await app.dataSource.query('SELECT starts_on FROM absences WHERE id = $1', [id]);
    let next = addDays(day, 1);
    while (weekday(next) > 5) next = addDays(next, 1);
    await app.dataSource.query('UPDATE absences SET ends_on = $2 WHERE id = $1', [id, next]);
    await app.dataSource.query(`INSERT INTO audit_log (school_id, action, entity_type, entity_id, changes) VALUES ($1, 'update', 'absences', $2, $3)`,
      [school.id, id, JSON.stringify({ endsOn: { old: day, new: next } })]);
    return id;
  }

  /** A recorded lesson with the absent pupil marked present, and the absence's link to it. */
  async function registerConflictOf(absenceId: string): Promise<void> {
    const [absence] = await app.dataSource.query('SELECT pupil_id, starts_on FROM absences WHERE id = $1', [absenceId]);
    const lesson = { lineage: randomUUID(), id: randomUUID() };
    await app.dataSource.query(`INSERT INTO absence_lessons (absence_id, date, period, lesson_lineage_id, school_id, pupil_id, lesson_id)
      VALUES ($1, $2, 1, $3, $4, $5, $6)`, [absenceId, absence.starts_on, lesson.lineage, school.id, absence.pupil_id, lesson.id]);
    const [entry] = await app.dataSource.query(`INSERT INTO register_entries (school_id, lesson_lineage_id, lesson_id, date, period)
      VALUES ($1, $2, $3, $4, 1) RETURNING id`, [school.id, lesson.lineage, lesson.id, absence.starts_on]);
    await app.dataSource.query(`INSERT INTO attendance (school_id, register_entry_id, pupil_id, status) VALUES ($1, $2, $3, 'PRESENT')`,
      [school.id, entry.id, absence.pupil_id]);
  }

  const clientFor = async (c: LockCase, target: Target) => {
    if (target.login) return app.as(target.login, TEST_PASSWORD);
    return c.as === 'admin' ? admin : carrierAdmin;
  };

  /** Everything a stale call must leave alone. */
  const snapshot = async (target: Target) => ({
    row: await rowOf(app.dataSource, target.table, target.id),
    related: await Promise.all((target.related ?? []).map(([table, id]) => rowOf(app.dataSource, table, id))),
    relatedRows: target.relatedSql ? await app.dataSource.query(target.relatedSql, [target.id]) : [],
    audit: await auditEntriesOf(app.dataSource, target.id),
  });

  it('should cover every mutation of the schema that takes a version', () => {
    const mutations = Object.values(app.server.app.get(GraphQLSchemaHost).schema.getMutationType()!.getFields());
    const versioned = mutations.filter((m) => m.args.some((a) => a.name === 'version')).map((m) => m.name);

    expect(cases.map((c) => c.mutation).sort()).toEqual(versioned.sort());
  });

  describe.each(cases)('$mutation', (c) => {
    it('when the version is current → should apply the change and return version + 1', async () => {
      const target = await c.arrange();
      const before = await rowOf(app.dataSource, target.table, target.id);
      const client = await clientFor(c, target);

      const result = await client.gql(c.document, { id: target.id, version: before!.version, ...target.variables });

      expect(result.errors).toBeUndefined();
      const after = await rowOf(app.dataSource, target.table, target.id);
      if (c.mutation.startsWith('delete')) {
        expect(result.data?.result).toBe(target.id);
      } else {
        expect(c.versionOf ? c.versionOf(result.data?.result) : result.data?.result.version).toBe(Number(before!.version) + 1);
        expect(after?.version).toBe(Number(before!.version) + 1);
      }
      await c.expectApplied(after, target);
    });

    it('when the version is stale → should answer CONFLICT and change nothing', async () => {
      const target = await c.arrange();
      // Someone else saved the row in the meantime.
      await app.dataSource.query(`UPDATE ${target.table} SET version = version + 1 WHERE id = $1`, [target.id]);
      const before = await snapshot(target);
      const client = await clientFor(c, target);

      const result = await client.gql(c.document, { id: target.id, version: Number(before.row!.version) - 1, ...target.variables });

      expect(firstError(result)?.code).toBe('CONFLICT');
      expect(result.data?.result ?? null).toBeNull();
      expect(await snapshot(target)).toEqual(before);
    });
  });

  describe('updatePupil', () => {
    it('when pupil and person fields change together → should bump the version exactly once', async () => {
      const { pupil } = await g().pupil(school.id, yearId, null, { lastName: 'Vorher' });

      const result = await admin.ok(update('updatePupil', 'UpdatePupilInput', 'version lastName masterData { photoConsent }'),
        { id: pupil.id, version: 1, input: { lastName: 'Nachher', photoConsent: true } });

      expect(result.result).toEqual({ version: 2, lastName: 'Nachher', masterData: { photoConsent: true } });
    });

    it('when several editors save the same version at once → should accept exactly one of them', async () => {
      const { pupil } = await g().pupil(school.id, yearId, null, { lastName: 'Gleichzeitig' });
      const editors = await Promise.all([1, 2, 3, 4].map(() => app.as('schuladmin', TEST_PASSWORD)));

      const results = await Promise.all(editors.map((client, i) =>
        client.gql(update('updatePupil', 'UpdatePupilInput'), { id: pupil.id, version: 1, input: { lastName: `Name${i}` } })));

      const codes = results.map((r) => firstError(r)?.code ?? 'OK').sort();
      expect(codes).toEqual(['CONFLICT', 'CONFLICT', 'CONFLICT', 'OK']);
      expect((await rowOf(app.dataSource, 'pupils', pupil.id))?.version).toBe(2);
    });
  });
});
