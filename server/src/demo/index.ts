// The demo school: generate a dataset (pure) and write it to the database (one transaction).
export {
  DEFAULT_DEMO_SEED, DEMO_LOGIN_USERNAMES, DEMO_PASSWORD, DEMO_SIZES, generateDemoData, resolveDemoSize, type DemoUsername,
} from './demo-data.generator';
export { isDatabaseEmpty, seedDemoData } from './demo-data.seeder';
export type { DemoDataset, DemoLogin, DemoOptions, DemoSize, DemoSizeName, DemoSizeSpec } from './demo-data.types';
