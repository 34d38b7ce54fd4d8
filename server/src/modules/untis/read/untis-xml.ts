import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { UntisExportPart } from './export-part';
import {
  SourceRef, UntisClass, UntisCourseChoice, UntisHoliday, UntisLessonLine, UntisPlacement, UntisPupil, UntisReadError,
  UntisRoom, UntisSubject, UntisTeacher, UntisTimeSlot, UntisWarning, WeekPattern,
} from './untis-export';
import {
  addUnique, isPositiveInteger, isWeekday, isZeroDate, mondayOfWeek, parseCompactDate, parseCompactTime, parseDecimal, parseInteger,
} from './values';

// Reader for the Untis XML export ("XmlInterface", shared/docs/untis-formats.md §8). Sections
// come in any order and may be missing; a section that is present (even empty) counts as carried.
// The parser gives no line numbers, so messages name the element id instead.

type XmlValue = string | XmlElement | XmlValue[];
interface XmlElement {
  [name: string]: XmlValue;
}

/** Elements that can repeat; always parsed as arrays so that one entry looks like many. */
const REPEATING_ELEMENTS = new Set([
  'timeperiod', 'holiday', 'room', 'subject', 'teacher', 'class', 'student', 'lesson', 'time',
]);

const ID = '@_id';

export function readUntisXml(fileName: string, text: string): UntisExportPart {
  rejectMalformedXml(fileName, text);
  const document = parseDocument(fileName, text);
  return new UntisXmlReader(fileName, document).read();
}

function rejectMalformedXml(fileName: string, text: string): void {
  const result = XMLValidator.validate(text);
  if (result === true) return;
  throw new UntisReadError(
    { file: fileName, line: result.err.line ?? 0 },
    `ist kein gültiges XML (${result.err.msg}) – die Datei ist beschädigt oder unvollständig`,
  );
}

function parseDocument(fileName: string, text: string): XmlElement {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    parseTagValue: false, // keep `0750` and short names such as `007` as written
    removeNSPrefix: true,
    isArray: (tagName) => REPEATING_ELEMENTS.has(tagName),
  });
  const document = asElement((parser.parse(text) as XmlElement).document);
  if (!document) {
    throw new UntisReadError({ file: fileName, line: 0 }, 'ist keine Untis-XML-Datei (Wurzelelement <document> fehlt)');
  }
  return document;
}

// ---------------------------------------------------------------------------------------------
// Navigation helpers: the parser returns '' for an empty element, a string for a text element
// and an object for an element with attributes or children.

function asElement(value: XmlValue | undefined): XmlElement | undefined {
  if (value === undefined || Array.isArray(value)) return undefined;
  return typeof value === 'string' ? (value.trim() === '' ? {} : undefined) : value;
}

function child(parent: XmlElement | undefined, name: string): XmlElement | undefined {
  const value = parent?.[name];
  return asElement(Array.isArray(value) ? value[0] : value);
}

function children(parent: XmlElement | undefined, name: string): XmlElement[] {
  const value = parent?.[name];
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.map(asElement).filter((element): element is XmlElement => element !== undefined);
}

function textOf(parent: XmlElement | undefined, name: string): string | undefined {
  const value = parent?.[name];
  const raw = typeof value === 'string' ? value : asElement(value)?.['#text'];
  const text = typeof raw === 'string' ? raw.trim() : undefined;
  return text ? text : undefined;
}

function idOf(element: XmlElement | undefined): string | undefined {
  const id = element?.[ID];
  return typeof id === 'string' && id.trim() !== '' ? id.trim() : undefined;
}

/**
 * `<lesson_classes id="CL_G 12 A CL_G 12 B"/>`: several ids in one attribute. Short names contain
 * spaces, so split where the type prefix starts, never at spaces.
 */
export function splitIdList(value: string | undefined, prefix: string): string[] {
  const trimmed = value?.trim() ?? '';
  if (!trimmed.startsWith(prefix)) return [];
  return trimmed
    .slice(prefix.length)
    .split(new RegExp(`\\s+${prefix}`))
    .map((shortName) => shortName.trim())
    .filter((shortName) => shortName !== '');
}

// ---------------------------------------------------------------------------------------------

interface SchoolYear {
  begin?: string;
  end?: string;
  weekPeriodicity?: number;
}

class UntisXmlReader {
  private readonly warnings: UntisWarning[] = [];
  private schoolYear: SchoolYear = {};
  private timeGrid: UntisTimeSlot[] = [];

