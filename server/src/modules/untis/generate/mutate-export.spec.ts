import * as iconv from 'iconv-lite';
import type { UntisInputFile } from '../read/untis-export';
import { largeSchoolSpec, mutateExport } from './large-school';
import { gpu001RowCount, gpu002RowCount } from './mutate-export';
import { planTimetable } from './plan-timetable';
import { findConflicts, type PlanMutation, type UntisPlan } from './untis-plan';
import { writeUntisExport } from './write-gpu-files';

const OPTIONS = { encoding: 'windows-1252', validFrom: '2026-08-01', validTo: '2027-07-31' } as const;

let cached: { plan: UntisPlan; mutated: UntisPlan; before: UntisInputFile[]; after: UntisInputFile[] } | undefined;

function setup() {
  if (!cached) {
    const plan = planTimetable(largeSchoolSpec(1), 1);
    const mutated = mutateExport(plan, 0.05, 1);
    cached = { plan, mutated, before: writeUntisExport(plan, OPTIONS), after: writeUntisExport(mutated, OPTIONS) };
  }
  return cached;
}

function rowsOf(files: readonly UntisInputFile[], name: string): string[] {
  const found = files.find((f) => f.name === name);
  return found ? iconv.decode(Buffer.from(found.bytes), 'windows-1252').split('\r\n').slice(0, -1) : [];
}

/** Rows only in `a` (as a multiset: GPU001 may hold equal rows of different periods… it does not, but be safe). */
function rowsMissingIn(a: readonly string[], b: readonly string[]): number {
  const counts = new Map<string, number>();
  for (const row of b) counts.set(row, (counts.get(row) ?? 0) + 1);
  let missing = 0;
  for (const row of a) {
    const left = counts.get(row) ?? 0;
    if (left > 0) counts.set(row, left - 1);
    else missing++;
  }
  return missing;
}

function reported(mutations: readonly PlanMutation[], file: 'gpu001' | 'gpu002') {
  return mutations.reduce((sum, m) => ({
    changed: sum.changed + m[file].changed, removed: sum.removed + m[file].removed, added: sum.added + m[file].added,
  }), { changed: 0, removed: 0, added: 0 });
}

describe('mutateExport', () => {
  it('should change about 5 % of the GPU001 and GPU002 rows', () => {
    const { plan, mutated } = setup();
    const total = gpu001RowCount(plan) + gpu002RowCount(plan);

    const touched = (['gpu001', 'gpu002'] as const).reduce((sum, file) => {
      const counts = reported(mutated.mutations ?? [], file);
      return sum + counts.changed + counts.removed + counts.added;
    }, 0);

    expect(touched / total).toBeGreaterThan(0.04);
    expect(touched / total).toBeLessThan(0.06);
  });

  it('should change exactly the rows its report lists', () => {
    const { mutated, before, after } = setup();

    for (const [name, file] of [['GPU001.TXT', 'gpu001'], ['GPU002.TXT', 'gpu002']] as const) {
      const counts = reported(mutated.mutations ?? [], file);
      expect(rowsMissingIn(rowsOf(before, name), rowsOf(after, name))).toBe(counts.changed + counts.removed);
      expect(rowsMissingIn(rowsOf(after, name), rowsOf(before, name))).toBe(counts.changed + counts.added);
    }
  });

  it('should make every kind of change: rooms, teachers, moved periods, removed and added lessons', () => {
    const kinds = new Set((setup().mutated.mutations ?? []).map((m) => m.kind));

    expect([...kinds].sort()).toEqual(['LESSON_ADDED', 'LESSON_REMOVED', 'PERIOD_MOVED', 'ROOM_CHANGED', 'TEACHER_REPLACED']);
  });

  it('should leave every other file byte-identical', () => {
    const { before, after } = setup();

    for (const file of before.filter((f) => !['GPU001.TXT', 'GPU002.TXT'].includes(f.name))) {
      expect(after.find((f) => f.name === file.name)?.bytes).toEqual(file.bytes);
    }
  });

  it('should keep the timetable free of double bookings and leave the input plan as it was', () => {
    const { plan, mutated } = setup();

    expect(findConflicts(mutated)).toEqual([]);
    expect(plan.mutations).toBeUndefined();
    expect(writeUntisExport(plan, OPTIONS)).toEqual(setup().before);
  });

  it('should keep lesson numbers: unchanged lessons keep theirs, new ones get fresh numbers', () => {
    const { plan, mutated } = setup();
    const before = new Set(plan.lessons.map((l) => l.number));

    const added = (mutated.mutations ?? []).filter((m) => m.kind === 'LESSON_ADDED').map((m) => m.lessonNumber);

    expect(added.every((number) => !before.has(number))).toBe(true);
    expect(mutated.lessons.filter((l) => before.has(l.number)).length).toBe(plan.lessons.length - (mutated.mutations ?? []).filter((m) => m.kind === 'LESSON_REMOVED').length);
  });

  it('should be deterministic for a seed', () => {
    const { plan, mutated } = setup();

    expect(mutateExport(plan, 0.05, 1)).toEqual(mutated);
    expect(mutateExport(plan, 0.05, 2).mutations).not.toEqual(mutated.mutations);
  });
});
