import ical, { escape, ICalCalendar, ICalEvent, ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';
import { tzlib_get_ical_block } from 'timezones-ical-library';
import { LessonOccurrence, SCHOOL_TIME_ZONE, SubstitutionKind, TeacherRef } from '@schulverwaltung/shared';

// Renders dated lessons (from expandTimetable) as an iCalendar feed (RFC 5545): one VEVENT per
// occurrence, local Berlin times with a VTIMEZONE, stable UIDs. Pure: the service fetches, this formats.

export interface IcalFeedInput {
  name: string;                     // X-WR-CALNAME, e.g. "Stundenplan 7b"
  occurrences: LessonOccurrence[];
  generatedAt: Date;                // DTSTAMP of every event
}

const UID_DOMAIN = 'schulverwaltung';
const REFRESH_INTERVAL_SECONDS = 60 * 60;

const CHANGE_LABELS: Record<SubstitutionKind, string> = {
  CANCELLED: 'Entfall',
  SUBSTITUTE: 'Vertretung',
  ROOM_CHANGE: 'Raumänderung',
  EXTRA: 'Zusatzunterricht',
  SHIFTED: 'Verlegung',
  SUPERVISION: 'Betreuung',
  OTHER: 'Änderung',
};

type TimedOccurrence = LessonOccurrence & { startsAt: string; endsAt: string };

export function renderIcalFeed({ name, occurrences, generatedAt }: IcalFeedInput): string {
  const calendar = feedCalendar(name);
  // Without a clock time (period missing from the time grid) there is nothing to put in a calendar.
  const events = occurrences.filter(hasTimes).map((occurrence) => lessonEvent(calendar, occurrence, generatedAt).toString());
  // ical-generator writes the calendar properties; the components are added here so that they follow
  // all properties (RFC 5545 order) and are folded by foldLines below, not by the library (see there).
  // Every content line ends with CRLF, the last one too (ical-generator leaves it out).
  const header = calendar.toString().replace(/END:VCALENDAR$/, '');
  return foldLines(`${header}${berlinVtimezone()}${events.join('')}END:VCALENDAR\r\n`);
}

function feedCalendar(name: string): ICalCalendar {
  // No calendar-wide time zone: with one, ical-generator writes DTSTAMP as a local time without "Z",
  // but RFC 5545 requires UTC there. Each event carries TZID=Europe/Berlin instead.
  return ical({
    name: escape(name, false), // written verbatim by ical-generator; a comma or line break would break the feed
    prodId: { company: 'Schulverwaltung', product: 'Stundenplan', language: 'DE' },
    ttl: REFRESH_INTERVAL_SECONDS, // REFRESH-INTERVAL and X-PUBLISHED-TTL
  });
}

function hasTimes(occurrence: LessonOccurrence): occurrence is TimedOccurrence {
  return occurrence.startsAt !== null && occurrence.endsAt !== null;
}

let cachedBerlinVtimezone: string | undefined;

/** The Europe/Berlin VTIMEZONE component, CRLF after every line including the last. */
function berlinVtimezone(): string {
  if (cachedBerlinVtimezone === undefined) {
    const result = tzlib_get_ical_block(SCHOOL_TIME_ZONE);
    // The library answers an unknown zone with an error sentence instead of a block.
    if (!Array.isArray(result)) throw new Error(`No VTIMEZONE for ${SCHOOL_TIME_ZONE}: ${result}`);
    cachedBerlinVtimezone = `${result[0].trim().split(/\r?\n/).join('\r\n')}\r\n`;
  }
  return cachedBerlinVtimezone;
}

function lessonEvent(calendar: ICalCalendar, occurrence: TimedOccurrence, generatedAt: Date): ICalEvent {
  return new ICalEvent({
    id: `${occurrence.uid}@${UID_DOMAIN}`,
    sequence: occurrence.sequence,
    stamp: generatedAt,
    // Zoned luxon values: ical-generator then writes Berlin wall-clock time whatever the process
    // time zone is (a plain Date would come out in the server's zone, see stack-notes pitfall 8).
    start: berlinDateTime(occurrence.date, occurrence.startsAt),
    end: berlinDateTime(occurrence.date, occurrence.endsAt),
    timezone: SCHOOL_TIME_ZONE,
    summary: lessonSummary(occurrence),
    location: occurrence.room?.shortName ?? null,
    description: lessonDescription(occurrence),
    status: occurrence.status === 'CANCELLED' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  }, calendar);
}

function berlinDateTime(date: string, time: string): DateTime {
  const dateTime = DateTime.fromISO(`${date}T${time}`, { zone: SCHOOL_TIME_ZONE });
  // ical-generator would print "Invalid DateTime" into the feed; a broken time grid row must surface.
  if (!dateTime.isValid) throw new RangeError(`Invalid lesson time ${date} ${time}: ${dateTime.invalidExplanation ?? dateTime.invalidReason}`);
  return dateTime;
}

/** "M 7b (MÜL)", with the kind of change in front: "Entfall: M 7b (MÜL)". */
function lessonSummary(occurrence: LessonOccurrence): string {
  const subjectAndGroups = [occurrence.subject?.shortName ?? 'Unterricht', ...occurrence.groups.map((group) => group.name)].join(' ');
  const teachers = occurrence.teachers.map((teacher) => teacher.abbreviation).join(', ');
  return `${changePrefix(occurrence)}${subjectAndGroups}${teachers ? ` (${teachers})` : ''}`;
}

function changePrefix(occurrence: LessonOccurrence): string {
  if (occurrence.status === 'CANCELLED') return `${CHANGE_LABELS.CANCELLED}: `;
  if (occurrence.status === 'REGULAR') return '';
  return `${CHANGE_LABELS[occurrence.substitutionKind ?? 'OTHER']}: `;
}

function lessonDescription(occurrence: LessonOccurrence): string | null {
  const { subject, teachers, room, original, text } = occurrence;
  const lines: string[] = [];
  if (subject) lines.push(withPrevious(subject.name, original?.subject?.name));
  if (teachers.length > 0) {
    const label = teachers.length > 1 ? 'Lehrkräfte' : 'Lehrkraft';
    lines.push(`${label}: ${withPrevious(teacherNames(teachers), original && teacherNames(original.teachers))}`);
  }
  // The room itself is in LOCATION; the description only explains a change.
  if (room && original) lines.push(`Raum: ${withPrevious(room.shortName, original.room?.shortName)}`);
  if (text) lines.push(`Hinweis: ${text}`);
  return lines.length > 0 ? lines.join('\n') : null;
}

function teacherNames(teachers: TeacherRef[]): string {
  return teachers.map((teacher) => (teacher.name ? `${teacher.name} (${teacher.abbreviation})` : teacher.abbreviation)).join(', ');
}

// "Schmidt (SCH) statt Müller (MÜL)" when a substitution changed the value.
function withPrevious(current: string, previous: string | null | undefined): string {
  return previous && previous !== current ? `${current} statt ${previous}` : current;
}

const MAX_LINE_OCTETS = 75;

// RFC 5545 §3.1: lines longer than 75 octets are folded with CRLF + space, never inside a UTF-8
// sequence. ical-generator folds as well, but creates a TextEncoder per character: measured at
// ~70 % of the render time of a 13-week feed.
function foldLines(text: string): string {
  return text.split('\r\n').map(foldLine).join('\r\n');
}

function foldLine(line: string): string {
  if (Buffer.byteLength(line, 'utf8') <= MAX_LINE_OCTETS) return line;
  let folded = '';
  let octets = 0;
  for (const character of line) { // iterates code points, so surrogate pairs stay together
    const size = utf8Octets(character.codePointAt(0) ?? 0);
    if (octets + size > MAX_LINE_OCTETS) {
      folded += '\r\n ';
      octets = 1; // the leading space counts
    }
    folded += character;
    octets += size;
  }
  return folded;
}

function utf8Octets(codePoint: number): number {
  if (codePoint < 0x80) return 1;
  if (codePoint < 0x800) return 2;
  return codePoint < 0x10000 ? 3 : 4;
}