  constructor(private readonly fileName: string, private readonly document: XmlElement) {}

  /** The parser knows no lines: 0, and messages name the element id instead. */
  private get ref(): SourceRef {
    return { file: this.fileName, line: 0 };
  }

  read(): UntisExportPart {
    const part: UntisExportPart = { warnings: this.warnings };
    Object.assign(part, this.readGeneral());
    if (this.has('timeperiods')) part.timeGrid = this.timeGrid = this.readTimeGrid();
    if (this.has('holidays')) part.holidays = this.section('holidays', 'holiday').map((e) => this.readHoliday(e));
    if (this.has('rooms')) part.rooms = this.section('rooms', 'room').map((e) => this.readRoom(e));
    if (this.has('subjects')) part.subjects = this.section('subjects', 'subject').map((e) => this.readSubject(e));
    if (this.has('teachers')) part.teachers = this.section('teachers', 'teacher').map((e) => this.readTeacher(e));
    if (this.has('classes')) part.classes = this.section('classes', 'class').map((e) => this.readClass(e));
    if (this.has('students')) part.pupils = this.section('students', 'student').map((e) => this.readPupil(e));
    if (this.has('lessons')) Object.assign(part, this.readLessons());
    return part;
  }

  private has(section: string): boolean {
    return child(this.document, section) !== undefined;
  }

  private section(section: string, item: string): XmlElement[] {
    return children(child(this.document, section), item);
  }

  // --- general --------------------------------------------------------------------------------

  private readGeneral(): Pick<UntisExportPart, 'schoolNumber' | 'rangeFrom' | 'rangeTo'> {
    const general = child(this.document, 'general');
    const label = '<general>';
    this.schoolYear = {
      begin: this.date(general, 'schoolyearbegindate', label),
      end: this.date(general, 'schoolyearenddate', label),
      weekPeriodicity: this.weekPeriodicity(general),
    };
    // The export covers the selected term (Periode); without one, the school year.
    const result: Pick<UntisExportPart, 'schoolNumber' | 'rangeFrom' | 'rangeTo'> = {};
    const schoolNumber = textOf(general, 'schoolnumber');
    const rangeFrom = this.date(general, 'termbegindate', label) ?? this.schoolYear.begin;
    const rangeTo = this.date(general, 'termenddate', label) ?? this.schoolYear.end;
    if (schoolNumber) result.schoolNumber = schoolNumber;
    if (rangeFrom) result.rangeFrom = rangeFrom;
    if (rangeTo) result.rangeTo = rangeTo;
    return result;
  }

  private weekPeriodicity(general: XmlElement | undefined): number | undefined {
    const value = textOf(general, 'week_periodicity');
    if (value === undefined) return undefined;
    const periodicity = parseInteger(value);
    if (periodicity !== undefined && isPositiveInteger(periodicity)) return periodicity;
    return this.fail('<general>', 'week_periodicity', `"${value}" ist keine Wochenperiodizität (erwartet eine ganze Zahl ab 1)`);
  }

  // --- time grid ------------------------------------------------------------------------------

  /** Several time grids repeat day + period; the first slot is kept and the admin warned once. */
  private readTimeGrid(): UntisTimeSlot[] {
    const slots = new Map<string, UntisTimeSlot>();
    const repeatedIds: string[] = [];
    for (const element of this.section('timeperiods', 'timeperiod')) {
      const slot = this.readTimeSlot(element);
      const key = `${slot.weekday}/${slot.period}`;
      if (slots.has(key)) repeatedIds.push(idOf(element) ?? '(ohne id)');
      else slots.set(key, slot);
    }
    if (repeatedIds.length > 0) {
      this.warn(`Zeitraster: ${repeatedIds.length} Einträge wiederholen Tag und Stunde eines früheren (mehrere Zeitraster?), `
        + `zuerst ${repeatedIds[0]} – übernommen wird jeweils der erste Eintrag`);
    }
    return [...slots.values()];
  }

  private readTimeSlot(element: XmlElement): UntisTimeSlot {
    const label = `Zeitraster ${idOf(element) ?? '(ohne id)'}`;
    const slot: UntisTimeSlot = {
      weekday: this.weekday(element, 'day', label),
      period: this.period(element, 'period', label),
      startsAt: this.time(element, 'starttime', label),
      endsAt: this.time(element, 'endtime', label),
      ref: this.ref,
    };
    const slotLabel = textOf(element, 'label');
    if (slotLabel) slot.label = slotLabel;
    return slot;
  }

