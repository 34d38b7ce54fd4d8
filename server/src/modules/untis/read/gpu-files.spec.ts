import { GpuKind, readGpuFile } from './gpu-files';
import { readGpuRecords } from './gpu-csv';
import { readError } from './testing/read-error';

/** One GPU record with `cells` CSV cells; `values` by 1-based position, written as given (quotes included). */
function csvRow(cells: number, values: Record<number, string | number>): string {
  return Array.from({ length: cells }, (_, i) => String(values[i + 1] ?? '')).join(',');
}

function read(kind: GpuKind, lines: string[]) {
  const name = `${kind}.TXT`;
  return readGpuFile(kind, name, readGpuRecords(name, `${lines.join('\r\n')}\r\n`).records);
}

const gpu001 = (lesson: number | string, cls: string, teacher: string, subject: string, room: string, day: number | string, period: number | string) =>
  `${lesson},"${cls}","${teacher}","${subject}","${room}",${day},${period},,`;

interface LessonRow {
  lesson: number;
  hours?: string;
  cls?: string;
  teacher?: string;
  subject?: string;
  rooms?: string;
  group?: string;
  from?: string;
  to?: string;
  studentGroup?: string;
}

/** GPU002: 46 fields plus the trailing separator, like Untis writes it. */
const gpu002 = (row: LessonRow) => csvRow(47, {
  1: row.lesson, 2: row.hours ?? '2', 3: 2, 4: 2, 5: `"${row.cls ?? ''}"`, 6: `"${row.teacher ?? ''}"`, 7: `"${row.subject ?? ''}"`,
  8: `"${row.rooms ?? ''}"`, 10: 18, 11: '0.66670', 12: row.group ? `"${row.group}"` : '', 15: `"${row.from ?? '20260914'}"`,
  16: `"${row.to ?? '20270716'}"`, 17: '0.00282', 24: '"c"', 28: 1, 29: 1, 40: 66666, 41: '0.66666',
  42: row.studentGroup ? `"${row.studentGroup}"` : '', 46: 0,
});

