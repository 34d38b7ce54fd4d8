import { generateDemoData } from '../src/demo/demo-data.generator';
import { seedDemoData } from '../src/demo/demo-data.seeder';
import type { DemoDataset } from '../src/demo/demo-data.types';
import { startTestApp, TestApp } from './test-app';

export interface DemoTestApp extends TestApp {
  demo: DemoDataset;
}

/** The real server on a fresh database holding the small demo dataset (every demo login, few pupils). */
export async function startDemoApp(): Promise<DemoTestApp> {
  const app = await startTestApp();
  const demo = generateDemoData({ size: 'small' });
  await seedDemoData(app.dataSource, demo);
  return { ...app, demo };
}