  // --- master data ----------------------------------------------------------------------------

  private readHoliday(element: XmlElement): UntisHoliday {
    const shortName = this.shortName(element, 'HD_', 'Ferien');
    const label = `Ferien ${idOf(element)}`;
    const startsOn = this.requiredDate(element, 'starttime', label);
    const endsOn = this.date(element, 'endtime', label) ?? startsOn;
    return {
      shortName,
      name: textOf(element, 'longname'),
      startsOn,
      endsOn,
      isPublicHoliday: textOf(element, 'type')?.toLowerCase() === 'public holiday',
      ref: this.ref,
    };
  }

  private readRoom(element: XmlElement): UntisRoom {
    const capacity = textOf(element, 'capacity');
    return {
      shortName: this.shortName(element, 'RM_', 'Raum'),
      name: textOf(element, 'longname'),
      capacity: capacity === undefined ? undefined : parseInteger(capacity),
      ref: this.ref,
    };
  }

  private readSubject(element: XmlElement): UntisSubject {
    return { shortName: this.shortName(element, 'SU_', 'Fach'), name: textOf(element, 'longname'), ref: this.ref };
  }

  private readTeacher(element: XmlElement): UntisTeacher {
    return {
      shortName: this.shortName(element, 'TR_', 'Lehrkraft'),
      lastName: textOf(element, 'surname') ?? textOf(element, 'longname'),
      firstName: textOf(element, 'forename'),
      email: textOf(element, 'email'),
      ref: this.ref,
    };
  }

  private readClass(element: XmlElement): UntisClass {
    const label = `Klasse ${idOf(element)}`;
    return {
      shortName: this.shortName(element, 'CL_', 'Klasse'),
      longName: textOf(element, 'longname'),
      validFrom: this.date(element, 'begindate', label),
      validTo: this.date(element, 'enddate', label),
      ref: this.ref,
    };
  }

  private readPupil(element: XmlElement): UntisPupil {
    const label = `Schüler/in ${idOf(element)}`;
    return {
      key: this.shortName(element, 'ST_', 'Schüler/in'),
      lastName: textOf(element, 'surname') ?? textOf(element, 'longname'),
      firstName: textOf(element, 'forename'),
      className: splitIdList(idOf(child(element, 'student_class')), 'CL_')[0],
      birthDate: this.date(element, 'birthdate', label),
      ref: this.ref,
    };
  }

  // --- lessons --------------------------------------------------------------------------------

  /** Each `<lesson>` is one coupling line; students listed on it are its course choices. */
  private readLessons(): Pick<UntisExportPart, 'lessonLines' | 'placements' | 'courseChoices'> {
    const lessonLines: UntisLessonLine[] = [];
    const placements: UntisPlacement[] = [];
    const courseChoices: UntisCourseChoice[] = [];
    let listsStudents = false;
    for (const element of this.section('lessons', 'lesson')) {
      const line = this.readLessonLine(element);
      lessonLines.push(line);
      placements.push(...this.readPlacements(element, line));
      listsStudents ||= child(element, 'lesson_students') !== undefined;
      courseChoices.push(...this.readCourseChoices(element, line));
    }
    return listsStudents ? { lessonLines, placements, courseChoices } : { lessonLines, placements };
  }

  private readLessonLine(element: XmlElement): UntisLessonLine {
    const label = `Unterricht ${idOf(element) ?? '(ohne id)'}`;
    const { lessonNumber, lineIndex } = this.lessonId(element, label);
    const times = children(child(element, 'times'), 'time');
    const line: UntisLessonLine = {
      lessonNumber,
      lineIndex,
      teacher: this.singleRef(element, 'lesson_teacher', 'TR_', label),
      subject: this.singleRef(element, 'lesson_subject', 'SU_', label),
      classes: splitIdList(idOf(child(element, 'lesson_classes')), 'CL_'),
      // XML has no subject room per lesson; the rooms the line is placed in come closest.
      rooms: this.roomsOfTimes(times),
      weeklyHours: this.weeklyHours(element, times.length, label),
      weekPattern: this.weekPattern(element, label),
      validFrom: this.date(element, 'effectivebegindate', label) ?? this.date(element, 'begindate', label),
      validTo: this.date(element, 'effectiveenddate', label) ?? this.date(element, 'enddate', label),
      ref: this.ref,
    };
    const lessonGroup = splitIdList(idOf(child(element, 'lesson_date_scheme')), 'UG_')[0];
    const studentGroup = splitIdList(idOf(child(element, 'lesson_studentgroups')), 'SG_')[0];
    const text = textOf(element, 'text') ?? textOf(element, 'text1');
    if (lessonGroup) line.lessonGroup = lessonGroup;
    if (studentGroup) line.studentGroup = studentGroup;
    if (text) line.text = text;
    return line;
  }

