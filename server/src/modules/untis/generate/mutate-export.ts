import { deriveRandom, type SeededRandom } from '../../../demo/random';
import {
  comparePlacements, weekBitsOf, type Placement, type PlanMutation, type PlannedLesson, type RowChangeCount, type UntisPlan,
} from './untis-plan';

// The "next export" of a school for the re-import benchmark: about `fraction` of the GPU001 and
// GPU002 rows changed the way a timetabler changes them during the year, everything else as it
// was. Only weekly class lessons are touched (courses and couplings stay as they are, so GPU015
// and the master data files come out byte-identical), and every change keeps the plan free of
// double bookings. The changes are listed in plan.mutations with the rows each one touched.

/** Shares of the row budget per kind of change. */
const MIX: readonly (readonly [PlanMutation['kind'], number])[] = [
  ['ROOM_CHANGED', 0.4], ['TEACHER_REPLACED', 0.25], ['PERIOD_MOVED', 0.2], ['LESSON_REMOVED', 0.075], ['LESSON_ADDED', 0.075],
];
const MUTATION_STREAM = 31;
const ADDED_LESSON_TEXT = 'Förderunterricht';

export function mutateExport(plan: UntisPlan, fraction = 0.05, seed = 1): UntisPlan {
  const editor = new PlanEditor(plan, deriveRandom(seed, MUTATION_STREAM));
  const budget = Math.round(fraction * (gpu001RowCount(plan) + gpu002RowCount(plan)));
  for (const [kind, share] of MIX) editor.apply(kind, Math.round(budget * share));
  return editor.result();
}

export function gpu001RowCount(plan: UntisPlan): number {
  const lessons = new Map(plan.lessons.map((lesson) => [lesson.number, lesson]));
  return plan.placements.reduce((sum, p) => sum + rowsPerPeriod(lessons.get(p.lessonNumber)), 0);
}

export function gpu002RowCount(plan: UntisPlan): number {
  return plan.lessons.reduce((sum, lesson) => sum + rowsPerPeriod(lesson), 0);
}

/** GPU001 writes line × class rows per period, GPU002 line × class rows per lesson. */
function rowsPerPeriod(lesson: PlannedLesson | undefined): number {
  return lesson ? lesson.lines.length * lesson.classes.length : 0;
}

function count(changed: number, removed = 0, added = 0): RowChangeCount {
  return { changed, removed, added };
}

const NONE = count(0);

class PlanEditor {
  private readonly lessons: PlannedLesson[];
  /** Every lesson ever in the plan by number (removed ones too: their periods are freed after removal). */
  private readonly byNumber: Map<number, PlannedLesson>;
  private placements: Placement[];
  private readonly usage = new Map<string, number>();
  private readonly mutations: PlanMutation[] = [];
  /** Lessons already changed: each lesson changes once, so row counts stay exact. */
  private readonly touched = new Set<number>();
  private readonly candidates: PlannedLesson[];
  private readonly classOf: Map<string, UntisPlan['spec']['classes'][number]>;
  private nextNumber: number;

  constructor(private readonly source: UntisPlan, private readonly random: SeededRandom) {
    this.lessons = source.lessons.map((lesson) => ({ ...lesson, classes: [...lesson.classes], lines: lesson.lines.map((line) => ({ ...line, pupils: [...line.pupils] })) }));
    this.byNumber = new Map(this.lessons.map((lesson) => [lesson.number, lesson]));
    this.placements = source.placements.map((p) => ({ ...p, rooms: [...p.rooms] }));
    this.classOf = new Map(source.spec.classes.map((c) => [c.name, c]));
    for (const placement of this.placements) this.occupy(placement, 1);
    this.candidates = random.shuffle(this.lessons.filter((l) => l.kind === 'CLASS' && !l.weekGroup && l.lines.length === 1));
    this.nextNumber = Math.max(0, ...this.lessons.map((l) => l.number)) + 1;
  }

  apply(kind: PlanMutation['kind'], rowBudget: number): void {
    let used = 0;
    for (const lesson of this.candidates) {
      if (used >= rowBudget) return;
      if (this.touched.has(lesson.number)) continue;
      const mutation = this.mutate(kind, lesson);
      if (!mutation) continue;
      this.touched.add(mutation.lessonNumber);
      this.mutations.push(mutation);
      used += rowsOf(mutation.gpu001) + rowsOf(mutation.gpu002);
    }
  }

