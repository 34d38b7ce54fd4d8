import { addDays, holidayTemplatesFor, schoolYearStartingIn, type Gender } from '@schulverwaltung/shared';
import { GYMNASIUM } from '../../../demo/demo-catalog';
import { DemoPeople, emailLocalPart } from '../../../demo/demo-people';
import { makeAbbreviation } from '../../../demo/demo-staff';
import { deriveRandom, type SeededRandom } from '../../../demo/random';
import { COURSE_HOURS, GYMNASIUM_CURRICULUM, RELIGION_HOURS } from './stundentafeln';
import { fitsWindows1252, holidayShortName, pupilKey, uniqueKey } from './untis-names';
import type {
  CouplingSpec, CourseSpec, UntisClassSpec, UntisGender, UntisPupilSpec, UntisRoomSpec, UntisSchoolSpec,
  UntisSubjectSpec, UntisTeacherSpec,
} from './untis-school-spec';

export { mutateExport } from './mutate-export';

// A large synthetic school for the Untis import benchmark (npm run bench:untis): an NRW-style
// Gymnasium with 13 parallel classes in grades 5–9 and 12 in grade 10 (77 classes) plus the
// year groups EF, Q1, Q2 (80 Untis classes), 150 teachers and 1,200 pupils with course choices:
// the upper school (200 per year group, courses chosen along bands) and grades 9–10 (religion
// group and Wahlpflicht course). Grades 5–8 have no pupils in the export, as schools only enter
// pupils into Untis where they choose. German names from faker (de locale, seeded), all of them
// writable in Windows-1252, so the benchmark can use either encoding without losing a letter.

export const LARGE_SCHOOL_SIZE = {
  teachers: 150,
  parallelClasses: { 5: 13, 6: 13, 7: 13, 8: 13, 9: 13, 10: 12 } as Readonly<Record<number, number>>,
  yearGroups: [['EF', 11], ['Q1', 12], ['Q2', 13]] as readonly (readonly [string, number])[],
  pupilsPerYearGroup: 200,
  /** Grades whose pupils are in the export (their choices: religion group, Wahlpflicht). */
  choosingGrades: [9, 10] as readonly number[],
  pupilsPerClass: 24,
  /** A course is opened per this many pupils choosing a subject in a band. */
  courseSize: 30,
  /** Religion/Ethik and Wahlpflicht are coupled across groups of this many parallel classes. */
  couplingGroupSize: 4,
} as const;

const SCHOOL_YEAR_START = 2026;
const SCHOOL_YEAR = schoolYearStartingIn(SCHOOL_YEAR_START);
const EMAIL_DOMAIN = 'gymnasium-am-stadtpark.example.org';
const PERIODS_PER_DAY = 8;
/** The demo Gymnasium's subjects plus the Wahlpflicht subjects of grades 9–10. */
const SUBJECTS: readonly (readonly [string, string])[] = [...GYMNASIUM.subjects, ['S', 'Spanisch'], ['NW', 'Naturwissenschaften']];
const SUBJECT_ROOM_KINDS: Readonly<Record<string, readonly [kind: string, isRequired: boolean]>> = {
  SP: ['Sporthalle', true], INF: ['Informatik', true], BIO: ['Biologie', false], CH: ['Chemie', false],
  PH: ['Physik', false], KU: ['Kunst', false], MU: ['Musik', false], NW: ['Biologie', false],
};
/** Wahlpflicht lines (grades 9–10), one per subject; none of them is a class subject there. */
const ELECTIVE_SUBJECTS = ['S', 'NW', 'INF', 'DS', 'PHIL'];
const ELECTIVE_HOURS = 2;
/** Religious education chosen by pupils of the choosing grades. */
const RELIGION_CHOICES: readonly (readonly [string, number])[] = [['ER', 35], ['KR', 25], ['ETH', 40]];
/** [kind, name, count] of the special rooms; sports halls are divisible into thirds. */
const SPECIAL_ROOMS: readonly (readonly [string, string, string, number])[] = [
  ['TH', 'Sporthalle', 'Sporthallendrittel', 9], ['BIO', 'Biologie', 'Biologie', 4], ['CH', 'Chemie', 'Chemie', 3],
  ['PH', 'Physik', 'Physik', 3], ['INF', 'Informatik', 'Informatik', 3], ['KU', 'Kunst', 'Kunst', 3], ['MU', 'Musik', 'Musik', 3],
];
const GENERAL_ROOMS = { buildings: ['A', 'B', 'C', 'D'], floors: [0, 1, 2], perFloor: 11, capacity: 32 } as const;