  /** `LS_141800` = lesson 1418, line 00: the last two digits number the coupling lines. */
  private lessonId(element: XmlElement, label: string): { lessonNumber: number; lineIndex: number } {
    const id = idOf(element) ?? '';
    const match = /^LS_(\d+)(\d{2})$/.exec(id);
    const lessonNumber = match ? Number(match[1]) : 0;
    if (!match || lessonNumber < 1) {
      return this.fail(label, 'id', `"${id}" ist keine Unterrichts-id (erwartet LS_ + Unterrichtsnummer + zweistellige Zeile, z. B. LS_141800)`);
    }
    return { lessonNumber, lineIndex: Number(match[2]) };
  }

  private weeklyHours(element: XmlElement, timeCount: number, label: string): number {
    const value = textOf(element, 'periods');
    if (value === undefined) return timeCount;
    return parseDecimal(value) ?? this.fail(label, 'periods', `"${value}" ist keine Zahl (erwartet Wochenstunden, z. B. 2)`);
  }

  /**
   * The occurrence string is authoritative (one character per day from the school-year start);
   * without it the week letter counts within the school's week cycle; without both: every week.
   */
  private weekPattern(element: XmlElement, label: string): WeekPattern {
    const days = textOf(element, 'occurence') ?? textOf(element, 'occurrence');
    if (days !== undefined) {
      if (this.schoolYear.begin) return { kind: 'OCCURRENCE', startsOn: this.schoolYear.begin, days };
      this.warn(`${label}: der Tagesplan (occurence) kann ohne Schuljahresbeginn nicht zugeordnet werden – die Woche wird verwendet`);
    }
    const week = textOf(element, 'week');
    return week === undefined ? { kind: 'EVERY' } : this.weekCycle(week, label);
  }

  private weekCycle(week: string, label: string): WeekPattern {
    const weeks = [...week.toUpperCase()].map((letter) => letter.charCodeAt(0) - 64);
    if (weeks.some((index) => index < 1 || index > 16)) {
      return this.fail(label, 'week', `"${week}" ist keine Woche (erwartet Buchstaben A–P)`);
    }
    if (!this.schoolYear.begin) {
      return this.fail(label, 'week', 'Woche ohne Schuljahresbeginn in <general> kann nicht zugeordnet werden');
    }
    const highestWeek = Math.max(...weeks);
    let length = this.schoolYear.weekPeriodicity ?? 0;
    if (length < highestWeek) {
      length = Math.max(highestWeek, 2);
      this.warn(`${label}: Woche ${week} passt nicht zur Wochenperiodizität in <general> – Zyklus von ${length} Wochen angenommen`);
    }
    return { kind: 'CYCLE', length, weeks, anchorMonday: mondayOfWeek(this.schoolYear.begin) };
  }

  private readPlacements(element: XmlElement, line: UntisLessonLine): UntisPlacement[] {
    const label = `Unterricht ${idOf(element)}`;
    const placements: UntisPlacement[] = [];
    for (const time of children(child(element, 'times'), 'time')) {
      const placement = this.readPlacement(time, line, label);
      if (placement) placements.push(placement);
    }
    return placements;
  }

  private readPlacement(time: XmlElement, line: UntisLessonLine, label: string): UntisPlacement | undefined {
    const weekday = this.weekday(time, 'assigned_day', label);
    const period = this.placementPeriod(time, weekday, label);
    if (period === undefined) return undefined;
    const assignedDate = textOf(time, 'assigned_date');
    if (assignedDate) this.warn(`${label}: Termin mit festem Datum ${assignedDate} wird als wöchentlicher Termin gelesen`);
    const rooms = splitIdList(idOf(child(time, 'assigned_room')), 'RM_');
    const placement: UntisPlacement = {
      lessonNumber: line.lessonNumber,
      lineIndex: line.lineIndex,
      teacher: line.teacher,
      subject: line.subject,
      classes: [...line.classes],
      weekday,
      period,
      room: rooms[0],
      ref: this.ref,
    };
    if (rooms.length > 1) placement.rooms = rooms;
    return placement;
  }

