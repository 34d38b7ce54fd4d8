export * from './absence-counting';
export * from './absence-terms';
export * from './absence-settings';
export * from './absence-overview-sort';