type Level = 'L' | 'G';
interface Band {
  name: string;
  level: Level;
  subjects: readonly string[];
}

/** Bands of each year group: two Leistungskurs bands, six Grundkurs bands (28 periods a week). */
const BANDS: readonly Band[] = [
  { name: 'L1', level: 'L', subjects: ['D', 'E', 'BIO', 'GE', 'KU', 'PH', 'F'] },
  { name: 'L2', level: 'L', subjects: ['M', 'E', 'BIO', 'EK', 'CH', 'PB', 'INF'] },
  { name: 'G1', level: 'G', subjects: ['D', 'M', 'E', 'SP', 'GE', 'MU'] },
  { name: 'G2', level: 'G', subjects: ['D', 'M', 'E', 'SP', 'EK', 'KU'] },
  { name: 'G3', level: 'G', subjects: ['D', 'M', 'E', 'SP', 'BIO', 'PH'] },
  { name: 'G4', level: 'G', subjects: ['GE', 'EK', 'PB', 'CH', 'INF', 'L', 'ER'] },
  { name: 'G5', level: 'G', subjects: ['BIO', 'PH', 'CH', 'KU', 'MU', 'F', 'PHIL'] },
  { name: 'G6', level: 'G', subjects: ['GE', 'PB', 'EK', 'INF', 'DS', 'L', 'KR'] },
];
/** Everyone takes these, as Leistungskurs or Grundkurs. */
const MANDATORY_SUBJECTS = ['D', 'M', 'E', 'SP'];
/** How popular a subject is among the offered ones. */
const CHOICE_WEIGHTS: Readonly<Record<string, number>> = {
  D: 8, M: 9, E: 8, BIO: 8, GE: 5, KU: 3, PH: 4, F: 2, EK: 4, CH: 3, PB: 4, INF: 3, SP: 5, MU: 2, L: 1, ER: 2, KR: 1, PHIL: 2, DS: 1,
};

const NAME_STREAM = 21;
const DATA_STREAM = 22;

export function largeSchoolSpec(seed = 1): UntisSchoolSpec {
  const random = deriveRandom(seed, DATA_STREAM);
  const people = new DemoPeople(seed, deriveRandom(seed, NAME_STREAM));
  const rooms = roomSpecs();
  const classes = classSpecs(rooms);
  const pupilKeys = new Set<string>();
  const pupils = [...classPupils(classes, people, random, pupilKeys), ...upperSchoolPupils(people, random, pupilKeys)];
  const { courses, baseSubjectOf } = courseSpecs(pupils, random);
  const couplings = [
    ...religionCouplings(classes, pupils, random), ...electiveCouplings(classes, pupils, random), ...sportCouplings(classes),
  ];
  return {
    schoolNumber: '199001',
    schoolName: 'Gymnasium am Stadtpark',
    schoolYear: { startsOn: SCHOOL_YEAR.startsOn, endsOn: SCHOOL_YEAR.endsOn },
    periodsPerDay: PERIODS_PER_DAY,
    teachers: teacherSpecs(people, random, demandBySubject(classes, courses, couplings, baseSubjectOf)),
    subjects: [...baseSubjects(), ...courseSubjects(baseSubjectOf)],
    rooms,
    classes,
    pupils,
    curriculum: [...GYMNASIUM_CURRICULUM],
    couplings,
    courses,
    holidays: holidayTemplatesFor('NW', SCHOOL_YEAR.name).map((holiday) => ({
      shortName: holidayShortName(holiday.name, holiday.startsOn, holiday.kind === 'HOLIDAY'), name: holiday.name,
      startsOn: holiday.startsOn, endsOn: holiday.endsOn, isPublicHoliday: holiday.kind === 'PUBLIC_HOLIDAY',
    })),
    fixedTeachers: [],
  };
}

function roomSpecs(): UntisRoomSpec[] {
  const { buildings, floors, perFloor, capacity } = GENERAL_ROOMS;
  const general = buildings.flatMap((building) => floors.flatMap((floor) =>
    Array.from({ length: perFloor }, (_, i) => ({ shortName: `${building}${floor}${String(i + 1).padStart(2, '0')}`, capacity }))));
  const special = SPECIAL_ROOMS.flatMap(([prefix, kind, name, count]) =>
    Array.from({ length: count }, (_, i) => ({ shortName: `${prefix}${i + 1}`, name: `${name} ${i + 1}`, capacity: 30, kind })));
  return [...general, ...special];
}

