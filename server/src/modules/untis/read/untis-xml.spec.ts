import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { readUntisXml, splitIdList } from './untis-xml';
import { readError } from './testing/read-error';

const SMALL_XML = readFileSync(path.join(__dirname, 'fixtures', 'untis-small.xml'), 'utf8');
const REF = { file: 'untis.xml', line: 0 };

const read = (xml: string) => readUntisXml('untis.xml', xml);

/** The fixture with one lesson's XML replaced, to provoke one error at a time. */
function withLesson(lessonXml: string): string {
  return SMALL_XML.replace(/<lessons>[\s\S]*<\/lessons>/, `<lessons>${lessonXml}</lessons>`);
}

describe('readUntisXml', () => {
  describe('general and master data', () => {
    const part = read(SMALL_XML);

    it('should take school number and export range (the term) from <general>', () => {
      expect(part).toMatchObject({ schoolNumber: '170512', rangeFrom: '2026-09-14', rangeTo: '2027-01-31' });
    });

    it('should read the time grid, adding the leading zero that the hhmm ints lose', () => {
      expect(part.timeGrid).toEqual([
        { weekday: 1, period: 1, startsAt: '07:50', endsAt: '08:35', label: '1.', ref: REF },
        { weekday: 1, period: 2, startsAt: '08:40', endsAt: '09:25', ref: REF },
        { weekday: 3, period: 7, startsAt: '14:15', endsAt: '15:00', ref: REF },
      ]);
    });

    it('should read holidays with their type', () => {
      expect(part.holidays).toEqual([
        { shortName: 'Herbst', name: 'Herbstferien', startsOn: '2026-10-12', endsOn: '2026-10-23', isPublicHoliday: false, ref: REF },
        { shortName: '03.10.', name: 'Tag der Deutschen Einheit', startsOn: '2026-10-03', endsOn: '2026-10-03', isPublicHoliday: true, ref: REF },
      ]);
    });

    it('should strip the id prefixes and keep spaces inside short names', () => {
      expect(part.rooms).toEqual([
        { shortName: 'R 101', name: 'Raum 101', capacity: 30, ref: REF },
        { shortName: 'R 102', name: undefined, capacity: undefined, ref: REF },
        { shortName: 'R 103', name: undefined, capacity: undefined, ref: REF },
      ]);
      expect(part.subjects?.map((subject) => subject.shortName)).toEqual(['D  G4', 'EKGL3']);
      expect(part.classes).toEqual([
        { shortName: 'FOT 11B', longName: 'Fachoberschule 11B', validFrom: '2026-09-14', validTo: '2027-07-16', ref: REF },
        { shortName: '12 1', longName: undefined, validFrom: undefined, validTo: undefined, ref: REF },
      ]);
    });

    it('should read teachers and students', () => {
      expect(part.teachers).toEqual([
        { shortName: 'Mül', lastName: 'Müller', firstName: 'Jörg', email: 'mueller@lessing.example', ref: REF },
        { shortName: 'Öz', lastName: 'Öztürk', firstName: undefined, email: undefined, ref: REF },
      ]);
      expect(part.pupils).toEqual([
        { key: 'AckeT', lastName: 'Ackermann', firstName: 'Theresa', className: '12 1', birthDate: '2009-11-06', ref: REF },
        { key: 'BraM', lastName: 'Braun', firstName: 'Martin', className: 'FOT 11B', birthDate: undefined, ref: REF },
      ]);
    });
  });

  describe('lessons', () => {
    const part = read(SMALL_XML);

    it('should read one line per <lesson>, lesson number and line index from the id', () => {
      expect(part.lessonLines?.[0]).toEqual({
        lessonNumber: 1418,
        lineIndex: 0,
        teacher: 'Mül',
        subject: 'D  G4',
        classes: ['FOT 11B', '12 1'],
        rooms: ['R 101'],
        weeklyHours: 2,
        lessonGroup: 'UW',
        studentGroup: 'DG4_12',
        weekPattern: { kind: 'OCCURRENCE', startsOn: '2026-09-02', days: '111FF00000FF11111' },
        validFrom: '2026-09-14',
        validTo: '2027-07-16',
        text: 'Leistungskurs',
        ref: REF,
      });
      expect(part.lessonLines?.map(({ lessonNumber, lineIndex }) => [lessonNumber, lineIndex])).toEqual([[1418, 0], [1418, 1], [999, 0]]);
    });

    it('without occurrence string → should anchor the week letter at the Monday of the school-year start week', () => {
      expect(part.lessonLines?.[1].weekPattern).toEqual({ kind: 'CYCLE', length: 2, weeks: [2], anchorMonday: '2026-08-31' });
    });

    it('without occurrence string and week letter → should run every week', () => {
      expect(part.lessonLines?.[2].weekPattern).toEqual({ kind: 'EVERY' });
      expect(part.lessonLines?.[2].teacher).toBeUndefined();
    });

    it('should place each <time>, with all rooms when several are assigned', () => {
      expect(part.placements).toEqual([
        { lessonNumber: 1418, lineIndex: 0, teacher: 'Mül', subject: 'D  G4', classes: ['FOT 11B', '12 1'], weekday: 3, period: 7, room: 'R 101', ref: REF },
        {
          lessonNumber: 1418, lineIndex: 1, teacher: 'Öz', subject: 'EKGL3', classes: ['FOT 11B'], weekday: 3, period: 7,
          room: 'R 102', rooms: ['R 102', 'R 103'], ref: REF,
        },
        { lessonNumber: 999, lineIndex: 0, teacher: undefined, subject: 'D  G4', classes: ['12 1'], weekday: 1, period: 1, room: undefined, ref: REF },
      ]);
    });

    it('should read the students of a lesson as its course choices', () => {
      expect(part.courseChoices).toEqual([
        { pupilKey: 'AckeT', lessonNumber: 1418, subject: 'D  G4', ref: REF },
        { pupilKey: 'BraM', lessonNumber: 1418, subject: 'D  G4', ref: REF },
      ]);
    });

    it('should warn about nothing in a clean export', () => {
      expect(part.warnings).toEqual([]);
    });
  });

  describe('sections', () => {
    it('should treat an empty section as carried (empty) and a missing one as not carried', () => {
      const part = read('<?xml version="1.0"?><document><holidays/><rooms><room id="RM_A"/></rooms></document>');

      expect(part.holidays).toEqual([]);
      expect(part.rooms).toHaveLength(1);
      expect(part.teachers).toBeUndefined();
      expect(part.lessonLines).toBeUndefined();
      expect(part.rangeFrom).toBeUndefined();
    });

    it('when several time grids repeat day and period → should keep the first slot and warn once', () => {
      const second = '<timeperiod id="TP_9"><day>1</day><period>1</period><starttime>0800</starttime><endtime>0845</endtime><timegrid>Oberstufe</timegrid></timeperiod>';
      const xml = SMALL_XML.replace('</timeperiods>', `${second}${second.replace('TP_9', 'TP_10')}</timeperiods>`);

      const part = read(xml);

      expect(part.timeGrid).toHaveLength(3);
      expect(part.timeGrid?.[0].startsAt).toBe('07:50');
      expect(part.warnings.map((warning) => warning.message)).toEqual([
        'Zeitraster: 2 Einträge wiederholen Tag und Stunde eines früheren (mehrere Zeitraster?), zuerst TP_9 – übernommen wird jeweils der erste Eintrag',
      ]);
    });

    it('when a time has neither period nor a matching start time → should skip it with a warning', () => {
      const xml = withLesson('<lesson id="LS_100"><times><time><assigned_day>2</assigned_day><assigned_starttime>1111</assigned_starttime></time></times></lesson>');

      const part = read(xml);

      expect(part.lessonLines).toHaveLength(1);
      expect(part.placements).toEqual([]);
      expect(part.warnings.map((warning) => warning.message)).toEqual([
        'Unterricht LS_100: Termin am Tag 2 um 1111 hat keine Stunde und passt zu keinem Zeitraster-Eintrag – wird übersprungen',
      ]);
    });

    it('when the week periodicity is missing → should assume the smallest cycle that fits and warn', () => {
      const xml = SMALL_XML.replace('<week_periodicity>2</week_periodicity>', '');

      const part = read(xml);

      expect(part.lessonLines?.[1].weekPattern).toEqual({ kind: 'CYCLE', length: 2, weeks: [2], anchorMonday: '2026-08-31' });
      expect(part.warnings.map((warning) => warning.message)).toEqual([
        'Unterricht LS_141801: Woche B passt nicht zur Wochenperiodizität in <general> – Zyklus von 2 Wochen angenommen',
      ]);
    });
  });

  describe('errors', () => {
    it('when the XML is malformed → should reject it with the line the parser names', () => {
      const error = readError(() => read('<?xml version="1.0"?>\n<document>\n  <rooms>\n</document>'));

      expect(error.ref).toEqual({ file: 'untis.xml', line: 4 });
      expect(error.message).toMatch(/^untis\.xml Zeile 4: ist kein gültiges XML \(.+\) – die Datei ist beschädigt oder unvollständig$/);
    });

    it('when the root element is not <document> → should reject the file', () => {
      expect(readError(() => read('<?xml version="1.0"?><timetable/>')).message)
        .toBe('untis.xml: ist keine Untis-XML-Datei (Wurzelelement <document> fehlt)');
    });

    it('when a weekday is out of range → should name the lesson id and the element', () => {
      const xml = withLesson('<lesson id="LS_100"><times><time><assigned_day>9</assigned_day><assigned_period>1</assigned_period></time></times></lesson>');

      expect(readError(() => read(xml)).message).toBe('untis.xml: Unterricht LS_100, <assigned_day>: "9" ist kein Wochentag (erwartet 1–7)');
    });

    it('when a lesson id has no line digits → should reject it', () => {
      expect(readError(() => read(withLesson('<lesson id="LS_7"><times/></lesson>'))).message).toBe(
        'untis.xml: Unterricht LS_7, id: "LS_7" ist keine Unterrichts-id (erwartet LS_ + Unterrichtsnummer + zweistellige Zeile, z. B. LS_141800)',
      );
    });

    it('when a time is unreadable → should name the time period', () => {
      const xml = SMALL_XML.replace('<starttime>0840</starttime>', '<starttime>2561</starttime>');

      expect(readError(() => read(xml)).message).toBe('untis.xml: Zeitraster TP_2, <starttime>: "2561" ist keine Uhrzeit (erwartet hhmm, z. B. 0750)');
    });
  });

  describe('splitIdList', () => {
    it('should split at the prefix, never at spaces inside short names', () => {
      expect(splitIdList('CL_G 12 A CL_G 12 B', 'CL_')).toEqual(['G 12 A', 'G 12 B']);
      expect(splitIdList(' ST_FicT ST_GerlJ', 'ST_')).toEqual(['FicT', 'GerlJ']);
      expect(splitIdList('RM_R 5a', 'RM_')).toEqual(['R 5a']);
      expect(splitIdList(undefined, 'CL_')).toEqual([]);
    });
  });
});
