import { MigrationInterface, QueryRunner } from 'typeorm';

export class AbsencesAndClassRegister1795847655000 implements MigrationInterface {
  name = 'AbsencesAndClassRegister1795847655000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"absences\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"version\" integer NOT NULL DEFAULT '1', \"school_id\" uuid NOT NULL, \"school_year_id\" uuid NOT NULL, \"pupil_id\" uuid NOT NULL, \"kind\" text NOT NULL, \"starts_on\" date NOT NULL, \"ends_on\" date NOT NULL, \"period_from\" integer, \"period_to\" integer, \"minutes\" integer, \"reason\" text NOT NULL, \"note\" text, \"reported_by\" text NOT NULL, \"reporter_person_id\" uuid, \"reporter_name\" text, \"reported_via\" text NOT NULL, \"reported_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"entered_by_person_id\" uuid, \"status\" text NOT NULL DEFAULT 'REPORTED', \"excuse_received_on\" date, \"excuse_due_on\" date, \"excused_by_person_id\" uuid, \"excused_at\" TIMESTAMP WITH TIME ZONE, \"requires_certificate\" boolean NOT NULL DEFAULT false, \"certificate_received_on\" date, \"leave_status\" text, \"leave_decided_by_person_id\" uuid, \"leave_decided_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"PK_bd79346866fea8ac6f269252748\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_absences_pupil_dates\" ON \"absences\"  (\"pupil_id\", \"starts_on\") ");
    await queryRunner.query("CREATE INDEX \"ix_absences_school_dates\" ON \"absences\"  (\"school_id\", \"starts_on\", \"ends_on\") ");
    await queryRunner.query("CREATE TABLE \"absence_lessons\" (\"absence_id\" uuid NOT NULL, \"date\" date NOT NULL, \"period\" integer NOT NULL, \"lesson_lineage_id\" uuid NOT NULL, \"school_id\" uuid NOT NULL, \"pupil_id\" uuid NOT NULL, \"lesson_id\" uuid NOT NULL, CONSTRAINT \"PK_85fa9fd5a5d673d4e880802c01b\" PRIMARY KEY (\"absence_id\", \"date\", \"period\", \"lesson_lineage_id\"))");
    await queryRunner.query("CREATE INDEX \"ix_absence_lessons_pupil\" ON \"absence_lessons\"  (\"pupil_id\", \"date\") ");
    await queryRunner.query("CREATE INDEX \"ix_absence_lessons_lesson\" ON \"absence_lessons\"  (\"lesson_lineage_id\", \"date\", \"period\") ");
    await queryRunner.query("CREATE TABLE \"absence_settings\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"version\" integer NOT NULL DEFAULT '1', \"school_id\" uuid NOT NULL, \"excuse_deadline_school_days\" integer NOT NULL DEFAULT '3', \"online_excuse_allowed\" boolean NOT NULL DEFAULT false, \"certificate_on_exam_days\" boolean NOT NULL DEFAULT true, \"certificate_next_to_holidays\" boolean NOT NULL DEFAULT false, \"leave_class_teacher_max_days\" integer NOT NULL DEFAULT '2', \"letter_after_unexcused_days\" integer NOT NULL DEFAULT '3', \"letter_after_unexcused_lessons\" integer NOT NULL DEFAULT '10', \"topic_required_from_grade\" integer, CONSTRAINT \"PK_912e8202f7bfbcf763934c29561\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_absence_settings_school\" ON \"absence_settings\"  (\"school_id\") ");
    await queryRunner.query("CREATE TABLE \"exams\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"version\" integer NOT NULL DEFAULT '1', \"school_id\" uuid NOT NULL, \"group_id\" uuid NOT NULL, \"date\" date NOT NULL, \"name\" text NOT NULL, CONSTRAINT \"PK_b43159ee3efa440952794b4f53e\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_exams_school_date\" ON \"exams\"  (\"school_id\", \"date\") ");
    await queryRunner.query("CREATE TABLE \"register_entries\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"version\" integer NOT NULL DEFAULT '1', \"school_id\" uuid NOT NULL, \"lesson_lineage_id\" uuid NOT NULL, \"lesson_id\" uuid NOT NULL, \"date\" date NOT NULL, \"period\" integer NOT NULL, \"topic\" text, \"homework\" text, \"recorded_by_person_id\" uuid, CONSTRAINT \"PK_c1de65929d5e015b1374889485c\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_register_entries_school_date\" ON \"register_entries\"  (\"school_id\", \"date\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_register_entries_lesson\" ON \"register_entries\"  (\"lesson_lineage_id\", \"date\", \"period\") ");
    await queryRunner.query("CREATE TABLE \"attendance\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"version\" integer NOT NULL DEFAULT '1', \"school_id\" uuid NOT NULL, \"register_entry_id\" uuid NOT NULL, \"pupil_id\" uuid NOT NULL, \"status\" text NOT NULL, \"late_minutes\" integer, CONSTRAINT \"PK_ee0ffe42c1f1a01e72b725c0cb2\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_attendance_pupil\" ON \"attendance\"  (\"pupil_id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_attendance_entry_pupil\" ON \"attendance\"  (\"register_entry_id\", \"pupil_id\") ");
    await queryRunner.query("ALTER TABLE \"pupils\" ADD \"certificate_required_from\" date");
    await queryRunner.query("ALTER TABLE \"absences\" ADD CONSTRAINT \"fk_absences_school\" FOREIGN KEY (\"school_id\") REFERENCES \"schools\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"absences\" ADD CONSTRAINT \"fk_absences_pupil\" FOREIGN KEY (\"pupil_id\") REFERENCES \"pupils\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"absence_lessons\" ADD CONSTRAINT \"fk_absence_lessons_absence\" FOREIGN KEY (\"absence_id\") REFERENCES \"absences\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"absence_settings\" ADD CONSTRAINT \"fk_absence_settings_school\" FOREIGN KEY (\"school_id\") REFERENCES \"schools\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"exams\" ADD CONSTRAINT \"fk_exams_school\" FOREIGN KEY (\"school_id\") REFERENCES \"schools\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"register_entries\" ADD CONSTRAINT \"fk_register_entries_school\" FOREIGN KEY (\"school_id\") REFERENCES \"schools\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"attendance\" ADD CONSTRAINT \"fk_attendance_register_entry\" FOREIGN KEY (\"register_entry_id\") REFERENCES \"register_entries\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"attendance\" DROP CONSTRAINT \"fk_attendance_register_entry\"");
    await queryRunner.query("ALTER TABLE \"register_entries\" DROP CONSTRAINT \"fk_register_entries_school\"");
    await queryRunner.query("ALTER TABLE \"exams\" DROP CONSTRAINT \"fk_exams_school\"");
    await queryRunner.query("ALTER TABLE \"absence_settings\" DROP CONSTRAINT \"fk_absence_settings_school\"");
    await queryRunner.query("ALTER TABLE \"absence_lessons\" DROP CONSTRAINT \"fk_absence_lessons_absence\"");
    await queryRunner.query("ALTER TABLE \"absences\" DROP CONSTRAINT \"fk_absences_pupil\"");
    await queryRunner.query("ALTER TABLE \"absences\" DROP CONSTRAINT \"fk_absences_school\"");
    await queryRunner.query("ALTER TABLE \"pupils\" DROP COLUMN \"certificate_required_from\"");
    await queryRunner.query("DROP INDEX \"public\".\"uq_attendance_entry_pupil\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_attendance_pupil\"");
    await queryRunner.query("DROP TABLE \"attendance\"");
    await queryRunner.query("DROP INDEX \"public\".\"uq_register_entries_lesson\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_register_entries_school_date\"");
    await queryRunner.query("DROP TABLE \"register_entries\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_exams_school_date\"");
    await queryRunner.query("DROP TABLE \"exams\"");
    await queryRunner.query("DROP INDEX \"public\".\"uq_absence_settings_school\"");
    await queryRunner.query("DROP TABLE \"absence_settings\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_absence_lessons_lesson\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_absence_lessons_pupil\"");
    await queryRunner.query("DROP TABLE \"absence_lessons\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_absences_school_dates\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_absences_pupil_dates\"");
    await queryRunner.query("DROP TABLE \"absences\"");
  }
}