function classSpecs(rooms: readonly UntisRoomSpec[]): UntisClassSpec[] {
  const homeRooms = rooms.filter((room) => room.kind === undefined).map((room) => room.shortName);
  const classes: UntisClassSpec[] = [];
  for (const [grade, count] of Object.entries(LARGE_SCHOOL_SIZE.parallelClasses)) {
    const gradeLevel = Number(grade);
    for (let index = 0; index < count; index++) {
      const name = `${gradeLevel}${String.fromCharCode(97 + index)}`;
      classes.push({
        name, longName: `Klasse ${name}`, gradeLevel, homeRoom: homeRooms[classes.length],
        // Second foreign language: French in the first half of the classes, Latin in the others.
        subjects: [...new Set(GYMNASIUM_CURRICULUM.filter((row) => row.gradeLevel === gradeLevel).map((row) => row.subject))]
          .filter((subject) => subject !== (index < count / 2 ? 'L' : 'F')),
        lastPeriod: gradeLevel <= 6 ? 7 : PERIODS_PER_DAY,
        pupilCount: LARGE_SCHOOL_SIZE.choosingGrades.includes(gradeLevel) ? undefined : 27,
      });
    }
  }
  for (const [name, gradeLevel] of LARGE_SCHOOL_SIZE.yearGroups) {
    classes.push({ name, longName: `Jahrgangsstufe ${name}`, gradeLevel, subjects: [], lastPeriod: PERIODS_PER_DAY });
  }
  return classes;
}

/** Pupils of the grades that choose (9–10): their class's religion group and Wahlpflicht course. */
function classPupils(classes: readonly UntisClassSpec[], people: DemoPeople, random: SeededRandom, keys: Set<string>): UntisPupilSpec[] {
  const choosing = classes.filter((c) => LARGE_SCHOOL_SIZE.choosingGrades.includes(c.gradeLevel) && (c.subjects?.length ?? 0) > 0);
  return choosing.flatMap((schoolClass) =>
    Array.from({ length: LARGE_SCHOOL_SIZE.pupilsPerClass }, () => newPupil(people, random, keys, schoolClass)));
}

/** The upper-school pupils: Untis needs them for the course choices (GPU010, GPU015). */
function upperSchoolPupils(people: DemoPeople, random: SeededRandom, keys: Set<string>): UntisPupilSpec[] {
  return LARGE_SCHOOL_SIZE.yearGroups.flatMap(([name, gradeLevel]) =>
    Array.from({ length: LARGE_SCHOOL_SIZE.pupilsPerYearGroup }, () => newPupil(people, random, keys, { name, gradeLevel })));
}

function newPupil(
  people: DemoPeople, random: SeededRandom, used: Set<string>, schoolClass: Pick<UntisClassSpec, 'name' | 'gradeLevel'>,
): UntisPupilSpec {
  const { name: className, gradeLevel } = schoolClass;
  const gender = people.gender();
  const firstName = ansiName(() => people.firstName(gender));
  const lastName = ansiName(() => people.lastName());
  const birthDate = addDays(`${SCHOOL_YEAR_START - gradeLevel - 6}-10-01`, random.int(0, 364));
  return {
    key: uniqueKey(pupilKey(lastName, firstName, birthDate), used),
    lastName, firstName, className, birthDate, gender: untisGender(gender),
    number: String(100000 + used.size),
  };
}

/**
 * Each pupil takes one course per band; a band opens one course per ~30 pupils choosing a subject.
 * Also returns the base subject of every course subject ("PHILG1" → "PHIL").
 */
function courseSpecs(pupils: readonly UntisPupilSpec[], random: SeededRandom): { courses: CourseSpec[]; baseSubjectOf: Map<string, string> } {
  const courses: CourseSpec[] = [];
  const baseSubjectOf = new Map<string, string>();
  for (const [className] of LARGE_SCHOOL_SIZE.yearGroups) {
    const members = pupils.filter((pupil) => pupil.className === className);
    const choices = new Map(members.map((pupil) => [pupil.key, chooseSubjects(random)]));
    const numbers = new Map<string, number>();
    BANDS.forEach((band, bandIndex) => {
      for (const subject of band.subjects) {
        const choosing = members.filter((pupil) => choices.get(pupil.key)?.[bandIndex] === subject).map((pupil) => pupil.key);
        if (choosing.length === 0) continue;
        const split = splitIntoCourses(className, band, subject, choosing, numbers);
        split.forEach((course) => baseSubjectOf.set(course.subject, subject));
        courses.push(...split);
      }
    });
  }
  return { courses, baseSubjectOf };
}

