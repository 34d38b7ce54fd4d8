import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { zipSync } from 'fflate';
import { decodeUntisBytes } from './decode';
import { readGpuRecords } from './gpu-csv';
import { readUntisFiles } from './read-untis-files';
import { UntisExport, UntisLessonLine, UntisReadError, UntisSubstitution } from './untis-export';

// Real exports collected for the importer (provenance: shared/data/untis/SOURCES.md), in the
// `shared` folder beside the repository. Where that folder is absent, these specs are skipped.

const DATA = path.resolve(__dirname, '../../../../../../shared/data/untis');
const d = existsSync(DATA) ? describe : describe.skip;

function filesBelow(folder: string): string[] {
  return readdirSync(folder).flatMap((entry) => {
    const full = path.join(folder, entry);
    return statSync(full).isDirectory() ? filesBelow(full) : [full];
  });
}

const SAMPLES = existsSync(DATA)
  ? filesBelow(DATA).map((file) => path.relative(DATA, file)).filter((file) => file !== 'SOURCES.md').sort()
  : [];

const bytesOf = (relative: string) => new Uint8Array(readFileSync(path.join(DATA, relative)));
const read = (relative: string) => readUntisFiles([{ name: relative, bytes: bytesOf(relative) }]);

/** Lines as the importer sees them, without the file they came from (to compare two files). */
const withoutFile = (lines: UntisLessonLine[]) => lines.map(({ ref, ...line }) => ({ ...line, line: ref.line }));

const hasBit = (flags: number, bit: number) => Math.floor(flags / 2 ** bit) % 2 === 1;

