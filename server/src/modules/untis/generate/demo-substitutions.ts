import { addDays, weekday } from '@schulverwaltung/shared';
import { SeededRandom } from '../../../demo/random';
import type { UntisInputFile } from '../read/untis-export';
import type { Placement, PlannedLesson, UntisPlan } from './untis-plan';

// A day-to-day substitution export (GPU014) for the demo: what the timetabler would enter for the
// coming school days — a few cancellations, room changes and substitute teachers — so the demo's
// Vertretungsplan, timetables and calendar feeds show changes. Imported like a school's own file.

const CHANGES_PER_DAY = 6;
/** GPU014 type bits (0-based): 0 cancellation, 16 room substitution; none = substitute teacher. */
const CANCELLATION = { letter: 'C', bits: 1 };
const ROOM_CHANGE = { letter: 'R', bits: 1 << 16 };

interface Change {
  date: string;
  placement: Placement;
  lesson: PlannedLesson;
  kind: 'CANCELLATION' | 'ROOM_CHANGE' | 'SUBSTITUTE';
  substituteTeacher?: string;
  substituteRoom?: string;
}

/** The next `schoolDays` weekdays from `from` on that are not holidays of the plan's school. */
export function comingSchoolDays(plan: UntisPlan, from: string, schoolDays: number): string[] {
  const days: string[] = [];
  for (let date = from; days.length < schoolDays; date = addDays(date, 1)) {
    const isHoliday = plan.spec.holidays.some((h) => h.startsOn <= date && date <= h.endsOn);
    if (weekday(date) <= 5 && !isHoliday && date <= plan.spec.schoolYear.endsOn) days.push(date);
    if (date > plan.spec.schoolYear.endsOn) break;
  }
  return days;
}

export function demoSubstitutionsFile(plan: UntisPlan, days: readonly string[], seed = 1): UntisInputFile {
  const random = new SeededRandom(seed);
  const changes = days.flatMap((date) => changesOfDay(plan, date, random));
  const lines = changes.map((change, index) => record(change, index + 1));
  return { name: 'GPU014.TXT', bytes: new Uint8Array(Buffer.from(lines.map((l) => `${l}\r\n`).join(''), 'utf8')) };
}

/** Single-teacher, weekly lessons of the day, some of them changed. */
function changesOfDay(plan: UntisPlan, date: string, random: SeededRandom): Change[] {
  const lessons = new Map(plan.lessons.map((lesson) => [lesson.number, lesson]));
  const candidates = plan.placements.filter((p) => p.weekday === weekday(date) && isSimple(lessons.get(p.lessonNumber)));
  return random.shuffle(candidates).slice(0, CHANGES_PER_DAY).map((placement, index) => {
    const lesson = lessons.get(placement.lessonNumber)!;
    const kind = (['CANCELLATION', 'ROOM_CHANGE', 'SUBSTITUTE'] as const)[index % 3];
    if (kind === 'ROOM_CHANGE') {
      const room = freeRoom(plan, placement, random);
      return room ? { date, placement, lesson, kind, substituteRoom: room } : { date, placement, lesson, kind: 'CANCELLATION' };
    }
    if (kind === 'SUBSTITUTE') {
      const teacher = freeTeacher(plan, placement, lesson, random);
      return teacher ? { date, placement, lesson, kind, substituteTeacher: teacher } : { date, placement, lesson, kind: 'CANCELLATION' };
    }
    return { date, placement, lesson, kind };
  });
}

const isSimple = (lesson: PlannedLesson | undefined): lesson is PlannedLesson => !!lesson && lesson.lines.length === 1 && !lesson.weekGroup;

function busyIn(plan: UntisPlan, placement: Placement): { teachers: Set<string>; rooms: Set<string> } {
  const teachers = new Set<string>();
  const rooms = new Set<string>();
  const lessons = new Map(plan.lessons.map((lesson) => [lesson.number, lesson]));
  for (const other of plan.placements) {
    if (other.weekday !== placement.weekday || other.period !== placement.period) continue;
    lessons.get(other.lessonNumber)?.lines.forEach((line) => teachers.add(line.teacher));
    other.rooms.forEach((room) => room && rooms.add(room));
  }
  return { teachers, rooms };
}

/** A teacher of the subject with no lesson in that period; undefined when nobody is free. */
function freeTeacher(plan: UntisPlan, placement: Placement, lesson: PlannedLesson, random: SeededRandom): string | undefined {
  const { teachers } = busyIn(plan, placement);
  const subject = lesson.lines[0].subject;
  const free = plan.spec.teachers.filter((t) => !teachers.has(t.shortName) && !t.hasOnlyFixedLessons);
  const qualified = free.filter((t) => t.subjects.includes(subject));
  return (qualified.length ? random.pick(qualified) : free.length ? random.pick(free) : undefined)?.shortName;
}

/** An ordinary classroom nobody uses in that period. */
function freeRoom(plan: UntisPlan, placement: Placement, random: SeededRandom): string | undefined {
  const { rooms } = busyIn(plan, placement);
  const free = plan.spec.rooms.filter((room) => !room.kind && !rooms.has(room.shortName));
  return free.length ? random.pick(free).shortName : undefined;
}

const quoted = (value: string | undefined) => (value ? `"${value.replaceAll('"', '""')}"` : '');

/** One GPU014 record: 22 fields, no trailing separator (docs/untis-formats.md §4). */
function record(change: Change, id: number): string {
  const line = change.lesson.lines[0];
  const room = change.placement.rooms[0] ?? undefined;
  const type = change.kind === 'CANCELLATION' ? CANCELLATION : change.kind === 'ROOM_CHANGE' ? ROOM_CHANGE : { letter: '', bits: 0 };
  const text = { CANCELLATION: 'Lehrkraft auf Fortbildung', ROOM_CHANGE: 'Raumtausch', SUBSTITUTE: 'Arbeitsauftrag liegt vor' }[change.kind];
  const fields = [
    String(id), quoted(change.date.replaceAll('-', '')), String(change.placement.period), '', String(change.lesson.number),
    quoted(line.teacher), quoted(change.substituteTeacher), quoted(line.subject), '', '', '',
    quoted(room ?? undefined), quoted(change.kind === 'ROOM_CHANGE' ? change.substituteRoom : undefined), '', quoted(change.lesson.classes.join('~')),
    quoted(change.kind === 'SUBSTITUTE' || change.kind === 'CANCELLATION' ? 'Fortbildung' : undefined), quoted(text), String(type.bits), '', type.letter,
    `${change.date.replaceAll('-', '')}0700`, '',
  ];
  return fields.join(',');
}
