import { zipSync } from 'fflate';
import * as iconv from 'iconv-lite';
import type { UntisInputFile } from '../read/untis-export';
import type { PlannedLesson, UntisPlan } from './untis-plan';
import type { UntisGender, UntisSchoolSpec } from './untis-school-spec';

// Renders a plan as the GPU files Untis exports ("Export TXT Datei (CSV, DIF)"): no header,
// fields by position, strings in double quotes, numbers bare, dates yyyymmdd, one trailing
// separator per record, CRLF, ANSI (Windows-1252) or UTF-8 without BOM — as in the real samples
// under shared/data/untis. Field numbers below are the 1-based positions of docs/untis-formats.md §4.

export type UntisSeparator = ',' | ';' | '\t';

export interface UntisExportOptions {
  encoding: 'windows-1252' | 'utf-8';
  separator?: UntisSeparator;
  /** ISO dates of the exported period (Untis writes them on every lesson and class). */
  validFrom: string;
  validTo: string;
  /**
   * Characters Windows-1252 lacks ("ı" in Yılmaz, "ć" in Popović): 'error' (default) refuses to
   * write them; 'replace' writes "?" as an ANSI export of Untis does.
   */
  unencodable?: 'error' | 'replace';
}

/**
 * Cells per record before the trailing separator, as in the samples (GPU002: 46 data fields);
 * GPU004 stops at field 44 and GPU018 at field 4 unless its public-holiday flag is set.
 */
const FIELD_COUNTS = {
  GPU001: 8, GPU002: 46, GPU003: 32, GPU004: 44, GPU005: 17, GPU006: 22, GPU010: 15, GPU015: 13, GPU018: 4,
} as const;
type GpuFile = keyof typeof FIELD_COUNTS;

/** Cells by 1-based field number; everything else stays empty. */
type Fields = Record<number, string>;

/** A fixed date for ZIP entries, so the same files always give the same archive bytes. */
const ZIP_ENTRY_TIME = new Date('2026-01-01T00:00:00Z');

export function writeUntisExport(plan: UntisPlan, options: UntisExportOptions): UntisInputFile[] {
  const writers: Record<GpuFile, () => Fields[]> = {
    GPU001: () => timetableRecords(plan),
    GPU002: () => lessonRecords(plan, options),
    GPU003: () => classRecords(plan.spec, options),
    GPU004: () => teacherRecords(plan.spec),
    GPU005: () => roomRecords(plan.spec),
    GPU006: () => subjectRecords(plan.spec),
    GPU010: () => pupilRecords(plan.spec),
    GPU015: () => courseChoiceRecords(plan),
    GPU018: () => holidayRecords(plan.spec),
  };
  return (Object.keys(writers) as GpuFile[]).map((file) => {
    const name = `${file}.TXT`;
    const text = renderFile(writers[file](), FIELD_COUNTS[file], options.separator ?? ',');
    return { name, bytes: encode(name, text, options) };
  });
}

/** The files as one ZIP, as schools upload them. */
export function writeZip(files: readonly UntisInputFile[]): Uint8Array {
  const entries: Record<string, Uint8Array> = {};
  for (const file of files) entries[file.name] = file.bytes;
  return zipSync(entries, { mtime: ZIP_ENTRY_TIME });
}

function renderFile(records: readonly Fields[], fieldCount: number, separator: UntisSeparator): string {
  return records.map((fields) => renderRecord(fields, fieldCount, separator)).join('');
}

function renderRecord(fields: Fields, minimumCount: number, separator: UntisSeparator): string {
  const fieldCount = Math.max(minimumCount, ...Object.keys(fields).map(Number).filter((n) => fields[n] !== ''));
  const cells = Array.from({ length: fieldCount }, (_, i) => fields[i + 1] ?? '');
  return `${cells.join(separator)}${separator}\r\n`;
}

function encode(name: string, text: string, options: UntisExportOptions): Uint8Array {
  if (options.encoding === 'utf-8') return new TextEncoder().encode(text);
  const bytes = iconv.encode(text, 'windows-1252');
  if ((options.unencodable ?? 'error') === 'error') assertEncodable(name, text, bytes);
  return new Uint8Array(bytes);
}

