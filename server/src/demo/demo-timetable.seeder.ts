import type { DataSource } from 'typeorm';
import { berlinDate } from '@schulverwaltung/shared';
import { TimeGridPeriodEntity } from '../modules/timetable/time-grid-period.entity';
import { DEMO_TIME_GRID, demoUntisExport } from '../modules/untis/generate/demo-untis-export';
import { comingSchoolDays, demoSubstitutionsFile } from '../modules/untis/generate/demo-substitutions';
import { runUntisImport } from '../modules/untis/untis-import.runner';
import type { DemoDataset } from './demo-data.types';

// The demo schools' timetables: a time grid (GPU files carry no clock times) and an Untis export
// generated for each school, imported through the real importer — the demo's lessons went through
// the same code as a school's, and later features (class register, absences) have lessons to use.

const SUBSTITUTION_DAYS = 5;

export async function seedDemoTimetables(dataSource: DataSource, dataset: DemoDataset, onProgress: (message: string) => void = () => undefined): Promise<void> {
  for (const school of dataset.schools) {
    const year = dataset.schoolYears.find((y) => y.schoolId === school.id && y.isCurrent);
    if (!year) continue;
    await dataSource.manager.insert(TimeGridPeriodEntity, DEMO_TIME_GRID.map((slot) => ({ ...slot, schoolId: school.id, label: `${slot.period}. Stunde` })));
    const { plan, files } = demoUntisExport(dataset, school.id);
    const today = berlinDate();
    const request = {
      school: { id: school.id, schoolNumber: school.schoolNumber, name: school.name }, apply: true, today,
      actor: { personId: null, label: 'Demodaten' }, options: { createMissingTeachers: false, createMissingClasses: false },
    };
    const outcome = await runUntisImport(dataSource, { ...request, files, validFrom: year.startsOn });
    if (outcome.summary.blocked) throw new Error(`Demo data: the Untis export of ${school.name} does not match: ${outcome.summary.unmatched.map((u) => u.message).join('; ')}`);
    // The timetabler's substitutions for the coming school days, as a separate GPU014 import.
    const days = comingSchoolDays(plan, today > year.startsOn ? today : year.startsOn, SUBSTITUTION_DAYS);
    if (days.length > 0) await runUntisImport(dataSource, { ...request, files: [demoSubstitutionsFile(plan, days)], validFrom: days[0] });
    onProgress(`Demo data: timetable of ${school.name} imported from Untis (${outcome.summary.rowsWritten} rows, substitutions for ${days.length} school days)`);
  }
}
