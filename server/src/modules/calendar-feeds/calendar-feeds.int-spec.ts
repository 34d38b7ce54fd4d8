import { createHash } from 'node:crypto';
import ICAL from 'ical.js';
import { DateTime } from 'luxon';
import { addDays, berlinDate, weekday } from '@schulverwaltung/shared';
import { startTestApp, TestApp, TestClient } from '../../../test/test-app';
import { given, TEST_PASSWORD } from '../../../test/given';
import { givenTimetable } from '../../../test/given-timetable';
import { firstError } from '../../../test/inspect';
import { LessonEntity } from '../timetable/lesson.entity';
import { SchoolYearEntity } from '../school-years/school-year.entity';

// Calendar feeds: a signed-in person subscribes to a timetable they may read; calendar apps then
// fetch the secret URL without a session. The feed is read back with ical.js, as a calendar app would.
// Run with TZ=UTC (as on servers): lessons must still come out at Berlin wall-clock time.

const CREATE = `mutation($target: TimetableTargetInput!, $label: String!) {
  createCalendarFeed(target: $target, label: $label) { url feed { id schoolId target targetId label revokedAt } }
}`;
const REVOKE = `mutation($id: ID!) { revokeCalendarFeed(id: $id) { id revokedAt } }`;
const MINE = `{ myCalendarFeeds { id label lastFetchedAt } }`;

const NOT_AVAILABLE = 'Dieser Kalender ist nicht (mehr) verfügbar.';

const mondayOf = (date: string) => addDays(date, 1 - weekday(date));
const compact = (date: string) => date.replace(/-/g, '');

function parse(text: string): { calendar: ICAL.Component; events: ICAL.Event[] } {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const vtimezone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(vtimezone);
  return { calendar, events: calendar.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent)) };
}

/** VEVENT blocks by UID, without DTSTAMP (the time of each rendering). */
function eventBlocks(text: string): Map<string, string> {
  const blocks = text.match(/BEGIN:VEVENT\r\n[\s\S]*?END:VEVENT\r\n/g) ?? [];
  return new Map(blocks.map((block) => [/\r\nUID:(.*)\r\n/.exec(block)![1], block.replace(/DTSTAMP:.*\r\n/, '')]));
}

afterEach(() => ICAL.TimezoneService.reset());

