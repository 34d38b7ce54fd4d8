import type { Placement, PlannedLesson } from './untis-plan';
import type { UntisSchoolSpec } from './untis-school-spec';

// Courses and couplings are placed before the class lessons and take whatever ordinary room is
// free, often a class's home room; the class then has to move. Afterwards, slot by slot, a class
// lesson sent to another ordinary room gets its home room back: it swaps rooms with the lesson in
// it (which can use any ordinary room) or simply moves in when the home room is free. Each slot
// keeps the same set of used rooms, so no double booking can arise.

interface SlotUse {
  placement: Placement;
  lesson: PlannedLesson;
}

export function restoreHomeRooms(spec: UntisSchoolSpec, lessons: readonly PlannedLesson[], placements: readonly Placement[]): void {
  const homeRoomOf = new Map(spec.classes.filter((c) => c.homeRoom).map((c) => [c.name, c.homeRoom as string]));
  const ordinary = new Set(spec.rooms.filter((room) => room.kind === undefined).map((room) => room.shortName));
  const byNumber = new Map(lessons.map((lesson) => [lesson.number, lesson]));
  for (const uses of usesBySlot(placements, byNumber).values()) {
    for (const use of uses) {
      const home = homeRoomOf.get(use.lesson.classes[0]);
      const room = use.placement.rooms[0];
      if (!isWeeklyClassLesson(use) || !home || room === home || (room !== null && !ordinary.has(room))) continue;
      moveHome(use, home, uses, homeRoomOf);
    }
  }
}

function usesBySlot(placements: readonly Placement[], lessons: ReadonlyMap<number, PlannedLesson>): Map<string, SlotUse[]> {
  const bySlot = new Map<string, SlotUse[]>();
  for (const placement of placements) {
    const lesson = lessons.get(placement.lessonNumber);
    if (!lesson) continue;
    const key = `${placement.weekday}/${placement.period}`;
    const list = bySlot.get(key);
    if (list) list.push({ placement, lesson });
    else bySlot.set(key, [{ placement, lesson }]);
  }
  return bySlot;
}

/** Weekly single-line class lessons; biweekly ones share rooms by week and stay as they are. */
function isWeeklyClassLesson(use: SlotUse): boolean {
  return use.lesson.kind === 'CLASS' && use.lesson.weekGroup === undefined && use.lesson.lines.length === 1;
}

function moveHome(use: SlotUse, home: string, uses: readonly SlotUse[], homeRoomOf: ReadonlyMap<string, string>): void {
  const holders = uses.filter((other) => other !== use && other.placement.rooms.includes(home));
  const room = use.placement.rooms[0];
  if (holders.length === 0) {
    use.placement.rooms[0] = home;
    return;
  }
  const [holder] = holders;
  // Only a guest gives way: a lesson none of whose classes has this room as home room.
  const isGuest = holder.lesson.kind === 'COURSE' || !holder.lesson.classes.some((name) => homeRoomOf.get(name) === home);
  if (holders.length > 1 || holder.lesson.weekGroup !== undefined || !isGuest || room === null) return;
  holder.placement.rooms[holder.placement.rooms.indexOf(home)] = room;
  use.placement.rooms[0] = home;
}
