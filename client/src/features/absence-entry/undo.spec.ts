import { isUndoable, undoAction } from './undo';

const absence = { id: 'a1', version: 3 };

describe('undoAction', () => {
  it('a new entry → delete it at the version it has', () => {
    expect(undoAction('CREATED', absence)).toEqual({ kind: 'delete', id: 'a1', version: 3 });
  });

  it('an entry already reported → nothing to undo', () => {
    expect(undoAction('ALREADY_REPORTED', absence)).toEqual({ kind: 'none' });
    expect(isUndoable('ALREADY_REPORTED')).toBe(false);
    expect(isUndoable('MERGED')).toBe(true);
  });

  it('a merge → the server undoes it at the version the entry left', () => {
    expect(undoAction('MERGED', absence)).toEqual({ kind: 'undoMerge', id: 'a1', version: 3 });
  });
});
