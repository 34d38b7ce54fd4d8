import { generateDemoData } from '../src/demo/demo-data.generator';
import { seedDemoData } from '../src/demo/demo-data.seeder';
import { seedDemoTimetables } from '../src/demo/demo-timetable.seeder';
import type { DemoDataset } from '../src/demo/demo-data.types';
import { startTestApp, TestApp } from './test-app';

export interface DemoTestApp extends TestApp {
  demo: DemoDataset;
}

/**
 * The real server on a fresh database holding the small demo dataset (every demo login, few
 * pupils); with `timetables`, also the demo timetables imported from their generated Untis export.
 */
export async function startDemoApp(options: { timetables?: boolean } = {}): Promise<DemoTestApp> {
  const app = await startTestApp();
  const demo = generateDemoData({ size: 'small' });
  await seedDemoData(app.dataSource, demo);
  if (options.timetables) await seedDemoTimetables(app.dataSource, demo);
  return { ...app, demo };
}
