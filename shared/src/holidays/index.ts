export * from './holidays-2026-27';
