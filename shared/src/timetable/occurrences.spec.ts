import {
  DayOffInput,
  expandTimetable,
  ExpandTimetableInput,
  LessonOccurrence,
  PeriodTimeInput,
  SubstitutionInput,
  TimetableSlotInput,
} from './occurrences';

// Week of Monday 2026-09-14 … Sunday 2026-09-20 (ISO week 38), Berlin term time.
const MONDAY = '2026-09-14';
const NEXT_MONDAY = '2026-09-21';

const MATHS = { id: 'sub-m', shortName: 'M', name: 'Mathematik' };
const GERMAN = { id: 'sub-d', shortName: 'D', name: 'Deutsch' };
const ENGLISH = { id: 'sub-e', shortName: 'E', name: 'Englisch' };
const MUELLER = { id: 't-mul', abbreviation: 'MÜL', name: 'Müller' };
const SCHMIDT = { id: 't-sch', abbreviation: 'SCH', name: 'Schmidt' };
const CLASS_7B = { id: 'g-7b', name: '7b', kind: 'CLASS' as const };
const ROOM_101 = { id: 'r-101', shortName: '101' };
const ROOM_202 = { id: 'r-202', shortName: '202' };

function slot(overrides: Partial<TimetableSlotInput> = {}): TimetableSlotInput {
  return {
    entryId: 'entry-1', lessonId: 'lesson-1-v1', lessonLineageId: 'lesson-1',
    weekday: 1, period: 1, validFrom: '2026-08-01', validTo: null,
    subject: MATHS, teachers: [MUELLER], groups: [CLASS_7B], room: ROOM_101,
    weekPattern: { kind: 'EVERY' }, sequence: 0,
    ...overrides,
  };
}

function substitution(overrides: Partial<SubstitutionInput> = {}): SubstitutionInput {
  return { id: 'subst-1', date: MONDAY, period: 1, lessonLineageId: 'lesson-1', kind: 'SUBSTITUTE', revision: 0, ...overrides };
}

const PERIODS: PeriodTimeInput[] = [1, 2, 3, 4, 5].flatMap((weekday) => [
  { weekday, period: 1, startsAt: '08:00', endsAt: '08:45' },
  { weekday, period: 2, startsAt: '08:50', endsAt: '09:35' },
]);

function expand(input: Partial<ExpandTimetableInput>): LessonOccurrence[] {
  return expandTimetable({ slots: [], periods: PERIODS, daysOff: [], substitutions: [], from: MONDAY, to: '2026-09-20', ...input });
}

const datesOf = (occurrences: LessonOccurrence[]) => occurrences.map((occurrence) => occurrence.date);

