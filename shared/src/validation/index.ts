export * from './common';
export * from './schools.schema';
export * from './school-years.schema';
export * from './people.schema';
export * from './groups.schema';
export * from './timetable.schema';
export * from './absences.schema';