/** iconv-lite writes "?" for what Windows-1252 lacks: find the first such character. */
function assertEncodable(name: string, text: string, bytes: Buffer): void {
  const decoded = iconv.decode(bytes, 'windows-1252');
  if (decoded === text) return;
  const chars = [...text];
  const back = [...decoded];
  const index = chars.findIndex((char, i) => char !== back[i]);
  const line = text.slice(0, text.indexOf(chars[index])).split('\r\n').length;
  throw new RangeError(`${name} line ${line}: "${chars[index]}" has no Windows-1252 byte; write UTF-8 or pass unencodable: 'replace'`);
}

// Cell renderers: Untis quotes text, writes numbers bare and decimals with five places.
function text(value: string | undefined | null): string {
  return value === undefined || value === null || value === '' ? '' : `"${value.replace(/"/g, '""')}"`;
}

function int(value: number | undefined): string {
  return value === undefined ? '' : String(value);
}

function decimal(value: number): string {
  return value.toFixed(5);
}

/** yyyymmdd */
function date(iso: string | undefined): string {
  return iso ? iso.replace(/-/g, '') : '';
}

function genderCode(gender: UntisGender | undefined): string {
  if (gender === 'F') return '1';
  if (gender === 'M') return '2';
  return gender === 'D' ? '3' : '';
}

/** GPU001: the cross product line × class per placed period, line by line as Untis writes it. */
function timetableRecords(plan: UntisPlan): Fields[] {
  const byLesson = new Map<number, UntisPlan['placements']>();
  for (const placement of plan.placements) {
    const list = byLesson.get(placement.lessonNumber);
    if (list) list.push(placement);
    else byLesson.set(placement.lessonNumber, [placement]);
  }
  const records: Fields[] = [];
  for (const lesson of [...plan.lessons].sort((a, b) => a.number - b.number)) {
    const placements = byLesson.get(lesson.number) ?? [];
    lesson.lines.forEach((line, index) => {
      for (const className of lesson.classes) {
        for (const placement of placements) {
          records.push({
            1: int(lesson.number), 2: text(className), 3: text(line.teacher), 4: text(line.subject),
            5: text(placement.rooms[index]), 6: int(placement.weekday), 7: int(placement.period),
          });
        }
      }
    });
  }
  return records;
}

/** GPU002: one row per line × class; class hours on a class's first row, teacher hours on a line's first row. */
function lessonRecords(plan: UntisPlan, options: UntisExportOptions): Fields[] {
  const classes = new Map(plan.spec.classes.map((c) => [c.name, c]));
  const pupilCounts = countPupilsByClass(plan.spec);
  const records: Fields[] = [];
  for (const lesson of [...plan.lessons].sort((a, b) => a.number - b.number)) {
    const seenClasses = new Set<string>();
    const weekValue = lesson.periodsPerWeek * (lesson.weekGroup ? 0.5 : 1);
    lesson.lines.forEach((line, lineIndex) => {
      lesson.classes.forEach((className, classIndex) => {
        const isFirstOfClass = !seenClasses.has(className);
        seenClasses.add(className);
        records.push({
          1: int(lesson.number),
          2: int(lesson.periodsPerWeek),
          3: int(isFirstOfClass ? lesson.periodsPerWeek : 0),
          4: int(classIndex === 0 ? lesson.periodsPerWeek : 0),
          5: text(className), 6: text(line.teacher), 7: text(line.subject), 8: text(line.subjectRoom),
          10: int(studentCount(lesson, lineIndex, className, pupilCounts, classes)),
          11: decimal(weekValue),
          12: text(lesson.weekGroup),
          13: text(lineIndex === 0 ? lesson.text : undefined),
          15: text(date(options.validFrom)), 16: text(date(options.validTo)),
          20: text(lesson.kind === 'COURSE' ? undefined : classes.get(className)?.homeRoom),
          28: lesson.doublePeriods > 0 ? int(lesson.doublePeriods) : '',
          29: lesson.doublePeriods > 0 ? int(lesson.doublePeriods) : '',
          // Own value in 1/100000 periods, then as a decimal (as in the samples: 400000 / 4.00000).
          40: int(Math.round(weekValue * 100000)), 41: decimal(weekValue),
          42: text(lesson.studentGroup),
          46: '0',
        });
      });
    });
  }
  return records;
}

function studentCount(
  lesson: PlannedLesson, lineIndex: number, className: string, pupilCounts: ReadonlyMap<string, number>,
  classes: ReadonlyMap<string, UntisSchoolSpec['classes'][number]>,
): number | undefined {
  const linePupils = lesson.lines[lineIndex].pupils.length;
  if (lesson.kind !== 'CLASS') return linePupils > 0 ? linePupils : undefined;
  return pupilCounts.get(className) ?? classes.get(className)?.pupilCount;
}

