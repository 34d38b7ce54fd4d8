import type { PeriodTimeInput } from '@schulverwaltung/shared';
import type { SchoolProfile } from '../../../demo/demo-catalog';
import type { DemoDataset, PersonRow } from '../../../demo/demo-data.types';
import { DEMO_TEACHER_LOGINS } from '../../../demo/demo-logins';
import { classIndex, courseLevel, demoSchoolRows, isYearGroup, type DemoSchoolRows } from './demo-school-rows';
import { inferDemoTeaching, type DemoTeaching } from './demo-teaching';
import { planTimetable } from './plan-timetable';
import { COURSE_HOURS, GRUNDSCHULE_CURRICULUM, GYMNASIUM_CURRICULUM, RELIGION_HOURS } from './stundentafeln';
import type { UntisPlan } from './untis-plan';
import type {
  CouplingSpec, CourseSpec, FixedTeacherSpec, UntisClassSpec, UntisGender, UntisHolidaySpec, UntisPupilSpec, UntisRoomSpec,
  UntisSchoolSpec, UntisSubjectSpec, UntisTeacherSpec,
} from './untis-school-spec';
import { holidayShortName, pupilKey, uniqueKey } from './untis-names';
import { writeUntisExport } from './write-gpu-files';
import type { UntisInputFile } from '../read/untis-export';

// The demo schools as an Untis school: what their timetabler would have entered, taken from a
// generated DemoDataset. The demo seeder plans it, writes GPU files and imports them through the
// real importer, so the demo gets a full timetable that went through the same code as a school's.

/** Clock times of the demo's periods (45-minute lessons; GPU files carry no times). */
export const DEMO_PERIOD_TIMES: readonly { period: number; startsAt: string; endsAt: string }[] = [
  { period: 1, startsAt: '08:00', endsAt: '08:45' },
  { period: 2, startsAt: '08:50', endsAt: '09:35' },
  // 20-minute break
  { period: 3, startsAt: '09:55', endsAt: '10:40' },
  { period: 4, startsAt: '10:45', endsAt: '11:30' },
  // 20-minute break
  { period: 5, startsAt: '11:50', endsAt: '12:35' },
  { period: 6, startsAt: '12:40', endsAt: '13:25' },
  // 30-minute lunch break
  { period: 7, startsAt: '13:55', endsAt: '14:40' },
  { period: 8, startsAt: '14:45', endsAt: '15:30' },
];

/** The time grid Monday–Friday, ready to store for both demo schools. */
export const DEMO_TIME_GRID: readonly PeriodTimeInput[] = [1, 2, 3, 4, 5].flatMap((weekday) =>
  DEMO_PERIOD_TIMES.map((time) => ({ weekday, ...time })));

const PERIODS_PER_DAY = DEMO_PERIOD_TIMES.length;
const DEMO_PLAN_SEED = 1;

/** Kinds of special rooms, recognised by the demo rooms' names. */
const ROOM_KINDS: readonly (readonly [RegExp, string])[] = [
  [/^(Turnhalle|Sporthalle)/, 'Sporthalle'], [/^Biologie/, 'Biologie'], [/^Chemie-Vorbereitung/, 'Vorbereitung'],
  [/^Chemie/, 'Chemie'], [/^Physik/, 'Physik'], [/^Informatik/, 'Informatik'], [/^Kunst/, 'Kunst'],
  [/^Musik/, 'Musik'], [/^Werkraum/, 'Werkraum'], [/^Aula/, 'Aula'],
];
const SUBJECT_ROOM_KINDS: Readonly<Record<string, { kind: string; isRequired: boolean }>> = {
  SP: { kind: 'Sporthalle', isRequired: true }, INF: { kind: 'Informatik', isRequired: true },
  BIO: { kind: 'Biologie', isRequired: false }, CH: { kind: 'Chemie', isRequired: false }, PH: { kind: 'Physik', isRequired: false },
  KU: { kind: 'Kunst', isRequired: false }, MU: { kind: 'Musik', isRequired: false }, WE: { kind: 'Werkraum', isRequired: true },
};

