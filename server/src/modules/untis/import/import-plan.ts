import type { EntityManager } from 'typeorm';
import type { UntisExport } from '../read/untis-export';
import { desiredCourseChoices, desiredLessons, matchPupils, type DesiredLesson } from './desired-timetable';
import { NameMatcher, type MatchOptions, type PlannedCreation, type Unmatched } from './name-matching';
import {
  diffCourseMembers, diffHolidays, diffSubstitutions, diffTimeGrid, KIND_LABELS, lineageFinder, substitutionRange, WEEKDAYS,
  type HolidayRow, type MembershipRow, type PeriodRow, type SubstitutionRow,
} from './other-diffs';
import { loadSubstitutions, type SchoolSnapshot } from './school-snapshot';
import { diffTimetable, emptyDiff, type Describers, type EntityDiff, type TimetableDiff } from './timetable-diff';

// Everything an import would do, computed without writing: the preview shows it, apply writes it.

export interface ImportPlan {
  snapshot: SchoolSnapshot;
  validFrom: string;
  warnings: string[];
  unmatched: Unmatched[];
  creations: PlannedCreation[];
  pupils: { matched: number; total: number } | null;
  timetable: TimetableDiff;
  substitutions: EntityDiff<SubstitutionRow>;
  holidays: EntityDiff<HolidayRow>;
  timeGrid: EntityDiff<PeriodRow>;
  courseMembers: EntityDiff<MembershipRow>;
}

export async function buildImportPlan(manager: EntityManager, exported: UntisExport, snapshot: SchoolSnapshot, validFrom: string, options: MatchOptions): Promise<ImportPlan> {
  const warnings = exported.warnings.map((w) => w.message);
  const matcher = new NameMatcher(snapshot, exported, options);
  const describe = describers(snapshot, matcher);
  let lessons: DesiredLesson[] = [];
  let timetable: TimetableDiff = { lessons: emptyDiff(), entries: emptyDiff(), resulting: [] };
  if (exported.present.lessons) {
    lessons = desiredLessons(exported, matcher, snapshot, validFrom, (message) => warnings.push(message));
    timetable = diffTimetable(snapshot, lessons, validFrom, snapshot.schoolYear.id, describe);
  }
  let substitutions = emptyDiff<SubstitutionRow>();
  const range = substitutionRange(exported);
  if (exported.present.substitutions && range) {
    const findLineage = lineageFinder(exported.present.lessons ? timetable.resulting : snapshot.lessons);
    const current = await loadSubstitutions(manager, snapshot.school.id, range.from, range.to);
    substitutions = diffSubstitutions(exported, current, matcher, findLineage, (row) => describeSubstitution(row, snapshot, describe));
  }
  const pupils = exported.present.pupils ? matchPupils(exported, snapshot, matcher) : null;
  let courseMembers = emptyDiff<MembershipRow>();
  if (exported.present.courseChoices) {
    const { membersByCourse } = desiredCourseChoices(exported, matcher, snapshot, lessons.length ? lessons : []);
    const current = await manager.query(`SELECT id, group_id AS "groupId", person_id AS "personId" FROM group_members WHERE group_id = ANY($1) AND role = 'PUPIL'`, [[...membersByCourse.keys()]]);
    courseMembers = diffCourseMembers(membersByCourse, current, (groupId, personId) => describeMember(snapshot, groupId, personId));
  }
  return {
    snapshot, validFrom, warnings, unmatched: [...matcher.unmatched.values()], creations: [...matcher.creations.values()], pupils, timetable,
    substitutions, courseMembers,
    holidays: exported.present.holidays ? diffHolidays(exported, snapshot.holidays, snapshot.schoolYear) : emptyDiff(),
    timeGrid: exported.present.timeGrid ? diffTimeGrid(exported, snapshot.timeGrid) : emptyDiff(),
  };
}

/** Unmatched teachers, classes, subjects or rooms block applying; unmatched pupils only lose their course choices. */
export function blockingUnmatched(plan: ImportPlan): Unmatched[] {
  return plan.unmatched.filter((u) => u.kind !== 'PUPIL');
}

/** Rows the plan would write (creations included). */
export function plannedWrites(plan: ImportPlan): number {
  const count = (d: EntityDiff<unknown>) => d.rows.insert.length + d.rows.update.length + d.rows.endDate.length + d.rows.remove.length;
  return plan.creations.length + count(plan.timetable.lessons) + count(plan.timetable.entries) + count(plan.substitutions)
    + count(plan.holidays) + count(plan.timeGrid) + count(plan.courseMembers);
}

function describers(snapshot: SchoolSnapshot, matcher: NameMatcher): Describers {
  const names = new Map<string, string>();
  for (const s of snapshot.subjects) names.set(s.id, s.shortName);
  for (const r of snapshot.rooms) names.set(r.id, r.shortName);
  for (const g of snapshot.groups) names.set(g.id, g.name);
  for (const t of snapshot.teachers) names.set(t.personId, t.abbreviation);
  const name = (id: string | null) => (id ? names.get(id) ?? [...matcher.creations.values()].find((c) => c.id === id)?.untisName ?? '?' : '–');
  const lesson: Describers['lesson'] = (row) => `Unterricht ${row.untisNumber ?? '–'} (${[name(row.subjectId), row.groupIds.map(name).join(', '), row.teacherIds.map(name).join(', ')].filter((p) => p && p !== '–').join(', ')})`;
  return {
    lesson,
    lessonDetails: (row) => `${name(row.subjectId)} · ${row.groupIds.map(name).join(', ') || '–'} · ${row.teacherIds.map(name).join(', ') || '–'} · ${weeklyHours(row.weeklyHours)}${row.lessonGroup ? ` · ${row.lessonGroup}` : ''}${row.validTo ? ` · bis ${germanDate(row.validTo)}` : ''}`,
    entry: (l, e) => `${lesson(l)} ${WEEKDAYS[e.weekday]} ${e.period}. Stunde`,
    room: (id) => (id ? `Raum ${name(id)}` : 'ohne Raum'),
  };
}

const weeklyHours = (hours: number) => `${String(hours).replace('.', ',')} ${hours === 1 ? 'Wochenstunde' : 'Wochenstunden'}`;
const germanDate = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

function describeSubstitution(row: Pick<SubstitutionRow, 'date' | 'period' | 'kind' | 'groupIds' | 'substituteTeacherIds' | 'substituteRoomId'>, snapshot: SchoolSnapshot, describe: Describers): string {
  const groups = row.groupIds.map((id) => snapshot.groups.find((g) => g.id === id)?.name ?? '?').join(', ');
  const teachers = row.substituteTeacherIds.map((id) => snapshot.teachers.find((t) => t.personId === id)?.abbreviation ?? '?').join(', ');
  const kind = KIND_LABELS[row.kind as keyof typeof KIND_LABELS] ?? row.kind;
  return `${germanDate(row.date)} ${row.period}. Stunde${groups ? ` ${groups}` : ''}: ${kind}${teachers ? ` (${teachers})` : ''}${row.substituteRoomId ? `, ${describe.room(row.substituteRoomId)}` : ''}`;
}

function describeMember(snapshot: SchoolSnapshot, groupId: string, personId: string): string {
  const group = snapshot.groups.find((g) => g.id === groupId)?.name ?? '?';
  const pupil = snapshot.pupils.find((p) => p.personId === personId);
  return `${group}: ${pupil ? `${pupil.lastName}, ${pupil.firstName}` : personId}`;
}
