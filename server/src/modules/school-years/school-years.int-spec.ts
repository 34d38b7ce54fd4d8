import { startTestApp, TestApp, TestClient } from '../../../test/test-app';
import { given, signedInStaff, TEST_PASSWORD } from '../../../test/given';
import { auditEntriesOf, firstError, rowOf } from '../../../test/inspect';

const CREATE_YEAR = `mutation($schoolId: ID!, $input: CreateSchoolYearInput!) {
  createSchoolYear(schoolId: $schoolId, input: $input) { id name startsOn endsOn midYearOn isCurrent version terms { number startsOn endsOn } }
}`;
const CREATE_HOLIDAY = `mutation($yearId: ID!, $input: CreateHolidayInput!) {
  createHoliday(schoolYearId: $yearId, input: $input) { id schoolYearId name startsOn endsOn kind version }
}`;

describe('school years', () => {
  let app: TestApp;
  let schoolId: string;
  let yearId: string;
  let yearStart: number;
  let adminId: string;
  let secretariatId: string;
  let admin: TestClient;
  let secretariat: TestClient;

  beforeAll(async () => {
    app = await startTestApp();
    const g = given(app.dataSource);
    const { school, year } = await g.school();
    schoolId = school.id;
    yearId = year.id;
    yearStart = Number(year.name.slice(0, 4));
    ({ id: adminId, client: admin } = await signedInStaff(app, school.id, 'SCHOOL_ADMIN', 'schuladmin'));
    ({ id: secretariatId, client: secretariat } = await signedInStaff(app, school.id, 'SECRETARIAT', 'sekretariat'));
    await g.staff(school.id, 'TEACHER', 'lehrkraft');
  });

  afterAll(() => app.close());

  describe('createSchoolYear', () => {
    it('when a school admin plans next year → should store it as not current, with its two terms, and audit it', async () => {
      const next = yearStart + 1;
      const input = { name: `${next}/${String(next + 1).slice(2)}`, startsOn: `${next}-08-01`, endsOn: `${next + 1}-07-31`, midYearOn: `${next + 1}-02-01` };

      const { createSchoolYear: year } = await admin.ok(CREATE_YEAR, { schoolId, input });

      expect(year).toEqual({
        id: expect.any(String), ...input, isCurrent: false, version: 1,
        terms: [
          { number: 1, startsOn: input.startsOn, endsOn: `${next + 1}-01-31` },
          { number: 2, startsOn: input.midYearOn, endsOn: input.endsOn },
        ],
      });
      expect(await rowOf(app.dataSource, 'school_years', year.id)).toEqual(expect.objectContaining({ school_id: schoolId, is_current: false }));
      expect(await auditEntriesOf(app.dataSource, year.id)).toEqual([{
        actorPersonId: adminId, schoolId, action: 'create', entityType: 'school_years', entityId: year.id,
        changes: Object.fromEntries(Object.entries(input).map(([k, v]) => [k, { old: null, new: v }])),
      }]);
    });

    it('when a teacher tries → should answer FORBIDDEN', async () => {
      const teacher = await app.as('lehrkraft', TEST_PASSWORD);

      const result = await teacher.gql(CREATE_YEAR, {
        schoolId, input: { name: '2040/41', startsOn: '2040-08-01', endsOn: '2041-07-31', midYearOn: '2041-02-01' },
      });

      expect(firstError(result)?.code).toBe('FORBIDDEN');
    });
  });

  describe('createHoliday', () => {
    it('when the secretariat adds a day without lessons → should store it in the school year and audit it', async () => {
      const input = { name: 'Pädagogischer Tag', startsOn: `${yearStart}-11-20`, endsOn: `${yearStart}-11-20`, kind: 'NO_LESSONS' };

      const { createHoliday: holiday } = await secretariat.ok(CREATE_HOLIDAY, { yearId, input });

      expect(holiday).toEqual({ id: expect.any(String), schoolYearId: yearId, ...input, version: 1 });
      expect(await auditEntriesOf(app.dataSource, holiday.id)).toEqual([expect.objectContaining({
        actorPersonId: secretariatId, schoolId, action: 'create', entityType: 'holidays',
        changes: { name: { old: null, new: input.name }, startsOn: { old: null, new: input.startsOn }, endsOn: { old: null, new: input.endsOn }, kind: { old: null, new: 'NO_LESSONS' } },
      })]);
    });
  });

  describe('holidays of a new school', () => {
    it('when the secretariat renames each holiday a new Berlin school got → should accept every one', async () => {
      const { carrier_id: carrierId } = (await rowOf(app.dataSource, 'schools', schoolId))!;
      await given(app.dataSource).admin({ carrierId: carrierId as string }, 'traegeradmin');
      const carrierAdmin = await app.as('traegeradmin', TEST_PASSWORD);
      const { createSchool: school } = await carrierAdmin.ok(`mutation($input: CreateSchoolInput!) { createSchool(input: $input) { id } }`, {
        input: { carrierId, schoolNumber: '09K01', name: 'Neue Grundschule', type: 'GRUNDSCHULE', federalState: 'BE' },
      });
      await given(app.dataSource).staff(school.id, 'SECRETARIAT', 'neues.sekretariat');
      const client = await app.as('neues.sekretariat', TEST_PASSWORD);
      const holidays: { id: string; name: string; version: number }[] =
        await app.dataSource.query(`SELECT id, name, version FROM holidays WHERE school_id = $1 ORDER BY starts_on`, [school.id]);

      const results = [];
      for (const h of holidays) {
        results.push(await client.gql(`mutation($id: ID!, $version: Int!, $name: String!) { updateHoliday(id: $id, version: $version, input: { name: $name }) { name } }`,
          { id: h.id, version: h.version, name: `${h.name} (Berlin)` }));
      }

      expect(holidays.length).toBeGreaterThan(0);
      expect(results.map((r, i) => [holidays[i].name, firstError(r)?.code ?? 'OK'])).toEqual(holidays.map((h) => [h.name, 'OK']));
    });
  });
});
