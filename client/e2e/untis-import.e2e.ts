import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage, screenshot, seriousAxeViolations, signIn } from './support/browser';

// The school admin's Untis import: files → preview with an unknown class → map it → import →
// result → history; a file error keeps the files; the secretariat has no access.

const UNKNOWN_CLASS = '9z';

/** GraphQL as the signed-in browser user (the page's cookies). */
async function graphql<T>(page: Page, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await page.request.post('/graphql', { data: { query, variables } });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data as T;
}

interface DemoSchool {
  className: string;
  teacher: string;
  groupNames: string[];
  /** "Gültig ab" for the test's import: the last week of the school year, so the demo timetable stays as it is until then */
  lastWeek: string;
}

/** A real class, a real teacher's Kürzel and the school year of the demo Gymnasium. */
async function demoSchool(page: Page): Promise<DemoSchool> {
  const { me } = await graphql<{ me: { schools: { id: string }[] } }>(page, '{ me { schools { id } } }');
  const data = await graphql<any>(page, `query($s: ID!) {
      groups(filter: { schoolId: $s }, page: { limit: 200 }) { items { name kind } }
      staff(filter: { schoolId: $s, role: TEACHER }, page: { limit: 50 }) { items { abbreviation } }
      schoolYears(schoolId: $s) { endsOn isCurrent }
    }`, { s: me.schools[0].id });
  const classes: string[] = data.groups.items.filter((g: { kind: string }) => g.kind === 'CLASS').map((g: { name: string }) => g.name);
  const lastWeek = new Date(`${data.schoolYears.find((y: { isCurrent: boolean }) => y.isCurrent).endsOn}T00:00:00Z`);
  lastWeek.setUTCDate(lastWeek.getUTCDate() - 6);
  return {
    className: classes.includes('7b') ? '7b' : classes[0],
    teacher: data.staff.items.find((s: { abbreviation: string | null }) => s.abbreviation).abbreviation,
    groupNames: data.groups.items.map((g: { name: string }) => g.name),
    lastWeek: lastWeek.toISOString().slice(0, 10).split('-').reverse().join('.'),
  };
}

/** Types the date into "Gültig ab" as a user would (dd.mm.yyyy) and closes the calendar. */
async function setValidFrom(page: Page, date: string): Promise<void> {
  const input = page.getByLabel('Gültig ab');
  await input.fill(date);
  await input.press('Escape');
  expect(await input.inputValue()).toBe(date);
  await page.getByRole('grid').waitFor({ state: 'detached' });
}

