import { randomUUID } from 'node:crypto';
import type { SourceRef, UntisExport, UntisFileKind } from '../read/untis-export';
import type { UntisAliasKind } from '../untis-alias.entity';
import type { SchoolSnapshot } from './school-snapshot';

// Untis names → SIS ids. Aliases an admin set win; then exact names (classes without leading
// zeros, `05a` = `5a`; Kürzel and short names case-insensitively). Subjects and rooms that are
// missing are created; teachers and classes only when the admin asked for it. Everything else is
// listed as unmatched with the place it was read, and blocks applying: nothing is guessed.

export type MatchKind = UntisAliasKind;

export interface Unmatched {
  kind: MatchKind;
  untisName: string;
  /** German, names file, line and field of the first place the name occurs */
  message: string;
  occurrences: number;
}

export interface PlannedCreation {
  kind: MatchKind;
  id: string;
  untisName: string;
  /** long name from the export, when it has one */
  name?: string;
}

export interface MatchOptions {
  createMissingTeachers: boolean;
  createMissingClasses: boolean;
}

const FIELDS: Partial<Record<UntisFileKind, Partial<Record<MatchKind | 'SUBSTITUTE_TEACHER' | 'SUBSTITUTE_ROOM', number>>>> = {
  GPU001: { CLASS: 2, TEACHER: 3, SUBJECT: 4, ROOM: 5 },
  GPU002: { CLASS: 5, TEACHER: 6, SUBJECT: 7, ROOM: 8 },
  GPU014: { TEACHER: 6, SUBSTITUTE_TEACHER: 7, SUBJECT: 8, ROOM: 12, SUBSTITUTE_ROOM: 13, CLASS: 15 },
  GPU015: { PUPIL: 1, SUBJECT: 3, CLASS: 5 },
  GPU010: { PUPIL: 1, CLASS: 10 },
};

const LABELS: Record<MatchKind, string> = { TEACHER: 'Lehrkraft', CLASS: 'Klasse', SUBJECT: 'Fach', ROOM: 'Raum', PUPIL: 'Schüler:in' };

export const normalizeClassName = (name: string) => name.trim().toLowerCase().replace(/^0+(?=\d)/, '');
const normalizeKey = (name: string) => name.trim().toLowerCase();

export class NameMatcher {
  readonly unmatched = new Map<string, Unmatched>();
  readonly creations = new Map<string, PlannedCreation>();
  private readonly teachers = new Map<string, string>();
  private readonly classes = new Map<string, string>();
  private readonly courses = new Map<string, { id: string; subjectId: string | null }>();
  private readonly subjects = new Map<string, string>();
  private readonly rooms = new Map<string, string>();
  private readonly kindOfFile: Map<string, UntisFileKind | 'UNSUPPORTED'>;

  constructor(private readonly snapshot: SchoolSnapshot, private readonly exported: UntisExport, private readonly options: MatchOptions) {
    this.kindOfFile = new Map(exported.files.map((f) => [f.name, f.kind]));
    for (const t of snapshot.teachers) this.teachers.set(normalizeKey(t.abbreviation), t.personId);
    for (const g of snapshot.groups) {
      if (g.kind === 'CLASS') this.classes.set(normalizeClassName(g.name), g.id);
      else {
        this.courses.set(normalizeKey(g.name), { id: g.id, subjectId: g.subjectId });
        if (g.externalId) this.courses.set(normalizeKey(g.externalId), { id: g.id, subjectId: g.subjectId });
      }
    }
    for (const s of snapshot.subjects) this.subjects.set(normalizeKey(s.shortName), s.id);
    for (const r of snapshot.rooms) this.rooms.set(normalizeKey(r.shortName), r.id);
    // Aliases last: they override a same-named record.
    for (const alias of snapshot.aliases) this.mapFor(alias.kind)?.set(this.keyFor(alias.kind, alias.untisName), alias.targetId);
  }

  teacher(name: string | undefined, ref: SourceRef, field: 'TEACHER' | 'SUBSTITUTE_TEACHER' = 'TEACHER'): string | undefined {
    return this.resolve('TEACHER', name, ref, field, this.options.createMissingTeachers);
  }

  class(name: string, ref: SourceRef): string | undefined {
    return this.resolve('CLASS', name, ref, 'CLASS', this.options.createMissingClasses);
  }