d('real Untis exports', () => {
  describe('every sample file', () => {
    it.each(SAMPLES.length > 0 ? SAMPLES : ['(keine Beispieldaten)'])('%s', (relative) => {
      if (relative.endsWith('.json')) {
        // WebUntis API answers, not exports.
        expect(() => read(relative)).toThrow(new UntisReadError({ file: relative, line: 0 }, 'ist keine Untis-Datei (GPU001–GPU023 oder XML erwartet)'));
        return;
      }
      const result = read(relative);
      const [info] = result.files;
      const isEmptyExport = statSync(path.join(DATA, relative)).size === 0 || relative.endsWith('GPU015.TXT');

      expect(info.records > 0).toBe(!isEmptyExport);
      expect(info.detectedAs).toBe(relative.endsWith('.xml') ? 'XML' : /GPU\d{3}/i.exec(path.basename(relative))?.[0].toUpperCase());
      expectContentOfKind(result);
    });
  });

  describe('couplings', () => {
    it('SchulIT GPU002: lesson 2255 has 5 coupling lines over 6 classes', () => {
      const lines = read('SchulIT__untisexporter/Tuitions/GPU002.TXT').lessonLines.filter((line) => line.lessonNumber === 2255);

      expect(lines.map(({ lineIndex, teacher, subject, classes }) => ({ lineIndex, teacher, subject, classes }))).toEqual([
        { lineIndex: 0, teacher: 'StrJo', subject: 'KR', classes: ['7b', '7a'] },
        { lineIndex: 1, teacher: 'HamDa', subject: 'KR', classes: ['7a', '7c'] },
        { lineIndex: 2, teacher: 'BecSa', subject: 'KR', classes: ['7e', '7d'] },
        { lineIndex: 3, teacher: 'ShoMi', subject: 'KR', classes: ['7d', '7f'] },
        { lineIndex: 4, teacher: 'ShaGe', subject: 'ER', classes: ['7b', '7a', '7c', '7e', '7d', '7f'] },
      ]);
      expect(new Set(lines.flatMap((line) => line.classes)).size).toBe(6);
    });

    it('PeterScholl GPU001: the 4 classes × 4 teachers of lesson 7 become 4 placements per period', () => {
      const atTuesdayThird = read('PeterScholl__untis-to-kurs/GPU001.TXT').placements
        .filter((placement) => placement.lessonNumber === 7 && placement.weekday === 2 && placement.period === 3);

      expect(atTuesdayThird).toHaveLength(4);
      expect(atTuesdayThird[0]).toMatchObject({ teacher: 'Form', subject: 'F6', room: '242', classes: ['09a', '09b', '09c', '09d'] });
      expect(atTuesdayThird.every((placement) => placement.classes.length === 4)).toBe(true);
    });

    it('htl-utils GPU001: a ~ list of rooms keeps all rooms', () => {
      const placement = read('johannesegger__htl-utils/GPU001.TXT').placements.find((candidate) => candidate.lessonNumber === 580);

      expect(placement).toMatchObject({ room: 'CAD2', rooms: ['CAD2', 'R001'] });
    });
  });

  describe('encodings and separators', () => {
    it('SchulIT GPU002 in ANSI and in UTF-8 decode to identical lessons, umlauts intact', () => {
      const ansi = read('SchulIT__untisexporter/Tuitions/GPU002.TXT');
      const utf8 = read('SchulIT__untisexporter/Exams/GPU002.TXT');

      expect(ansi.files[0].encoding).toBe('windows-1252');
      expect(utf8.files[0].encoding).toBe('utf-8');
      expect(withoutFile(ansi.lessonLines)).toEqual(withoutFile(utf8.lessonLines));
      expect(ansi.lessonLines.find((line) => line.lessonNumber === 1492)?.teacher).toBe('ThöGu');
      expect(ansi.lessonLines.find((line) => line.lessonNumber === 1494)?.teacher).toBe('MárGa');
    });

    it('SchulIT GPU002 comma and semicolon give identical lessons', () => {
      expect(withoutFile(read('SchulIT__untisexporter/Tuitions/GPU002-semicolon.TXT').lessonLines))
        .toEqual(withoutFile(read('SchulIT__untisexporter/Tuitions/GPU002.TXT').lessonLines));
    });

    it('htl-utils GPU002 comma and tab give identical lessons; the tab copy has tabs inside quoted texts', () => {
      // The repository author made the tab copy by replacing every comma, also those inside quotes
      // ("Geblockt, Randstunde" → "Geblockt\t Randstunde"): the reader keeps quoted text as it is.
      const tab = withoutFile(read('johannesegger__htl-utils/variants/b4f22e1-tab/GPU002.TXT').lessonLines);
      const comma = withoutFile(read('johannesegger__htl-utils/GPU002.TXT').lessonLines);

      expect(tab.map((line) => ({ ...line, text: line.text?.replaceAll('\t', ',') }))).toEqual(comma);
      expect(tab.some((line) => line.text?.includes('\t'))).toBe(true);
    });

    it('comma and tab variants of the htl-utils GPU001 give identical placements', () => {
      const strip = (result: UntisExport) => result.placements.map(({ ref, ...placement }) => ({ ...placement, line: ref.line }));

      expect(strip(read('johannesegger__htl-utils/variants/5a1934a-tab/GPU001.TXT'))).toEqual(strip(read('johannesegger__htl-utils/GPU001.TXT')));
    });

    it('SchulIT GPU005 comma and semicolon give identical rooms', () => {
      const rooms = (relative: string) => read(relative).rooms.map(({ ref, ...room }) => ({ ...room, line: ref.line }));

      expect(rooms('SchulIT__untisexporter/Rooms/GPU005-semicolon.TXT')).toEqual(rooms('SchulIT__untisexporter/Rooms/GPU005.TXT'));
      expect(rooms('SchulIT__untisexporter/Rooms/GPU005.TXT')[0]).toEqual({ shortName: 'R SIa', name: 'Einstiegsraum 5', capacity: 10, line: 1 });
    });

    it('SVWS GPU002 with unquoted strings', () => {
      expect(read('SVWS-NRW__SVWS-Server/GPU002.txt').lessonLines[0]).toMatchObject({
        lessonNumber: 1, weeklyHours: 3, classes: ['09a'], teacher: 'WELL', subject: 'SP', rooms: ['2.05'],
        validFrom: '2019-02-01', validTo: '2019-07-31', studentGroup: '09a_SP',
      });
    });

    it.each(['GPU002.TXT', 'GPU005.TXT', 'GPU006.TXT'])('htl-utils %s with destroyed umlauts → warns about U+FFFD', (name) => {
      const warnings = read(`johannesegger__htl-utils/${name}`).warnings;

      expect(warnings).toHaveLength(1);
      expect(warnings[0].message).toMatch(/^enthält \d+ Zeilen mit dem Ersatzzeichen „\uFFFD“ \(zuerst Zeile \d+\)/);
    });
  });

  describe('GPU014 substitutions', () => {
    const relative = 'hansadmin__Parse-UntisGpnFile/testdata_be_uv1_Nijverheidsschool/GPU014.TXT';

    /** Each substitution next to its raw letter (field 20) and bit field (field 18). */
    function withRawFields(): { substitution: UntisSubstitution; letter: string; flags: number }[] {
      const substitutions = read(relative).substitutions;
      const records = readGpuRecords(relative, decodeUntisBytes(relative, bytesOf(relative)).text).records;
      expect(records).toHaveLength(substitutions.length);
      return records.map((record, i) => ({ substitution: substitutions[i], letter: record.fields[19].trim(), flags: Number(record.fields[17]) }));
    }

    it('Nijverheidsschool: every kind letter agrees with its 0-based bit', () => {
      const rows = withRawFields();
      const bitOfLetter: Record<string, number> = { C: 0, S: 1, L: 4, P: 6, F: 7, B: 17 };

      expect(rows).toHaveLength(5373);
      for (const [letter, bit] of Object.entries(bitOfLetter)) {
        const withLetter = rows.filter((row) => row.letter === letter);
        expect(withLetter.length).toBeGreaterThan(0);
        expect(withLetter.filter((row) => !hasBit(row.flags, bit))).toEqual([]);
      }
    });

    it('Nijverheidsschool: the letter decides, else the bits (a standby without letter but bit 0 is cancelled)', () => {
      const rows = withRawFields();
      const kindsOf = (filter: (row: ReturnType<typeof withRawFields>[number]) => boolean) =>
        [...new Set(rows.filter(filter).map((row) => row.substitution.kind))];

      expect(kindsOf((row) => row.letter === 'C')).toEqual(['CANCELLATION']);
      expect(kindsOf((row) => row.letter === 'L')).toEqual(['RELEASE']);
      expect(kindsOf((row) => row.letter === 'R')).toEqual(['ROOM_CHANGE']);
      expect(kindsOf((row) => row.letter === 'B')).toEqual(['BREAK_SUPERVISION']);
      expect(kindsOf((row) => row.letter === '' && hasBit(row.flags, 0))).toEqual(['CANCELLATION']);
      expect(kindsOf((row) => row.letter === '' && row.flags % 2 ** 20 === 0)).toEqual(['SUBSTITUTION']);
      expect(rows.filter((row) => row.substitution.kind === 'CANCELLATION')).toHaveLength(448);
    });

    it('SchulIT: substitute teacher, text and cancellation', () => {
      const substitutions = read('SchulIT__untisexporter/Substitutions/GPU014.TXT').substitutions;

      expect(substitutions.map((substitution) => substitution.kind)).toEqual(['SUBSTITUTION', 'SUBSTITUTION', 'CANCELLATION']);
      expect(substitutions[0]).toMatchObject({
        untisId: 1, date: '2009-08-24', period: 1, lessonNumber: 1865, absentTeacher: 'BecSa', substituteTeacher: 'BecHe',
        classes: ['10c', '10a'], substituteClasses: ['10c', '10a', '10b'], rooms: ['R B3'], substituteRooms: ['R B4'],
      });
      expect(substitutions[1].text).toBe('Lorem ipsum.');
    });
  });

  describe('master data and holidays', () => {
    const folder = 'hansadmin__Parse-UntisGpnFile/testdata_be_uv1_Nijverheidsschool';

    it('GPU004: a full name in the long-name field stays the last name', () => {
      expect(read(`${folder}/GPU004.TXT`).teachers[0]).toMatchObject({ shortName: 'Dec', lastName: 'Deckers Roald', firstName: undefined });
    });

    it('GPU018: holidays with unquoted dates', () => {
      const holidays = read(`${folder}/GPU018.TXT`).holidays;

      expect(holidays).toHaveLength(8);
      expect(holidays[2]).toMatchObject({ shortName: 'KERST', name: 'Kerstvakantie', startsOn: '2009-12-21', endsOn: '2010-01-01', isPublicHoliday: false });
    });

    it('the whole export folder as one upload, and as a ZIP of it, gives the same content', () => {
      const names = SAMPLES.filter((relative) => relative.startsWith(`${folder}/`));
      const separately = readUntisFiles(names.map((name) => ({ name, bytes: bytesOf(name) })));
      const zipped = readUntisFiles([{ name: 'export.zip', bytes: zipSync(Object.fromEntries(names.map((name) => [name, bytesOf(name)]))) }]);

      expect(separately.present).toEqual({
        timeGrid: false, teachers: true, classes: true, rooms: true, subjects: true, lessons: true,
        placements: true, substitutions: true, pupils: true, courseChoices: true, holidays: true,
      });
      expect(separately).toMatchObject({ rangeFrom: '2009-09-01', rangeTo: '2010-06-30' });
      expect(separately.files.filter((info) => info.kind === 'UNSUPPORTED').map((info) => info.detectedAs)).toEqual([
        'GPU007', 'GPU008', 'GPU009', 'GPU011', 'GPU012', 'GPU013', 'GPU016', 'GPU017', 'GPU019', 'GPU020', 'GPU021',
      ]);
      expect(withoutFile(zipped.lessonLines)).toEqual(withoutFile(separately.lessonLines));
      expect(zipped.substitutions.length).toBe(separately.substitutions.length);
    });
  });

  describe('Untis XML (enbrea demo)', () => {
    const result = existsSync(DATA) ? read('enbrea__enbrea.untis.xml/untis.xml') : undefined;
    const xml = () => result as UntisExport;

    it('reads general, time grid, holidays and master data', () => {
      expect(xml()).toMatchObject({ schoolNumber: '12345', rangeFrom: '2009-08-24', rangeTo: '2010-07-16' });
      expect(xml().timeGrid).toHaveLength(50);
      expect(xml().timeGrid[0]).toMatchObject({ weekday: 1, period: 1, startsAt: '07:50', endsAt: '08:35' });
      expect(xml().holidays.find((holiday) => holiday.shortName === '03.10.')).toMatchObject({ isPublicHoliday: true, startsOn: '2009-10-03' });
      expect(xml().subjects.map((subject) => subject.shortName)).toContain('SP(J)_');
      expect(xml().teachers.find((teacher) => teacher.shortName === 'AhtMa')).toMatchObject({ firstName: 'Martti', lastName: 'Ahtisaari' });
      expect(xml().warnings).toEqual([]);
    });

    it('reads the three lessons, splitting class ids at CL_ and not at spaces', () => {
      expect(xml().lessonLines.map(({ lessonNumber, lineIndex, teacher, subject, classes, lessonGroup }) =>
        ({ lessonNumber, lineIndex, teacher, subject, classes, lessonGroup }))).toEqual([
        { lessonNumber: 1418, lineIndex: 0, teacher: 'CoeJM', subject: 'D  G4', classes: ['FOT 11B', '11', '12 1', '13'], lessonGroup: 'UW' },
        { lessonNumber: 1419, lineIndex: 0, teacher: 'DunHe', subject: 'EKGL3', classes: ['12'], lessonGroup: 'GW' },
        { lessonNumber: 1420, lineIndex: 0, teacher: 'SmeFr', subject: 'D  L3', classes: ['12'], lessonGroup: undefined },
      ]);
      expect(xml().placements).toHaveLength(9);
      expect(xml().courseChoices).toHaveLength(18 + 18 + 17);
    });

    it('reads the occurrence strings: one day each from the school-year start, odd and even weeks complementary', () => {
      const patterns = xml().lessonLines.map((line) => line.weekPattern);
      const days = patterns.map((pattern) => (pattern?.kind === 'OCCURRENCE' ? pattern.days : ''));
      const schoolYearDays = (Date.UTC(2010, 6, 16) - Date.UTC(2009, 7, 24)) / 86_400_000 + 1;

      expect(patterns.map((pattern) => pattern?.kind === 'OCCURRENCE' && pattern.startsOn)).toEqual(['2009-08-24', '2009-08-24', '2009-08-24']);
      expect(days.map((pattern) => pattern.length)).toEqual([schoolYearDays, schoolYearDays, schoolYearDays]);
      const [odd, even] = days;
      const complementary = [...odd].every((day, i) => (day === 'F' ? even[i] === 'F' : even[i] !== 'F' && even[i] !== day));
      expect(complementary).toBe(true);
    });

    it('matches the GPU002 of the same demo school', () => {
      const gpu = read('SchulIT__untisexporter/Exams/GPU002.TXT').lessonLines.find((line) => line.lessonNumber === 1418);

      expect(gpu).toMatchObject({ teacher: xml().lessonLines[0].teacher, subject: xml().lessonLines[0].subject, lessonGroup: 'UW' });
    });
  });
});

