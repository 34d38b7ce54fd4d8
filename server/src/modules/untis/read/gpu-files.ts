import { UntisExportPart } from './export-part';
import { GpuRecord } from './gpu-csv';
import { field, FieldSpec, GpuRow } from './gpu-row';
import {
  SourceRef, UntisClass, UntisCourseChoice, UntisHoliday, UntisLessonLine, UntisPlacement, UntisPupil, UntisRoom,
  UntisSubject, UntisSubstitution, UntisSubstitutionKind, UntisTeacher, UntisWarning,
} from './untis-export';
import { addUnique } from './values';

// One reader per supported GPU file. Field numbers are the 1-based CSV positions of
// shared/docs/untis-formats.md §4; the German names appear in error messages.

export const SUPPORTED_GPU_KINDS = [
  'GPU001', 'GPU002', 'GPU003', 'GPU004', 'GPU005', 'GPU006', 'GPU010', 'GPU014', 'GPU015', 'GPU018',
] as const;

export type GpuKind = (typeof SUPPORTED_GPU_KINDS)[number];

export function isSupportedGpuKind(kind: string): kind is GpuKind {
  return (SUPPORTED_GPU_KINDS as readonly string[]).includes(kind);
}

type GpuReader = (rows: GpuRow[]) => Omit<UntisExportPart, 'warnings'>;

const GPU_READERS: Record<GpuKind, GpuReader> = {
  GPU001: (rows) => ({ placements: readPlacements(rows) }),
  GPU002: (rows) => ({ lessonLines: readLessonLines(rows) }),
  GPU003: (rows) => ({ classes: readClasses(rows) }),
  GPU004: (rows) => ({ teachers: readTeachers(rows) }),
  GPU005: (rows) => ({ rooms: readRooms(rows) }),
  GPU006: (rows) => ({ subjects: readSubjects(rows) }),
  GPU010: (rows) => ({ pupils: readPupils(rows) }),
  GPU014: (rows) => ({ substitutions: rows.map(readSubstitution) }),
  GPU015: (rows) => ({ courseChoices: rows.map(readCourseChoice) }),
  GPU018: (rows) => ({ holidays: rows.map(readHoliday) }),
};

export function readGpuFile(kind: GpuKind, fileName: string, records: GpuRecord[]): UntisExportPart {
  const warnings: UntisWarning[] = [];
  const rows = records.map((record) => new GpuRow(fileName, record, warnings));
  return { ...GPU_READERS[kind](rows), warnings };
}

// ---------------------------------------------------------------------------------------------
// GPU001 — timetable

const GPU001 = {
  lessonNumber: field(1, 'Unterrichtsnummer'),
  className: field(2, 'Klasse'),
  teacher: field(3, 'Lehrkraft'),
  subject: field(4, 'Fach'),
  room: field(5, 'Raum'),
  weekday: field(6, 'Wochentag'),
  period: field(7, 'Stunde'),
};

/**
 * GPU001 writes the cross product classes × coupling lines per period, so rows that differ only
 * in the class are one placement. The room is part of the key: two teacherless lines of a lesson
 * in different rooms are two placements, not one with a lost room.
 */
function readPlacements(rows: GpuRow[]): UntisPlacement[] {
  const placements = new Map<string, UntisPlacement>();
  for (const row of rows) {
    const placement = readPlacement(row);
    const key = [placement.lessonNumber, placement.teacher, placement.subject, placement.weekday, placement.period,
      (placement.rooms ?? [placement.room]).join('~')].join('\u0000');
    const existing = placements.get(key);
    if (existing) addUnique(existing.classes, placement.classes);
    else placements.set(key, placement);
  }
  return [...placements.values()];
}

function readPlacement(row: GpuRow): UntisPlacement {
  const className = row.text(GPU001.className);
  const rooms = row.list(GPU001.room);
  const placement: UntisPlacement = {
    lessonNumber: row.lessonNumber(GPU001.lessonNumber),
    teacher: row.text(GPU001.teacher),
    subject: row.text(GPU001.subject),
    classes: className ? [className] : [],
    weekday: row.weekday(GPU001.weekday),
    period: row.period(GPU001.period),
    room: rooms[0],
    ref: row.ref(),
  };
  // Untis writes a `~` list when a period uses several rooms (`"CAD2~R001"`).
  if (rooms.length > 1) placement.rooms = rooms;
  return placement;
}

