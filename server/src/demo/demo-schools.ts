import { holidayTemplatesFor } from '@schulverwaltung/shared';
import { DEMO_CARRIER, type SchoolProfile } from './demo-catalog';
import type { DemoClass, DemoContext, DemoSchool } from './demo-context';
import type { GroupRow, SchoolCarrierRow, SchoolRow, SchoolYearRow, SubjectRow } from './demo-data.types';

// The carrier, its schools and each school's current year, holidays, subjects, rooms and classes.

export function addCarrier(ctx: DemoContext): SchoolCarrierRow {
  const row: SchoolCarrierRow = { id: ctx.ids.uuid(), ...DEMO_CARRIER };
  ctx.tables.schoolCarriers.push(row);
  return row;
}

export function addSchool(ctx: DemoContext, carrier: SchoolCarrierRow, profile: SchoolProfile, classesPerGrade: number): DemoSchool {
  const row: SchoolRow = {
    id: ctx.ids.uuid(),
    carrierId: carrier.id,
    schoolNumber: profile.schoolNumber,
    name: profile.name,
    type: profile.type,
    street: profile.street,
    postalCode: profile.postalCode,
    city: profile.city,
    federalState: carrier.federalState,
  };
  ctx.tables.schools.push(row);
  const year = addCurrentSchoolYear(ctx, row);
  const school: DemoSchool = {
    profile, row, year, subjects: addSubjects(ctx, row, profile), classes: [], teachers: [], pupils: [],
    plannedLessons: new Map(), fixedCourses: new Map(),
  };
  addRooms(ctx, row, profile);
  school.classes = addClasses(ctx, school, classesPerGrade);
  return school;
}

function addCurrentSchoolYear(ctx: DemoContext, school: SchoolRow): SchoolYearRow {
  const year: SchoolYearRow = { id: ctx.ids.uuid(), schoolId: school.id, ...ctx.schoolYear, isCurrent: true };
  ctx.tables.schoolYears.push(year);
  // Known only for years with published templates (2026/27); other years simply have none.
  for (const holiday of holidayTemplatesFor(school.federalState, year.name)) {
    ctx.tables.holidays.push({ id: ctx.ids.uuid(), schoolId: school.id, schoolYearId: year.id, ...holiday });
  }
  return year;
}

function addSubjects(ctx: DemoContext, school: SchoolRow, profile: SchoolProfile): Map<string, SubjectRow> {
  const subjects = new Map<string, SubjectRow>();
  for (const [shortName, name] of profile.subjects) {
    const row: SubjectRow = { id: ctx.ids.uuid(), schoolId: school.id, shortName, name };
    ctx.tables.subjects.push(row);
    subjects.set(shortName, row);
  }
  return subjects;
}

function addRooms(ctx: DemoContext, school: SchoolRow, profile: SchoolProfile): void {
  for (const room of profile.rooms) ctx.tables.rooms.push({ id: ctx.ids.uuid(), schoolId: school.id, ...room });
}

/** Parallel classes 5a…10d (or 1a…4c), then the upper-school year groups '11' and '12'. */
function addClasses(ctx: DemoContext, school: DemoSchool, classesPerGrade: number): DemoClass[] {
  const classes: DemoClass[] = [];
  for (const gradeLevel of school.profile.classGrades) {
    for (let index = 0; index < classesPerGrade; index++) {
      const name = `${gradeLevel}${String.fromCharCode(97 + index)}`;
      const group = addClassGroup(ctx, school, name, gradeLevel);
      classes.push({
        group, gradeLevel, isYearGroup: false, curriculum: school.profile.curriculum(gradeLevel, index), classTeachers: [],
      });
    }
  }
  for (const gradeLevel of school.profile.yearGroupGrades) {
    const group = addClassGroup(ctx, school, String(gradeLevel), gradeLevel);
    classes.push({ group, gradeLevel, isYearGroup: true, curriculum: [], classTeachers: [] });
  }
  return classes;
}

function addClassGroup(ctx: DemoContext, school: DemoSchool, name: string, gradeLevel: number): GroupRow {
  const group: GroupRow = {
    id: ctx.ids.uuid(), schoolId: school.row.id, schoolYearId: school.year.id,
    kind: 'CLASS', name, gradeLevel, subjectId: null, externalId: null,
  };
  ctx.tables.groups.push(group);
  return group;
}
