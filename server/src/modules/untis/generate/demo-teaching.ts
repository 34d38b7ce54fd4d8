import type { GroupRow } from '../../../demo/demo-data.types';
import type { DemoTeacherLogin } from '../../../demo/demo-logins';
import { classIndex, courseLevel, isYearGroup, type DemoSchoolRows } from './demo-school-rows';
import { COURSE_HOURS, RELIGION_HOURS } from './stundentafeln';
import type { CurriculumRow, FixedTeacherSpec } from './untis-school-spec';

// The demo dataset records who teaches a class (group_members TEACHER) but not which subject, and
// it stores no teacher qualifications. This recovers a consistent Lehrereinsatz from it: every
// teacher of a class teaches one of its subjects there, a teacher keeps teaching the same few
// subjects across classes, the demo logins keep their documented lessons, and the Klassenleitung
// teaches their class where the demo leaves a subject for them (it does for 7b: gym.klassenleitung).

export interface DemoTeaching {
  /** Kürzel of the demo logins, who teach only their documented lessons */
  loginTeachers: Set<string>;
  /** Subjects per Kürzel: the demo logins' own, their courses' subjects, and what they were given here. */
  subjectsByTeacher: Map<string, Set<string>>;
  /** Teacher of every class × curriculum subject */
  fixed: FixedTeacherSpec[];
}

/** A teacher takes up to this many subjects before a third is considered. */
const SUBJECTS_PER_TEACHER = 2;
/** Weekly periods a teacher gets at most from this inference while others have room (full Deputat). */
const MAX_WEEKLY_HOURS = 26;
/** Above this a teacher of a class in the dataset is given no lesson in it: the week would not hold it. */
const OVERLOAD_HOURS = 28;

export function inferDemoTeaching(
  rows: DemoSchoolRows, logins: readonly DemoTeacherLogin[], curriculum: readonly CurriculumRow[],
): DemoTeaching {
  const inference = new TeachingInference(rows, curriculum);
  inference.addLogins(logins);
  inference.addCourses();
  for (const group of rows.classes.filter((g) => !isYearGroup(g))) inference.assignClass(group);
  return { subjectsByTeacher: inference.subjects, fixed: inference.fixed, loginTeachers: inference.loginTeachers };
}

class TeachingInference {
  readonly subjects = new Map<string, Set<string>>();
  readonly fixed: FixedTeacherSpec[] = [];
  private readonly presets = new Map<string, string>();
  /** Demo logins: they teach exactly their documented lessons, nothing this inference adds. */
  readonly loginTeachers = new Set<string>();
  /** Weekly periods given so far */
  private readonly hours = new Map<string, number>();

  constructor(private readonly rows: DemoSchoolRows, private readonly curriculum: readonly CurriculumRow[]) {
    for (const abbreviation of rows.abbreviations.values()) this.subjects.set(abbreviation, new Set());
  }

  addLogins(logins: readonly DemoTeacherLogin[]): void {
    for (const post of logins.flatMap((login) => login.posts).filter((p) => p.school === this.rows.profile.key)) {
      this.loginTeachers.add(post.abbreviation);
      post.subjects.forEach((subject) => this.learn(post.abbreviation, subject));
      for (const [className, subject] of post.lessons) this.presets.set(`${className}/${subject}`, post.abbreviation);
    }
  }

  /** Course teachers are the dataset's; their course hours count towards their Deputat. */
  addCourses(): void {
    const subjectNames = new Map(this.rows.dataset.subjects.map((s) => [s.id, s.shortName]));
    for (const course of this.rows.courses) {
      const subject = subjectNames.get(course.subjectId ?? '');
      for (const teacher of this.membersOf(course, 'TEACHER')) {
        if (subject) this.learn(teacher, subject);
        this.hours.set(teacher, this.hoursGiven(teacher) + COURSE_HOURS[courseLevel(course.name)].weeklyHours);
      }
    }
  }

