import type { FederalState, ReligiousEducation, SchoolType } from '@schulverwaltung/shared';
import type { DemoSizeName, DemoSizeSpec } from './demo-data.types';

// The fixed facts of the demo: schools, subjects, rooms, curricula and name lists. Everything that
// varies with the seed is drawn in the other demo-*.ts files.

/** Every demo login signs in with this password. */
export const DEMO_PASSWORD = 'Schule2026!';
export const DEFAULT_DEMO_SEED = 20260801;

export const DEMO_SIZES: Record<DemoSizeName, DemoSizeSpec> = {
  // ~900 + ~250 pupils, as a real Gymnasium and Grundschule of a Berlin district.
  full: {
    gymnasium: { classesPerGrade: 4, pupilsPerClass: 28, upperGradePupils: 115, courseSize: 20, teachers: 70 },
    grundschule: { classesPerGrade: 3, pupilsPerClass: 21, teachers: 18 },
  },
  // The same structure (every class, every demo login), few rows: for tests.
  small: {
    gymnasium: { classesPerGrade: 4, pupilsPerClass: 4, upperGradePupils: 12, courseSize: 8, teachers: 24 },
    grundschule: { classesPerGrade: 3, pupilsPerClass: 4, teachers: 8 },
  },
};

export const DEMO_CARRIER = { name: 'Bezirksamt Musterstadt', federalState: 'BE' as FederalState };
export const STATE_EMAIL_DOMAIN = 'bildung-berlin.example.org';
export const CARRIER_EMAIL_DOMAIN = 'bezirksamt-musterstadt.example.org';

export type SchoolKey = 'gym' | 'gs';
export type SubjectWeights = readonly (readonly [string, number])[];

export interface RoomSpec {
  shortName: string;
  name: string | null;
  capacity: number | null;
}

export interface SchoolProfile {
  key: SchoolKey;
  name: string;
  type: SchoolType;
  schoolNumber: string;
  street: string;
  postalCode: string;
  city: string;
  emailDomain: string;
  /** [Untis short name, German name] */
  subjects: readonly (readonly [string, string])[];
  rooms: readonly RoomSpec[];
  /** Grades taught in parallel classes (5a, 5b, …). */
  classGrades: readonly number[];
  /** Upper-school grades kept as one year group (class '11', '12') with courses. */
  yearGroupGrades: readonly number[];
  /** How often each subject appears among teachers' two subjects. */
  teacherSubjects: SubjectWeights;
  /** Subjects a class is taught; classIndex 0 = 'a'. */
  curriculum(gradeLevel: number, classIndex: number): string[];
}

function roomRange(prefix: string, floors: readonly number[], perFloor: number, capacity: number): RoomSpec[] {
  return floors.flatMap((floor) =>
    Array.from({ length: perFloor }, (_, i) => ({
      shortName: `${prefix}${floor}${String(i + 1).padStart(2, '0')}`, name: null, capacity,
    })),
  );
}

const GYMNASIUM_SPECIAL_ROOMS: RoomSpec[] = [
  { shortName: 'B101', name: 'Biologie 1', capacity: 30 }, { shortName: 'B102', name: 'Biologie 2', capacity: 30 },
  { shortName: 'B103', name: 'Chemie', capacity: 28 }, { shortName: 'B104', name: 'Chemie-Vorbereitung', capacity: null },
  { shortName: 'B105', name: 'Physik 1', capacity: 30 }, { shortName: 'B106', name: 'Physik 2', capacity: 30 },
  { shortName: 'INF1', name: 'Informatik 1', capacity: 28 }, { shortName: 'INF2', name: 'Informatik 2', capacity: 28 },
  { shortName: 'KU1', name: 'Kunst 1', capacity: 30 }, { shortName: 'KU2', name: 'Kunst 2', capacity: 30 },
  { shortName: 'MU1', name: 'Musik 1', capacity: 30 }, { shortName: 'MU2', name: 'Musik 2', capacity: 30 },
  { shortName: 'TH1', name: 'Turnhalle 1', capacity: 60 }, { shortName: 'TH2', name: 'Turnhalle 2', capacity: 60 },
  { shortName: 'AULA', name: 'Aula', capacity: 300 }, { shortName: 'BIB', name: 'Bibliothek', capacity: 40 },
];

