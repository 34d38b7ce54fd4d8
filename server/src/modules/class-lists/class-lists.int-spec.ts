import ExcelJS from 'exceljs';
import { berlinDate } from '@schulverwaltung/shared';
import { startTestApp, TestApp, TestClient } from '../../../test/test-app';
import { given, TEST_PASSWORD } from '../../../test/given';

// GET /api/groups/:id/class-list.csv|.xlsx with the session cookie: the file German Excel opens
// by double-click, for those who may export the class list, and nothing for anyone else.

const HEADER = 'Nr.;Nachname;Vorname;Geburtsdatum;Geschlecht';
const errorOf = async (response: Response) => ((await response.json()) as { error: { code: string; message: string } }).error;

describe('class-list export', () => {
  let app: TestApp;
  let secretariat: TestClient;
  let classId: string;
  let schoolName: string;
  let yearName: string;

  beforeAll(async () => {
    app = await startTestApp();
    const g = given(app.dataSource);
    const { school, year } = await g.school({ name: 'Gymnasium Köpenick' });
    schoolName = school.name;
    yearName = year.name;
    const group = await g.group(school.id, year.id, '7a');
    classId = group.id;
    const otherClass = await g.group(school.id, year.id, '7b');
    // Listed by last name: Becker, Müller, Weiß.
    await g.pupil(school.id, year.id, group.id, { lastName: 'Weiß', firstName: 'Ömer', birthDate: '2013-02-28', gender: 'M' });
    await g.pupil(school.id, year.id, group.id, { lastName: 'Becker', firstName: 'Jürgen', birthDate: '2013-01-05', gender: 'M' });
    await g.pupil(school.id, year.id, group.id, { lastName: 'Müller', firstName: 'Änne', birthDate: '2012-12-31', gender: 'W' });
    await g.pupil(school.id, year.id, otherClass.id, { lastName: 'Andere', firstName: 'Klasse' });
    const left = await g.pupil(school.id, year.id, group.id, { lastName: 'Abgang', firstName: 'Alex' });
    await app.dataSource.query(`UPDATE enrolments SET status = 'LEFT', leaving_date = '2026-10-31' WHERE pupil_id = $1`, [left.pupil.id]);
    const teacher = await g.staff(school.id, 'TEACHER', 'klassenleitung', 'KL');
    await g.groupMember(group, teacher.id, 'CLASS_TEACHER');
    await g.staff(school.id, 'SECRETARIAT', 'sekretariat');
    await g.staff(school.id, 'TEACHER', 'fremde.lehrkraft', 'FL');
    const other = await g.school();
    await g.staff(other.school.id, 'SECRETARIAT', 'anderes.sekretariat');
    secretariat = await app.as('sekretariat', TEST_PASSWORD);
  });

  afterAll(() => app.close());

  const download = (client: TestClient, extension: 'csv' | 'xlsx', id = classId) => client.get(`/api/groups/${id}/class-list.${extension}`);

  describe('GET class-list.csv', () => {
    it('should send UTF-8 with BOM, semicolons, CRLF, German dates and intact umlauts', async () => {
      const response = await download(secretariat, 'csv');
      const body = Buffer.from(await response.arrayBuffer());

      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(body.subarray(3).toString('utf8')).toBe([
        HEADER, '1;Becker;Jürgen;05.01.2013;M', '2;Müller;Änne;31.12.2012;W', '3;Weiß;Ömer;28.02.2013;M', '',
      ].join('\r\n'));
    });

    it('should name the file after the class and the day', async () => {
      const response = await download(secretariat, 'csv');

      const name = `Klassenliste_7a_${berlinDate()}.csv`;
      expect(response.headers.get('content-disposition')).toBe(`attachment; filename="${name}"; filename*=UTF-8''${name}`);
    });

    it('when the class teacher asks → should send the list too', async () => {
      const response = await download(await app.as('klassenleitung', TEST_PASSWORD), 'csv');

      expect(response.status).toBe(200);
      expect((await response.text()).split('\r\n')).toHaveLength(5);
    });
  });

  describe('GET class-list.xlsx', () => {
    it('should send a workbook with the title, the header and the pupils', async () => {
      const response = await download(secretariat, 'xlsx');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as never);

      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      expect(response.headers.get('content-disposition')).toContain(`filename="Klassenliste_7a_${berlinDate()}.xlsx"`);
      const sheet = workbook.worksheets[0];
      expect(sheet.getCell('A1').value).toBe(`${schoolName} – Klasse 7a – Schuljahr ${yearName}`);
      expect(String(sheet.getCell('A2').value)).toMatch(/^Klassenleitung: /);
      const rows = [4, 5, 6, 7, 8].map((n) => (sheet.getRow(n).values as unknown[]).slice(1));
      expect(rows).toEqual([
        HEADER.split(';'),
        [1, 'Becker', 'Jürgen', '05.01.2013', 'M'],
        [2, 'Müller', 'Änne', '31.12.2012', 'W'],
        [3, 'Weiß', 'Ömer', '28.02.2013', 'M'],
        [],
      ]);
    });
  });

  describe('who may export', () => {
    it('without a session → should answer 401 UNAUTHENTICATED', async () => {
      const response = await download(app.client(), 'csv');

      expect(response.status).toBe(401);
      expect((await errorOf(response)).code).toBe('UNAUTHENTICATED');
    });

    it('when a teacher of the school does not teach the class → should answer 403 FORBIDDEN', async () => {
      const response = await download(await app.as('fremde.lehrkraft', TEST_PASSWORD), 'xlsx');

      expect(response.status).toBe(403);
      expect((await errorOf(response)).code).toBe('FORBIDDEN');
    });

    it('when the class belongs to another school → should answer 404 NOT_FOUND, as for a missing class', async () => {
      const foreign = await download(await app.as('anderes.sekretariat', TEST_PASSWORD), 'csv');
      const missing = await download(secretariat, 'csv', '00000000-0000-4000-8000-000000000000');

      expect(foreign.status).toBe(404);
      expect(missing.status).toBe(404);
      expect((await errorOf(foreign)).code).toBe('NOT_FOUND');
    });

    it('when the id is malformed → should answer 400 BAD_USER_INPUT', async () => {
      const response = await download(secretariat, 'csv', 'abc');

      expect(response.status).toBe(400);
      expect((await errorOf(response)).code).toBe('BAD_USER_INPUT');
    });
  });
});