/** One subject per band, all different, the mandatory ones first where a band offers them. */
function chooseSubjects(random: SeededRandom): string[] {
  const taken: string[] = [];
  for (const band of BANDS) {
    const offered = band.subjects.filter((subject) => !taken.includes(subject));
    const missing = offered.filter((subject) => MANDATORY_SUBJECTS.includes(subject));
    const pool = band.level === 'G' && missing.length > 0 ? missing : offered;
    taken.push(random.weighted(pool.map((subject) => [subject, CHOICE_WEIGHTS[subject] ?? 1] as const)));
  }
  return taken;
}

function splitIntoCourses(className: string, band: Band, subject: string, pupils: readonly string[], numbers: Map<string, number>): CourseSpec[] {
  const count = Math.max(1, Math.ceil(pupils.length / LARGE_SCHOOL_SIZE.courseSize));
  return Array.from({ length: count }, (_, index) => {
    const key = `${subject}/${band.level}`;
    const number = (numbers.get(key) ?? 0) + 1;
    numbers.set(key, number);
    return {
      className,
      subject: courseSubject(subject, band.level, number),
      studentGroup: `${subject}${band.level}${number}_${className}`,
      ...COURSE_HOURS[band.level],
      pupils: pupils.filter((_, i) => i % count === index),
      band: band.name,
    };
  });
}

/** Untis course subjects pad the subject to three characters: "D  G1", "EK L2", "BIOG3". */
function courseSubject(subject: string, level: Level, number: number): string {
  return `${subject.padEnd(3, ' ')}${level}${number}`;
}

/** Religion/Ethik per group of parallel classes: lines ER, KR and one Ethik group per two classes. */
function religionCouplings(classes: readonly UntisClassSpec[], pupils: readonly UntisPupilSpec[], random: SeededRandom): CouplingSpec[] {
  return couplingGroups(classes).map((group) => {
    const lines = ['ER', 'KR', ...Array.from({ length: Math.ceil(group.length / 2) }, () => 'ETH')];
    const choices = pupilsOf(pupils, group).map((pupil) => [pupil.key, random.weighted(RELIGION_CHOICES)] as const);
    return {
      name: `Religion/Ethik ${group.join('/')}`,
      classes: group,
      weeklyHours: RELIGION_HOURS,
      lines: lines.map((subject, index) => ({ subject, pupils: membersOfLine(choices, lines, subject, index) })),
    };
  });
}

/** Wahlpflicht (grades 9–10) per group of parallel classes: one line per elective subject. */
function electiveCouplings(classes: readonly UntisClassSpec[], pupils: readonly UntisPupilSpec[], random: SeededRandom): CouplingSpec[] {
  const choosing = classes.filter((c) => LARGE_SCHOOL_SIZE.choosingGrades.includes(c.gradeLevel));
  return couplingGroups(choosing).map((group) => {
    const lines = ELECTIVE_SUBJECTS.slice(0, Math.min(ELECTIVE_SUBJECTS.length, group.length));
    const choices = pupilsOf(pupils, group).map((pupil) => [pupil.key, random.pick(lines)] as const);
    return {
      name: `Wahlpflicht ${group.join('/')}`,
      classes: group,
      weeklyHours: ELECTIVE_HOURS,
      lines: lines.map((subject, index) => ({ subject, pupils: membersOfLine(choices, lines, subject, index) })),
    };
  });
}

function pupilsOf(pupils: readonly UntisPupilSpec[], classNames: readonly string[]): UntisPupilSpec[] {
  return pupils.filter((pupil) => classNames.includes(pupil.className));
}

/** Pupils who chose the line's subject; several lines of one subject share them out in turn. */
function membersOfLine(choices: readonly (readonly [string, string])[], lines: readonly string[], subject: string, lineIndex: number): string[] {
  const sameSubject = lines.map((s, i) => [s, i] as const).filter(([s]) => s === subject).map(([, i]) => i);
  const position = sameSubject.indexOf(lineIndex);
  return choices.filter(([, choice]) => choice === subject).map(([key]) => key).filter((_, i) => i % sameSubject.length === position);
}

/** Groups of parallel classes (grade by grade) for couplings. */
function couplingGroups(classes: readonly UntisClassSpec[]): string[][] {
  return parallelGroups(classes).flatMap(([, names]) => chunk(names, LARGE_SCHOOL_SIZE.couplingGroupSize));
}