const GRUNDSCHULE_SPECIAL_ROOMS: RoomSpec[] = [
  { shortName: 'TH1', name: 'Turnhalle', capacity: 60 },
  { shortName: 'MU', name: 'Musikraum', capacity: 28 },
  { shortName: 'WE', name: 'Werkraum', capacity: 24 },
];

/** Second foreign language from grade 5: French in the a/b classes, Latin in the others. */
const secondLanguage = (classIndex: number) => (classIndex < 2 ? 'F' : 'L');

export const GYMNASIUM: SchoolProfile = {
  key: 'gym',
  name: 'Humboldt-Gymnasium Musterstadt',
  type: 'GYMNASIUM',
  schoolNumber: '107401',
  street: 'Humboldtstraße 12',
  postalCode: '12203',
  city: 'Berlin',
  emailDomain: 'humboldt-gymnasium.example.org',
  subjects: [
    ['D', 'Deutsch'], ['M', 'Mathematik'], ['E', 'Englisch'], ['F', 'Französisch'], ['L', 'Latein'],
    ['BIO', 'Biologie'], ['CH', 'Chemie'], ['PH', 'Physik'], ['GE', 'Geschichte'], ['EK', 'Erdkunde'],
    ['PB', 'Politische Bildung'], ['KU', 'Kunst'], ['MU', 'Musik'], ['SP', 'Sport'], ['INF', 'Informatik'],
    ['ETH', 'Ethik'], ['PHIL', 'Philosophie'], ['DS', 'Darstellendes Spiel'],
    ['ER', 'Evangelische Religion'], ['KR', 'Katholische Religion'],
  ],
  rooms: [...roomRange('A', [1, 2, 3], 8, 32), ...GYMNASIUM_SPECIAL_ROOMS],
  classGrades: [5, 6, 7, 8, 9, 10],
  yearGroupGrades: [11, 12],
  teacherSubjects: [
    ['D', 12], ['M', 12], ['E', 10], ['F', 4], ['L', 3], ['BIO', 6], ['CH', 4], ['PH', 5], ['GE', 6], ['EK', 4],
    ['PB', 4], ['KU', 4], ['MU', 4], ['SP', 7], ['INF', 3], ['ETH', 3], ['PHIL', 1], ['DS', 1], ['ER', 1], ['KR', 1],
  ],
  curriculum(gradeLevel, classIndex) {
    const core = ['D', 'M', 'E', secondLanguage(classIndex), 'BIO', 'GE', 'EK', 'KU', 'MU', 'SP'];
    return gradeLevel <= 6 ? core : [...core, 'CH', 'PH', 'PB', 'ETH'];
  },
};

export const GRUNDSCHULE: SchoolProfile = {
  key: 'gs',
  name: 'Grundschule am Lindenpark',
  type: 'GRUNDSCHULE',
  schoolNumber: '107402',
  street: 'Lindenallee 5',
  postalCode: '12205',
  city: 'Berlin',
  emailDomain: 'grundschule-lindenpark.example.org',
  subjects: [
    ['D', 'Deutsch'], ['M', 'Mathematik'], ['SU', 'Sachunterricht'], ['E', 'Englisch'], ['KU', 'Kunst'],
    ['MU', 'Musik'], ['SP', 'Sport'], ['WE', 'Werken'], ['ER', 'Evangelische Religion'], ['KR', 'Katholische Religion'],
  ],
  rooms: [...roomRange('R', [1, 2], 6, 26), ...GRUNDSCHULE_SPECIAL_ROOMS],
  classGrades: [1, 2, 3, 4],
  yearGroupGrades: [],
  teacherSubjects: [
    ['D', 10], ['M', 10], ['SU', 6], ['E', 4], ['KU', 3], ['MU', 3], ['SP', 4], ['WE', 1], ['ER', 1], ['KR', 1],
  ],
  curriculum(gradeLevel) {
    const base = ['D', 'M', 'SU', 'KU', 'MU', 'SP'];
    return gradeLevel <= 2 ? base : [...base, 'E', 'WE'];
  },
};