/**
 * Plans the demo school and writes its GPU files: what the demo seeder imports. UTF-8, because the
 * demo's names include letters an ANSI export would turn into "?" (Yılmaz, Popović).
 */
export function demoUntisExport(dataset: DemoDataset, schoolId: string): { plan: UntisPlan; files: UntisInputFile[] } {
  const spec = demoSchoolSpec(dataset, schoolId);
  const plan = planTimetable(spec, DEMO_PLAN_SEED);
  const files = writeUntisExport(plan, { encoding: 'utf-8', validFrom: spec.schoolYear.startsOn, validTo: spec.schoolYear.endsOn });
  return { plan, files };
}

export function demoSchoolSpec(dataset: DemoDataset, schoolId: string): UntisSchoolSpec {
  const rows = demoSchoolRows(dataset, schoolId);
  const school = dataset.schools.find((s) => s.id === schoolId);
  const year = dataset.schoolYears.find((y) => y.schoolId === schoolId && y.isCurrent);
  if (!school || !year) throw new RangeError(`Demo data: no school ${schoolId} with a current school year`);
  const rooms = roomSpecs(dataset, schoolId);
  const subjects = subjectSpecs(dataset, schoolId, rooms);
  const demoPupils = pupilSpecs(rows);
  const pupils = demoPupils.map((pupil) => pupil.spec);
  const classes = classSpecs(rows, rooms, pupils);
  const courses = courseSpecs(rows, demoPupils);
  const curriculum = rows.profile.key === 'gym' ? GYMNASIUM_CURRICULUM : GRUNDSCHULE_CURRICULUM;
  const teaching = inferDemoTeaching(rows, DEMO_TEACHER_LOGINS, curriculum);
  return {
    schoolNumber: school.schoolNumber ?? '',
    schoolName: school.name,
    schoolYear: { startsOn: year.startsOn, endsOn: year.endsOn },
    periodsPerDay: PERIODS_PER_DAY,
    teachers: teacherSpecs(rows, teaching),
    subjects,
    rooms,
    classes,
    pupils,
    curriculum: [...curriculum],
    couplings: [...religionCouplings(rows, teaching.fixed), ...sportCouplings(rows)],
    courses,
    holidays: holidaySpecs(dataset, schoolId),
    fixedTeachers: teaching.fixed,
    // The demo's pupils chose their courses freely, not along bands: no timetable avoids every overlap.
    courseChoiceClashes: 'avoid',
  };
}

function roomSpecs(dataset: DemoDataset, schoolId: string): UntisRoomSpec[] {
  return dataset.rooms.filter((r) => r.schoolId === schoolId).map((room) => ({
    shortName: room.shortName,
    name: room.name ?? undefined,
    capacity: room.capacity ?? undefined,
    kind: ROOM_KINDS.find(([pattern]) => pattern.test(room.name ?? ''))?.[1],
  }));
}

function subjectSpecs(dataset: DemoDataset, schoolId: string, rooms: readonly UntisRoomSpec[]): UntisSubjectSpec[] {
  const kinds = new Set(rooms.map((room) => room.kind));
  return dataset.subjects.filter((s) => s.schoolId === schoolId).map((subject) => {
    const room = SUBJECT_ROOM_KINDS[subject.shortName];
    const hasRoom = room !== undefined && kinds.has(room.kind);
    return {
      shortName: subject.shortName,
      name: subject.name,
      roomKind: hasRoom ? room.kind : undefined,
      requiresRoomKind: hasRoom ? room.isRequired : undefined,
    };
  });
}

function teacherSpecs(rows: DemoSchoolRows, teaching: DemoTeaching): UntisTeacherSpec[] {
  return [...rows.abbreviations].map(([personId, shortName]) => {
    const person = requirePerson(rows, personId);
    return {
      shortName,
      lastName: person.lastName,
      firstName: person.firstName,
      email: person.email ?? undefined,
      gender: genderOf(person),
      subjects: [...(teaching.subjectsByTeacher.get(shortName) ?? [])],
      hasOnlyFixedLessons: teaching.loginTeachers.has(shortName) || undefined,
    };
  });
}