// ---------------------------------------------------------------------------------------------
// GPU002 — lessons

const GPU002 = {
  lessonNumber: field(1, 'Unterrichtsnummer'),
  weeklyHours: field(2, 'Wochenstunden'),
  className: field(5, 'Klasse'),
  teacher: field(6, 'Lehrkraft'),
  subject: field(7, 'Fach'),
  rooms: field(8, 'Fachraum'),
  lessonGroup: field(12, 'Unterrichtsgruppe'),
  lineText: field(13, 'Zeilentext'),
  validFrom: field(15, 'Datum von'),
  validTo: field(16, 'Datum bis'),
  text: field(18, 'Text'),
  studentGroup: field(42, 'Schülergruppe'),
};

/**
 * GPU002 has one row per coupling line × class. A line is a distinct teacher + subject within a
 * lesson number; its classes and rooms are merged over the rows, lines are numbered in the order
 * they first appear. Everything else is taken from the line's first row.
 */
function readLessonLines(rows: GpuRow[]): UntisLessonLine[] {
  const lessons = new Map<number, Map<string, UntisLessonLine>>();
  for (const row of rows) {
    const line = readLessonLine(row);
    const lines = lessons.get(line.lessonNumber) ?? new Map<string, UntisLessonLine>();
    lessons.set(line.lessonNumber, lines);
    const key = `${line.teacher ?? ''}\u0000${line.subject ?? ''}`;
    const existing = lines.get(key);
    if (existing) {
      addUnique(existing.classes, line.classes);
      addUnique(existing.rooms, line.rooms);
    } else {
      lines.set(key, { ...line, lineIndex: lines.size });
    }
  }
  return [...lessons.values()].flatMap((lines) => [...lines.values()]);
}

function readLessonLine(row: GpuRow): UntisLessonLine {
  const className = row.text(GPU002.className);
  return {
    lessonNumber: row.lessonNumber(GPU002.lessonNumber),
    lineIndex: 0,
    teacher: row.text(GPU002.teacher),
    subject: row.text(GPU002.subject),
    classes: className ? [className] : [],
    rooms: row.list(GPU002.rooms),
    weeklyHours: row.requiredDecimal(GPU002.weeklyHours),
    lessonGroup: row.text(GPU002.lessonGroup),
    studentGroup: row.text(GPU002.studentGroup),
    validFrom: row.date(GPU002.validFrom),
    validTo: row.date(GPU002.validTo),
    text: row.text(GPU002.lineText) ?? row.text(GPU002.text),
    ref: row.ref(),
  };
}

// ---------------------------------------------------------------------------------------------
// GPU003–GPU006, GPU010 — master data

const GPU003 = {
  shortName: field(1, 'Kürzel'),
  longName: field(2, 'Langname'),
  validFrom: field(20, 'Datum von'),
  validTo: field(21, 'Datum bis'),
};

function readClasses(rows: GpuRow[]): UntisClass[] {
  return withoutDuplicateKeys(rows, GPU003.shortName, (row, shortName) => ({
    shortName,
    longName: row.text(GPU003.longName),
    validFrom: row.date(GPU003.validFrom),
    validTo: row.date(GPU003.validTo),
    ref: row.ref(),
  }));
}

const GPU004 = {
  shortName: field(1, 'Kürzel'),
  lastName: field(2, 'Langname'),
  firstName: field(29, 'Vorname'),
  email: field(33, 'E-Mail'),
};

/**
 * Field 2 often holds the full name ("Deckers Roald") while the first-name field is empty. Which
 * word is the first name cannot be known ("De Pooter Luc"), so field 2 is kept whole as lastName.
 */
function readTeachers(rows: GpuRow[]): UntisTeacher[] {
  return withoutDuplicateKeys(rows, GPU004.shortName, (row, shortName) => ({
    shortName,
    lastName: row.text(GPU004.lastName),
    firstName: row.text(GPU004.firstName),
    email: row.text(GPU004.email),
    ref: row.ref(),
  }));
}

