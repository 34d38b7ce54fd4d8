import { randomUUID } from 'node:crypto';
import { addDays } from '@schulverwaltung/shared';
import type { DesiredLesson } from './desired-timetable';
import { slotKey } from './desired-timetable';
import type { SnapshotEntry, SnapshotLesson } from './school-snapshot';

// What must change so that, from the import's valid-from date V on, the timetable is the export —
// and nothing else. Past dates keep their versions: a version that began before V is end-dated
// the day before V and continues as a new version (same lineage, new id); one that begins on or
// after V is updated in place or removed. Unchanged lessons and entries are not touched, so their
// ids, the links to them and the calendar UIDs stay as they are.

export type LessonRow = Omit<SnapshotLesson, never>;
export type EntryRow = Omit<SnapshotEntry, never>;

export interface RowChanges<Row> {
  insert: Row[];
  update: Row[];
  endDate: { id: string; validTo: string }[];
  remove: string[];
}

export interface ChangeCounts { added: number; changed: number; removed: number; unchanged: number }
export type ChangeKind = 'ADDED' | 'CHANGED' | 'REMOVED';
export interface ChangeSample { change: ChangeKind; label: string; before?: string; after?: string }

export interface EntityDiff<Row> {
  rows: RowChanges<Row>;
  counts: ChangeCounts;
  samples: ChangeSample[];
}

export interface TimetableDiff {
  lessons: EntityDiff<LessonRow>;
  entries: EntityDiff<EntryRow>;
  /** the lessons as they are from V on (lineage per Untis line), for matching substitutions */
  resulting: { untisNumber: number; lineageId: string; teacherIds: string[]; subjectId: string | null }[];
}

export interface Describers {
  lesson(row: Pick<LessonRow, 'untisNumber' | 'subjectId' | 'teacherIds' | 'groupIds'>): string;
  lessonDetails(row: LessonRow): string;
  entry(lesson: Pick<LessonRow, 'untisNumber' | 'subjectId' | 'teacherIds' | 'groupIds'>, entry: Pick<EntryRow, 'weekday' | 'period' | 'roomId'>): string;
  room(roomId: string | null): string;
}

export const MAX_SAMPLES = 20;

export function emptyDiff<Row>(): EntityDiff<Row> {
  return { rows: { insert: [], update: [], endDate: [], remove: [] }, counts: { added: 0, changed: 0, removed: 0, unchanged: 0 }, samples: [] };
}

export function addSample<Row>(diff: EntityDiff<Row>, sample: ChangeSample): void {
  diff.counts[sample.change === 'ADDED' ? 'added' : sample.change === 'CHANGED' ? 'changed' : 'removed']++;
  if (diff.samples.length < MAX_SAMPLES) diff.samples.push(sample);
}

interface Lineage {
  lineageId: string;
  versions: LessonRow[];
  entries: EntryRow[];
}

export function diffTimetable(current: { lessons: SnapshotLesson[]; entries: SnapshotEntry[] }, desired: DesiredLesson[], validFrom: string, schoolYearId: string, describe: Describers): TimetableDiff {
  const diff: TimetableDiff = { lessons: emptyDiff(), entries: emptyDiff(), resulting: [] };
  const context = { diff, validFrom, dayBefore: addDays(validFrom, -1), schoolYearId, describe };
  const lineagesByNumber = groupLineages(current);
  const desiredByNumber = new Map<number, DesiredLesson[]>();
  for (const lesson of desired) desiredByNumber.set(lesson.untisNumber, [...(desiredByNumber.get(lesson.untisNumber) ?? []), lesson]);
  for (const number of new Set([...lineagesByNumber.keys(), ...desiredByNumber.keys()])) {
    const { pairs, added, removed } = pairLines(desiredByNumber.get(number) ?? [], lineagesByNumber.get(number) ?? []);
    for (const [wanted, lineage] of pairs) reconcileLineage(context, wanted, lineage);
    for (const wanted of added) addLineage(context, wanted);
    for (const lineage of removed) removeLineage(context, lineage);
  }
  return diff;
}

type Context = { diff: TimetableDiff; validFrom: string; dayBefore: string; schoolYearId: string; describe: Describers };

/** Lessons imported from Untis (hand-made ones have no number and are left alone), by number and lineage. */
function groupLineages(current: { lessons: SnapshotLesson[]; entries: SnapshotEntry[] }): Map<number, Lineage[]> {
  const byLineage = new Map<string, Lineage>();
  for (const version of current.lessons) {
    if (version.untisNumber === null) continue;
    const lineage = byLineage.get(version.lineageId) ?? { lineageId: version.lineageId, versions: [], entries: [] };
    lineage.versions.push(version);
    byLineage.set(version.lineageId, lineage);
  }
  for (const entry of current.entries) byLineage.get(entry.lessonLineageId)?.entries.push(entry);
  const byNumber = new Map<number, Lineage[]>();
  for (const lineage of byLineage.values()) {
    const number = lineage.versions[0].untisNumber!;
    byNumber.set(number, [...(byNumber.get(number) ?? []), lineage]);
  }
  return byNumber;
}

