import { EntityManager } from 'typeorm';
import {
  addDays, DayOffInput, expandTimetable, GroupRef, LessonOccurrence, PeriodTimeInput, RoomRef, SubjectRef, SubstitutionInput,
  SubstitutionKind, TeacherRef, TimetableSlotInput, WeekPattern, weekday,
} from '@schulverwaltung/shared';
import { loadAll, queryPrepared } from '../../database/prepared-query';
import { timetableDayCache } from './timetable-day-cache';

// Loads what expandTimetable needs for some schools and a date range, and expands it. Any target's
// week (or a feed's thirteen) costs four statements whatever its size: lesson versions joined with
// their entries, the substitutions, time grid and days off (these three at once), then the names of
// the subjects, teachers, groups and rooms they mention. All are prepared statements: they run on
// every timetable view and every calendar fetch.

/** What selects the lessons: a class's or pupil's groups, a teacher, a room, (substitution plan) every substitution, or all. */
export type LessonSelection =
  | { by: 'GROUPS'; groupIds: string[] }
  | { by: 'TEACHER'; teacherId: string }
  | { by: 'ROOM'; roomId: string }
  | { by: 'SUBSTITUTED' }
  | { by: 'ALL' };

/** One lesson on one day, with the school it belongs to. */
export interface DatedLesson extends LessonOccurrence {
  schoolId: string;
  weekday: number;
}

export interface TimeGridRow extends PeriodTimeInput {
  schoolId: string;
  label: string | null;
}

export interface DayOffRow extends DayOffInput {
  schoolId: string;
}

export interface TimetableData {
  /** by date and time */
  lessons: DatedLesson[];
  timeGrid: TimeGridRow[];
  daysOff: DayOffRow[];
}

export async function loadTimetable(
  manager: EntityManager, schoolIds: string[], selection: LessonSelection, from: string, to: string,
): Promise<TimetableData> {
  if (schoolIds.length === 1 && timetableDayCache.enabled && from <= to && to <= addDays(from, CACHED_RANGE_DAYS - 1)) {
    return loadCachedDays(manager, schoolIds[0], selection, from, to);
  }
  return loadUncached(manager, schoolIds, selection, from, to);
}

async function loadUncached(manager: EntityManager, schoolIds: string[], selection: LessonSelection, from: string, to: string): Promise<TimetableData> {
  const parameters = selection.by === 'SUBSTITUTED' || selection.by === 'ALL' ? [schoolIds, from, to] : [schoolIds, from, to, selectionValue(selection)];
  const [slots, substitutions, [calendar]] = await loadAll<[SlotRow[], SubstitutionRow[], CalendarRow[]]>(manager, [
    () => queryPrepared<SlotRow>(manager, SLOTS_SQL[selection.by], parameters),
    () => queryPrepared<SubstitutionRow>(manager, SUBSTITUTIONS_SQL[selection.by], parameters),
    () => queryPrepared<CalendarRow>(manager, CALENDAR_SQL, [schoolIds, from, to]),
  ]);
  const names = await loadNames(manager, schoolIds, slots, substitutions);
  const lessons = schoolIds
    .flatMap((schoolId) => expandSchool(schoolId, { slots, substitutions, calendar, names }, from, to))
    .filter((lesson) => isSelected(selection, lesson));
  return { lessons: sortAcrossSchools(lessons, schoolIds.length), timeGrid: calendar.timeGrid, daysOff: calendar.daysOff };
}

// Up to two weeks (a week view, a register day, an absence) come from the day cache; longer ranges
// (a calendar feed's thirteen weeks) are loaded directly and not cached.
const CACHED_RANGE_DAYS = 14;

const REVISION_SQL = `SELECT timetable_revision::text AS revision FROM schools WHERE id = $1`;

/**
 * One school's days from the cache: the revision is read first, so a day loaded after a change
 * committed is at worst newer than its key, never older. Missing days are loaded together (the
 * whole school, every lesson) and cached, once however many requests ask at the same moment; the
 * selection is applied to the cached days.
 */
