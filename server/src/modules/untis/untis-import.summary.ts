import type { UntisExport } from './read';
import { blockingUnmatched, plannedWrites, type ImportPlan } from './import/import-plan';
import type { Unmatched } from './import/name-matching';
import type { ChangeSample, EntityDiff } from './import/timetable-diff';

// What the preview shows and what is stored with an applied import: per entity the counts and
// the first changed rows, what could not be matched, and what would be created.

export interface EntityChangeSummary {
  entity: string;
  label: string;
  added: number;
  changed: number;
  removed: number;
  unchanged: number;
  samples: ChangeSample[];
}

export interface UntisImportSummary {
  actor: string;
  schoolYearId: string;
  schoolYear: string;
  validFrom: string;
  files: { name: string; kind: string; encoding: string; records: number; bytes: number; sha256: string }[];
  warnings: string[];
  unmatched: Unmatched[];
  created: { kind: string; name: string }[];
  changes: EntityChangeSummary[];
  pupilsMatched: number | null;
  pupilsInExport: number | null;
  /** unmatched teachers, classes, subjects or rooms: applying is refused until they are resolved */
  blocked: boolean;
  /** applying would write nothing */
  noChanges: boolean;
  rowsWritten: number;
  /** absences running on or after the changed days, linked anew to the lessons as they now take place */
  absencesRelinked?: number;
}

const ENTITIES: [key: string, label: string, pick: (plan: ImportPlan) => EntityDiff<unknown>][] = [
  ['LESSONS', 'Unterricht', (p) => p.timetable.lessons],
  ['TIMETABLE_ENTRIES', 'Stundenplan', (p) => p.timetable.entries],
  ['SUBSTITUTIONS', 'Vertretungen', (p) => p.substitutions],
  ['HOLIDAYS', 'Ferien und Feiertage', (p) => p.holidays],
  ['TIME_GRID', 'Zeitraster', (p) => p.timeGrid],
  ['COURSE_MEMBERS', 'Kurswahlen', (p) => p.courseMembers],
];

const CREATED_LABELS = { TEACHER: 'Lehrkraft', CLASS: 'Klasse', SUBJECT: 'Fach', ROOM: 'Raum', PUPIL: 'Schüler:in' } as const;

export function summarize(exported: UntisExport, plan: ImportPlan, actor: string): UntisImportSummary {
  return {
    actor,
    schoolYearId: plan.snapshot.schoolYear.id,
    schoolYear: plan.snapshot.schoolYear.name,
    validFrom: plan.validFrom,
    files: exported.files.map((f) => ({ name: f.name, kind: f.kind === 'UNSUPPORTED' ? `${f.detectedAs} (nicht importiert)` : f.kind, encoding: f.encoding, records: f.records, bytes: f.bytes, sha256: f.sha256 })),
    warnings: plan.warnings,
    unmatched: plan.unmatched,
    created: plan.creations.map((c) => ({ kind: CREATED_LABELS[c.kind], name: c.name ? `${c.untisName} (${c.name})` : c.untisName })),
    changes: ENTITIES.map(([entity, label, pick]) => ({ entity, label, ...pick(plan).counts, samples: pick(plan).samples })),
    pupilsMatched: plan.pupils?.matched ?? null,
    pupilsInExport: plan.pupils?.total ?? null,
    blocked: blockingUnmatched(plan).length > 0,
    noChanges: plannedWrites(plan) === 0,
    rowsWritten: 0,
  };
}