/** JSON with sorted keys: jsonb hands objects back with its own key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value).sort().map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

const sameIds = (a: string[], b: string[]) => a.length === b.length && a.every((id, i) => id === b[i]);
const sameSet = (a: string[], b: string[]) => sameIds([...a].sort(), [...b].sort());

/**
 * Pairs the export's coupling lines of one lesson number with the lineages stored for it: the
 * closest match first (same subject, teachers and groups; then subject and teachers; subject;
 * teachers), the rest in order, so a changed line continues its lineage instead of starting anew.
 */
function pairLines(wanted: DesiredLesson[], lineages: Lineage[]) {
  const pairs: [DesiredLesson, Lineage][] = [];
  let openWanted = [...wanted].sort((a, b) => a.lineIndex - b.lineIndex);
  let openLineages = [...lineages];
  const tests: ((d: DesiredLesson, l: LessonRow) => boolean)[] = [
    // Untis may list one lesson twice with consecutive validity ranges: the range tells them apart.
    (d, l) => d.subjectId === l.subjectId && sameIds(d.teacherIds, l.teacherIds) && sameSet(d.groupIds, l.groupIds) && d.validTo === l.validTo,
    (d, l) => d.subjectId === l.subjectId && sameIds(d.teacherIds, l.teacherIds) && sameSet(d.groupIds, l.groupIds),
    (d, l) => d.subjectId === l.subjectId && sameIds(d.teacherIds, l.teacherIds),
    (d, l) => d.subjectId === l.subjectId,
    (d, l) => sameIds(d.teacherIds, l.teacherIds),
    () => true,
  ];
  for (const test of tests) {
    for (const d of openWanted) {
      const match = openLineages.find((l) => test(d, representative(l)));
      if (!match) continue;
      pairs.push([d, match]);
      openLineages = openLineages.filter((l) => l !== match);
    }
    openWanted = openWanted.filter((d) => !pairs.some(([paired]) => paired === d));
  }
  return { pairs, added: openWanted, removed: openLineages };
}

/** The version valid on the import's date, else the first one after it. */
function representative(lineage: Lineage): LessonRow {
  return lineage.versions[0];
}

function sameLesson(row: LessonRow, wanted: DesiredLesson): boolean {
  return row.subjectId === wanted.subjectId && sameIds(row.teacherIds, wanted.teacherIds) && sameSet(row.groupIds, wanted.groupIds)
    && row.weeklyHours === wanted.weeklyHours && row.lessonGroup === wanted.lessonGroup
    && canonicalJson(row.weekPattern) === canonicalJson(wanted.weekPattern) && row.studentGroup === wanted.studentGroup
    && row.text === wanted.text && row.validTo === wanted.validTo;
}

/** One version with the same content that starts where the export's lesson starts (or already ran before V). */
function isUnchanged(versions: LessonRow[], wanted: DesiredLesson, validFrom: string): boolean {
  if (versions.length !== 1 || !sameLesson(versions[0], wanted)) return false;
  const startsAt = versions[0].validFrom;
  return startsAt === wanted.validFrom || (startsAt < validFrom && wanted.validFrom === validFrom);
}

function lessonValues(wanted: DesiredLesson): Omit<LessonRow, 'id' | 'lineageId' | 'validFrom'> {
  return {
    untisNumber: wanted.untisNumber, subjectId: wanted.subjectId, teacherIds: wanted.teacherIds, groupIds: wanted.groupIds,
    weeklyHours: wanted.weeklyHours, lessonGroup: wanted.lessonGroup, weekPattern: wanted.weekPattern, studentGroup: wanted.studentGroup,
    text: wanted.text, validTo: wanted.validTo,
  };
}

function reconcileLineage(ctx: Context, wanted: DesiredLesson, lineage: Lineage): void {
  ctx.diff.resulting.push({ ...wanted, lineageId: lineage.lineageId });
  const lessonChanged = reconcileLessonVersions(ctx, wanted, lineage);
  reconcileEntries(ctx, lineage.lineageId, wanted, lineage.entries, lessonChanged);
}

/** Returns whether the lesson changed (its entries then get a new SEQUENCE too, so calendars refresh). */
function reconcileLessonVersions(ctx: Context, wanted: DesiredLesson, lineage: Lineage): boolean {
  const { diff, validFrom, dayBefore, describe } = ctx;
  const covering = lineage.versions.find((v) => v.validFrom <= validFrom);
  const later = lineage.versions.filter((v) => v.validFrom > validFrom);
  if (isUnchanged(lineage.versions, wanted, validFrom)) {
    diff.lessons.counts.unchanged++;
    return false;
  }
  const before = representative(lineage);
  // Versions after V are superseded by the export; without a covering version the first of them is reused.
  diff.lessons.rows.remove.push(...later.filter((v) => covering || v !== before).map((v) => v.id));
  const values = { ...lessonValues(wanted), lineageId: lineage.lineageId, validFrom: wanted.validFrom };
  if (covering && covering.validFrom === wanted.validFrom) {
    diff.lessons.rows.update.push({ ...values, id: covering.id });
  } else if (covering) {
    diff.lessons.rows.endDate.push({ id: covering.id, validTo: dayBefore });
    diff.lessons.rows.insert.push({ ...values, id: randomUUID() });
  } else {
    diff.lessons.rows.update.push({ ...values, id: before.id });
  }
  addSample(diff.lessons, { change: 'CHANGED', label: describe.lesson(wanted), before: describe.lessonDetails(before), after: describe.lessonDetails({ ...values, id: '' }) });
  return true;
}

