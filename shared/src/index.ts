export * from './enums';
export * from './dates';
export * from './search';
export * from './holidays';
export * from './authz';
export * from './validation';
export * from './timetable';
export * from './absences';
