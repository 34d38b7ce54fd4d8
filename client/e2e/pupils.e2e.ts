import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage, screenshot, seriousAxeViolations, signIn } from './support/browser';

// The secretariat's daily path (sign in → find a pupil → open the record → class list), and the
// other side of the permission: a teacher of the other school finds nothing of that pupil.
/** Types into the search and waits until the server's answer for exactly this text is shown. */
async function searchFor(page: Page, text: string) {
  const answered = page.waitForResponse((r) => r.url().endsWith('/graphql') && (r.request().postData() ?? '').includes(JSON.stringify(text)));
  await page.getByTestId('pupil-search').fill(text);
  await answered;
  await page.getByTestId('empty-state').or(page.getByTestId('pupil-row').first()).waitFor();
}

describe('pupils in the browser', () => {
  let browser: Browser;
  let pupilUrl: string;
  let pupilName: string;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(() => browser.close());

  describe('secretariat of the Gymnasium', () => {
    let page: Page;

    beforeAll(async () => {
      page = await newPage(browser);
    });

    it('signs in on an accessible page', async () => {
      await page.goto('/');
      await page.getByTestId('signin-username').waitFor();
      await screenshot(page, '01-sign-in');
      expect(await seriousAxeViolations(page)).toEqual([]);

      await signIn(page, 'gym.sekretariat');

      await expect(page.getByTestId('user-menu').textContent()).resolves.toContain('Petra Schäfer');
    });

    it('finds "Müller" by typing "Mueller" and a one-letter typo', async () => {
      await page.goto('/schueler');
      await searchFor(page, 'Mueller');

      expect(await page.getByTestId('pupil-link').filter({ hasText: 'Müller' }).count()).toBeGreaterThan(0);
      await screenshot(page, '02-pupil-search-mueller');
      expect(await seriousAxeViolations(page)).toEqual([]);

      await searchFor(page, 'Mülelr');

      expect(await page.getByTestId('pupil-link').filter({ hasText: 'Müller' }).count()).toBeGreaterThan(0);
    });

    it('opens the pupil record with master data, enrolment and guardians', async () => {
      await searchFor(page, 'Mueller');
      const link = page.getByTestId('pupil-link').filter({ hasText: /^\s*Müller,/ }).first();
      pupilName = (await link.textContent())!.trim();
      await link.click();

      await page.getByTestId('pupil-detail-name').waitFor();
      pupilUrl = new URL(page.url()).pathname;
      expect(await page.getByTestId('pupil-detail-name').textContent()).toContain('Müller');
      expect(await page.getByTestId('guardian-row').count()).toBeGreaterThan(0);
      expect(await page.getByTestId('enrolment-row').count()).toBe(1);
      await screenshot(page, '03-pupil-detail');
      expect(await seriousAxeViolations(page)).toEqual([]);
    });

    it('lists the classes and opens 7b with its members and exports', async () => {
      await page.getByTestId('nav-classes').click();
      await page.getByTestId('class-row').first().waitFor();
      await screenshot(page, '04-class-list');
      expect(await seriousAxeViolations(page)).toEqual([]);

      await page.getByTestId('class-row').filter({ hasText: '7b' }).getByRole('link').first().click();

      await page.getByTestId('class-member-row').first().waitFor();
      expect(await page.getByTestId('class-member-row').count()).toBeGreaterThan(3);
      expect(await page.getByTestId('class-export-csv').isVisible()).toBe(true);
      await screenshot(page, '05-class-detail');
      expect(await seriousAxeViolations(page)).toEqual([]);
    });

    it('signs out', async () => {
      await page.getByTestId('user-menu').click();
      await page.getByTestId('signout').click();

      await page.getByTestId('signin-username').waitFor();
    });
  });

  describe('teacher of the Grundschule', () => {
    let page: Page;

    beforeAll(async () => {
      page = await newPage(browser);
      await signIn(page, 'gs.lehrkraft');
    });

    it('does not find the Gymnasium pupil by name', async () => {
      await page.goto('/schueler');
      await searchFor(page, pupilName.split(',')[0]);

      const names = await page.getByTestId('pupil-link').allTextContents();
      expect(names.map((n) => n.trim())).not.toContain(pupilName);
      await screenshot(page, '06-other-school-search');
    });

    it('gets "nicht gefunden" for the Gymnasium pupil\'s page', async () => {
      await page.goto(pupilUrl);

      await page.getByTestId('not-found').waitFor();
      expect(await page.getByTestId('pupil-detail-name').count()).toBe(0);
      await screenshot(page, '07-other-school-detail-not-found');
      expect(await seriousAxeViolations(page)).toEqual([]);
    });
  });
});
