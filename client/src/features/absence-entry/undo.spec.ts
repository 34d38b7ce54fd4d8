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

  it('a merge → the span and note of the entry before its last change', () => {
    const history = [
      { action: 'create', changes: [{ field: 'startsOn', old: null }, { field: 'endsOn', old: null }] },
      { action: 'update', changes: [{ field: 'endsOn', old: '2026-11-30' }, { field: 'note', old: null }, { field: 'excuseDueOn', old: '2026-12-03' }] },
    ];

    expect(undoAction('MERGED', absence, history)).toEqual({ kind: 'revert', id: 'a1', version: 3, input: { endsOn: '2026-11-30', note: null } });
  });

  it('a merge without a change in the history → nothing to undo', () => {
    expect(undoAction('MERGED', absence, [{ action: 'create', changes: [] }])).toEqual({ kind: 'none' });
  });
});