/** What every file of a kind must satisfy, whatever the school. */
function expectContentOfKind(result: UntisExport): void {
  const [info] = result.files;
  switch (info.kind) {
    case 'GPU001':
      expect(result.placements.length).toBeGreaterThan(0);
      expect(result.placements.every((p) => p.weekday >= 1 && p.weekday <= 7 && p.period >= 1 && p.lessonNumber >= 1)).toBe(true);
      break;
    case 'GPU002': {
      expect(result.lessonLines.length).toBeGreaterThan(0);
      expect(result.rangeFrom! <= result.rangeTo!).toBe(true);
      const linesPerLesson = new Map<number, number[]>();
      for (const line of result.lessonLines) linesPerLesson.set(line.lessonNumber, [...(linesPerLesson.get(line.lessonNumber) ?? []), line.lineIndex]);
      expect([...linesPerLesson.values()].every((indexes) => indexes.every((index, i) => index === i))).toBe(true);
      break;
    }
    case 'GPU003':
      expect(result.classes).toHaveLength(info.records);
      break;
    case 'GPU004':
      expect(result.teachers).toHaveLength(info.records);
      break;
    case 'GPU005':
      expect(result.rooms).toHaveLength(info.records);
      break;
    case 'GPU006':
      expect(result.subjects).toHaveLength(info.records);
      break;
    case 'GPU010':
      expect(result.pupils).toHaveLength(info.records);
      break;
    case 'GPU014':
      expect(result.substitutions).toHaveLength(info.records);
      break;
    case 'GPU015':
      expect(result.courseChoices).toHaveLength(info.records);
      break;
    case 'GPU018':
      expect(result.holidays).toHaveLength(info.records);
      break;
    case 'XML':
      expect(result.lessonLines.length).toBeGreaterThan(0);
      break;
    case 'UNSUPPORTED':
      expect(result.warnings.map((warning) => warning.message)).toContain(`${info.detectedAs} wird nicht importiert`);
      break;
  }
}
