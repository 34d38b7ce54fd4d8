import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage, screenshot, seriousAxeViolations, signIn } from './support/browser';
import { addDays, berlinToday, graphql } from './support/timetable-fixtures';

// The secretariat's quick entry (Fehlzeiten erfassen) at the Gymnasium: a routine call by keyboard
// alone in a handful of keys, the fuzzy name search, a two-day sickness, a refused overlap, undo
// (of a new entry and of a merge) and the list of pupils to phone, prepared by a teacher's class
// register. Days come from the server's school calendar, so the tests run on any day: on a
// weekend or holiday "today" is the next school day.

interface Hit { pupilId: string; firstName: string; lastName: string; className: string | null; birthDate: string | null }
interface Absence { id: string; version: number; pupilId: string; startsOn: string; endsOn: string; reason: string }

const SEARCH = `query($schoolId: ID!, $query: String!) { searchPupilsForAbsence(schoolId: $schoolId, query: $query, limit: 25) {
  pupilId firstName lastName className birthDate } }`;
const DAY = `query($schoolId: ID!, $date: LocalDate!) { absencesToday(schoolId: $schoolId, date: $date) {
  absences { id version pupilId startsOn endsOn reason } } }`;
const REPORT = `mutation($input: ReportAbsenceInput!) { reportAbsence(input: $input) { outcome absence { id version startsOn endsOn } } }`;

const germanShort = (date: string) => `${date.slice(8, 10)}.${date.slice(5, 7)}.`;
const germanDate = (date: string) => `${germanShort(date)}${date.slice(0, 4)}`;
const fullName = (hit: Hit) => `${hit.firstName} ${hit.lastName}`;
/** The Monday of a day's week (as a key: days of one week share it). */
const isoWeekOf = (date: string) => addDays(date, 1 - (new Date(`${date}T00:00:00Z`).getUTCDay() || 7));

