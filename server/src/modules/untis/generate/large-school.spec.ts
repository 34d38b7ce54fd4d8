import { performance } from 'node:perf_hooks';
import { LARGE_SCHOOL_SIZE, largeSchoolSpec } from './large-school';
import { gpu001RowCount, gpu002RowCount } from './mutate-export';
import { planTimetable } from './plan-timetable';
import { findConflicts, type UntisPlan } from './untis-plan';
import type { UntisSchoolSpec } from './untis-school-spec';
import { writeUntisExport } from './write-gpu-files';

// The benchmark school. Planning it once per file keeps the suite fast; every test only reads it.
let cached: { spec: UntisSchoolSpec; plan: UntisPlan; planMs: number } | undefined;

function setup(): { spec: UntisSchoolSpec; plan: UntisPlan; planMs: number } {
  if (!cached) {
    const spec = largeSchoolSpec(1);
    const started = performance.now();
    const plan = planTimetable(spec, 1);
    cached = { spec, plan, planMs: performance.now() - started };
  }
  return cached;
}

describe('largeSchoolSpec', () => {
  it('should have 150 teachers and 80 Untis classes (77 classes, year groups EF, Q1, Q2)', () => {
    const { spec } = setup();

    expect(spec.teachers).toHaveLength(150);
    expect(spec.classes).toHaveLength(80);
    expect(spec.classes.slice(-3).map((c) => c.name)).toEqual(['EF', 'Q1', 'Q2']);
  });

  it('should have 1,200 pupils, every one with course choices', () => {
    const { spec, plan } = setup();

    const choosing = new Set(plan.lessons.flatMap((l) => l.lines.flatMap((line) => line.pupils)));

    expect(spec.pupils).toHaveLength(1200);
    expect(choosing.size).toBe(1200);
  });

  it('should give each upper-school pupil one course per band (2 Leistungskurse, 6 Grundkurse)', () => {
    const { spec } = setup();
    const pupil = spec.pupils.find((p) => p.className === 'Q1');

    const courses = spec.courses.filter((c) => c.pupils.includes(pupil?.key ?? ''));

    expect(courses.map((c) => c.band).sort()).toEqual(['G1', 'G2', 'G3', 'G4', 'G5', 'G6', 'L1', 'L2']);
    expect(new Set(courses.map((c) => c.subject.slice(0, 3))).size).toBe(8);
  });

  it('should use German names with umlauts, unique Kürzel and unique pupil keys', () => {
    const { spec } = setup();

    expect(new Set(spec.teachers.map((t) => t.shortName)).size).toBe(spec.teachers.length);
    expect(new Set(spec.pupils.map((p) => p.key)).size).toBe(spec.pupils.length);
    expect(spec.pupils.some((p) => /[äöüÄÖÜß]/.test(p.lastName))).toBe(true);
  });

  it('should be the same for the same seed and differ for another', () => {
    expect(largeSchoolSpec(1)).toEqual(setup().spec);
    expect(largeSchoolSpec(2).teachers).not.toEqual(setup().spec.teachers);
  });
});

describe('planTimetable for the large school', () => {
  it('should place every period without double-booking anyone', () => {
    const { plan } = setup();

    expect(plan.unplaced).toEqual([]);
    expect(findConflicts(plan)).toEqual([]);
  });

  it('should come to about 1,600 GPU002 rows (lessons × coupling lines × classes) and 4,000 GPU001 rows', () => {
    const { plan } = setup();

    expect(gpu002RowCount(plan)).toBeGreaterThan(1500);
    expect(gpu002RowCount(plan)).toBeLessThan(1800);
    expect(gpu001RowCount(plan)).toBeGreaterThan(3800);
    expect(gpu001RowCount(plan)).toBeLessThan(4600);
  });

  it('should plan in well under a second', () => {
    // Measured on the first (cold) run: ~0.3 s on a laptop; the bound leaves room for slow CI.
    expect(setup().planMs).toBeLessThan(1500);
  });

  it('should keep every teacher within the Deputat', () => {
    const { spec, plan } = setup();
    const load = new Map<string, number>();
    for (const lesson of plan.lessons) for (const line of lesson.lines) load.set(line.teacher, (load.get(line.teacher) ?? 0) + lesson.periodsPerWeek);

    for (const teacher of spec.teachers) expect(load.get(teacher.shortName) ?? 0).toBeLessThanOrEqual(teacher.maxWeeklyHours ?? 27);
  });

  it('should write the same bytes twice for the same seed', () => {
    const options = { encoding: 'windows-1252', validFrom: '2026-08-01', validTo: '2027-07-31' } as const;

    const again = writeUntisExport(planTimetable(largeSchoolSpec(1), 1), options);

    expect(again).toEqual(writeUntisExport(setup().plan, options));
  });

  it('should describe the size it was built for', () => {
    expect(Object.values(LARGE_SCHOOL_SIZE.parallelClasses).reduce((a, b) => a + b, 0)).toBe(77);
  });
});
