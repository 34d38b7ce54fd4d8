import type { SchoolProfile } from './demo-catalog';
import {
  addGroupMember, addMembership, findClass, lessonKey, type DemoClass, type DemoContext, type DemoSchool, type DemoTeacher,
} from './demo-context';
import type { PersonRow } from './demo-data.types';
import {
  addLogin, addStaffPerson, DEMO_TEACHER_LOGINS, type DemoSchools, type DemoTeacherLogin, type DemoTeacherPost,
} from './demo-logins';

// Teachers (TEACHER memberships with a Kürzel), class teachers and who teaches which class.
// Demo-login teachers come first with fixed lessons; a pool of generated teachers takes the rest,
// each open lesson going to the least loaded teacher qualified for the subject.

export function addTeachers(ctx: DemoContext, schools: DemoSchools): void {
  for (const login of DEMO_TEACHER_LOGINS) addDemoTeacher(ctx, schools, login);
  addPooledTeachers(ctx, schools.gym, ctx.size.gymnasium.teachers);
  addPooledTeachers(ctx, schools.gs, ctx.size.grundschule.teachers);
}

function addDemoTeacher(ctx: DemoContext, schools: DemoSchools, login: DemoTeacherLogin): void {
  const person = addStaffPerson(ctx, login, schools[login.posts[0].school].profile.emailDomain);
  for (const post of login.posts) addDemoTeacherPost(ctx, schools[post.school], person, post);
  const schoolNames = login.posts.map((post) => schools[post.school].row.name).join(' und ');
  addLogin(ctx, login.username, person, login.description, schoolNames);
}

function addDemoTeacherPost(ctx: DemoContext, school: DemoSchool, person: PersonRow, post: DemoTeacherPost): void {
  const teacher = addTeacher(ctx, school, person, post.abbreviation, post.subjects, false);
  for (const role of post.extraRoles ?? []) addMembership(ctx, person.id, role, { schoolId: school.row.id });
  for (const [className, subject] of post.lessons) school.plannedLessons.set(lessonKey(findClass(school, className), subject), teacher);
  for (const course of post.courses ?? []) school.fixedCourses.set(course, teacher);
  if (post.leadsClass) {
    findClass(school, post.leadsClass).classTeachers.push(teacher);
    teacher.classesLed++;
  }
}

/** Fills the school's staff up to `total` TEACHER memberships. */
function addPooledTeachers(ctx: DemoContext, school: DemoSchool, total: number): void {
  const used = new Set(school.teachers.map((t) => t.abbreviation));
  while (school.teachers.length < total) {
    const gender = ctx.people.gender();
    const name = { firstName: ctx.people.firstName(gender), lastName: ctx.people.lastName(), gender };
    const person = addStaffPerson(ctx, name, school.profile.emailDomain);
    const abbreviation = makeAbbreviation(name.firstName, name.lastName, used);
    used.add(abbreviation);
    addTeacher(ctx, school, person, abbreviation, drawSubjectPair(ctx, school.profile), true);
  }
}

function addTeacher(
  ctx: DemoContext, school: DemoSchool, person: PersonRow, abbreviation: string, subjects: readonly string[], isPooled: boolean,
): DemoTeacher {
  addMembership(ctx, person.id, 'TEACHER', { schoolId: school.row.id, abbreviation });
  const teacher: DemoTeacher = { person, abbreviation, subjects, load: 0, classesLed: 0, classesDeputised: 0, isPooled };
  school.teachers.push(teacher);
  return teacher;
}

/** German teachers teach two subjects (Fächerkombination). */
function drawSubjectPair(ctx: DemoContext, profile: SchoolProfile): string[] {
  const first = ctx.random.weighted(profile.teacherSubjects);
  const second = ctx.random.weighted(profile.teacherSubjects.filter(([subject]) => subject !== first));
  return [first, second];
}

/** Untis-style Kürzel: three letters of the surname ('MÜL'), then a letter of the first name or a digit if taken. */
export function makeAbbreviation(firstName: string, lastName: string, used: ReadonlySet<string>): string {
  const letters = (value: string) => value.replace(/[^A-Za-zÄÖÜäöüß]/g, '').toUpperCase().replace(/SS/g, 'S');
  const stem = (letters(lastName) || 'X').slice(0, 3);
  const candidates = [stem, `${stem}${letters(firstName).slice(0, 1)}`];
  for (let digit = 2; digit < 100; digit++) candidates.push(`${stem}${digit}`);
  const free = candidates.find((candidate) => candidate.length > 0 && !used.has(candidate));
  if (!free) throw new RangeError(`Demo data: no free Kürzel for ${firstName} ${lastName}`);
  return free;
}

/** Class teachers first (the Klassenleitung usually teaches the class too), then every lesson of every class. */
export function assignClassTeaching(ctx: DemoContext, school: DemoSchool): void {
  for (const schoolClass of school.classes) assignClassTeachers(ctx, school, schoolClass);
  for (const schoolClass of school.classes) {
    for (const subject of schoolClass.curriculum) {
      const teacher = school.plannedLessons.get(lessonKey(schoolClass, subject)) ?? pickTeacher(school, subject);
      if (addGroupMember(ctx, schoolClass.group, teacher.person.id, 'TEACHER')) teacher.load++;
    }
  }
}

function assignClassTeachers(ctx: DemoContext, school: DemoSchool, schoolClass: DemoClass): void {
  const pool = school.teachers.filter((t) => t.isPooled);
  if (schoolClass.classTeachers.length === 0) {
    const lead = leastBy(pool, (t) => t.classesLed * 1000 + t.classesDeputised);
    lead.classesLed++;
    schoolClass.classTeachers.push(lead);
    planLessonOfClassTeacher(school, schoolClass, lead);
  }
  const lead = schoolClass.classTeachers[0];
  const deputy = leastBy(pool.filter((t) => t !== lead), (t) => t.classesDeputised * 1000 + t.classesLed);
  deputy.classesDeputised++;
  schoolClass.classTeachers.push(deputy);
  schoolClass.classTeachers.forEach((teacher, position) =>
    addGroupMember(ctx, schoolClass.group, teacher.person.id, 'CLASS_TEACHER', position),
  );
}

function planLessonOfClassTeacher(school: DemoSchool, schoolClass: DemoClass, lead: DemoTeacher): void {
  const subject = schoolClass.curriculum.find((s) => lead.subjects.includes(s) && !school.plannedLessons.has(lessonKey(schoolClass, s)));
  if (subject) school.plannedLessons.set(lessonKey(schoolClass, subject), lead);
}

/** The least loaded pooled teacher of the subject; anyone from the pool if no one is qualified. */
export function pickTeacher(school: DemoSchool, subject: string): DemoTeacher {
  const pool = school.teachers.filter((t) => t.isPooled);
  const qualified = pool.filter((t) => t.subjects.includes(subject));
  return leastBy(qualified.length > 0 ? qualified : pool, (t) => t.load);
}

/** The first item with the lowest score (stable, so the result depends only on the seed). */
function leastBy<T>(items: readonly T[], score: (item: T) => number): T {
  if (items.length === 0) throw new RangeError('Demo data: no teacher left in the pool — raise the number of teachers');
  return items.reduce((best, item) => (score(item) < score(best) ? item : best));
}
