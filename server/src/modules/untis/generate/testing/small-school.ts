import type { UntisSchoolSpec, UntisTeacherSpec } from '../untis-school-spec';

// A small school with every kind of lesson the planner knows: class lessons with double periods,
// a biweekly pair, a religion coupling, a sport coupling sharing a hall, upper-school courses in a
// band and a primary class that ends after period 5.

export function teacher(shortName: string, subjects: string[], extra: Partial<UntisTeacherSpec> = {}): UntisTeacherSpec {
  return { shortName, lastName: `Nachname ${shortName}`, firstName: 'Vorname', subjects, ...extra };
}

export function smallSchool(): UntisSchoolSpec {
  return {
    schoolNumber: '100001',
    schoolName: 'Testschule',
    schoolYear: { startsOn: '2026-08-01', endsOn: '2027-07-31' },
    periodsPerDay: 8,
    teachers: [
      teacher('MÜL', ['D', 'GE']), teacher('SCH', ['M', 'PH']), teacher('WEB', ['E', 'KU']), teacher('JÄG', ['SP', 'BIO'], { lastName: 'Jäger', firstName: 'Käthe' }),
      teacher('KOC', ['SP', 'MU']), teacher('BEC', ['ER', 'D']), teacher('HOF', ['KR', 'M']), teacher('KLE', ['ETH', 'E']),
      teacher('WOL', ['D', 'M']), teacher('NEU', ['E', 'BIO']),
    ],
    subjects: [
      { shortName: 'D', name: 'Deutsch' }, { shortName: 'M', name: 'Mathematik' }, { shortName: 'E', name: 'Englisch' },
      { shortName: 'GE', name: 'Geschichte' }, { shortName: 'BIO', name: 'Biologie', roomKind: 'Biologie' },
      { shortName: 'PH', name: 'Physik' }, { shortName: 'KU', name: 'Kunst' }, { shortName: 'MU', name: 'Musik' },
      { shortName: 'SP', name: 'Sport', roomKind: 'Sporthalle', requiresRoomKind: true },
      { shortName: 'ER', name: 'Evangelische Religion' }, { shortName: 'KR', name: 'Katholische Religion' },
      { shortName: 'ETH', name: 'Ethik' },
    ],
    rooms: [
      { shortName: 'R101', capacity: 30 }, { shortName: 'R102', capacity: 30 }, { shortName: 'R103', capacity: 30 },
      { shortName: 'R104', capacity: 30 }, { shortName: 'R105', capacity: 30 },
      { shortName: 'BIO1', name: 'Biologie', capacity: 30, kind: 'Biologie' },
      { shortName: 'TH1', name: 'Turnhalle', capacity: 60, kind: 'Sporthalle' },
    ],
    classes: [
      { name: '7a', gradeLevel: 7, homeRoom: 'R101', lastPeriod: 8, classTeacher: 'WOL' },
      { name: '7b', gradeLevel: 7, homeRoom: 'R102', lastPeriod: 8 },
      { name: '2a', gradeLevel: 2, homeRoom: 'R103', lastPeriod: 5 },
      { name: 'Q1', gradeLevel: 12, lastPeriod: 8, subjects: [] },
    ],
    pupils: ['P1', 'P2', 'P3', 'P4'].map((key, i) => ({
      key, lastName: `Schüler${i}`, firstName: 'Jörg', className: 'Q1', birthDate: `2009-0${i + 1}-15`, gender: 'M' as const,
    })),
    curriculum: [
      { gradeLevel: 7, subject: 'D', weeklyHours: 4 },
      { gradeLevel: 7, subject: 'M', weeklyHours: 4, doublePeriods: 1 },
      { gradeLevel: 7, subject: 'E', weeklyHours: 3 },
      { gradeLevel: 7, subject: 'BIO', weeklyHours: 2, doublePeriods: 1 },
      { gradeLevel: 7, subject: 'SP', weeklyHours: 3, doublePeriods: 1 },
      { gradeLevel: 7, subject: 'GE', weeklyHours: 1, isBiweekly: true },
      { gradeLevel: 7, subject: 'KU', weeklyHours: 1, isBiweekly: true },
      { gradeLevel: 2, subject: 'D', weeklyHours: 6 },
      { gradeLevel: 2, subject: 'M', weeklyHours: 5 },
      { gradeLevel: 2, subject: 'MU', weeklyHours: 2 },
    ],
    couplings: [
      { name: 'Religion 7', classes: ['7a', '7b'], weeklyHours: 2, lines: [{ subject: 'ER' }, { subject: 'KR' }, { subject: 'ETH' }] },
      { name: 'Sport 7a/7b', classes: ['7a', '7b'], weeklyHours: 3, doublePeriods: 1, lines: [{ subject: 'SP' }, { subject: 'SP' }], sharesRoom: true },
    ],
    courses: [
      { className: 'Q1', subject: 'D  G1', studentGroup: 'DG1_Q1', weeklyHours: 3, doublePeriods: 1, pupils: ['P1', 'P2'], band: 'G1' },
      { className: 'Q1', subject: 'M  G1', studentGroup: 'MG1_Q1', weeklyHours: 3, doublePeriods: 1, pupils: ['P3', 'P4'], band: 'G1' },
      { className: 'Q1', subject: 'E  L1', studentGroup: 'EL1_Q1', weeklyHours: 5, doublePeriods: 2, pupils: ['P1', 'P3'] },
    ],
    holidays: [
      { shortName: 'HERBST', name: 'Herbstferien', startsOn: '2026-10-19', endsOn: '2026-10-31', isPublicHoliday: false },
      { shortName: '03.10.', name: 'Tag der Deutschen Einheit', startsOn: '2026-10-03', endsOn: '2026-10-03', isPublicHoliday: true },
    ],
    fixedTeachers: [{ className: '7b', subject: 'D', teacher: 'MÜL' }],
  };
}
