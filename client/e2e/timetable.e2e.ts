import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage, screenshot, seriousAxeViolations, signIn } from './support/browser';
import { addDays, addSubstitutionsTo7b, defaultWeekStart, germanDate, mondayOf } from './support/timetable-fixtures';
import type { SubstitutionFixture } from './support/timetable-fixtures';

// The timetable as each role meets it: a class teacher's own week (navigation, print, phone), the
// secretariat's class, teacher and room timetables and the substitution plan, a pupil's and a
// guardian's own weeks, a teacher's calendar subscription (fetched and revoked), the time grid.
// The demo has no substitutions: the school admin imports some for 7b first (GPU014).

const PHONE = { width: 390, height: 844 };

const gridLessons = (page: Page) => page.getByTestId('timetable-grid').getByTestId('timetable-lesson');
const lessonWithStatus = (page: Page, status: string) => page.locator(`[data-testid="timetable-grid"] [data-status="${status}"]`);

/** Shows the week of a day through the date picker, as a user types it. */
async function jumpToWeekOf(page: Page, day: string): Promise<void> {
  const monday = mondayOf(day);
  const input = page.locator('#week-nav-date');
  await input.fill(germanDate(day));
  await input.press('Enter');
  await input.press('Escape');
  // The current week has a plain address, any other one carries ?woche=<Monday>.
  await page.waitForURL((url) => (url.searchParams.get('woche') ?? defaultWeekStart()) === monday);
  await page.getByTestId('week-label').filter({ hasText: germanDate(addDays(monday, 4)) }).waitFor();
  await page.locator('[aria-busy="false"]').getByTestId('timetable-grid').waitFor();
}

// The area printed on A4 at 96 dpi: landscape with 10 mm margins (timetables), portrait with 15 mm (lists).
const PRINTABLE = { landscape: { width: 1047, height: 718 }, portrait: { width: 680, height: 1009 } };
const MEDIA_BOX = { landscape: /\/MediaBox\s*\[\s*0 0 84[12](\.\d+)? 59[45](\.\d+)?\s*\]/, portrait: /\/MediaBox\s*\[\s*0 0 59[45](\.\d+)? 84[12](\.\d+)?\s*\]/ };

/** Renders the page as printed (screenshot of the printable area) and checks it fits one A4 page. */
async function printView(page: Page, name: string, orientation: keyof typeof PRINTABLE = 'landscape'): Promise<void> {
  const viewport = page.viewportSize();
  await page.setViewportSize(PRINTABLE[orientation]);
  await page.emulateMedia({ media: 'print' });
  try {
    await screenshot(page, name);
    const pdf = (await page.pdf({ format: 'A4', preferCSSPageSize: true })).toString('latin1');
    expect(pdf.match(/\/Type\s*\/Page(?!s)/g)).toHaveLength(1);
    expect(pdf).toMatch(MEDIA_BOX[orientation]);
  } finally {
    await page.emulateMedia({ media: 'screen' });
    if (viewport) await page.setViewportSize(viewport);
  }
}

