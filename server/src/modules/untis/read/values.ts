// Value conversions shared by the GPU and the XML reader. Each returns undefined for a value it
// cannot read; the caller knows the file, line and field and turns that into a German message.

const INTEGER = /^[+-]?\d+$/;
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})$/;
const COMPACT_TIME = /^(\d{1,2})(\d{2})$/;

export function parseInteger(value: string): number | undefined {
  return INTEGER.test(value) ? Number(value) : undefined;
}

/** Untis always writes a dot as decimal separator, also in semicolon files (`0.66670`, `1.5`). */
export function parseDecimal(value: string): number | undefined {
  return DECIMAL.test(value) ? Number(value) : undefined;
}

/** `yyyymmdd` → `YYYY-MM-DD`, rejecting impossible days such as 20261341 or 20230229. */
export function parseCompactDate(value: string): string | undefined {
  const match = COMPACT_DATE.exec(value);
  if (!match) return undefined;
  const [, year, month, day] = match;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  const sameDay = date.getUTCFullYear() === Number(year)
    && date.getUTCMonth() === Number(month) - 1
    && date.getUTCDate() === Number(day);
  return sameDay ? `${year}-${month}-${day}` : undefined;
}

/** Untis writes "no date" as 0 in some numeric date fields; treat it like an empty field. */
export function isZeroDate(value: string): boolean {
  return /^0+$/.test(value);
}

/** `hhmm` → `HH:MM`; the XML schema types times as int, so `750` (without leading zero) is legal. */
export function parseCompactTime(value: string): string | undefined {
  const match = COMPACT_TIME.exec(value);
  if (!match) return undefined;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (hours > 23 || minutes > 59) return undefined;
  return `${String(hours).padStart(2, '0')}:${match[2]}`;
}

/** The Monday of the ISO week that contains the given ISO date. */
export function mondayOfWeek(isoDate: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  const daysSinceMonday = (date.getUTCDay() + 6) % 7;
  date.setUTCDate(date.getUTCDate() - daysSinceMonday);
  return date.toISOString().slice(0, 10);
}

/** Tilde lists (`"10c~10a"`, `"~172~230"`): items trimmed, empty items dropped, order kept. */
export function splitTildeList(value: string): string[] {
  return value.split('~').map((item) => item.trim()).filter((item) => item !== '');
}

/** Appends the items that are not yet in the list (keeps the order of first appearance). */
export function addUnique(list: string[], items: Iterable<string>): void {
  for (const item of items) {
    if (!list.includes(item)) list.push(item);
  }
}

export function isWeekday(value: number): boolean {
  return Number.isInteger(value) && value >= 1 && value <= 7;
}

export function isPositiveInteger(value: number): boolean {
  return Number.isInteger(value) && value >= 1;
}