const GPU005 = {
  shortName: field(1, 'Kürzel'),
  longName: field(2, 'Langname'),
  capacity: field(8, 'Kapazität'),
};

function readRooms(rows: GpuRow[]): UntisRoom[] {
  return withoutDuplicateKeys(rows, GPU005.shortName, (row, shortName) => ({
    shortName,
    name: row.text(GPU005.longName),
    capacity: row.lenientInteger(GPU005.capacity),
    ref: row.ref(),
  }));
}

const GPU006 = {
  shortName: field(1, 'Kürzel'),
  longName: field(2, 'Langname'),
};

function readSubjects(rows: GpuRow[]): UntisSubject[] {
  return withoutDuplicateKeys(rows, GPU006.shortName, (row, shortName) => ({
    shortName,
    name: row.text(GPU006.longName),
    ref: row.ref(),
  }));
}

const GPU010 = {
  key: field(1, 'Schülerkürzel'),
  lastName: field(2, 'Nachname'),
  firstName: field(8, 'Vorname'),
  className: field(10, 'Klasse'),
  birthDate: field(13, 'Geburtsdatum'),
};

function readPupils(rows: GpuRow[]): UntisPupil[] {
  return withoutDuplicateKeys(rows, GPU010.key, (row, key) => ({
    key,
    lastName: row.text(GPU010.lastName),
    firstName: row.text(GPU010.firstName),
    className: row.text(GPU010.className),
    birthDate: row.date(GPU010.birthDate),
    ref: row.ref(),
  }));
}

/** Master data is keyed by short name: a second row with the same key is reported and skipped. */
function withoutDuplicateKeys<T extends { ref: SourceRef }>(
  rows: GpuRow[],
  keyField: FieldSpec,
  read: (row: GpuRow, key: string) => T,
): T[] {
  const firstLineByKey = new Map<string, number>();
  const items: T[] = [];
  for (const row of rows) {
    const key = row.requiredText(keyField);
    const firstLine = firstLineByKey.get(key);
    if (firstLine !== undefined) {
      row.warn(keyField, `"${key}" kommt mehrfach vor (zuerst Zeile ${firstLine}) – diese Zeile wird ignoriert`);
      continue;
    }
    firstLineByKey.set(key, row.line);
    items.push(read(row, key));
  }
  return items;
}

// ---------------------------------------------------------------------------------------------
// GPU014 — substitutions

const GPU014 = {
  untisId: field(1, 'Vertretungsnummer'),
  date: field(2, 'Datum'),
  period: field(3, 'Stunde'),
  lessonNumber: field(5, 'Unterrichtsnummer'),
  absentTeacher: field(6, 'Lehrkraft'),
  substituteTeacher: field(7, 'Vertretungslehrkraft'),
  subject: field(8, 'Fach'),
  substituteSubject: field(10, 'Vertretungsfach'),
  rooms: field(12, 'Raum'),
  substituteRooms: field(13, 'Vertretungsraum'),
  classes: field(15, 'Klassen'),
  reason: field(16, 'Absenzgrund'),
  text: field(17, 'Text'),
  flags: field(18, 'Art (Bitfeld)'),
  substituteClasses: field(19, 'Vertretungsklassen'),
  kindLetter: field(20, 'Vertretungsart'),
};

/** Kind letters of field 20; empty means an ordinary substitution unless the bit field says more. */
const KIND_BY_LETTER: Record<string, UntisSubstitutionKind> = {
  C: 'CANCELLATION',
  S: 'SUPERVISION',
  A: 'SPECIAL_DUTY',
  L: 'RELEASE',
  P: 'SUBSTITUTION', // partial substitution
  R: 'ROOM_CHANGE',
  B: 'BREAK_SUPERVISION',
  T: 'SHIFTED',
  F: 'SHIFTED', // shifted from here
  W: 'EXCHANGE',
  '~': 'EXCHANGE', // teacher exchange
  E: 'EXAM',
};

