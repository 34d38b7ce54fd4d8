import { deriveRandom } from '../../../demo/random';
import { buildLessons } from './build-lessons';
import { restoreHomeRooms } from './home-rooms';
import { placeLessons } from './place-lessons';
import type { Placement, PlannedLesson, UntisPlan } from './untis-plan';
import type { UntisSchoolSpec } from './untis-school-spec';

// A deterministic timetable for a school spec: lessons with teachers (build-lessons.ts), then every
// period placed without double-booking (place-lessons.ts). The same spec and seed always give the
// same plan. Not an optimal timetable — a valid, plausible one, fast enough for benchmarks.

const TEACHER_STREAM = 11;
const PLACEMENT_STREAM = 12;

export function planTimetable(spec: UntisSchoolSpec, seed = 1): UntisPlan {
  const drafts = buildLessons(spec, deriveRandom(seed, TEACHER_STREAM));
  const { placements, unplaced } = placeLessons(spec, drafts, deriveRandom(seed, PLACEMENT_STREAM));
  const lessons = drafts.map((draft) => draft.lesson);
  restoreHomeRooms(spec, lessons, placements);
  setSubjectRooms(lessons, placements);
  return { spec, lessons, placements, unplaced };
}

/** GPU002 names each line's usual room: the one it is placed in most often. */
function setSubjectRooms(lessons: readonly PlannedLesson[], placements: readonly Placement[]): void {
  const counts = new Map<number, Map<string, number>[]>();
  for (const placement of placements) {
    const perLine = counts.get(placement.lessonNumber) ?? [];
    placement.rooms.forEach((room, line) => {
      if (!room) return;
      perLine[line] ??= new Map();
      perLine[line].set(room, (perLine[line].get(room) ?? 0) + 1);
    });
    counts.set(placement.lessonNumber, perLine);
  }
  for (const lesson of lessons) {
    const perLine = counts.get(lesson.number) ?? [];
    lesson.lines.forEach((line, index) => {
      const rooms = perLine[index];
      if (rooms) line.subjectRoom = mostFrequent(rooms);
    });
  }
}

function mostFrequent(counts: ReadonlyMap<string, number>): string | undefined {
  let best: string | undefined;
  for (const [room, count] of counts) if (best === undefined || count > (counts.get(best) ?? 0)) best = room;
  return best;
}