async function loadCachedDays(manager: EntityManager, schoolId: string, selection: LessonSelection, from: string, to: string): Promise<TimetableData> {
  const [row] = await queryPrepared<{ revision: string }>(manager, REVISION_SQL, [schoolId]);
  if (!row) return { lessons: [], timeGrid: [], daysOff: [] };
  const days = await timetableDayCache.getOrLoad(schoolId, datesFrom(from, to), row.revision, async (first, last) => {
    const loaded = await loadUncached(manager, [schoolId], { by: 'ALL' }, first, last);
    return new Map(datesFrom(first, last).map((date) => [date, {
      timeGrid: loaded.timeGrid,
      lessons: loaded.lessons.filter((lesson) => lesson.date === date),
      daysOff: loaded.daysOff.filter((dayOff) => dayOff.startsOn <= date && dayOff.endsOn >= date),
    }]));
  });
  return {
    lessons: days.flatMap((day) => day.lessons.filter((lesson) => isSelected(selection, lesson))),
    timeGrid: [...days[0].timeGrid],
    daysOff: distinctDaysOff(days.flatMap((day) => day.daysOff)),
  };
}

function datesFrom(from: string, to: string): string[] {
  const dates: string[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) dates.push(date);
  return dates;
}

// A holiday spanning several days is cached with each of them; listed once, by first day and name.
function distinctDaysOff(daysOff: DayOffRow[]): DayOffRow[] {
  const byKey = new Map(daysOff.map((d) => [`${d.startsOn}|${d.endsOn}|${d.name}|${d.kind}`, d]));
  return [...byKey.values()].sort((a, b) => (a.startsOn === b.startsOn ? a.name.localeCompare(b.name) : a.startsOn < b.startsOn ? -1 : 1));
}

function selectionValue(selection: Exclude<LessonSelection, { by: 'SUBSTITUTED' | 'ALL' }>): string | string[] {
  switch (selection.by) {
    case 'GROUPS': return selection.groupIds;
    case 'TEACHER': return selection.teacherId;
    case 'ROOM': return selection.roomId;
  }
}

// $1 schools, $2 from, $3 to, $4 the selection's groups, teacher or room.
const LESSON_IN_RANGE = `l.school_id = ANY($1) AND l.valid_from <= $3 AND (l.valid_to IS NULL OR l.valid_to >= $2)`;
const SUBSTITUTION_IN_RANGE = `s.school_id = ANY($1) AND s.date BETWEEN $2 AND $3`;

// The lesson lineages a selection touches. All their versions and entries in the range are loaded,
// and isSelected keeps what concerns the target: a version taught by someone else, an entry in
// another room drop out. A teacher's lessons include those they cover as a substitute, a room's
// those moved into it. (Selecting lineages first lets the join below use the lineage indexes.)
const SELECTED_LINEAGES: Record<LessonSelection['by'], string> = {
  GROUPS: `SELECT l.lineage_id FROM lessons l WHERE ${LESSON_IN_RANGE} AND l.group_ids && $4::uuid[]`,
  TEACHER: `SELECT l.lineage_id FROM lessons l WHERE ${LESSON_IN_RANGE} AND l.teacher_ids && ARRAY[$4::uuid]
    UNION SELECT s.lesson_lineage_id FROM substitutions s WHERE ${SUBSTITUTION_IN_RANGE} AND s.substitute_teacher_ids && ARRAY[$4::uuid]`,
  ROOM: `SELECT e.lesson_lineage_id FROM timetable_entries e
    WHERE e.school_id = ANY($1) AND e.room_id = $4::uuid AND e.valid_from <= $3 AND (e.valid_to IS NULL OR e.valid_to >= $2)
    UNION SELECT s.lesson_lineage_id FROM substitutions s WHERE ${SUBSTITUTION_IN_RANGE} AND s.substitute_room_id = $4::uuid`,
  SUBSTITUTED: `SELECT s.lesson_lineage_id FROM substitutions s WHERE ${SUBSTITUTION_IN_RANGE}`,
  ALL: `SELECT l.lineage_id FROM lessons l WHERE ${LESSON_IN_RANGE}`,
};

