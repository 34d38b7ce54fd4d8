import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import * as iconv from 'iconv-lite';
import { readUntisFiles } from './read-untis-files';
import { UntisExport, UntisInputFile } from './untis-export';
import { readError } from './testing/read-error';

// A small GPU set with umlauts, a coupling (lesson 1: two lines × two classes) and a substitution.
const SET: Record<string, string> = {
  'GPU001.TXT': [
    '1,"5a","Mül","D","R 101",1,1,,',
    '1,"5b","Mül","D","R 101",1,1,,',
    '1,"5a","Weiß","D  G4","R 102",1,1,,',
    '1,"5b","Weiß","D  G4","R 102",1,1,,',
    '2,"5a","Weiß","M","R 101",2,3,,',
  ].join('\r\n'),
  'GPU002.TXT': [
    '1,2,2,2,"5a","Mül","D","R 101",,25,2.00000,"UW",,,"20260914","20270131",0.00282,,,,,,,"c",,,,1,1,,,,,12,13,,,,,200000,2.00000,"D_5",,,,0,',
    '1,2,2,0,"5b","Mül","D","R 101",,25,2.00000,"UW",,,"20260914","20270131",0.00282,,,,,,,"c",,,,1,1,,,,,12,13,,,,,200000,2.00000,"D_5",,,,0,',
    '1,2,0,2,"5a","Weiß","D  G4","R 102",,25,2.00000,"UW",,,"20260914","20270131",0.00282,,,,,,,"c",,,,1,1,,,,,12,13,,,,,200000,2.00000,"D_5",,,,0,',
    '1,2,0,0,"5b","Weiß","D  G4","R 102",,25,2.00000,"UW",,,"20260914","20270131",0.00282,,,,,,,"c",,,,1,1,,,,,12,13,,,,,200000,2.00000,"D_5",,,,0,',
    '2,4,4,4,"5a","Weiß","M","R 101",,25,4.00000,,,,"20260901","20270716",0.01880,,,,,,,"c",,,,1,1,,,,,12,13,,,,,400000,4.00000,,,,,0,',
  ].join('\r\n'),
  'GPU004.TXT': [
    '"Mül","Müller",,,,,,,,,,,,,,,,"100000",,,,,,,,,,,"Jörg",,"2",,"mueller@schule.example",0,,,,,,,,,,,',
    '"Weiß","Weiß Käthe",,,,,,,,,,,,,,,,"100000",,,,,,,,,,,,,"1",,,0,,,,,,,,,,,',
  ].join('\r\n'),
  'GPU014.TXT': '7,"20260915",1,,2,"Weiß","Mül","M",,"M",,"R 101","R 102",,"5a","Krank","Vertretung für Frau Weiß",0,"5a",,202609141200,"+"',
  'GPU018.TXT': '"HERBST","Herbstferien",20261012,20261023,',
};

type Encoding = 'windows-1252' | 'utf-8' | 'utf-8-bom' | 'utf-16le-bom';

function encode(text: string, encoding: Encoding): Uint8Array {
  switch (encoding) {
    case 'windows-1252': return new Uint8Array(iconv.encode(text, 'windows-1252'));
    case 'utf-8': return new Uint8Array(Buffer.from(text, 'utf8'));
    case 'utf-8-bom': return new Uint8Array(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]));
    case 'utf-16le-bom': return new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')]));
  }
}

function setAs(options: { encoding?: Encoding; separator?: string; lineEnd?: string; finalLineEnd?: boolean } = {}): UntisInputFile[] {
  const { encoding = 'utf-8', separator = ',', lineEnd = '\r\n', finalLineEnd = true } = options;
  return Object.entries(SET).map(([name, text]) => {
    // The set has no separator inside quotes, so a plain replacement changes the separator.
    const converted = text.replaceAll(',', separator).replaceAll('\r\n', lineEnd) + (finalLineEnd ? lineEnd : '');
    return { name, bytes: encode(converted, encoding) };
  });
}

/** Everything but the file list, which differs in encoding, separator, hash and size. */
function content(result: UntisExport): Omit<UntisExport, 'files'> {
  const { files: _files, ...rest } = result;
  return rest;
}

const file = (name: string, text: string): UntisInputFile => ({ name, bytes: strToU8(text) });

