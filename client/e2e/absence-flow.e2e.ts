import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage, screenshot, signIn } from './support/browser';
import { graphql, mondayOf } from './support/timetable-fixtures';

// One sickness through the whole school, at the Grundschule: the secretariat enters a two-day
// sickness by keyboard; the teacher of the pupil's first lesson finds the pupil pre-marked absent in
// the class register; the class teacher excuses it; the pupil's statistics count 2 days excused.
// gs.lehrkraft teaches 2a and leads it. The days are chosen from the data (today may be a weekend
// or a holiday): the first school day on which gs.lehrkraft gives 2a's first lesson of the day.

interface Lesson { lessonLineageId: string; lesson: { period: number; status: string; groups: { name: string }[] } }
interface Hit { pupilId: string; firstName: string; lastName: string }
interface Chosen { first: string; second: string; lesson: Lesson; pupil: Hit }

const MY_LESSONS = `query($d: LocalDate!) { myLessonsOfDay(date: $d) { lessonLineageId lesson { period status groups { name } } } }`;
const CLASS_WEEK = `query($t: TimetableTargetInput!, $w: LocalDate!) { weekTimetable(target: $t, weekStart: $w) { lessons { date period status } } }`;
const REGISTER = `query($l: ID!, $d: LocalDate!, $p: Int!) { classRegisterLesson(lessonLineageId: $l, date: $d, period: $p) { pupils { pupilId firstName lastName } } }`;
const SEARCH = `query($s: ID!, $q: String!) { searchPupilsForAbsence(schoolId: $s, query: $q, limit: 5) { pupilId firstName lastName } }`;
const CLASS_ABSENCES = `query($f: AbsenceFilter!) { absences(filter: $f, page: { limit: 200 }) { items { pupil { id } } } }`;

const fullName = (pupil: Hit) => `${pupil.firstName} ${pupil.lastName}`;