// Each entry version paired with each lesson version of its lineage that overlaps it, valid where both are.
const SLOTS_SQL = mapSelections((by) => `
  SELECT l.id AS "lessonId", l.lineage_id AS "lineageId", l.school_id AS "schoolId", l.subject_id AS "subjectId",
         l.teacher_ids AS "teacherIds", l.group_ids AS "groupIds", l.week_pattern AS "weekPattern",
         e.id AS "entryId", e.weekday, e.period, e.room_id AS "roomId", e.sequence,
         greatest(l.valid_from, e.valid_from) AS "validFrom", least(l.valid_to, e.valid_to) AS "validTo"
  FROM lessons l
  JOIN timetable_entries e ON e.lesson_lineage_id = l.lineage_id
   AND e.valid_from <= $3 AND (e.valid_to IS NULL OR e.valid_to >= $2)
   AND (l.valid_to IS NULL OR e.valid_from <= l.valid_to) AND (e.valid_to IS NULL OR e.valid_to >= l.valid_from)
  WHERE ${LESSON_IN_RANGE} AND l.lineage_id IN (${SELECTED_LINEAGES[by]})`);

// Substitutions of those lineages, and those not tied to a lesson (extra lessons) that name the target.
const UNTIED_SUBSTITUTIONS: Record<LessonSelection['by'], string> = {
  GROUPS: 's.group_ids && $4::uuid[]',
  TEACHER: 's.substitute_teacher_ids && ARRAY[$4::uuid]',
  ROOM: 's.substitute_room_id = $4::uuid',
  SUBSTITUTED: 'TRUE',
  ALL: 'TRUE',
};
// Oldest change first: when several substitutions hit one lesson, expandTimetable lets the last one win.
const SUBSTITUTIONS_SQL = mapSelections((by) => `
  SELECT s.id, s.school_id AS "schoolId", s.date, s.period, s.lesson_lineage_id AS "lessonLineageId", s.kind,
         s.substitute_teacher_ids AS "substituteTeacherIds", s.substitute_subject_id AS "substituteSubjectId",
         s.substitute_room_id AS "substituteRoomId", s.group_ids AS "groupIds", s.text, s.revision
  FROM substitutions s
  WHERE ${SUBSTITUTION_IN_RANGE} AND (${UNTIED_SUBSTITUTIONS[by]} OR s.lesson_lineage_id IN (${SELECTED_LINEAGES[by]}))
  ORDER BY s.updated_at, s.revision, s.id`);

function mapSelections(sqlOf: (by: LessonSelection['by']) => string): Record<LessonSelection['by'], string> {
  return { GROUPS: sqlOf('GROUPS'), TEACHER: sqlOf('TEACHER'), ROOM: sqlOf('ROOM'), SUBSTITUTED: sqlOf('SUBSTITUTED'), ALL: sqlOf('ALL') };
}

// All three kinds of days off mean no lessons: holidays, public holidays, days without lessons.
const CALENDAR_SQL = `
  SELECT
    (SELECT coalesce(json_agg(json_build_object('schoolId', school_id, 'weekday', weekday, 'period', period,
        'startsAt', starts_at, 'endsAt', ends_at, 'label', label) ORDER BY school_id, weekday, period), '[]'::json)
      FROM time_grid_periods WHERE school_id = ANY($1)) AS "timeGrid",
    (SELECT coalesce(json_agg(json_build_object('schoolId', school_id, 'name', name, 'kind', kind,
        'startsOn', starts_on, 'endsOn', ends_on) ORDER BY starts_on, name), '[]'::json)
      FROM holidays WHERE school_id = ANY($1) AND starts_on <= $3 AND ends_on >= $2) AS "daysOff"`;

