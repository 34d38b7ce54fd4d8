export * from './calendar-date';
export * from './school-year';
