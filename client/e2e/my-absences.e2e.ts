import type { Browser, Locator, Page } from 'playwright-core';
import { launchBrowser, newPage, screenshot, seriousAxeViolations, signIn } from './support/browser';
import { addDays, berlinToday, germanDate, graphql } from './support/timetable-fixtures';

// The guardians' and pupils' portal and the school's absence rules, as each role meets them:
// a mother with the may-excuse flag reports her son sick (a range typed in, which the server
// trims to school days — today may be a weekend) and the secretariat sees it at once as reported
// by her; a father without custody sees nothing of the child; a pupil of age reports himself and
// asks for leave, a minor only reads; the school admin switches online excuses on, which changes
// the mother's explanation, and a stale save is refused with the CONFLICT message.

const PHONE = { width: 390, height: 844 };

interface Session { today: string; children: { pupilId: string; schoolId: string; hasCustody: boolean }[]; self: { pupilId: string; schoolId: string }[] }
interface Year { startsOn: string; endsOn: string; isCurrent: boolean; holidays: { startsOn: string; endsOn: string }[] }

const SESSION = 'query { me { session } }';
const YEARS = 'query($schoolId: ID!) { schoolYears(schoolId: $schoolId) { startsOn endsOn isCurrent holidays { startsOn endsOn } } }';
const PUPIL = 'query($id: ID!) { pupil(id: $id) { id firstName lastName schoolId } }';
const DAY_LIST = `query($schoolId: ID!, $date: LocalDate) { absencesToday(schoolId: $schoolId, date: $date) {
  className absences { id startsOn endsOn reportedBy reportedVia reporterDisplayName status pupil { firstName lastName } } } }`;

const isoWeekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay() || 7;

/** School days as the server counts them here: Monday to Friday outside the school's days off. */
async function schoolCalendar(page: Page, schoolId: string) {
  const { schoolYears } = await graphql<{ schoolYears: Year[] }>(page, YEARS, { schoolId });
  const daysOff = schoolYears.flatMap((year) => year.holidays);
  const isSchoolDay = (date: string) => isoWeekday(date) <= 5 && !daysOff.some((off) => off.startsOn <= date && date <= off.endsOn);
  /** The first `count` school days from `from` on. */
  const schoolDays = (from: string, count: number) => {
    const days: string[] = [];
    for (let day = from; days.length < count; day = addDays(day, 1)) if (isSchoolDay(day)) days.push(day);
    return days;
  };
  return { schoolDays };
}

async function sessionOf(page: Page): Promise<Session> {
  return (await graphql<{ me: { session: Session } }>(page, SESSION)).me.session;
}

async function pupilName(page: Page, id: string): Promise<{ id: string; firstName: string; lastName: string; schoolId: string }> {
  return (await graphql<{ pupil: { id: string; firstName: string; lastName: string; schoolId: string } }>(page, PUPIL, { id })).pupil;
}

const dayLabel = (date: string) => `${['Mo', 'Di', 'Mi', 'Do', 'Fr', 'Sa', 'So'][isoWeekday(date) - 1]}, ${germanDate(date)}`;
const cardOf = (page: Page, pupilId: string) => page.locator(`[data-testid="portal-pupil-card"][data-pupil-id="${pupilId}"]`);
const historyItem = (card: Locator, startsOn: string, endsOn: string) =>
  card.locator(`[data-testid="portal-history-item"][data-starts-on="${startsOn}"][data-ends-on="${endsOn}"]`);

async function openPortal(page: Page): Promise<void> {
  await page.getByTestId('nav-my-absences').click();
  await page.getByTestId('portal-figures').first().waitFor();
}

/** Fills a native date input the way a phone's picker leaves it: 'YYYY-MM-DD'. */
async function fillDate(field: Locator, date: string): Promise<void> {
  await field.fill(date);
  await field.press('Tab');
}

async function noHorizontalScroll(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
}

