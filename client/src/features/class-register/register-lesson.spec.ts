import { groupNames, hasOtherTeachers, lessonRoute, periodParam, plannedRoom, plannedTeacherNames, recordState, subjectName } from './register-lesson';

describe('register lesson labels', () => {
  it('addresses a lesson by day, lineage and period', () => {
    expect(lessonRoute({ lessonLineageId: 'abc', lesson: { date: '2026-11-30', period: 3 } }))
      .toEqual({ name: 'class-register-lesson', params: { date: '2026-11-30', lineageId: 'abc', period: '3' } });
  });

  it('lists coupled classes', () => {
    expect(groupNames({ groups: [{ id: '1', name: '7a' }, { id: '2', name: '7b' }] })).toBe('7a, 7b');
  });

  it('prefers the subject\'s full name', () => {
    expect(subjectName({ subject: { id: '1', name: 'Mathematik', shortName: 'M' } })).toBe('Mathematik');
    expect(subjectName({ subject: { id: '1', name: '', shortName: 'M' } })).toBe('M');
    expect(subjectName({ subject: null })).toBeNull();
  });

  it('names the planned room only when it changed', () => {
    const room = (shortName: string) => ({ id: shortName, shortName });
    expect(plannedRoom({ room: room('B101'), original: { room: room('A202'), subject: null, teachers: [] } })).toBe('A202');
    expect(plannedRoom({ room: room('A202'), original: { room: room('A202'), subject: null, teachers: [] } })).toBeNull();
    expect(plannedRoom({ room: room('A202'), original: null })).toBeNull();
  });

  it('reads a period from the route', () => {
    expect(periodParam('3')).toBe(3);
    expect(periodParam(['12'])).toBe(12);
    expect(periodParam('0')).toBeNull();
    expect(periodParam('x')).toBeNull();
    expect(periodParam(undefined)).toBeNull();
  });

  it('tells a lesson covered by someone else from a room change', () => {
    const teacher = (id: string) => ({ id, abbreviation: id, name: id });
    expect(hasOtherTeachers({ teachers: [teacher('SUB')], original: { teachers: [teacher('KRÜ')], subject: null, room: null } })).toBe(true);
    expect(hasOtherTeachers({ teachers: [teacher('KRÜ')], original: { teachers: [teacher('KRÜ')], subject: null, room: null } })).toBe(false);
    expect(hasOtherTeachers({ teachers: [teacher('KRÜ')], original: { teachers: [], subject: null, room: null } })).toBe(false);
    expect(hasOtherTeachers({ teachers: [teacher('KRÜ')], original: null })).toBe(false);
  });

  it('names the planned teachers, none without a plan', () => {
    const teacher = (name: string) => ({ id: name, abbreviation: name.slice(0, 3), name });
    expect(plannedTeacherNames({ original: { subject: null, room: null, teachers: [teacher('Anna Berg'), teacher('Carl Dorn')] } })).toBe('Anna Berg, Carl Dorn');
    expect(plannedTeacherNames({ original: null })).toBe('');
  });

  it.each([
    ['CANCELLED', true, '2026-11-30', 'cancelled'],
    ['REGULAR', true, '2026-11-30', 'recorded'],
    ['REGULAR', false, '2026-11-30', 'open'],
    ['REGULAR', false, '2026-12-01', 'upcoming'],
  ] as const)('a %s lesson, recorded %s, on %s → %s (today 2026-11-30)', (status, isRecorded, date, expected) => {
    expect(recordState({ isRecorded, lesson: { status, date } }, '2026-11-30')).toBe(expected);
  });

  it('without today a lesson not recorded is open, even in the future', () => {
    expect(recordState({ isRecorded: false, lesson: { status: 'REGULAR', date: '2099-01-01' } })).toBe('open');
  });
});
