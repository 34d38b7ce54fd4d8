import type { SeededRandom } from '../../../demo/random';
import type { PlannedLesson, WeekGroup } from './untis-plan';
import type {
  CouplingSpec, CourseSpec, CurriculumRow, UntisClassSpec, UntisSchoolSpec,
} from './untis-school-spec';

// Step 1 of planning: the lessons (one lesson number per class × subject, couplings, courses)
// and who teaches them. Placement in slots is step 2 (place-lessons.ts).

/** A lesson plus what the placer needs to know about it. */
export interface LessonDraft {
  lesson: PlannedLesson;
  lastPeriod: number;
  /** Courses of one band are placed together, block by block. */
  band?: string;
  /** The two biweekly lessons of a class that alternate in one double period. */
  biweeklyPair?: string;
  /** Rooms the lesson may use: one need per line, or one for all lines when they share a room. */
  roomNeeds: RoomNeed[];
}

export interface RoomNeed {
  lineIndexes: number[];
  /** Room short names, most preferred first. */
  candidates: string[];
  /** The first `proper` candidates are the right kind of room; the rest are stopgaps. */
  proper: number;
}

const DEFAULT_MAX_WEEKLY_HOURS = 27;

export function buildLessons(spec: UntisSchoolSpec, random: SeededRandom): LessonDraft[] {
  const classes = new Map(spec.classes.map((schoolClass) => [schoolClass.name, schoolClass]));
  const drafts: LessonDraft[] = [];
  let nextNumber = 1;
  for (const schoolClass of spec.classes) {
    for (const draft of classLessons(spec, schoolClass)) drafts.push(numbered(draft, nextNumber++));
  }
  for (const coupling of spec.couplings) drafts.push(numbered(couplingLesson(coupling, classes), nextNumber++));
  for (const course of spec.courses) drafts.push(numbered(courseLesson(course, classes), nextNumber++));
  new TeacherAssigner(spec, random).assign(drafts);
  const rooms = new RoomCatalog(spec);
  for (const draft of drafts) draft.roomNeeds = rooms.needsOf(draft, classes);
  return drafts;
}

function numbered(draft: LessonDraft, number: number): LessonDraft {
  draft.lesson.number = number;
  return draft;
}

function classLessons(spec: UntisSchoolSpec, schoolClass: UntisClassSpec): LessonDraft[] {
  const coupled = coupledSubjects(spec.couplings, schoolClass.name);
  const rows = spec.curriculum.filter((row) =>
    row.gradeLevel === schoolClass.gradeLevel
    && (schoolClass.subjects?.includes(row.subject) ?? true)
    && !coupled.has(row.subject));
  let biweeklyCount = 0;
  return rows.map((row) => {
    if (!row.isBiweekly) return classLesson(schoolClass, row);
    // Alternate UW/GW so pairs share one double period: subject A in odd weeks, B in even weeks.
    const index = biweeklyCount++;
    const group: WeekGroup = index % 2 === 0 ? 'UW' : 'GW';
    return { ...classLesson(schoolClass, row, group), biweeklyPair: `${schoolClass.name}#${Math.floor(index / 2)}` };
  });
}

/** Subjects a coupling teaches the class; its own curriculum row for them is left out. */
function coupledSubjects(couplings: readonly CouplingSpec[], className: string): Set<string> {
  const subjects = new Set<string>();
  for (const coupling of couplings.filter((c) => c.classes.includes(className))) {
    coupling.lines.forEach((line) => subjects.add(line.subject));
  }
  return subjects;
}

function classLesson(schoolClass: UntisClassSpec, row: CurriculumRow, weekGroup?: WeekGroup): LessonDraft {
  const biweekly = weekGroup !== undefined;
  return {
    lesson: {
      number: 0,
      kind: 'CLASS',
      classes: [schoolClass.name],
      lines: [{ teacher: '', subject: row.subject, pupils: [] }],
      // A biweekly hour is a double period every other week: two periods in the weekly grid.
      periodsPerWeek: biweekly ? 2 : row.weeklyHours,
      doublePeriods: biweekly ? 1 : Math.min(row.doublePeriods ?? 0, Math.floor(row.weeklyHours / 2)),
      weekGroup,
    },
    lastPeriod: schoolClass.lastPeriod,
    roomNeeds: [],
  };
}

