import { GRUNDSCHULE, GYMNASIUM, type SchoolProfile } from '../../../demo/demo-catalog';
import type { DemoDataset, GroupRow, PersonRow } from '../../../demo/demo-data.types';

// The rows of one demo school in a generated DemoDataset, looked up once for the Untis mapping.

export interface DemoSchoolRows {
  dataset: DemoDataset;
  schoolId: string;
  profile: SchoolProfile;
  classes: GroupRow[];
  courses: GroupRow[];
  persons: Map<string, PersonRow>;
  /** TEACHER membership Kürzel by person id */
  abbreviations: Map<string, string>;
}

export function demoSchoolRows(dataset: DemoDataset, schoolId: string): DemoSchoolRows {
  const school = dataset.schools.find((s) => s.id === schoolId);
  const profile = [GYMNASIUM, GRUNDSCHULE].find((p) => p.schoolNumber === school?.schoolNumber);
  if (!school || !profile) throw new RangeError(`Demo data: ${schoolId} is not a demo school`);
  const year = dataset.schoolYears.find((y) => y.schoolId === schoolId && y.isCurrent);
  const groups = dataset.groups.filter((g) => g.schoolId === schoolId && g.schoolYearId === year?.id);
  const abbreviations = new Map(dataset.memberships
    .filter((m) => m.schoolId === schoolId && m.role === 'TEACHER' && m.abbreviation)
    .map((m) => [m.personId, m.abbreviation as string]));
  return {
    dataset, schoolId, profile,
    classes: groups.filter((g) => g.kind === 'CLASS'),
    courses: groups.filter((g) => g.kind === 'COURSE'),
    persons: new Map(dataset.persons.map((p) => [p.id, p])),
    abbreviations,
  };
}

/** A year group is the upper-school class named after its grade ('11', '12'). */
export function isYearGroup(group: GroupRow): boolean {
  return group.name === String(group.gradeLevel);
}

export function classIndex(className: string): number {
  return Math.max(0, className.charCodeAt(className.length - 1) - 97);
}


/** Demo course names carry the level: 'ma-L1' is a Leistungskurs, 'de-G2' a Grundkurs. */
export function courseLevel(courseName: string): 'L' | 'G' {
  return courseName.includes('-L') ? 'L' : 'G';
}
