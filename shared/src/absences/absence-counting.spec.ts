import { HOLIDAYS_2026_27 } from '../holidays';
import { expandTimetable, LessonOccurrence, SubstitutionInput, TimetableSlotInput } from '../timetable';
import { AbsenceFigures, countAbsences, CountableAbsence, EMPTY_FIGURES } from './absence-counting';
import { statisticsRange, TermNumber } from './absence-terms';

// The counting rules of the statistics, as a table: a pupil of 7b in the school year 2026/27 with
// the Berlin holidays (Herbstferien 19.–31.10.2026, Winterferien 01.–06.02.2027), six lessons
// Monday to Thursday and four on Friday; on Wednesday 25.11.2026 the 2nd lesson is cancelled,
// on Wednesday 02.12.2026 all of them are.

const YEAR = { startsOn: '2026-08-01', endsOn: '2027-07-31', midYearOn: '2027-02-01' };
const CLASS_7B = { id: 'g-7b', name: '7b', kind: 'CLASS' as const };
const SUBJECTS = ['D', 'M', 'E', 'Bio', 'Ge', 'Sp'].map((shortName) => ({ id: `s-${shortName}`, shortName, name: shortName }));

const LESSONS_PER_WEEKDAY: Record<number, number> = { 1: 6, 2: 6, 3: 6, 4: 6, 5: 4 };

function slotsOfClass(): TimetableSlotInput[] {
  return Object.entries(LESSONS_PER_WEEKDAY).flatMap(([weekday, count]) => Array.from({ length: count }, (_, index) => ({
    entryId: `e-${weekday}-${index + 1}`, lessonId: `l-${index + 1}`, lessonLineageId: `lineage-${index + 1}`,
    weekday: Number(weekday), period: index + 1, validFrom: YEAR.startsOn, validTo: null,
    subject: SUBJECTS[index], teachers: [], groups: [CLASS_7B], room: null, weekPattern: { kind: 'EVERY' as const }, sequence: 0,
  })));
}

const cancelled = (date: string, period: number): SubstitutionInput => ({
  id: `c-${date}-${period}`, date, period, lessonLineageId: `lineage-${period}`, kind: 'CANCELLED', revision: 0,
});
const CANCELLATIONS = [cancelled('2026-11-25', 2), ...[1, 2, 3, 4, 5, 6].map((period) => cancelled('2026-12-02', period))];
const DAYS_OFF = HOLIDAYS_2026_27.BE!;

function lessonsOfTerm(term: TermNumber): LessonOccurrence[] {
  return expandTimetable({ slots: slotsOfClass(), periods: [], daysOff: DAYS_OFF, substitutions: CANCELLATIONS, ...termRange(term) });
}
const termRange = (term: TermNumber) => statisticsRange(YEAR, term);

// Absence builders: the kind and its days or periods, then how it was reported and decided.
type Decision = Pick<CountableAbsence, 'reason' | 'status' | 'leaveStatus'>;
const SICK_EXCUSED: Decision = { reason: 'SICK', status: 'EXCUSED', leaveStatus: null };
const SICK_UNEXCUSED: Decision = { reason: 'SICK', status: 'UNEXCUSED', leaveStatus: null };
const SICK_REPORTED: Decision = { reason: 'SICK', status: 'REPORTED', leaveStatus: null };
const OTHER_UNEXCUSED: Decision = { reason: 'OTHER', status: 'UNEXCUSED', leaveStatus: null };
const SCHOOL_EVENT: Decision = { reason: 'SCHOOL_EVENT', status: 'EXCUSED', leaveStatus: null };
const leave = (leaveStatus: 'REQUESTED' | 'APPROVED' | 'REJECTED'): Decision => ({ reason: 'LEAVE', status: 'REPORTED', leaveStatus });

let sequence = 0;
const absence = (values: Partial<CountableAbsence> & Pick<CountableAbsence, 'kind' | 'startsOn'>, decision: Decision): CountableAbsence => ({
  id: `a-${++sequence}`, endsOn: values.startsOn, periodFrom: null, periodTo: null, minutes: null, ...decision, ...values,
});
const days = (startsOn: string, endsOn: string, decision: Decision) => absence({ kind: 'DAYS', startsOn, endsOn }, decision);
const periods = (date: string, periodFrom: number, periodTo: number, decision: Decision, lessons?: CountableAbsence['lessons']) =>
  absence({ kind: 'PERIODS', startsOn: date, periodFrom, periodTo, lessons }, decision);
