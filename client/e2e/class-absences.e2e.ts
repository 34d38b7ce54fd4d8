import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage, screenshot, seriousAxeViolations, signIn } from './support/browser';
import {
  dayNextToHolidays, lessonPupils, lessonTaughtIn7b, loadSchoolFacts, recordEveryonePresent, reportAbsence, schoolDaysOf7b,
  updateAbsenceSettings,
} from './support/class-absences-fixtures';
import type { SchoolFacts, TaughtLesson } from './support/class-absences-fixtures';
import { addDays, berlinToday, graphql } from './support/timetable-fixtures';

// The class teacher of 7b (gym.klassenleitung) at work: the open absences of the class (bulk
// excuse, Attestpflicht refused until the certificate arrives, a leave request, an overdue one
// marked unexcused), a contradiction in the class register, the term overview with a flagged
// pupil, its CSV export and letter, and a pupil's figures and change history. The office, the
// school admin, a guardian and the teacher's own register entry prepare the data through the API.
// Days come from 7b's timetable: today may be a weekend or a holiday.

interface Pupil { id: string; firstName: string; lastName: string }

const rowsOf = (page: Page, pupilId: string) => page.locator(`[data-testid="open-absence-row"][data-pupil-id="${pupilId}"]`);
// The guardian's child may have more open rows (the portal's browser test reports sickness too).
const leaveRowOf = (page: Page, pupilId: string) => rowsOf(page, pupilId).filter({ hasText: 'Beurlaubung' });
const nameOf = (pupil: Pupil) => `${pupil.firstName} ${pupil.lastName}`;

const CLASS_ABSENCES = `query($f: AbsenceFilter!) { absences(filter: $f, page: { limit: 200 }) { items { pupil { id } } } }`;

async function pupilsWithAbsences(page: Page, classId: string, from: string, to: string): Promise<Set<string>> {
  const { absences } = await graphql<{ absences: { items: { pupil: { id: string } }[] } }>(page, CLASS_ABSENCES, { f: { classId, from, to } });
  return new Set(absences.items.map((absence) => absence.pupil.id));
}

