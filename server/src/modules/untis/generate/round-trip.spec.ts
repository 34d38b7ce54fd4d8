import { readUntisFiles } from '../read';
import type { UntisExport } from '../read/untis-export';
import { largeSchoolSpec } from './large-school';
import { planTimetable } from './plan-timetable';
import { smallSchool } from './testing/small-school';
import type { UntisPlan } from './untis-plan';
import { writeUntisExport, writeZip, type UntisExportOptions } from './write-gpu-files';

// What the generator writes, the real reader (read/read-untis-files.ts) reads back unchanged:
// lessons with their coupling lines, placed periods, pupils, course choices and master data.

const OPTIONS: UntisExportOptions = { encoding: 'windows-1252', validFrom: '2026-08-01', validTo: '2027-07-31' };

function expectedLines(plan: UntisPlan) {
  return plan.lessons.flatMap((lesson) => lesson.lines.map((line, lineIndex) => ({
    lessonNumber: lesson.number, lineIndex, teacher: line.teacher, subject: line.subject, classes: lesson.classes,
    rooms: line.subjectRoom ? [line.subjectRoom] : [], weeklyHours: lesson.periodsPerWeek,
    lessonGroup: lesson.weekGroup, studentGroup: lesson.studentGroup, validFrom: OPTIONS.validFrom, validTo: OPTIONS.validTo,
  })));
}

function readLines(exported: UntisExport) {
  return exported.lessonLines.map((line) => ({
    lessonNumber: line.lessonNumber, lineIndex: line.lineIndex, teacher: line.teacher, subject: line.subject, classes: line.classes,
    rooms: line.rooms, weeklyHours: line.weeklyHours, lessonGroup: line.lessonGroup, studentGroup: line.studentGroup,
    validFrom: line.validFrom, validTo: line.validTo,
  }));
}

/** One placement per (lesson, line, period), as the reader collapses GPU001's class × line rows. */
function expectedPlacements(plan: UntisPlan): string[] {
  const lessons = new Map(plan.lessons.map((l) => [l.number, l]));
  return plan.placements.flatMap((p) => (lessons.get(p.lessonNumber)?.lines ?? []).map((line, i) =>
    [p.lessonNumber, line.teacher, line.subject, lessons.get(p.lessonNumber)?.classes.join('+'), p.weekday, p.period, p.rooms[i] ?? ''].join('|'))).sort();
}

function readPlacements(exported: UntisExport): string[] {
  return exported.placements.map((p) => [p.lessonNumber, p.teacher, p.subject, p.classes.join('+'), p.weekday, p.period, p.room ?? ''].join('|')).sort();
}

function expectedChoices(plan: UntisPlan): string[] {
  const classOf = new Map(plan.spec.pupils.map((p) => [p.key, p.className]));
  return plan.lessons.flatMap((l) => l.lines.flatMap((line) => line.pupils.map((key) => [key, l.number, line.subject, classOf.get(key)].join('|')))).sort();
}

describe('readUntisFiles(writeUntisExport(plan))', () => {
  describe.each([
    ['the small school, Windows-1252', () => planTimetable(smallSchool(), 1), OPTIONS],
    ['the small school, UTF-8 with semicolons', () => planTimetable(smallSchool(), 1), { ...OPTIONS, encoding: 'utf-8', separator: ';' } as const],
    ['the large school, tabs', () => planTimetable(largeSchoolSpec(1), 1), { ...OPTIONS, separator: '\t' } as const],
  ])('for %s', (_, makePlan, options) => {
    let cached: { plan: UntisPlan; exported: UntisExport } | undefined;
    const setup = () => {
      if (!cached) {
        const plan = makePlan();
        cached = { plan, exported: readUntisFiles(writeUntisExport(plan, options)) };
      }
      return cached;
    };

    it('should read every file without a warning, in the encoding it was written in', () => {
      const { plan, exported } = setup();
      // A file of ASCII only is valid UTF-8: the reader cannot tell, and need not.
      const isAscii = new Map(writeUntisExport(plan, options).map((f) => [f.name, f.bytes.every((b) => b < 0x80)]));

      expect(exported.warnings).toEqual([]);
      expect(exported.files.map((f) => f.kind)).toEqual(['GPU001', 'GPU002', 'GPU003', 'GPU004', 'GPU005', 'GPU006', 'GPU010', 'GPU015', 'GPU018']);
      for (const file of exported.files) expect(file.encoding).toBe(isAscii.get(file.name) ? 'utf-8' : options.encoding);
      expect(exported.files.find((f) => f.name === 'GPU004.TXT')?.encoding).toBe(options.encoding);
    });

    it('should give back the lessons with their coupling lines', () => {
      const { plan, exported } = setup();

      expect(readLines(exported)).toEqual(expectedLines(plan));
    });

    it('should give back every placed period with its room', () => {
      const { plan, exported } = setup();

      expect(readPlacements(exported)).toEqual(expectedPlacements(plan));
    });

    it('should give back pupils and their course choices', () => {
      const { plan, exported } = setup();

      expect(exported.pupils.map((p) => [p.key, p.lastName, p.firstName, p.className, p.birthDate])).toEqual(
        plan.spec.pupils.map((p) => [p.key, p.lastName, p.firstName, p.className, p.birthDate]));
      expect(exported.courseChoices.map((c) => [c.pupilKey, c.lessonNumber, c.subject, c.className].join('|')).sort()).toEqual(expectedChoices(plan));
    });

    it('should give back teachers, classes, rooms, subjects and holidays', () => {
      const { plan, exported } = setup();
      const { spec } = plan;

      expect(exported.teachers.map((t) => [t.shortName, t.lastName, t.firstName, t.email])).toEqual(
        spec.teachers.map((t) => [t.shortName, t.lastName, t.firstName, t.email]));
      expect(exported.classes.map((c) => [c.shortName, c.validFrom, c.validTo])).toEqual(spec.classes.map((c) => [c.name, OPTIONS.validFrom, OPTIONS.validTo]));
      expect(exported.rooms.map((r) => [r.shortName, r.name, r.capacity])).toEqual(spec.rooms.map((r) => [r.shortName, r.name, r.capacity]));
      expect(exported.subjects.map((s) => [s.shortName, s.name])).toEqual(spec.subjects.map((s) => [s.shortName, s.name]));
      expect(exported.holidays.map((h) => [h.shortName, h.startsOn, h.endsOn, h.isPublicHoliday])).toEqual(
        spec.holidays.map((h) => [h.shortName, h.startsOn, h.endsOn, h.isPublicHoliday]));
    });
  });

  it('should read the ZIP archive the same as the loose files', () => {
    const files = writeUntisExport(planTimetable(smallSchool(), 1), OPTIONS);

    const fromZip = readUntisFiles([{ name: 'untis-export.zip', bytes: writeZip(files) }]);

    expect(readLines(fromZip)).toEqual(readLines(readUntisFiles(files)));
  });
});
