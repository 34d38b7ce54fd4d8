export * from './session-user';
export * from './subjects';
export * from './define-ability';
