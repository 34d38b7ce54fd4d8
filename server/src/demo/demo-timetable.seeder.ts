import type { DataSource } from 'typeorm';
import { berlinDate } from '@schulverwaltung/shared';
import { TimeGridPeriodEntity } from '../modules/timetable/time-grid-period.entity';
import { DEMO_TIME_GRID, demoUntisExport } from '../modules/untis/generate/demo-untis-export';
import { runUntisImport } from '../modules/untis/untis-import.runner';
import type { DemoDataset } from './demo-data.types';

// The demo schools' timetables: a time grid (GPU files carry no clock times) and an Untis export
// generated for each school, imported through the real importer — the demo's lessons went through
// the same code as a school's, and later features (class register, absences) have lessons to use.

export async function seedDemoTimetables(dataSource: DataSource, dataset: DemoDataset, onProgress: (message: string) => void = () => undefined): Promise<void> {
  for (const school of dataset.schools) {
    const year = dataset.schoolYears.find((y) => y.schoolId === school.id && y.isCurrent);
    if (!year) continue;
    await dataSource.manager.insert(TimeGridPeriodEntity, DEMO_TIME_GRID.map((slot) => ({ ...slot, schoolId: school.id, label: `${slot.period}. Stunde` })));
    const { files } = demoUntisExport(dataset, school.id);
    const outcome = await runUntisImport(dataSource, {
      school: { id: school.id, schoolNumber: school.schoolNumber, name: school.name }, files, validFrom: year.startsOn, apply: true,
      today: berlinDate(), actor: { personId: null, label: 'Demodaten' }, options: { createMissingTeachers: false, createMissingClasses: false },
    });
    if (outcome.summary.blocked) throw new Error(`Demo data: the Untis export of ${school.name} does not match: ${outcome.summary.unmatched.map((u) => u.message).join('; ')}`);
    onProgress(`Demo data: timetable of ${school.name} imported from Untis (${outcome.summary.rowsWritten} rows)`);
  }
}