function couplingLesson(coupling: CouplingSpec, classes: ReadonlyMap<string, UntisClassSpec>): LessonDraft {
  return {
    lesson: {
      number: 0,
      kind: 'COUPLING',
      classes: [...coupling.classes],
      lines: coupling.lines.map((line) => ({ teacher: line.teacher ?? '', subject: line.subject, pupils: [...(line.pupils ?? [])] })),
      periodsPerWeek: coupling.weeklyHours,
      doublePeriods: Math.min(coupling.doublePeriods ?? 0, Math.floor(coupling.weeklyHours / 2)),
      text: coupling.name,
    },
    lastPeriod: Math.min(...coupling.classes.map((name) => requireClass(classes, name).lastPeriod)),
    roomNeeds: coupling.sharesRoom ? [{ lineIndexes: coupling.lines.map((_, i) => i), candidates: [], proper: 0 }] : [],
  };
}

function courseLesson(course: CourseSpec, classes: ReadonlyMap<string, UntisClassSpec>): LessonDraft {
  return {
    lesson: {
      number: 0,
      kind: 'COURSE',
      classes: [course.className],
      lines: [{ teacher: course.teacher ?? '', subject: course.subject, pupils: [...course.pupils] }],
      periodsPerWeek: course.weeklyHours,
      doublePeriods: Math.min(course.doublePeriods ?? 0, Math.floor(course.weeklyHours / 2)),
      studentGroup: course.studentGroup,
    },
    lastPeriod: requireClass(classes, course.className).lastPeriod,
    band: course.band === undefined ? undefined : `${course.className}/${course.band}`,
    roomNeeds: [],
  };
}

function requireClass(classes: ReadonlyMap<string, UntisClassSpec>, name: string): UntisClassSpec {
  const found = classes.get(name);
  if (!found) throw new RangeError(`Untis spec: unknown class ${name}`);
  return found;
}

/**
 * Fills empty teacher slots: fixed assignments first, then the class teacher's own lesson, then
 * every other line goes to the least loaded qualified teacher (balanced Deputat). Without anyone
 * qualified the least loaded teacher takes it and keeps the subject, as schools do (fachfremd).
 */
class TeacherAssigner {
  private readonly load = new Map<string, number>();
  private readonly qualified = new Map<string, Set<string>>();
  private readonly maxHours = new Map<string, number>();
  /** Teachers open lessons may go to, in a seeded order for ties. */
  private readonly order: string[];
  private readonly fixed = new Map<string, string[]>();
  private readonly baseSubject = new Map<string, string>();

  constructor(private readonly spec: UntisSchoolSpec, random: SeededRandom) {
    // A seeded order for ties, so another seed gives another (equally balanced) assignment.
    this.order = random.shuffle(spec.teachers.filter((t) => !t.hasOnlyFixedLessons).map((teacher) => teacher.shortName));
    for (const teacher of spec.teachers) {
      this.load.set(teacher.shortName, 0);
      this.qualified.set(teacher.shortName, new Set(teacher.subjects));
      this.maxHours.set(teacher.shortName, teacher.maxWeeklyHours ?? DEFAULT_MAX_WEEKLY_HOURS);
    }
    for (const subject of spec.subjects) if (subject.baseSubject) this.baseSubject.set(subject.shortName, subject.baseSubject);
    for (const { className, subject, teacher } of spec.fixedTeachers) {
      const key = `${className}/${subject}`;
      this.fixed.set(key, [...(this.fixed.get(key) ?? []), teacher]);
    }
  }

  /** Teachers of each band: its courses run at the same time, so no one teaches two of them. */
  private readonly bandTeachers = new Map<string, Set<string>>();
  /**
   * The year group a teacher gives courses in. Keeping each teacher's courses in one year group
   * lets the year groups lay out their bands independently; a teacher in bands of two year groups
   * would force those bands apart, and with many such teachers the week is too short.
   */
  private readonly courseTeam = new Map<string, string>();