  assignClass(group: GroupRow): void {
    const subjects = this.rows.profile.curriculum(group.gradeLevel ?? 0, classIndex(group.name));
    // The dataset's teachers of the class; the Klassenleitung only when a subject is left for them
    // (the demo does not always let them teach their class, and every subject has one teacher).
    const members = this.membersOf(group, 'TEACHER').filter((teacher) => !this.loginTeachers.has(teacher));
    const lead = this.membersOf(group, 'CLASS_TEACHER', 0).filter((teacher) => !this.loginTeachers.has(teacher));
    const assigned = new Assignments(group.name, (subject) => this.hoursOf(group.gradeLevel ?? 0, subject));
    for (const subject of subjects) {
      const preset = this.presets.get(`${group.name}/${subject}`);
      if (preset) assigned.set(subject, preset, true);
    }
    this.giveEveryMemberASubject(subjects, members, assigned);
    this.giveEveryMemberASubject(subjects, lead, assigned, false);
    this.assignKnownSubjects(subjects, members, assigned);
    this.assignTheRest(subjects, members, assigned);
    this.commit(assigned);
  }

  private commit(assigned: Assignments): void {
    for (const [subject, teacher] of assigned.entries()) {
      this.fixed.push({ className: assigned.className, subject, teacher });
      this.learn(teacher, subject);
      this.hours.set(teacher, this.hoursGiven(teacher) + assigned.hoursOf(subject));
    }
  }

  /** Coupled subjects (Ethik, sport) count too: their lines go to these teachers. */
  private hoursOf(gradeLevel: number, subject: string): number {
    const row = this.curriculum.find((r) => r.gradeLevel === gradeLevel && r.subject === subject);
    if (row) return row.isBiweekly ? 2 : row.weeklyHours;
    return subject === 'ETH' ? RELIGION_HOURS : 0;
  }

  /** Subjects a member already teaches elsewhere stay with them, spread over the members. */
  private assignKnownSubjects(subjects: readonly string[], members: readonly string[], assigned: Assignments): void {
    for (const subject of subjects.filter((s) => !assigned.has(s))) {
      const knowing = members.filter((t) => this.knows(t, subject) && this.hasRoomFor(t, assigned.hoursOf(subject), assigned));
      const fresh = knowing.filter((t) => !assigned.isTeaching(t));
      const teacher = this.leastBusy(fresh.length > 0 ? fresh : knowing, assigned);
      if (teacher) assigned.set(subject, teacher);
    }
  }

  /**
   * The demo made each member a teacher of the class for some subject: give them one, preferably one
   * they teach elsewhere. Members with the fewest such choices go first, so they keep theirs.
   */
  private giveEveryMemberASubject(subjects: readonly string[], members: readonly string[], assigned: Assignments, mayTakeOver = true): void {
    const known = (teacher: string) => subjects.filter((s) => !assigned.has(s) && this.knows(teacher, s));
    // A member the dataset has overloaded keeps out: the week has no slots left for them.
    const waiting = members.filter((t) => !assigned.isTeaching(t) && this.hoursGiven(t) + assigned.hoursFor(t) < OVERLOAD_HOURS)
      .sort((a, b) => known(a).length - known(b).length);
    for (const teacher of waiting) {
      const open = subjects.filter((s) => !assigned.has(s));
      if (open.length === 0) {
        if (mayTakeOver) this.takeOverASubject(teacher, assigned);
        continue;
      }
      const fitting = open.filter((s) => this.hasRoomFor(teacher, assigned.hoursOf(s), assigned));
      const subject = known(teacher)[0]
        ?? fitting.find(() => this.subjectCount(teacher) < SUBJECTS_PER_TEACHER) ?? fitting[0]
        ?? [...open].sort((a, b) => assigned.hoursOf(a) - assigned.hoursOf(b))[0];
      assigned.set(subject, teacher);
    }
  }

