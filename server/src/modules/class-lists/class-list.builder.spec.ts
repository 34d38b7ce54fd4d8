import ExcelJS from 'exceljs';
import { buildClassListCsv, buildClassListXlsx, ClassListData, classListFileName, germanDate } from './class-list.builder';

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

function classList(pupils: ClassListData['pupils']): ClassListData {
  return { schoolName: 'Lessing-Gymnasium', groupName: '7b', schoolYearName: '2026/27', classTeachers: ['Katrin Weiß'], printedOn: '2026-11-28', pupils };
}

describe('class-list builder', () => {
  describe('germanDate', () => {
    it('should write calendar days as dd.mm.yyyy and nothing for a missing day', () => {
      expect(germanDate('2013-02-03')).toBe('03.02.2013');
      expect(germanDate(null)).toBe('');
    });
  });

  describe('buildClassListCsv', () => {
    it('should start with the UTF-8 BOM and end every line with CRLF', () => {
      const csv = buildClassListCsv(classList([{ lastName: 'Groß', firstName: 'Jörg', birthDate: '2013-02-03', gender: 'M' }]));

      expect(csv.subarray(0, 3)).toEqual(BOM);
      const text = csv.subarray(3).toString('utf8');
      expect(text).toBe('Nr.;Nachname;Vorname;Geburtsdatum;Geschlecht\r\n1;Groß;Jörg;03.02.2013;M\r\n');
    });

    it('when a value contains ; or " or a line break → should quote it and double the quotes', () => {
      const csv = buildClassListCsv(classList([
        { lastName: 'Meyer; Schulze', firstName: 'Anna "Anni"', birthDate: null, gender: null },
        { lastName: 'Zeile\nUmbruch', firstName: 'Ben', birthDate: '2012-12-31', gender: 'D' },
      ]));

      const lines = csv.subarray(3).toString('utf8').split('\r\n');
      expect(lines[1]).toBe('1;"Meyer; Schulze";"Anna ""Anni""";;');
      expect(lines[2]).toBe('2;"Zeile\nUmbruch";Ben;31.12.2012;D');
    });

    it('when a value starts like a spreadsheet formula → should write it as text, never as a formula', () => {
      const csv = buildClassListCsv(classList([
        { lastName: '=HYPERLINK("http://x")', firstName: '@SUM(A1)', birthDate: null, gender: null },
      ]));

      const lines = csv.subarray(3).toString('utf8').split('\r\n');
      expect(lines[1]).toBe(`1;"'=HYPERLINK(""http://x"")";'@SUM(A1);;`);
    });

    it('when the class is empty → should still write the header', () => {
      expect(buildClassListCsv(classList([])).subarray(3).toString('utf8')).toBe('Nr.;Nachname;Vorname;Geburtsdatum;Geschlecht\r\n');
    });
  });

  describe('buildClassListXlsx', () => {
    it('should write title, class teacher, header and one numbered row per pupil', async () => {
      const buffer = await buildClassListXlsx(classList([
        { lastName: 'Groß', firstName: 'Jörg', birthDate: '2013-02-03', gender: 'M' },
        { lastName: 'Özdemir', firstName: 'Elif', birthDate: null, gender: 'W' },
      ]));

      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(buffer as never);
      const sheet = workbook.worksheets[0];
      expect(sheet.name).toBe('Klasse 7b');
      expect(sheet.getCell('A1').value).toBe('Lessing-Gymnasium – Klasse 7b – Schuljahr 2026/27');
      expect(sheet.getCell('A2').value).toBe('Klassenleitung: Katrin Weiß');
      expect(sheet.getCell('D2').value).toBe('Stand: 28.11.2026');
      const rows = [4, 5, 6].map((n) => (sheet.getRow(n).values as unknown[]).slice(1));
      expect(rows).toEqual([
        ['Nr.', 'Nachname', 'Vorname', 'Geburtsdatum', 'Geschlecht'],
        [1, 'Groß', 'Jörg', '03.02.2013', 'M'],
        [2, 'Özdemir', 'Elif', '', 'W'],
      ]);
    });
  });

  describe('classListFileName', () => {
    it('should keep letters, digits and umlauts and replace everything else', () => {
      expect(classListFileName({ ...classList([]), groupName: 'Q1 / Mathe "LK" 1' }, 'xlsx')).toBe('Klassenliste_Q1_Mathe_LK_1_2026-11-28.xlsx');
      expect(classListFileName({ ...classList([]), groupName: '5ä' }, 'csv')).toBe('Klassenliste_5ä_2026-11-28.csv');
    });
  });
});
