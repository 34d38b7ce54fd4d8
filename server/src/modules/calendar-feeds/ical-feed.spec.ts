import ICAL from 'ical.js';
import {
  DayOffInput,
  expandTimetable,
  LessonOccurrence,
  PeriodTimeInput,
  SubstitutionInput,
  TimetableSlotInput,
} from '@schulverwaltung/shared';
import { renderIcalFeed } from './ical-feed';

// The feed is read back with ical.js, a parser independent of ical-generator, so the test checks
// what calendar clients will see (instants in UTC), not the generator's own idea of its output.
// Run with TZ=UTC (as on servers): a feed built from plain Dates would be 1–2 h off there.
// (Jest sandboxes process.env, so the zone cannot be switched inside a test.)

const GENERATED_AT = new Date('2026-10-10T09:30:00Z');
const MATHS = { id: 'sub-m', shortName: 'M', name: 'Mathematik' };
const MUELLER = { id: 't-mul', abbreviation: 'MÜL', name: 'Müller' };
const SCHMIDT = { id: 't-sch', abbreviation: 'SCH', name: 'Schmidt' };
const CLASS_7B = { id: 'g-7b', name: '7b', kind: 'CLASS' as const };
const ROOM_101 = { id: 'r-101', shortName: '101' };
const ROOM_202 = { id: 'r-202', shortName: '202' };

const PERIODS: PeriodTimeInput[] = [1, 2, 3, 4, 5].flatMap((weekday) => [
  { weekday, period: 1, startsAt: '08:00', endsAt: '08:45' },
  { weekday, period: 2, startsAt: '08:50', endsAt: '09:35' },
]);

function slot(overrides: Partial<TimetableSlotInput> = {}): TimetableSlotInput {
  return {
    entryId: 'entry-m', lessonId: 'lesson-m-v1', lessonLineageId: 'lesson-m',
    weekday: 1, period: 1, validFrom: '2026-08-01', validTo: null,
    subject: MATHS, teachers: [MUELLER], groups: [CLASS_7B], room: ROOM_101,
    weekPattern: { kind: 'EVERY' }, sequence: 0,
    ...overrides,
  };
}

// Mondays 12 Oct – 9 Nov 2026; summer time ends on Sunday 25 Oct.
function occurrencesOf(slots: TimetableSlotInput[], options: { daysOff?: DayOffInput[]; substitutions?: SubstitutionInput[] } = {}): LessonOccurrence[] {
  return expandTimetable({
    slots, periods: PERIODS, daysOff: options.daysOff ?? [], substitutions: options.substitutions ?? [],
    from: '2026-10-12', to: '2026-11-09',
  });
}

function render(occurrences: LessonOccurrence[]): string {
  return renderIcalFeed({ name: 'Stundenplan 7b', occurrences, generatedAt: GENERATED_AT });
}

function parse(text: string): { calendar: ICAL.Component; events: ICAL.Event[] } {
  const calendar = new ICAL.Component(ICAL.parse(text));
  // ical.js knows no time zones of its own: times resolve through the feed's VTIMEZONE or not at all.
  for (const vtimezone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(vtimezone);
  return { calendar, events: calendar.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent)) };
}

const startsInUtc = (events: ICAL.Event[]) => events.map((event) => event.startDate.toJSDate().toISOString());

function veventBlocks(text: string): Map<string, string> {
  const blocks = text.match(/BEGIN:VEVENT\r\n[\s\S]*?END:VEVENT\r\n/g) ?? [];
  return new Map(blocks.map((block) => [/\r\nUID:(.*)\r\n/.exec(block)![1], block]));
}

afterEach(() => ICAL.TimezoneService.reset());