describe('class absences in the browser', () => {
  let browser: Browser;
  let page: Page;
  let facts: SchoolFacts;
  // A: two absences excused in bulk; C: Attestpflicht; D: excused together with C; E: overdue,
  // then unexcused (flagged in the overview); F: contradicted by the register; G: changed by the
  // office meanwhile (optimistic locking); L: leave request.
  let A: Pupil; let C: Pupil; let D: Pupil; let E: Pupil; let F: Pupil; let G: Pupil; let L: Pupil;
  let absenceOfG: { id: string; version: number };
  let overdueDay: string;
  let taught: TaughtLesson;

  beforeAll(async () => {
    browser = await launchBrowser();
    const today = berlinToday();
    const office = await newPage(browser);
    await signIn(office, 'gym.sekretariat');
    facts = await loadSchoolFacts(office);
    const futureDays = await schoolDaysOf7b(office, facts.classId, addDays(today, 1), addDays(today, 35));
    const pastDays = await schoolDaysOf7b(office, facts.classId, addDays(today, -42), addDays(today, -1));

    // The class teacher teaches 7b too: her lesson on a recent day gets a register entry below.
    page = await newPage(browser);
    await signIn(page, 'gym.klassenleitung');
    taught = await lessonTaughtIn7b(page, pastDays.slice(-10));
    const inLesson = await lessonPupils(page, taught);

    const guardian = await newPage(browser);
    await signIn(guardian, 'eltern.geschwister');
    const { me } = await graphql<{ me: { session: { children: { pupilId: string; classId: string }[] } } }>(guardian, '{ me { session } }');
    const childId = me.session.children.find((child) => child.classId === facts.classId)!.pupilId;

    L = facts.pupils.find((pupil) => pupil.id === childId)!;
    // Other browser tests share the server: leave out pupils who already have absences in these weeks.
    const taken = await pupilsWithAbsences(office, facts.classId, pastDays[0], futureDays[futureDays.length - 1]);
    const others = facts.pupils.filter((pupil) => pupil.id !== childId && !taken.has(pupil.id));
    F = others.find((pupil) => inLesson.includes(pupil.id))!;
    [A, C, D, E, G] = others.filter((pupil) => pupil !== F);

    // Whole days, not adjacent (adjacent ones of the same pupil would be merged into one entry).
    await reportAbsence(office, { pupilId: A.id, startsOn: futureDays[0] });
    await reportAbsence(office, { pupilId: A.id, startsOn: futureDays[2], reason: 'DOCTOR' });
    await reportAbsence(office, { pupilId: D.id, startsOn: futureDays[0] });
    absenceOfG = await reportAbsence(office, { pupilId: G.id, startsOn: futureDays[1] });
    // Five school days back (not the register's day): the excuse, due three school days after the return, is overdue.
    overdueDay = pastDays.slice(0, -4).filter((day) => day !== taught.date).pop()!;
    await reportAbsence(office, { pupilId: E.id, startsOn: overdueDay });
    await reportAbsence(office, { pupilId: F.id, startsOn: taught.date });
    await recordEveryonePresent(page, taught);
    await graphql(guardian, 'mutation($i: RequestLeaveInput!) { requestLeave(input: $i) { id } }', {
      i: { pupilId: L.id, startsOn: futureDays[3], endsOn: futureDays[3], note: 'Hochzeit der Schwester' },
    });

    // The school requires a certificate next to holidays and writes from one unexcused day on.
    const admin = await newPage(browser);
    await signIn(admin, 'gym.admin');
    await updateAbsenceSettings(admin, facts.schoolId, { certificateNextToHolidays: true, letterAfterUnexcusedDays: 1 });
    const attest = await reportAbsence(office, { pupilId: C.id, startsOn: await dayNextToHolidays(office, facts) });
    expect(attest.requiresCertificate).toBe(true);

    await Promise.all([office, guardian, admin].map((p) => p.context().close()));
  });

  afterAll(() => browser.close());

  it('opens the own class from the navigation with its open absences, overdue and Attestpflicht in words', async () => {
    await page.getByTestId('nav-my-class-absences').click();
    await page.waitForURL(`**/klassen/${facts.classId}/fehlzeiten`);
    await page.getByTestId('open-absences-table').waitFor();

    expect(await page.getByTestId('page-title').textContent()).toContain('Fehlzeiten der Klasse 7b');
    expect(await rowsOf(page, A.id).count()).toBe(2);
    expect(await rowsOf(page, E.id).getByTestId('absence-overdue').textContent()).toContain('Entschuldigung überfällig');
    expect(await rowsOf(page, C.id).getByTestId('absence-certificate').textContent()).toContain('Attestpflicht');
    expect(await leaveRowOf(page, L.id).getByTestId('absence-status').textContent()).toContain('Beurlaubung: Beantragt');
    // The reporter and the channel, as the office entered them.
    expect(await rowsOf(page, D.id).textContent()).toMatch(/Großmutter \(Andere Person\).*Telefon/s);
    await screenshot(page, 'class-absences-open');
  });

  it('excuses two absences at once; the pupil\'s statistics count them as excused days', async () => {
    for (const checkbox of await rowsOf(page, A.id).getByTestId('open-absence-select').all()) await checkbox.check();
    expect(await page.getByTestId('open-selected-count').textContent()).toBe('2 ausgewählt');
    await page.getByTestId('bulk-excuse').click();
    await page.getByText('2 Fehlzeiten entschuldigt').waitFor();
    await rowsOf(page, A.id).first().waitFor({ state: 'detached' });
    expect(await rowsOf(page, D.id).count()).toBe(1);

    await page.goto(`/schueler/${A.id}/fehlzeiten`);
    const year = page.locator('[data-testid="pupil-figures-row"][data-term="year"]');
    await year.waitFor();
    expect(await page.getByTestId('page-title').textContent()).toContain(`Fehlzeiten von ${nameOf(A)}`);
    expect(await year.locator('[data-field="daysAbsent"]').first().innerText()).toMatch(/^2\b/);
    expect(await year.locator('[data-field="daysExcused"]').innerText()).toBe('2');
    expect(await year.locator('[data-field="daysUnexcused"]').innerText()).toBe('0');
    expect(Number(await year.locator('[data-field="lessonsExcused"]').innerText())).toBeGreaterThanOrEqual(2);

    // The history over the whole year, each entry excused, with who did it in the change history.
    await page.getByTestId('history-range-jahr').click();
    await page.waitForURL(/zeitraum=jahr/);
    await page.getByTestId('history-item').nth(1).waitFor();
    expect(await page.getByTestId('history-item').getByTestId('absence-status').allTextContents()).toEqual(['Entschuldigt', 'Entschuldigt']);
    await page.getByTestId('history-audit-toggle').first().click();
    const trail = page.getByTestId('absence-audit');
    await trail.getByTestId('absence-audit-entry').nth(1).waitFor();
    expect(await trail.textContent()).toContain('Angelegt');
    expect(await trail.getByTestId('absence-audit-entry').last().textContent()).toMatch(/Geändert.*Katrin Weiß.*Gemeldet.*Entschuldigt/s);
    await screenshot(page, 'pupil-absences');
  });

  it('refuses to excuse an Attestpflicht absence (all or none) until the certificate is recorded', async () => {
    await page.goto(`/klassen/${facts.classId}/fehlzeiten`);
    await rowsOf(page, C.id).waitFor();
    await rowsOf(page, C.id).getByTestId('open-absence-select').check();
    await rowsOf(page, D.id).getByTestId('open-absence-select').check();
    await page.getByTestId('bulk-excuse').click();

    const refusal = page.getByTestId('decision-error');
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain(`Für ${nameOf(C)}`);
    expect(await refusal.textContent()).toContain('besteht Attestpflicht');
    // All or none: D stays open too, and the refused entry is marked.
    expect(await rowsOf(page, D.id).count()).toBe(1);
    expect(await rowsOf(page, C.id).getAttribute('class')).toContain('open-table__row--refused');

    await rowsOf(page, C.id).getByTestId('absence-certificate-received').click();
    await page.getByText('Eingang des Attests eingetragen').waitFor();
    await rowsOf(page, C.id).getByTestId('absence-certificate').filter({ hasText: 'Attest liegt vor' }).waitFor();
    expect(await page.getByTestId('open-selected-count').textContent()).toBe('2 ausgewählt');
    await page.getByTestId('bulk-excuse').click();
    await rowsOf(page, C.id).waitFor({ state: 'detached' });
    expect(await rowsOf(page, D.id).count()).toBe(0);
  });

  it('tells when the office changed an entry meanwhile, reloads it, and then decides', async () => {
    const office = await newPage(browser);
    await signIn(office, 'gym.sekretariat');
    await graphql(office, 'mutation($id: ID!, $version: Int!) { recordExcuseReceived(id: $id, version: $version) { version } }', {
      id: absenceOfG.id, version: absenceOfG.version,
    });
    await office.context().close();

    // The page still holds the version read before the office's change.
    await rowsOf(page, G.id).getByTestId('absence-excuse').click();
    const conflict = page.getByTestId('decision-error');
    await conflict.waitFor();
    expect(await conflict.textContent()).toContain('inzwischen von jemand anderem geändert');
    await rowsOf(page, G.id).getByText(/^eingegangen am/).waitFor();
    await rowsOf(page, G.id).getByTestId('absence-excuse').click();
    await page.getByText('Fehlzeit entschuldigt', { exact: true }).waitFor();
    await rowsOf(page, G.id).waitFor({ state: 'detached' });
  });

  it('approves a leave request of a guardian', async () => {
    await leaveRowOf(page, L.id).getByTestId('leave-approve').click();
    await page.getByText('Beurlaubung genehmigt').waitFor();
    await leaveRowOf(page, L.id).waitFor({ state: 'detached' });
  });

  it('resolves a contradiction of the class register: the pupil came, the absence is shortened', async () => {
    expect(await page.getByTestId('tab-conflicts').textContent()).toMatch(/Konflikte\s*1/);
    await page.getByTestId('tab-conflicts').click();
    const conflict = page.locator(`[data-testid="register-conflict-row"][data-pupil-id="${F.id}"]`);
    await conflict.waitFor();
    expect(await conflict.textContent()).toContain(`${taught.period}. Stunde`);
    expect(await conflict.textContent()).toContain('Anwesend');
    await conflict.getByTestId('conflict-confirm').click();
    await page.getByText('Bestätigt: die Fehlzeit wurde gekürzt').waitFor();
    await conflict.waitFor({ state: 'detached' });
    expect(await page.getByTestId('empty-state').textContent()).toContain('Keine Widersprüche');
  });

  it('marks the overdue absence unexcused; the overview flags the pupil, sorts and exports', async () => {
    await page.getByTestId('tab-open').click();
    await rowsOf(page, E.id).getByTestId('absence-unexcused').click();
    await page.getByText('Fehlzeit als unentschuldigt eingetragen').waitFor();
    await rowsOf(page, E.id).waitFor({ state: 'detached' });

    // The class teacher is prompted where she lands: a letter to the parents is due now.
    const term = facts.terms.find((t) => t.startsOn <= overdueDay && overdueDay <= t.endsOn)!.number;
    const prompt = page.getByTestId('letters-due-prompt');
    await prompt.filter({ hasText: `${nameOf(E)} (${term}. Halbjahr)` }).waitFor();
    await page.getByTestId('letters-due-open').click();
    await page.waitForURL(/ansicht=uebersicht/);
    await page.getByTestId(`overview-term-${term}`).click();
    const flagged = page.locator(`[data-testid="overview-row"][data-pupil-id="${E.id}"]`);
    await flagged.getByTestId('overview-letter-due').waitFor();
    expect(await flagged.locator('[data-field="daysUnexcused"]').innerText()).toBe('1');
    expect(await page.getByTestId('overview-info').textContent()).toContain('unentschuldigten Tagen ab 1');

    await page.getByTestId('sort-DAYS_UNEXCUSED').click();
    await page.waitForURL(/sortierung=DAYS_UNEXCUSED&richtung=DESC/);
    await page.locator('th[aria-sort="descending"] [data-testid="sort-DAYS_UNEXCUSED"]').waitFor();
    await page.waitForFunction((id) => document.querySelector('[data-testid="overview-row"]')?.getAttribute('data-pupil-id') === id, E.id);
    // The success messages fade out first: they would cover the downloads in the screenshot.
    await page.waitForFunction(() => document.querySelectorAll('.p-toast-message').length === 0, undefined, { timeout: 15000 });
    await screenshot(page, 'class-absences-overview');

    // The CSV in the order on screen: Excel's BOM, German headers, the flagged pupil first.
    const csvHref = (await page.getByTestId('overview-csv').getAttribute('href'))!;
    expect(csvHref).toContain(`term=${term}&sort=DAYS_UNEXCUSED&direction=DESC`);
    const csv = await page.request.get(csvHref);
    expect(csv.headers()['content-type']).toContain('text/csv');
    const text = (await csv.body()).toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const [header, first] = text.slice(1).split(/\r?\n/);
    expect(header).toContain('Fehltage unentschuldigt');
    expect(first).toContain(E.lastName);

    const letter = await page.request.get((await flagged.getByTestId('overview-letter-pdf').getAttribute('href'))!);
    expect(letter.headers()['content-type']).toBe('application/pdf');
    expect((await letter.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('lets the office pick any class from the navigation, and open absences from a class and a pupil', async () => {
    const office = await newPage(browser);
    await signIn(office, 'gym.sekretariat');
    await office.getByTestId('nav-my-class-absences').click();
    await office.getByTestId('all-classes').getByRole('link', { name: '7b', exact: true }).click();
    await office.waitForURL(`**/klassen/${facts.classId}/fehlzeiten`);
    await office.getByTestId('tab-open').waitFor();

    await office.goto(`/klassen/${facts.classId}`);
    await office.getByTestId('class-absences-link').click();
    await office.waitForURL(`**/klassen/${facts.classId}/fehlzeiten`);
    await office.goto(`/schueler/${E.id}`);
    await office.getByTestId('pupil-absences-link').click();
    await office.waitForURL(`**/schueler/${E.id}/fehlzeiten`);
    const unexcusedDays = office.locator('[data-testid="pupil-figures-row"][data-term="year"] [data-field="daysUnexcused"]');
    await unexcusedDays.waitFor();
    expect(await unexcusedDays.innerText()).toBe('1');
    await office.context().close();
  });

  it('takes the class teacher of the Grundschule straight to her class', async () => {
    const teacher = await newPage(browser);
    await signIn(teacher, 'gs.lehrkraft');
    await teacher.getByTestId('nav-my-class-absences').click();
    await teacher.waitForURL(/\/klassen\/[^/]+\/fehlzeiten$/);
    await teacher.getByTestId('page-title').filter({ hasText: 'Fehlzeiten der Klasse 2a' }).waitFor();
    expect(await teacher.getByTestId('empty-state').textContent()).toContain('Keine offenen Fehlzeiten');
    await teacher.context().close();
  });

  it('has no serious accessibility violations on the open list, the overview and the pupil page', async () => {
    await page.goto(`/klassen/${facts.classId}/fehlzeiten`);
    await page.getByTestId('open-absences-table').waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.goto(`/klassen/${facts.classId}/fehlzeiten?ansicht=uebersicht`);
    await page.getByTestId('overview-table').waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.goto(`/schueler/${A.id}/fehlzeiten`);
    await page.getByTestId('history-item').first().waitFor();
    await page.getByTestId('history-audit-toggle').first().click();
    await page.getByTestId('absence-audit-entry').first().waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});
