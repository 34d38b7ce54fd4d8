import { fileKindKey, formatFileSize, mergeFiles } from './untis-files';

const file = (name: string, content = 'x') => new File([content], name);

describe('Untis import files', () => {
  describe('fileKindKey', () => {
    it('should name imported GPU files by number, whatever the case and extension', () => {
      expect(fileKindKey('GPU002.TXT')).toBe('GPU002');
      expect(fileKindKey('gpu014.txt')).toBe('GPU014');
      expect(fileKindKey('GPU001.csv')).toBe('GPU001');
    });

    it('when a GPU file is not read by the import → should say so', () => {
      expect(fileKindKey('GPU008.TXT')).toBe('gpuOther');
    });

    it('should recognise XML and ZIP by extension and leave everything else to the server', () => {
      expect(fileKindKey('Stundenplan 2026.XML')).toBe('xml');
      expect(fileKindKey('export.zip')).toBe('zip');
      expect(fileKindKey('export')).toBe('unknown');
    });
  });

  describe('mergeFiles', () => {
    it('should keep the order and replace a file of the same name by the newer one', () => {
      const old002 = file('GPU002.TXT', 'alt');
      const new002 = file('GPU002.TXT', 'neu');

      const merged = mergeFiles([old002, file('GPU001.TXT')], [new002, file('GPU014.TXT')]);

      expect(merged.map((f) => f.name)).toEqual(['GPU002.TXT', 'GPU001.TXT', 'GPU014.TXT']);
      expect(merged[0]).toBe(new002);
    });
  });

  describe('formatFileSize', () => {
    it('should show bytes whole and larger sizes with one decimal in the UI language', () => {
      expect(formatFileSize(812, 'de')).toBe('812 B');
      expect(formatFileSize(12_595, 'de')).toBe('12,3 KB');
      expect(formatFileSize(1_572_864, 'en')).toBe('1.5 MB');
    });
  });
});
