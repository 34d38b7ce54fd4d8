import type { Browser, Locator, Page } from 'playwright-core';
import { BASE_URL, launchBrowser, newPage, screenshot, seriousAxeViolations, signIn } from './support/browser';
import {
  coverLessonOf, lastTeachingDay, lessonsOf, nextTeachingDay, registerPupils, reportSickDay, requireTopicFromGrade, saturdayOfThisWeek, teacherOf,
} from './support/class-register-fixtures';
import type { CoverFixture, RegisterPupil, TeacherLesson } from './support/class-register-fixtures';
import { germanDate, graphql } from './support/timetable-fixtures';

// The class register (Klassenbuch) as a teacher keeps it: gym.lehrkraft (Krüger, teaches 7b and a
// course). The day list on a weekend points to the next teaching day, where a lesson covered as a
// substitute is marked; a lesson already held shows a pupil the secretariat reported sick as
// pre-marked absent; marking by keyboard, saving, reloading; a stale version; the topic the school
// requires; someone else's lesson. Dates come from the data: today may be a weekend or a holiday.

const TABLET = { width: 768, height: 1024 };

const rows = (page: Page) => page.getByTestId('attendance-row');
const rowOf = (page: Page, pupil: RegisterPupil): Locator => page.locator(`[data-testid="attendance-row"][data-pupil-id="${pupil.pupilId}"]`);
const lessonPath = (date: string, lesson: TeacherLesson) => `/klassenbuch/${date}/${lesson.lessonLineageId}/${lesson.lesson.period}`;

async function openLesson(page: Page, date: string, lesson: TeacherLesson): Promise<void> {
  await page.goto(lessonPath(date, lesson));
  await rows(page).first().waitFor();
}

/**
 * The whole lesson page in one picture. The save bar sticks to the bottom of the window, so the
 * window is made as tall as the page first (a full-page shot would leave the bar mid-list).
 */
async function wholePageScreenshot(page: Page, name: string): Promise<void> {
  const viewport = page.viewportSize()!;
  await page.mouse.move(0, 0); // no hover highlight where the last click was
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: viewport.width, height });
  try {
    await screenshot(page, name, { fullPage: false });
  } finally {
    await page.setViewportSize(viewport);
  }
}

async function expectNoSeriousViolations(page: Page): Promise<void> {
  expect(await seriousAxeViolations(page)).toEqual([]);
}