// Names of everything the lessons mention. A teacher's Kürzel belongs to a school (a teacher at two
// schools may have two): the latest teacher membership with one wins.
const NAMES_SQL = `
  SELECT
    (SELECT coalesce(json_agg(json_build_object('id', pe.id, 'name', pe.last_name, 'abbreviations', (
        SELECT coalesce(json_object_agg(m.school_id, m.abbreviation ORDER BY m.valid_from), '{}'::json) FROM memberships m
        WHERE m.person_id = pe.id AND m.role = 'TEACHER' AND m.school_id = ANY($1) AND m.abbreviation IS NOT NULL))), '[]'::json)
      FROM persons pe WHERE pe.id = ANY($2)) AS teachers,
    (SELECT coalesce(json_agg(json_build_object('id', id, 'shortName', short_name, 'name', name)), '[]'::json)
      FROM subjects WHERE school_id = ANY($1) AND id = ANY($3)) AS subjects,
    (SELECT coalesce(json_agg(json_build_object('id', id, 'shortName', short_name)), '[]'::json)
      FROM rooms WHERE school_id = ANY($1) AND id = ANY($4)) AS rooms,
    (SELECT coalesce(json_agg(json_build_object('id', id, 'name', name, 'kind', kind)), '[]'::json)
      FROM groups WHERE school_id = ANY($1) AND id = ANY($5)) AS groups`;

interface SlotRow {
  lessonId: string; lineageId: string; schoolId: string; subjectId: string | null; teacherIds: string[]; groupIds: string[];
  weekPattern: WeekPattern; entryId: string; weekday: number; period: number; roomId: string | null; sequence: number;
  validFrom: string; validTo: string | null;
}

interface SubstitutionRow {
  id: string; schoolId: string; date: string; period: number; lessonLineageId: string | null; kind: SubstitutionKind;
  substituteTeacherIds: string[]; substituteSubjectId: string | null; substituteRoomId: string | null; groupIds: string[];
  text: string | null; revision: number;
}

interface CalendarRow {
  timeGrid: TimeGridRow[];
  daysOff: DayOffRow[];
}

interface NameRows {
  teachers: { id: string; name: string; abbreviations: Record<string, string> }[];
  subjects: SubjectRef[];
  rooms: RoomRef[];
  groups: GroupRef[];
}

/** Looks up the references of lessons and substitutions by id. */
class Names {
  private readonly teachers: Map<string, NameRows['teachers'][number]>;
  private readonly subjects: Map<string, SubjectRef>;
  private readonly rooms: Map<string, RoomRef>;
  private readonly groupsById: Map<string, GroupRef>;

  constructor(rows: NameRows) {
    this.teachers = new Map(rows.teachers.map((t) => [t.id, t]));
    this.subjects = new Map(rows.subjects.map((s) => [s.id, s]));
    this.rooms = new Map(rows.rooms.map((r) => [r.id, r]));
    this.groupsById = new Map(rows.groups.map((g) => [g.id, g]));
  }

  subject(id: string | null): SubjectRef | null {
    return (id && this.subjects.get(id)) || null;
  }

  room(id: string | null): RoomRef | null {
    return (id && this.rooms.get(id)) || null;
  }

  groups(ids: string[]): GroupRef[] {
    return ids.flatMap((id) => this.groupsById.get(id) ?? []);
  }

  /** Without a Kürzel at the school, the last name stands in. */
  teachersAt(schoolId: string, ids: string[]): TeacherRef[] {
    return ids.flatMap((id) => {
      const teacher = this.teachers.get(id);
      return teacher ? [{ id, abbreviation: teacher.abbreviations[schoolId] ?? teacher.name, name: teacher.name }] : [];
    });
  }
}

