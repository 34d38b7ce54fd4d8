import { unzipSync } from 'fflate';
import * as iconv from 'iconv-lite';
import type { UntisInputFile } from '../read/untis-export';
import { planTimetable } from './plan-timetable';
import { smallSchool } from './testing/small-school';
import type { UntisPlan } from './untis-plan';
import { writeUntisExport, writeZip, type UntisExportOptions } from './write-gpu-files';

const OPTIONS: UntisExportOptions = { encoding: 'windows-1252', validFrom: '2026-08-01', validTo: '2027-07-31' };

function setup(options: Partial<UntisExportOptions> = {}): { plan: UntisPlan; files: UntisInputFile[] } {
  const plan = planTimetable(smallSchool(), 1);
  return { plan, files: writeUntisExport(plan, { ...OPTIONS, ...options }) };
}

function file(files: readonly UntisInputFile[], name: string): UntisInputFile {
  const found = files.find((f) => f.name === name);
  if (!found) throw new Error(`no ${name}`);
  return found;
}

function lines(bytes: Uint8Array, encoding = 'windows-1252'): string[] {
  return iconv.decode(Buffer.from(bytes), encoding).split('\r\n').slice(0, -1);
}

/** Simple splitting, as a check that needs no CSV reader: no test value contains the separator. */
function cells(line: string, separator = ','): string[] {
  return line.split(separator).map((cell) => cell.replace(/^"(.*)"$/, '$1'));
}

