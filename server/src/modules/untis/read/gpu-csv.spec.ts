import { readGpuRecords, sniffSeparator } from './gpu-csv';

const fieldsOf = (text: string) => readGpuRecords('GPU001.TXT', text).records.map((record) => record.fields);
const linesOf = (text: string) => readGpuRecords('GPU001.TXT', text).records.map((record) => record.line);

describe('readGpuRecords', () => {
  describe('separator', () => {
    it('should sniff comma, semicolon and tab and read the same records with each', () => {
      const comma = '7,"09a","Form","F6","242",2,3,,\n';
      const semicolon = '7;"09a";"Form";"F6";"242";2;3;;\n';
      const tab = '7\t"09a"\t"Form"\t"F6"\t"242"\t2\t3\t\t\n';
      const expected = [['7', '09a', 'Form', 'F6', '242', '2', '3', '', '']];

      expect(readGpuRecords('a', comma)).toEqual({ separator: ',', records: [{ line: 1, fields: expected[0] }] });
      expect(readGpuRecords('a', semicolon)).toEqual({ separator: ';', records: [{ line: 1, fields: expected[0] }] });
      expect(readGpuRecords('a', tab)).toEqual({ separator: '\t', records: [{ line: 1, fields: expected[0] }] });
    });

    it('should ignore separators inside quotes when sniffing', () => {
      expect(sniffSeparator('"a,b,c,d";"e,f,g";x;\n')).toBe(';');
      expect(sniffSeparator('"a;b;c;d","e;f",x,\n')).toBe(',');
    });

    it('should keep the dot of decimals inside semicolon files', () => {
      expect(fieldsOf('1418;2;0.66670;1.5;\n')).toEqual([['1418', '2', '0.66670', '1.5', '']]);
    });
  });

  describe('quoting', () => {
    it('should read quoted and unquoted numbers and strings alike', () => {
      expect(fieldsOf('"2","2",09a,WELL,"SP",2.05\n')).toEqual([['2', '2', '09a', 'WELL', 'SP', '2.05']]);
    });

    it('should read "" inside quotes as one literal quote and keep separators inside quotes', () => {
      expect(fieldsOf('1,"Kurs ""Theater"", AG","a,b"\n')).toEqual([['1', 'Kurs "Theater", AG', 'a,b']]);
    });

    it('when a quote stands inside a quoted text → should keep it instead of swallowing the following lines', () => {
      expect(fieldsOf('1,"Prakt. 4"AFMBM",x\n2,"b",y\n')).toEqual([['1', 'Prakt. 4"AFMBM', 'x'], ['2', 'b', 'y']]);
    });

    it('should keep whitespace and internal double spaces exactly (trimming is up to the field)', () => {
      expect(fieldsOf('"D  G4"," S",\n')).toEqual([['D  G4', ' S', '']]);
    });

    it('should accept a line break inside quotes and still count lines correctly', () => {
      const records = readGpuRecords('a', '1,"zwei\nZeilen",x\n2,"b",y\n').records;

      expect(records).toEqual([{ line: 1, fields: ['1', 'zwei\nZeilen', 'x'] }, { line: 3, fields: ['2', 'b', 'y'] }]);
    });

    it('when a quote is still open at the end of the file → should report a truncated file with line and field', () => {
      const text = '1,"a",x,\n2,"b",y,\n3,"unvollst';

      expect(() => readGpuRecords('GPU002.TXT', text)).toThrow(
        'GPU002.TXT Zeile 3, Feld 2: Anführungszeichen wird bis zum Dateiende nicht geschlossen – die Datei ist vermutlich '
          + 'unvollständig (abgeschnitten). Bitte die Datei neu aus Untis exportieren.',
      );
    });
  });

  describe('lines', () => {
    it('should read CRLF, LF, CR and a missing final line break alike', () => {
      const expected = [['1', 'a'], ['2', 'b']];

      expect(fieldsOf('1,"a"\r\n2,"b"\r\n')).toEqual(expected);
      expect(fieldsOf('1,"a"\n2,"b"\n')).toEqual(expected);
      expect(fieldsOf('1,"a"\r2,"b"\r')).toEqual(expected);
      expect(fieldsOf('1,"a"\n2,"b"')).toEqual(expected);
      expect(fieldsOf('1,a\r\n2,b')).toEqual(expected);
    });

    it('should skip all-empty records such as ,,,, and blank lines but keep true line numbers', () => {
      const text = ',,,,,,,,,,,,,\r\n\r\n1,"a",\r\n"",  ,\r\n2,"b",\r\n';

      expect(linesOf(text)).toEqual([3, 5]);
    });

    it('should accept an empty file with no records and no separator', () => {
      expect(readGpuRecords('GPU014.TXT', '')).toEqual({ records: [] });
      expect(readGpuRecords('GPU015.TXT', ',,,,,,,,,,,,,\r\n')).toEqual({ separator: ',', records: [] });
    });

    it('should keep rows of different length as they are (padding is up to the field access)', () => {
      expect(fieldsOf('1,a,\n2\n3,c,d,e,f,g\n')).toEqual([['1', 'a', ''], ['2'], ['3', 'c', 'd', 'e', 'f', 'g']]);
    });
  });
});
