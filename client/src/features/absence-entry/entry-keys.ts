import type { AbsenceReason } from '@/api/generated/graphql';
import type { DayChoice } from './entry-days';
import type { ReporterChoice } from './reporter';

// The single-key choices of the quick entry: each group of the form has its own letters (German
// mnemonics, shown beside each option), so a letter means something only where the focus is.
// Beurlaubung is not offered: leave is requested in advance and decided, never entered here.

export interface KeyOption<T extends string> {
  value: T;
  key: string;
}

export const DAY_OPTIONS: KeyOption<DayChoice>[] = [
  { value: 'TODAY', key: 'H' },
  { value: 'TWO_DAYS', key: 'M' },
  { value: 'UNTIL_FRIDAY', key: 'F' },
  { value: 'RANGE', key: 'Z' },
];

export type EntryReason = Exclude<AbsenceReason, 'LEAVE'>;

export const REASON_OPTIONS: KeyOption<EntryReason>[] = [
  { value: 'SICK', key: 'K' },
  { value: 'DOCTOR', key: 'A' },
  { value: 'SCHOOL_EVENT', key: 'S' },
  { value: 'OTHER', key: 'O' },
];

export const REPORTER_OPTIONS: KeyOption<ReporterChoice>[] = [
  { value: 'MOTHER', key: 'M' },
  { value: 'FATHER', key: 'V' },
  { value: 'PUPIL', key: 'S' },
  { value: 'OTHER', key: 'A' },
];

interface KeyPress {
  key: string;
  ctrlKey?: boolean;
  altKey?: boolean;
  metaKey?: boolean;
}

/** The option a plain letter stands for (either case); keys with Ctrl, Alt or Meta are the browser's. */
export function optionForKey<T extends string>(options: readonly KeyOption<T>[], press: KeyPress): KeyOption<T> | undefined {
  if (press.ctrlKey || press.altKey || press.metaKey || press.key.length !== 1) return undefined;
  const key = press.key.toUpperCase();
  return options.find((option) => option.key === key);
}
