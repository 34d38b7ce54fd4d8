import iconv from 'iconv-lite';
import ICAL from 'ical.js';
import { DateTime } from 'luxon';
import { isoWeekNumber } from '@schulverwaltung/shared';
import { startTestApp, TestApp, TestClient } from '../../../test/test-app';
import { given, signedInStaff, TEST_PASSWORD } from '../../../test/given';
import { countRows, firstError } from '../../../test/inspect';
import { runUntisImport, type UntisImportRequest } from './untis-import.runner';

// The Untis import end to end on the real database: preview, apply, re-import, versions, errors.
// Fixture: a small school with two classes, three teachers, a coupling and an A/B-week lesson.

const ROWS_002 = [
  // lesson, hours, class hours, teacher hours, class, teacher, subject, room, …, lesson group (12), …, valid from/to (15/16)
  '1,4,4,4,"5a","MÜL","M","101",,,,,,,"20260817","20270716",,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,',
  '2,2,2,2,"7b","SCH","D","",,,,,,,"20260817","20270716",,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,',
  '3,2,2,2,"5a","KRÄ","ER","",,,,,,,"20260817","20270716",,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,',
  '3,2,2,0,"07b","KRÄ","ER","",,,,,,,"20260817","20270716",,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,',
  '3,2,0,2,"5a","SCH","ETH","",,,,,,,"20260817","20270716",,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,',
  '4,1,1,1,"7b","MÜL","PH","",,,,"UW",,,"20260817","20270716",,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,',
];
const ROWS_001 = [
  '1,"5a","MÜL","M","101",1,1,,', '1,"5a","MÜL","M","101",1,2,,', '1,"5a","MÜL","M","101",3,3,,', '1,"5a","MÜL","M","101",5,1,,',
  '2,"7b","SCH","D","102",2,1,,', '2,"7b","SCH","D","102",4,2,,',
  // coupling: the cross product of classes × lines, one period
  '3,"5a","KRÄ","ER","103",2,5,,', '3,"7b","KRÄ","ER","103",2,5,,', '3,"5a","SCH","ETH","104",2,5,,', '3,"7b","SCH","ETH","104",2,5,,',
  '4,"7b","MÜL","PH","PHY",3,6,,',
];

const file = (name: string, lines: string[], encoding: 'utf-8' | 'windows-1252' = 'utf-8') =>
  ({ name, bytes: new Uint8Array(iconv.encode(lines.join('\r\n') + '\r\n', encoding)) });
const exportFiles = (rows001 = ROWS_001, rows002 = ROWS_002) => [file('GPU001.TXT', rows001, 'windows-1252'), file('GPU002.TXT', rows002)];

