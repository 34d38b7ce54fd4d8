import { generateDemoData, type DemoDataset } from '../../../demo';
import { DEMO_TEACHER_LOGINS } from '../../../demo/demo-logins';
import { DEMO_TIME_GRID, demoSchoolSpec, demoUntisExport } from './demo-untis-export';
import { findConflicts, type UntisPlan } from './untis-plan';
import type { UntisSchoolSpec } from './untis-school-spec';

// The demo as the seeder uses it: a generated dataset, each school planned and written.
let cached: { dataset: DemoDataset; schools: Map<string, { spec: UntisSchoolSpec; plan: UntisPlan }> } | undefined;

function setup() {
  if (!cached) {
    const dataset = generateDemoData({ seed: 20260801, size: 'full', today: '2026-09-15' });
    const schools = new Map(dataset.schools.map((school) => {
      const { plan } = demoUntisExport(dataset, school.id);
      return [school.schoolNumber ?? '', { spec: plan.spec, plan }] as const;
    }));
    cached = { dataset, schools };
  }
  return cached;
}

const GYMNASIUM = '107401';
const GRUNDSCHULE = '107402';

function school(number: string) {
  const found = setup().schools.get(number);
  if (!found) throw new Error(`no demo school ${number}`);
  return found;
}

function teaches(plan: UntisPlan, teacher: string, className: string, subject?: string): boolean {
  return plan.lessons.some((lesson) => lesson.classes.includes(className)
    && lesson.lines.some((line) => line.teacher === teacher && (subject === undefined || line.subject === subject)));
}

describe.each([['Gymnasium', GYMNASIUM], ['Grundschule', GRUNDSCHULE]])('demo %s', (_, number) => {
  it('should place every period without double-booking a class, teacher or room', () => {
    const { plan } = school(number);

    expect(plan.unplaced).toEqual([]);
    expect(findConflicts(plan, { includePupils: false })).toEqual([]);
  });

  it('should give every class a full week: its Stundentafel plus religion and sport', () => {
    const { spec, plan } = school(number);
    const lessons = new Map(plan.lessons.map((l) => [l.number, l]));

    for (const schoolClass of spec.classes.filter((c) => (c.subjects?.length ?? 0) > 0)) {
      const periods = new Set(plan.placements.filter((p) => lessons.get(p.lessonNumber)?.classes.includes(schoolClass.name))
        .map((p) => `${p.weekday}/${p.period}`));
      expect(periods.size).toBeGreaterThanOrEqual(schoolClass.gradeLevel <= 4 ? 20 : 28);
      expect(Math.max(...[...periods].map((slot) => Number(slot.split('/')[1])))).toBeLessThanOrEqual(schoolClass.lastPeriod);
    }
  });

  it('should let the Klassenleitung teach their class wherever the demo has them teach it', () => {
    const { dataset } = setup();
    const { spec, plan } = school(number);
    const teachingLeads = spec.classes.filter((c) => c.classTeacher && dataset.groupMembers.some((m) => m.role === 'TEACHER'
      && dataset.groups.find((g) => g.id === m.groupId)?.name === c.name
      && dataset.memberships.some((ms) => ms.personId === m.personId && ms.abbreviation === c.classTeacher)));

    expect(teachingLeads.length).toBeGreaterThan(spec.classes.length / 2);
    for (const schoolClass of teachingLeads) expect(teaches(plan, schoolClass.classTeacher ?? '', schoolClass.name)).toBe(true);
  });

  it('should keep the demo\'s teaching: every teacher of a class in the dataset teaches it in the timetable', () => {
    const { dataset } = setup();
    const { spec, plan } = school(number);
    const schoolRow = dataset.schools.find((s) => s.schoolNumber === number);
    const kürzel = new Map(dataset.memberships.filter((m) => m.schoolId === schoolRow?.id && m.abbreviation).map((m) => [m.personId, m.abbreviation]));
    const classIds = new Map(dataset.groups.filter((g) => g.schoolId === schoolRow?.id && g.kind === 'CLASS').map((g) => [g.id, g.name]));

    const members = dataset.groupMembers.filter((m) => m.role === 'TEACHER' && classIds.has(m.groupId));

    expect(members.length).toBeGreaterThan(spec.classes.length);
    for (const member of members) expect(teaches(plan, kürzel.get(member.personId) ?? '', classIds.get(member.groupId) ?? '')).toBe(true);
  });

  it('should give the demo logins exactly their documented lessons and courses', () => {
    const { plan } = school(number);
    const key = number === GYMNASIUM ? 'gym' : 'gs';

    for (const post of DEMO_TEACHER_LOGINS.flatMap((login) => login.posts).filter((p) => p.school === key)) {
      const taught = plan.lessons.filter((l) => l.kind !== 'COURSE' && l.lines.some((line) => line.teacher === post.abbreviation));
      const courses = plan.lessons.filter((l) => l.kind === 'COURSE' && l.lines[0].teacher === post.abbreviation).map((l) => l.studentGroup);

      // A documented lesson may be one line of a coupling (sport of 4a is taught together with 4b).
      expect(taught).toHaveLength(post.lessons.length);
      for (const [className, subject] of post.lessons) expect(teaches(plan, post.abbreviation, className, subject)).toBe(true);
      expect(courses.sort()).toEqual([...(post.courses ?? [])].sort());
    }
  });

  it('should be the same spec for the same dataset', () => {
    const { dataset } = setup();
    const schoolId = dataset.schools.find((s) => s.schoolNumber === number)?.id ?? '';

    expect(demoSchoolSpec(dataset, schoolId)).toEqual(school(number).spec);
  });
});