/** Classes in the dataset's order, each with a general room as home room while there are some. */
function classSpecs(rows: DemoSchoolRows, rooms: readonly UntisRoomSpec[], pupils: readonly UntisPupilSpec[]): UntisClassSpec[] {
  const homeRooms = rooms.filter((room) => room.kind === undefined).map((room) => room.shortName);
  const classTeachers = leadTeachers(rows);
  let nextRoom = 0;
  return rows.classes.map((group) => {
    const gradeLevel = group.gradeLevel ?? 0;
    const yearGroup = isYearGroup(group);
    return {
      name: group.name,
      longName: yearGroup ? `Jahrgangsstufe ${group.name}` : `Klasse ${group.name}`,
      gradeLevel,
      homeRoom: yearGroup ? undefined : homeRooms[nextRoom++],
      subjects: yearGroup ? [] : rows.profile.curriculum(gradeLevel, classIndex(group.name)),
      lastPeriod: lastPeriodOf(rows.profile, gradeLevel),
      classTeacher: classTeachers.get(group.id),
      pupilCount: pupils.filter((pupil) => pupil.className === group.name).length,
    };
  });
}

/** Grundschule: grades 1–2 end after period 5, 3–4 after 6; Gymnasium 5–6 after 7, from 7 on after 8. */
function lastPeriodOf(profile: SchoolProfile, gradeLevel: number): number {
  if (profile.key === 'gs') return gradeLevel <= 2 ? 5 : 6;
  return gradeLevel <= 6 ? 7 : PERIODS_PER_DAY;
}

/** Klassenleitung (CLASS_TEACHER at position 0) by class id. */
function leadTeachers(rows: DemoSchoolRows): Map<string, string> {
  const leads = new Map<string, string>();
  for (const member of rows.dataset.groupMembers) {
    if (member.role !== 'CLASS_TEACHER' || member.position !== 0) continue;
    const abbreviation = rows.abbreviations.get(member.personId);
    if (abbreviation) leads.set(member.groupId, abbreviation);
  }
  return leads;
}

interface DemoPupilSpec {
  spec: UntisPupilSpec;
  personId: string;
}

/** Untis keys as SVWS builds them (Surname_Fir_yyyymmdd), made unique with a counter. */
function pupilSpecs(rows: DemoSchoolRows): DemoPupilSpec[] {
  const { dataset } = rows;
  const classNames = new Map(rows.classes.map((group) => [group.id, group.name]));
  const pupilsById = new Map(dataset.pupils.map((pupil) => [pupil.id, pupil]));
  const used = new Set<string>();
  const specs: DemoPupilSpec[] = [];
  for (const enrolment of dataset.enrolments.filter((e) => e.schoolId === rows.schoolId && e.status === 'ACTIVE')) {
    const className = enrolment.classId ? classNames.get(enrolment.classId) : undefined;
    const pupil = pupilsById.get(enrolment.pupilId);
    if (!className || !pupil) continue;
    const person = requirePerson(rows, pupil.personId);
    const spec: UntisPupilSpec = {
      key: uniqueKey(pupilKey(person.lastName, person.firstName, person.birthDate ?? undefined), used),
      lastName: person.lastName,
      firstName: person.firstName,
      className,
      birthDate: person.birthDate ?? undefined,
      gender: genderOf(person),
      email: person.email ?? undefined,
      number: pupil.externalId ?? undefined,
    };
    specs.push({ spec, personId: person.id });
  }
  return specs;
}

/**
 * Upper-school courses as lessons of the year group: subject = the base subject ('M'), student
 * group = the demo course name ('ma-L1'), so both match the demo's catalog and groups.
 */
function courseSpecs(rows: DemoSchoolRows, pupils: readonly DemoPupilSpec[]): CourseSpec[] {
  const { dataset } = rows;
  const keyOfPerson = new Map(pupils.map((pupil) => [pupil.personId, pupil.spec.key]));
  const subjects = new Map(dataset.subjects.map((s) => [s.id, s.shortName]));
  return rows.courses.map((course) => {
    const members = dataset.groupMembers.filter((m) => m.groupId === course.id);
    const teacher = members.find((m) => m.role === 'TEACHER');
    return {
      className: String(course.gradeLevel),
      subject: subjects.get(course.subjectId ?? '') ?? course.name,
      studentGroup: course.name,
      ...COURSE_HOURS[courseLevel(course.name)],
      teacher: teacher ? rows.abbreviations.get(teacher.personId) : undefined,
      pupils: members.filter((m) => m.role === 'PUPIL').map((m) => keyOfPerson.get(m.personId)).filter((key): key is string => !!key),
    };
  });
}