describe('writeUntisExport', () => {
  it('should write the nine GPU files Untis exports for a timetable', () => {
    const { files } = setup();

    expect(files.map((f) => f.name)).toEqual([
      'GPU001.TXT', 'GPU002.TXT', 'GPU003.TXT', 'GPU004.TXT', 'GPU005.TXT', 'GPU006.TXT', 'GPU010.TXT', 'GPU015.TXT', 'GPU018.TXT',
    ]);
  });

  it('should end every record with CRLF and one trailing separator, with the cell counts of real exports', () => {
    const { files } = setup();
    // Cells per record including the empty trailing one, as in the hansadmin samples.
    const expected: Record<string, number> = {
      'GPU001.TXT': 9, 'GPU002.TXT': 47, 'GPU003.TXT': 33, 'GPU004.TXT': 45, 'GPU005.TXT': 18, 'GPU006.TXT': 23,
    };

    for (const [name, count] of Object.entries(expected)) {
      const text = iconv.decode(Buffer.from(file(files, name).bytes), 'windows-1252');
      expect(text.endsWith('\r\n')).toBe(true);
      expect(text.replace(/\r\n/g, '').includes('\n')).toBe(false);
      for (const line of lines(file(files, name).bytes)) {
        expect(line.endsWith(',')).toBe(true);
        expect(cells(line)).toHaveLength(count);
      }
    }
  });

  describe('encoding', () => {
    it('when Windows-1252 → should write ä as the single byte 0xE4 and keep every umlaut', () => {
      const { files } = setup();
      const teachers = Buffer.from(file(files, 'GPU004.TXT').bytes);
      const pupils = Buffer.from(file(files, 'GPU010.TXT').bytes);

      expect(teachers.includes(Buffer.from([0x22, 0x4a, 0xe4, 0x67, 0x65, 0x72, 0x22]))).toBe(true); // "Jäger"
      expect(teachers.includes(Buffer.from([0x22, 0x4a, 0xc4, 0x47, 0x22]))).toBe(true); // Kürzel "JÄG"
      expect(pupils.includes(Buffer.from([0x4a, 0xf6, 0x72, 0x67]))).toBe(true); // Jörg
      expect(iconv.decode(teachers, 'windows-1252')).toContain('"Käthe"');
    });

    it('when Windows-1252 lacks a letter → should refuse, or write "?" as Untis does when asked to', () => {
      const plan = planTimetable(smallSchool(), 1);
      plan.spec.teachers[0].lastName = 'Yılmaz';

      expect(() => writeUntisExport(plan, OPTIONS)).toThrow('GPU004.TXT line 1: "ı" has no Windows-1252 byte');
      const teachers = writeUntisExport(plan, { ...OPTIONS, unencodable: 'replace' }).find((f) => f.name === 'GPU004.TXT');
      expect(lines(teachers?.bytes ?? new Uint8Array())[0]).toContain('"Y?lmaz"');
    });

    it('when UTF-8 → should write umlauts as two bytes and no BOM', () => {
      const pupils = file(setup({ encoding: 'utf-8' }).files, 'GPU010.TXT').bytes;

      expect([...pupils.slice(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]);
      expect(new TextDecoder().decode(pupils)).toContain('"Jörg"');
      expect(Buffer.from(pupils).includes(Buffer.from([0xc3, 0xb6]))).toBe(true);
    });
  });

  describe('GPU002 field positions', () => {
    it('should write lesson number, hours, class, teacher, subject, room, lesson group, dates and student group by position', () => {
      const { plan, files } = setup();
      const history = plan.lessons.find((l) => l.classes[0] === '7a' && l.lines[0].subject === 'GE');

      const row = lines(file(files, 'GPU002.TXT').bytes).map((line) => cells(line)).find((c) => Number(c[0]) === history?.number);

      expect(row?.slice(0, 8)).toEqual([String(history?.number), '2', '2', '2', '7a', history?.lines[0].teacher, 'GE', history?.lines[0].subjectRoom]);
      expect(row?.[11]).toBe('UW');
      expect(row?.[14]).toBe('20260801');
      expect(row?.[15]).toBe('20270731');
      expect(row?.[10]).toBe('1.00000'); // a biweekly double period is one period a week
    });

    it('should write a coupling as line × class rows, hours on the first row of each class and line', () => {
      const { plan, files } = setup();
      const religion = plan.lessons.find((l) => l.kind === 'COUPLING' && l.lines[0].subject === 'ER');

      const rows = lines(file(files, 'GPU002.TXT').bytes).map((line) => cells(line)).filter((c) => Number(c[0]) === religion?.number);

      expect(rows.map((c) => [c[4], c[6], c[2], c[3]])).toEqual([
        ['7a', 'ER', '2', '2'], ['7b', 'ER', '2', '0'],
        ['7a', 'KR', '0', '2'], ['7b', 'KR', '0', '0'],
        ['7a', 'ETH', '0', '2'], ['7b', 'ETH', '0', '0'],
      ]);
    });

    it('should write a course with its year-group class and student group (field 42)', () => {
      const { files } = setup();

      const row = lines(file(files, 'GPU002.TXT').bytes).map((line) => cells(line)).find((c) => c[41] === 'DG1_Q1');

      expect(row?.[4]).toBe('Q1');
      expect(row?.[6]).toBe('D  G1');
    });
  });

  it('should write GPU001 as the cross product line × class per placed period', () => {
    const { plan, files } = setup();
    const religion = plan.lessons.find((l) => l.kind === 'COUPLING' && l.lines[0].subject === 'ER');

    const rows = lines(file(files, 'GPU001.TXT').bytes).map((line) => cells(line)).filter((c) => Number(c[0]) === religion?.number);

    expect(rows).toHaveLength(3 * 2 * 2); // lines × classes × periods
    expect(rows[0].slice(1, 4)).toEqual(['7a', religion?.lines[0].teacher, 'ER']);
  });

  it('should write course choices (GPU015) pupil by pupil with lesson number, subject and class', () => {
    const { plan, files } = setup();
    const german = plan.lessons.find((l) => l.studentGroup === 'DG1_Q1');

    const rows = lines(file(files, 'GPU015.TXT').bytes).map((line) => cells(line).slice(0, 5));

    expect(rows.filter((c) => c[0] === 'P1')).toContainEqual(['P1', String(german?.number), 'D  G1', '', 'Q1']);
  });

  it('should write holidays with bare dates and F for public holidays', () => {
    expect(lines(file(setup().files, 'GPU018.TXT').bytes)).toEqual([
      '"HERBST","Herbstferien",20261019,20261031,',
      '"03.10.","Tag der Deutschen Einheit",20261003,20261003,"F",',
    ]);
  });

  it('when a separator is chosen → should use it everywhere and keep the decimal dot', () => {
    for (const separator of [';', '\t'] as const) {
      const first = lines(file(setup({ separator }).files, 'GPU002.TXT').bytes)[0];

      expect(first.split(separator)).toHaveLength(47);
      expect(first).toContain('.00000');
      expect(first.includes(',')).toBe(false);
    }
  });

  it('should give identical bytes for the same plan (deterministic)', () => {
    expect(setup().files).toEqual(setup().files);
  });
});

describe('writeZip', () => {
  it('should pack the files into a deterministic ZIP', () => {
    const { files } = setup();

    const zip = writeZip(files);
    const entries = unzipSync(zip);

    expect(writeZip(files)).toEqual(zip);
    expect(Object.keys(entries)).toEqual(files.map((f) => f.name));
    expect(entries['GPU002.TXT']).toEqual(file(files, 'GPU002.TXT').bytes);
  });
});
