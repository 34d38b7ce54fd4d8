import { MigrationInterface, QueryRunner } from 'typeorm';

// schools.timetable_revision changes whenever anything a school's expanded timetable is built from
// changes: lessons, entries, substitutions, time grid, days off, and the names it shows (subjects,
// rooms, groups, teacher memberships and teachers' last names). The server caches expanded school
// days under this value (timetable-day-cache.ts), so the database, not each server instance, says
// when a cached day is stale — whoever wrote (an import, the CLI, another instance).
//
// The new value comes from a sequence, not revision + 1: a sequence value is never handed out twice,
// even when the writing transaction rolls back, so a revision names one committed state (or none).

const SCHOOL_TABLES = ['lessons', 'timetable_entries', 'substitutions', 'time_grid_periods', 'holidays', 'subjects', 'rooms', 'groups', 'memberships'];

export class TimetableRevision1795860000000 implements MigrationInterface {
  name = 'TimetableRevision1795860000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE SEQUENCE "timetable_revision_seq"`);
    await queryRunner.query(`ALTER TABLE "schools" ADD "timetable_revision" bigint NOT NULL DEFAULT 0`);
    await queryRunner.query(`
      CREATE FUNCTION bump_timetable_revision() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          UPDATE schools SET timetable_revision = nextval('timetable_revision_seq') WHERE id IN (SELECT DISTINCT school_id FROM old_rows);
        ELSE
          UPDATE schools SET timetable_revision = nextval('timetable_revision_seq') WHERE id IN (SELECT DISTINCT school_id FROM new_rows);
        END IF;
        RETURN NULL;
      END $$`);
    for (const table of SCHOOL_TABLES) {
      await queryRunner.query(`CREATE TRIGGER "trg_${table}_revision_ins" AFTER INSERT ON "${table}" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_timetable_revision()`);
      await queryRunner.query(`CREATE TRIGGER "trg_${table}_revision_upd" AFTER UPDATE ON "${table}" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_timetable_revision()`);
      await queryRunner.query(`CREATE TRIGGER "trg_${table}_revision_del" AFTER DELETE ON "${table}" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_timetable_revision()`);
    }
    // A teacher's last name is shown in every lesson they teach, at each school they teach at.
    await queryRunner.query(`
      CREATE FUNCTION bump_timetable_revision_of_teachers() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE schools SET timetable_revision = nextval('timetable_revision_seq')
        WHERE id IN (
          SELECT DISTINCT m.school_id FROM memberships m
          JOIN new_rows n ON n.id = m.person_id JOIN old_rows o ON o.id = n.id
          WHERE m.role = 'TEACHER' AND n.last_name IS DISTINCT FROM o.last_name);
        RETURN NULL;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER "trg_persons_revision_upd" AFTER UPDATE ON "persons" REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_timetable_revision_of_teachers()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "trg_persons_revision_upd" ON "persons"`);
    await queryRunner.query(`DROP FUNCTION bump_timetable_revision_of_teachers()`);
    for (const table of SCHOOL_TABLES) {
      for (const op of ['ins', 'upd', 'del']) await queryRunner.query(`DROP TRIGGER "trg_${table}_revision_${op}" ON "${table}"`);
    }
    await queryRunner.query(`DROP FUNCTION bump_timetable_revision()`);
    await queryRunner.query(`ALTER TABLE "schools" DROP COLUMN "timetable_revision"`);
    await queryRunner.query(`DROP SEQUENCE "timetable_revision_seq"`);
  }
}
