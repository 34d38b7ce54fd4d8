import { startTestApp, TestApp } from '../../test/test-app';
import { generateDemoData } from './demo-data.generator';
import { seedDemoData } from './demo-data.seeder';
import { seedDemoTimetables } from './demo-timetable.seeder';

// npm start's demo (full size): both schools get a timetable through the real Untis importer.

describe('demo timetables', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
    const demo = generateDemoData({ size: 'full' });
    await seedDemoData(app.dataSource, demo);
    await seedDemoTimetables(app.dataSource, demo);
  });

  afterAll(() => app.close());

  it('should import a timetable for every demo school and record the import', async () => {
    const perSchool = await app.dataSource.query(`SELECT s.name, (SELECT count(*)::int FROM lessons l WHERE l.school_id = s.id) AS lessons,
        (SELECT count(*)::int FROM timetable_entries e WHERE e.school_id = s.id) AS entries,
        (SELECT count(*)::int FROM time_grid_periods t WHERE t.school_id = s.id) AS periods,
        (SELECT status FROM untis_imports i WHERE i.school_id = s.id ORDER BY i.created_at LIMIT 1) AS status,
        (SELECT count(*)::int FROM untis_imports i WHERE i.school_id = s.id) AS imports
      FROM schools s ORDER BY s.name`);
    expect(perSchool).toHaveLength(2);
    for (const school of perSchool) {
      expect(school).toMatchObject({ status: 'APPLIED', periods: 40, imports: 2 });
      expect(school.lessons).toBeGreaterThan(50);
      expect(school.entries).toBeGreaterThan(school.lessons);
    }
  });

  it('should hold substitutions for the coming school days: cancellations, room changes, substitute teachers', async () => {
    const kinds = await app.dataSource.query(`SELECT kind, count(*)::int AS n, min(date) AS first FROM substitutions GROUP BY kind ORDER BY kind`);
    expect(kinds.map((k: { kind: string }) => k.kind)).toEqual(['CANCELLED', 'ROOM_CHANGE', 'SUBSTITUTE']);
    const unlinked = await app.dataSource.query(`SELECT count(*)::int AS n FROM substitutions WHERE lesson_lineage_id IS NULL`);
    expect(unlinked).toEqual([{ n: 0 }]);
    const busySubstitutes = await app.dataSource.query(`SELECT s.id FROM substitutions s JOIN timetable_entries e ON e.school_id = s.school_id
        AND e.weekday = extract(isodow FROM s.date) AND e.period = s.period AND e.valid_from <= s.date AND (e.valid_to IS NULL OR e.valid_to >= s.date)
      JOIN lessons l ON l.lineage_id = e.lesson_lineage_id AND l.teacher_ids && s.substitute_teacher_ids AND l.lesson_group IS NULL
      WHERE s.kind = 'SUBSTITUTE'`);
    expect(busySubstitutes).toEqual([]);
  });

  it('should let the demo class teacher of 7b teach 7b', async () => {
    const [row] = await app.dataSource.query(`SELECT count(*)::int AS lessons FROM lessons l
      JOIN groups g ON g.id = ANY(l.group_ids) AND g.name = '7b'
      JOIN accounts a ON a.person_id = ANY(l.teacher_ids) AND a.username = 'gym.klassenleitung'`);
    expect(row.lessons).toBeGreaterThan(0);
  });

  it('should double-book no teacher within a school (alternating-week lessons may share a slot)', async () => {
    const clashes = await app.dataSource.query(`SELECT l.school_id, t AS teacher, e.weekday, e.period
      FROM timetable_entries e JOIN lessons l ON l.lineage_id = e.lesson_lineage_id, unnest(l.teacher_ids) t
      GROUP BY l.school_id, t, e.weekday, e.period
      HAVING count(DISTINCT l.untis_number) FILTER (WHERE l.lesson_group IS NULL) > 1
        OR (count(DISTINCT l.untis_number) FILTER (WHERE l.lesson_group IS NULL) = 1 AND count(DISTINCT l.untis_number) > 1)
        OR count(DISTINCT l.untis_number) FILTER (WHERE l.lesson_group = 'UW') > 1
        OR count(DISTINCT l.untis_number) FILTER (WHERE l.lesson_group = 'GW') > 1`);
    expect(clashes).toEqual([]);
  });
});