  result(): UntisPlan {
    return { ...this.source, lessons: this.lessons, placements: [...this.placements].sort(comparePlacements), mutations: this.mutations };
  }

  private mutate(kind: PlanMutation['kind'], lesson: PlannedLesson): PlanMutation | null {
    switch (kind) {
      case 'ROOM_CHANGED': return this.changeRoom(lesson);
      case 'TEACHER_REPLACED': return this.replaceTeacher(lesson);
      case 'PERIOD_MOVED': return this.movePeriod(lesson);
      case 'LESSON_REMOVED': return this.removeLesson(lesson);
      case 'LESSON_ADDED': return this.addLesson(lesson.classes[0], lesson.lines[0].subject);
    }
  }

  /** One period moves to another free room of the same kind (a lab, a hall, an ordinary room). */
  private changeRoom(lesson: PlannedLesson): PlanMutation | null {
    const placement = this.random.pick(this.placementsOf(lesson));
    const room = placement.rooms[0];
    if (!room) return null;
    const kind = this.roomKind(room);
    const free = this.source.spec.rooms.filter((r) => r.kind === kind && r.shortName !== room
      && this.isFree(`room:${r.shortName}`, placement.weekday, placement.period));
    if (free.length === 0) return null;
    const target = this.random.pick(free).shortName;
    this.occupy(placement, -1);
    placement.rooms[0] = target;
    this.occupy(placement, 1);
    return this.mutation('ROOM_CHANGED', lesson, `${describe(lesson)} ${slot(placement)}: Raum ${room} → ${target}`, count(1), NONE);
  }

  /** Another teacher of the subject who is free at every period of the lesson takes it over. */
  private replaceTeacher(lesson: PlannedLesson): PlanMutation | null {
    const line = lesson.lines[0];
    const periods = this.placementsOf(lesson);
    const free = this.source.spec.teachers.filter((t) => t.shortName !== line.teacher && t.subjects.includes(line.subject)
      && periods.every((p) => this.isFree(`teacher:${t.shortName}`, p.weekday, p.period)));
    if (free.length === 0 || periods.length === 0) return null;
    const replaced = line.teacher;
    periods.forEach((p) => this.occupy(p, -1));
    line.teacher = this.random.pick(free).shortName;
    periods.forEach((p) => this.occupy(p, 1));
    return this.mutation('TEACHER_REPLACED', lesson, `${describe(lesson)}: ${replaced} → ${line.teacher}`, count(periods.length), count(1));
  }

  /** A single period (not half of a double) moves to a free slot on a day the lesson has none yet. */
  private movePeriod(lesson: PlannedLesson): PlanMutation | null {
    const periods = this.placementsOf(lesson);
    const single = periods.find((p) => !periods.some((o) => o !== p && o.weekday === p.weekday && Math.abs(o.period - p.period) === 1));
    if (!single) return null;
    this.occupy(single, -1);
    const target = this.freeSlot(lesson, single.rooms[0], new Set(periods.map((p) => p.weekday)));
    if (!target) {
      this.occupy(single, 1);
      return null;
    }
    const from = slot(single);
    single.weekday = target.weekday;
    single.period = target.period;
    this.occupy(single, 1);
    return this.mutation('PERIOD_MOVED', lesson, `${describe(lesson)}: ${from} → ${slot(single)}`, count(1), NONE);
  }

  private removeLesson(lesson: PlannedLesson): PlanMutation | null {
    const periods = this.placementsOf(lesson);
    periods.forEach((p) => this.occupy(p, -1));
    this.placements = this.placements.filter((p) => p.lessonNumber !== lesson.number);
    this.lessons.splice(this.lessons.indexOf(lesson), 1);
    return this.mutation('LESSON_REMOVED', lesson, `${describe(lesson)}: Unterricht entfällt`, count(0, periods.length), count(0, 1));
  }