const late = (date: string, minutes: number, decision: Decision) => absence({ kind: 'LATE', startsOn: date, minutes }, decision);
const earlyLeave = (date: string, periodFrom: number, decision: Decision) => absence({ kind: 'EARLY_LEAVE', startsOn: date, periodFrom }, decision);

interface RuleCase {
  name: string;
  absences: CountableAbsence[];
  term: TermNumber;
  /** the figures that are not 0 (days, lessons: excused / unexcused / open; late arrivals) */
  expected: Partial<Omit<AbsenceFigures, 'schoolDays' | 'lessonsHeld' | 'daysAbsent' | 'lessonsAbsent'>>;
}

// Fri 20.11. · Mon 23.11. · Tue 24.11.2026 = 3 days; lessons 4 + 6 + 6.
const RULES: RuleCase[] = [
  { name: 'Friday to Tuesday: the weekend does not count → 3 days', term: 1,
    absences: [days('2026-11-20', '2026-11-24', SICK_EXCUSED)], expected: { daysExcused: 3, lessonsExcused: 16 } },
  { name: 'Thursday before to Monday after the Herbstferien: the holidays do not count → 3 days', term: 1,
    absences: [days('2026-10-15', '2026-11-02', SICK_EXCUSED)], expected: { daysExcused: 3, lessonsExcused: 16 } },
  { name: 'only weekend and holidays → nothing', term: 1,
    absences: [days('2026-10-17', '2026-10-31', SICK_UNEXCUSED)], expected: {} },
  { name: 'across the term boundary (Thu 28.01. – Tue 09.02.2027, Winterferien between): first term → Thu, Fri', term: 1,
    absences: [days('2027-01-28', '2027-02-09', SICK_UNEXCUSED)], expected: { daysUnexcused: 2, lessonsUnexcused: 10 } },
  { name: 'across the term boundary: second term → Mon 08.02., Tue 09.02.', term: 2,
    absences: [days('2027-01-28', '2027-02-09', SICK_UNEXCUSED)], expected: { daysUnexcused: 2, lessonsUnexcused: 12 } },
  { name: 'school event (class trip) → counts nothing', term: 1,
    absences: [days('2026-11-23', '2026-11-24', SCHOOL_EVENT)], expected: {} },
  { name: 'lateness of 15 minutes → a late arrival, no missed lesson', term: 1,
    absences: [late('2026-11-23', 15, SICK_UNEXCUSED)], expected: { lateCount: 1, lateMinutes: 15 } },
  { name: 'two late arrivals → count and minutes add up', term: 1,
    absences: [late('2026-11-23', 10, SICK_EXCUSED), late('2026-11-26', 25, SICK_REPORTED)], expected: { lateCount: 2, lateMinutes: 35 } },
  { name: 'late on a Saturday (no lessons) → nothing', term: 1,
    absences: [late('2026-11-21', 10, SICK_UNEXCUSED)], expected: {} },
  { name: 'a single period → 1 lesson, no day', term: 1,
    absences: [periods('2026-11-23', 3, 3, OTHER_UNEXCUSED)], expected: { lessonsUnexcused: 1 } },
  { name: 'periods 1–6 of a Monday: every lesson of the day → 1 day', term: 1,
    absences: [periods('2026-11-23', 1, 6, SICK_EXCUSED)], expected: { daysExcused: 1, lessonsExcused: 6 } },
  { name: 'periods 1–3 excused and 4–6 unexcused on one day → 1 day, unexcused (the less favourable status)', term: 1,
    absences: [periods('2026-11-23', 1, 3, SICK_EXCUSED), periods('2026-11-23', 4, 6, OTHER_UNEXCUSED)],
    expected: { daysUnexcused: 1, lessonsExcused: 3, lessonsUnexcused: 3 } },
  { name: 'early leave from period 4 on a Monday → lessons 4–6, no day', term: 1,
    absences: [earlyLeave('2026-11-23', 4, SICK_EXCUSED)], expected: { lessonsExcused: 3 } },
  { name: 'approved leave (Beurlaubung) → excused', term: 1,
    absences: [days('2026-11-23', '2026-11-24', leave('APPROVED'))], expected: { daysExcused: 2, lessonsExcused: 12 } },
  { name: 'requested leave → not an absence by itself', term: 1,
    absences: [days('2026-11-23', '2026-11-24', leave('REQUESTED'))], expected: {} },
  { name: 'rejected leave → not an absence by itself', term: 1,
    absences: [days('2026-11-23', '2026-11-24', leave('REJECTED'))], expected: {} },
  { name: 'unexcused day → 1 day, 6 lessons unexcused', term: 1,
    absences: [days('2026-11-23', '2026-11-23', SICK_UNEXCUSED)], expected: { daysUnexcused: 1, lessonsUnexcused: 6 } },
  { name: 'excused day → 1 day, 6 lessons excused', term: 1,
    absences: [days('2026-11-23', '2026-11-23', SICK_EXCUSED)], expected: { daysExcused: 1, lessonsExcused: 6 } },
  { name: 'reported, not yet decided → open ("offen"), neither excused nor unexcused', term: 1,
    absences: [days('2026-11-23', '2026-11-23', SICK_REPORTED)], expected: { daysOpen: 1, lessonsOpen: 6 } },
  { name: 'a day with a cancelled lesson (Wed 25.11., 2nd lesson cancelled) → 1 day, 5 lessons', term: 1,
    absences: [days('2026-11-25', '2026-11-25', SICK_EXCUSED)], expected: { daysExcused: 1, lessonsExcused: 5 } },
  { name: 'periods 1 and 3–6 on that day (the cancelled 2nd lesson between) → the whole day', term: 1,
    absences: [periods('2026-11-25', 1, 1, SICK_EXCUSED), periods('2026-11-25', 3, 6, SICK_EXCUSED)], expected: { daysExcused: 1, lessonsExcused: 5 } },
  { name: 'a day whose lessons are all cancelled (Wed 02.12.) → no school day, nothing', term: 1,
    absences: [days('2026-12-02', '2026-12-02', SICK_UNEXCUSED)], expected: {} },
  { name: 'a whole day excused and one of its periods unexcused as well → each lesson once; day unexcused', term: 1,
    absences: [days('2026-11-23', '2026-11-23', SICK_EXCUSED), periods('2026-11-23', 2, 2, OTHER_UNEXCUSED)],
    expected: { daysUnexcused: 1, lessonsExcused: 5, lessonsUnexcused: 1 } },
  { name: 'a single period linked to two lessons (absence_lessons) → both lessons count', term: 1,
    absences: [periods('2026-11-23', 3, 3, OTHER_UNEXCUSED, [{ date: '2026-11-23', period: 3 }, { date: '2026-11-23', period: 4 }])],
    expected: { lessonsUnexcused: 2 } },
  { name: 'absence outside the term (second term) → nothing in the first', term: 1,
    absences: [days('2027-03-01', '2027-03-02', SICK_UNEXCUSED)], expected: {} },
];

