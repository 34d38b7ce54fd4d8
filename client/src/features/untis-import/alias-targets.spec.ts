import { groupOptions, pupilOptions, roomOptions, subjectOptions, teacherOptions } from './alias-targets';

describe('alias targets', () => {
  it('teacherOptions: should map to the person id and show the Kürzel, sorted by name', () => {
    const options = teacherOptions([
      { id: 'm2', personId: 'p2', firstName: 'Jonas', lastName: 'Weber', abbreviation: 'WEB' },
      { id: 'm1', personId: 'p1', firstName: 'Anna', lastName: 'Ahrens', abbreviation: null },
    ]);

    expect(options).toEqual([{ id: 'p1', label: 'Ahrens, Anna' }, { id: 'p2', label: 'Weber, Jonas (WEB)' }]);
  });

  it('groupOptions: should list classes in school order before courses', () => {
    const options = groupOptions([
      { id: 'c', name: 'ma-L1', kind: 'COURSE', gradeLevel: 11 },
      { id: 'b', name: '10a', kind: 'CLASS', gradeLevel: 10 },
      { id: 'a', name: '7b', kind: 'CLASS', gradeLevel: 7 },
      { id: 'd', name: 'de-G2', kind: 'COURSE', gradeLevel: 11 },
    ]);

    expect(options.map((o) => o.label)).toEqual(['7b', '10a', 'de-G2', 'ma-L1']);
  });

  it('subjectOptions and roomOptions: should lead with the short name Untis uses', () => {
    expect(subjectOptions([{ id: 's', shortName: 'M', name: 'Mathematik' }])).toEqual([{ id: 's', label: 'M – Mathematik' }]);
    expect(roomOptions([{ id: 'r2', shortName: 'PHY', name: 'Physikraum' }, { id: 'r1', shortName: '101', name: null }]))
      .toEqual([{ id: 'r1', label: '101' }, { id: 'r2', label: 'PHY – Physikraum' }]);
  });

  it('pupilOptions: should add class and birth date when known', () => {
    const options = pupilOptions([
      { id: 'x', firstName: 'Mia', lastName: 'Klein', birthDate: '2013-02-01', class: { id: 'k', name: '7b' } },
      { id: 'y', firstName: 'Tom', lastName: 'Groß', birthDate: null, class: null },
    ]);

    expect(options).toEqual([{ id: 'x', label: 'Klein, Mia (7b, 01.02.2013)' }, { id: 'y', label: 'Groß, Tom' }]);
  });
});
