import { teachesSomewhere } from './register-audience';

describe('teachesSomewhere', () => {
  it('is true for a teacher at any of the schools', () => {
    expect(teachesSomewhere({ schoolRoles: [{ schoolId: 'a', role: 'SECRETARIAT' }, { schoolId: 'b', role: 'TEACHER' }] })).toBe(true);
  });

  it('is false for the office, pupils and guardians', () => {
    expect(teachesSomewhere({ schoolRoles: [{ schoolId: 'a', role: 'SECRETARIAT' }] })).toBe(false);
    expect(teachesSomewhere({ schoolRoles: [] })).toBe(false);
  });
});