  /** More members than open subjects: one who teaches two subjects here hands one over. */
  private takeOverASubject(teacher: string, assigned: Assignments): void {
    const handOver = assigned.entries()
      .filter(([subject, other]) => !assigned.isPreset(subject) && assigned.subjectsOf(other).length > 1)
      .sort(([a], [b]) => Number(this.knows(teacher, b)) - Number(this.knows(teacher, a)))[0];
    if (handOver) assigned.set(handOver[0], teacher);
  }

  /** What is left goes to members who know the subject, else to anyone at the school with room. */
  private assignTheRest(subjects: readonly string[], members: readonly string[], assigned: Assignments): void {
    const everyone = [...this.subjects.keys()].filter((teacher) => !this.loginTeachers.has(teacher));
    for (const subject of subjects.filter((s) => !assigned.has(s))) {
      const hours = assigned.hoursOf(subject);
      const withRoom = (pool: readonly string[]) => pool.filter((t) => this.hasRoomFor(t, hours, assigned));
      const teacher = this.leastBusy(withRoom(members).filter((t) => this.knows(t, subject)), assigned)
        ?? this.leastBusy(withRoom(everyone).filter((t) => this.knows(t, subject)), assigned)
        ?? this.leastBusy(withRoom(everyone).filter((t) => this.subjectCount(t) < SUBJECTS_PER_TEACHER), assigned)
        ?? this.leastBusy(withRoom(everyone), assigned) ?? this.leastBusy(everyone, assigned);
      if (teacher) assigned.set(subject, teacher);
    }
  }

  private membersOf(group: GroupRow, role: 'TEACHER' | 'CLASS_TEACHER', position?: number): string[] {
    return this.rows.dataset.groupMembers
      .filter((m) => m.groupId === group.id && m.role === role && (position === undefined || m.position === position))
      .map((m) => this.rows.abbreviations.get(m.personId))
      .filter((abbreviation): abbreviation is string => abbreviation !== undefined);
  }

  private leastBusy(teachers: readonly string[], assigned: Assignments): string | undefined {
    const busy = (teacher: string) => this.hoursGiven(teacher) + assigned.hoursFor(teacher);
    let best: string | undefined;
    for (const teacher of teachers) if (best === undefined || busy(teacher) < busy(best)) best = teacher;
    return best;
  }

  private hoursGiven(teacher: string): number {
    return this.hours.get(teacher) ?? 0;
  }

  private hasRoomFor(teacher: string, hours: number, assigned: Assignments): boolean {
    return this.hoursGiven(teacher) + assigned.hoursFor(teacher) + hours <= MAX_WEEKLY_HOURS;
  }

  private knows(teacher: string, subject: string): boolean {
    return this.subjects.get(teacher)?.has(subject) ?? false;
  }

  private subjectCount(teacher: string): number {
    return this.subjects.get(teacher)?.size ?? 0;
  }

  private learn(teacher: string, subject: string): void {
    const known = this.subjects.get(teacher);
    if (known) known.add(subject);
    else this.subjects.set(teacher, new Set([subject]));
  }
}

/** Who teaches which subject in one class, while it is being decided. */
class Assignments {
  private readonly teacherOf = new Map<string, string>();
  private readonly presets = new Set<string>();

  constructor(readonly className: string, readonly hoursOf: (subject: string) => number) {}

  has(subject: string): boolean {
    return this.teacherOf.has(subject);
  }

  /** A preset (a demo login's documented lesson) is never handed over. */
  set(subject: string, teacher: string, isPreset = false): void {
    this.teacherOf.set(subject, teacher);
    if (isPreset) this.presets.add(subject);
  }

  isPreset(subject: string): boolean {
    return this.presets.has(subject);
  }

  isTeaching(teacher: string): boolean {
    return this.subjectsOf(teacher).length > 0;
  }

  subjectsOf(teacher: string): string[] {
    return this.entries().filter(([, t]) => t === teacher).map(([subject]) => subject);
  }

  hoursFor(teacher: string): number {
    return this.subjectsOf(teacher).reduce((sum, subject) => sum + this.hoursOf(subject), 0);
  }

  entries(): [subject: string, teacher: string][] {
    return [...this.teacherOf.entries()];
  }
}
