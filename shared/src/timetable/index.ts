export * from './week-pattern';
export * from './occurrences';
