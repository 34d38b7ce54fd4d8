import { UntisReadError } from './untis-export';

// Record reader for GPU files. GPU files look like CSV but follow no single convention: the
// separator is chosen by the admin, quoting is optional on any field, rows carry a trailing
// separator or not, columns vary between Untis versions, and there is no header row. So this
// reader only splits records into raw text fields; typed conversion happens per file kind.

export type GpuSeparator = ',' | ';' | '\t';

export interface GpuRecord {
  /** 1-based line on which the record starts */
  line: number;
  /** raw field texts, quotes removed, untrimmed; index 0 is CSV position 1 */
  fields: string[];
}

export interface GpuTable {
  /** undefined for a file without any separator (empty, or a single column) */
  separator?: GpuSeparator;
  records: GpuRecord[];
}

const SEPARATORS: GpuSeparator[] = [',', ';', '\t'];
/** Enough lines to see the separator; every GPU record has several of them. */
const SNIFF_LENGTH = 64 * 1024;

export function readGpuRecords(fileName: string, text: string): GpuTable {
  const separator = sniffSeparator(text);
  const records = new RecordScanner(fileName, text, separator ?? ',').readAll();
  return { separator, records };
}

/** The most frequent of comma, semicolon and tab outside quotes; ties go to the earlier one. */
export function sniffSeparator(text: string): GpuSeparator | undefined {
  const counts = new Map<string, number>(SEPARATORS.map((separator) => [separator, 0]));
  let insideQuotes = false;
  const end = Math.min(text.length, SNIFF_LENGTH);
  for (let i = 0; i < end; i++) {
    const char = text[i];
    if (char === '"') insideQuotes = !insideQuotes;
    else if (!insideQuotes && counts.has(char)) counts.set(char, (counts.get(char) ?? 0) + 1);
  }
  let best: GpuSeparator | undefined;
  let bestCount = 0;
  for (const separator of SEPARATORS) {
    const count = counts.get(separator) ?? 0;
    if (count > bestCount) {
      best = separator;
      bestCount = count;
    }
  }
  return best;
}

const QUOTE = 34; // "
const LF = 10;
const CR = 13;

/** Walks the text once; a record ends at an unquoted line break (CRLF, LF or a lone CR). */
class RecordScanner {
  private position = 0;
  private line = 1;
  private readonly separatorCode: number;

  constructor(private readonly fileName: string, private readonly text: string, separator: GpuSeparator) {
    this.separatorCode = separator.charCodeAt(0);
  }

  readAll(): GpuRecord[] {
    const records: GpuRecord[] = [];
    while (this.position < this.text.length) {
      const line = this.line;
      const fields = this.readRecordFields();
      // Untis writes degenerate records such as `,,,,,,` (GPU015) and files end with a line break.
      if (fields.some((field) => field.trim() !== '')) records.push({ line, fields });
    }
    return records;
  }

  private readRecordFields(): string[] {
    const fields: string[] = [];
    for (;;) {
      const quoted = this.text.charCodeAt(this.position) === QUOTE;
      fields.push(quoted ? this.readQuotedField(fields.length + 1) : this.readBareField());
      const code = this.text.charCodeAt(this.position);
      if (code === this.separatorCode) {
        this.position++;
        continue;
      }
      this.skipLineBreak();
      return fields;
    }
  }

  private readBareField(): string {
    const start = this.position;
    while (this.position < this.text.length && !this.isFieldEnd(this.position)) this.position++;
    return this.text.slice(start, this.position);
  }

  /**
   * `""` is a literal quote. A quote closes the field only when a separator, a line break or the
   * end follows; any other quote is kept literally, so a stray quote inside a text does not
   * swallow the rest of the file. A quote still open at the end means the file was cut off.
   */
  private readQuotedField(fieldNumber: number): string {
    const openingLine = this.line;
    let value = '';
    let chunkStart = ++this.position;
    for (;;) {
      const quote = this.text.indexOf('"', this.position);
      if (quote < 0) throw this.truncated(openingLine, fieldNumber);
      this.countLineBreaks(this.position, quote);
      value += this.text.slice(chunkStart, quote);
      if (this.text.charCodeAt(quote + 1) === QUOTE) {
        value += '"';
        this.position = chunkStart = quote + 2;
      } else if (quote + 1 >= this.text.length || this.isFieldEnd(quote + 1)) {
        this.position = quote + 1;
        return value;
      } else {
        value += '"';
        this.position = chunkStart = quote + 1;
      }
    }
  }

  private isFieldEnd(index: number): boolean {
    const code = this.text.charCodeAt(index);
    return code === this.separatorCode || code === LF || code === CR;
  }

  private skipLineBreak(): void {
    const code = this.text.charCodeAt(this.position);
    if (code === CR) {
      this.position += this.text.charCodeAt(this.position + 1) === LF ? 2 : 1;
      this.line++;
    } else if (code === LF) {
      this.position++;
      this.line++;
    }
  }

  /** Line breaks inside a quoted field still count, so later records keep their true line. */
  private countLineBreaks(from: number, to: number): void {
    for (let i = from; i < to; i++) {
      const code = this.text.charCodeAt(i);
      if (code === LF || (code === CR && this.text.charCodeAt(i + 1) !== LF)) this.line++;
    }
  }

  private truncated(line: number, fieldNumber: number): UntisReadError {
    return new UntisReadError(
      { file: this.fileName, line, field: fieldNumber },
      'Anführungszeichen wird bis zum Dateiende nicht geschlossen – die Datei ist vermutlich unvollständig (abgeschnitten). '
        + 'Bitte die Datei neu aus Untis exportieren.',
    );
  }
}