async function loadNames(manager: EntityManager, schoolIds: string[], slots: SlotRow[], substitutions: SubstitutionRow[]): Promise<Names> {
  const teacherIds = unique([...slots.flatMap((s) => s.teacherIds), ...substitutions.flatMap((s) => s.substituteTeacherIds)]);
  const subjectIds = unique([...slots.map((s) => s.subjectId), ...substitutions.map((s) => s.substituteSubjectId)]);
  const roomIds = unique([...slots.map((s) => s.roomId), ...substitutions.map((s) => s.substituteRoomId)]);
  const groupIds = unique([...slots.flatMap((s) => s.groupIds), ...substitutions.flatMap((s) => s.groupIds)]);
  if (teacherIds.length + subjectIds.length + roomIds.length + groupIds.length === 0) return new Names({ teachers: [], subjects: [], rooms: [], groups: [] });
  const [rows] = await queryPrepared<NameRows>(manager, NAMES_SQL, [schoolIds, teacherIds, subjectIds, roomIds, groupIds]);
  return new Names(rows);
}

function unique(ids: (string | null)[]): string[] {
  return [...new Set(ids.filter((id): id is string => id !== null))];
}

interface Loaded {
  slots: SlotRow[];
  substitutions: SubstitutionRow[];
  calendar: CalendarRow;
  names: Names;
}

// Each school has its own time grid and days off, so each is expanded on its own.
function expandSchool(schoolId: string, loaded: Loaded, from: string, to: string): DatedLesson[] {
  const { slots, substitutions, calendar, names } = loaded;
  const occurrences = expandTimetable({
    slots: slots.filter((s) => s.schoolId === schoolId).map((s) => toSlot(s, names)),
    substitutions: substitutions.filter((s) => s.schoolId === schoolId).map((s) => toSubstitution(s, names)),
    periods: calendar.timeGrid.filter((p) => p.schoolId === schoolId),
    daysOff: calendar.daysOff.filter((d) => d.schoolId === schoolId),
    from, to,
  });
  return occurrences.map((occurrence) => ({ ...occurrence, schoolId, weekday: weekday(occurrence.date) }));
}

function toSlot(row: SlotRow, names: Names): TimetableSlotInput {
  return {
    entryId: row.entryId, lessonId: row.lessonId, lessonLineageId: row.lineageId,
    weekday: row.weekday, period: row.period, validFrom: row.validFrom, validTo: row.validTo,
    subject: names.subject(row.subjectId), teachers: names.teachersAt(row.schoolId, row.teacherIds),
    groups: names.groups(row.groupIds), room: names.room(row.roomId),
    weekPattern: row.weekPattern, sequence: row.sequence,
  };
}

function toSubstitution(row: SubstitutionRow, names: Names): SubstitutionInput {
  return {
    id: row.id, date: row.date, period: row.period, lessonLineageId: row.lessonLineageId, kind: row.kind,
    substituteTeachers: names.teachersAt(row.schoolId, row.substituteTeacherIds),
    substituteSubject: names.subject(row.substituteSubjectId),
    substituteRoom: names.room(row.substituteRoomId),
    groups: names.groups(row.groupIds),
    text: row.text, revision: row.revision,
  };
}

/** Whether a dated lesson belongs to the selection (after substitutions: a covered lesson does, a moved-away one still shows). */
function isSelected(selection: LessonSelection, lesson: DatedLesson): boolean {
  switch (selection.by) {
    case 'GROUPS': return lesson.groups.some((group) => selection.groupIds.includes(group.id));
    case 'TEACHER': return [...lesson.teachers, ...(lesson.original?.teachers ?? [])].some((teacher) => teacher.id === selection.teacherId);
    case 'ROOM': return lesson.room?.id === selection.roomId || lesson.original?.room?.id === selection.roomId;
    case 'SUBSTITUTED': return lesson.substitutionId !== null;
    case 'ALL': return true;
  }
}

// One school's lessons come sorted from expandTimetable; lessons of several schools are merged by
// day and clock time (a stable sort keeps each school's order otherwise).
function sortAcrossSchools(lessons: DatedLesson[], schoolCount: number): DatedLesson[] {
  if (schoolCount < 2) return lessons;
  const key = (lesson: DatedLesson) => `${lesson.date} ${lesson.startsAt ?? '99:99'}`;
  return lessons.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}