/** Religion/Ethik across the parallel classes of a grade: one lesson, a line per group. */
function religionCouplings(rows: DemoSchoolRows, fixed: readonly FixedTeacherSpec[]): CouplingSpec[] {
  return gradesOf(rows).map(([gradeLevel, classNames]) => {
    const lines = rows.profile.key === 'gym'
      ? [{ subject: 'ER' }, { subject: 'KR' }, ...ethicsLines(classNames, fixed)]
      : [{ subject: 'ER' }, { subject: 'KR' }];
    return { name: `Religion/Ethik ${gradeLevel}`, classes: classNames, weeklyHours: RELIGION_HOURS, lines };
  });
}

/** One Ethik group per teacher who teaches Ethik in one of the classes (at least one group). */
function ethicsLines(classNames: readonly string[], fixed: readonly FixedTeacherSpec[]): { subject: string }[] {
  const teachers = new Set(fixed.filter((f) => f.subject === 'ETH' && classNames.includes(f.className)).map((f) => f.teacher));
  return Array.from({ length: Math.max(1, teachers.size) }, () => ({ subject: 'ETH' }));
}

/** Sport for two parallel classes at a time in one hall, split into two groups (girls/boys). */
function sportCouplings(rows: DemoSchoolRows): CouplingSpec[] {
  const curriculum = rows.profile.key === 'gym' ? GYMNASIUM_CURRICULUM : GRUNDSCHULE_CURRICULUM;
  return gradesOf(rows).flatMap(([gradeLevel, classNames]) => {
    const row = curriculum.find((r) => r.gradeLevel === gradeLevel && r.subject === 'SP');
    if (!row) return [];
    const pairs: CouplingSpec[] = [];
    for (let i = 0; i + 1 < classNames.length; i += 2) {
      pairs.push({
        name: `Sport ${classNames[i]}/${classNames[i + 1]}`,
        classes: [classNames[i], classNames[i + 1]],
        weeklyHours: row.weeklyHours,
        doublePeriods: row.doublePeriods,
        lines: [{ subject: 'SP' }, { subject: 'SP' }],
        sharesRoom: true,
      });
    }
    return pairs;
  });
}

/** [grade, class names] of the parallel classes (year groups left out). */
function gradesOf(rows: DemoSchoolRows): [number, string[]][] {
  const grades = new Map<number, string[]>();
  for (const group of rows.classes.filter((g) => !isYearGroup(g))) {
    const gradeLevel = group.gradeLevel ?? 0;
    grades.set(gradeLevel, [...(grades.get(gradeLevel) ?? []), group.name]);
  }
  return [...grades.entries()].sort(([a], [b]) => a - b);
}

function holidaySpecs(dataset: DemoDataset, schoolId: string): UntisHolidaySpec[] {
  const used = new Set<string>();
  return dataset.holidays.filter((h) => h.schoolId === schoolId).map((holiday) => ({
    shortName: uniqueKey(holidayShortName(holiday.name, holiday.startsOn, holiday.kind === 'HOLIDAY'), used),
    name: holiday.name,
    startsOn: holiday.startsOn,
    endsOn: holiday.endsOn,
    isPublicHoliday: holiday.kind === 'PUBLIC_HOLIDAY',
  }));
}

function genderOf(person: PersonRow): UntisGender | undefined {
  if (person.gender === 'W') return 'F';
  if (person.gender === 'M') return 'M';
  return person.gender === 'D' ? 'D' : undefined;
}

function requirePerson(rows: DemoSchoolRows, personId: string): PersonRow {
  const person = rows.persons.get(personId);
  if (!person) throw new RangeError(`Demo data: no person ${personId}`);
  return person;
}
