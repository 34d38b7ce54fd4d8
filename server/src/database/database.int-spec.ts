import { DataSource } from 'typeorm';
import { openDatabase, Database, pendingSchemaChanges } from './data-source';
import { createTestDatabaseUrl } from '../../test/test-database';

describe('database', () => {
  let db: Database;
  let dataSource: DataSource;

  beforeAll(async () => {
    const url = await createTestDatabaseUrl();
    db = await openDatabase({ url, poolSize: 4, timetableCacheDays: 0, dataDir: 'memory://' });
    dataSource = db.dataSource;
    await dataSource.runMigrations({ transaction: 'each' });
  });

  afterAll(() => db.close());

  describe('migrations', () => {
    it('should leave nothing for the entities to change (entities and migrations agree)', async () => {
      expect(await pendingSchemaChanges(dataSource)).toEqual([]);
    });

    it('should run again without applying anything', async () => {
      expect(await dataSource.runMigrations()).toEqual([]);
    });
  });

  describe('transactions', () => {
    it('should isolate two concurrent transactions: the rolled-back one leaves nothing behind', async () => {
      let releaseFirst!: () => void;
      const firstMayFinish = new Promise<void>((resolve) => (releaseFirst = resolve));

      const failing = dataSource.transaction(async (manager) => {
        await manager.query(`INSERT INTO school_carriers (name, federal_state) VALUES ('Wird verworfen', 'BE')`);
        await firstMayFinish;
        throw new Error('roll back');
      });
      const succeeding = dataSource.transaction(async (manager) => {
        await manager.query(`INSERT INTO school_carriers (name, federal_state) VALUES ('Bleibt', 'BE')`);
      });
      releaseFirst();

      await expect(failing).rejects.toThrow('roll back');
      await succeeding;
      const names = (await dataSource.query(`SELECT name FROM school_carriers ORDER BY name`)).map((r: { name: string }) => r.name);
      expect(names).toContain('Bleibt');
      expect(names).not.toContain('Wird verworfen');
    });

    it('should return calendar days as YYYY-MM-DD strings whatever the process time zone', async () => {
      const [row] = await dataSource.query(`SELECT DATE '2026-08-01' AS day`);
      expect(row.day).toBe('2026-08-01');
    });
  });
});
