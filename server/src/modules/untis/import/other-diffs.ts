import { randomUUID } from 'node:crypto';
import type { SubstitutionKind } from '@schulverwaltung/shared';
import type { UntisExport, UntisSubstitution, UntisSubstitutionKind } from '../read/untis-export';
import type { NameMatcher } from './name-matching';
import type { SnapshotHoliday, SnapshotPeriod, SnapshotSubstitution } from './school-snapshot';
import { addSample, canonicalJson, emptyDiff, type EntityDiff } from './timetable-diff';

// Substitutions, holidays, the time grid and course memberships: each reconciled only when the
// import carries that kind of file.

export type SubstitutionRow = Omit<SnapshotSubstitution, 'revision'> & { revision: number };

const KINDS: Record<UntisSubstitutionKind, SubstitutionKind> = {
  SUBSTITUTION: 'SUBSTITUTE', CANCELLATION: 'CANCELLED', ROOM_CHANGE: 'ROOM_CHANGE', SUPERVISION: 'SUPERVISION',
  BREAK_SUPERVISION: 'SUPERVISION', SPECIAL_DUTY: 'OTHER', SHIFTED: 'SHIFTED', RELEASE: 'CANCELLED', EXCHANGE: 'SUBSTITUTE',
  EXTRA: 'EXTRA', EXAM: 'OTHER', OTHER: 'OTHER',
};

export const KIND_LABELS: Record<SubstitutionKind, string> = {
  SUBSTITUTE: 'Vertretung', CANCELLED: 'Entfall', ROOM_CHANGE: 'Raumänderung', SUPERVISION: 'Betreuung', SHIFTED: 'Verlegung',
  EXTRA: 'Zusatzstunde', OTHER: 'Sonstiges',
};

/** Which lesson lineage a substitution changes: its lesson number, then the line of the absent teacher or subject. */
export type LineageFinder = (lessonNumber: number | undefined, teacherId: string | undefined, subjectId: string | undefined) => string | null;

export function lineageFinder(lessons: { untisNumber: number | null; lineageId: string; teacherIds: string[]; subjectId: string | null }[]): LineageFinder {
  const byNumber = new Map<number, typeof lessons>();
  for (const lesson of lessons) if (lesson.untisNumber !== null) byNumber.set(lesson.untisNumber, [...(byNumber.get(lesson.untisNumber) ?? []), lesson]);
  return (number, teacherId, subjectId) => {
    const lines = number === undefined ? undefined : byNumber.get(number);
    if (!lines?.length) return null;
    const line = lines.find((l) => teacherId && l.teacherIds.includes(teacherId)) ?? lines.find((l) => subjectId && l.subjectId === subjectId) ?? lines[0];
    return line.lineageId;
  };
}

function toSubstitutionRow(s: UntisSubstitution, matcher: NameMatcher, findLineage: LineageFinder): Omit<SubstitutionRow, 'id' | 'revision'> {
  const absentTeacherId = matcher.teacher(s.absentTeacher, s.ref);
  const subjectId = matcher.subject(s.subject, s.ref);
  const substituteTeacherId = matcher.teacher(s.substituteTeacher, s.ref, 'SUBSTITUTE_TEACHER');
  const substituteRoomId = matcher.room(s.substituteRooms[0], s.ref, 'SUBSTITUTE_ROOM') ?? null;
  const substituteSubjectId = matcher.subject(s.substituteSubject, s.ref) ?? null;
  const classes = s.substituteClasses.length ? s.substituteClasses : s.classes;
  const groupIds = [...new Set(classes.map((name) => (matcher.isCourse(name) ? matcher.course(name)?.id : matcher.class(name, s.ref))).filter((id): id is string => !!id))].sort();
  let kind = KINDS[s.kind];
  // Untis marks a plain room swap as an ordinary substitution: call it what it is.
  if (kind === 'SUBSTITUTE' && !substituteTeacherId && !substituteSubjectId && substituteRoomId) kind = 'ROOM_CHANGE';
  const lessonLineageId = findLineage(s.lessonNumber, absentTeacherId, subjectId);
  return {
    date: s.date, period: s.period, lessonLineageId: kind === 'EXTRA' ? null : lessonLineageId, kind,
    absentTeacherIds: absentTeacherId ? [absentTeacherId] : [], substituteTeacherIds: substituteTeacherId ? [substituteTeacherId] : [],
    substituteSubjectId, substituteRoomId, groupIds, reason: s.reason ?? null, text: s.text ?? null, untisId: s.untisId,
  };
}

const substitutionKey = (s: { untisId: number | null; date: string; period: number }) => `${s.untisId}|${s.date}|${s.period}`;
const CONTENT_FIELDS = ['lessonLineageId', 'kind', 'absentTeacherIds', 'substituteTeacherIds', 'substituteSubjectId', 'substituteRoomId', 'groupIds', 'reason', 'text'] as const;

/** The dates GPU014 covers: only substitutions in this range are replaced. */
export function substitutionRange(exported: UntisExport): { from: string; to: string } | null {
  if (exported.substitutions.length === 0) return null;
  const dates = exported.substitutions.map((s) => s.date).sort();
  return { from: dates[0], to: dates[dates.length - 1] };
}