describe('readUntisFiles', () => {
  const reference = readUntisFiles(setAs());

  describe('a GPU set', () => {
    it('should read and merge all files of the set', () => {
      expect(reference.placements).toHaveLength(3);
      expect(reference.lessonLines.map(({ lessonNumber, lineIndex, teacher, classes }) => ({ lessonNumber, lineIndex, teacher, classes }))).toEqual([
        { lessonNumber: 1, lineIndex: 0, teacher: 'Mül', classes: ['5a', '5b'] },
        { lessonNumber: 1, lineIndex: 1, teacher: 'Weiß', classes: ['5a', '5b'] },
        { lessonNumber: 2, lineIndex: 0, teacher: 'Weiß', classes: ['5a'] },
      ]);
      expect(reference.teachers.map(({ shortName, lastName, firstName }) => ({ shortName, lastName, firstName }))).toEqual([
        { shortName: 'Mül', lastName: 'Müller', firstName: 'Jörg' },
        { shortName: 'Weiß', lastName: 'Weiß Käthe', firstName: undefined },
      ]);
      expect(reference.substitutions[0]).toMatchObject({ kind: 'SUBSTITUTION', absentTeacher: 'Weiß', substituteTeacher: 'Mül', text: 'Vertretung für Frau Weiß' });
      expect(reference.holidays[0]).toMatchObject({ shortName: 'HERBST', startsOn: '2026-10-12', endsOn: '2026-10-23' });
      expect(reference.warnings).toEqual([]);
    });

    it('should flag only the content the files carried', () => {
      expect(reference.present).toEqual({
        timeGrid: false, teachers: true, classes: false, rooms: false, subjects: false, lessons: true,
        placements: true, substitutions: true, pupils: false, courseChoices: false, holidays: true,
      });
    });

    it('should take the export range from the validity of the GPU002 lessons', () => {
      expect(reference).toMatchObject({ rangeFrom: '2026-09-01', rangeTo: '2027-07-16' });
      expect(reference.schoolNumber).toBeUndefined();
    });

    it('should describe every file: kind, encoding, separator, records, hash and size', () => {
      const bytes = setAs()[0].bytes;

      expect(reference.files[0]).toEqual({
        name: 'GPU001.TXT', kind: 'GPU001', detectedAs: 'GPU001', encoding: 'utf-8', separator: ',', records: 5,
        sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length,
      });
      expect(reference.files.map((info) => info.kind)).toEqual(['GPU001', 'GPU002', 'GPU004', 'GPU014', 'GPU018']);
    });
  });

  describe('the same content in other forms', () => {
    it.each<[Encoding, string[]]>([
      // GPU018 holds no umlaut: pure ASCII is valid UTF-8, and both read the same.
      ['windows-1252', ['windows-1252', 'windows-1252', 'windows-1252', 'windows-1252', 'utf-8']],
      ['utf-8-bom', Array(5).fill('utf-8')],
      ['utf-16le-bom', Array(5).fill('utf-16le')],
    ])('%s → should give the same result as UTF-8, umlauts intact', (encoding, detected) => {
      const result = readUntisFiles(setAs({ encoding }));

      expect(content(result)).toEqual(content(reference));
      expect(result.files.map((info) => info.encoding)).toEqual(detected);
    });

    it.each([';', '\t'])('separator %j → should give the same result as comma', (separator) => {
      const result = readUntisFiles(setAs({ separator }));

      expect(content(result)).toEqual(content(reference));
      expect(result.files[0].separator).toBe(separator);
    });

    it.each([['LF', '\n', true], ['CRLF without final line break', '\r\n', false]] as const)('%s → should give the same result', (_label, lineEnd, finalLineEnd) => {
      expect(content(readUntisFiles(setAs({ lineEnd, finalLineEnd })))).toEqual(content(reference));
    });

    it('as a ZIP (recognised by its bytes, not its name) → should give the same result', () => {
      const entries = Object.fromEntries(setAs().map((input) => [`Export/${input.name}`, input.bytes]));

      const result = readUntisFiles([{ name: 'stundenplan', bytes: zipSync(entries) }]);

      expect(result.files.map((info) => info.name)).toEqual(Object.keys(SET).map((name) => `stundenplan/Export/${name}`));
      expect(result.lessonLines.map(({ ref, ...line }) => ({ ...line, ref: { ...ref, file: path.basename(ref.file) } })))
        .toEqual(reference.lessonLines);
    });
  });

  describe('kind detection', () => {
    it.each(['gpu002.txt', 'GPU002-semicolon.TXT', 'C:\\Untis\\Export\\GPU002.TXT', 'export/GPU002.txt'])('should read %s as GPU002', (name) => {
      expect(readUntisFiles([{ name, bytes: setAs()[1].bytes }]).files[0]).toMatchObject({ kind: 'GPU002', detectedAs: 'GPU002' });
    });

    it('should recognise the XML by its content, whatever the name', () => {
      const xml = readFileSync(path.join(__dirname, 'fixtures', 'untis-small.xml'));

      const result = readUntisFiles([{ name: 'export.dat', bytes: new Uint8Array(xml) }]);

      expect(result.files[0]).toMatchObject({ kind: 'XML', detectedAs: 'XML', encoding: 'utf-8', records: 19 });
      expect(result.files[0].separator).toBeUndefined();
      expect(result.present).toEqual({
        timeGrid: true, teachers: true, classes: true, rooms: true, subjects: true, lessons: true,
        placements: true, substitutions: false, pupils: true, courseChoices: true, holidays: true,
      });
      expect(result).toMatchObject({ schoolNumber: '170512', rangeFrom: '2026-09-14', rangeTo: '2027-01-31' });
    });

    it('should list a known but unsupported GPU file and warn that it is not imported', () => {
      const result = readUntisFiles([file('GPU009.TXT', '"Hof","BraWi",1,2,5,\n"Neu",,2,3,15,\n')]);

      expect(result.files[0]).toMatchObject({ name: 'GPU009.TXT', kind: 'UNSUPPORTED', detectedAs: 'GPU009', separator: ',', records: 2 });
      expect(result.warnings).toEqual([{ ref: { file: 'GPU009.TXT', line: 0 }, message: 'GPU009 wird nicht importiert' }]);
      expect(Object.values(result.present).every((present) => !present)).toBe(true);
    });

    it('when an unsupported file is damaged → should only warn, it is not needed', () => {
      const result = readUntisFiles([file('GPU017.TXT', '"121",30,"L",20090929,3,4,"E  L2~E')]);

      expect(result.files[0]).toMatchObject({ kind: 'UNSUPPORTED', detectedAs: 'GPU017', records: 0 });
      expect(result.warnings.map((warning) => warning.message)).toEqual([
        'GPU017 wird nicht importiert',
        expect.stringContaining('Anführungszeichen wird bis zum Dateiende nicht geschlossen'),
      ]);
    });

    it.each(['getklassen.json', 'GPU024.TXT', 'GPP002.TXT', 'notizen.txt'])('should reject %s as no Untis file', (name) => {
      expect(readError(() => readUntisFiles([file(name, '{"result": []}')])).message)
        .toBe(`${name}: ist keine Untis-Datei (GPU001–GPU023 oder XML erwartet)`);
    });
  });

  describe('several files', () => {
    it('when two files have the same kind → should reject the second', () => {
      const files = [file('a/GPU002.TXT', ''), file('b/gpu002.txt', '')];

      expect(readError(() => readUntisFiles(files)).message)
        .toBe('b/gpu002.txt: ist schon die zweite GPU002-Datei (die erste ist „a/GPU002.TXT“) – bitte nur eine hochladen');
    });

    it('when XML and GPU002 both carry lessons → should reject the second source', () => {
      const files = [
        { name: 'untis.xml', bytes: new Uint8Array(readFileSync(path.join(__dirname, 'fixtures', 'untis-small.xml'))) },
        setAs()[1],
      ];

      expect(readError(() => readUntisFiles(files)).message)
        .toBe('GPU002.TXT: enthält Unterricht – diese Inhalte stehen schon in „untis.xml“; bitte für jeden Inhalt nur eine Quelle hochladen');
    });

    it('should combine the XML with GPU014 substitutions, which the XML does not carry', () => {
      const files = [
        { name: 'untis.xml', bytes: new Uint8Array(readFileSync(path.join(__dirname, 'fixtures', 'untis-small.xml'))) },
        setAs()[3],
      ];

      const result = readUntisFiles(files);

      expect(result.substitutions).toHaveLength(1);
      expect(result.lessonLines).toHaveLength(3);
      expect(result.rangeFrom).toBe('2026-09-14');
    });

    it('should accept 0-byte files and `,,,,` records, flag the content as carried and warn that it is empty', () => {
      const result = readUntisFiles([file('GPU014.TXT', ''), file('GPU015.TXT', ',,,,,,,,,,,,,\r\n')]);

      expect(result.present.substitutions).toBe(true);
      expect(result.present.courseChoices).toBe(true);
      expect(result.substitutions).toEqual([]);
      expect(result.files.map(({ records, separator }) => ({ records, separator }))).toEqual([{ records: 0, separator: undefined }, { records: 0, separator: ',' }]);
      expect(result.warnings).toEqual([
        { ref: { file: 'GPU014.TXT', line: 0 }, message: 'enthält keine Datensätze' },
        { ref: { file: 'GPU015.TXT', line: 0 }, message: 'enthält keine Datensätze' },
      ]);
    });

    it('should return an empty export for an empty upload', () => {
      const result = readUntisFiles([]);

      expect(result.files).toEqual([]);
      expect(Object.values(result.present).some(Boolean)).toBe(false);
    });
  });

  describe('unreadable input', () => {
    it('when a file is cut off inside a quote → should name file and line', () => {
      const truncated = SET['GPU002.TXT'].slice(0, SET['GPU002.TXT'].indexOf('"Weiß","M"') + 4);

      expect(readError(() => readUntisFiles([file('GPU002.TXT', truncated)])).message).toMatch(
        /^GPU002\.TXT Zeile 5, Feld 6: Anführungszeichen wird bis zum Dateiende nicht geschlossen/,
      );
    });

    it('when a file is binary → should reject it', () => {
      const garbage = { name: 'GPU001.TXT', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]) };

      expect(readError(() => readUntisFiles([garbage])).message).toBe('GPU001.TXT: ist keine Textdatei (Binärdaten)');
    });

    it('when the XML is malformed → should reject it with its line', () => {
      expect(readError(() => readUntisFiles([file('untis.xml', '<?xml version="1.0"?>\n<document>\n<rooms>\n</document>\n')])).message)
        .toMatch(/^untis\.xml Zeile 4: ist kein gültiges XML/);
    });

    it('when a weekday is invalid → should name file, line, field and what was expected', () => {
      const rows = SET['GPU001.TXT'].replace('"R 101",2,3', '"R 101",8,3');

      expect(readError(() => readUntisFiles([file('GPU001.TXT', rows)])).message)
        .toBe('GPU001.TXT Zeile 5, Feld 6 (Wochentag): "8" ist kein Wochentag (erwartet 1–7)');
    });

    it('when a ZIP would unpack to more than 50 MB → should refuse it', () => {
      // A few bytes that claim to unpack to 51 MB: the claim alone must stop it.
      const bomb = zipSync({ 'GPU001.TXT': strToU8(SET['GPU001.TXT']) });
      const view = new DataView(bomb.buffer);
      const centralDirectory = bomb.findIndex((_, i) => i + 4 <= bomb.length && view.getUint32(i, true) === 0x02014b50);
      view.setUint32(centralDirectory + 24, 51 * 1024 * 1024, true);

      expect(readError(() => readUntisFiles([{ name: 'upload.zip', bytes: bomb }])).message)
        .toBe('upload.zip: wäre entpackt größer als 50 MB – so groß ist kein Untis-Export; das Archiv wird nicht entpackt');
    });

    it('when a ZIP contains another ZIP → should ask for a flat archive', () => {
      const inner = zipSync({ 'GPU001.TXT': strToU8(SET['GPU001.TXT']) });

      expect(readError(() => readUntisFiles([{ name: 'a.zip', bytes: zipSync({ 'b.zip': inner }) }])).message)
        .toBe('a.zip/b.zip: ist ein ZIP-Archiv im ZIP-Archiv – bitte die Dateien direkt in ein Archiv packen');
    });
  });
});