  assign(drafts: LessonDraft[]): void {
    for (const draft of drafts) this.countPreset(draft);
    for (const draft of drafts) this.assignFixed(draft);
    this.assignClassTeachers(drafts);
    // Scarce subjects first: they must not find their few teachers already full.
    const open = drafts.filter((draft) => draft.lesson.lines.some((line) => line.teacher === ''));
    const scarcity = new Map(open.map((draft) => [draft, Math.min(...draft.lesson.lines.map((line) => this.qualifiedFor(line.subject).length))]));
    open.sort((a, b) => (scarcity.get(a) ?? 0) - (scarcity.get(b) ?? 0) || a.lesson.number - b.lesson.number);
    for (const draft of open) this.assignOpenLines(draft);
  }

  private countPreset(draft: LessonDraft): void {
    for (const line of draft.lesson.lines) if (line.teacher !== '') this.addLoad(line.teacher, weeklyLoad(draft));
    this.rememberBand(draft);
  }

  private rememberBand(draft: LessonDraft): void {
    if (draft.lesson.kind === 'COURSE') {
      for (const line of draft.lesson.lines) if (line.teacher !== '' && !this.courseTeam.has(line.teacher)) this.courseTeam.set(line.teacher, draft.lesson.classes[0]);
    }
    if (draft.band === undefined) return;
    const teachers = this.bandTeachers.get(draft.band) ?? new Set<string>();
    draft.lesson.lines.forEach((line) => { if (line.teacher !== '') teachers.add(line.teacher); });
    this.bandTeachers.set(draft.band, teachers);
  }

  /** Lines taken from the fixed assignments of their classes, one teacher per line. */
  private assignFixed(draft: LessonDraft): void {
    const { lesson } = draft;
    const used = new Set(lesson.lines.map((line) => line.teacher).filter((teacher) => teacher !== ''));
    for (const line of lesson.lines.filter((l) => l.teacher === '')) {
      const fixed = lesson.classes.flatMap((name) => this.fixed.get(`${name}/${line.subject}`) ?? []);
      const teacher = fixed.find((candidate) => !used.has(candidate));
      if (!teacher) continue;
      line.teacher = teacher;
      used.add(teacher);
      this.addLoad(teacher, weeklyLoad(draft));
    }
  }

  private assignClassTeachers(drafts: readonly LessonDraft[]): void {
    for (const schoolClass of this.spec.classes) {
      const lead = schoolClass.classTeacher;
      if (!lead || !this.order.includes(lead)) continue;
      const own = drafts.filter((d) => d.lesson.kind === 'CLASS' && d.lesson.classes[0] === schoolClass.name);
      if (own.some((d) => d.lesson.lines[0].teacher === lead)) continue;
      const lesson = own.find((d) => d.lesson.lines[0].teacher === '' && this.isQualified(lead, d.lesson.lines[0].subject))
        ?? own.find((d) => d.lesson.lines[0].teacher === '');
      if (!lesson) continue;
      lesson.lesson.lines[0].teacher = lead;
      this.qualified.get(lead)?.add(this.base(lesson.lesson.lines[0].subject));
      this.addLoad(lead, weeklyLoad(lesson));
    }
  }

  private assignOpenLines(draft: LessonDraft): void {
    const { lesson } = draft;
    const used = new Set(lesson.lines.map((line) => line.teacher).filter((teacher) => teacher !== ''));
    if (draft.band !== undefined) this.bandTeachers.get(draft.band)?.forEach((teacher) => used.add(teacher));
    for (const line of lesson.lines.filter((l) => l.teacher === '')) {
      line.teacher = this.pick(line.subject, used, weeklyLoad(draft), lesson.kind === 'COURSE' ? lesson.classes[0] : undefined);
      used.add(line.teacher);
      this.addLoad(line.teacher, weeklyLoad(draft));
    }
    this.rememberBand(draft);
  }

  private pick(subject: string, exclude: ReadonlySet<string>, hours: number, courseClass?: string): string {
    const fits = (teacher: string) => !exclude.has(teacher) && this.loadOf(teacher) + hours <= (this.maxHours.get(teacher) ?? 0);
    const inTeam = (teacher: string) => courseClass === undefined || (this.courseTeam.get(teacher) ?? courseClass) === courseClass;
    const qualified = this.qualifiedFor(subject).filter(fits);
    const chosen = this.leastLoaded(qualified.filter(inTeam)) ?? this.leastLoaded(qualified) ?? this.leastLoaded(this.order.filter(fits))
      ?? this.leastLoaded(this.order.filter((teacher) => !exclude.has(teacher)));
    if (!chosen) throw new RangeError(`Untis spec: no teacher left for ${subject}`);
    this.qualified.get(chosen)?.add(this.base(subject));
    return chosen;
  }

