import { MAX_PERIODS_PER_DAY, timeGridSchema } from '@schulverwaltung/shared';
import type { TimeGridPeriodInput } from '@/api/generated/graphql';

// The time grid editor's model: per weekday an ordered list of periods, numbered by position
// (1st, 2nd, …), so numbers never clash. Checked with the same zod schema the server uses; the
// server's answer (periods.<index>.<field>) is mapped back to the field it names.

export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
export const SCHOOL_WEEKDAYS = [1, 2, 3, 4, 5] as const;
export type TimeField = 'startsAt' | 'endsAt' | 'label';

export interface EditablePeriod {
  /** stable while editing (Vue keys, error mapping), not sent */
  key: number;
  startsAt: string;
  endsAt: string;
  label: string;
}

export type EditableGrid = Record<number, EditablePeriod[]>;

let nextKey = 1;
const newKey = () => nextKey++;

interface StoredPeriod { weekday: number; period: number; startsAt: string; endsAt: string; label?: string | null }

export function emptyGrid(): EditableGrid {
  return Object.fromEntries(WEEKDAYS.map((weekday) => [weekday, [] as EditablePeriod[]]));
}

export function gridFromPeriods(periods: StoredPeriod[]): EditableGrid {
  const grid = emptyGrid();
  for (const period of [...periods].sort((a, b) => a.weekday - b.weekday || a.period - b.period)) {
    grid[period.weekday]?.push({ key: newKey(), startsAt: period.startsAt, endsAt: period.endsAt, label: period.label ?? '' });
  }
  return grid;
}

export interface PeriodRef { weekday: number; key: number }

/** The API's input, and for each input index the period it came from (to place errors). */
export function periodsFromGrid(grid: EditableGrid): { periods: TimeGridPeriodInput[]; refs: PeriodRef[] } {
  const periods: TimeGridPeriodInput[] = [];
  const refs: PeriodRef[] = [];
  for (const weekday of WEEKDAYS) {
    grid[weekday].forEach((period, index) => {
      periods.push({ weekday, period: index + 1, startsAt: period.startsAt, endsAt: period.endsAt, label: period.label.trim() || null });
      refs.push({ weekday, key: period.key });
    });
  }
  return { periods, refs };
}

const toMinutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
const toTime = (minutes: number) => {
  const clamped = Math.min(Math.max(minutes, 0), 23 * 60 + 59);
  return `${String(Math.floor(clamped / 60)).padStart(2, '0')}:${String(clamped % 60).padStart(2, '0')}`;
};
const isTime = (value: string) => /^([01]\d|2[0-3]):[0-5]\d$/.test(value);

/**
 * What was typed into a time field, as "HH:MM" when it reads as a time: "8" → "08:00",
 * "830" → "08:30", "8.30" → "08:30". Anything else stays as typed, so the check names it.
 */
export function normalizeTime(typed: string): string {
  const value = typed.trim();
  const match = /^(\d{1,2})(?:[:.]?(\d{2}))?$/.exec(value);
  if (!match) return value;
  const [hours, minutes] = [Number(match[1]), Number(match[2] ?? '0')];
  if (hours > 23 || minutes > 59) return value;
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}

/** A new period after the last: as long as the one before, after a five-minute break. */
export function nextPeriod(periods: EditablePeriod[]): EditablePeriod {
  const last = periods[periods.length - 1];
  if (!last || !isTime(last.startsAt) || !isTime(last.endsAt)) return { key: newKey(), startsAt: '08:00', endsAt: '08:45', label: '' };
  const length = Math.max(toMinutes(last.endsAt) - toMinutes(last.startsAt), 5);
  const start = toMinutes(last.endsAt) + 5;
  return { key: newKey(), startsAt: toTime(start), endsAt: toTime(start + length), label: '' };
}

export function canAddPeriod(periods: EditablePeriod[]): boolean {
  return periods.length < MAX_PERIODS_PER_DAY;
}

/** "Für alle Wochentage übernehmen": Monday to Friday get copies of this day's periods. */
export function copyToSchoolWeekdays(grid: EditableGrid, from: number): EditableGrid {
  const copy = { ...grid };
  for (const weekday of SCHOOL_WEEKDAYS) {
    if (weekday !== from) copy[weekday] = grid[from].map((period) => ({ ...period, key: newKey() }));
  }
  return copy;
}

export const fieldKey = (ref: PeriodRef, field: TimeField | 'period') => `${ref.weekday}:${ref.key}:${field}`;

export interface GridProblems {
  /** by fieldKey(); 'period' problems are shown at the start time */
  fields: Map<string, string>;
  /** problems of the whole grid (too many periods) */
  general: string[];
}

function toTimeField(field: string | undefined): TimeField {
  return field === 'endsAt' || field === 'label' ? field : 'startsAt';
}

/** Every rule of the shared schema, each at its field. */
export function validateGrid(grid: EditableGrid): GridProblems {
  const { periods, refs } = periodsFromGrid(grid);
  const problems: GridProblems = { fields: new Map(), general: [] };
  const result = timeGridSchema.safeParse(periods);
  if (result.success) return problems;
  for (const issue of result.error.issues) {
    const [index, field] = issue.path;
    const ref = typeof index === 'number' ? refs[index] : undefined;
    if (!ref) problems.general.push(issue.message);
    else {
      const key = fieldKey(ref, toTimeField(typeof field === 'string' ? field : undefined));
      if (!problems.fields.has(key)) problems.fields.set(key, issue.message);
    }
  }
  return problems;
}

/** The server's BAD_USER_INPUT (field "periods.3.startsAt") as a problem at that field. */
export function serverProblem(field: unknown, message: string, refs: PeriodRef[]): GridProblems {
  const problems: GridProblems = { fields: new Map(), general: [] };
  const match = typeof field === 'string' ? /^periods\.(\d+)\.(\w+)$/.exec(field) : null;
  const text = typeof field === 'string' && message.startsWith(`${field}: `) ? message.slice(field.length + 2) : message;
  const ref = match ? refs[Number(match[1])] : undefined;
  if (ref && match) problems.fields.set(fieldKey(ref, toTimeField(match[2])), text);
  else problems.general.push(text);
  return problems;
}

/** The earliest weekday with a problem, so the editor can show it. */
export function firstProblemWeekday(problems: GridProblems): number | null {
  const weekdays = [...problems.fields.keys()].map((key) => Number(key.split(':')[0]));
  return weekdays.length > 0 ? Math.min(...weekdays) : null;
}