describe('Untis import', () => {
  let app: TestApp;
  let school: { id: string; schoolNumber: string; name: string };
  let admin: TestClient;
  let teacher: TestClient;
  const teachers: Record<string, string> = {};

  const run = (files: UntisImportRequest['files'], overrides: Partial<UntisImportRequest> = {}) => runUntisImport(app.dataSource, {
    school, files, apply: true, today: '2026-11-28', validFrom: null, actor: { personId: null, label: 'Test' },
    options: { createMissingTeachers: false, createMissingClasses: false }, ...overrides,
  });
  const lessonsOf = () => app.dataSource.query(`SELECT id, lineage_id AS "lineageId", untis_number AS "untisNumber", valid_from AS "validFrom", valid_to AS "validTo", teacher_ids AS "teacherIds" FROM lessons WHERE school_id = $1 ORDER BY untis_number, id`, [school.id]);
  const entriesOf = () => app.dataSource.query(`SELECT e.id, e.lesson_lineage_id AS "lineageId", e.weekday, e.period, r.short_name AS room, e.valid_from AS "validFrom", e.valid_to AS "validTo", e.sequence FROM timetable_entries e LEFT JOIN rooms r ON r.id = e.room_id WHERE e.school_id = $1 ORDER BY e.weekday, e.period, e.valid_from`, [school.id]);

  beforeAll(async () => {
    app = await startTestApp();
    const g = given(app.dataSource);
    const { school: created, year } = await g.school();
    school = { id: created.id, schoolNumber: created.schoolNumber, name: created.name };
    for (const [i, abbreviation] of ['MÜL', 'SCH', 'KRÄ'].entries()) teachers[abbreviation] = (await g.staff(school.id, 'TEACHER', `untis.lehrer${i}`, abbreviation)).id;
    await g.group(school.id, year.id, '5a', 'CLASS', 5);
    await g.group(school.id, year.id, '7b', 'CLASS', 7);
    await g.subject(school.id, { shortName: 'M', name: 'Mathematik' });
    await g.room(school.id, { shortName: '101' });
    ({ client: admin } = await signedInStaff(app, school.id, 'SCHOOL_ADMIN', 'untis.admin'));
    teacher = await app.as('untis.lehrer0', TEST_PASSWORD);
  });

  afterAll(() => app.close());

  it('when previewing an export → should list what would change, create missing subjects and rooms, and write nothing', async () => {
    const before = await countRows(app.dataSource, 'lessons', 'timetable_entries', 'subjects', 'rooms', 'untis_imports');
    const { status, summary } = await run(exportFiles(), { apply: false });

    expect(status).toBe('PREVIEW');
    expect(summary.validFrom).toBe('2026-08-17');
    expect(summary.unmatched).toEqual([]);
    expect(summary.changes.find((c) => c.entity === 'LESSONS')).toMatchObject({ added: 5, changed: 0, removed: 0 });
    expect(summary.changes.find((c) => c.entity === 'TIMETABLE_ENTRIES')).toMatchObject({ added: 9 });
    expect(summary.created.map((c) => c.name).sort()).toEqual(['102', '103', '104', 'D', 'ER', 'ETH', 'PH', 'PHY']);
    expect(summary.files.map((f) => [f.name, f.kind, f.encoding])).toEqual([['GPU001.TXT', 'GPU001', 'windows-1252'], ['GPU002.TXT', 'GPU002', 'utf-8']]);
    expect(await countRows(app.dataSource, 'lessons', 'timetable_entries', 'subjects', 'rooms', 'untis_imports')).toEqual(before);
  });

  it('when a teacher tries to import → should answer FORBIDDEN and write nothing', async () => {
    const result = await teacher.upload(`mutation($s: ID!, $files: [Upload!]!) { applyUntisImport(schoolId: $s, files: $files) { id } }`, { s: school.id }, exportFiles());
    expect(firstError(result)?.code).toBe('FORBIDDEN');
    expect(await countRows(app.dataSource, 'lessons')).toEqual({ lessons: 0 });
  });

  it('when the admin applies the export over GraphQL → should write lessons, couplings, entries and record the import', async () => {
    const result = await admin.upload<{ applyUntisImport: { id: string; status: string; summary: { rowsWritten: number } } }>(
      `mutation($s: ID!, $files: [Upload!]!) { applyUntisImport(schoolId: $s, files: $files) { id status summary { rowsWritten } } }`, { s: school.id }, exportFiles(),
    );
    expect(result.errors).toBeUndefined();
    const record = result.data!.applyUntisImport;

    expect(record.status).toBe('APPLIED');
    const lessons = await lessonsOf();
    expect(lessons.map((l: { untisNumber: number }) => l.untisNumber)).toEqual([1, 2, 3, 3, 4]);
    const coupling = lessons.filter((l: { untisNumber: number }) => l.untisNumber === 3);
    expect(coupling.map((l: { teacherIds: string[] }) => l.teacherIds[0]).sort()).toEqual([teachers.KRÄ, teachers.SCH].sort());
    const entries = await entriesOf();
    expect(entries).toHaveLength(9);
    expect(entries.filter((e: { weekday: number; period: number }) => e.weekday === 2 && e.period === 5).map((e: { room: string }) => e.room).sort()).toEqual(['103', '104']);
    const [pattern] = await app.dataSource.query(`SELECT week_pattern AS p FROM lessons WHERE school_id = $1 AND untis_number = 4`, [school.id]);
    expect(pattern.p).toEqual({ kind: 'ISO_PARITY', odd: true });
    const { untisImports } = await admin.ok(`query($s: ID!) { untisImports(schoolId: $s) { id status actorName files { name sha256 } } }`, { s: school.id });
    expect(untisImports[0]).toMatchObject({ id: record.id, status: 'APPLIED', files: [{ name: 'GPU001.TXT', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) }, { name: 'GPU002.TXT' }] });
  });

  it('then a class feed → should carry the imported A/B-week lesson in odd calendar weeks only, at Berlin time', async () => {
    await admin.ok(`mutation($s: ID!, $p: [TimeGridPeriodInput!]!) { setTimeGrid(schoolId: $s, periods: $p) { period } }`, {
      s: school.id, p: [1, 2, 3, 4, 5].flatMap((weekday) => [1, 2, 3, 4, 5, 6].map((period) => ({
        weekday, period, startsAt: `${String(7 + period).padStart(2, '0')}:00`, endsAt: `${String(7 + period).padStart(2, '0')}:45`,
      }))),
    });
    const [klass] = await app.dataSource.query(`SELECT id FROM groups WHERE school_id = $1 AND name = '7b'`, [school.id]);
    const { createCalendarFeed } = await admin.ok(`mutation($t: TimetableTargetInput!) { createCalendarFeed(target: $t, label: "7b") { url } }`, { t: { classId: klass.id } });
    const response = await fetch(`${app.url}${new URL(createCalendarFeed.url).pathname}`);
    const events = new ICAL.Component(ICAL.parse(await response.text())).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));

    const physics = events.filter((e) => e.summary.startsWith('PH'));
    expect(physics.length).toBeGreaterThan(3);
    for (const event of physics) {
      const date = event.startDate.toJSDate();
      expect(isoWeekNumber(event.startDate.toString().slice(0, 10)) % 2).toBe(1);
      expect(DateTime.fromJSDate(date, { zone: 'Europe/Berlin' }).toFormat('ccc HH:mm')).toBe('Wed 13:00');
    }
    expect(new Set(events.map((e) => e.uid)).size).toBe(events.length);
  });

  it('when the same files are imported again → should write no timetable rows, say so, and still record the import', async () => {
    const lessonsBefore = await lessonsOf();
    const entriesBefore = await entriesOf();
    const imports = await countRows(app.dataSource, 'untis_imports');
    const { status, summary } = await run(exportFiles());

    expect(status).toBe('NO_CHANGES');
    expect(summary.noChanges).toBe(true);
    expect(summary.rowsWritten).toBe(0);
    expect(await lessonsOf()).toEqual(lessonsBefore);
    expect(await entriesOf()).toEqual(entriesBefore);
    expect(await countRows(app.dataSource, 'untis_imports')).toEqual({ untis_imports: imports.untis_imports + 1 });
  });

  it('when a room changes from a later date → should end the old entry, continue it with SEQUENCE + 1 and keep every lesson id', async () => {
    const lessonsBefore = await lessonsOf();
    const changed = ROWS_001.map((row) => (row === '1,"5a","MÜL","M","101",3,3,,' ? '1,"5a","MÜL","M","102",3,3,,' : row));
    const { status, summary } = await run(exportFiles(changed), { validFrom: '2026-12-07' });

    expect(status).toBe('APPLIED');
    expect(summary.changes.find((c) => c.entity === 'TIMETABLE_ENTRIES')).toMatchObject({ added: 0, changed: 1, removed: 0, unchanged: 8 });
    expect(await lessonsOf()).toEqual(lessonsBefore);
    const slot = (await entriesOf()).filter((e: { weekday: number; period: number }) => e.weekday === 3 && e.period === 3);
    expect(slot.map((e: { room: string; validFrom: string; validTo: string | null; sequence: number }) => [e.room, e.validFrom, e.validTo, e.sequence]))
      .toEqual([['101', '2026-08-17', '2026-12-06', 0], ['102', '2026-12-07', null, 1]]);
  });

  it('when a teacher changes → should continue the lesson as a new version of the same lineage', async () => {
    const rows = ROWS_002.map((row) => row.replace('2,2,2,2,"7b","SCH","D"', '2,2,2,2,"7b","KRÄ","D"'));
    const rows001 = ROWS_001.map((row) => row.replace('2,"7b","SCH","D"', '2,"7b","KRÄ","D"'));
    const before = (await lessonsOf()).filter((l: { untisNumber: number }) => l.untisNumber === 2);
    await run(exportFiles(rows001.map((r) => (r === '1,"5a","MÜL","M","101",3,3,,' ? '1,"5a","MÜL","M","102",3,3,,' : r)), rows), { validFrom: '2027-01-11' });

    const versions = (await lessonsOf()).filter((l: { untisNumber: number }) => l.untisNumber === 2);
    expect(versions).toHaveLength(2);
    expect(new Set(versions.map((v: { lineageId: string }) => v.lineageId))).toEqual(new Set([before[0].lineageId]));
    expect(versions.find((v: { id: string }) => v.id === before[0].id)).toMatchObject({ validTo: '2027-01-10', teacherIds: [teachers.SCH] });
    expect(versions.find((v: { id: string }) => v.id !== before[0].id)).toMatchObject({ validFrom: '2027-01-11', teacherIds: [teachers.KRÄ] });
  });

  it('when a class is unknown → should list it with file, line and field in the preview, and refuse to apply', async () => {
    const rows = [...ROWS_002, '9,1,1,1,"7x","MÜL","M","",,,,,,,"20260817","20270716",,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,'];
    const preview = await run(exportFiles(ROWS_001, rows), { apply: false, validFrom: '2027-02-01' });
    expect(preview.summary.blocked).toBe(true);
    expect(preview.summary.unmatched).toEqual([{ kind: 'CLASS', untisName: '7x', occurrences: 1, message: 'GPU002.TXT Zeile 7, Feld 5 (Klasse): „7x“ ist keine Klasse im Schuljahr 2026/27' }]);

    const before = await countRows(app.dataSource, 'lessons', 'timetable_entries');
    await expect(run(exportFiles(ROWS_001, rows), { validFrom: '2027-02-01' })).rejects.toThrow(/„7x“ ist keine Klasse/);
    expect(await countRows(app.dataSource, 'lessons', 'timetable_entries')).toEqual(before);
    const [failed] = await app.dataSource.query(`SELECT status, error FROM untis_imports WHERE school_id = $1 ORDER BY created_at DESC LIMIT 1`, [school.id]);
    expect(failed).toMatchObject({ status: 'FAILED', error: expect.stringContaining('7x') });
  });

  it('when an alias maps the Untis name → should resolve it on the next import', async () => {
    const [klass] = await app.dataSource.query(`SELECT id FROM groups WHERE school_id = $1 AND name = '7b'`, [school.id]);
    await admin.ok(`mutation($s: ID!, $i: UntisAliasInput!) { setUntisAlias(schoolId: $s, input: $i) { id targetLabel } }`, { s: school.id, i: { kind: 'CLASS', untisName: '7x', targetId: klass.id } });
    const rows = [...ROWS_002, '9,1,1,1,"7x","MÜL","M","",,,,,,,"20260817","20270716",,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,'];
    const preview = await run(exportFiles(ROWS_001, rows), { apply: false, validFrom: '2027-02-01' });
    expect(preview.summary.unmatched).toEqual([]);
  });

  it('when only GPU014 is imported → should touch substitutions (within its dates) and never lessons', async () => {
    const lessons = await lessonsOf();
    const gpu014 = file('GPU014.TXT', [
      '101,"20261201",1,,1,"MÜL","SCH","M",,,,"101","",,"5a",,"Krank",0,,,202611271200,',
      '102,"20261202",1,,1,"MÜL",,"M",,,,"101",,,"5a",,,1,,"C",202611271200,',
    ]);
    const { status, summary } = await run([gpu014]);
    expect(status).toBe('APPLIED');
    expect(summary.changes.find((c) => c.entity === 'SUBSTITUTIONS')).toMatchObject({ added: 2 });
    expect(await lessonsOf()).toEqual(lessons);
    const subs = await app.dataSource.query(`SELECT kind, date, substitute_teacher_ids AS t FROM substitutions WHERE school_id = $1 ORDER BY date`, [school.id]);
    expect(subs).toEqual([{ kind: 'SUBSTITUTE', date: '2026-12-01', t: [teachers.SCH] }, { kind: 'CANCELLED', date: '2026-12-02', t: [] }]);
  });

  it('when a substitution cancels a lesson an absence covers → should link the absence anew, without that lesson', async () => {
    const [klass] = await app.dataSource.query(`SELECT id, school_year_id AS "yearId" FROM groups WHERE school_id = $1 AND name = '5a'`, [school.id]);
    const { pupil } = await given(app.dataSource).pupil(school.id, klass.yearId, klass.id, { firstName: 'Ida', lastName: 'Relink' });
    const reported = await admin.ok<{ reportAbsence: { absence: { id: string } } }>(
      `mutation($i: ReportAbsenceInput!) { reportAbsence(input: $i) { absence { id } } }`,
      { i: { pupilId: pupil.id, startsOn: '2026-12-14', reason: 'SICK', reportedBy: 'OTHER', reporterName: 'Oma', reportedVia: 'PHONE' } });
    const linksOf = async () => (await app.dataSource.query(`SELECT date, period FROM absence_lessons WHERE absence_id = $1 ORDER BY period`, [reported.reportAbsence.absence.id]))
      .map((l: { date: string; period: number }) => `${l.date}/${l.period}`);
    expect(await linksOf()).toEqual(['2026-12-14/1', '2026-12-14/2']);

    const gpu014 = file('GPU014.TXT', ['103,"20261214",1,,1,"MÜL",,"M",,,,"101",,,"5a",,,1,,"C",202611271200,']);
    const { summary } = await run([gpu014]);

    expect(summary.absencesRelinked).toBe(1);
    expect(await linksOf()).toEqual(['2026-12-14/2']);
  });

  it('when a file is malformed → should answer BAD_USER_INPUT naming file and line, and change nothing', async () => {
    const before = await countRows(app.dataSource, 'lessons', 'timetable_entries', 'substitutions');
    const result = await admin.upload(`mutation($s: ID!, $files: [Upload!]!) { previewUntisImport(schoolId: $s, files: $files) { summary { blocked } } }`, { s: school.id },
      [file('GPU001.TXT', ['1,"5a","MÜL","M","101",9,1,,']), file('GPU002.TXT', ROWS_002)]);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', file: 'GPU001.TXT', line: 1 });
    expect(firstError(result)?.message).toContain('GPU001.TXT Zeile 1, Feld 6');
    const binary = await admin.upload(`mutation($s: ID!, $files: [Upload!]!) { applyUntisImport(schoolId: $s, files: $files) { id } }`, { s: school.id },
      [{ name: 'GPU002.TXT', bytes: new Uint8Array([0, 159, 146, 150, 0, 1, 2, 3]) }]);
    expect(firstError(binary)?.code).toBe('BAD_USER_INPUT');
    expect(await countRows(app.dataSource, 'lessons', 'timetable_entries', 'substitutions')).toEqual(before);
  });
});

describe('Untis import upload limits', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ UPLOAD_MAX_MB: '1' });
  });

  afterAll(() => app.close());

  it('when a file is larger than UPLOAD_MAX_MB → should answer BAD_USER_INPUT "zu groß" and write nothing', async () => {
    const { school } = await given(app.dataSource).school();
    const { client: admin } = await signedInStaff(app, school.id, 'SCHOOL_ADMIN', 'limit.admin');
    const big = { name: 'GPU002.TXT', bytes: new Uint8Array(1.5 * 1024 * 1024).fill(0x2c) };

    const result = await admin.upload(`mutation($s: ID!, $files: [Upload!]!) { applyUntisImport(schoolId: $s, files: $files) { id } }`, { s: school.id }, [big]);

    expect(result.errors?.[0]).toMatchObject({ message: 'GPU002.TXT: Die Datei ist zu groß.', extensions: { code: 'BAD_USER_INPUT', rule: 'too_large' } });
    expect(await countRows(app.dataSource, 'lessons', 'untis_imports')).toEqual({ lessons: 0, untis_imports: 0 });
  });
});
