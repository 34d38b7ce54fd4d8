import { normalizeName, weekPatternForLessonGroup, type WeekPattern } from '@schulverwaltung/shared';
import type { UntisExport, UntisLessonLine, UntisPlacement } from '../read/untis-export';
import type { NameMatcher } from './name-matching';
import type { SchoolSnapshot } from './school-snapshot';

// The export, with every name resolved to a SIS id: the state the timetable should have from the
// import's valid-from date on. The diff compares it with what the database holds.

export interface DesiredLesson {
  untisNumber: number;
  lineIndex: number;
  subjectId: string | null;
  teacherIds: string[];
  groupIds: string[];
  weeklyHours: number;
  lessonGroup: string | null;
  weekPattern: WeekPattern;
  studentGroup: string | null;
  text: string | null;
  validFrom: string;
  validTo: string | null;
  /** "weekday:period" → room id (null: no room) */
  placements: Map<string, string | null>;
  /** for previews: e.g. "Unterricht 12 (M, 7b, MÜL)" */
  label: string;
}

export interface DesiredCourseChoices {
  /** course group id → pupil person ids */
  membersByCourse: Map<string, Set<string>>;
}

export function slotKey(weekday: number, period: number): string {
  return `${weekday}:${period}`;
}

/** Lessons that run on or after `validFrom` (a line whose validity ended before is left out). */
export function desiredLessons(exported: UntisExport, matcher: NameMatcher, snapshot: SchoolSnapshot, validFrom: string, warn: (message: string) => void): DesiredLesson[] {
  const unknownGroups = new Set<string>();
  const lessons: DesiredLesson[] = [];
  const linesByNumber = new Map<number, DesiredLesson[]>();
  for (const line of exported.lessonLines) {
    const lesson = toDesiredLesson(line, matcher, snapshot, validFrom, unknownGroups);
    if (!lesson) continue;
    lessons.push(lesson);
    const list = linesByNumber.get(lesson.untisNumber);
    if (list) list.push(lesson);
    else linesByNumber.set(lesson.untisNumber, [lesson]);
  }
  for (const name of unknownGroups) {
    warn(`Unterrichtsgruppe „${name}“ hat kein bekanntes Wochenmuster: der Unterricht wird jede Woche angezeigt.`);
  }
  for (const placement of exported.placements) placeInLesson(placement, linesByNumber, matcher, warn);
  return lessons;
}

function toDesiredLesson(line: UntisLessonLine, matcher: NameMatcher, snapshot: SchoolSnapshot, validFrom: string, unknownGroups: Set<string>): DesiredLesson | null {
  const yearEnd = snapshot.schoolYear.endsOn;
  const from = line.validFrom && line.validFrom > validFrom ? line.validFrom : validFrom;
  const to = line.validTo && line.validTo < yearEnd ? line.validTo : yearEnd;
  if (to < from) return null;
  const course = matcher.course(line.subject) ?? matcher.course(line.studentGroup);
  const groupIds = course ? [course.id] : resolveGroups(line.classes, matcher, line.ref);
  const subjectId = course?.subjectId ?? matcher.subject(line.subject, line.ref) ?? null;
  const teacherId = matcher.teacher(line.teacher, line.ref);
  let weekPattern = line.weekPattern ?? weekPatternForLessonGroup(line.lessonGroup);
  if (!weekPattern) {
    if (line.lessonGroup) unknownGroups.add(line.lessonGroup);
    weekPattern = { kind: 'EVERY' };
  }
  return {
    untisNumber: line.lessonNumber, lineIndex: line.lineIndex, subjectId, teacherIds: teacherId ? [teacherId] : [],
    groupIds: [...new Set(groupIds)].sort(), weeklyHours: line.weeklyHours, lessonGroup: line.lessonGroup ?? null, weekPattern,
    studentGroup: line.studentGroup ?? null, text: line.text ?? null, validFrom: from, validTo: to,
    placements: new Map(), label: `Unterricht ${line.lessonNumber} (${[line.subject, line.classes.join(', '), line.teacher].filter(Boolean).join(', ')})`,
  };
}

function resolveGroups(classes: string[], matcher: NameMatcher, ref: UntisLessonLine['ref']): string[] {
  const ids: string[] = [];
  for (const name of classes) {
    const course = matcher.isCourse(name) ? matcher.course(name) : undefined;
    const id = course?.id ?? matcher.class(name, ref);
    if (id) ids.push(id);
  }
  return ids;
}