describe('renderIcalFeed', () => {
  describe('when rendering a weekly lesson', () => {
    const setup = () => render(occurrencesOf([slot()]));

    it('should describe the calendar: name, refresh hint, Europe/Berlin VTIMEZONE', () => {
      const text = setup();

      const { calendar } = parse(text);

      expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
      expect(calendar.getFirstPropertyValue('prodid')).toBe('-//Schulverwaltung//Stundenplan//DE');
      expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Stundenplan 7b');
      expect(calendar.getFirstProperty('refresh-interval')?.getFirstValue()?.toString()).toBe('PT1H');
      expect(calendar.getFirstPropertyValue('x-published-ttl')).toBe('PT1H');
      const vtimezones = calendar.getAllSubcomponents('vtimezone');
      expect(vtimezones.map((vtimezone) => vtimezone.getFirstPropertyValue('tzid'))).toEqual(['Europe/Berlin']);
      expect(vtimezones[0].getAllSubcomponents().map((rule) => rule.name).sort()).toEqual(['daylight', 'standard']);
      // RFC 5545 grammar: all calendar properties come before the first component.
      expect(text.indexOf('X-PUBLISHED-TTL')).toBeLessThan(text.indexOf('BEGIN:VTIMEZONE'));
    });

    it('should write local Berlin times with TZID that resolve to the right instant on both sides of the DST switch', () => {
      const text = setup();

      const { events } = parse(text);

      expect(text).toContain('DTSTART;TZID=Europe/Berlin:20261019T080000\r\n');
      expect(text).toContain('DTEND;TZID=Europe/Berlin:20261019T084500\r\n');
      expect(startsInUtc(events)).toEqual([
        '2026-10-12T06:00:00.000Z', '2026-10-19T06:00:00.000Z', // CEST, UTC+2
        '2026-10-26T07:00:00.000Z', '2026-11-02T07:00:00.000Z', '2026-11-09T07:00:00.000Z', // CET, UTC+1
      ]);
      expect(events[2].endDate.toJSDate().toISOString()).toBe('2026-10-26T07:45:00.000Z');
    });

    it('should give stable UIDs, SEQUENCE, DTSTAMP in UTC, summary, location and description', () => {
      const { events } = parse(setup());

      const [first] = events;
      expect(events.map((event) => event.uid)).toEqual([
        'lesson-m-2026-10-12-1@schulverwaltung', 'lesson-m-2026-10-19-1@schulverwaltung', 'lesson-m-2026-10-26-1@schulverwaltung',
        'lesson-m-2026-11-02-1@schulverwaltung', 'lesson-m-2026-11-09-1@schulverwaltung',
      ]);
      expect(first.sequence).toBe(0);
      expect(first.component.getFirstPropertyValue('dtstamp')?.toString()).toBe('2026-10-10T09:30:00Z');
      expect(first.summary).toBe('M 7b (MÜL)');
      expect(first.location).toBe('101');
      expect(first.description).toBe('Mathematik\nLehrkraft: Müller (MÜL)');
      expect(first.component.getFirstPropertyValue('status')).toBe('CONFIRMED');
    });

    it('should follow RFC 5545 line rules: CRLF after every line, at most 75 octets, folds between characters', () => {
      // "SUMMARY:M " and 62 × "x" fill 72 octets, so the 4-octet emoji straddles the 75-octet limit;
      // umlauts (2 octets) follow around the next fold.
      const longName = { ...CLASS_7B, name: `${'x'.repeat(62)}📰 AG Schülerzeitung und Öffentlichkeitsarbeit üüüüüü` };

      const text = render(occurrencesOf([slot({ groups: [longName] })]));

      expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
      expect(text.split('\r\n').every((line) => Buffer.byteLength(line, 'utf8') <= 75)).toBe(true);
      expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
      expect(Buffer.from(text, 'utf8').toString('utf8')).toBe(text); // no surrogate pair split by a fold
      expect(parse(text).events[0].summary).toBe(`M ${longName.name} (MÜL)`);
    });
  });

  it('when the calendar name holds commas or line breaks → should escape them', () => {
    const text = renderIcalFeed({ name: 'Stundenplan 7a, 7b\nBEGIN:VEVENT', occurrences: [], generatedAt: GENERATED_AT });

    const { events } = parse(text);

    // ical.js reads NAME and X-WR-CALNAME as opaque values, so check the escaped text itself.
    expect(text).toContain('\r\nNAME:Stundenplan 7a\\, 7b\\nBEGIN:VEVENT\r\n');
    expect(text).toContain('\r\nX-WR-CALNAME:Stundenplan 7a\\, 7b\\nBEGIN:VEVENT\r\n');
    expect(events).toEqual([]);
  });

  it('when a lesson runs in A weeks only → should appear every other week', () => {
    const weekA = slot({ weekPattern: { kind: 'CYCLE', length: 2, weeks: [1], anchorMonday: '2026-10-12' } });

    const { events } = parse(render(occurrencesOf([weekA])));

    expect(startsInUtc(events)).toEqual(['2026-10-12T06:00:00.000Z', '2026-10-26T07:00:00.000Z', '2026-11-09T07:00:00.000Z']);
  });

  it('when a holiday falls on lesson days → should leave those lessons out', () => {
    const holidays: DayOffInput[] = [{ startsOn: '2026-10-17', endsOn: '2026-10-31', name: 'Herbstferien', kind: 'HOLIDAY' }];

    const { events } = parse(render(occurrencesOf([slot()], { daysOff: holidays })));

    expect(events.map((event) => event.startDate.toString().slice(0, 10))).toEqual(['2026-10-12', '2026-11-02', '2026-11-09']);
  });

  it('when a lesson is cancelled → should mark it CANCELLED with "Entfall" and a higher SEQUENCE', () => {
    const cancellation: SubstitutionInput = {
      id: 's1', date: '2026-10-19', period: 1, lessonLineageId: 'lesson-m', kind: 'CANCELLED', text: 'Fortbildung', revision: 0,
    };

    const { events } = parse(render(occurrencesOf([slot()], { substitutions: [cancellation] })));

    const cancelled = events[1];
    expect(cancelled.uid).toBe('lesson-m-2026-10-19-1@schulverwaltung');
    expect(cancelled.component.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(cancelled.summary).toBe('Entfall: M 7b (MÜL)');
    expect(cancelled.sequence).toBe(1);
    expect(cancelled.description).toContain('Hinweis: Fortbildung');
    expect(events[0].component.getFirstPropertyValue('status')).toBe('CONFIRMED');
  });

  it('when a substitute teacher and room are set → should show the change in summary, location and description', () => {
    const substitute: SubstitutionInput = {
      id: 's2', date: '2026-10-19', period: 1, lessonLineageId: 'lesson-m', kind: 'SUBSTITUTE',
      substituteTeachers: [SCHMIDT], substituteRoom: ROOM_202, revision: 0,
    };

    const [, changed] = parse(render(occurrencesOf([slot()], { substitutions: [substitute] }))).events;

    expect(changed.summary).toBe('Vertretung: M 7b (SCH)');
    expect(changed.location).toBe('202');
    expect(changed.description).toBe('Mathematik\nLehrkraft: Schmidt (SCH) statt Müller (MÜL)\nRaum: 202 statt 101');
  });

  it('when an extra lesson is added → should appear with its own UID and the kind of change', () => {
    const extra: SubstitutionInput = {
      id: 'x1', date: '2026-10-20', period: 2, lessonLineageId: null, kind: 'EXTRA', revision: 0,
      substituteSubject: { id: 'sub-d', shortName: 'D', name: 'Deutsch' }, substituteTeachers: [SCHMIDT], groups: [CLASS_7B], substituteRoom: ROOM_202,
    };

    const { events } = parse(render(occurrencesOf([], { substitutions: [extra] })));

    expect(events).toHaveLength(1);
    expect(events[0].uid).toBe('sub-x1@schulverwaltung');
    expect(events[0].summary).toBe('Zusatzunterricht: D 7b (SCH)');
    expect(startsInUtc(events)).toEqual(['2026-10-20T06:50:00.000Z']);
  });

  it('when a time in the grid is malformed → should fail instead of writing an invalid feed', () => {
    const [occurrence] = occurrencesOf([slot()]);

    expect(() => render([{ ...occurrence, startsAt: '8 Uhr' }])).toThrow(RangeError);
  });

  it('when an occurrence has no clock time → should leave it out', () => {
    const noGridEntry = slot({ entryId: 'entry-x', lessonLineageId: 'lesson-x', period: 9 });

    const { events } = parse(render(occurrencesOf([slot(), noGridEntry])));

    expect(events.every((event) => event.uid.startsWith('lesson-m-'))).toBe(true);
    expect(events).toHaveLength(5);
  });

  it('when the importer changes a slot\'s room → should keep UIDs, raise SEQUENCE by one, leave other events byte-identical', () => {
    const german = slot({ entryId: 'entry-d', lessonLineageId: 'lesson-d', period: 2, subject: { id: 'sub-d', shortName: 'D', name: 'Deutsch' } });
    const before = render(occurrencesOf([slot({ sequence: 3 }), german]));

    const after = render(occurrencesOf([slot({ sequence: 4, room: ROOM_202 }), german]));

    const [eventsBefore, eventsAfter] = [veventBlocks(before), veventBlocks(after)];
    expect([...eventsAfter.keys()]).toEqual([...eventsBefore.keys()]);
    for (const [uid, block] of eventsAfter) {
      if (uid.startsWith('lesson-d-')) {
        expect(block).toBe(eventsBefore.get(uid));
      } else {
        expect(block).toContain('SEQUENCE:4\r\n');
        expect(block).toContain('LOCATION:202\r\n');
        expect(block.replace('SEQUENCE:4', 'SEQUENCE:3').replace('LOCATION:202', 'LOCATION:101')).toBe(eventsBefore.get(uid));
      }
    }
  });
});
