import { EntityManager } from 'typeorm';
import type { AppAbility } from '@schulverwaltung/shared';
import { can, checkId } from '../../common/access';
import { badInput, notFound } from '../../common/app-error';
import { queryPrepared } from '../../database/prepared-query';
import { TimetableTargetInput, TimetableTargetKind } from './timetable.types';

// Whose timetable: a class (or course), a teacher, a room or a pupil. Resolving a target checks the
// caller's right to read it and finds what selects its lessons: the groups of a class or pupil, the
// teacher's person id, the room id; and the schools whose timetable it spans.

export interface TimetableTarget {
  kind: TimetableTargetKind;
  id: string;
  /** only this school (a teacher may teach at several) */
  schoolId?: string | null;
}

export interface ResolvedTarget {
  kind: TimetableTargetKind;
  id: string;
  title: string;
  /** the schools whose timetable is shown: one, or each school of a teacher the caller may see */
  schoolIds: string[];
  /** CLASS: the group; PUPIL: their class(es) and courses in the school years of the range */
  groupIds: string[];
}

const FIELDS: Record<TimetableTargetKind, 'classId' | 'teacherId' | 'roomId' | 'pupilId'> = {
  CLASS: 'classId', TEACHER: 'teacherId', ROOM: 'roomId', PUPIL: 'pupilId',
};
const LABELS: Record<TimetableTargetKind, string> = { CLASS: 'Gruppe', TEACHER: 'Lehrkraft', ROOM: 'Raum', PUPIL: 'Schüler:in' };

/** Exactly one of classId, teacherId, roomId, pupilId; checks the ids' form. */
export function parseTarget(input: TimetableTargetInput, argumentName = 'target'): TimetableTarget {
  const given = (Object.entries(FIELDS) as [TimetableTargetKind, keyof TimetableTargetInput][]).filter(([, field]) => input[field]);
  if (given.length !== 1) throw badInput(argumentName, 'muss genau eines von classId, teacherId, roomId, pupilId angeben', 'exactly_one');
  const [kind, field] = given[0];
  const schoolId = input.schoolId ? checkId(input.schoolId, `${argumentName}.schoolId`) : null;
  return { kind, id: checkId(input[field] as string, `${argumentName}.${field}`), schoolId };
}

/** May the ability read this target's timetable at this school? */
function mayReadTimetable(ability: AppAbility, target: Pick<TimetableTarget, 'kind' | 'id'>, schoolId: string): boolean {
  return can(ability, 'read', 'Timetable', { schoolId, [FIELDS[target.kind]]: target.id });
}

/**
 * The target as the ability may see it in [from, to], or NOT_FOUND — also for a target that exists
 * but lies outside the caller's rights, so that other schools' classes, rooms and people do not leak.
 */
export async function resolveTarget(manager: EntityManager, ability: AppAbility, target: TimetableTarget, from: string, to: string): Promise<ResolvedTarget> {
  const candidates = await candidatesOf(manager, target, from, to);
  const visible = candidates.filter((c) => (!target.schoolId || c.schoolId === target.schoolId) && mayReadTimetable(ability, target, c.schoolId));
  if (visible.length === 0) throw notFound(LABELS[target.kind], target.id);
  return {
    kind: target.kind,
    id: target.id,
    title: titleOf(target.kind, visible),
    schoolIds: visible.map((c) => c.schoolId),
    groupIds: [...new Set(visible.flatMap((c) => c.groupIds))],
  };
}

// One row per school the target belongs to (several only for a teacher).
interface Candidate {
  schoolId: string;
  name: string;
  abbreviation: string | null;
  groupIds: string[];
}

const CLASS_SQL = `SELECT school_id AS "schoolId", name, NULL AS abbreviation, ARRAY[id] AS "groupIds" FROM groups WHERE id = $1`;
const ROOM_SQL = `SELECT school_id AS "schoolId", short_name AS name, NULL AS abbreviation, '{}'::uuid[] AS "groupIds" FROM rooms WHERE id = $1`;
// A teacher counts at each school where they hold the teacher role at some time in [from, to].
const TEACHER_SQL = `
  SELECT DISTINCT ON (m.school_id) m.school_id AS "schoolId", pe.last_name AS name, m.abbreviation, '{}'::uuid[] AS "groupIds"
  FROM persons pe
  JOIN memberships m ON m.person_id = pe.id AND m.role = 'TEACHER' AND m.valid_from <= $3 AND (m.valid_to IS NULL OR m.valid_to >= $2)
  WHERE pe.id = $1
  ORDER BY m.school_id, m.valid_from DESC`;
// A pupil's lessons are those of their class (enrolment) and of the courses and working groups
// they belong to, in the school years that overlap [from, to].
const PUPIL_SQL = `
  SELECT p.school_id AS "schoolId", pe.first_name || ' ' || pe.last_name AS name, NULL AS abbreviation,
    ARRAY(
      SELECT e.class_id FROM enrolments e JOIN school_years sy ON sy.id = e.school_year_id
      WHERE e.pupil_id = p.id AND e.class_id IS NOT NULL AND sy.starts_on <= $3 AND sy.ends_on >= $2
      UNION
      SELECT gm.group_id FROM group_members gm JOIN groups g ON g.id = gm.group_id JOIN school_years sy ON sy.id = g.school_year_id
      WHERE gm.person_id = p.person_id AND gm.school_id = p.school_id AND gm.role = 'PUPIL' AND sy.starts_on <= $3 AND sy.ends_on >= $2
    ) AS "groupIds"
  FROM pupils p JOIN persons pe ON pe.id = p.person_id
  WHERE p.id = $1`;

function candidatesOf(manager: EntityManager, target: TimetableTarget, from: string, to: string): Promise<Candidate[]> {
  switch (target.kind) {
    case 'CLASS': return queryPrepared<Candidate>(manager, CLASS_SQL, [target.id]);
    case 'ROOM': return queryPrepared<Candidate>(manager, ROOM_SQL, [target.id]);
    case 'TEACHER': return queryPrepared<Candidate>(manager, TEACHER_SQL, [target.id, from, to]);
    case 'PUPIL': return queryPrepared<Candidate>(manager, PUPIL_SQL, [target.id, from, to]);
  }
}

function titleOf(kind: TimetableTargetKind, visible: Candidate[]): string {
  const { name } = visible[0];
  if (kind === 'ROOM') return `Raum ${name}`;
  if (kind !== 'TEACHER') return name;
  // A teacher at two schools may have two Kürzel: "Müller (MÜL, MUE)".
  const abbreviations = [...new Set(visible.flatMap((c) => (c.abbreviation ? [c.abbreviation] : [])))].sort();
  return abbreviations.length > 0 ? `${name} (${abbreviations.join(', ')})` : name;
}