describe('GPU file readers', () => {
  describe('GPU001 (timetable)', () => {
    it('should collapse the class × teacher cross product to one placement per line and period', () => {
      // Lesson 7: two classes × two coupling lines at one period = four rows.
      const part = read('GPU001', [
        gpu001(7, '09a', 'Form', 'F6', '242', 2, 3),
        gpu001(7, '09b', 'Form', 'F6', '242', 2, 3),
        gpu001(7, '09a', 'Mühl', 'L6', '225', 2, 3),
        gpu001(7, '09b', 'Mühl', 'L6', '225', 2, 3),
        gpu001(7, '09a', 'Form', 'F6', '242', 5, 4),
      ]);

      expect(part.placements).toEqual([
        { lessonNumber: 7, teacher: 'Form', subject: 'F6', classes: ['09a', '09b'], weekday: 2, period: 3, room: '242', ref: { file: 'GPU001.TXT', line: 1 } },
        { lessonNumber: 7, teacher: 'Mühl', subject: 'L6', classes: ['09a', '09b'], weekday: 2, period: 3, room: '225', ref: { file: 'GPU001.TXT', line: 3 } },
        { lessonNumber: 7, teacher: 'Form', subject: 'F6', classes: ['09a'], weekday: 5, period: 4, room: '242', ref: { file: 'GPU001.TXT', line: 5 } },
      ]);
    });

    it('should keep rows without class or room, and keep teacherless lines in different rooms apart', () => {
      const part = read('GPU001', [
        '798,"3A",,"","3.14",2,7,,',
        '798,"3A",,"","3.15",2,7,,',
        '12,,"Kem","AUFS",,1,1,,',
      ]);

      expect(part.placements?.map(({ classes, room, teacher }) => ({ classes, room, teacher }))).toEqual([
        { classes: ['3A'], room: '3.14', teacher: undefined },
        { classes: ['3A'], room: '3.15', teacher: undefined },
        { classes: [], room: undefined, teacher: 'Kem' },
      ]);
    });

    it('when the room field is a ~ list → should take the first room and list all of them', () => {
      const [placement] = read('GPU001', ['580,"1AFMBM","TCHR","KOP1","CAD2~R001",2,8']).placements ?? [];

      expect(placement).toMatchObject({ room: 'CAD2', rooms: ['CAD2', 'R001'] });
    });

    it('when a weekday is 8 → should name file, line, field and the expected values', () => {
      const lines = Array.from({ length: 16 }, (_, i) => gpu001(i + 1, '5a', 'Mül', 'M', '101', 1, 1));
      lines.push(gpu001(17, '5a', 'Mül', 'M', '101', 8, 1));

      const error = readError(() => read('GPU001', lines));

      expect(error.message).toBe('GPU001.TXT Zeile 17, Feld 6 (Wochentag): "8" ist kein Wochentag (erwartet 1–7)');
      expect(error.ref).toEqual({ file: 'GPU001.TXT', line: 17, field: 6, fieldName: 'Wochentag' });
    });

    it('when the period is 0 or the lesson number is missing → should reject the row', () => {
      expect(readError(() => read('GPU001', [gpu001(3, '5a', 'Mül', 'M', '101', 1, 0)])).message)
        .toBe('GPU001.TXT Zeile 1, Feld 7 (Stunde): "0" ist keine Stundennummer (erwartet eine ganze Zahl ab 1)');
      expect(readError(() => read('GPU001', [gpu001('', '5a', 'Mül', 'M', '101', 1, 2)])).message)
        .toBe('GPU001.TXT Zeile 1, Feld 1 (Unterrichtsnummer): Wert fehlt (erwartet eine ganze Zahl ab 1)');
    });
  });

  describe('GPU002 (lessons)', () => {
    it('should build one line per teacher + subject of a lesson, merging the classes of its rows', () => {
      // Like lesson 2255 of the Untis demo: three lines, the last one covers all classes.
      const part = read('GPU002', [
        gpu002({ lesson: 2255, cls: '7b', teacher: 'StrJo', subject: 'KR', rooms: 'R 7a', group: 'UW', studentGroup: 'KR_7' }),
        gpu002({ lesson: 2255, cls: '7a', teacher: 'StrJo', subject: 'KR', rooms: 'R 7a' }),
        gpu002({ lesson: 2255, cls: '7a', teacher: 'HamDa', subject: 'KR', rooms: 'R 7c~R 7d' }),
        gpu002({ lesson: 2255, cls: '7b', teacher: 'ShaGe', subject: 'ER', rooms: 'R 7b' }),
        gpu002({ lesson: 2255, cls: '7a', teacher: 'ShaGe', subject: 'ER', rooms: 'R 7b' }),
        gpu002({ lesson: 9, hours: '1.5', cls: '5a', teacher: 'Mül', subject: 'D  G4' }),
      ]);

      expect(part.lessonLines).toEqual([
        {
          lessonNumber: 2255, lineIndex: 0, teacher: 'StrJo', subject: 'KR', classes: ['7b', '7a'], rooms: ['R 7a'], weeklyHours: 2,
          lessonGroup: 'UW', studentGroup: 'KR_7', validFrom: '2026-09-14', validTo: '2027-07-16', text: undefined,
          ref: { file: 'GPU002.TXT', line: 1 },
        },
        expect.objectContaining({ lessonNumber: 2255, lineIndex: 1, teacher: 'HamDa', classes: ['7a'], rooms: ['R 7c', 'R 7d'] }),
        expect.objectContaining({ lessonNumber: 2255, lineIndex: 2, teacher: 'ShaGe', subject: 'ER', classes: ['7b', '7a'], ref: { file: 'GPU002.TXT', line: 4 } }),
        expect.objectContaining({ lessonNumber: 9, lineIndex: 0, subject: 'D  G4', weeklyHours: 1.5 }),
      ]);
    });

    it('should read quoted numbers, unquoted strings, surrounding spaces and short rows', () => {
      // SVWS writes strings unquoted; Untis quotes numbers in some files; short rows are padded.
      const part = read('GPU002', [
        '"1";"3";3;3;09a;WELL;" SP ";2.05;;;3;;;;20190201;20190731;',
        '2;2',
      ]);

      expect(part.lessonLines).toEqual([
        expect.objectContaining({ lessonNumber: 1, weeklyHours: 3, classes: ['09a'], teacher: 'WELL', subject: 'SP', rooms: ['2.05'], validFrom: '2019-02-01', validTo: '2019-07-31' }),
        expect.objectContaining({ lessonNumber: 2, weeklyHours: 2, classes: [], teacher: undefined, rooms: [], validFrom: undefined }),
      ]);
    });

    it('should ignore surplus columns', () => {
      const part = read('GPU002', [`${gpu002({ lesson: 5, cls: '5a', teacher: 'Mül', subject: 'M' })},"extra",99,,`]);

      expect(part.lessonLines?.[0]).toMatchObject({ lessonNumber: 5, classes: ['5a'], validTo: '2027-07-16' });
    });

    it('when a date is impossible → should say which field holds it', () => {
      const error = readError(() => read('GPU002', [
        gpu002({ lesson: 5, cls: '5a' }),
        gpu002({ lesson: 6, cls: '5a', from: '20261341' }),
      ]));

      expect(error.message).toBe('GPU002.TXT Zeile 2, Feld 15 (Datum von): "20261341" ist kein gültiges Datum (erwartet JJJJMMTT, z. B. 20260914)');
    });

    it('when the weekly hours are no number → should reject the row', () => {
      expect(readError(() => read('GPU002', [gpu002({ lesson: 5, hours: 'zwei' })])).message)
        .toBe('GPU002.TXT Zeile 1, Feld 2 (Wochenstunden): "zwei" ist keine Zahl (erwartet z. B. 2 oder 1.5)');
    });
  });

  describe('master data (GPU003–GPU006, GPU010)', () => {
    it('should read classes with validity and warn about a repeated short name', () => {
      const part = read('GPU003', [
        csvRow(33, { 1: '"05a"', 2: '"Klasse 5a"', 4: '"R 5a"', 20: '"20260914"', 21: '"20270716"' }),
        csvRow(33, { 1: '" 5 b "', 2: '"Klasse 5b"' }),
        csvRow(33, { 1: '"05a"', 2: '"doppelt"' }),
      ]);

      expect(part.classes).toEqual([
        { shortName: '05a', longName: 'Klasse 5a', validFrom: '2026-09-14', validTo: '2027-07-16', ref: { file: 'GPU003.TXT', line: 1 } },
        { shortName: '5 b', longName: 'Klasse 5b', validFrom: undefined, validTo: undefined, ref: { file: 'GPU003.TXT', line: 2 } },
      ]);
      expect(part.warnings).toEqual([{
        ref: { file: 'GPU003.TXT', line: 3, field: 1, fieldName: 'Kürzel' },
        message: '"05a" kommt mehrfach vor (zuerst Zeile 1) – diese Zeile wird ignoriert',
      }]);
    });

    it('should keep a two-word long name as last name when the first-name field is empty', () => {
      const part = read('GPU004', [
        csvRow(45, { 1: '"Dec"', 2: '"Deckers Roald"', 18: '"100000"', 30: '"Dhr."', 31: '"2"' }),
        csvRow(46, { 1: '"Mül"', 2: '"Müller"', 29: '"Jörg"', 33: '"mueller@schule.de"' }),
      ]);

      expect(part.teachers).toEqual([
        { shortName: 'Dec', lastName: 'Deckers Roald', firstName: undefined, email: undefined, ref: { file: 'GPU004.TXT', line: 1 } },
        { shortName: 'Mül', lastName: 'Müller', firstName: 'Jörg', email: 'mueller@schule.de', ref: { file: 'GPU004.TXT', line: 2 } },
      ]);
    });

    it('should read rooms with capacity and only warn about an unreadable capacity', () => {
      const part = read('GPU005', [
        '"R SIa","Einstiegsraum 5","R 5",,,,3,10,,,,,,,,,,',
        '"R 5",,"R 5b",,,,3,viele,,,,,,,,,,',
      ]);

      expect(part.rooms).toEqual([
        { shortName: 'R SIa', name: 'Einstiegsraum 5', capacity: 10, ref: { file: 'GPU005.TXT', line: 1 } },
        { shortName: 'R 5', name: undefined, capacity: undefined, ref: { file: 'GPU005.TXT', line: 2 } },
      ]);
      expect(part.warnings.map((warning) => warning.message)).toEqual(['"viele" ist keine ganze Zahl – der Wert wird ignoriert']);
    });

    it('should read subjects and ignore colours', () => {
      const part = read('GPU006', ['"AARD1","Aardrijkskunde",,"A14",,,,,,9,,,,"4545",4.54500,,,0,8454143,,,,']);

      expect(part.subjects).toEqual([{ shortName: 'AARD1', name: 'Aardrijkskunde', ref: { file: 'GPU006.TXT', line: 1 } }]);
    });

    it('should read pupils', () => {
      const part = read('GPU010', ['"AckeT","Ackermann",,,,,"W","Theresa","10021","12","1",,"19911106","AckeT@beispiel.de",']);

      expect(part.pupils).toEqual([{
        key: 'AckeT', lastName: 'Ackermann', firstName: 'Theresa', className: '12', birthDate: '1991-11-06', ref: { file: 'GPU010.TXT', line: 1 },
      }]);
    });

    it('when a short name is missing → should reject the row', () => {
      expect(readError(() => read('GPU005', [',"Aula",,,,,,90,'])).message).toBe('GPU005.TXT Zeile 1, Feld 1 (Kürzel): Wert fehlt');
    });
  });

  describe('GPU014 (substitutions)', () => {
    const gpu014 = (values: Record<number, string | number>) => csvRow(22, { 1: 1, 2: '"20260914"', 3: 1, 5: 1865, ...values });

    it('should tell cancellation, room change and substitute teacher apart', () => {
      const part = read('GPU014', [
        gpu014({ 1: 5, 6: '"BecSa"', 8: '"G"', 12: '"R 7d"', 15: '"7d"', 18: 2097153, 19: '"7d"', 20: 'C', 21: 202002231216, 22: '"-"' }),
        gpu014({ 1: 6, 6: '"Gla"', 7: '"Gla"', 8: '"WISK2"', 10: '"WISK2"', 12: '"C2"', 13: '"A105"', 15: '"T3ET"', 18: 0, 20: 'R' }),
        gpu014({ 1: 7, 6: '"BecSa"', 7: '"BecHe"', 8: '"BIO"', 10: '"M"', 12: '"R B3"', 13: '"R B4"', 15: '"10c~10a"', 16: '"Krank"', 17: '"Lorem ipsum."', 18: 2097152, 19: '"10c~10a~10b"', 22: '"+~-"' }),
      ]);

      expect(part.substitutions).toEqual([
        expect.objectContaining({ untisId: 5, kind: 'CANCELLATION', absentTeacher: 'BecSa', substituteTeacher: undefined, rooms: ['R 7d'], classes: ['7d'] }),
        expect.objectContaining({ untisId: 6, kind: 'ROOM_CHANGE', rooms: ['C2'], substituteRooms: ['A105'] }),
        {
          untisId: 7, date: '2026-09-14', period: 1, lessonNumber: 1865, kind: 'SUBSTITUTION', absentTeacher: 'BecSa', substituteTeacher: 'BecHe',
          subject: 'BIO', substituteSubject: 'M', rooms: ['R B3'], substituteRooms: ['R B4'], classes: ['10c', '10a'],
          substituteClasses: ['10c', '10a', '10b'], reason: 'Krank', text: 'Lorem ipsum.', ref: { file: 'GPU014.TXT', line: 3 },
        },
      ]);
    });

    it('when the kind letter is empty → should take the kind from the 0-based bits of field 18', () => {
      const kinds = read('GPU014', [
        gpu014({ 18: 1 }), // bit 0
        gpu014({ 18: 16 }), // bit 4
        gpu014({ 18: 65536 }), // bit 16
        gpu014({ 18: 131072 }), // bit 17
        gpu014({ 18: 2 }), // bit 1
        gpu014({ 18: 128 }), // bit 7
        gpu014({ 18: 1048576 }), // bit 20 (do not print) says nothing about the kind
      ]).substitutions?.map((substitution) => substitution.kind);

      expect(kinds).toEqual(['CANCELLATION', 'RELEASE', 'ROOM_CHANGE', 'BREAK_SUPERVISION', 'SUPERVISION', 'SHIFTED', 'SUBSTITUTION']);
    });

    it('should map the kind letters, keep duties without lesson and warn about an unknown letter', () => {
      const part = read('GPU014', [
        gpu014({ 5: 0, 18: 131072, 20: 'B' }),
        gpu014({ 20: 'L' }), gpu014({ 20: 'S' }), gpu014({ 20: 'A' }), gpu014({ 20: 'F' }), gpu014({ 20: 'T' }),
        gpu014({ 20: 'W' }), gpu014({ 20: '~' }), gpu014({ 20: 'E' }), gpu014({ 20: 'P' }), gpu014({ 20: 'X' }),
      ]);

      expect(part.substitutions?.map((substitution) => substitution.kind)).toEqual([
        'BREAK_SUPERVISION', 'RELEASE', 'SUPERVISION', 'SPECIAL_DUTY', 'SHIFTED', 'SHIFTED', 'EXCHANGE', 'EXCHANGE', 'EXAM', 'SUBSTITUTION', 'OTHER',
      ]);
      expect(part.substitutions?.[0].lessonNumber).toBeUndefined();
      expect(part.warnings.map((warning) => warning.message)).toEqual(['Vertretungsart "X" ist unbekannt – als "sonstige" übernommen']);
    });

    it('when the date is missing → should reject the row', () => {
      expect(readError(() => read('GPU014', [gpu014({ 2: '' })])).message)
        .toBe('GPU014.TXT Zeile 1, Feld 2 (Datum): Wert fehlt (erwartet JJJJMMTT, z. B. 20260914)');
    });
  });

  describe('GPU015 (course choices) and GPU018 (holidays)', () => {
    it('should read course choices and skip the empty record Untis writes when there are none', () => {
      const part = read('GPU015', [
        ',,,,,,,,,,,,,',
        '"StuA",298,"D G1",,"EF","S",,,,"298~327","D G1~D  G2",,"1~1",',
      ]);

      expect(part.courseChoices).toEqual([{ pupilKey: 'StuA', lessonNumber: 298, subject: 'D G1', className: 'EF', ref: { file: 'GPU015.TXT', line: 2 } }]);
    });

    it('should read holidays with unquoted dates and the public-holiday flag', () => {
      const part = read('GPU018', [
        '"KERST","Kerstvakantie",20091221,20100101,',
        '"11_NOV","11 november",20091111,20091111,"F"',
        '"TAG","Brückentag",20091112,,',
      ]);

      expect(part.holidays).toEqual([
        { shortName: 'KERST', name: 'Kerstvakantie', startsOn: '2009-12-21', endsOn: '2010-01-01', isPublicHoliday: false, ref: { file: 'GPU018.TXT', line: 1 } },
        { shortName: '11_NOV', name: '11 november', startsOn: '2009-11-11', endsOn: '2009-11-11', isPublicHoliday: true, ref: { file: 'GPU018.TXT', line: 2 } },
        { shortName: 'TAG', name: 'Brückentag', startsOn: '2009-11-12', endsOn: '2009-11-12', isPublicHoliday: false, ref: { file: 'GPU018.TXT', line: 3 } },
      ]);
    });

    it('when a holiday ends before it starts → should reject it', () => {
      expect(readError(() => read('GPU018', ['"X","X",20091221,20091201,'])).message)
        .toBe('GPU018.TXT Zeile 1, Feld 4 (Datum bis): Ende 2009-12-01 liegt vor dem Beginn 2009-12-21');
    });
  });
});