describe('demo Gymnasium', () => {
  it('should let the Klassenleitung of 7b (gym.klassenleitung, WEI) teach German there', () => {
    const { spec, plan } = school(GYMNASIUM);

    expect(spec.classes.find((c) => c.name === '7b')?.classTeacher).toBe('WEI');
    expect(teaches(plan, 'WEI', '7b', 'D')).toBe(true);
  });

  it('should make every demo course a lesson of its year group with the course as student group and its pupils', () => {
    const { dataset } = setup();
    const { spec, plan } = school(GYMNASIUM);
    const courses = dataset.groups.filter((g) => g.kind === 'COURSE' && g.schoolId === dataset.schools.find((s) => s.schoolNumber === GYMNASIUM)?.id);

    for (const course of courses) {
      const lesson = plan.lessons.find((l) => l.studentGroup === course.name);
      const members = dataset.groupMembers.filter((m) => m.groupId === course.id && m.role === 'PUPIL');
      expect(lesson?.classes).toEqual([String(course.gradeLevel)]);
      expect(lesson?.lines[0].pupils).toHaveLength(members.length);
    }
    expect(spec.courses).toHaveLength(courses.length);
  });

  it('should couple religion/ethics per grade with ER, KR and Ethik lines', () => {
    const { plan } = school(GYMNASIUM);

    const religion7 = plan.lessons.find((l) => l.text === 'Religion/Ethik 7');

    expect(religion7?.classes).toEqual(['7a', '7b', '7c', '7d']);
    expect(religion7?.lines.map((line) => line.subject).slice(0, 3)).toEqual(['ER', 'KR', 'ETH']);
  });

  it('should keep overlaps of freely chosen courses rare (the demo has no bands)', () => {
    const { spec, plan } = school(GYMNASIUM);
    const upperSchoolPeriods = plan.lessons.filter((l) => l.kind === 'COURSE').reduce((sum, l) => sum + l.periodsPerWeek * l.lines[0].pupils.length, 0);

    const overlaps = findConflicts(plan).filter((c) => c.resource.startsWith('pupil:')).length;

    expect(spec.courseChoiceClashes).toBe('avoid');
    expect(overlaps / upperSchoolPeriods).toBeLessThan(0.15);
  });
});

describe('DEMO_TIME_GRID', () => {
  it('should have periods 1–8 of 45 minutes, Monday to Friday', () => {
    const minutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3));

    expect(DEMO_TIME_GRID).toHaveLength(40);
    for (const slot of DEMO_TIME_GRID) expect(minutes(slot.endsAt) - minutes(slot.startsAt)).toBe(45);
    expect(DEMO_TIME_GRID.slice(0, 2)).toEqual([
      { weekday: 1, period: 1, startsAt: '08:00', endsAt: '08:45' }, { weekday: 1, period: 2, startsAt: '08:50', endsAt: '09:35' },
    ]);
  });
});