/** GPU002 (lessons) and GPU001 (timetable): one lesson of a real class, one of an unknown class. */
function writeExport(folder: string, className: string, teacher: string, weekday = 1): string[] {
  mkdirSync(folder, { recursive: true });
  const trailing = ','.repeat(38);
  const gpu002 = [`9001,2,2,2,"${className}","${teacher}","M","",${trailing}`, `9002,1,1,1,"${UNKNOWN_CLASS}","${teacher}","M","",${trailing}`];
  const gpu001 = [`9001,"${className}","${teacher}","M","E2E1",${weekday},1,,`, `9001,"${className}","${teacher}","M","E2E1",3,2,,`, `9002,"${UNKNOWN_CLASS}","${teacher}","M","E2E1",4,5,,`];
  const files = { 'GPU002.TXT': gpu002, 'GPU001.TXT': gpu001 };
  return Object.entries(files).map(([name, rows]) => {
    const file = path.join(folder, name);
    writeFileSync(file, rows.join('\r\n') + '\r\n', 'utf8');
    return file;
  });
}

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('Untis import in the browser', () => {
  let browser: Browser;
  let tempDir: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    tempDir = mkdtempSync(path.join(os.tmpdir(), 'sv-untis-e2e-'));
  });

  afterAll(async () => {
    await browser.close();
    rmSync(tempDir, { recursive: true, force: true });
  });

  describe('school admin of the Gymnasium', () => {
    let page: Page;
    let school: DemoSchool;
    let goodFiles: string[];

    beforeAll(async () => {
      page = await newPage(browser);
      await signIn(page, 'gym.admin');
      school = await demoSchool(page);
    });

    it('finds the Untis import under "Verwaltung", chooses the files and the "Gültig ab" day', async () => {
      expect(school.groupNames).not.toContain(UNKNOWN_CLASS);
      goodFiles = writeExport(path.join(tempDir, 'good'), school.className, school.teacher);

      await page.getByTestId('nav-untis-import').click();
      await page.getByTestId('untis-file-input').setInputFiles(goodFiles);
      await setValidFrom(page, school.lastWeek);

      expect(await page.getByTestId('untis-selected-file').allTextContents()).toEqual([
        expect.stringMatching(/GPU002\.TXT\s*Unterricht\s*\d+ B/), expect.stringMatching(/GPU001\.TXT\s*Stundenplan\s*\d+ B/),
      ]);
      await screenshot(page, 'untis-01-files');
      expect(await seriousAxeViolations(page)).toEqual([]);
    });

    it('shows the server\'s message for a broken file and keeps the files selected', async () => {
      const [, brokenGpu001] = writeExport(path.join(tempDir, 'broken'), school.className, school.teacher, 9);
      await page.getByTestId('untis-file-input').setInputFiles([brokenGpu001]);

      await page.getByTestId('untis-preview').click();

      await expect(page.getByTestId('untis-failure').textContent()).resolves.toContain('GPU001.TXT Zeile 1');
      expect(await page.getByTestId('untis-selected-file').count()).toBe(2);
      await screenshot(page, 'untis-02-file-error');
      // Choosing the corrected file replaces the broken one of the same name.
      await page.getByTestId('untis-file-input').setInputFiles([goodFiles[1]]);
      expect(await page.getByTestId('untis-selected-file').count()).toBe(2);
    });

    it('previews the import: the unknown class blocks it with file, line and field', async () => {
      await page.getByTestId('untis-preview').click();

      await page.getByTestId('untis-preview-status').waitFor();
      expect(await page.getByTestId('untis-preview-status').textContent()).toContain('Import nicht möglich');
      const unmatched = page.getByTestId('untis-unmatched-row');
      expect(await unmatched.count()).toBe(1);
      expect(await unmatched.textContent()).toContain(`GPU002.TXT Zeile 2, Feld 5 (Klasse): „${UNKNOWN_CLASS}“`);
      expect(await page.getByTestId('untis-import').isDisabled()).toBe(true);
      expect(await page.getByTestId('untis-preview-facts').textContent()).toContain(school.lastWeek);
      expect(await page.getByTestId('untis-area-LESSONS').textContent()).toMatch(/Unterricht\s*2/);
      await screenshot(page, 'untis-03-preview-blocked');
      expect(await seriousAxeViolations(page)).toEqual([]);
    });

    it('maps the unknown class to a real one via "Zuordnen", and the preview is unblocked', async () => {
      const { className } = school;
      // By keyboard: the dialog opens with the choice focused; the list filters as one types.
      await page.getByTestId('untis-map').focus();
      await page.keyboard.press('Enter');
      await page.getByTestId('untis-alias-dialog').waitFor();
      await page.getByRole('combobox', { name: 'Klasse oder Kurs' }).and(page.locator(':focus')).waitFor();
      await page.keyboard.press('Enter');
      await page.keyboard.type(className);
      // The list filters as one types; choose once the class leads it and the arrow key has focused it
      // (an Enter before that, while the list is still re-rendering, would choose nothing).
      const option = page.getByRole('option', { name: className, exact: true });
      await page.getByRole('option').first().and(option).waitFor();
      await page.keyboard.press('ArrowDown');
      await option.and(page.locator('[data-p-focused="true"]')).waitFor();
      await page.keyboard.press('Enter');
      // The choice shows once Vue has rendered it (read at once, the field may still be empty).
      const choice = page.getByRole('combobox', { name: 'Klasse oder Kurs' });
      await choice.filter({ hasText: className }).waitFor({ timeout: 5000 });
      expect((await choice.textContent())?.trim()).toBe(className);
      // The option list fades out after the choice; check the dialog once it is gone.
      await page.getByRole('listbox').waitFor({ state: 'detached' });
      await screenshot(page, 'untis-04-alias-dialog', { fullPage: false });
      expect(await seriousAxeViolations(page)).toEqual([]);

      await page.getByTestId('untis-alias-save').click();

      await page.getByTestId('untis-alias-dialog').waitFor({ state: 'detached' });
      const toast = page.getByRole('alert').filter({ hasText: `„${UNKNOWN_CLASS}“ ist jetzt ${className} zugeordnet` });
      await toast.getByRole('button', { name: 'Schließen' }).click();
      await page.getByTestId('untis-preview-status').filter({ hasText: 'Bereit zum Import' }).waitFor();
      expect(await page.getByTestId('untis-unmatched-row').count()).toBe(0);
      expect(await page.getByTestId('untis-import').isEnabled()).toBe(true);
      await screenshot(page, 'untis-05-preview-ready');
    });

    it('imports after confirming and shows the result', async () => {
      await page.getByTestId('untis-import').click();
      await page.getByTestId('untis-apply').waitFor();
      await screenshot(page, 'untis-06-confirm');

      await page.getByTestId('untis-apply').click();

      await page.getByTestId('untis-result-status').waitFor({ timeout: 30000 });
      expect(await page.getByTestId('untis-result-status').textContent()).toBe('Übernommen');
      expect(Number(await page.getByTestId('untis-rows-written').textContent())).toBeGreaterThan(0);
      await screenshot(page, 'untis-07-result');
      expect(await seriousAxeViolations(page)).toEqual([]);
    });

    it('lists the import in the history with its files\' shortened SHA-256', async () => {
      await page.getByTestId('untis-to-history').click();

      const row = page.getByTestId('untis-history-row').first();
      await row.waitFor();
      const text = await row.textContent();
      expect(text).toContain('Markus Vogel');
      expect(text).toContain('Übernommen');
      expect(text).toContain(`GPU002.TXT ${sha256(goodFiles[0]).slice(0, 12)}`);
      expect(text).toContain(`GPU001.TXT ${sha256(goodFiles[1]).slice(0, 12)}`);
      await screenshot(page, 'untis-08-history');
      expect(await seriousAxeViolations(page)).toEqual([]);
    });

    it('says "Keine Änderungen" when the same files are previewed again', async () => {
      await page.getByTestId('untis-section-untis-import').click();
      await page.getByTestId('untis-file-input').setInputFiles(goodFiles);
      await setValidFrom(page, school.lastWeek);

      await page.getByTestId('untis-preview').click();

      await page.getByTestId('untis-preview-status').waitFor();
      expect(await page.getByTestId('untis-preview-status').textContent())
        .toContain('Keine Änderungen – der Stundenplan ist bereits auf diesem Stand');
      await screenshot(page, 'untis-09-preview-no-changes');
    });

    it('shows the mapping in the list of name mappings and deletes it', async () => {
      await page.getByTestId('untis-section-untis-aliases').click();
      const row = page.getByTestId('untis-alias-row').filter({ hasText: UNKNOWN_CLASS });
      await row.waitFor();
      await screenshot(page, 'untis-10-aliases');
      expect(await seriousAxeViolations(page)).toEqual([]);

      await row.getByTestId('untis-alias-delete').click();

      await row.waitFor({ state: 'detached' });
    });
  });

  describe('secretariat of the Gymnasium', () => {
    it('sees no Untis import and gets "Kein Zugriff" on its address', async () => {
      const page = await newPage(browser);
      await signIn(page, 'gym.sekretariat');

      expect(await page.getByTestId('nav-untis-import').count()).toBe(0);
      await page.goto('/verwaltung/untis-import');
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Kein Zugriff');
    });
  });
});
