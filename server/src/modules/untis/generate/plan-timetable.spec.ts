import { planTimetable } from './plan-timetable';
import { findConflicts, type UntisPlan } from './untis-plan';
import { smallSchool, teacher } from './testing/small-school';

function periodsOf(plan: UntisPlan, lessonNumber: number) {
  return plan.placements.filter((p) => p.lessonNumber === lessonNumber);
}

function lessonOf(plan: UntisPlan, className: string, subject: string) {
  const lesson = plan.lessons.find((l) => l.classes.includes(className) && l.lines.some((line) => line.subject === subject));
  if (!lesson) throw new Error(`no lesson ${className} ${subject}`);
  return lesson;
}

describe('planTimetable', () => {
  describe('when a school has every kind of lesson', () => {
    const setup = () => planTimetable(smallSchool(), 7);

    it('should place every period of every lesson', () => {
      const plan = setup();

      expect(plan.unplaced).toEqual([]);
      for (const lesson of plan.lessons) expect(periodsOf(plan, lesson.number)).toHaveLength(lesson.periodsPerWeek);
    });

    it('should double-book no class, teacher, room or course pupil', () => {
      expect(findConflicts(setup())).toEqual([]);
    });

    it('should make one lesson per class × subject, leaving out what a coupling teaches', () => {
      const plan = setup();

      const classLessons = plan.lessons.filter((l) => l.kind === 'CLASS' && l.classes[0] === '7a').map((l) => l.lines[0].subject);

      expect(classLessons.sort()).toEqual(['BIO', 'D', 'E', 'GE', 'KU', 'M']);
    });

    it('should couple religion as one lesson number with a line and a distinct teacher per group', () => {
      const religion = lessonOf(setup(), '7a', 'ER');

      expect(religion.kind).toBe('COUPLING');
      expect(religion.classes).toEqual(['7a', '7b']);
      expect(religion.lines.map((line) => line.subject)).toEqual(['ER', 'KR', 'ETH']);
      expect(religion.lines.map((line) => line.teacher)).toEqual(['BEC', 'HOF', 'KLE']);
    });

    it('should keep a double period in two consecutive periods of one day', () => {
      const plan = setup();
      const maths = lessonOf(plan, '7a', 'M');

      const days = new Map<number, number[]>();
      for (const p of periodsOf(plan, maths.number)) days.set(p.weekday, [...(days.get(p.weekday) ?? []), p.period]);

      expect([...days.values()].some((periods) => periods.length === 2 && Math.abs(periods[0] - periods[1]) === 1)).toBe(true);
    });

    it('should alternate two biweekly subjects of a class in the same double period (UW/GW)', () => {
      const plan = setup();
      const history = lessonOf(plan, '7a', 'GE');
      const art = lessonOf(plan, '7a', 'KU');

      const slots = (number: number) => periodsOf(plan, number).map((p) => `${p.weekday}/${p.period}`);

      expect([history.weekGroup, art.weekGroup]).toEqual(['UW', 'GW']);
      expect(history.periodsPerWeek).toBe(2);
      expect(slots(history.number)).toEqual(slots(art.number));
    });

    it('should put both sport groups of a class pair in the one hall', () => {
      const plan = setup();
      const sport = lessonOf(plan, '7a', 'SP');

      for (const p of periodsOf(plan, sport.number)) expect(p.rooms).toEqual(['TH1', 'TH1']);
    });

    it('should run the courses of a band at the same time and courses as lessons of the year group', () => {
      const plan = setup();
      const german = plan.lessons.find((l) => l.studentGroup === 'DG1_Q1');
      const maths = plan.lessons.find((l) => l.studentGroup === 'MG1_Q1');

      const slots = (number = 0) => periodsOf(plan, number).map((p) => `${p.weekday}/${p.period}`);

      expect(german).toMatchObject({ kind: 'COURSE', classes: ['Q1'], lines: [{ subject: 'D  G1', pupils: ['P1', 'P2'] }] });
      expect(slots(german?.number)).toEqual(slots(maths?.number));
      expect(german?.lines[0].teacher).not.toBe(maths?.lines[0].teacher);
    });

    it('should end a primary class day by its last period', () => {
      const plan = setup();
      const primary = new Set(plan.lessons.filter((l) => l.classes.includes('2a')).map((l) => l.number));

      const periods = plan.placements.filter((p) => primary.has(p.lessonNumber)).map((p) => p.period);

      expect(Math.max(...periods)).toBeLessThanOrEqual(5);
    });

    it('should teach ordinary lessons in the home room and a lab subject in its lab', () => {
      const plan = setup();

      for (const p of periodsOf(plan, lessonOf(plan, '7b', 'D').number)) expect(p.rooms).toEqual(['R102']);
      for (const p of periodsOf(plan, lessonOf(plan, '7b', 'BIO').number)) expect(p.rooms).toEqual(['BIO1']);
    });

    it('should honour fixed teachers and give the class teacher a lesson in the class', () => {
      const plan = setup();

      expect(lessonOf(plan, '7b', 'D').lines[0].teacher).toBe('MÜL');
      expect(plan.lessons.some((l) => l.classes.includes('7a') && l.lines.some((line) => line.teacher === 'WOL'))).toBe(true);
    });
  });

  describe('determinism', () => {
    it('should give the same plan for the same spec and seed', () => {
      expect(planTimetable(smallSchool(), 3)).toEqual(planTimetable(smallSchool(), 3));
    });

    it('should give another valid plan for another seed', () => {
      const first = planTimetable(smallSchool(), 3);
      const second = planTimetable(smallSchool(), 4);

      expect(second.placements).not.toEqual(first.placements);
      expect(findConflicts(second)).toEqual([]);
    });
  });

  describe('when one teacher is the only one qualified for two courses of a band', () => {
    it('should give the second course another teacher rather than double-book one', () => {
      const spec = smallSchool();
      spec.teachers = spec.teachers.filter((t) => !['MÜL', 'BEC', 'WOL', 'SCH', 'HOF'].includes(t.shortName));
      spec.teachers.push(teacher('ALL', ['M', 'D']));
      spec.fixedTeachers = [];

      const plan = planTimetable(spec, 1);
      const bandTeachers = plan.lessons.filter((l) => ['DG1_Q1', 'MG1_Q1'].includes(l.studentGroup ?? '')).map((l) => l.lines[0].teacher);

      expect(new Set(bandTeachers).size).toBe(2);
      expect(findConflicts(plan)).toEqual([]);
    });
  });
});
