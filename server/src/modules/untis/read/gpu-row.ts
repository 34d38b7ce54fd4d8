import { GpuRecord } from './gpu-csv';
import { SourceRef, UntisReadError, UntisWarning } from './untis-export';
import {
  isPositiveInteger, isWeekday, isZeroDate, parseCompactDate, parseDecimal, parseInteger, splitTildeList,
} from './values';

// Typed access to the fields of one GPU record. Every field is read as text first (quoting is
// unreliable in both directions) and converted here, so that an unreadable value can name file,
// line, field number and the field's German name.

/** A field of a GPU file: 1-based CSV position and its German name for messages. */
export interface FieldSpec {
  index: number;
  name: string;
}

export function field(index: number, name: string): FieldSpec {
  return { index, name };
}

/** How to read one kind of value, and how to say that a value is not one. */
interface ValueCheck<T> {
  parse(value: string): T | undefined;
  /** e.g. "ist kein Wochentag" */
  isNot: string;
  /** e.g. "erwartet 1–7" */
  expected: string;
}

const WHOLE_NUMBER_FROM_ONE = 'erwartet eine ganze Zahl ab 1';

const WEEKDAY: ValueCheck<number> = {
  parse: (value) => positiveIntegerWhere(value, isWeekday),
  isNot: 'ist kein Wochentag',
  expected: 'erwartet 1–7',
};
const PERIOD: ValueCheck<number> = {
  parse: (value) => positiveIntegerWhere(value, isPositiveInteger),
  isNot: 'ist keine Stundennummer',
  expected: WHOLE_NUMBER_FROM_ONE,
};
const LESSON_NUMBER: ValueCheck<number> = {
  parse: (value) => positiveIntegerWhere(value, isPositiveInteger),
  isNot: 'ist keine Unterrichtsnummer',
  expected: WHOLE_NUMBER_FROM_ONE,
};
const INTEGER: ValueCheck<number> = {
  parse: parseInteger,
  isNot: 'ist keine ganze Zahl',
  expected: 'erwartet z. B. 12',
};
const DECIMAL: ValueCheck<number> = {
  parse: parseDecimal,
  isNot: 'ist keine Zahl',
  expected: 'erwartet z. B. 2 oder 1.5',
};
const DATE: ValueCheck<string> = {
  parse: parseCompactDate,
  isNot: 'ist kein gültiges Datum',
  expected: 'erwartet JJJJMMTT, z. B. 20260914',
};

function positiveIntegerWhere(value: string, accept: (value: number) => boolean): number | undefined {
  const number = parseInteger(value);
  return number !== undefined && accept(number) ? number : undefined;
}

export class GpuRow {
  constructor(
    private readonly fileName: string,
    private readonly record: GpuRecord,
    private readonly warnings: UntisWarning[],
  ) {}

  get line(): number {
    return this.record.line;
  }

  /** Where the record (or one of its fields) was read. */
  ref(spec?: FieldSpec): SourceRef {
    const ref: SourceRef = { file: this.fileName, line: this.record.line };
    if (spec) {
      ref.field = spec.index;
      ref.fieldName = spec.name;
    }
    return ref;
  }

  /**
   * The field without leading/trailing whitespace, undefined when empty or missing (short rows are
   * padded). Internal spaces are kept: short names such as `D  G4` are keys.
   */
  text(spec: FieldSpec): string | undefined {
    const value = this.record.fields[spec.index - 1]?.trim();
    return value ? value : undefined;
  }

  requiredText(spec: FieldSpec): string {
    return this.text(spec) ?? this.fail(spec, 'Wert fehlt');
  }

  /** A `~` list (`"10c~10a"`); empty when the field is empty. */
  list(spec: FieldSpec): string[] {
    return splitTildeList(this.record.fields[spec.index - 1] ?? '');
  }

  weekday(spec: FieldSpec): number {
    return this.required(spec, WEEKDAY);
  }

  period(spec: FieldSpec): number {
    return this.required(spec, PERIOD);
  }

  lessonNumber(spec: FieldSpec): number {
    return this.required(spec, LESSON_NUMBER);
  }

  /** Lesson number where a row may have none; Untis writes 0 for "no lesson" (GPU014 duties). */
  optionalLessonNumber(spec: FieldSpec): number | undefined {
    return this.text(spec) === '0' ? undefined : this.optional(spec, LESSON_NUMBER);
  }

  requiredInteger(spec: FieldSpec): number {
    return this.required(spec, INTEGER);
  }

  requiredDecimal(spec: FieldSpec): number {
    return this.required(spec, DECIMAL);
  }

  /** A date the importer relies on (validity, holidays): unreadable → error. */
  date(spec: FieldSpec): string | undefined {
    const value = this.text(spec);
    return value === undefined || isZeroDate(value) ? undefined : this.convert(spec, value, DATE);
  }

  requiredDate(spec: FieldSpec): string {
    return this.date(spec) ?? this.fail(spec, `Wert fehlt (${DATE.expected})`);
  }

  /** A number nobody depends on (capacity, flags): unreadable → warning, value ignored. */
  lenientInteger(spec: FieldSpec): number | undefined {
    const value = this.text(spec);
    if (value === undefined) return undefined;
    const number = INTEGER.parse(value);
    if (number === undefined) this.warn(spec, `"${value}" ${INTEGER.isNot} – der Wert wird ignoriert`);
    return number;
  }

  warn(spec: FieldSpec | undefined, message: string): void {
    this.warnings.push({ ref: this.ref(spec), message });
  }

  fail(spec: FieldSpec, reason: string): never {
    throw new UntisReadError(this.ref(spec), reason);
  }

  private required<T>(spec: FieldSpec, check: ValueCheck<T>): T {
    const value = this.text(spec);
    if (value === undefined) return this.fail(spec, `Wert fehlt (${check.expected})`);
    return this.convert(spec, value, check);
  }

  private optional<T>(spec: FieldSpec, check: ValueCheck<T>): T | undefined {
    const value = this.text(spec);
    return value === undefined ? undefined : this.convert(spec, value, check);
  }

  private convert<T>(spec: FieldSpec, value: string, check: ValueCheck<T>): T {
    return check.parse(value) ?? this.fail(spec, `"${value}" ${check.isNot} (${check.expected})`);
  }
}