/** Course names as in Untis exports: 'ma-L1' (Leistungskurs), 'de-G2' (Grundkurs). */
export const COURSE_CODES: Readonly<Record<string, string>> = {
  D: 'de', M: 'ma', E: 'en', F: 'fr', L: 'la', BIO: 'bio', CH: 'ch', PH: 'ph', GE: 'ge', EK: 'ek',
  PB: 'pb', KU: 'ku', MU: 'mu', SP: 'sp', INF: 'inf', PHIL: 'phil', DS: 'ds',
};
/** How popular each subject is as a Leistungskurs. */
export const ADVANCED_COURSE_WEIGHTS: SubjectWeights = [
  ['D', 18], ['M', 20], ['E', 18], ['BIO', 14], ['GE', 10], ['PH', 6], ['CH', 5], ['F', 3], ['EK', 6], ['KU', 4],
  ['INF', 3], ['PB', 4],
];
/** Grundkurse everyone takes unless the subject is one of their Leistungskurse. */
export const CORE_BASIC_COURSES = ['D', 'M', 'E', 'SP'] as const;
export const ELECTIVE_BASIC_COURSES = ['BIO', 'CH', 'PH', 'GE', 'PB', 'EK', 'KU', 'MU', 'INF', 'F', 'L', 'PHIL', 'DS'] as const;
/** Grundkurse per pupil, core courses included. */
export const BASIC_COURSES_PER_PUPIL = 6;

// Common German surnames, weighted into the faker names so umlauts, ß and duplicates are frequent —
// the name search is demonstrated with "Mueller" finding "Müller".
export const COMMON_SURNAMES = [
  'Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Schulz', 'Hoffmann',
  'Schäfer', 'Koch', 'Bauer', 'Richter', 'Klein', 'Wolf', 'Schröder', 'Neumann', 'Schwarz', 'Zimmermann',
  'Braun', 'Krüger', 'Hofmann', 'Hartmann', 'Lange', 'Werner', 'Krause', 'Lehmann', 'Köhler', 'Weiß',
  'Groß', 'Jäger', 'Böhm', 'Günther', 'Möller', 'Hübner', 'Kühn', 'Voß', 'Strauß', 'Förster',
  'Yılmaz', 'Kaya', 'Nowak', 'Kowalski', 'Nguyen', 'Popović',
] as const;
export const MUELLER = 'Müller';

export const RELIGIOUS_EDUCATION_WEIGHTS: readonly (readonly [ReligiousEducation, number])[] = [
  ['EVANGELISCH', 22], ['KATHOLISCH', 10], ['ISLAMISCH', 6], ['JUEDISCH', 1], ['ETHIK', 25], ['PHILOSOPHIE', 3], ['NONE', 33],
];

export const EMERGENCY_CONTACT_RELATIONS = ['Großmutter', 'Großvater', 'Tante', 'Onkel', 'Nachbarin', 'Patentante', 'Patenonkel'] as const;

/** Postal codes around the demo district; families mostly live nearby. */
export const DISTRICT_POSTAL_CODES = [
  '12157', '12159', '12161', '12163', '12165', '12167', '12169', '12203', '12205', '12207', '12209', '14193', '14195',
] as const;
/** A few families commute from Brandenburg. */
export const NEARBY_TOWNS: readonly (readonly [string, string])[] = [
  ['Teltow', '14513'], ['Kleinmachnow', '14532'], ['Stahnsdorf', '14532'], ['Potsdam', '14469'], ['Falkensee', '14612'],
];
export const PRIVATE_EMAIL_DOMAINS = ['example.org', 'example.com', 'example.net'] as const;
export const MOBILE_PREFIXES = ['151', '152', '157', '160', '162', '170', '171', '172', '176', '177'] as const;