function countPupilsByClass(spec: UntisSchoolSpec): Map<string, number> {
  const counts = new Map<string, number>();
  for (const pupil of spec.pupils) counts.set(pupil.className, (counts.get(pupil.className) ?? 0) + 1);
  return counts;
}

/** GPU003: classes with home room, grade (school level), pupil counts, validity and Klassenleitung. */
function classRecords(spec: UntisSchoolSpec, options: UntisExportOptions): Fields[] {
  const pupils = new Map<string, { female: number; male: number }>();
  for (const pupil of spec.pupils) {
    const count = pupils.get(pupil.className) ?? { female: 0, male: 0 };
    if (pupil.gender === 'F') count.female++;
    if (pupil.gender === 'M') count.male++;
    pupils.set(pupil.className, count);
  }
  return spec.classes.map((schoolClass) => ({
    1: text(schoolClass.name), 2: text(schoolClass.longName), 4: text(schoolClass.homeRoom),
    7: '1', 8: int(schoolClass.lastPeriod),
    14: text(String(schoolClass.gradeLevel)),
    17: int(pupils.get(schoolClass.name)?.female ?? 0), 18: int(pupils.get(schoolClass.name)?.male ?? 0),
    20: text(date(options.validFrom)), 21: text(date(options.validTo)),
    28: decimal(1), 30: text(schoolClass.classTeacher), 32: '0',
  }));
}

/** GPU004: Kürzel, surname (field 2), first name (29), gender (31), e-mail (33). */
function teacherRecords(spec: UntisSchoolSpec): Fields[] {
  return spec.teachers.map((teacher) => ({
    1: text(teacher.shortName), 2: text(teacher.lastName),
    15: decimal(teacher.maxWeeklyHours ?? 27),
    29: text(teacher.firstName), 31: text(genderCode(teacher.gender)), 33: text(teacher.email),
  }));
}

/** GPU005: short name, name, capacity (field 8). */
function roomRecords(spec: UntisSchoolSpec): Fields[] {
  return spec.rooms.map((room) => ({ 1: text(room.shortName), 2: text(room.name), 8: int(room.capacity) }));
}

/** GPU006: short name, name, subject group = base subject of course subjects (field 13). */
function subjectRecords(spec: UntisSchoolSpec): Fields[] {
  const roomOfKind = new Map<string, string>();
  for (const room of spec.rooms) if (room.kind && !roomOfKind.has(room.kind)) roomOfKind.set(room.kind, room.shortName);
  return spec.subjects.map((subject) => ({
    1: text(subject.shortName), 2: text(subject.name),
    4: text(subject.roomKind ? roomOfKind.get(subject.roomKind) : undefined),
    13: text(subject.baseSubject), 15: decimal(1),
  }));
}

/** GPU010: key, surname, first name (8), number (9), class (10), gender (11), birth date (13), e-mail (14). */
function pupilRecords(spec: UntisSchoolSpec): Fields[] {
  return spec.pupils.map((pupil) => ({
    1: text(pupil.key), 2: text(pupil.lastName), 8: text(pupil.firstName), 9: text(pupil.number),
    10: text(pupil.className), 11: text(genderCode(pupil.gender)), 13: text(date(pupil.birthDate)), 14: text(pupil.email),
  }));
}

/** GPU015: one row per pupil and chosen course (or coupling group): key, lesson number, subject, class. */
function courseChoiceRecords(plan: UntisPlan): Fields[] {
  const classOf = new Map(plan.spec.pupils.map((pupil) => [pupil.key, pupil.className]));
  const records: { key: string; number: number; fields: Fields }[] = [];
  for (const lesson of plan.lessons) {
    for (const line of lesson.lines) {
      for (const key of line.pupils) {
        records.push({
          key, number: lesson.number,
          fields: { 1: text(key), 2: int(lesson.number), 3: text(line.subject), 5: text(classOf.get(key) ?? lesson.classes[0]) },
        });
      }
    }
  }
  // Untis lists the choices pupil by pupil.
  records.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.number - b.number));
  return records.map((record) => record.fields);
}

/** GPU018: holidays; dates bare, "F" marks a public holiday. */
function holidayRecords(spec: UntisSchoolSpec): Fields[] {
  return spec.holidays.map((holiday) => ({
    1: text(holiday.shortName), 2: text(holiday.name), 3: date(holiday.startsOn), 4: date(holiday.endsOn),
    5: holiday.isPublicHoliday ? text('F') : '',
  }));
}
