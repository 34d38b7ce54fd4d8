import { singleOwnClass, splitOwnClasses } from './own-classes';

const CLASSES = [{ id: '5a', name: '5a' }, { id: '7b', name: '7b' }, { id: '9c', name: '9c' }];

describe('own classes', () => {
  it('puts the classes a teacher leads first', () => {
    const choices = splitOwnClasses(CLASSES, ['7b', 'elsewhere']);
    expect(choices.own.map((c) => c.id)).toEqual(['7b']);
    expect(choices.others.map((c) => c.id)).toEqual(['5a', '9c']);
  });

  it('opens the own class directly for a class teacher with one class', () => {
    expect(singleOwnClass(splitOwnClasses(CLASSES, ['7b']), false)).toBe('7b');
  });

  it('lets someone choose who leads two classes, or who keeps the whole school\'s absences', () => {
    expect(singleOwnClass(splitOwnClasses(CLASSES, ['7b', '9c']), false)).toBeNull();
    expect(singleOwnClass(splitOwnClasses(CLASSES, ['7b']), true)).toBeNull();
    expect(singleOwnClass(splitOwnClasses(CLASSES, []), true)).toBeNull();
  });
});