  /** assigned_period is optional in the schema; then the start time finds the slot in the grid. */
  private placementPeriod(time: XmlElement, weekday: number, label: string): number | undefined {
    if (textOf(time, 'assigned_period') !== undefined) return this.period(time, 'assigned_period', label);
    const startTime = textOf(time, 'assigned_starttime');
    const startsAt = startTime === undefined ? undefined : parseCompactTime(startTime);
    const slot = this.timeGrid.find((candidate) => candidate.weekday === weekday && candidate.startsAt === startsAt);
    if (slot) return slot.period;
    this.warn(`${label}: Termin am Tag ${weekday} um ${startTime ?? '?'} hat keine Stunde und passt zu keinem Zeitraster-Eintrag – wird übersprungen`);
    return undefined;
  }

  private roomsOfTimes(times: XmlElement[]): string[] {
    const rooms: string[] = [];
    for (const time of times) addUnique(rooms, splitIdList(idOf(child(time, 'assigned_room')), 'RM_'));
    return rooms;
  }

  private readCourseChoices(element: XmlElement, line: UntisLessonLine): UntisCourseChoice[] {
    // `lesson_students` starts with a space in real exports; splitIdList trims it.
    return splitIdList(idOf(child(element, 'lesson_students')), 'ST_').map((pupilKey) => ({
      pupilKey,
      lessonNumber: line.lessonNumber,
      subject: line.subject,
      ref: this.ref,
    }));
  }

  // --- conversions ----------------------------------------------------------------------------

  private shortName(element: XmlElement, prefix: string, what: string): string {
    const id = idOf(element);
    if (id === undefined) return this.fail(what, 'id', 'Element ohne id');
    if (id.startsWith(prefix) && id.length > prefix.length) return id.slice(prefix.length);
    this.warn(`${what} ${id}: id beginnt nicht mit ${prefix} – wird unverändert als Kürzel übernommen`);
    return id;
  }

  /** A reference that the schema allows only once (teacher, subject of a line). */
  private singleRef(element: XmlElement, name: string, prefix: string, label: string): string | undefined {
    const ids = splitIdList(idOf(child(element, name)), prefix);
    if (ids.length > 1) this.warn(`${label}: <${name}> nennt mehrere (${ids.join(', ')}) – nur ${ids[0]} wird übernommen`);
    return ids[0];
  }

  private weekday(element: XmlElement, name: string, label: string): number {
    const value = this.requiredText(element, name, label, 'erwartet 1–7');
    const weekday = parseInteger(value);
    if (weekday !== undefined && isWeekday(weekday)) return weekday;
    return this.fail(label, name, `"${value}" ist kein Wochentag (erwartet 1–7)`);
  }

  private period(element: XmlElement, name: string, label: string): number {
    const value = this.requiredText(element, name, label, 'erwartet eine ganze Zahl ab 1');
    const period = parseInteger(value);
    if (period !== undefined && isPositiveInteger(period)) return period;
    return this.fail(label, name, `"${value}" ist keine Stundennummer (erwartet eine ganze Zahl ab 1)`);
  }

  private time(element: XmlElement, name: string, label: string): string {
    const value = this.requiredText(element, name, label, 'erwartet hhmm');
    return parseCompactTime(value) ?? this.fail(label, name, `"${value}" ist keine Uhrzeit (erwartet hhmm, z. B. 0750)`);
  }

  private date(element: XmlElement | undefined, name: string, label: string): string | undefined {
    const value = textOf(element, name);
    if (value === undefined || isZeroDate(value)) return undefined;
    return parseCompactDate(value) ?? this.fail(label, name, `"${value}" ist kein gültiges Datum (erwartet JJJJMMTT, z. B. 20260914)`);
  }

  private requiredDate(element: XmlElement, name: string, label: string): string {
    return this.date(element, name, label) ?? this.fail(label, name, 'Wert fehlt (erwartet JJJJMMTT)');
  }

  private requiredText(element: XmlElement, name: string, label: string, expected: string): string {
    return textOf(element, name) ?? this.fail(label, name, `Wert fehlt (${expected})`);
  }

  private warn(message: string): void {
    this.warnings.push({ ref: this.ref, message });
  }

  /** `name` is the child element (or 'id' for the id attribute) that holds the bad value. */
  private fail(label: string, name: string, reason: string): never {
    const place = name === 'id' ? 'id' : `<${name}>`;
    throw new UntisReadError(this.ref, `${label}, ${place}: ${reason}`);
  }
}