  /** An extra hour (Förderunterricht) of a class subject, with a free qualified teacher in the home room. */
  private addLesson(className: string, subject: string): PlanMutation | null {
    const homeRoom = this.classOf.get(className)?.homeRoom;
    if (!homeRoom) return null;
    const lesson: PlannedLesson = {
      number: this.nextNumber, kind: 'CLASS', classes: [className], periodsPerWeek: 1, doublePeriods: 0, text: ADDED_LESSON_TEXT,
      lines: [{ teacher: '', subject, subjectRoom: homeRoom, pupils: [] }],
    };
    const teachers = this.random.shuffle(this.source.spec.teachers.filter((t) => t.subjects.includes(subject)));
    for (const teacher of teachers) {
      lesson.lines[0].teacher = teacher.shortName;
      const target = this.freeSlot(lesson, homeRoom, new Set());
      if (!target) continue;
      const placement: Placement = { lessonNumber: lesson.number, ...target, rooms: [homeRoom] };
      this.nextNumber++;
      this.lessons.push(lesson);
      this.byNumber.set(lesson.number, lesson);
      this.placements.push(placement);
      this.occupy(placement, 1);
      return this.mutation('LESSON_ADDED', lesson, `${describe(lesson)} (${ADDED_LESSON_TEXT}) neu: ${slot(placement)}`, count(0, 0, 1), count(0, 0, 1));
    }
    return null;
  }

  private freeSlot(lesson: PlannedLesson, room: string | null, avoidDays: ReadonlySet<number>): { weekday: number; period: number } | null {
    const lastPeriod = this.classOf.get(lesson.classes[0])?.lastPeriod ?? this.source.spec.periodsPerDay;
    const slots: { weekday: number; period: number }[] = [];
    for (let weekday = 1; weekday <= 5; weekday++) {
      if (avoidDays.has(weekday)) continue;
      for (let period = 1; period <= lastPeriod; period++) slots.push({ weekday, period });
    }
    const free = slots.filter(({ weekday, period }) => this.resourcesOf(lesson, room).every((r) => this.isFree(r, weekday, period)));
    return free.length > 0 ? this.random.pick(free) : null;
  }

  private mutation(kind: PlanMutation['kind'], lesson: PlannedLesson, description: string, gpu001: RowChangeCount, gpu002: RowChangeCount): PlanMutation {
    return { kind, lessonNumber: lesson.number, description, gpu001, gpu002 };
  }

  private placementsOf(lesson: PlannedLesson): Placement[] {
    return this.placements.filter((p) => p.lessonNumber === lesson.number);
  }

  private roomKind(room: string): string | undefined {
    return this.source.spec.rooms.find((r) => r.shortName === room)?.kind;
  }

  private resourcesOf(lesson: PlannedLesson, room: string | null): string[] {
    const resources = lesson.kind === 'COURSE' ? lesson.lines.flatMap((l) => l.pupils.map((key) => `pupil:${key}`)) : lesson.classes.map((c) => `class:${c}`);
    resources.push(...new Set(lesson.lines.map((line) => `teacher:${line.teacher}`)));
    if (room) resources.push(`room:${room}`);
    return resources;
  }

  /** Marks (+1) or frees (-1) what a placed period uses, by week parity bits. */
  private occupy(placement: Placement, direction: 1 | -1): void {
    const lesson = this.byNumber.get(placement.lessonNumber);
    if (!lesson) return;
    const bits = weekBitsOf(lesson.weekGroup);
    const rooms = [...new Set(placement.rooms.filter((room): room is string => room !== null))];
    const resources = new Set([...this.resourcesOf(lesson, null), ...rooms.map((room) => `room:${room}`)]);
    for (const resource of resources) {
      const key = `${resource}@${placement.weekday}/${placement.period}`;
      const current = this.usage.get(key) ?? 0;
      this.usage.set(key, direction === 1 ? current | bits : current & ~bits);
    }
  }

  private isFree(resource: string, weekday: number, period: number): boolean {
    return (this.usage.get(`${resource}@${weekday}/${period}`) ?? 0) === 0;
  }
}

function rowsOf(change: RowChangeCount): number {
  return change.changed + change.removed + change.added;
}

function describe(lesson: PlannedLesson): string {
  return `${lesson.classes.join('/')} ${lesson.lines[0].subject} (U-Nr. ${lesson.number})`;
}

const DAY_NAMES = ['', 'Mo', 'Di', 'Mi', 'Do', 'Fr'];

function slot(placement: Pick<Placement, 'weekday' | 'period'>): string {
  return `${DAY_NAMES[placement.weekday]} ${placement.period}.`;
}
