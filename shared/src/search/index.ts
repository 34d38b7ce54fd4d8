export * from './normalize-name';