const SCHOOL_FIGURES = { 1: figuresOfTerm(1), 2: figuresOfTerm(2) };

function figuresOfTerm(term: TermNumber): Pick<AbsenceFigures, 'schoolDays' | 'lessonsHeld'> {
  const { figures } = countAbsences({ ...termRange(term), lessons: lessonsOfTerm(term), absences: [] });
  return { schoolDays: figures.schoolDays, lessonsHeld: figures.lessonsHeld };
}

function withZeros(term: TermNumber, expected: RuleCase['expected']): AbsenceFigures {
  const figures = { ...EMPTY_FIGURES, ...SCHOOL_FIGURES[term], ...expected };
  figures.daysAbsent = figures.daysExcused + figures.daysUnexcused + figures.daysOpen;
  figures.lessonsAbsent = figures.lessonsExcused + figures.lessonsUnexcused + figures.lessonsOpen;
  return figures;
}

describe('countAbsences — the counting rules', () => {
  it.each(RULES)('$name', ({ absences, term, expected }) => {
    const { figures } = countAbsences({ ...termRange(term), lessons: lessonsOfTerm(term), absences });

    expect(figures).toEqual(withZeros(term, expected));
  });

  it('the fixture: school days are weekdays with lessons, outside holidays; lessons are those not cancelled', () => {
    // Term 1: 26 weeks (Mon 03.08.2026 – Fri 29.01.2027) of 28 lessons; Herbstferien 2 weeks; Weihnachtsferien
    // Wed 23.12. – Fri 01.01. (8 weekdays, 44 lessons); 1 + 6 lessons cancelled (the whole of Wed 02.12.).
    expect(SCHOOL_FIGURES[1].schoolDays).toBe(26 * 5 - 10 - 8 - 1);
    expect(SCHOOL_FIGURES[1].lessonsHeld).toBe(26 * 28 - 56 - 44 - 7);
  });
});