/**
 * 0-based bits of field 18 (§4; Enbrea's enum is off by one), checked in this order when the
 * letter is empty. The first matching bit decides: a cancelled duty that is also shifted is a
 * cancellation.
 */
const KIND_BY_BIT: [bit: number, kind: UntisSubstitutionKind][] = [
  [0, 'CANCELLATION'],
  [4, 'RELEASE'],
  [17, 'BREAK_SUPERVISION'],
  [1, 'SUPERVISION'],
  [2, 'SPECIAL_DUTY'],
  [3, 'SHIFTED'],
  [7, 'SHIFTED'],
  [16, 'ROOM_CHANGE'],
  [6, 'SUBSTITUTION'],
];

function readSubstitution(row: GpuRow): UntisSubstitution {
  return {
    untisId: row.requiredInteger(GPU014.untisId),
    date: row.requiredDate(GPU014.date),
    period: row.period(GPU014.period),
    lessonNumber: row.optionalLessonNumber(GPU014.lessonNumber),
    kind: substitutionKind(row),
    absentTeacher: row.text(GPU014.absentTeacher),
    substituteTeacher: row.text(GPU014.substituteTeacher),
    subject: row.text(GPU014.subject),
    substituteSubject: row.text(GPU014.substituteSubject),
    rooms: row.list(GPU014.rooms),
    substituteRooms: row.list(GPU014.substituteRooms),
    classes: row.list(GPU014.classes),
    substituteClasses: row.list(GPU014.substituteClasses),
    reason: row.text(GPU014.reason),
    text: row.text(GPU014.text),
    ref: row.ref(),
  };
}

/** The letter is explicit and wins; the bit field only decides when the letter is empty. */
function substitutionKind(row: GpuRow): UntisSubstitutionKind {
  const letter = row.text(GPU014.kindLetter);
  if (letter !== undefined) {
    const kind = KIND_BY_LETTER[letter.toUpperCase()];
    if (kind) return kind;
    row.warn(GPU014.kindLetter, `Vertretungsart "${letter}" ist unbekannt – als "sonstige" übernommen`);
    return 'OTHER';
  }
  const flags = row.lenientInteger(GPU014.flags) ?? 0;
  return KIND_BY_BIT.find(([bit]) => hasBit(flags, bit))?.[1] ?? 'SUBSTITUTION';
}

/** Arithmetic instead of `&`: bitwise operators work on 32-bit signed values. */
function hasBit(flags: number, bit: number): boolean {
  return Math.floor(flags / 2 ** bit) % 2 === 1;
}

// ---------------------------------------------------------------------------------------------
// GPU015 — course choices, GPU018 — holidays

const GPU015 = {
  pupilKey: field(1, 'Schülerkürzel'),
  lessonNumber: field(2, 'Unterrichtsnummer'),
  subject: field(3, 'Fach'),
  className: field(5, 'Klasse'),
};

function readCourseChoice(row: GpuRow): UntisCourseChoice {
  return {
    pupilKey: row.requiredText(GPU015.pupilKey),
    lessonNumber: row.optionalLessonNumber(GPU015.lessonNumber),
    subject: row.text(GPU015.subject),
    className: row.text(GPU015.className),
    ref: row.ref(),
  };
}

const GPU018 = {
  shortName: field(1, 'Kürzel'),
  longName: field(2, 'Langname'),
  startsOn: field(3, 'Datum von'),
  endsOn: field(4, 'Datum bis'),
  publicHoliday: field(5, 'Feiertag'),
};

function readHoliday(row: GpuRow): UntisHoliday {
  const startsOn = row.requiredDate(GPU018.startsOn);
  // A single day may be written without an end date.
  const endsOn = row.date(GPU018.endsOn) ?? startsOn;
  if (endsOn < startsOn) row.fail(GPU018.endsOn, `Ende ${endsOn} liegt vor dem Beginn ${startsOn}`);
  return {
    shortName: row.requiredText(GPU018.shortName),
    name: row.text(GPU018.longName),
    startsOn,
    endsOn,
    isPublicHoliday: row.text(GPU018.publicHoliday)?.toUpperCase() === 'F',
    ref: row.ref(),
  };
}