/** Sport for two parallel classes in one hall third, girls and boys with a teacher each. */
function sportCouplings(classes: readonly UntisClassSpec[]): CouplingSpec[] {
  return parallelGroups(classes).flatMap(([gradeLevel, names]) => {
    const row = GYMNASIUM_CURRICULUM.find((r) => r.gradeLevel === gradeLevel && r.subject === 'SP');
    if (!row) return [];
    return chunk(names, 2).filter((pair) => pair.length === 2).map((pair) => ({
      name: `Sport ${pair.join('/')}`, classes: pair, weeklyHours: row.weeklyHours, doublePeriods: row.doublePeriods,
      lines: [{ subject: 'SP' }, { subject: 'SP' }], sharesRoom: true,
    }));
  });
}

function parallelGroups(classes: readonly UntisClassSpec[]): [number, string[]][] {
  const grades = new Map<number, string[]>();
  for (const schoolClass of classes.filter((c) => (c.subjects?.length ?? 0) > 0)) {
    grades.set(schoolClass.gradeLevel, [...(grades.get(schoolClass.gradeLevel) ?? []), schoolClass.name]);
  }
  return [...grades.entries()];
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  // A last group of one joins the previous one (a coupling of one class is no coupling).
  if (chunks.length > 1 && chunks[chunks.length - 1].length === 1) chunks[chunks.length - 2].push(...(chunks.pop() as T[]));
  return chunks;
}

/** Teaching periods per base subject: teachers' subject pairs are drawn in this proportion. */
function demandBySubject(
  classes: readonly UntisClassSpec[], courses: readonly CourseSpec[], couplings: readonly CouplingSpec[], baseSubjectOf: ReadonlyMap<string, string>,
): Map<string, number> {
  const demand = new Map<string, number>();
  const add = (subject: string, hours: number) => demand.set(subject, (demand.get(subject) ?? 0) + hours);
  for (const schoolClass of classes) {
    for (const row of GYMNASIUM_CURRICULUM.filter((r) => r.gradeLevel === schoolClass.gradeLevel && schoolClass.subjects?.includes(r.subject))) {
      add(row.subject, row.isBiweekly ? 2 : row.weeklyHours);
    }
  }
  for (const coupling of couplings) for (const line of coupling.lines) add(line.subject, coupling.weeklyHours);
  for (const course of courses) add(baseSubjectOf.get(course.subject) ?? course.subject, course.weeklyHours);
  return demand;
}

function teacherSpecs(people: DemoPeople, random: SeededRandom, demand: ReadonlyMap<string, number>): UntisTeacherSpec[] {
  const used = new Set<string>();
  const weights = [...demand.entries()];
  return Array.from({ length: LARGE_SCHOOL_SIZE.teachers }, () => {
    const gender = people.gender();
    const firstName = ansiName(() => people.firstName(gender));
    const lastName = ansiName(() => people.lastName());
    const shortName = makeAbbreviation(firstName, lastName, used);
    used.add(shortName);
    const first = random.weighted(weights);
    const second = random.weighted(weights.filter(([subject]) => subject !== first));
    return {
      shortName, lastName, firstName, gender: untisGender(gender),
      email: `${emailLocalPart(firstName, lastName)}@${EMAIL_DOMAIN}`,
      subjects: [first, second],
      // One in ten works part-time.
      maxWeeklyHours: random.chance(0.1) ? 20 : 26,
    };
  });
}

function baseSubjects(): UntisSubjectSpec[] {
  return SUBJECTS.map(([shortName, name]) => {
    const room = SUBJECT_ROOM_KINDS[shortName];
    return { shortName, name, roomKind: room?.[0], requiresRoomKind: room?.[1] };
  });
}

/** One Untis subject per course name ("D  G1" in EF and Q1 alike), pointing to its base subject. */
function courseSubjects(baseSubjectOf: ReadonlyMap<string, string>): UntisSubjectSpec[] {
  const names = new Map(SUBJECTS);
  return [...baseSubjectOf].map(([shortName, base]) => {
    const [level, number] = shortName.slice(Math.max(3, base.length)).split(/(?<=^[LG])/);
    return { shortName, name: `${names.get(base) ?? base} ${level === 'L' ? 'Leistungskurs' : 'Grundkurs'} ${number}`, baseSubject: base };
  });
}

/** Draws again while the name has letters Windows-1252 lacks ("Yılmaz", "Popović"). */
function ansiName(draw: () => string): string {
  for (;;) {
    const name = draw();
    if (fitsWindows1252(name)) return name;
  }
}

function untisGender(gender: Gender): UntisGender {
  if (gender === 'W') return 'F';
  return gender === 'M' ? 'M' : 'D';
}