describe('class register in the browser', () => {
  let browser: Browser;
  let teacher: Page;
  let cover: CoverFixture;
  /** the last day up to today with lessons: the register can be saved for it */
  let heldDay: string;
  let heldLesson: TeacherLesson;
  let pupils: RegisterPupil[];

  beforeAll(async () => {
    browser = await launchBrowser();
    teacher = await newPage(browser);
    await signIn(teacher, 'gym.lehrkraft');
    const { me } = await graphql<{ me: { personId: string } }>(teacher, '{ me { personId } }');

    // The next teaching day after this week's Saturday gets a lesson of 7b that Krüger covers.
    const admin = await newPage(browser);
    await signIn(admin, 'gym.admin');
    const coverDay = await nextTeachingDay(teacher, saturdayOfThisWeek());
    cover = await coverLessonOf(admin, await teacherOf(admin, me.personId), '7b', coverDay);
    await admin.context().close();

    heldDay = await lastTeachingDay(teacher);
    const held = (await lessonsOf(teacher, heldDay)).filter((lesson) => lesson.lesson.status !== 'CANCELLED');
    // The first lesson of that day with enough pupils for the steps below, the first five of them
    // not absent already (other browser tests share the server and report absences too).
    for (const lesson of held) {
      pupils = await registerPupils(teacher, heldDay, lesson);
      heldLesson = lesson;
      if (pupils.length >= 5 && pupils.slice(0, 5).every((pupil) => pupil.status === 'PRESENT')) break;
    }
    expect(pupils.length).toBeGreaterThanOrEqual(5);
  });

  afterAll(() => browser.close());

  test('a weekend says so and leads to the next teaching day, with its lessons and the one covered', async () => {
    const saturday = saturdayOfThisWeek();
    await teacher.goto(`/klassenbuch?datum=${saturday}`);
    await expect(teacher.getByTestId('empty-state').textContent()).resolves.toContain('Wochenende');

    await teacher.getByTestId('register-next-teaching-day').click();
    await teacher.waitForURL((url) => url.searchParams.get('datum') === cover.day);
    await expect(teacher.getByTestId('register-day-label').textContent()).resolves.toContain(germanDate(cover.day));
    const expected = await lessonsOf(teacher, cover.day);
    const cards = teacher.getByTestId('register-lesson');
    await cards.first().waitFor();
    expect(await cards.count()).toBe(expected.length);

    // The covered lesson is in the list, marked as a substitution (and for whom).
    const covered = teacher.locator(`[data-testid="register-lesson"][data-period="${cover.period}"][data-substitution="true"]`);
    await expect(covered.textContent()).resolves.toMatch(/Vertretung/);
    await expect(covered.textContent()).resolves.toContain('7b');
    expect(expected.some((lesson) => lesson.isSubstitution && lesson.lesson.period === cover.period)).toBe(true);
    await teacher.mouse.move(0, 0);
    await screenshot(teacher, 'class-register-day');
    await expectNoSeriousViolations(teacher);

    // The day before: the previous-day button steps back over the weekend as well.
    await teacher.getByTestId('register-day-next').click();
    await teacher.getByTestId('register-day-previous').click();
    await teacher.waitForURL((url) => url.searchParams.get('datum') === cover.day);
  });

  test('the first lesson of that day opens with its pupils; not held yet, it can be read but not saved', async () => {
    await teacher.goto(`/klassenbuch?datum=${cover.day}`);
    await teacher.getByTestId('register-lesson').first().click();
    await rows(teacher).first().waitFor();
    expect(await rows(teacher).count()).toBeGreaterThan(0);
    await expect(teacher.getByTestId('register-readonly').textContent()).resolves.toContain('noch nicht stattgefunden');
    expect(await teacher.getByTestId('register-save').count()).toBe(0);

    await teacher.getByTestId('register-back').click();
    await teacher.waitForURL((url) => url.pathname === '/klassenbuch' && url.searchParams.get('datum') === cover.day);
  });

  test('the substitute opens the lesson they cover and sees whom they stand in for', async () => {
    const lesson = (await lessonsOf(teacher, cover.day)).find((item) => item.isSubstitution && item.lesson.period === cover.period)!;
    await openLesson(teacher, cover.day, lesson);
    await expect(teacher.getByTestId('register-lesson-substitution').textContent()).resolves.toMatch(/Vertretung für/);
    await expect(teacher.getByTestId('page-title').textContent()).resolves.toContain('7b');
  });

  test('a pupil the secretariat reported sick shows pre-marked absent with the report', async () => {
    const secretariat = await newPage(browser);
    await signIn(secretariat, 'gym.sekretariat');
    await reportSickDay(secretariat, pupils[1].pupilId, heldDay);
    await secretariat.context().close();

    await openLesson(teacher, heldDay, heldLesson);
    const reported = rowOf(teacher, pupils[1]);
    await expect(reported.getAttribute('data-status')).resolves.toBe('ABSENT');
    await expect(reported.getByTestId('attendance-reported').textContent()).resolves.toContain('Gemeldet: Ganze Tage');
    await expect(reported.textContent()).resolves.toContain('vorausgefüllt');
    await expect(reported.getByTestId('attendance-absent').getAttribute('aria-pressed')).resolves.toBe('true');
    await expect(rowOf(teacher, pupils[0]).getAttribute('data-status')).resolves.toBe('PRESENT');
    await wholePageScreenshot(teacher, 'class-register-lesson');
    await expectNoSeriousViolations(teacher);
  });

  test('marking by keyboard, a click for the pupil who came after all, topic, Ctrl+Enter; a reload shows it saved', async () => {
    await openLesson(teacher, heldDay, heldLesson);
    // Tab from "Alle anwesend" reaches the list: the first pupil's row takes the focus.
    await teacher.getByTestId('register-all-present').focus();
    await teacher.keyboard.press('Tab');
    await expect(teacher.evaluate(() => document.activeElement?.getAttribute('data-pupil-id'))).resolves.toBe(pupils[0].pupilId);

    // j j → third pupil; V → late, the minutes field has the focus; 12, Enter → back on the row.
    await teacher.keyboard.press('j');
    await teacher.keyboard.press('ArrowDown');
    await teacher.keyboard.press('v');
    await teacher.keyboard.type('12');
    await teacher.keyboard.press('Enter');
    await expect(teacher.evaluate(() => document.activeElement?.getAttribute('data-pupil-id'))).resolves.toBe(pupils[2].pupilId);
    // Two further down, A → absent.
    await teacher.keyboard.press('j');
    await teacher.keyboard.press('j');
    await teacher.keyboard.press('a');
    await expect(rowOf(teacher, pupils[4]).getAttribute('data-status')).resolves.toBe('ABSENT');
    await expect(teacher.getByTestId('attendance-announcement').textContent()).resolves.toContain('Abwesend');

    // The pupil reported sick came after all: one click. The row says it contradicts the report.
    await rowOf(teacher, pupils[1]).getByTestId('attendance-present').click();
    await rowOf(teacher, pupils[1]).getByTestId('attendance-conflict').waitFor();

    await teacher.getByTestId('register-topic').fill('Bruchrechnung: Erweitern und Kürzen');
    await teacher.getByTestId('register-homework').fill('Buch S. 42, Nr. 3');
    await teacher.getByTestId('register-topic').press('Control+Enter');
    await teacher.getByText('Klassenbuch gespeichert').waitFor();
    await expect(teacher.getByTestId('register-save-state').textContent()).resolves.toContain('Gespeichert am');
    await expect(teacher.getByTestId('register-lesson-recorded').count()).resolves.toBe(1);
    await wholePageScreenshot(teacher, 'class-register-saved');

    await teacher.reload();
    await rows(teacher).first().waitFor();
    await expect(rowOf(teacher, pupils[2]).getAttribute('data-status')).resolves.toBe('LATE');
    await expect(rowOf(teacher, pupils[2]).getByTestId('attendance-minutes').inputValue()).resolves.toBe('12');
    await expect(rowOf(teacher, pupils[4]).getAttribute('data-status')).resolves.toBe('ABSENT');
    await expect(rowOf(teacher, pupils[1]).getAttribute('data-status')).resolves.toBe('PRESENT');
    await rowOf(teacher, pupils[1]).getByTestId('attendance-conflict').waitFor();
    expect(await rowOf(teacher, pupils[1]).textContent()).not.toContain('vorausgefüllt');
    await expect(teacher.getByTestId('register-topic').inputValue()).resolves.toBe('Bruchrechnung: Erweitern und Kürzen');
    await expect(teacher.getByTestId('register-homework').inputValue()).resolves.toBe('Buch S. 42, Nr. 3');
    await expect(teacher.getByTestId('register-counts').textContent()).resolves.toContain(`${pupils.length - 2} anwesend · 1 abwesend · 1 verspätet`);

    // The day list shows the lesson as recorded.
    await teacher.getByTestId('register-back').click();
    const card = teacher.locator(`[data-testid="register-lesson"][data-period="${heldLesson.lesson.period}"]`);
    await card.getByTestId('register-lesson-recorded').waitFor();
  });

  test('a late pupil without minutes is not saved; the minutes field says what is missing', async () => {
    await openLesson(teacher, heldDay, heldLesson);
    await rowOf(teacher, pupils[3]).getByTestId('attendance-late').click();
    await teacher.getByTestId('register-save').click();
    await expect(rowOf(teacher, pupils[3]).getByTestId('attendance-problem').textContent()).resolves.toContain('Minuten der Verspätung');
    await expect(teacher.evaluate(() => document.activeElement?.getAttribute('data-testid'))).resolves.toBe('attendance-minutes');
    // Back to present: nothing to fix, nothing saved twice.
    await rowOf(teacher, pupils[3]).getByTestId('attendance-present').click();
    expect(await teacher.getByTestId('attendance-problem').count()).toBe(0);
  });

  test('a save on a stale version is refused with a clear message and the current entry is loaded', async () => {
    const colleagueTab = await newPage(browser);
    await signIn(colleagueTab, 'gym.lehrkraft');
    await openLesson(colleagueTab, heldDay, heldLesson);
    await openLesson(teacher, heldDay, heldLesson);

    await teacher.getByTestId('register-homework').fill('Arbeitsblatt fertigstellen');
    await teacher.getByTestId('register-save').click();
    await teacher.getByText('Klassenbuch gespeichert').waitFor();

    await colleagueTab.getByTestId('register-topic').fill('Ein anderes Thema');
    await colleagueTab.getByTestId('register-save').click();
    await expect(colleagueTab.getByTestId('register-conflict').textContent()).resolves.toContain('inzwischen von jemand anderem geändert');
    await colleagueTab.waitForFunction(() => (document.querySelector('[data-testid="register-homework"]') as HTMLTextAreaElement | null)?.value === 'Arbeitsblatt fertigstellen');
    await expect(colleagueTab.getByTestId('register-topic').inputValue()).resolves.toBe('Bruchrechnung: Erweitern und Kürzen');
    await colleagueTab.context().close();
  });

  test('where the school requires a topic, the field says so and an empty topic is not saved', async () => {
    const admin = await newPage(browser);
    await signIn(admin, 'gym.admin');
    await requireTopicFromGrade(admin, 5);
    await admin.context().close();

    await openLesson(teacher, heldDay, heldLesson);
    await teacher.getByTestId('register-topic-required').waitFor();
    await teacher.getByTestId('register-topic').fill('');
    await teacher.getByTestId('register-save').click();
    await expect(teacher.getByTestId('register-topic-error').textContent()).resolves.toContain('vorgeschrieben');
    await expect(teacher.evaluate(() => document.activeElement?.id)).resolves.toBe('register-topic');
  });

  test('on a tablet the lesson fits the width', async () => {
    const tablet = await browser.newContext({ baseURL: BASE_URL, locale: 'de-DE', viewport: TABLET });
    const page = await tablet.newPage();
    await signIn(page, 'gym.lehrkraft');
    await openLesson(page, heldDay, heldLesson);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'class-register-tablet', { fullPage: false });
    await expectNoSeriousViolations(page);
    await tablet.close();
  });

  test('a teacher of another school does not get at the lesson', async () => {
    const other = await newPage(browser);
    await signIn(other, 'gs.lehrkraft');
    await other.goto(lessonPath(heldDay, heldLesson));
    await expect(other.getByTestId('not-found').textContent()).resolves.toContain('nicht freigegeben');
    await other.context().close();
  });
});