export function diffSubstitutions(exported: UntisExport, current: SnapshotSubstitution[], matcher: NameMatcher, findLineage: LineageFinder, describe: (row: Omit<SubstitutionRow, 'id' | 'revision'>) => string): EntityDiff<SubstitutionRow> {
  const diff = emptyDiff<SubstitutionRow>();
  const existing = new Map(current.map((s) => [substitutionKey(s), s]));
  const seen = new Set<string>();
  for (const substitution of exported.substitutions) {
    const row = toSubstitutionRow(substitution, matcher, findLineage);
    const key = substitutionKey(row);
    if (seen.has(key)) continue;
    seen.add(key);
    const before = existing.get(key);
    if (!before) {
      diff.rows.insert.push({ ...row, id: randomUUID(), revision: 0 });
      addSample(diff, { change: 'ADDED', label: describe(row) });
    } else if (CONTENT_FIELDS.some((field) => canonicalJson(before[field]) !== canonicalJson(row[field]))) {
      diff.rows.update.push({ ...row, id: before.id, revision: before.revision + 1 });
      addSample(diff, { change: 'CHANGED', label: describe(row), before: describe(before), after: describe(row) });
    } else {
      diff.counts.unchanged++;
    }
  }
  for (const [key, before] of existing) {
    if (seen.has(key)) continue;
    diff.rows.remove.push(before.id);
    addSample(diff, { change: 'REMOVED', label: describe(before) });
  }
  return diff;
}

export type HolidayRow = Omit<SnapshotHoliday, 'id'> & { id: string };

/** GPU018/XML holidays inside the school year: added when missing, renamed when the dates match; others are kept. */
export function diffHolidays(exported: UntisExport, current: SnapshotHoliday[], year: { startsOn: string; endsOn: string }): EntityDiff<HolidayRow> {
  const diff = emptyDiff<HolidayRow>();
  for (const holiday of exported.holidays) {
    if (holiday.endsOn < year.startsOn || holiday.startsOn > year.endsOn) continue;
    const row = {
      name: holiday.name ?? holiday.shortName, kind: holiday.isPublicHoliday ? 'PUBLIC_HOLIDAY' : 'HOLIDAY',
      startsOn: holiday.startsOn < year.startsOn ? year.startsOn : holiday.startsOn, endsOn: holiday.endsOn > year.endsOn ? year.endsOn : holiday.endsOn,
    };
    const label = `${row.name} (${row.startsOn} – ${row.endsOn})`;
    const same = current.find((h) => h.startsOn === row.startsOn && h.endsOn === row.endsOn);
    if (!same) {
      diff.rows.insert.push({ ...row, id: randomUUID() });
      addSample(diff, { change: 'ADDED', label });
    } else if (same.name !== row.name) {
      diff.rows.update.push({ ...same, name: row.name });
      addSample(diff, { change: 'CHANGED', label, before: same.name, after: row.name });
    } else {
      diff.counts.unchanged++;
    }
  }
  return diff;
}

export type PeriodRow = Omit<SnapshotPeriod, 'id'> & { id: string };

/** The XML's time grid replaces the school's when it differs. */
export function diffTimeGrid(exported: UntisExport, current: SnapshotPeriod[]): EntityDiff<PeriodRow> {
  const diff = emptyDiff<PeriodRow>();
  const existing = new Map(current.map((p) => [`${p.weekday}:${p.period}`, p]));
  const wanted = new Set<string>();
  for (const slot of exported.timeGrid) {
    const key = `${slot.weekday}:${slot.period}`;
    wanted.add(key);
    const label = `${WEEKDAYS[slot.weekday]} ${slot.period}. Stunde`;
    const before = existing.get(key);
    const row = { weekday: slot.weekday, period: slot.period, startsAt: slot.startsAt, endsAt: slot.endsAt, label: slot.label ?? null };
    if (!before) {
      diff.rows.insert.push({ ...row, id: randomUUID() });
      addSample(diff, { change: 'ADDED', label, after: `${row.startsAt}–${row.endsAt}` });
    } else if (before.startsAt !== row.startsAt || before.endsAt !== row.endsAt) {
      diff.rows.update.push({ ...row, id: before.id });
      addSample(diff, { change: 'CHANGED', label, before: `${before.startsAt}–${before.endsAt}`, after: `${row.startsAt}–${row.endsAt}` });
    } else {
      diff.counts.unchanged++;
    }
  }
  for (const [key, before] of existing) {
    if (wanted.has(key)) continue;
    diff.rows.remove.push(before.id);
    addSample(diff, { change: 'REMOVED', label: `${WEEKDAYS[before.weekday]} ${before.period}. Stunde` });
  }
  return diff;
}

export const WEEKDAYS = ['', 'Mo', 'Di', 'Mi', 'Do', 'Fr', 'Sa', 'So'];

export interface MembershipRow { id: string; groupId: string; personId: string }

/** GPU015: the pupils of each course the file mentions become exactly the ones who chose it. */
export function diffCourseMembers(wanted: Map<string, Set<string>>, current: { id: string; groupId: string; personId: string }[], describe: (groupId: string, personId: string) => string): EntityDiff<MembershipRow> {
  const diff = emptyDiff<MembershipRow>();
  const existing = new Map(current.filter((m) => wanted.has(m.groupId)).map((m) => [`${m.groupId}|${m.personId}`, m]));
  for (const [groupId, members] of wanted) {
    for (const personId of members) {
      if (existing.delete(`${groupId}|${personId}`)) diff.counts.unchanged++;
      else {
        diff.rows.insert.push({ id: randomUUID(), groupId, personId });
        addSample(diff, { change: 'ADDED', label: describe(groupId, personId) });
      }
    }
  }
  for (const stale of existing.values()) {
    diff.rows.remove.push(stale.id);
    addSample(diff, { change: 'REMOVED', label: describe(stale.groupId, stale.personId) });
  }
  return diff;
}

