import { startTestApp, TestApp, TestClient } from '../../../test/test-app';
import { given, signedInStaff, TEST_PASSWORD } from '../../../test/given';
import { auditEntriesOf, firstError } from '../../../test/inspect';

// The time grid (Zeitraster) of a school: read by everyone at the school, replaced as a whole by
// the school admin or the school management, validated, and audited as one change.

const TIME_GRID = `query($schoolId: ID!) { timeGrid(schoolId: $schoolId) { schoolId weekday period startsAt endsAt label } }`;
const SET_TIME_GRID = `mutation($schoolId: ID!, $periods: [TimeGridPeriodInput!]!) {
  setTimeGrid(schoolId: $schoolId, periods: $periods) { weekday period startsAt endsAt label }
}`;

const period = (weekday: number, number: number, startsAt: string, endsAt: string, label: string | null = null) => ({ weekday, period: number, startsAt, endsAt, label });
const MONDAY_AND_TUESDAY = [
  period(2, 1, '08:00', '08:45'), period(1, 2, '08:50', '09:35'), period(1, 1, '08:00', '08:45', '1. Stunde'), period(2, 2, '08:50', '09:35'),
];

describe('time grid', () => {
  let app: TestApp;
  let schoolId: string;
  let adminId: string;
  let admin: TestClient;

  beforeAll(async () => {
    app = await startTestApp();
    const { school } = await given(app.dataSource).school();
    schoolId = school.id;
    ({ id: adminId, client: admin } = await signedInStaff(app, schoolId, 'SCHOOL_ADMIN', 'schuladmin'));
  });

  afterAll(() => app.close());

  async function gridOf(client: TestClient = admin) {
    return (await client.ok(TIME_GRID, { schoolId })).timeGrid;
  }

  describe('setTimeGrid', () => {
    it('when the school admin sets the grid → should store it ordered by weekday and period, readable by teachers, and audit it', async () => {
      await signedInStaff(app, schoolId, 'TEACHER', 'lehrkraft');
      const teacher = await app.as('lehrkraft', TEST_PASSWORD);

      const { setTimeGrid } = await admin.ok(SET_TIME_GRID, { schoolId, periods: MONDAY_AND_TUESDAY });
      const seenByTeacher = await gridOf(teacher);

      expect(setTimeGrid.map((p: { weekday: number; period: number }) => `${p.weekday}/${p.period}`)).toEqual(['1/1', '1/2', '2/1', '2/2']);
      expect(setTimeGrid[0]).toEqual(period(1, 1, '08:00', '08:45', '1. Stunde'));
      expect(seenByTeacher).toHaveLength(4);
      const audit = (await auditEntriesOf(app.dataSource, schoolId)).filter((entry) => entry.entityType === 'time_grid_periods');
      expect(audit.at(-1)).toEqual(expect.objectContaining({ actorPersonId: adminId, schoolId, action: 'update' }));
      expect((audit.at(-1)?.changes.periods.new as unknown[])).toHaveLength(4);
    });

    it('when the school management replaces it with fewer periods → should keep only the new ones', async () => {
      const { client: management } = await signedInStaff(app, schoolId, 'SCHOOL_MANAGEMENT', 'schulleitung');

      await management.ok(SET_TIME_GRID, { schoolId, periods: [period(1, 1, '07:55', '08:40')] });

      expect(await gridOf()).toEqual([{ schoolId, ...period(1, 1, '07:55', '08:40') }]);
    });

    it('when two periods of a day overlap → should answer BAD_USER_INPUT on the later one and keep the grid', async () => {
      await admin.ok(SET_TIME_GRID, { schoolId, periods: MONDAY_AND_TUESDAY });

      const result = await admin.gql(SET_TIME_GRID, { schoolId, periods: [period(3, 1, '08:00', '08:45'), period(3, 2, '08:30', '09:15')] });

      expect(firstError(result)).toEqual(expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'periods.1.startsAt' }));
      expect(await gridOf()).toHaveLength(4);
    });

    it('when a time is not HH:MM → should answer BAD_USER_INPUT naming the field', async () => {
      const result = await admin.gql(SET_TIME_GRID, { schoolId, periods: [period(1, 1, '8 Uhr', '08:45')] });

      expect(firstError(result)).toEqual(expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'periods.0.startsAt' }));
    });

    it.each([['SECRETARIAT', 'sekretariat'], ['TEACHER', 'lehrerin']] as const)('when the %s tries → should answer FORBIDDEN', async (role, username) => {
      const { client } = await signedInStaff(app, schoolId, role, username);

      const result = await client.gql(SET_TIME_GRID, { schoolId, periods: [] });

      expect(firstError(result)?.code).toBe('FORBIDDEN');
    });

    it('when the admin of another school tries → should answer FORBIDDEN and change nothing', async () => {
      const before = await gridOf();
      const { school: other } = await given(app.dataSource).school();
      const { client: stranger } = await signedInStaff(app, other.id, 'SCHOOL_ADMIN', 'fremder.admin');

      const result = await stranger.gql(SET_TIME_GRID, { schoolId, periods: [] });

      expect(firstError(result)?.code).toBe('FORBIDDEN');
      expect(await gridOf()).toEqual(before);
    });
  });
});
