import type { PlanEntry } from './substitution-plan';
import { groupByClasses, planKind, planValue } from './substitution-plan';

function entry(id: string, classes: string[], period: number): PlanEntry {
  return {
    substitutionId: id, date: '2026-12-01', period, startsAt: null, endsAt: null, kind: 'SUBSTITUTE', status: 'CHANGED',
    groups: classes.map((name) => ({ id: name, name, kind: /^\d/.test(name) ? 'CLASS' as const : 'COURSE' as const })), subject: null, teachers: [], room: null,
    originalSubject: null, originalTeachers: [], originalRoom: null, text: null,
  };
}

describe('substitution plan', () => {
  it('should group lines by their classes in the API\'s order, each by period', () => {
    const groups = groupByClasses([entry('a', ['5a'], 3), entry('b', ['5a'], 1), entry('c', ['7a', '7b'], 2), entry('d', ['10c'], 1), entry('e', [], 4)]);

    expect(groups.map((group) => [group.classes, group.entries.map((e) => e.substitutionId)])).toEqual([
      ['5a', ['b', 'a']], ['7a, 7b', ['c']], ['10c', ['d']], ['', ['e']],
    ]);
  });

  it('should head a class "Klasse", an upper-school course "Kurs", and mixed groups apart', () => {
    const groups = groupByClasses([entry('a', ['7b'], 1), entry('b', ['bio-L2'], 2), entry('c', ['7b', 'bio-L2'], 3), entry('d', [], 4)]);

    expect(groups.map((group) => group.heading)).toEqual(['class', 'course', 'groups', 'none']);
  });

  it('should show the planned value only when it differs, and never for an extra lesson', () => {
    expect(planValue(['SCH'], ['MÜL'], false)).toEqual({ current: 'SCH', previous: 'MÜL' });
    expect(planValue(['MÜL'], ['MÜL'], false)).toEqual({ current: 'MÜL', previous: null });
    expect(planValue([], ['MÜL'], false)).toEqual({ current: '', previous: 'MÜL' });
    expect(planValue(['SCH'], [], true)).toEqual({ current: 'SCH', previous: null });
  });

  it.each([
    [{ kind: 'SUBSTITUTE', status: 'CHANGED' }, 'SUBSTITUTE'],
    [{ kind: 'ROOM_CHANGE', status: 'CHANGED' }, 'ROOM_CHANGE'],
    [{ kind: 'SUBSTITUTE', status: 'EXTRA' }, 'EXTRA'],
    [{ kind: 'SHIFTED', status: 'EXTRA' }, 'SHIFTED'],
    [{ kind: 'OTHER', status: 'CANCELLED' }, 'CANCELLED'],
  ] as const)('planKind(%j) → %s', (entry, kind) => {
    expect(planKind(entry)).toBe(kind);
  });
});