describe('absences portal and absence rules in the browser', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(() => browser.close());

  describe('a mother with custody and the may-excuse flag (eltern.geschwister)', () => {
    let page: Page;
    let son: { id: string; firstName: string; lastName: string; schoolId: string };
    let expected: { startsOn: string; endsOn: string };

    beforeAll(async () => {
      page = await newPage(browser);
      await signIn(page, 'eltern.geschwister');
      const session = await sessionOf(page);
      const children = await Promise.all(session.children.map((child) => pupilName(page, child.pupilId)));
      son = children.find((child) => child.firstName === 'Lukas')!;
    });

    it('sees both children, each with the school\'s explanation that a written excuse is still due', async () => {
      await openPortal(page);

      expect(await page.getByTestId('portal-pupil-card').count()).toBe(2);
      expect(await page.getByTestId('portal-pupil-name').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('Lukas'), expect.stringContaining('Marie')]));
      await cardOf(page, son.id).getByTestId('portal-report-sickness').click();
      const info = cardOf(page, son.id).getByTestId('sickness-excuse-info');
      expect(await info.getAttribute('data-online-excuse')).toBe('false');
      expect(await info.textContent()).toContain('ersetzt an dieser Schule nicht die schriftliche Entschuldigung');
    });

    it('reports Lukas sick for a range chosen by keyboard; the server keeps its school days; the history shows it as reported', async () => {
      const card = cardOf(page, son.id);
      const { schoolDays } = await schoolCalendar(page, son.schoolId);
      const today = berlinToday();
      // From today to the second school day: on a weekend or holiday the server starts on the next school day.
      const [first, second] = schoolDays(today, 2);
      expected = { startsOn: first, endsOn: second };

      // The form opened with the first choice focused: two arrow keys further is "Zeitraum wählen".
      await card.getByTestId('sickness-form').waitFor();
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      await fillDate(card.getByTestId('sickness-starts-on'), today);
      await fillDate(card.getByTestId('sickness-ends-on'), second);
      await card.getByTestId('sickness-note').fill('Fieber');
      await card.getByTestId('sickness-submit').press('Enter');

      const result = card.getByTestId('portal-report-result');
      await result.waitFor();
      expect(await result.textContent()).toContain(`Die Krankmeldung für Lukas ist eingegangen: ${dayLabel(first)} bis ${dayLabel(second)}.`);
      expect(await result.textContent()).toContain('Bitte geben Sie die schriftliche Entschuldigung bis');
      const item = historyItem(card, first, second);
      await item.waitFor();
      expect(await item.getByTestId('portal-badge-status-REPORTED').textContent()).toBe('Gemeldet');
      expect(await item.getByTestId('portal-badge-excuse-due').isVisible()).toBe(true);
      expect(await item.textContent()).toContain('Gemeldet von Julia Schröder (Portal)');
      expect(await item.textContent()).toContain('Hinweis: Fieber');
      await screenshot(page, 'my-absences-guardian');
      expect(await seriousAxeViolations(page)).toEqual([]);
    });

    it('reporting the same days again → told they are already reported; a weekend alone → the server\'s German refusal', async () => {
      const card = cardOf(page, son.id);
      await card.getByTestId('portal-report-sickness').click();
      await card.getByTestId('sickness-choice-RANGE').click();
      await fillDate(card.getByTestId('sickness-starts-on'), expected.startsOn);
      await fillDate(card.getByTestId('sickness-ends-on'), expected.endsOn);
      await card.getByTestId('sickness-submit').click();
      await card.getByTestId('portal-report-result').filter({ hasText: 'bereits krank gemeldet' }).waitFor();
      expect(await historyItem(card, expected.startsOn, expected.endsOn).count()).toBe(1);

      const saturday = addDays(berlinToday(), (6 - isoWeekday(berlinToday()) + 7) % 7);
      await card.getByTestId('portal-report-sickness').click();
      await card.getByTestId('sickness-choice-RANGE').click();
      await fillDate(card.getByTestId('sickness-starts-on'), saturday);
      await card.getByTestId('sickness-submit').click();
      const refusal = card.getByTestId('portal-form-error');
      await refusal.waitFor();
      expect(await refusal.textContent()).toContain('Erster Tag: im Zeitraum liegt kein Schultag (Wochenende, Ferien oder unterrichtsfrei)');
      expect(await refusal.getAttribute('role')).toBe('alert');
    });

    it('on a phone (390 × 844) the cards and the form fit the screen', async () => {
      await page.setViewportSize(PHONE);
      await page.reload();
      await page.getByTestId('portal-figures').first().waitFor();
      await cardOf(page, son.id).getByTestId('portal-report-sickness').click();
      await cardOf(page, son.id).getByTestId('sickness-form').waitFor();

      expect(await noHorizontalScroll(page)).toBe(true);
      await screenshot(page, 'my-absences-guardian-mobile');
      // What the phone shows once the form is open: the day choices, one tap each.
      await cardOf(page, son.id).getByTestId('sickness-choice-ONE_DAY').scrollIntoViewIfNeeded();
      await screenshot(page, 'my-absences-guardian-mobile-form', { fullPage: false });
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.setViewportSize({ width: 1280, height: 800 });
    });

    it('the secretariat of Lukas\'s school sees the report at once, marked as reported by the guardian in the portal', async () => {
      const office = await newPage(browser);
      await signIn(office, 'gym.sekretariat');

      const { absencesToday } = await graphql<{ absencesToday: { className: string; absences: Record<string, unknown>[] }[] }>(
        office, DAY_LIST, { schoolId: son.schoolId, date: expected.startsOn });
      await office.context().close();

      const line = absencesToday.flatMap((group) => group.absences)
        .find((absence) => (absence.pupil as { firstName: string }).firstName === 'Lukas' && (absence.pupil as { lastName: string }).lastName === son.lastName);
      expect(line).toEqual(expect.objectContaining({
        startsOn: expected.startsOn, endsOn: expected.endsOn, reportedBy: 'GUARDIAN', reportedVia: 'PORTAL',
        reporterDisplayName: 'Julia Schröder', status: 'REPORTED',
      }));
    });
  });

  describe('a father without custody, with an information block (eltern.sperre)', () => {
    it('has no "Fehlzeiten" entry; the page explains why and shows nothing of the child', async () => {
      const page = await newPage(browser);
      await signIn(page, 'eltern.sperre');

      expect(await page.getByTestId('nav-my-absences').count()).toBe(0);
      await page.goto('/meine-fehlzeiten');
      const empty = page.getByTestId('empty-state');
      await empty.waitFor();

      expect(await empty.textContent()).toContain('keine Auskunft');
      expect(await page.getByTestId('portal-pupil-card').count()).toBe(0);
      expect(await page.getByTestId('portal-report-sickness').count()).toBe(0);
      expect(await page.locator('main').textContent()).not.toContain('Lukas');
      await screenshot(page, 'my-absences-no-custody');
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.context().close();
    });
  });

  describe('pupils', () => {
    it('a pupil of age (schueler.volljaehrig) reports himself sick and asks for leave; an overlapping request is refused', async () => {
      const page = await newPage(browser);
      await signIn(page, 'schueler.volljaehrig');
      const self = (await sessionOf(page)).self[0];
      const { schoolDays } = await schoolCalendar(page, self.schoolId);
      const days = schoolDays(addDays(berlinToday(), 1), 8);
      await openPortal(page);
      const card = cardOf(page, self.pupilId);

      await card.getByTestId('portal-report-sickness').click();
      await card.getByTestId('sickness-submit').click();
      await card.getByTestId('portal-report-result').filter({ hasText: 'Die Krankmeldung für Paul ist eingegangen' }).waitFor();
      const [firstSchoolDay] = schoolDays(berlinToday(), 1);
      await historyItem(card, firstSchoolDay, firstSchoolDay).waitFor();

      const [leaveFrom, leaveTo] = [days[5], days[6]];
      await card.getByTestId('portal-request-leave').click();
      await fillDate(card.getByTestId('leave-starts-on'), leaveFrom);
      await fillDate(card.getByTestId('leave-ends-on'), leaveTo);
      await card.getByTestId('leave-note').fill('Hochzeit meiner Schwester');
      await card.getByTestId('leave-submit').click();
      await card.getByTestId('portal-report-result').filter({ hasText: 'Der Antrag auf Beurlaubung für Paul ist gestellt' }).waitFor();
      const leave = historyItem(card, leaveFrom, leaveTo);
      await leave.waitFor();
      expect(await leave.getByTestId('portal-badge-leave-REQUESTED').textContent()).toBe('Beurlaubung beantragt');

      await card.getByTestId('portal-request-leave').click();
      await card.getByTestId('leave-submit').click();
      expect(await card.getByTestId('leave-note').getAttribute('aria-invalid')).toBe('true');
      await fillDate(card.getByTestId('leave-starts-on'), leaveTo);
      await fillDate(card.getByTestId('leave-ends-on'), leaveTo);
      await card.getByTestId('leave-note').fill('Umzug');
      await card.getByTestId('leave-submit').click();
      const refusal = card.getByTestId('portal-form-error');
      await refusal.waitFor();
      expect(await refusal.textContent()).toContain('Zeiträume dürfen sich nicht überschneiden');
      await screenshot(page, 'my-absences-adult-pupil');
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.context().close();
    });

    it('a pupil under 18 (schueler) sees her own absences but no report buttons, with the reason', async () => {
      const page = await newPage(browser);
      await signIn(page, 'schueler');
      await openPortal(page);

      expect(await page.getByTestId('portal-pupil-card').count()).toBe(1);
      expect(await page.getByTestId('portal-report-sickness').count()).toBe(0);
      expect(await page.getByTestId('portal-request-leave').count()).toBe(0);
      expect(await page.getByTestId('portal-no-report').textContent()).toContain('bis zur Volljährigkeit die Erziehungsberechtigten');
      await screenshot(page, 'my-absences-minor-pupil');
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.context().close();
    });
  });

  describe('the school\'s absence rules (gym.admin, gym.schulleitung)', () => {
    let admin: Page;

    beforeAll(async () => {
      admin = await newPage(browser);
      await signIn(admin, 'gym.admin');
    });

    it('names a value out of range at its field before saving', async () => {
      await admin.getByTestId('nav-absence-settings').click();
      await admin.getByTestId('absence-settings-form').waitFor();

      const deadline = admin.locator('#excuseDeadlineSchoolDays');
      await deadline.selectText();
      await deadline.pressSequentially('31');
      await admin.getByTestId('settings-save').click();

      expect(await admin.getByTestId('settings-problem-excuseDeadlineSchoolDays').textContent()).toBe('Darf höchstens 30 sein.');
      expect(await deadline.getAttribute('aria-invalid')).toBe('true');
      expect(await admin.evaluate(() => document.activeElement?.id)).toBe('excuseDeadlineSchoolDays');
      await deadline.selectText();
      await deadline.pressSequentially('3');
    });

    it('switches online excuses on; the mother\'s explanation for the Gymnasium changes, the Grundschule\'s stays', async () => {
      await admin.getByTestId('settings-onlineExcuseAllowed').click();
      await screenshot(admin, 'absence-settings');
      expect(await seriousAxeViolations(admin)).toEqual([]);
      await admin.getByTestId('settings-save').click();
      await admin.getByText('Die Fehlzeiten-Regeln wurden gespeichert.').waitFor();
      await admin.getByTestId('settings-defaults').waitFor({ state: 'detached' });

      const mother = await newPage(browser);
      await signIn(mother, 'eltern.geschwister');
      const session = await sessionOf(mother);
      const children = await Promise.all(session.children.map((child) => pupilName(mother, child.pupilId)));
      const [lukas, marie] = ['Lukas', 'Marie'].map((firstName) => children.find((child) => child.firstName === firstName)!);
      await openPortal(mother);
      const infoOf = async (pupilId: string) => {
        const card = cardOf(mother, pupilId);
        await card.getByTestId('portal-report-sickness').click();
        return card.getByTestId('sickness-excuse-info');
      };

      const gymInfo = await infoOf(lukas.id);
      expect(await gymInfo.getAttribute('data-online-excuse')).toBe('true');
      expect(await gymInfo.textContent()).toContain('gilt die Krankmeldung hier als schriftliche Entschuldigung');
      const gsInfo = await infoOf(marie.id);
      expect(await gsInfo.getAttribute('data-online-excuse')).toBe('false');
      await mother.context().close();
    });

    it('a save on a stale version → the CONFLICT message, and the current rules are loaded', async () => {
      const management = await newPage(browser);
      await signIn(management, 'gym.schulleitung');
      await management.getByTestId('nav-absence-settings').click();
      await management.getByTestId('absence-settings-form').waitFor();

      // The admin saves first …
      const letters = admin.locator('#letterAfterUnexcusedDays');
      await letters.selectText();
      await letters.pressSequentially('4');
      await admin.getByTestId('settings-save').click();
      await admin.getByText('Die Fehlzeiten-Regeln wurden gespeichert.').first().waitFor();

      // … then school management saves what it read before.
      await management.getByTestId('settings-certificateNextToHolidays').click();
      await management.getByTestId('settings-save').click();
      const conflict = management.getByTestId('settings-conflict');
      await conflict.waitFor();

      expect(await conflict.textContent()).toContain('inzwischen von jemand anderem geändert');
      await management.waitForFunction(() => (document.querySelector('#letterAfterUnexcusedDays') as HTMLInputElement | null)?.value === '4');
      expect(await management.getByTestId('settings-save').isDisabled()).toBe(true);
      await screenshot(management, 'absence-settings-conflict');
      expect(await seriousAxeViolations(management)).toEqual([]);

      await management.getByTestId('settings-certificateNextToHolidays').click();
      await management.getByTestId('settings-save').click();
      await management.getByText('Die Fehlzeiten-Regeln wurden gespeichert.').waitFor();
      await management.context().close();
    });
  });
});
