import * as iconv from 'iconv-lite';
import { UntisFileInfo, UntisReadError, UntisWarning } from './untis-export';

// Untis writes ANSI (Windows-1252) or UTF-8, depending on a checkbox in the export dialog, and the
// same data exists in both encodings. Order that works on every sample: BOM → strict UTF-8 →
// Windows-1252 (a superset of Latin-1 for printable characters, and every byte decodes).

export type UntisTextEncoding = UntisFileInfo['encoding'];

export interface DecodedText {
  text: string;
  encoding: UntisTextEncoding;
  warnings: UntisWarning[];
}

const REPLACEMENT_CHARACTER = '\uFFFD';

/** Text exports contain no control characters besides tab and line breaks; random bytes ~11 %. */
const MAX_CONTROL_CHARACTER_SHARE = 0.05;

interface ByteOrderMark {
  encoding: UntisTextEncoding;
  length: number;
}

export function decodeUntisBytes(fileName: string, bytes: Uint8Array): DecodedText {
  const bom = detectByteOrderMark(bytes);
  const isUtf16 = bom?.encoding === 'utf-16le' || bom?.encoding === 'utf-16be';
  // NUL never occurs in 8-bit text; only UTF-16 legitimately contains it.
  if (!isUtf16 && bytes.includes(0)) throw binaryInput(fileName);

  const { text, encoding } = bom ? decodeWithBom(bytes, bom) : decodeWithoutBom(bytes);
  if (hasTooManyControlCharacters(text)) throw binaryInput(fileName);
  return { text, encoding, warnings: replacementCharacterWarnings(fileName, text) };
}

function detectByteOrderMark(bytes: Uint8Array): ByteOrderMark | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return undefined;
}

function decodeWithBom(bytes: Uint8Array, bom: ByteOrderMark): { text: string; encoding: UntisTextEncoding } {
  const content = bytes.subarray(bom.length);
  // The BOM is a promise, not a proof: invalid sequences become U+FFFD and are warned about.
  const text = bom.encoding === 'utf-8'
    ? new TextDecoder('utf-8', { ignoreBOM: true }).decode(content)
    : iconv.decode(content, bom.encoding, { stripBOM: false });
  return { text, encoding: bom.encoding };
}

function decodeWithoutBom(bytes: Uint8Array): { text: string; encoding: UntisTextEncoding } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(bytes, 'windows-1252', { stripBOM: false }), encoding: 'windows-1252' };
  }
}

function hasTooManyControlCharacters(text: string): boolean {
  if (text.length === 0) return false;
  let controlCharacters = 0;
  for (let i = 0; i < text.length; i++) {
    if (isUnexpectedControlCharacter(text.charCodeAt(i))) controlCharacters++;
  }
  return controlCharacters / text.length > MAX_CONTROL_CHARACTER_SHARE;
}

function isUnexpectedControlCharacter(code: number): boolean {
  const isTabOrLineBreak = code === 0x09 || code === 0x0a || code === 0x0d;
  return (code < 0x20 && !isTabOrLineBreak) || code === 0x7f;
}

/**
 * U+FFFD means the umlauts were destroyed before the file reached us (an ANSI export once decoded
 * as UTF-8 and saved again). Nothing can repair that, but the admin must know: one warning per file.
 */
function replacementCharacterWarnings(fileName: string, text: string): UntisWarning[] {
  const first = text.indexOf(REPLACEMENT_CHARACTER);
  if (first < 0) return [];
  const lines = text.split(/\r\n|\r|\n/);
  const damagedLines = lines.filter((line) => line.includes(REPLACEMENT_CHARACTER)).length;
  const firstLine = lineNumberAt(text, first);
  return [{
    ref: { file: fileName, line: firstLine },
    message: `enthält ${damagedLines === 1 ? 'eine Zeile' : `${damagedLines} Zeilen`} mit dem Ersatzzeichen „\uFFFD“ `
      + `(zuerst Zeile ${firstLine}): Umlaute oder Sonderzeichen wurden schon vor dem Hochladen zerstört. `
      + 'Bitte die Datei neu aus Untis exportieren.',
  }];
}

function lineNumberAt(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x0a || (code === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) line++;
  }
  return line;
}

function binaryInput(fileName: string): UntisReadError {
  return new UntisReadError({ file: fileName, line: 0 }, 'ist keine Textdatei (Binärdaten)');
}
