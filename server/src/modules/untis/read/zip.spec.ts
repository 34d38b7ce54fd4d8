import { strToU8, zipSync } from 'fflate';
import { isZipArchive, unzipUntisArchive } from './zip';

const archive = (files: Record<string, Uint8Array>) => ({ name: 'export.zip', bytes: zipSync(files) });

/** Overwrites the uncompressed size that the central directory declares for every entry. */
function declareUncompressedSize(zip: Uint8Array, size: number): Uint8Array {
  const bytes = zip.slice();
  const view = new DataView(bytes.buffer);
  for (let offset = 0; offset < bytes.length - 4; offset++) {
    if (view.getUint32(offset, true) === 0x02014b50) view.setUint32(offset + 24, size, true);
  }
  return bytes;
}

describe('zip', () => {
  it('should recognise archives by their magic bytes', () => {
    expect(isZipArchive(zipSync({ 'a.txt': strToU8('a') }))).toBe(true);
    expect(isZipArchive(zipSync({}))).toBe(true);
    expect(isZipArchive(strToU8('1,"5a",'))).toBe(false);
  });

  it('should return the files named after the archive and skip folders, __MACOSX and hidden files', () => {
    const files = unzipUntisArchive(archive({
      'export/': new Uint8Array(),
      'export/GPU001.TXT': strToU8('1,"5a","Mül","M","101",1,1,,\r\n'),
      'export/GPU002.TXT': strToU8('1,2,2,2,"5a","Mül","M",,\r\n'),
      '__MACOSX/export/._GPU001.TXT': strToU8('resource fork'),
      'export/.DS_Store': strToU8('finder'),
    }));

    expect(files.map((file) => file.name)).toEqual(['export.zip/export/GPU001.TXT', 'export.zip/export/GPU002.TXT']);
    expect(Buffer.from(files[0].bytes).toString('utf8')).toBe('1,"5a","Mül","M","101",1,1,,\r\n');
  });

  it('when the archive is damaged → should say so in German', () => {
    const damaged = { name: 'export.zip', bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]) };

    expect(() => unzipUntisArchive(damaged)).toThrow(
      'export.zip: ist kein lesbares ZIP-Archiv (beschädigt, unvollständig, verschlüsselt oder mit nicht unterstützter Kompression)',
    );
  });

  it('when the archive holds more than 200 files → should refuse to unpack it', () => {
    const many = Object.fromEntries(Array.from({ length: 201 }, (_, i) => [`GPU${i}.TXT`, strToU8('x')]));

    expect(() => unzipUntisArchive(archive(many))).toThrow(
      'export.zip: enthält mehr als 200 Dateien – so groß ist kein Untis-Export; das Archiv wird nicht entpackt',
    );
  });

  it('when the declared sizes add up to more than 50 MB → should refuse before inflating anything', () => {
    const bomb = declareUncompressedSize(zipSync({ 'GPU001.TXT': strToU8('1,"5a",'), 'GPU002.TXT': strToU8('2,"5b",') }), 30 * 1024 * 1024);

    expect(() => unzipUntisArchive({ name: 'bomb.zip', bytes: bomb })).toThrow(
      'bomb.zip: wäre entpackt größer als 50 MB – so groß ist kein Untis-Export; das Archiv wird nicht entpackt',
    );
  });

  it('should apply the size limit to real content as well', () => {
    const zeros = zipSync({ 'GPU001.TXT': new Uint8Array(2 * 1024 * 1024) }, { level: 9 });

    expect(zeros.length).toBeLessThan(10 * 1024);
    expect(() => unzipUntisArchive({ name: 'zeros.zip', bytes: zeros }, { maxEntries: 200, maxTotalBytes: 1024 * 1024 }))
      .toThrow('zeros.zip: wäre entpackt größer als 1 MB');
  });
});