describe('calendar feeds', () => {
  let app: TestApp;
  let schoolId: string;
  let year: SchoolYearEntity;
  const today = berlinDate();
  // The feed's window: a week back, twelve ahead. In it: a holiday week and a cancelled Monday.
  const WINDOW = { from: addDays(today, -7), to: addDays(today, 84) };
  const CANCELLED_MONDAY = addDays(mondayOf(today), 7);
  const HOLIDAY_MONDAY = addDays(mondayOf(today), 14);
  const ROOM_CHANGE_MONDAY = addDays(mondayOf(today), 21);
  const mondays: string[] = [];
  for (let date = WINDOW.from; date <= WINDOW.to; date = addDays(date, 1)) if (weekday(date) === 1) mondays.push(date);
  const ids: Record<string, string> = {};
  let classId: string;

  beforeAll(async () => {
    app = await startTestApp();
    const g = given(app.dataSource);
    ({ school: { id: schoolId }, year } = await g.school());
    classId = (await g.group(schoolId, year.id, '7b')).id;
    ids.M = (await g.subject(schoolId, { shortName: 'M', name: 'Mathematik' })).id;
    ids.room101 = (await g.room(schoolId, { shortName: '101' })).id;
    ids.room202 = (await g.room(schoolId, { shortName: '202' })).id;
    const mia = await g.pupil(schoolId, year.id, classId, { firstName: 'Mia', lastName: 'Sommer' });
    ids.mia = mia.pupil.id;
    await g.account(mia.person.id, 'mia');
    ids.tom = (await g.pupil(schoolId, year.id, classId)).pupil.id;
    for (const [username, values] of [['mutter', {}], ['vater', { relation: 'FATHER', hasCustody: false, hasInformationBlock: true }]] as const) {
      const parent = await g.person();
      await g.account(parent.id, username);
      ids[`${username}Link`] = (await g.guardianship(mia.pupil, parent.id, values)).id;
    }
    await givenTimetable(app.dataSource).weekdayGrid(schoolId, [['08:00', '08:45'], ['08:50', '09:35']]);
    await g.holiday(year, { name: 'Ferien', startsOn: HOLIDAY_MONDAY, endsOn: addDays(HOLIDAY_MONDAY, 4), kind: 'HOLIDAY' });
  });

  afterAll(() => app.close());

  /** A teacher with an account and maths for 7b on Mondays, 1st period, in room 101. */
  async function teacherWithMondayMaths(username: string, abbreviation: string) {
    const teacher = await given(app.dataSource).staff(schoolId, 'TEACHER', username, abbreviation);
    const lesson = await givenTimetable(app.dataSource).lesson({
      schoolId, schoolYearId: year.id, subjectId: ids.M, teacherIds: [teacher.id], groupIds: [classId], validFrom: addDays(today, -60),
    });
    const entry = await givenTimetable(app.dataSource).entry(lesson, { weekday: 1, period: 1, roomId: ids.room101, validFrom: addDays(today, -60) });
    return { teacher, lesson, entry, client: await app.as(username, TEST_PASSWORD) };
  }

  async function createFeed(client: TestClient, target: Record<string, string>, label = 'Handy') {
    const { createCalendarFeed } = await client.ok(CREATE, { target, label });
    return { ...createCalendarFeed, path: new URL(createCalendarFeed.url).pathname as string };
  }

  /** Fetches like a calendar app: no cookie. */
  const fetchFeed = (path: string, headers: Record<string, string> = {}) => fetch(`${app.url}${path}`, { headers });

  const uidOf = (lesson: LessonEntity, date: string) => `${lesson.lineageId}-${date}-1@schulverwaltung`;

  describe('createCalendarFeed → when a teacher subscribes to their own timetable and a calendar app fetches the URL', () => {
    let teachers = 0;

    async function setup() {
      const { teacher, lesson, client } = await teacherWithMondayMaths(`mueller${++teachers}`, 'MÜL');
      await givenTimetable(app.dataSource).substitution({ schoolId, date: CANCELLED_MONDAY, period: 1, kind: 'CANCELLED', lessonLineageId: lesson.lineageId, text: 'Fortbildung' });
      const feed = await createFeed(client, { teacherId: teacher.id });
      return { teacher, lesson, client, feed, response: await fetchFeed(feed.path) };
    }

    it('should return the secret URL once and store only the token\'s hash', async () => {
      const { teacher, feed } = await setup();

      const token = /\/ical\/([A-Za-z0-9_-]{43})\.ics$/.exec(feed.url)?.[1];
      const [row] = await app.dataSource.query(`SELECT token_hash, owner_person_id, target FROM calendar_feeds WHERE id = $1`, [feed.feed.id]);

      expect(feed.url.startsWith('http://localhost:3000/ical/')).toBe(true);
      expect(token).toBeDefined();
      expect(row).toEqual({ token_hash: createHash('sha256').update(token!).digest('hex'), owner_person_id: teacher.id, target: 'TEACHER' });
      expect(feed.feed).toEqual({ id: expect.any(String), schoolId, target: 'TEACHER', targetId: teacher.id, label: 'Handy', revokedAt: null });
    });

    it('should answer an iCalendar of the rolling window, cacheable for five minutes, with an ETag', async () => {
      const { response } = await setup();

      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
      expect(response.headers.get('cache-control')).toBe('private, max-age=300');
      expect(response.headers.get('etag')).toMatch(/^W\/"[A-Za-z0-9_-]+"$/);
    });

    it('should hold one event per Monday lesson with a stable UID at Berlin time, without the holiday week', async () => {
      const { lesson, response } = await setup();

      const text = await response.text();
      const { calendar, events } = parse(text);

      expect(calendar.getFirstPropertyValue('x-wr-calname')).toMatch(/^Stundenplan .* \(MÜL\)$/);
      expect(events.map((event) => event.uid)).toEqual(mondays.filter((date) => date !== HOLIDAY_MONDAY).map((date) => uidOf(lesson, date)));
      expect(events.map((event) => event.startDate.toJSDate().toISOString())).toEqual(
        mondays.filter((date) => date !== HOLIDAY_MONDAY).map((date) => DateTime.fromISO(`${date}T08:00`, { zone: 'Europe/Berlin' }).toJSDate().toISOString()),
      );
      expect(text).toContain(`DTSTART;TZID=Europe/Berlin:${compact(mondays[0])}T080000\r\n`);
      expect(events[0].location).toBe('101');
    });

    it('should mark the cancelled Monday as cancelled', async () => {
      const { lesson, response } = await setup();

      const { events } = parse(await response.text());

      const cancelled = events.find((event) => event.uid === uidOf(lesson, CANCELLED_MONDAY))!;
      expect(cancelled.component.getFirstPropertyValue('status')).toBe('CANCELLED');
      expect(cancelled.summary).toBe('Entfall: M 7b (MÜL)');
      expect(cancelled.description).toContain('Hinweis: Fortbildung');
      expect(cancelled.sequence).toBe(1);
    });

    it('should record the fetch and answer 304 to a client holding the same version', async () => {
      const { client, feed, response } = await setup();

      const again = await fetchFeed(feed.path, { 'if-none-match': response.headers.get('etag')! });
      const { myCalendarFeeds } = await client.ok(MINE);

      expect(again.status).toBe(304);
      expect(myCalendarFeeds).toEqual([{ id: feed.feed.id, label: 'Handy', lastFetchedAt: expect.any(String) }]);
    });
  });

  describe('when the importer moves a lesson to another room from a date on', () => {
    it('should keep every UID, raise SEQUENCE by one from that date and leave the other events as they were', async () => {
      const { teacher, lesson, entry, client } = await teacherWithMondayMaths('raumwechsel', 'RW');
      const feed = await createFeed(client, { teacherId: teacher.id });
      const first = await fetchFeed(feed.path);
      const before = eventBlocks(await first.text());

      await app.dataSource.query(`UPDATE timetable_entries SET valid_to = $1 WHERE id = $2`, [addDays(ROOM_CHANGE_MONDAY, -1), entry.id]);
      await givenTimetable(app.dataSource).entry(lesson, { weekday: 1, period: 1, roomId: ids.room202, validFrom: ROOM_CHANGE_MONDAY, sequence: 1 });
      const second = await fetchFeed(feed.path, { 'if-none-match': first.headers.get('etag')! });
      const after = eventBlocks(await second.text());

      expect(second.status).toBe(200);
      expect([...after.keys()]).toEqual([...before.keys()]);
      for (const [uid, block] of after) {
        const date = /-(\d{4}-\d{2}-\d{2})-1@/.exec(uid)![1];
        if (date < ROOM_CHANGE_MONDAY) {
          expect(block).toBe(before.get(uid));
        } else {
          expect(block).toContain('SEQUENCE:1\r\n');
          expect(block).toContain('LOCATION:202\r\n');
          expect(block.replace('SEQUENCE:1', 'SEQUENCE:0').replace('LOCATION:202', 'LOCATION:101')).toBe(before.get(uid));
        }
      }
      expect([...after.keys()].some((uid) => uid.includes(ROOM_CHANGE_MONDAY))).toBe(true);
    });
  });

  describe('revokeCalendarFeed', () => {
    it('when the owner revokes a feed → should answer 404 from then on and no longer list it', async () => {
      const { teacher, client } = await teacherWithMondayMaths('widerruf', 'WID');
      const feed = await createFeed(client, { teacherId: teacher.id });

      const { revokeCalendarFeed } = await client.ok(REVOKE, { id: feed.feed.id });
      const response = await fetchFeed(feed.path);
      const { myCalendarFeeds } = await client.ok(MINE);

      expect(revokeCalendarFeed).toEqual({ id: feed.feed.id, revokedAt: expect.any(String) });
      expect(response.status).toBe(404);
      expect(await response.text()).toBe(NOT_AVAILABLE);
      expect(myCalendarFeeds).toEqual([]);
    });

    it('when someone else revokes it → should answer NOT_FOUND and the feed keeps working', async () => {
      const { teacher, client } = await teacherWithMondayMaths('besitzer', 'BES');
      const feed = await createFeed(client, { teacherId: teacher.id });
      const other = await app.as('mia', TEST_PASSWORD);

      const result = await other.gql(REVOKE, { id: feed.feed.id });

      expect(firstError(result)?.code).toBe('NOT_FOUND');
      expect((await fetchFeed(feed.path)).status).toBe(200);
    });
  });

  describe('GET /ical/:token.ics with a token that is no feed', () => {
    it.each([['an unknown token', `/ical/${'A'.repeat(43)}.ics`], ['a malformed token', '/ical/kurz.ics']])('%s → should answer 404 with a short German text', async (_what, path) => {
      const response = await fetchFeed(path);

      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
      expect(await response.text()).toBe(NOT_AVAILABLE);
    });
  });

  describe('rights', () => {
    it('a pupil → should subscribe to their own timetable, not to a classmate\'s or their class\'s', async () => {
      const { lesson } = await teacherWithMondayMaths('klassenlehrer', 'KL');
      const pupil = await app.as('mia', TEST_PASSWORD);

      const own = await createFeed(pupil, { pupilId: ids.mia }, 'Mein Stundenplan');
      const classmate = await pupil.gql(CREATE, { target: { pupilId: ids.tom }, label: 'Tom' });
      const klass = await pupil.gql(CREATE, { target: { classId }, label: '7b' });
      const { events } = parse(await (await fetchFeed(own.path)).text());

      expect(own.feed).toEqual(expect.objectContaining({ target: 'PUPIL', targetId: ids.mia }));
      expect(events.map((event) => event.uid)).toContain(uidOf(lesson, addDays(mondayOf(today), 7)));
      expect(firstError(classmate)?.code).toBe('NOT_FOUND');
      expect(firstError(klass)?.code).toBe('NOT_FOUND');
    });

    it('a guardian with an information block → should not subscribe to the child', async () => {
      const father = await app.as('vater', TEST_PASSWORD);

      const result = await father.gql(CREATE, { target: { pupilId: ids.mia }, label: 'Kind' });

      expect(firstError(result)?.code).toBe('NOT_FOUND');
    });

    it('a guardian who loses custody → should find the feed gone (rights are checked on every fetch)', async () => {
      const mother = await app.as('mutter', TEST_PASSWORD);
      const feed = await createFeed(mother, { pupilId: ids.mia }, 'Mia');
      const before = await fetchFeed(feed.path);

      await app.dataSource.query(`UPDATE guardianships SET has_custody = false WHERE id = $1`, [ids.mutterLink]);
      const after = await fetchFeed(feed.path);
      await app.dataSource.query(`UPDATE guardianships SET has_custody = true WHERE id = $1`, [ids.mutterLink]);

      expect(before.status).toBe(200);
      expect(after.status).toBe(404);
    });

    it('a teacher who left the school → should find their feed gone', async () => {
      const { teacher, client } = await teacherWithMondayMaths('ehemalig', 'EHM');
      const feed = await createFeed(client, { teacherId: teacher.id });

      await app.dataSource.query(`UPDATE memberships SET valid_to = $1 WHERE person_id = $2`, [addDays(today, -1), teacher.id]);
      const response = await fetchFeed(feed.path);

      expect(response.status).toBe(404);
      expect(await response.text()).toBe(NOT_AVAILABLE);
    });

    it('a teacher of another school → should not subscribe to this school\'s class', async () => {
      const { school: other } = await given(app.dataSource).school();
      await given(app.dataSource).staff(other.id, 'TEACHER', 'fremd');
      const stranger = await app.as('fremd', TEST_PASSWORD);

      const result = await stranger.gql(CREATE, { target: { classId }, label: '7b' });

      expect(firstError(result)?.code).toBe('NOT_FOUND');
    });

    it('nobody signed in → should answer UNAUTHENTICATED', async () => {
      const result = await app.client().gql(CREATE, { target: { classId }, label: '7b' });

      expect(firstError(result)?.code).toBe('UNAUTHENTICATED');
    });
  });

  describe('when a teacher teaches at two schools', () => {
    it('should ask which school a feed is for, and subscribe to that school\'s lessons only', async () => {
      const { teacher, client } = await teacherWithMondayMaths('zwei.schulen', 'ZS');
      const { school: other } = await given(app.dataSource).school();
      await app.dataSource.query(`INSERT INTO memberships (person_id, school_id, role, abbreviation, valid_from) VALUES ($1, $2, 'TEACHER', 'ZW', '2000-01-01')`, [teacher.id, other.id]);
      const signedIn = await app.as('zwei.schulen', TEST_PASSWORD); // the new role counts from the next request on

      const ambiguous = await signedIn.gql(CREATE, { target: { teacherId: teacher.id }, label: 'Alles' });
      const feed = await createFeed(client, { teacherId: teacher.id, schoolId }, 'Gymnasium');

      expect(firstError(ambiguous)).toEqual(expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'target.schoolId', rule: 'ambiguous' }));
      expect(feed.feed).toEqual(expect.objectContaining({ schoolId, target: 'TEACHER', targetId: teacher.id }));
    });
  });

  describe('bad input', () => {
    it('when the label is empty → should answer BAD_USER_INPUT on label and store nothing', async () => {
      const { teacher, client } = await teacherWithMondayMaths('leer', 'LEE');

      const result = await client.gql(CREATE, { target: { teacherId: teacher.id }, label: '  ' });

      expect(firstError(result)).toEqual(expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'label' }));
      expect(await app.dataSource.query(`SELECT 1 FROM calendar_feeds WHERE owner_person_id = $1`, [teacher.id])).toEqual([]);
    });
  });
});
