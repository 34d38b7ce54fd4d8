// Public API of the Untis export generator: a school spec → a planned timetable → GPU files.
// Used by the demo seeder (demo schools get their timetable through the real importer) and by
// the import benchmark (a large school and a changed re-export).
export type * from './untis-school-spec';
export {
  findConflicts, type LessonKind, type PlanConflict, type PlanMutation, type Placement, type PlannedLesson, type PlannedLine,
  type RowChangeCount, type UntisPlan, type WeekGroup,
} from './untis-plan';
export { planTimetable } from './plan-timetable';
export { writeUntisExport, writeZip, type UntisExportOptions, type UntisSeparator } from './write-gpu-files';
export { DEMO_PERIOD_TIMES, DEMO_TIME_GRID, demoSchoolSpec, demoUntisExport } from './demo-untis-export';
export { LARGE_SCHOOL_SIZE, largeSchoolSpec } from './large-school';
export { gpu001RowCount, gpu002RowCount, mutateExport } from './mutate-export';