describe('absence quick entry in the browser (gym.sekretariat)', () => {
  let browser: Browser;
  let page: Page;
  let schoolId: string;
  /** the next school days from today; the first is the entry day */
  let days: string[];
  const used = new Set<string>();

  const search = async (query: string) => (await graphql<{ searchPupilsForAbsence: Hit[] }>(page, SEARCH, { schoolId, query })).searchPupilsForAbsence;
  const absencesOf = async (pupilId: string, date = days[0]) =>
    (await graphql<{ absencesToday: { absences: Absence[] }[] }>(page, DAY, { schoolId, date })).absencesToday
      .flatMap((group) => group.absences).filter((absence) => absence.pupilId === pupilId);
  const nameField = () => page.getByTestId('absence-entry-name');
  const hits = () => page.getByTestId('absence-entry-hit');
  const dayRow = (pupil: Hit) => page.getByTestId('absence-entry-day-row').filter({ hasText: fullName(pupil) });

  /**
   * A pupil nobody else in these tests uses, with the text to type: the full name, which the
   * search ranks first (checked through the API, so the keyboard test can rely on "Enter takes
   * the first hit").
   */
  async function freshPupil(surname: string): Promise<{ pupil: Hit; typed: string }> {
    for (const candidate of await search(surname)) {
      if (used.has(candidate.pupilId) || !candidate.className || await hasAbsences(candidate.pupilId)) continue;
      const typed = fullName(candidate);
      const [first, second] = await search(typed);
      if (first?.pupilId !== candidate.pupilId || (second && fullName(second) === typed)) continue;
      used.add(candidate.pupilId);
      return { pupil: candidate, typed };
    }
    throw new Error(`no unused pupil named ${surname}`);
  }

  /** Other browser tests share the server: a pupil they reported is not "fresh". */
  async function hasAbsences(pupilId: string): Promise<boolean> {
    const { absences } = await graphql<{ absences: { total: number } }>(page, 'query($f: AbsenceFilter!) { absences(filter: $f) { total } }', { f: { pupilId } });
    return absences.total > 0;
  }

  /** Types the name and waits until the hit list shows the pupil first. */
  async function typeName(typed: string, pupil: Hit): Promise<void> {
    await nameField().focus();
    await page.keyboard.type(typed);
    await hits().first().filter({ hasText: fullName(pupil) }).waitFor();
  }

  /** Presses keys one by one, as a person would, and tells how many it took. */
  async function pressKeys(...keys: string[]): Promise<number> {
    let count = 0;
    for (const key of keys) {
      await page.keyboard.press(key);
      count++;
    }
    return count;
  }

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await newPage(browser);
    await signIn(page, 'gym.sekretariat');
    const me = await graphql<{ me: { schools: { id: string }[] } }>(page, '{ me { schools { id } } }');
    schoolId = me.me.schools[0].id;
    days = (await graphql<{ schoolDays: string[] }>(page, 'query($s: ID!) { schoolDays(schoolId: $s, count: 5) }', { s: schoolId })).schoolDays;
    await page.getByTestId('nav-absence-entry').click();
    await page.getByTestId('absence-entry-span').filter({ hasText: germanDate(days[0]) }).waitFor();
  });

  afterAll(() => browser.close());

  it('opens with the focus in the name field and the entry day on the lists', async () => {
    expect(await page.getByTestId('page-title').textContent()).toContain('Fehlzeiten erfassen');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('absence-entry-name');
    expect(await page.getByTestId('absence-entry-list-day').textContent()).toContain(germanDate(days[0]));
    expect(await page.getByTestId('absence-entry-days-TODAY').isChecked()).toBe(true);
    expect(await page.getByTestId('absence-entry-reason-SICK').isChecked()).toBe(true);
  });

  it('enters a routine call by keyboard alone: at most 6 keys after the name, then the name field again', async () => {
    const { pupil, typed } = await freshPupil('Müller');
    await typeName(typed, pupil);
    await screenshot(page, 'absence-entry');
    expect(await seriousAxeViolations(page)).toEqual([]);

    // Enter takes the first hit, H today, K sick, M mother (focus moves on to "Speichern"), Enter saves.
    const keystrokes = await pressKeys('Enter', 'h', 'k', 'm', 'Enter');

    expect(keystrokes).toBeLessThanOrEqual(6);
    const success = page.getByTestId('absence-entry-success');
    await success.filter({ hasText: 'Gespeichert' }).waitFor();
    expect(await success.textContent()).toContain(`Gespeichert: ${fullName(pupil)} (${pupil.className}), krank, ${germanShort(days[0])}`);
    await dayRow(pupil).waitFor();
    expect(await dayRow(pupil).textContent()).toContain('Krank');
    expect(await dayRow(pupil).textContent()).toContain('(Erziehungsberechtigte:r)');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('absence-entry-name');
    expect(await nameField().inputValue()).toBe('');
    expect(await absencesOf(pupil.pupilId)).toEqual([expect.objectContaining({ startsOn: days[0], endsOn: days[0], reason: 'SICK' })]);
    await screenshot(page, 'absence-entry-saved');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('finds "Müller" by "Mueller" and by a one-letter typo, and says so when nobody matches', async () => {
    const hitNames = () => page.getByTestId('absence-entry-hit-name');
    await nameField().fill('Mueller');
    await hits().first().waitFor();
    const names = await hitNames().allTextContents();
    expect(names.length).toBeGreaterThan(0);
    expect(names.every((name) => name.endsWith(' Müller'))).toBe(true);

    // One wrong letter in the surname: the same pupil is found.
    const [firstName] = names[0].split(' ');
    await nameField().fill(`${firstName} Müler`);
    await hitNames().filter({ hasText: names[0] }).first().waitFor();
    expect(await hitNames().first().textContent()).toBe(names[0]);

    await nameField().fill('Qxzwv');
    await page.getByTestId('absence-entry-no-match').waitFor();
    expect(await page.getByTestId('absence-entry-no-match').textContent()).toContain('Niemand gefunden für „Qxzwv“');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    expect(await nameField().inputValue()).toBe('');
  });

  it('enters a two-day sickness with the "today and tomorrow" key', async () => {
    const { pupil, typed } = await freshPupil('Schmidt');
    await typeName(typed, pupil);

    // Enter takes the hit, M today and tomorrow (focus moves to the reason), Enter saves with the defaults.
    const keystrokes = await pressKeys('Enter', 'm', 'Enter');

    expect(keystrokes).toBe(3);
    await dayRow(pupil).waitFor();
    expect(await dayRow(pupil).getByTestId('absence-entry-day-when').textContent()).toBe(`${germanShort(days[0])}–${germanDate(days[1])}`);
    expect(await absencesOf(pupil.pupilId)).toEqual([expect.objectContaining({ startsOn: days[0], endsOn: days[1], reason: 'SICK' })]);
  });

  it('corrects an entry in place (reason and note) and deletes one after asking', async () => {
    const { pupil, typed } = await freshPupil('Wagner');
    await typeName(typed, pupil);
    await pressKeys('Enter', 'Enter');
    await dayRow(pupil).waitFor();

    await dayRow(pupil).getByTestId('absence-entry-day-edit').click();
    await page.getByTestId('absence-entry-day-edit-reason').selectOption('DOCTOR');
    await page.getByTestId('absence-entry-day-edit-note').fill('Zahnarzt, kommt zur 3. Stunde');
    await screenshot(page, 'absence-entry-edit');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.keyboard.press('Enter');

    await dayRow(pupil).getByTestId('absence-entry-day-reason').filter({ hasText: 'Arzttermin' }).waitFor();
    expect(await dayRow(pupil).textContent()).toContain('Zahnarzt, kommt zur 3. Stunde');
    expect(await absencesOf(pupil.pupilId)).toEqual([expect.objectContaining({ reason: 'DOCTOR' })]);

    await dayRow(pupil).getByTestId('absence-entry-day-delete').click();
    const dialog = page.getByTestId('absence-entry-delete-dialog');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain(`Die Fehlzeit von ${fullName(pupil)} (${germanDate(days[0])}) wird gelöscht.`);
    await page.getByTestId('absence-entry-delete-confirm').click();

    await dayRow(pupil).waitFor({ state: 'detached' });
    expect(await absencesOf(pupil.pupilId)).toEqual([]);
  });

  it('shows the days each key stands for: "until Friday" and a range of two dates', async () => {
    const lastOfWeek = days.filter((day) => isoWeekOf(day) === isoWeekOf(days[0])).pop()!;
    await nameField().focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('absence-entry-days-TODAY');

    await page.keyboard.press('f');
    expect(await page.getByTestId('absence-entry-span').textContent()).toContain(germanDate(lastOfWeek));
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('absence-entry-reason-SICK');

    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('z');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('absence-entry-from');
    expect(await page.getByTestId('absence-entry-from').inputValue()).toBe(days[0]);

    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('absence-entry-name');
    expect(await page.getByTestId('absence-entry-days-TODAY').isChecked()).toBe(true);
  });

  it('shows the server\'s refusal of an overlap with another reason and changes nothing', async () => {
    const { pupil, typed } = await freshPupil('Schneider');
    await graphql(page, REPORT, { input: { pupilId: pupil.pupilId, startsOn: days[0], reason: 'DOCTOR', reportedBy: 'PUPIL', reportedVia: 'IN_PERSON' } });
    const before = await absencesOf(pupil.pupilId);
    await typeName(typed, pupil);

    await pressKeys('Enter', 'Enter');

    const error = page.getByTestId('absence-entry-error');
    await error.waitFor();
    expect(await error.textContent()).toContain(`Für ${fullName(pupil)} ist am ${germanDate(days[0])} (ganztägig) bereits eine Fehlzeit mit anderem Grund eingetragen: „Arzttermin“`);
    expect(await absencesOf(pupil.pupilId)).toEqual(before);
    // The lists are reloaded after a refusal: the entry in the way is there to be seen.
    await dayRow(pupil).getByTestId('absence-entry-day-reason').filter({ hasText: 'Arzttermin' }).waitFor();
    expect(await dayRow(pupil).count()).toBe(1);
    await screenshot(page, 'absence-entry-refused');
    // The form keeps the call, so it can be corrected.
    expect(await page.getByTestId('absence-entry-selected').textContent()).toContain(fullName(pupil));
    await page.keyboard.press('Escape');
    expect(await nameField().inputValue()).toBe('');
  });

  it('undoes the last entry: a new one is deleted', async () => {
    const { pupil, typed } = await freshPupil('Fischer');
    await typeName(typed, pupil);
    await pressKeys('Enter', 'Enter');
    await dayRow(pupil).waitFor();
    const entry = page.getByTestId('absence-entry-recent-item').first();
    expect(await entry.textContent()).toContain(fullName(pupil));

    await entry.getByTestId('absence-entry-undo').click();

    await page.getByTestId('absence-entry-undo-message').filter({ hasText: `Rückgängig gemacht: ${fullName(pupil)} (${pupil.className}), krank` }).waitFor();
    await dayRow(pupil).waitFor({ state: 'detached' });
    expect(await absencesOf(pupil.pupilId)).toEqual([]);
  });

  it('undoes a merge: the existing entry gets its former days back', async () => {
    const { pupil, typed } = await freshPupil('Weber');
    await graphql(page, REPORT, { input: { pupilId: pupil.pupilId, startsOn: days[0], reason: 'SICK', reportedBy: 'PUPIL', reportedVia: 'IN_PERSON' } });
    await typeName(typed, pupil);
    await pressKeys('Enter', 'm', 'Enter');
    await page.getByTestId('absence-entry-success').filter({ hasText: 'zusammengeführt' }).waitFor();
    expect(await absencesOf(pupil.pupilId)).toEqual([expect.objectContaining({ startsOn: days[0], endsOn: days[1] })]);

    await page.getByTestId('absence-entry-recent-item').first().getByTestId('absence-entry-undo').click();

    await page.getByTestId('absence-entry-undo-message').filter({ hasText: 'Rückgängig gemacht' }).waitFor();
    expect(await absencesOf(pupil.pupilId)).toEqual([expect.objectContaining({ startsOn: days[0], endsOn: days[0] })]);
  });

  it('lists a pupil marked absent in a class register but reported by nobody, and enters them with one click', async () => {
    const teacher = await newPage(browser);
    await signIn(teacher, 'gym.klassenleitung');
    const register = await markAbsentInRegister(teacher, used);
    await teacher.context().close();
    const { absent, date } = register;

    // The lists show the entry day; a register is kept for lessons held, so go back to its day.
    for (let step = 0; step < 30 && !((await page.getByTestId('absence-entry-list-day').textContent()) ?? '').includes(germanDate(date)); step++) {
      await page.getByTestId('absence-entry-list-previous').click();
    }
    expect(await page.getByTestId('absence-entry-list-day').textContent()).toContain(germanDate(date));
    const toPhone = page.getByTestId('absence-entry-to-phone-item').filter({ hasText: `${absent.firstName} ${absent.lastName}` });
    await toPhone.waitFor();
    expect(await toPhone.textContent()).toContain(`Stunde ${register.period}`);
    await screenshot(page, 'absence-entry-to-phone');
    expect(await seriousAxeViolations(page)).toEqual([]);

    await toPhone.getByTestId('absence-entry-to-phone-enter').click();
    expect(await page.getByTestId('absence-entry-selected').textContent()).toContain(`${absent.firstName} ${absent.lastName}`);
    await page.keyboard.press('Enter');

    await page.getByTestId('absence-entry-success').filter({ hasText: `${absent.firstName} ${absent.lastName}` }).waitFor();
    await toPhone.waitFor({ state: 'detached' });
    expect(await absencesOf(absent.pupilId, date)).toEqual([expect.objectContaining({ startsOn: date, endsOn: date, reason: 'SICK' })]);
  });
});

