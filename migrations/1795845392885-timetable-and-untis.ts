import { MigrationInterface, QueryRunner } from 'typeorm';

export class TimetableAndUntis1795845392885 implements MigrationInterface {
  name = 'TimetableAndUntis1795845392885';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"calendar_feeds\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"version\" integer NOT NULL DEFAULT '1', \"school_id\" uuid NOT NULL, \"owner_person_id\" uuid NOT NULL, \"target\" text NOT NULL, \"target_id\" uuid NOT NULL, \"token_hash\" text NOT NULL, \"label\" text NOT NULL, \"revoked_at\" TIMESTAMP WITH TIME ZONE, \"last_fetched_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"PK_045067d8bb57f971f3c5426ea71\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_calendar_feeds_owner\" ON \"calendar_feeds\"  (\"owner_person_id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_calendar_feeds_token_hash\" ON \"calendar_feeds\"  (\"token_hash\") ");
    await queryRunner.query("CREATE TABLE \"lessons\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"version\" integer NOT NULL DEFAULT '1', \"school_id\" uuid NOT NULL, \"school_year_id\" uuid NOT NULL, \"lineage_id\" uuid NOT NULL, \"untis_number\" integer, \"subject_id\" uuid, \"teacher_ids\" uuid array NOT NULL DEFAULT '{}', \"group_ids\" uuid array NOT NULL DEFAULT '{}', \"weekly_hours\" double precision NOT NULL DEFAULT '0', \"lesson_group\" text, \"week_pattern\" jsonb NOT NULL, \"student_group\" text, \"text\" text, \"valid_from\" date NOT NULL, \"valid_to\" date, \"import_id\" uuid, CONSTRAINT \"PK_9b9a8d455cac672d262d7275730\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_lessons_lineage\" ON \"lessons\"  (\"lineage_id\", \"valid_from\") ");
    // Lessons are found by the groups and teachers they list (class, teacher and pupil timetables).
    await queryRunner.query("CREATE INDEX \"ix_lessons_group_ids\" ON \"lessons\" USING gin (\"group_ids\")");
    await queryRunner.query("CREATE INDEX \"ix_lessons_teacher_ids\" ON \"lessons\" USING gin (\"teacher_ids\")");
    await queryRunner.query("CREATE INDEX \"ix_lessons_school_year\" ON \"lessons\"  (\"school_id\", \"school_year_id\", \"valid_from\") ");
    await queryRunner.query("CREATE TABLE \"substitutions\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"version\" integer NOT NULL DEFAULT '1', \"school_id\" uuid NOT NULL, \"date\" date NOT NULL, \"period\" integer NOT NULL, \"lesson_lineage_id\" uuid, \"kind\" text NOT NULL, \"absent_teacher_ids\" uuid array NOT NULL DEFAULT '{}', \"substitute_teacher_ids\" uuid array NOT NULL DEFAULT '{}', \"substitute_subject_id\" uuid, \"substitute_room_id\" uuid, \"group_ids\" uuid array NOT NULL DEFAULT '{}', \"reason\" text, \"text\" text, \"untis_id\" integer, \"revision\" integer NOT NULL DEFAULT '0', \"import_id\" uuid, CONSTRAINT \"PK_b432fa1c62d960d9080a9ef927f\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_substitutions_school_date\" ON \"substitutions\"  (\"school_id\", \"date\") ");
    await queryRunner.query("CREATE TABLE \"time_grid_periods\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"version\" integer NOT NULL DEFAULT '1', \"school_id\" uuid NOT NULL, \"weekday\" integer NOT NULL, \"period\" integer NOT NULL, \"starts_at\" text NOT NULL, \"ends_at\" text NOT NULL, \"label\" text, CONSTRAINT \"PK_ac49a0f16904c19888d3d8f14ff\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_time_grid_periods_slot\" ON \"time_grid_periods\"  (\"school_id\", \"weekday\", \"period\") ");
    await queryRunner.query("CREATE TABLE \"timetable_entries\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"version\" integer NOT NULL DEFAULT '1', \"school_id\" uuid NOT NULL, \"school_year_id\" uuid NOT NULL, \"lesson_lineage_id\" uuid NOT NULL, \"weekday\" integer NOT NULL, \"period\" integer NOT NULL, \"room_id\" uuid, \"valid_from\" date NOT NULL, \"valid_to\" date, \"sequence\" integer NOT NULL DEFAULT '0', \"import_id\" uuid, CONSTRAINT \"PK_11b6792dfdc5dd6849abed870d0\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_timetable_entries_lineage\" ON \"timetable_entries\"  (\"lesson_lineage_id\", \"weekday\", \"period\") ");
    await queryRunner.query("CREATE INDEX \"ix_timetable_entries_school_year\" ON \"timetable_entries\"  (\"school_id\", \"school_year_id\", \"valid_from\") ");
    await queryRunner.query("CREATE TABLE \"untis_aliases\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"version\" integer NOT NULL DEFAULT '1', \"school_id\" uuid NOT NULL, \"kind\" text NOT NULL, \"untis_name\" text NOT NULL, \"target_id\" uuid NOT NULL, CONSTRAINT \"PK_6999693f0de80abde83c9bb3127\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_untis_aliases_name\" ON \"untis_aliases\"  (\"school_id\", \"kind\", \"untis_name\") ");
    await queryRunner.query("CREATE TABLE \"untis_imports\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"version\" integer NOT NULL DEFAULT '1', \"school_id\" uuid NOT NULL, \"school_year_id\" uuid, \"actor_person_id\" uuid, \"status\" text NOT NULL, \"valid_from\" date, \"files\" jsonb NOT NULL DEFAULT '[]', \"summary\" jsonb NOT NULL DEFAULT '{}', \"error\" text, CONSTRAINT \"PK_2c5b86e28e4b40e31cbedb0bda4\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_untis_imports_school\" ON \"untis_imports\"  (\"school_id\", \"created_at\") ");
    await queryRunner.query("ALTER TABLE \"calendar_feeds\" ADD CONSTRAINT \"fk_calendar_feeds_school\" FOREIGN KEY (\"school_id\") REFERENCES \"schools\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"lessons\" ADD CONSTRAINT \"fk_lessons_school\" FOREIGN KEY (\"school_id\") REFERENCES \"schools\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"lessons\" ADD CONSTRAINT \"fk_lessons_school_year\" FOREIGN KEY (\"school_year_id\") REFERENCES \"school_years\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"lessons\" ADD CONSTRAINT \"fk_lessons_subject\" FOREIGN KEY (\"subject_id\") REFERENCES \"subjects\"(\"id\") ON DELETE SET NULL ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"substitutions\" ADD CONSTRAINT \"fk_substitutions_school\" FOREIGN KEY (\"school_id\") REFERENCES \"schools\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"time_grid_periods\" ADD CONSTRAINT \"fk_time_grid_periods_school\" FOREIGN KEY (\"school_id\") REFERENCES \"schools\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"timetable_entries\" ADD CONSTRAINT \"fk_timetable_entries_school\" FOREIGN KEY (\"school_id\") REFERENCES \"schools\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"timetable_entries\" ADD CONSTRAINT \"fk_timetable_entries_room\" FOREIGN KEY (\"room_id\") REFERENCES \"rooms\"(\"id\") ON DELETE SET NULL ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"untis_aliases\" ADD CONSTRAINT \"fk_untis_aliases_school\" FOREIGN KEY (\"school_id\") REFERENCES \"schools\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"untis_imports\" ADD CONSTRAINT \"fk_untis_imports_school\" FOREIGN KEY (\"school_id\") REFERENCES \"schools\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"untis_imports\" DROP CONSTRAINT \"fk_untis_imports_school\"");
    await queryRunner.query("ALTER TABLE \"untis_aliases\" DROP CONSTRAINT \"fk_untis_aliases_school\"");
    await queryRunner.query("ALTER TABLE \"timetable_entries\" DROP CONSTRAINT \"fk_timetable_entries_room\"");
    await queryRunner.query("ALTER TABLE \"timetable_entries\" DROP CONSTRAINT \"fk_timetable_entries_school\"");
    await queryRunner.query("ALTER TABLE \"time_grid_periods\" DROP CONSTRAINT \"fk_time_grid_periods_school\"");
    await queryRunner.query("ALTER TABLE \"substitutions\" DROP CONSTRAINT \"fk_substitutions_school\"");
    await queryRunner.query("ALTER TABLE \"lessons\" DROP CONSTRAINT \"fk_lessons_subject\"");
    await queryRunner.query("ALTER TABLE \"lessons\" DROP CONSTRAINT \"fk_lessons_school_year\"");
    await queryRunner.query("ALTER TABLE \"lessons\" DROP CONSTRAINT \"fk_lessons_school\"");
    await queryRunner.query("ALTER TABLE \"calendar_feeds\" DROP CONSTRAINT \"fk_calendar_feeds_school\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_untis_imports_school\"");
    await queryRunner.query("DROP TABLE \"untis_imports\"");
    await queryRunner.query("DROP INDEX \"public\".\"uq_untis_aliases_name\"");
    await queryRunner.query("DROP TABLE \"untis_aliases\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_timetable_entries_school_year\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_timetable_entries_lineage\"");
    await queryRunner.query("DROP TABLE \"timetable_entries\"");
    await queryRunner.query("DROP INDEX \"public\".\"uq_time_grid_periods_slot\"");
    await queryRunner.query("DROP TABLE \"time_grid_periods\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_substitutions_school_date\"");
    await queryRunner.query("DROP TABLE \"substitutions\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_lessons_school_year\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_lessons_teacher_ids\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_lessons_group_ids\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_lessons_lineage\"");
    await queryRunner.query("DROP TABLE \"lessons\"");
    await queryRunner.query("DROP INDEX \"public\".\"uq_calendar_feeds_token_hash\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_calendar_feeds_owner\"");
    await queryRunner.query("DROP TABLE \"calendar_feeds\"");
  }
}
