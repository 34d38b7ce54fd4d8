import {
  ADVANCED_COURSE_WEIGHTS, BASIC_COURSES_PER_PUPIL, CORE_BASIC_COURSES, COURSE_CODES, ELECTIVE_BASIC_COURSES,
} from './demo-catalog';
import { addGroupMember, type DemoClass, type DemoContext, type DemoPupil, type DemoSchool } from './demo-context';
import type { GroupRow } from './demo-data.types';
import { pickTeacher } from './demo-staff';

// Upper school (grades 11 and 12): each pupil takes two Leistungskurse (L) and several Grundkurse (G);
// the pupils choosing a subject at a level are split into courses of about courseSize.
// Course numbers run on across both grades ('ma-L1', 'ma-L2' in 11, 'ma-L3' in 12), because a
// group's name is unique per school year and kind.

type CourseLevel = 'L' | 'G';
const LEVELS: readonly CourseLevel[] = ['L', 'G'];

interface CourseChoice {
  subject: string;
  level: CourseLevel;
}

export function addUpperSchoolCourses(ctx: DemoContext, gym: DemoSchool): void {
  const lastNumber = new Map<string, number>();
  for (const yearGroup of gym.classes.filter((c) => c.isYearGroup)) {
    const participants = collectParticipants(ctx, gym, yearGroup);
    for (const level of LEVELS) {
      for (const [subject] of gym.profile.subjects) {
        const pupils = participants.get(`${level}/${subject}`);
        if (pupils) addCourses(ctx, gym, yearGroup, { subject, level }, pupils, lastNumber);
      }
    }
  }
  const names = new Set(ctx.tables.groups.filter((g) => g.kind === 'COURSE').map((g) => g.name));
  for (const course of gym.fixedCourses.keys()) {
    if (!names.has(course)) throw new RangeError(`Demo data: the demo course ${course} was not created`);
  }
}

/** Pupils of the year group by `${level}/${subject}`. */
function collectParticipants(ctx: DemoContext, gym: DemoSchool, yearGroup: DemoClass): Map<string, DemoPupil[]> {
  const participants = new Map<string, DemoPupil[]>();
  for (const pupil of gym.pupils.filter((p) => p.schoolClass === yearGroup)) {
    for (const choice of chooseCourses(ctx)) {
      const key = `${choice.level}/${choice.subject}`;
      const list = participants.get(key);
      if (list) list.push(pupil);
      else participants.set(key, [pupil]);
    }
  }
  return participants;
}

function chooseCourses(ctx: DemoContext): CourseChoice[] {
  const first = ctx.random.weighted(ADVANCED_COURSE_WEIGHTS);
  const second = ctx.random.weighted(ADVANCED_COURSE_WEIGHTS.filter(([subject]) => subject !== first));
  const advanced = [first, second];
  const core = CORE_BASIC_COURSES.filter((subject) => !advanced.includes(subject));
  const electives = ctx.random.shuffle(ELECTIVE_BASIC_COURSES.filter((subject) => !advanced.includes(subject)));
  const basic = [...core, ...electives.slice(0, Math.max(0, BASIC_COURSES_PER_PUPIL - core.length))];
  return [
    ...advanced.map((subject) => ({ subject, level: 'L' as const })),
    ...basic.map((subject) => ({ subject, level: 'G' as const })),
  ];
}

function addCourses(
  ctx: DemoContext, gym: DemoSchool, yearGroup: DemoClass, choice: CourseChoice, pupils: readonly DemoPupil[],
  lastNumber: Map<string, number>,
): void {
  const prefix = `${COURSE_CODES[choice.subject]}-${choice.level}`;
  const count = Math.max(1, Math.round(pupils.length / ctx.size.gymnasium.courseSize));
  for (let index = 0; index < count; index++) {
    const number = (lastNumber.get(prefix) ?? 0) + 1;
    lastNumber.set(prefix, number);
    const course = addCourseGroup(ctx, gym, yearGroup.gradeLevel, choice.subject, `${prefix}${number}`);
    const teacher = gym.fixedCourses.get(course.name) ?? pickTeacher(gym, choice.subject);
    if (addGroupMember(ctx, course, teacher.person.id, 'TEACHER')) teacher.load++;
    pupils.filter((_, i) => i % count === index).forEach((pupil) => addGroupMember(ctx, course, pupil.person.id, 'PUPIL'));
  }
}

function addCourseGroup(ctx: DemoContext, gym: DemoSchool, gradeLevel: number, subject: string, name: string): GroupRow {
  const subjectRow = gym.subjects.get(subject);
  if (!subjectRow) throw new RangeError(`Demo data: ${gym.profile.name} has no subject ${subject}`);
  const group: GroupRow = {
    id: ctx.ids.uuid(), schoolId: gym.row.id, schoolYearId: gym.year.id,
    kind: 'COURSE', name, gradeLevel, subjectId: subjectRow.id, externalId: null,
  };
  ctx.tables.groups.push(group);
  return group;
}