  private leastLoaded(candidates: readonly string[]): string | undefined {
    let best: string | undefined;
    for (const teacher of candidates) if (best === undefined || this.loadOf(teacher) < this.loadOf(best)) best = teacher;
    return best;
  }

  private qualifiedFor(subject: string): string[] {
    const base = this.base(subject);
    return this.order.filter((teacher) => this.qualified.get(teacher)?.has(base));
  }

  private isQualified(teacher: string, subject: string): boolean {
    return this.qualified.get(teacher)?.has(this.base(subject)) ?? false;
  }

  private base(subject: string): string {
    return this.baseSubject.get(subject) ?? subject;
  }

  private loadOf(teacher: string): number {
    return this.load.get(teacher) ?? 0;
  }

  private addLoad(teacher: string, hours: number): void {
    this.load.set(teacher, this.loadOf(teacher) + hours);
  }
}

/** Which rooms a lesson may use, in order of preference. */
class RoomCatalog {
  private readonly general: string[];
  private readonly byKind = new Map<string, string[]>();
  private readonly roomKindOf = new Map<string, string>();
  private readonly strictKind = new Set<string>();

  constructor(spec: UntisSchoolSpec) {
    this.general = spec.rooms.filter((room) => room.kind === undefined).map((room) => room.shortName);
    for (const room of spec.rooms) {
      if (room.kind !== undefined) this.byKind.set(room.kind, [...(this.byKind.get(room.kind) ?? []), room.shortName]);
    }
    const byName = new Map(spec.subjects.map((subject) => [subject.shortName, subject]));
    for (const subject of spec.subjects) {
      // A course subject ("CH G1") needs the rooms of its base subject.
      const own = subject.roomKind === undefined && subject.baseSubject ? byName.get(subject.baseSubject) ?? subject : subject;
      if (own.roomKind === undefined || !this.byKind.has(own.roomKind)) continue;
      this.roomKindOf.set(subject.shortName, own.roomKind);
      if (own.requiresRoomKind) this.strictKind.add(subject.shortName);
    }
  }

  needsOf(draft: LessonDraft, classes: ReadonlyMap<string, UntisClassSpec>): RoomNeed[] {
    const { lesson } = draft;
    const lineNeeds = draft.roomNeeds.length > 0 ? draft.roomNeeds : lesson.lines.map((_, i) => ({ lineIndexes: [i] }));
    return lineNeeds.map((need) => {
      const line = lesson.lines[need.lineIndexes[0]];
      const homeRoom = lesson.kind === 'COURSE' ? undefined : classes.get(lesson.classes[need.lineIndexes[0] % lesson.classes.length])?.homeRoom;
      return { lineIndexes: need.lineIndexes, ...this.candidates(line.subject, homeRoom, lesson.number) };
    });
  }

  private candidates(subject: string, homeRoom: string | undefined, spreadBy: number): Omit<RoomNeed, 'lineIndexes'> {
    // Lessons without a home room (courses, couplings) start their search at different rooms,
    // so they do not all queue for the first one.
    const ordinary = rotate(this.general.filter((room) => room !== homeRoom), spreadBy * 7);
    if (homeRoom) ordinary.unshift(homeRoom);
    const kind = this.roomKindOf.get(subject);
    if (kind === undefined) return { candidates: ordinary, proper: homeRoom ? 1 : ordinary.length };
    const special = rotate(this.byKind.get(kind) ?? [], spreadBy);
    // Chemistry theory can happen in the class's room when the lab is taken; sport cannot.
    const fallback = this.strictKind.has(subject) ? [] : ordinary;
    return { candidates: [...special, ...fallback], proper: special.length };
  }
}

/**
 * Load in periods of the weekly grid: a biweekly double period blocks two slots (in every other
 * week), and free slots, not hours on average, are what the placement runs short of.
 */
function weeklyLoad(draft: LessonDraft): number {
  return draft.lesson.periodsPerWeek;
}

function rotate<T>(items: readonly T[], by: number): T[] {
  if (items.length === 0) return [];
  const offset = by % items.length;
  return [...items.slice(offset), ...items.slice(0, offset)];
}