interface RegisterLesson { lessonLineageId: string; lesson: { period: number; status: string; groups: { name: string }[] } }
interface RegisterPupil { pupilId: string; firstName: string; lastName: string }

/**
 * As the class teacher of 7b: the register of a 7b lesson on the last school day up to today
 * (registers are kept for lessons held, not in advance), every pupil present but one.
 */
async function markAbsentInRegister(teacher: Page, used: Set<string>): Promise<{ date: string; period: number; absent: RegisterPupil }> {
  let date = berlinToday();
  let lesson: RegisterLesson | undefined;
  for (let back = 0; back < 21 && !lesson; back++, date = addDays(date, -1)) {
    const { myLessonsOfDay } = await graphql<{ myLessonsOfDay: RegisterLesson[] }>(teacher,
      'query($d: LocalDate) { myLessonsOfDay(date: $d) { lessonLineageId lesson { period status groups { name } } } }', { d: date });
    lesson = myLessonsOfDay.find((l) => l.lesson.status !== 'CANCELLED' && l.lesson.groups.some((g) => g.name === '7b'));
    if (lesson) break;
  }
  if (!lesson) throw new Error('no 7b lesson of gym.klassenleitung in the last three weeks');
  const key = { lessonLineageId: lesson.lessonLineageId, date, period: lesson.lesson.period };
  const { classRegisterLesson } = await graphql<{ classRegisterLesson: { mayEdit: boolean; entry: { version: number } | null; pupils: RegisterPupil[] } }>(teacher,
    `query($l: ID!, $d: LocalDate!, $p: Int!) { classRegisterLesson(lessonLineageId: $l, date: $d, period: $p) {
      mayEdit entry { version } pupils { pupilId firstName lastName } } }`, { l: key.lessonLineageId, d: key.date, p: key.period });
  expect(classRegisterLesson.mayEdit).toBe(true);
  const absent = classRegisterLesson.pupils.find((p) => !used.has(p.pupilId))!;
  used.add(absent.pupilId);
  const attendance = classRegisterLesson.pupils.map((p) => ({ pupilId: p.pupilId, status: p.pupilId === absent.pupilId ? 'ABSENT' : 'PRESENT' }));
  await graphql(teacher, 'mutation($input: SaveClassRegisterInput!) { saveClassRegister(input: $input) { entry { id } } }', {
    input: { ...key, topic: 'Bruchrechnung', attendance, version: classRegisterLesson.entry?.version ?? null },
  });
  return { date, period: key.period, absent };
}
