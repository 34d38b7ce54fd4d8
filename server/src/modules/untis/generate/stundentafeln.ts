import type { CurriculumRow } from './untis-school-spec';

// Weekly hours per subject and grade, close to German Stundentafeln (Gymnasium G9 grades 5–10,
// Grundschule 1–4). Religion/Ethik is not listed: it is a coupling across the parallel classes of
// a grade (see couplings in demo-untis-export.ts and large-school.ts). "b" marks a one-hour subject
// taught as a double period every other week, alternating with another "b" subject of the class.

type HoursCell = number | `${number}b` | `${number}d${number}`;

/** [subject, hours of grade first…last]; 'd1' suffix = that many double periods, 'b' = biweekly. */
type Table = readonly (readonly [string, ...HoursCell[]])[];

// Grades 5, 6, 7, 8, 9, 10; second foreign language F or L per class.
const GYMNASIUM_TABLE: Table = [
  ['D', 5, 4, 4, 4, 3, 3],
  ['M', 5, 4, 4, 4, 4, 4],
  ['E', 4, 4, 4, 3, 3, 3],
  ['F', 4, 4, 4, 3, 3, 3],
  ['L', 4, 4, 4, 3, 3, 3],
  ['BIO', 2, 2, 2, '1b', 2, 2],
  ['CH', 0, 0, '1b', '2d1', '2d1', '2d1'],
  ['PH', 0, 0, '2d1', '2d1', '2d1', '2d1'],
  ['GE', 2, 2, 2, 2, 2, 2],
  ['EK', '1b', '1b', 1, '1b', 1, 1],
  ['PB', 0, 0, '1b', 1, 2, 2],
  ['KU', '1b', '2d1', '2d1', 1, '1b', '1b'],
  ['MU', 2, '1b', 1, 1, '1b', '1b'],
  ['SP', '3d1', '3d1', '3d1', '3d1', '3d1', '3d1'],
];
const GYMNASIUM_GRADES = [5, 6, 7, 8, 9, 10];

// Grades 1, 2, 3, 4.
const GRUNDSCHULE_TABLE: Table = [
  ['D', 6, 6, 6, 6],
  ['M', 5, 5, 5, 5],
  ['SU', 2, 3, 3, 4],
  ['E', 0, 0, 2, 2],
  ['KU', '2d1', '2d1', '1b', '1b'],
  ['WE', 0, 0, '1b', '1b'],
  ['MU', 1, 1, 2, 1],
  ['SP', 3, 3, 3, 3],
];
const GRUNDSCHULE_GRADES = [1, 2, 3, 4];

export const GYMNASIUM_CURRICULUM: readonly CurriculumRow[] = rowsOf(GYMNASIUM_TABLE, GYMNASIUM_GRADES);
export const GRUNDSCHULE_CURRICULUM: readonly CurriculumRow[] = rowsOf(GRUNDSCHULE_TABLE, GRUNDSCHULE_GRADES);

/** Upper-school course hours: Leistungskurs 5 (two doubles), Grundkurs 3 (one double). */
export const COURSE_HOURS = {
  L: { weeklyHours: 5, doublePeriods: 2 },
  G: { weeklyHours: 3, doublePeriods: 1 },
} as const;

/** Religion/Ethik: two periods a week in every grade. */
export const RELIGION_HOURS = 2;

function rowsOf(table: Table, grades: readonly number[]): CurriculumRow[] {
  return table.flatMap(([subject, ...cells]) =>
    cells.flatMap((cell, index) => rowOf(subject, grades[index], cell)));
}

function rowOf(subject: string, gradeLevel: number, cell: HoursCell): CurriculumRow[] {
  if (typeof cell === 'number') return cell > 0 ? [{ gradeLevel, subject, weeklyHours: cell }] : [];
  if (cell.endsWith('b')) return [{ gradeLevel, subject, weeklyHours: Number(cell.slice(0, -1)), isBiweekly: true }];
  const [hours, doubles] = cell.split('d').map(Number);
  return [{ gradeLevel, subject, weeklyHours: hours, doublePeriods: doubles }];
}