describe('timetable in the browser', () => {
  let browser: Browser;
  let fixture: SubstitutionFixture;

  beforeAll(async () => {
    browser = await launchBrowser();
    const admin = await newPage(browser);
    await signIn(admin, 'gym.admin');
    fixture = await addSubstitutionsTo7b(admin);
    await admin.context().close();
  });

  afterAll(() => browser.close());

  describe('class teacher of 7b (gym.klassenleitung)', () => {
    let page: Page;

    beforeAll(async () => {
      page = await newPage(browser);
      await signIn(page, 'gym.klassenleitung');
    });

    it('opens "Mein Stundenplan" and sees the week\'s lessons with their times', async () => {
      await page.getByTestId('nav-my-timetable').click();
      await gridLessons(page).first().waitFor();

      expect(await page.getByTestId('page-title').textContent()).toContain('Mein Stundenplan');
      expect(await page.getByTestId('timetable-period-time').first().textContent()).toBe('08:00–08:45');
      expect((await page.getByTestId('timetable-period-time').allTextContents()).length).toBeGreaterThanOrEqual(6);
      expect(await page.getByTestId('timetable-day').allTextContents()).toEqual([
        expect.stringMatching(/^Montag/), expect.stringMatching(/^Dienstag/), expect.stringMatching(/^Mittwoch/),
        expect.stringMatching(/^Donnerstag/), expect.stringMatching(/^Freitag/),
      ]);
      expect(await gridLessons(page).count()).toBeGreaterThan(5);
      expect(await page.getByTestId('week-label').textContent()).toContain(germanDate(addDays(defaultWeekStart(), 4)));
      await screenshot(page, 'timetable-01-my-week');
      expect(await seriousAxeViolations(page)).toEqual([]);
    });

    it('goes to the next week and back; the week stays in the URL across a reload', async () => {
      const thisWeek = defaultWeekStart();
      const nextWeek = addDays(thisWeek, 7);

      await page.getByTestId('week-next').click();
      await page.waitForURL((url) => url.searchParams.get('woche') === nextWeek);
      await page.getByTestId('week-label').filter({ hasText: germanDate(addDays(nextWeek, 4)) }).waitFor();
      await page.reload();
      await page.getByTestId('week-label').filter({ hasText: germanDate(addDays(nextWeek, 4)) }).waitFor();
      await gridLessons(page).first().waitFor();
      expect(await page.getByTestId('week-today').isEnabled()).toBe(true);

      await page.getByTestId('week-previous').click();
      await page.waitForURL((url) => !url.searchParams.has('woche'));
      await page.getByTestId('week-label').filter({ hasText: germanDate(addDays(thisWeek, 4)) }).waitFor();
      expect(await page.getByTestId('week-today').isDisabled()).toBe(true);
    });

    it('greys out the Christmas holidays day by day', async () => {
      await page.goto('/stundenplan?woche=2026-12-21');
      await page.getByTestId('timetable-day-off').first().waitFor();

      expect(await page.getByTestId('timetable-day-off').allTextContents()).toEqual([
        expect.stringContaining('Weihnachtsferien'), expect.stringContaining('Weihnachtsferien'), expect.stringContaining('Weihnachtsferien'),
      ]);
      await screenshot(page, 'timetable-02-holidays');
      expect(await seriousAxeViolations(page)).toEqual([]);
    });

    it('prints the week on one A4 landscape page, without navigation', async () => {
      await page.goto('/stundenplan');
      await gridLessons(page).first().waitFor();

      await printView(page, 'timetable-03-my-week-print');
    });

    it('shows the week as a list of days on a phone', async () => {
      await page.setViewportSize(PHONE);

      await page.getByTestId('timetable-day-list').getByTestId('timetable-lesson').first().waitFor();
      expect(await page.getByTestId('timetable-grid').isVisible()).toBe(false);
      await screenshot(page, 'timetable-04-my-week-phone');
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.setViewportSize({ width: 1280, height: 800 });
    });
  });

  describe('secretariat of the Gymnasium (gym.sekretariat)', () => {
    let page: Page;

    beforeAll(async () => {
      page = await newPage(browser);
      await signIn(page, 'gym.sekretariat');
    });

    it('opens the timetable of 7b from the class page and sees the substitutions marked', async () => {
      await page.getByTestId('nav-classes').click();
      await page.getByTestId('class-row').filter({ hasText: '7b' }).getByRole('link').first().click();
      await page.getByTestId('class-timetable').click();
      await gridLessons(page).first().waitFor();
      expect(new URL(page.url()).pathname).toBe(`/stundenplan/klasse/${fixture.classId}`);

      await jumpToWeekOf(page, fixture.day);
      await lessonWithStatus(page, 'CANCELLED').first().waitFor();

      const substitute = lessonWithStatus(page, 'CHANGED').filter({ hasText: 'Vertretung' });
      expect(await substitute.locator('strong').allTextContents()).toContain(fixture.substitute.substitute);
      expect(await substitute.locator('del').textContent()).toContain(fixture.substitute.absent);
      expect(await substitute.textContent()).toContain('Arbeitsblatt im Klassenraum');
      const roomChange = lessonWithStatus(page, 'CHANGED').filter({ hasText: 'Raumänderung' });
      expect(await roomChange.locator('strong').textContent()).toBe(fixture.roomChange.to);
      expect(await roomChange.locator('del').textContent()).toContain(fixture.roomChange.from);
      expect(await lessonWithStatus(page, 'CANCELLED').textContent()).toContain('Entfall');
      expect(await lessonWithStatus(page, 'EXTRA').textContent()).toMatch(/Zusatz.*M.*Förderunterricht/s);
      await screenshot(page, 'timetable-05-class-7b-substitutions');
      expect(await seriousAxeViolations(page)).toEqual([]);
    });

    it('prints the class\'s week with its substitutions on one page', async () => {
      await printView(page, 'timetable-06-class-7b-print');
    });

    it('picks a teacher and a room on the overview, keeping the week', async () => {
      await page.getByTestId('nav-timetables').click();
      await page.getByTestId('timetable-pick-teacher').waitFor();
      // The choices load after the page: a click before that opens nothing (seen on a busy machine).
      await page.goto(`/stundenplaene?woche=${fixture.weekStart}`, { waitUntil: 'networkidle' });
      await page.getByTestId('timetable-pick-teacher').click();
      await page.getByRole('searchbox').fill(fixture.substitute.substitute);
      await screenshot(page, 'timetable-07-overview', { fullPage: false });
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.getByRole('option').filter({ hasText: `(${fixture.substitute.substitute})` }).click();

      await page.waitForURL(/\/stundenplan\/lehrkraft\//);
      expect(new URL(page.url()).searchParams.get('woche')).toBe(fixture.weekStart === defaultWeekStart() ? null : fixture.weekStart);
      await gridLessons(page).first().waitFor();
      expect(await page.getByTestId('page-title').textContent()).toContain(`(${fixture.substitute.substitute})`);
      // The substitute sees the lesson they cover, and the extra lesson.
      expect(await lessonWithStatus(page, 'CHANGED').filter({ hasText: '7b' }).count()).toBe(1);
      expect(await lessonWithStatus(page, 'EXTRA').filter({ hasText: '7b' }).count()).toBe(1);
      await screenshot(page, 'timetable-08-teacher');
      expect(await seriousAxeViolations(page)).toEqual([]);

      await page.goBack();
      await page.getByTestId('timetable-pick-room').click();
      await page.getByRole('searchbox').fill(fixture.roomChange.to);
      await page.getByRole('option').filter({ hasText: new RegExp(`^${fixture.roomChange.to}\\b`) }).first().click();
      await page.waitForURL(/\/stundenplan\/raum\//);
      await gridLessons(page).first().waitFor();
      expect(await page.getByTestId('page-title').textContent()).toContain(`Raum ${fixture.roomChange.to}`);
      await screenshot(page, 'timetable-09-room');
    });

    it('reads the substitution plan of the day, by class and period, and moves by school days', async () => {
      await page.getByTestId('nav-substitution-plan').click();
      await page.getByTestId('day-label').waitFor();
      const input = page.locator('#substitution-date');
      await input.fill(germanDate(fixture.day));
      await input.press('Enter');
      await input.press('Escape');
      await page.getByTestId('substitutions-row').first().waitFor();

      expect(await page.getByTestId('substitutions-class').allTextContents()).toContain('Klasse 7b');
      const rows = page.getByTestId('substitutions-row');
      expect(await rows.count()).toBeGreaterThanOrEqual(3);
      const texts = await rows.allTextContents();
      expect(texts).toEqual(expect.arrayContaining([
        expect.stringMatching(new RegExp(`^1\\..*Vertretung.*${fixture.substitute.substitute}.*${fixture.substitute.absent}.*Arbeitsblatt`)),
        expect.stringMatching(new RegExp(`^2\\..*Raumänderung.*${fixture.roomChange.to}.*${fixture.roomChange.from}`)),
        expect.stringMatching(/^3\..*Entfall.*Klassenfahrt/),
      ]));
      expect(await rows.filter({ hasText: 'Vertretung' }).locator('del').allTextContents()).toContainEqual(expect.stringContaining(fixture.substitute.absent));
      await screenshot(page, 'timetable-10-substitution-plan');
      expect(await seriousAxeViolations(page)).toEqual([]);
      await printView(page, 'timetable-11-substitution-plan-print', 'portrait');

      await page.getByTestId('day-next').click();
      await page.getByTestId('day-next').click();
      await page.getByTestId('day-label').filter({ hasText: germanDate(fixture.extraDay) }).waitFor();
      await page.getByTestId('substitutions-row').filter({ hasText: 'Zusatzstunde' }).waitFor();
      await page.getByTestId('day-previous').click();
      await page.getByTestId('day-label').filter({ hasText: germanDate(addDays(fixture.day, 1)) }).waitFor();
    });

    it('opens a pupil\'s timetable from the pupil\'s record', async () => {
      await page.goto(`/klassen/${fixture.classId}`);
      await page.getByTestId('class-member-row').first().getByRole('link').click();
      const name = (await page.getByTestId('pupil-detail-name').textContent())!.trim();
      await page.getByTestId('pupil-timetable').click();

      await page.waitForURL(/\/stundenplan\/schueler\//);
      await gridLessons(page).first().waitFor();
      expect(await page.getByTestId('page-title').textContent()).toBe(`Stundenplan ${name}`);
      expect(await page.locator('.page-header__subtitle').textContent()).toMatch(/^Schüler:in · KW \d+/);
      await screenshot(page, 'timetable-12-pupil-from-record');
      expect(await seriousAxeViolations(page)).toEqual([]);
    });
  });

  describe('pupil of 7b (schueler)', () => {
    let page: Page;

    beforeAll(async () => {
      page = await newPage(browser);
      await signIn(page, 'schueler');
    });

    it('sees their own timetable with the class\'s substitutions, and no staff pages', async () => {
      expect(await page.getByTestId('nav-timetables').count()).toBe(0);
      expect(await page.getByTestId('nav-substitution-plan').count()).toBe(0);
      await page.getByTestId('nav-my-timetable').click();
      await gridLessons(page).first().waitFor();
      await jumpToWeekOf(page, fixture.day);
      await lessonWithStatus(page, 'CANCELLED').first().waitFor();

      expect(await lessonWithStatus(page, 'EXTRA').count()).toBe(1);
      expect(await page.locator('.page-header__subtitle').textContent()).toMatch(/^\S+ \S+ · KW \d+/);
      await screenshot(page, 'timetable-13-pupil');
      expect(await seriousAxeViolations(page)).toEqual([]);

      await page.goto('/stundenplaene');
      await page.getByText('Kein Zugriff').first().waitFor();
    });

    it('reads the week day by day on a phone', async () => {
      await page.setViewportSize(PHONE);
      await page.goto(`/stundenplan?woche=${fixture.weekStart}`);
      await page.getByTestId('timetable-day-list').getByTestId('timetable-lesson').first().waitFor();

      expect(await page.getByTestId('timetable-day-list').locator('[data-status="CANCELLED"]').count()).toBe(1);
      await screenshot(page, 'timetable-14-pupil-phone');
      expect(await seriousAxeViolations(page)).toEqual([]);
    });
  });

  describe('mother of two (eltern.geschwister)', () => {
    let page: Page;

    beforeAll(async () => {
      page = await newPage(browser);
      await signIn(page, 'eltern.geschwister');
    });

    it('sees one tab per child, each with its school\'s week', async () => {
      await page.getByTestId('nav-my-timetable').click();
      await page.getByTestId('timetable-tab').first().waitFor();

      const tabs = page.getByTestId('timetable-tab');
      expect(await tabs.count()).toBe(2);
      const names = (await tabs.allTextContents()).map((name) => name.trim());
      expect(await page.getByRole('tabpanel').getByRole('heading', { level: 2 }).textContent()).toBe(`Stundenplan ${names[0]}`);
      await gridLessons(page).first().waitFor();
      await screenshot(page, 'timetable-15-guardian-first-child');
      expect(await seriousAxeViolations(page)).toEqual([]);

      await tabs.nth(1).click();
      await page.getByRole('tabpanel').getByRole('heading', { name: `Stundenplan ${names[1]}` }).waitFor();
      expect(await page.getByRole('tabpanel').getByTestId('timetable-lesson').count()).toBeGreaterThan(10);
      await screenshot(page, 'timetable-16-guardian-second-child');
    });
  });

  describe('teacher subscribing to their timetable (gym.lehrkraft)', () => {
    let page: Page;
    let feedUrl: string;

    beforeAll(async () => {
      page = await newPage(browser);
      await signIn(page, 'gym.lehrkraft');
    });

    it('creates a calendar subscription and sees its secret URL once', async () => {
      await page.getByTestId('nav-my-timetable').click();
      await gridLessons(page).first().waitFor();
      await page.getByTestId('timetable-subscribe').click();
      const label = page.getByTestId('calendar-feed-label');
      await label.waitFor();
      expect(await label.inputValue()).toMatch(/^Stundenplan .+ \([A-ZÄÖÜ]+\)$/);
      await screenshot(page, 'timetable-17-subscribe', { fullPage: false });
      expect(await seriousAxeViolations(page)).toEqual([]);

      await label.fill('Mein Unterricht');
      await page.getByTestId('calendar-feed-create').click();
      await page.getByTestId('calendar-feed-created').waitFor();
      feedUrl = await page.getByTestId('calendar-feed-url').inputValue();
      expect(feedUrl).toMatch(/\/ical\/[A-Za-z0-9_-]{43}\.ics$/);
      await screenshot(page, 'timetable-18-subscribe-url', { fullPage: false });
      expect(await seriousAxeViolations(page)).toEqual([]);
    });

    it('the URL answers an iCalendar with the lessons', async () => {
      const response = await fetch(feedUrl);

      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/calendar/);
      const body = await response.text();
      expect(body).toMatch(/^BEGIN:VCALENDAR/);
      expect((body.match(/BEGIN:VEVENT/g) ?? []).length).toBeGreaterThan(10);
    });

    it('lists the subscription and revokes it after confirming; the URL then answers 404', async () => {
      await page.getByTestId('calendar-feed-done').click();
      await page.getByTestId('calendar-subscribe-dialog').waitFor({ state: 'detached' });
      await page.getByTestId('nav-calendar-feeds').click();
      // The newest is listed last (a run against a server used before finds older ones, too).
      const rows = page.getByTestId('calendar-feed-row');
      const row = rows.filter({ hasText: 'Mein Unterricht' }).last();
      await row.waitFor();
      expect(await row.textContent()).toMatch(/Lehrkraft.*\d\d\.\d\d\.\d{4}, \d\d:\d\d/);
      await screenshot(page, 'timetable-19-feeds');
      expect(await seriousAxeViolations(page)).toEqual([]);

      const listed = await rows.count();
      await row.getByTestId('calendar-feed-revoke').click();
      await page.getByTestId('calendar-feed-confirm').waitFor();
      await screenshot(page, 'timetable-20-revoke-confirm', { fullPage: false });
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.getByTestId('calendar-feed-revoke-confirm').click();

      await page.waitForFunction((count) => document.querySelectorAll('[data-testid="calendar-feed-row"]').length === count, listed - 1);
      expect((await fetch(feedUrl)).status).toBe(404);
    });
  });

  describe('school admin of the Gymnasium (gym.admin): time grid', () => {
    let page: Page;

    beforeAll(async () => {
      page = await newPage(browser);
      await signIn(page, 'gym.admin');
    });

    it('edits the periods of a weekday and sees a rule broken at its field', async () => {
      await page.getByTestId('nav-time-grid').click();
      await page.getByTestId('time-grid-row').first().waitFor();
      expect(await page.getByTestId('time-grid-row').count()).toBe(8);
      await screenshot(page, 'timetable-21-time-grid');
      expect(await seriousAxeViolations(page)).toEqual([]);

      await page.getByLabel('Beginn der 2. Stunde').fill('830');
      await page.getByTestId('time-grid-save').click();

      expect(await page.getByLabel('Beginn der 2. Stunde').inputValue()).toBe('08:30');

      expect(await page.getByTestId('time-grid-problem').textContent()).toContain('Beginn darf nicht vor dem Ende der 1. Stunde (08:45) liegen.');
      expect(await page.getByLabel('Beginn der 2. Stunde').getAttribute('aria-invalid')).toBe('true');
      await screenshot(page, 'timetable-22-time-grid-problem');
      expect(await seriousAxeViolations(page)).toEqual([]);

      await page.getByLabel('Beginn der 2. Stunde').fill('8.50');
      await page.getByLabel('Beginn der 2. Stunde').blur();
      expect(await page.getByLabel('Beginn der 2. Stunde').inputValue()).toBe('08:50');
      await page.getByTestId('time-grid-weekday-6').click();
      expect(await page.getByTestId('time-grid-row').count()).toBe(0);
      await page.getByTestId('time-grid-weekday-1').click();
      await page.getByTestId('time-grid-copy').click();
      await page.getByText('gelten jetzt für Montag bis Freitag').waitFor();
      // Unchanged times: nothing to save.
      expect(await page.getByTestId('time-grid-save').isDisabled()).toBe(true);
    });
  });
});
