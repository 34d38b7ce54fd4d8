import type { UntisExport, UntisLessonLine } from '../read/untis-export';

/**
 * GPU001 without GPU002: the timetable still names lesson number, classes, teacher and subject per
 * period, which is enough for the lessons themselves (weekly hours = periods placed; no validity,
 * lesson group or text). Lets a school import a bare timetable export.
 */
export function lessonLinesFromPlacements(exported: UntisExport): UntisLessonLine[] {
  const lines = new Map<string, UntisLessonLine & { slots: Set<string> }>();
  const linesPerLesson = new Map<number, number>();
  for (const placement of exported.placements) {
    const key = `${placement.lessonNumber}|${placement.teacher ?? ''}|${placement.subject ?? ''}`;
    let line = lines.get(key);
    if (!line) {
      const lineIndex = linesPerLesson.get(placement.lessonNumber) ?? 0;
      linesPerLesson.set(placement.lessonNumber, lineIndex + 1);
      line = {
        lessonNumber: placement.lessonNumber, lineIndex, teacher: placement.teacher, subject: placement.subject, classes: [], rooms: [],
        weeklyHours: 0, ref: placement.ref, slots: new Set(),
      };
      lines.set(key, line);
    }
    for (const name of placement.classes) if (!line.classes.includes(name)) line.classes.push(name);
    line.slots.add(`${placement.weekday}:${placement.period}`);
  }
  return [...lines.values()].map(({ slots, ...line }) => ({ ...line, weeklyHours: slots.size }));
}
