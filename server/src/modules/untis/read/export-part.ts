import { UntisExport, UntisWarning } from './untis-export';

/** The record lists of an UntisExport, each named after the content it carries. */
export type UntisContentKey =
  | 'timeGrid' | 'teachers' | 'classes' | 'rooms' | 'subjects' | 'lessonLines' | 'placements'
  | 'substitutions' | 'pupils' | 'courseChoices' | 'holidays';

/**
 * What one file contributes to the export. A list is set (possibly empty) exactly when the file
 * carries that kind of content; readUntisFiles derives the `present` flags from that.
 */
export type UntisExportPart = Partial<Pick<UntisExport, UntisContentKey | 'schoolNumber' | 'rangeFrom' | 'rangeTo'>> & {
  warnings: UntisWarning[];
};

/** Which `present` flag each list sets. */
export const PRESENT_FLAG: Record<UntisContentKey, keyof UntisExport['present']> = {
  timeGrid: 'timeGrid',
  teachers: 'teachers',
  classes: 'classes',
  rooms: 'rooms',
  subjects: 'subjects',
  lessonLines: 'lessons',
  placements: 'placements',
  substitutions: 'substitutions',
  pupils: 'pupils',
  courseChoices: 'courseChoices',
  holidays: 'holidays',
};

export const CONTENT_KEYS = Object.keys(PRESENT_FLAG) as UntisContentKey[];

/** German names of the content kinds, for messages. */
export const CONTENT_LABEL: Record<UntisContentKey, string> = {
  timeGrid: 'das Zeitraster',
  teachers: 'Lehrkräfte',
  classes: 'Klassen',
  rooms: 'Räume',
  subjects: 'Fächer',
  lessonLines: 'Unterricht',
  placements: 'den Stundenplan',
  substitutions: 'Vertretungen',
  pupils: 'Schülerinnen und Schüler',
  courseChoices: 'Kurswahlen',
  holidays: 'Ferien',
};