describe('countAbsences — details', () => {
  const count = (absences: CountableAbsence[], courseGroupIds?: string[]) =>
    countAbsences({ ...termRange(1), lessons: lessonsOfTerm(1), absences, courseGroupIds });

  it('should list each day with missed lessons, whole or not, with periods, subjects and statuses', () => {
    const { days: missed } = count([days('2026-11-20', '2026-11-20', SICK_UNEXCUSED), periods('2026-11-23', 2, 3, SICK_REPORTED)]);

    expect(missed).toEqual([
      { date: '2026-11-20', isWholeDay: true, status: 'UNEXCUSED', lessons: [1, 2, 3, 4].map((period) => ({ period, subject: SUBJECTS[period - 1], status: 'UNEXCUSED' })) },
      { date: '2026-11-23', isWholeDay: false, status: 'OPEN', lessons: [2, 3].map((period) => ({ period, subject: SUBJECTS[period - 1], status: 'OPEN' })) },
    ]);
  });

  it('should list late arrivals by date with their minutes and status', () => {
    const { lateArrivals } = count([late('2026-11-26', 25, SICK_REPORTED), late('2026-11-23', 10, SICK_EXCUSED)]);

    expect(lateArrivals).toEqual([{ date: '2026-11-23', minutes: 10, status: 'EXCUSED' }, { date: '2026-11-26', minutes: 25, status: 'OPEN' }]);
  });

  it('when the pupil has no lessons at all in the range → should count whole days on weekdays outside holidays, and no lessons', () => {
    const result = countAbsences({
      ...termRange(1), lessons: [], daysOff: DAYS_OFF,
      absences: [days('2026-10-15', '2026-11-02', SICK_EXCUSED), periods('2026-11-04', 1, 2, SICK_UNEXCUSED)],
    });

    expect(result.isWithoutTimetable).toBe(true);
    expect(result.figures).toEqual({ ...EMPTY_FIGURES, schoolDays: 26 * 5 - 10 - 8, daysAbsent: 3, daysExcused: 3 });
  });
});

describe('countAbsences — per course (upper school)', () => {
  // Q1: a Mathematics course on Monday and Tuesday periods 1–2, an English course on Monday period 3.
  const MATHS_LK = { id: 'c-ma', name: 'ma1', kind: 'COURSE' as const };
  const ENGLISH_GK = { id: 'c-en', name: 'en2', kind: 'COURSE' as const };
  const courseSlot = (group: typeof MATHS_LK, weekday: number, period: number): TimetableSlotInput => ({
    entryId: `e-${group.id}-${weekday}-${period}`, lessonId: group.id, lessonLineageId: `lineage-${group.id}`, weekday, period,
    validFrom: YEAR.startsOn, validTo: null, subject: SUBJECTS[1], teachers: [], groups: [group], room: null, weekPattern: { kind: 'EVERY' }, sequence: 0,
  });
  const lessons = expandTimetable({
    slots: [courseSlot(MATHS_LK, 1, 1), courseSlot(MATHS_LK, 1, 2), courseSlot(MATHS_LK, 2, 1), courseSlot(MATHS_LK, 2, 2), courseSlot(ENGLISH_GK, 1, 3)],
    periods: [], daysOff: DAYS_OFF, substitutions: [], from: '2026-11-23', to: '2026-11-29',
  });

  it('should count held and missed lessons per course; a whole Monday is a day', () => {
    const result = countAbsences({
      from: '2026-11-23', to: '2026-11-29', lessons, courseGroupIds: [MATHS_LK.id, ENGLISH_GK.id],
      absences: [days('2026-11-23', '2026-11-23', SICK_EXCUSED), periods('2026-11-24', 2, 2, OTHER_UNEXCUSED)],
    });

    expect(result.courses).toEqual([
      { groupId: MATHS_LK.id, lessonsHeld: 4, lessonsAbsent: 3, lessonsExcused: 2, lessonsUnexcused: 1, lessonsOpen: 0 },
      { groupId: ENGLISH_GK.id, lessonsHeld: 1, lessonsAbsent: 1, lessonsExcused: 1, lessonsUnexcused: 0, lessonsOpen: 0 },
    ]);
    expect(result.figures).toMatchObject({ schoolDays: 2, lessonsHeld: 5, daysExcused: 1, lessonsExcused: 3, lessonsUnexcused: 1 });
  });
});
