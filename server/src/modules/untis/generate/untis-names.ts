import * as iconv from 'iconv-lite';

// Short names as Untis users make them, shared by the demo and the benchmark school.

/** Pupil key as SVWS builds it for Untis: Surname_Fir_yyyymmdd. */
export function pupilKey(lastName: string, firstName: string, birthDate: string | undefined): string {
  return `${lastName}_${firstName.slice(0, 3)}_${(birthDate ?? '').replace(/-/g, '')}`;
}

/** School holidays by name ("HERBST" for Herbstferien), single days by date ("08.03."). */
export function holidayShortName(name: string, startsOn: string, isSchoolHoliday: boolean): string {
  if (isSchoolHoliday) return name.replace(/ferien$/i, '').toUpperCase().slice(0, 10) || 'FERIEN';
  const [, month, day] = startsOn.split('-');
  return `${day}.${month}.`;
}

/** `key`, or `key_2`, `key_3` … when taken; records the result as taken. */
export function uniqueKey(key: string, used: Set<string>): string {
  let candidate = key;
  for (let n = 2; used.has(candidate); n++) candidate = `${key}_${n}`;
  used.add(candidate);
  return candidate;
}

/** true when Windows-1252 (an ANSI export of Untis) can hold the text unchanged. */
export function fitsWindows1252(text: string): boolean {
  return iconv.decode(iconv.encode(text, 'windows-1252'), 'windows-1252') === text;
}