/** GPU001 names teacher and subject per row: that finds the coupling line; the room is resolved here. */
function placeInLesson(placement: UntisPlacement, linesByNumber: Map<number, DesiredLesson[]>, matcher: NameMatcher, warn: (message: string) => void): void {
  const lines = linesByNumber.get(placement.lessonNumber);
  if (!lines) {
    warn(`${placement.ref.file} Zeile ${placement.ref.line}: Unterricht ${placement.lessonNumber} steht nicht in den Unterrichtsdaten (GPU002) – Stunde übersprungen.`);
    return;
  }
  const teacherId = matcher.teacher(placement.teacher, placement.ref);
  const subjectId = matcher.subject(placement.subject, placement.ref);
  const line = lines.find((l) => l.subjectId === subjectId && (teacherId ? l.teacherIds.includes(teacherId) : l.teacherIds.length === 0))
    ?? lines.find((l) => teacherId !== undefined && l.teacherIds.includes(teacherId))
    ?? lines.find((l) => l.subjectId === subjectId)
    ?? lines[0];
  const roomId = matcher.room(placement.room, placement.ref) ?? null;
  const key = slotKey(placement.weekday, placement.period);
  if (!line.placements.has(key) || roomId) line.placements.set(key, roomId);
}

/** GPU015: pupil (by Untis key, alias, or name + birth date) → the course of the chosen lesson. */
export function desiredCourseChoices(exported: UntisExport, matcher: NameMatcher, snapshot: SchoolSnapshot, lessons: DesiredLesson[]): DesiredCourseChoices {
  const pupilOf = pupilResolver(exported, snapshot);
  const coursesByNumber = new Map<number, string[]>();
  const courseIds = new Set(snapshot.groups.filter((g) => g.kind !== 'CLASS').map((g) => g.id));
  for (const lesson of lessons) {
    const courses = lesson.groupIds.filter((id) => courseIds.has(id));
    if (courses.length) coursesByNumber.set(lesson.untisNumber, [...(coursesByNumber.get(lesson.untisNumber) ?? []), ...courses]);
  }
  const membersByCourse = new Map<string, Set<string>>();
  for (const choice of exported.courseChoices) {
    const personId = pupilOf(choice.pupilKey);
    if (!personId) {
      matcher.unmatchedPupil(choice.pupilKey, choice.ref);
      continue;
    }
    const courses = (choice.lessonNumber !== undefined ? coursesByNumber.get(choice.lessonNumber) : undefined)
      ?? [matcher.course(choice.subject)?.id].filter((id): id is string => !!id);
    for (const courseId of courses) {
      const members = membersByCourse.get(courseId) ?? new Set<string>();
      members.add(personId);
      membersByCourse.set(courseId, members);
    }
  }
  return { membersByCourse };
}

/** Untis pupil key → person id of an enrolled pupil. */
function pupilResolver(exported: UntisExport, snapshot: SchoolSnapshot): (key: string) => string | undefined {
  const byKey = new Map<string, string>();
  for (const alias of snapshot.aliases.filter((a) => a.kind === 'PUPIL')) {
    const pupil = snapshot.pupils.find((p) => p.id === alias.targetId || p.personId === alias.targetId);
    if (pupil) byKey.set(alias.untisName, pupil.personId);
  }
  const byExternalId = new Map(snapshot.pupils.filter((p) => p.externalId).map((p) => [p.externalId!, p.personId]));
  const byNameAndBirth = new Map(snapshot.pupils.map((p) => [`${normalizeName(`${p.firstName} ${p.lastName}`)}|${p.birthDate}`, p.personId]));
  const exportedPupils = new Map(exported.pupils.map((p) => [p.key, p]));
  return (key) => {
    const direct = byKey.get(key) ?? byExternalId.get(key);
    if (direct) return direct;
    const pupil = exportedPupils.get(key);
    if (!pupil?.birthDate || !pupil.lastName) return undefined;
    return byNameAndBirth.get(`${normalizeName(`${pupil.firstName ?? ''} ${pupil.lastName}`)}|${pupil.birthDate}`);
  };
}

/** GPU010 on its own: which pupils of the export are enrolled here (reported, nothing written). */
export function matchPupils(exported: UntisExport, snapshot: SchoolSnapshot, matcher: NameMatcher): { matched: number; total: number } {
  const pupilOf = pupilResolver(exported, snapshot);
  let matched = 0;
  for (const pupil of exported.pupils) {
    if (pupilOf(pupil.key)) matched++;
    else matcher.unmatchedPupil(pupil.key, pupil.ref);
  }
  return { matched, total: exported.pupils.length };
}