describe('a sickness from the phone call to the statistics (Grundschule, 2a)', () => {
  let browser: Browser;
  let office: Page;
  let teacher: Page;
  let schoolId: string;
  let classId: string;
  let chosen: Chosen;

  /** 2a's first lesson that day is gs.lehrkraft's: the period of the class's earliest lesson that takes place. */
  async function firstLessonOf2a(day: string): Promise<Lesson | null> {
    const own = (await graphql<{ myLessonsOfDay: Lesson[] }>(teacher, MY_LESSONS, { d: day })).myLessonsOfDay
      .filter((l) => l.lesson.status !== 'CANCELLED' && l.lesson.groups.some((g) => g.name === '2a'))
      .sort((a, b) => a.lesson.period - b.lesson.period);
    if (own.length === 0) return null;
    const week = await graphql<{ weekTimetable: { lessons: { date: string; period: number; status: string }[] } }>(
      office, CLASS_WEEK, { t: { classId }, w: mondayOf(day) });
    const periods = week.weekTimetable.lessons.filter((l) => l.date === day && l.status !== 'CANCELLED').map((l) => l.period);
    return Math.min(...periods) === own[0].lesson.period ? own[0] : null;
  }

  /** A pupil of the lesson without any absence so far (the statistics then count just this one), whom the search ranks first by full name. */
  async function pupilOf(lesson: Lesson, first: string): Promise<Hit | null> {
    const { classRegisterLesson } = await graphql<{ classRegisterLesson: { pupils: Hit[] } }>(
      teacher, REGISTER, { l: lesson.lessonLineageId, d: first, p: lesson.lesson.period });
    const { absences } = await graphql<{ absences: { items: { pupil: { id: string } }[] } }>(office, CLASS_ABSENCES, { f: { classId } });
    const absent = new Set(absences.items.map((absence) => absence.pupil.id));
    for (const pupil of classRegisterLesson.pupils.filter((p) => !absent.has(p.pupilId))) {
      const [hit, next] = (await graphql<{ searchPupilsForAbsence: Hit[] }>(office, SEARCH, { s: schoolId, q: fullName(pupil) })).searchPupilsForAbsence;
      if (hit?.pupilId === pupil.pupilId && (!next || fullName(next) !== fullName(pupil))) return pupil;
    }
    return null;
  }

  async function chooseDaysAndPupil(): Promise<Chosen> {
    const { schoolDays } = await graphql<{ schoolDays: string[] }>(office, 'query($s: ID!) { schoolDays(schoolId: $s, count: 20) }', { s: schoolId });
    for (let i = 0; i + 1 < schoolDays.length; i++) {
      const lesson = await firstLessonOf2a(schoolDays[i]);
      const pupil = lesson && await pupilOf(lesson, schoolDays[i]);
      if (lesson && pupil) return { first: schoolDays[i], second: schoolDays[i + 1], lesson, pupil };
    }
    throw new Error('In den nächsten 20 Schultagen gibt gs.lehrkraft nie die erste Stunde der 2a.');
  }

  beforeAll(async () => {
    browser = await launchBrowser();
    office = await newPage(browser);
    teacher = await newPage(browser);
    await signIn(office, 'gs.sekretariat');
    await signIn(teacher, 'gs.lehrkraft');
    schoolId = (await graphql<{ me: { schools: { id: string }[] } }>(office, '{ me { schools { id } } }')).me.schools[0].id;
    const groups = await graphql<{ groups: { items: { id: string }[] } }>(office, 'query($s: ID!) { groups(filter: { schoolId: $s, kind: CLASS, search: "2a" }) { items { id } } }', { s: schoolId });
    classId = groups.groups.items[0].id;
    chosen = await chooseDaysAndPupil();
  });

  afterAll(() => browser.close());

  it('the secretariat enters the two-day sickness by keyboard; focus returns to the name field', async () => {
    await office.getByTestId('nav-absence-entry').click();
    const name = office.getByTestId('absence-entry-name');
    await name.waitFor();
    await office.getByTestId('absence-entry-span').filter({ hasText: /\d{2}\.\d{2}\.\d{4}/ }).waitFor();
    await name.focus();
    await office.keyboard.type(fullName(chosen.pupil));
    await office.getByTestId('absence-entry-hit').first().filter({ hasText: fullName(chosen.pupil) }).waitFor();

    const isEntryDayPair = await entryDaysAre(chosen.first, chosen.second);
    await office.keyboard.press('Enter');
    if (isEntryDayPair) {
      // The entry day and the next school day: "M" (heute und morgen); sick and mother are the defaults.
      await office.keyboard.press('m');
    } else {
      // Another pair of days: "Z" (Zeitraum) puts the focus into the first date field.
      await office.keyboard.press('z');
      await office.getByTestId('absence-entry-from').fill(chosen.first);
      await office.getByTestId('absence-entry-to').fill(chosen.second);
    }
    await office.keyboard.press('Enter');

    await office.getByTestId('absence-entry-success').filter({ hasText: 'Gespeichert' }).waitFor();
    expect(await office.getByTestId('absence-entry-success').textContent()).toContain(`${fullName(chosen.pupil)} (2a), krank`);
    expect(await office.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('absence-entry-name');
    await screenshot(office, 'absence-flow-1-entered');
  });

  it('the teacher of the pupil\'s first lesson finds the pupil pre-marked absent', async () => {
    await teacher.goto(`/klassenbuch?datum=${chosen.first}`);
    await teacher.locator(`[data-testid="register-lesson"][data-period="${chosen.lesson.lesson.period}"]`).filter({ hasText: '2a' }).first().click();
    const row = teacher.locator(`[data-testid="attendance-row"][data-pupil-id="${chosen.pupil.pupilId}"]`);
    await row.waitFor();

    expect(await row.getAttribute('data-status')).toBe('ABSENT');
    expect(await row.getByTestId('attendance-reported').textContent()).toContain('Gemeldet');
    await screenshot(teacher, 'absence-flow-2-register');
  });

  it('the class teacher excuses it in the class\'s open absences', async () => {
    await teacher.getByTestId('nav-my-class-absences').click();
    await teacher.waitForURL(`**/klassen/${classId}/fehlzeiten`);
    const row = teacher.locator(`[data-testid="open-absence-row"][data-pupil-id="${chosen.pupil.pupilId}"]`);
    await row.waitFor();
    expect(await row.textContent()).toContain('Krank');
    await screenshot(teacher, 'absence-flow-3-open');

    await row.getByTestId('absence-excuse').click();
    await row.waitFor({ state: 'detached' });
  });

  it('the pupil\'s statistics show 2 days excused', async () => {
    await teacher.goto(`/schueler/${chosen.pupil.pupilId}/fehlzeiten`);
    const year = teacher.locator('[data-testid="pupil-figures-row"][data-term="year"]');
    await year.waitFor();

    expect(await year.locator('[data-field="daysExcused"]').innerText()).toBe('2');
    expect(await year.locator('[data-field="daysUnexcused"]').innerText()).toBe('0');
    expect(await year.locator('[data-field="daysAbsent"]').first().innerText()).toMatch(/^2\b/);
    await screenshot(teacher, 'absence-flow-4-statistics');
  });

  /** Whether the days are the form's entry day (today, or the next school day) and the school day after it. */
  async function entryDaysAre(first: string, second: string): Promise<boolean> {
    const { schoolDays } = await graphql<{ schoolDays: string[] }>(office, 'query($s: ID!) { schoolDays(schoolId: $s, count: 2) }', { s: schoolId });
    return schoolDays[0] === first && schoolDays[1] === second;
  }
});
