import * as iconv from 'iconv-lite';
import { decodeUntisBytes } from './decode';
import { readError } from './testing/read-error';

const TEXT = '"Mü","Müller Jörg",,"Straße",,€ 5\r\n"Öz","Öztürk Ayşe",,,\r\n';
const ANSI_TEXT = '"Mü","Müller Jörg",,"Straße",,€ 5\r\n';

const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));
const withBytesBefore = (prefix: number[], bytes: Uint8Array) => new Uint8Array([...prefix, ...bytes]);

describe('decodeUntisBytes', () => {
  it('should read UTF-8 without BOM as UTF-8', () => {
    const decoded = decodeUntisBytes('GPU004.TXT', utf8(TEXT));

    expect(decoded).toEqual({ text: TEXT, encoding: 'utf-8', warnings: [] });
  });

  it('should strip a UTF-8 BOM', () => {
    const decoded = decodeUntisBytes('GPU004.TXT', withBytesBefore([0xef, 0xbb, 0xbf], utf8(TEXT)));

    expect(decoded.text).toBe(TEXT);
    expect(decoded.encoding).toBe('utf-8');
  });

  it('when the bytes are no valid UTF-8 → should read them as Windows-1252 with umlauts and € intact', () => {
    const decoded = decodeUntisBytes('GPU004.TXT', new Uint8Array(iconv.encode(ANSI_TEXT, 'windows-1252')));

    expect(decoded).toEqual({ text: ANSI_TEXT, encoding: 'windows-1252', warnings: [] });
  });

  it('should read UTF-16 little and big endian when a BOM says so', () => {
    const little = new Uint8Array(iconv.encode(TEXT, 'utf-16le'));
    const big = new Uint8Array(iconv.encode(TEXT, 'utf-16be'));

    expect(decodeUntisBytes('a.TXT', withBytesBefore([0xff, 0xfe], little))).toEqual({ text: TEXT, encoding: 'utf-16le', warnings: [] });
    expect(decodeUntisBytes('a.TXT', withBytesBefore([0xfe, 0xff], big))).toEqual({ text: TEXT, encoding: 'utf-16be', warnings: [] });
  });

  it('should accept an empty file', () => {
    expect(decodeUntisBytes('GPU014.TXT', new Uint8Array())).toEqual({ text: '', encoding: 'utf-8', warnings: [] });
  });

  it('when the text contains U+FFFD → should warn once, naming the first damaged line', () => {
    const text = '"AB","Werkstätte",\n"CD","Werkst\uFFFDtte",\n"EF","K\uFFFDche",\n';

    const { warnings } = decodeUntisBytes('GPU005.TXT', utf8(text));

    expect(warnings).toEqual([{
      ref: { file: 'GPU005.TXT', line: 2 },
      message: 'enthält 2 Zeilen mit dem Ersatzzeichen „\uFFFD“ (zuerst Zeile 2): Umlaute oder Sonderzeichen wurden '
        + 'schon vor dem Hochladen zerstört. Bitte die Datei neu aus Untis exportieren.',
    }]);
  });

  it('when a byte is NUL and there is no UTF-16 BOM → should reject the file as binary', () => {
    const error = readError(() => decodeUntisBytes('GPU001.TXT', new Uint8Array([0x31, 0x2c, 0x00, 0x32])));

    expect(error.message).toBe('GPU001.TXT: ist keine Textdatei (Binärdaten)');
  });

  it('when many control characters occur → should reject the file as binary', () => {
    const garbage = new Uint8Array(400).map((_, i) => (i % 7 === 0 ? 0x03 : 0x41 + (i % 26)));

    expect(readError(() => decodeUntisBytes('GPU002.TXT', garbage)).message).toBe('GPU002.TXT: ist keine Textdatei (Binärdaten)');
  });

  it('when random bytes arrive → should reject them as binary', () => {
    let seed = 42;
    const random = new Uint8Array(2048).map(() => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % 256);

    expect(() => decodeUntisBytes('GPU001.TXT', random)).toThrow('ist keine Textdatei (Binärdaten)');
  });
});