  subject(name: string | undefined, ref: SourceRef): string | undefined {
    return this.resolve('SUBJECT', name, ref, 'SUBJECT', true);
  }

  room(name: string | undefined, ref: SourceRef, field: 'ROOM' | 'SUBSTITUTE_ROOM' = 'ROOM'): string | undefined {
    return this.resolve('ROOM', name, ref, field, true);
  }

  /** An upper-school course named like the Untis subject or student group (e.g. "ma-L1"), if the school has one. */
  course(name: string | undefined): { id: string; subjectId: string | null } | undefined {
    return name ? this.courses.get(normalizeKey(name)) : undefined;
  }

  /** A class name that is not a class but a course of the school (courses may stand where Untis writes a class). */
  isCourse(name: string): boolean {
    return this.courses.has(normalizeKey(name)) && !this.classes.has(normalizeClassName(name));
  }

  /** Reports a pupil that could not be matched (they do not block the import: only their course choices are skipped). */
  unmatchedPupil(key: string, ref: SourceRef): void {
    this.report('PUPIL', key, ref, 'PUPIL');
  }

  get blocking(): Unmatched[] {
    return [...this.unmatched.values()].filter((u) => u.kind !== 'PUPIL');
  }

  private resolve(kind: MatchKind, name: string | undefined, ref: SourceRef, field: string, mayCreate: boolean): string | undefined {
    if (name === undefined || name.trim() === '') return undefined;
    const map = this.mapFor(kind)!;
    const key = this.keyFor(kind, name);
    const known = map.get(key);
    if (known) return known;
    if (mayCreate) {
      const planned: PlannedCreation = { kind, id: randomUUID(), untisName: name.trim(), name: this.longNameOf(kind, name) };
      this.creations.set(`${kind}:${key}`, planned);
      map.set(key, planned.id);
      return planned.id;
    }
    this.report(kind, name, ref, field);
    return undefined;
  }

  private report(kind: MatchKind, name: string, ref: SourceRef, field: string): void {
    const id = `${kind}:${this.keyFor(kind, name)}`;
    const existing = this.unmatched.get(id);
    if (existing) {
      existing.occurrences++;
      return;
    }
    this.unmatched.set(id, { kind, untisName: name, message: this.message(kind, name, ref, field), occurrences: 1 });
  }

  private message(kind: MatchKind, name: string, ref: SourceRef, field: string): string {
    const fileKind = this.kindOfFile.get(ref.file);
    const fieldNumber = fileKind && fileKind !== 'UNSUPPORTED' ? FIELDS[fileKind]?.[field as MatchKind] : undefined;
    const where = `${ref.file}${ref.line ? ` Zeile ${ref.line}` : ''}${fieldNumber ? `, Feld ${fieldNumber}` : ''} (${LABELS[kind]})`;
    const year = this.snapshot.schoolYear.name;
    const what = {
      TEACHER: `ist keine Lehrkraft (Kürzel) der Schule ${this.snapshot.school.name}`,
      CLASS: `ist keine Klasse im Schuljahr ${year}`,
      SUBJECT: 'ist kein Fach der Schule',
      ROOM: 'ist kein Raum der Schule',
      PUPIL: `ist keine Schülerin und kein Schüler der Schule (weder Untis-Schlüssel noch Name und Geburtsdatum passen)`,
    }[kind];
    return `${where}: „${name}“ ${what}`;
  }

  private mapFor(kind: MatchKind): Map<string, string> | undefined {
    return { TEACHER: this.teachers, CLASS: this.classes, SUBJECT: this.subjects, ROOM: this.rooms, PUPIL: undefined }[kind];
  }

  private keyFor(kind: MatchKind, name: string): string {
    return kind === 'CLASS' ? normalizeClassName(name) : normalizeKey(name);
  }

  private longNameOf(kind: MatchKind, name: string): string | undefined {
    const list = { TEACHER: this.exported.teachers, CLASS: this.exported.classes, SUBJECT: this.exported.subjects, ROOM: this.exported.rooms, PUPIL: [] }[kind];
    const found = (list as { shortName: string }[]).find((item) => this.keyFor(kind, item.shortName) === this.keyFor(kind, name));
    if (!found) return undefined;
    if ('lastName' in found) return [(found as { firstName?: string }).firstName, (found as { lastName?: string }).lastName].filter(Boolean).join(' ') || undefined;
    return (found as { name?: string; longName?: string }).name ?? (found as { longName?: string }).longName;
  }
}