describe('expandTimetable', () => {
  describe('regular lessons', () => {
    it('should place a slot on its weekday with the times of its period', () => {
      const occurrences = expand({ slots: [slot({ weekday: 3, period: 2, sequence: 4 })] });

      expect(occurrences).toEqual([{
        uid: 'lesson-1-2026-09-16-2', date: '2026-09-16', period: 2, startsAt: '08:50', endsAt: '09:35',
        subject: MATHS, teachers: [MUELLER], groups: [CLASS_7B], room: ROOM_101,
        status: 'REGULAR', sequence: 4, lessonId: 'lesson-1-v1', entryId: 'entry-1', substitutionId: null, lessonLineageId: 'lesson-1',
      }]);
    });

    it('should repeat weekly within [from, to] only', () => {
      const occurrences = expand({ slots: [slot()], from: '2026-09-15', to: '2026-10-05' });

      expect(datesOf(occurrences)).toEqual(['2026-09-21', '2026-09-28', '2026-10-05']);
    });

    it('should respect the validity range of each slot version (inclusive)', () => {
      const before = slot({ entryId: 'v1', validFrom: '2026-08-01', validTo: '2026-09-21', room: ROOM_101 });
      const after = slot({ entryId: 'v2', validFrom: '2026-09-22', validTo: '2026-10-05', room: ROOM_202 });

      const occurrences = expand({ slots: [before, after], from: MONDAY, to: '2026-10-31' });

      expect(occurrences.map((o) => [o.date, o.room?.shortName])).toEqual([
        ['2026-09-14', '101'], ['2026-09-21', '101'], ['2026-09-28', '202'], ['2026-10-05', '202'],
      ]);
    });

    it('when an A/B week pattern is set → should appear every other week', () => {
      const weekA = slot({ weekPattern: { kind: 'CYCLE', length: 2, weeks: [1], anchorMonday: '2026-08-17' } });

      const occurrences = expand({ slots: [weekA], from: '2026-08-17', to: '2026-09-20' });

      expect(datesOf(occurrences)).toEqual(['2026-08-17', '2026-08-31', '2026-09-14']);
    });

    it('when the time grid lacks the period → should keep the lesson without times', () => {
      const occurrences = expand({ slots: [slot({ period: 9 })] });

      expect(occurrences).toHaveLength(1);
      expect(occurrences[0]).toMatchObject({ period: 9, startsAt: null, endsAt: null });
    });

    it('when from is after to → should return nothing', () => {
      expect(expand({ slots: [slot()], from: '2026-09-20', to: MONDAY })).toEqual([]);
    });

    it('should sort by date, period and subject', () => {
      const slots = [
        slot({ lessonLineageId: 'm-tue', weekday: 2, period: 1, subject: MATHS }),
        slot({ lessonLineageId: 'd-mon-2', weekday: 1, period: 2, subject: GERMAN }),
        slot({ lessonLineageId: 'm-mon-1', weekday: 1, period: 1, subject: MATHS }),
        slot({ lessonLineageId: 'e-mon-1', weekday: 1, period: 1, subject: ENGLISH }),
      ];

      const occurrences = expand({ slots });

      expect(occurrences.map((o) => `${o.date} ${o.period} ${o.subject?.shortName}`)).toEqual([
        '2026-09-14 1 E', '2026-09-14 1 M', '2026-09-14 2 D', '2026-09-15 1 M',
      ]);
    });
  });

  describe('days off', () => {
    const autumnHolidays: DayOffInput = { startsOn: '2026-10-19', endsOn: '2026-10-31', name: 'Herbstferien', kind: 'HOLIDAY' };

    it('should leave out lessons on holidays, including first and last day', () => {
      const occurrences = expand({ slots: [slot()], daysOff: [autumnHolidays], from: '2026-10-12', to: '2026-11-02' });

      expect(datesOf(occurrences)).toEqual(['2026-10-12', '2026-11-02']);
    });

    it('should ignore substitutions on days off, extra lessons too', () => {
      const dayOff: DayOffInput = { startsOn: MONDAY, endsOn: MONDAY, name: 'Unterrichtsfreier Tag', kind: 'NO_LESSONS' };
      const substitutions = [
        substitution({ kind: 'CANCELLED' }),
        substitution({ id: 'extra', kind: 'EXTRA', lessonLineageId: null, period: 2 }),
      ];

      expect(expand({ slots: [slot()], daysOff: [dayOff], substitutions })).toEqual([]);
    });
  });

  describe('substitutions', () => {
    it('when cancelled → should keep the lesson as it was, marked CANCELLED, with a higher sequence', () => {
      const cancellation = substitution({ id: 's-9', kind: 'CANCELLED', text: 'Klassenfahrt', revision: 2 });

      const [occurrence] = expand({ slots: [slot({ sequence: 3 })], substitutions: [cancellation] });

      expect(occurrence).toMatchObject({
        uid: 'lesson-1-2026-09-14-1', status: 'CANCELLED', substitutionKind: 'CANCELLED', text: 'Klassenfahrt',
        subject: MATHS, teachers: [MUELLER], room: ROOM_101, sequence: 3 + 2 + 1, substitutionId: 's-9', entryId: 'entry-1',
      });
      expect(occurrence.original).toBeUndefined();
    });

    it('when a substitute teacher and room are given → should apply them and keep the original', () => {
      const change = substitution({ substituteTeachers: [SCHMIDT], substituteRoom: ROOM_202, text: 'Vertretung' });

      const [occurrence] = expand({ slots: [slot()], substitutions: [change] });

      expect(occurrence).toMatchObject({
        uid: 'lesson-1-2026-09-14-1', status: 'CHANGED', substitutionKind: 'SUBSTITUTE',
        subject: MATHS, teachers: [SCHMIDT], room: ROOM_202, groups: [CLASS_7B], sequence: 1,
        original: { subject: MATHS, teachers: [MUELLER], room: ROOM_101 },
      });
    });

    it('when only the room changes → should keep the teachers (an empty list means unchanged)', () => {
      const roomChange = substitution({ kind: 'ROOM_CHANGE', substituteTeachers: [], substituteRoom: ROOM_202 });

      const [occurrence] = expand({ slots: [slot()], substitutions: [roomChange] });

      expect(occurrence).toMatchObject({ status: 'CHANGED', teachers: [MUELLER], room: ROOM_202 });
    });

    it('should only touch the occurrence on its date and period', () => {
      const slots = [slot({ period: 1 }), slot({ entryId: 'entry-2', period: 2 })];

      const occurrences = expand({ slots, substitutions: [substitution({ kind: 'CANCELLED', period: 2 })], to: '2026-09-21' });

      expect(occurrences.map((o) => `${o.date}/${o.period} ${o.status}`)).toEqual([
        '2026-09-14/1 REGULAR', '2026-09-14/2 CANCELLED', '2026-09-21/1 REGULAR', '2026-09-21/2 REGULAR',
      ]);
    });

    it('should ignore substitutions outside [from, to]', () => {
      const occurrences = expand({ slots: [slot()], substitutions: [substitution({ date: NEXT_MONDAY, kind: 'EXTRA', id: 'x' })] });

      expect(occurrences.map((o) => o.status)).toEqual(['REGULAR']);
    });

    it('when several apply to one lesson → the last one in input order wins', () => {
      const first = substitution({ id: 'first', kind: 'CANCELLED' });
      const second = substitution({ id: 'second', substituteTeachers: [SCHMIDT] });

      const [occurrence] = expand({ slots: [slot()], substitutions: [first, second] });

      expect(occurrence).toMatchObject({ substitutionId: 'second', status: 'CHANGED', teachers: [SCHMIDT] });
    });
  });

  describe('extra lessons', () => {
    it('when not tied to a lesson → should add an occurrence with its own uid and the grid times', () => {
      const extra = substitution({
        id: 'x1', kind: 'EXTRA', lessonLineageId: null, period: 2, revision: 1,
        substituteSubject: GERMAN, substituteTeachers: [SCHMIDT], substituteRoom: ROOM_202, groups: [CLASS_7B], text: 'Förderunterricht',
      });

      const occurrences = expand({ substitutions: [extra] });

      expect(occurrences).toEqual([{
        uid: 'sub-x1', date: MONDAY, period: 2, startsAt: '08:50', endsAt: '09:35',
        subject: GERMAN, teachers: [SCHMIDT], groups: [CLASS_7B], room: ROOM_202,
        status: 'EXTRA', substitutionKind: 'EXTRA', text: 'Förderunterricht', sequence: 2,
        lessonId: null, entryId: null, substitutionId: 'x1', lessonLineageId: null,
      }]);
    });

    it('when EXTRA names a lesson that runs in that period → should add it beside the regular one', () => {
      const extra = substitution({ id: 'x2', kind: 'EXTRA' });

      const occurrences = expand({ slots: [slot()], substitutions: [extra] });

      expect(occurrences.map((o) => `${o.uid} ${o.status}`)).toEqual(['lesson-1-2026-09-14-1 REGULAR', 'sub-x2 EXTRA']);
    });

    it('when a shifted lesson lands where it does not run → should add it with the lesson\'s subject, teachers and groups', () => {
      const moved = substitution({ id: 'moved', kind: 'SHIFTED', date: '2026-09-17', period: 1, substituteRoom: ROOM_202 });

      const occurrences = expand({ slots: [slot({ sequence: 2 })], substitutions: [moved] });

      expect(occurrences[1]).toMatchObject({
        uid: 'sub-moved', date: '2026-09-17', status: 'EXTRA', substitutionKind: 'SHIFTED',
        subject: MATHS, teachers: [MUELLER], groups: [CLASS_7B], room: ROOM_202, lessonId: 'lesson-1-v1', entryId: null, sequence: 3,
      });
    });
  });

  describe('coupled lessons in one slot', () => {
    const slots = [
      slot({ entryId: 'e-m', lessonLineageId: 'coupled-m', subject: MATHS, teachers: [MUELLER], room: ROOM_101 }),
      slot({ entryId: 'e-e', lessonLineageId: 'coupled-e', subject: ENGLISH, teachers: [SCHMIDT], room: ROOM_202 }),
    ];

    it('should yield one occurrence per lesson', () => {
      const occurrences = expand({ slots });

      expect(occurrences.map((o) => o.uid)).toEqual(['coupled-e-2026-09-14-1', 'coupled-m-2026-09-14-1']);
    });

    it('should apply a substitution to its own lesson only', () => {
      const occurrences = expand({ slots, substitutions: [substitution({ lessonLineageId: 'coupled-m', kind: 'CANCELLED' })] });

      expect(occurrences.map((o) => `${o.subject?.shortName} ${o.status}`)).toEqual(['E REGULAR', 'M CANCELLED']);
    });
  });

  it('when one lesson has two entries in the same period → should keep UIDs unique, independent of input order', () => {
    const inRoom101 = slot({ entryId: 'entry-a', room: ROOM_101 });
    const inRoom202 = slot({ entryId: 'entry-b', room: ROOM_202 });

    const forward = expand({ slots: [inRoom101, inRoom202] }).map((o) => o.uid);
    const backward = expand({ slots: [inRoom202, inRoom101] }).map((o) => o.uid);

    expect(forward).toEqual(['lesson-1-2026-09-14-1', 'lesson-1-2026-09-14-1-entry-b']);
    expect(backward).toEqual(forward);
  });
});
