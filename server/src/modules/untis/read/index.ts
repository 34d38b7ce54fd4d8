// Public API of the Untis export reader: readUntisFiles plus the model it produces.
export { readUntisFiles } from './read-untis-files';
export * from './untis-export';