function addLineage(ctx: Context, wanted: DesiredLesson): void {
  const lineageId = randomUUID();
  ctx.diff.resulting.push({ ...wanted, lineageId });
  const row: LessonRow = { ...lessonValues(wanted), id: randomUUID(), lineageId, validFrom: wanted.validFrom };
  ctx.diff.lessons.rows.insert.push(row);
  addSample(ctx.diff.lessons, { change: 'ADDED', label: ctx.describe.lesson(wanted), after: ctx.describe.lessonDetails(row) });
  reconcileEntries(ctx, lineageId, wanted, [], false);
}

function removeLineage(ctx: Context, lineage: Lineage): void {
  const { diff, validFrom, dayBefore, describe } = ctx;
  for (const version of lineage.versions) {
    if (version.validFrom >= validFrom) diff.lessons.rows.remove.push(version.id);
    else diff.lessons.rows.endDate.push({ id: version.id, validTo: dayBefore });
  }
  const before = representative(lineage);
  addSample(diff.lessons, { change: 'REMOVED', label: describe.lesson(before), before: describe.lessonDetails(before) });
  for (const entry of lineage.entries) removeEntryVersion(ctx, entry);
  diff.entries.counts.removed += new Set(lineage.entries.map((e) => slotKey(e.weekday, e.period))).size;
}

function removeEntryVersion(ctx: Context, entry: EntryRow): void {
  if (entry.validFrom >= ctx.validFrom) ctx.diff.entries.rows.remove.push(entry.id);
  else ctx.diff.entries.rows.endDate.push({ id: entry.id, validTo: ctx.dayBefore });
}

/** Entries of one lineage: per weekday and period, the room from V on. */
function reconcileEntries(ctx: Context, lineageId: string, wanted: DesiredLesson, existing: EntryRow[], lessonChanged: boolean): void {
  const bySlot = new Map<string, EntryRow[]>();
  for (const entry of existing) bySlot.set(slotKey(entry.weekday, entry.period), [...(bySlot.get(slotKey(entry.weekday, entry.period)) ?? []), entry]);
  for (const key of new Set([...bySlot.keys(), ...wanted.placements.keys()])) {
    const versions = bySlot.get(key) ?? [];
    if (wanted.placements.has(key)) placeEntry(ctx, lineageId, wanted, key, versions, lessonChanged);
    else unplaceEntry(ctx, wanted, versions);
  }
}

function placeEntry(ctx: Context, lineageId: string, wanted: DesiredLesson, key: string, versions: EntryRow[], lessonChanged: boolean): void {
  const { diff, validFrom, dayBefore, describe } = ctx;
  const roomId = wanted.placements.get(key) ?? null;
  const [weekday, period] = key.split(':').map(Number);
  const covering = versions.find((v) => v.validFrom <= validFrom);
  const later = versions.filter((v) => v.validFrom > validFrom);
  if (covering && later.length === 0 && covering.roomId === roomId && covering.validTo === null && !lessonChanged) {
    diff.entries.counts.unchanged++;
    return;
  }
  diff.entries.rows.remove.push(...later.map((v) => v.id));
  const lastSequence = Math.max(-1, ...versions.map((v) => v.sequence));
  const base = { lessonLineageId: lineageId, weekday, period, roomId, validTo: null };
  if (covering && covering.validFrom === validFrom) {
    diff.entries.rows.update.push({ ...base, id: covering.id, validFrom, sequence: lastSequence + 1 });
  } else if (covering) {
    diff.entries.rows.endDate.push({ id: covering.id, validTo: dayBefore });
    diff.entries.rows.insert.push({ ...base, id: randomUUID(), validFrom, sequence: lastSequence + 1 });
  } else {
    diff.entries.rows.insert.push({ ...base, id: randomUUID(), validFrom, sequence: lastSequence + 1 });
  }
  const label = describe.entry(wanted, { weekday, period, roomId });
  if (!covering && later.length === 0) addSample(diff.entries, { change: 'ADDED', label, after: describe.room(roomId) });
  else addSample(diff.entries, { change: 'CHANGED', label, before: describe.room((covering ?? later[0]).roomId), after: describe.room(roomId) });
}

function unplaceEntry(ctx: Context, wanted: DesiredLesson, versions: EntryRow[]): void {
  if (versions.length === 0) return;
  for (const version of versions) removeEntryVersion(ctx, version);
  addSample(ctx.diff.entries, { change: 'REMOVED', label: ctx.describe.entry(wanted, versions[0]), before: ctx.describe.room(versions[0].roomId) });
}
