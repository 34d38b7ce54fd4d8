import { berlinDate, parseCalendarDate, schoolYearContaining, type CalendarDate } from '@schulverwaltung/shared';
import { DEFAULT_DEMO_SEED, DEMO_SIZES, GRUNDSCHULE, GYMNASIUM } from './demo-catalog';
import type { DemoContext } from './demo-context';
import { addUpperSchoolCourses } from './demo-courses';
import type { DemoDataset, DemoOptions, DemoSize, DemoSizeSpec, DemoTables } from './demo-data.types';
import { addAdminLogins, addPupilAndParentLogins, DEMO_TEACHER_LOGINS, sortLogins, type DemoSchools } from './demo-logins';
import { DemoPeople } from './demo-people';
import { addFamilies, buildPupilSlots } from './demo-pupils';
import { addCarrier, addSchool } from './demo-schools';
import { addTeachers, assignClassTeaching } from './demo-staff';
import { deriveRandom } from './random';

export { DEFAULT_DEMO_SEED, DEMO_PASSWORD, DEMO_SIZES } from './demo-catalog';
export { DEMO_LOGIN_USERNAMES, type DemoUsername } from './demo-logins';

// The demo: one carrier with a Gymnasium and a Grundschule in Berlin, their staff, pupils and
// guardians, and a login for every role. A pure function — no database, no clock beyond the
// default for `today` — so the same seed, size and day always give the same rows and ids.

const DATA_STREAM = 1;
const ID_STREAM = 2;

export function generateDemoData(options: DemoOptions = {}): DemoDataset {
  const seed = options.seed ?? DEFAULT_DEMO_SEED;
  const size = resolveDemoSize(options.size ?? 'full');
  const today = options.today ?? berlinDate();
  const ctx = createContext(seed, size, today);

  const carrier = addCarrier(ctx);
  const schools: DemoSchools = {
    gym: addSchool(ctx, carrier, GYMNASIUM, size.gymnasium.classesPerGrade),
    gs: addSchool(ctx, carrier, GRUNDSCHULE, size.grundschule.classesPerGrade),
  };
  addAdminLogins(ctx, carrier, schools);
  addTeachers(ctx, schools);
  assignClassTeaching(ctx, schools.gym);
  assignClassTeaching(ctx, schools.gs);
  addPupilsAndGuardians(ctx, schools);
  addUpperSchoolCourses(ctx, schools.gym);

  return { seed, today, size, ...ctx.tables, logins: sortLogins(ctx.logins) };
}

function addPupilsAndGuardians(ctx: DemoContext, schools: DemoSchools): void {
  const slots = [...buildPupilSlots(ctx, schools.gym), ...buildPupilSlots(ctx, schools.gs)];
  addPupilAndParentLogins(ctx, slots, schools);
  addFamilies(ctx, slots);
}

function createContext(seed: number, size: DemoSizeSpec, today: CalendarDate): DemoContext {
  parseCalendarDate(today); // throws a clear RangeError for anything but YYYY-MM-DD
  const random = deriveRandom(seed, DATA_STREAM);
  return {
    random,
    ids: deriveRandom(seed, ID_STREAM),
    people: new DemoPeople(seed, random),
    today,
    schoolYear: schoolYearContaining(today),
    size,
    tables: emptyTables(),
    logins: [],
    groupMemberKeys: new Set(),
  };
}

function emptyTables(): DemoTables {
  return {
    schoolCarriers: [], schools: [], schoolYears: [], holidays: [], subjects: [], rooms: [], persons: [], accounts: [],
    memberships: [], groups: [], groupMembers: [], pupils: [], enrolments: [], guardianships: [],
  };
}

/** A preset by name, or a custom size checked against what the demo logins need (7b, 2a, 3b, a teacher pool). */
export function resolveDemoSize(size: DemoSize): DemoSizeSpec {
  const spec = typeof size === 'string' ? DEMO_SIZES[size] : size;
  if (!spec) throw new RangeError(`Unknown demo size: ${String(size)}`);
  const demoTeachers = (school: 'gym' | 'gs') => DEMO_TEACHER_LOGINS.filter((l) => l.posts.some((p) => p.school === school)).length;
  const { gymnasium: gym, grundschule: gs } = spec;
  const problems = [
    gym.classesPerGrade < 2 || gs.classesPerGrade < 2 ? 'at least 2 classes per grade' : null,
    gym.classesPerGrade > 26 || gs.classesPerGrade > 26 ? 'at most 26 classes per grade' : null,
    gym.pupilsPerClass < 2 || gs.pupilsPerClass < 1 || gym.upperGradePupils < 1 ? 'more pupils per class' : null,
    gym.courseSize < 1 ? 'a course size of at least 1' : null,
    gym.teachers < demoTeachers('gym') + 2 || gs.teachers < demoTeachers('gs') + 2 ? 'more teachers' : null,
  ].filter((problem): problem is string => problem !== null);
  if (problems.length > 0) throw new RangeError(`Demo size too small: needs ${problems.join(', ')}`);
  return spec;
}
