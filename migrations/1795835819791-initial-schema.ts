import { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialSchema1795835819791 implements MigrationInterface {
  name = 'InitialSchema1795835819791';

  async up(queryRunner: QueryRunner): Promise<void> {
    // pg_trgm: fuzzy name search ("Mueller" and one-letter typos find "Müller").
    await queryRunner.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
    await queryRunner.query("CREATE TABLE \"persons\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"version\" integer NOT NULL DEFAULT '1', \"first_name\" text NOT NULL, \"last_name\" text NOT NULL, \"search_name\" text NOT NULL, \"birth_date\" date, \"birth_place\" text, \"gender\" character varying(1), \"street\" text, \"postal_code\" text, \"city\" text, \"email\" text, \"phone\" text, CONSTRAINT \"PK_74278d8812a049233ce41440ac7\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_persons_last_name\" ON \"persons\"  (\"last_name\", \"first_name\") ");
    // Not declared on the entity (TypeORM cannot express operator classes): synchronize: false there.
    await queryRunner.query('CREATE INDEX ix_persons_search_name_trgm ON persons USING gin (search_name gin_trgm_ops)');
    await queryRunner.query("CREATE TABLE \"accounts\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"version\" integer NOT NULL DEFAULT '1', \"person_id\" uuid NOT NULL, \"username\" text NOT NULL, \"password_hash\" text, \"is_active\" boolean NOT NULL DEFAULT true, \"last_sign_in_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"PK_5a7a02c20412299d198e097a8fe\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_accounts_person_id\" ON \"accounts\"  (\"person_id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_accounts_username\" ON \"accounts\"  (\"username\") ");
    await queryRunner.query("CREATE TABLE \"login_failures\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"username\" text NOT NULL, \"ip\" text, \"attempted_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_8211e8ec810fd7f976b98ce97a0\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_login_failures_ip\" ON \"login_failures\"  (\"ip\", \"attempted_at\") ");
    await queryRunner.query("CREATE INDEX \"ix_login_failures_username\" ON \"login_failures\"  (\"username\", \"attempted_at\") ");
    await queryRunner.query("CREATE TABLE \"sessions\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"account_id\" uuid NOT NULL, \"token_hash\" text NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"expires_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"ip\" text, \"user_agent\" text, CONSTRAINT \"PK_3238ef96f18b355b671619111bc\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_sessions_expires_at\" ON \"sessions\"  (\"expires_at\") ");
    await queryRunner.query("CREATE INDEX \"ix_sessions_account_id\" ON \"sessions\"  (\"account_id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_sessions_token_hash\" ON \"sessions\"  (\"token_hash\") ");
    await queryRunner.query("CREATE TABLE \"audit_log\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"school_id\" uuid, \"actor_person_id\" uuid, \"action\" text NOT NULL, \"entity_type\" text NOT NULL, \"entity_id\" uuid NOT NULL, \"changes\" jsonb NOT NULL DEFAULT '{}', \"at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_07fefa57f7f5ab8fc3f52b3ed0b\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_audit_log_entity\" ON \"audit_log\"  (\"entity_type\", \"entity_id\") ");
    await queryRunner.query("CREATE INDEX \"ix_audit_log_school_id\" ON \"audit_log\"  (\"school_id\", \"at\") ");
    await queryRunner.query("CREATE TABLE \"school_carriers\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"version\" integer NOT NULL DEFAULT '1', \"name\" text NOT NULL, \"federal_state\" character varying(2) NOT NULL, CONSTRAINT \"PK_ef635fbce211500e9bf3b5644a9\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_school_carriers_federal_state\" ON \"school_carriers\"  (\"federal_state\") ");
    await queryRunner.query("CREATE TABLE \"schools\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"version\" integer NOT NULL DEFAULT '1', \"carrier_id\" uuid NOT NULL, \"school_number\" text NOT NULL, \"name\" text NOT NULL, \"type\" text NOT NULL, \"street\" text, \"postal_code\" text, \"city\" text, \"federal_state\" character varying(2) NOT NULL, CONSTRAINT \"PK_95b932e47ac129dd8e23a0db548\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_schools_carrier_id\" ON \"schools\"  (\"carrier_id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_schools_school_number\" ON \"schools\"  (\"school_number\") ");
    await queryRunner.query("CREATE TABLE \"rooms\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"version\" integer NOT NULL DEFAULT '1', \"school_id\" uuid NOT NULL, \"short_name\" text NOT NULL, \"name\" text, \"capacity\" integer, CONSTRAINT \"PK_0368a2d7c215f2d0458a54933f2\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_rooms_school_short_name\" ON \"rooms\"  (\"school_id\", \"short_name\") ");
    await queryRunner.query("CREATE TABLE \"subjects\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"version\" integer NOT NULL DEFAULT '1', \"school_id\" uuid NOT NULL, \"short_name\" text NOT NULL, \"name\" text NOT NULL, CONSTRAINT \"PK_1a023685ac2b051b4e557b0b280\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_subjects_school_short_name\" ON \"subjects\"  (\"school_id\", \"short_name\") ");
    await queryRunner.query("CREATE TABLE \"school_years\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"version\" integer NOT NULL DEFAULT '1', \"school_id\" uuid NOT NULL, \"name\" text NOT NULL, \"starts_on\" date NOT NULL, \"ends_on\" date NOT NULL, \"mid_year_on\" date NOT NULL, \"is_current\" boolean NOT NULL DEFAULT false, CONSTRAINT \"PK_3fe99d570a61178cb99065783cf\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_school_years_current\" ON \"school_years\"  (\"school_id\") WHERE is_current");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_school_years_school_name\" ON \"school_years\"  (\"school_id\", \"name\") ");
    await queryRunner.query("CREATE TABLE \"groups\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"version\" integer NOT NULL DEFAULT '1', \"school_id\" uuid NOT NULL, \"school_year_id\" uuid NOT NULL, \"kind\" text NOT NULL, \"name\" text NOT NULL, \"grade_level\" integer, \"subject_id\" uuid, \"external_id\" text, CONSTRAINT \"PK_659d1483316afb28afd3a90646e\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_groups_school_id\" ON \"groups\"  (\"school_id\", \"school_year_id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_groups_year_kind_name\" ON \"groups\"  (\"school_year_id\", \"kind\", \"name\") ");
    await queryRunner.query("CREATE TABLE \"group_members\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"version\" integer NOT NULL DEFAULT '1', \"school_id\" uuid NOT NULL, \"group_id\" uuid NOT NULL, \"person_id\" uuid NOT NULL, \"role\" text NOT NULL, \"position\" integer NOT NULL DEFAULT '0', CONSTRAINT \"PK_86446139b2c96bfd0f3b8638852\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_group_members_school_id\" ON \"group_members\"  (\"school_id\") ");
    await queryRunner.query("CREATE INDEX \"ix_group_members_person_id\" ON \"group_members\"  (\"person_id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_group_members_group_person_role\" ON \"group_members\"  (\"group_id\", \"person_id\", \"role\") ");
    await queryRunner.query("CREATE TABLE \"pupils\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"version\" integer NOT NULL DEFAULT '1', \"school_id\" uuid NOT NULL, \"person_id\" uuid NOT NULL, \"external_id\" text, \"religious_education\" text, \"emergency_contacts\" jsonb NOT NULL DEFAULT '[]', \"measles_proof_on\" date, \"photo_consent\" boolean NOT NULL DEFAULT false, \"guardian_access_consent\" boolean NOT NULL DEFAULT false, CONSTRAINT \"PK_0b5fa139c33628485dec67159ca\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_pupils_school_external_id\" ON \"pupils\"  (\"school_id\", \"external_id\") WHERE external_id IS NOT NULL");
    await queryRunner.query("CREATE INDEX \"ix_pupils_person_id\" ON \"pupils\"  (\"person_id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_pupils_school_person\" ON \"pupils\"  (\"school_id\", \"person_id\") ");
    await queryRunner.query("CREATE TABLE \"guardianships\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"version\" integer NOT NULL DEFAULT '1', \"school_id\" uuid NOT NULL, \"pupil_id\" uuid NOT NULL, \"guardian_person_id\" uuid NOT NULL, \"relation\" text NOT NULL, \"has_custody\" boolean NOT NULL, \"may_excuse\" boolean NOT NULL, \"receives_mail\" boolean NOT NULL, \"has_information_block\" boolean NOT NULL DEFAULT false, \"sort_order\" integer NOT NULL DEFAULT '0', CONSTRAINT \"PK_5b805c03463f5a097ce3478f3bd\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_guardianships_school_id\" ON \"guardianships\"  (\"school_id\") ");
    await queryRunner.query("CREATE INDEX \"ix_guardianships_guardian_person_id\" ON \"guardianships\"  (\"guardian_person_id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_guardianships_pupil_guardian\" ON \"guardianships\"  (\"pupil_id\", \"guardian_person_id\") ");
    await queryRunner.query("CREATE TABLE \"enrolments\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"version\" integer NOT NULL DEFAULT '1', \"school_id\" uuid NOT NULL, \"pupil_id\" uuid NOT NULL, \"school_year_id\" uuid NOT NULL, \"class_id\" uuid, \"entry_date\" date NOT NULL, \"leaving_date\" date, \"status\" text NOT NULL, CONSTRAINT \"PK_6e79971fbd26967c4da9ed52770\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_enrolments_class_id\" ON \"enrolments\"  (\"class_id\") ");
    await queryRunner.query("CREATE INDEX \"ix_enrolments_school_id\" ON \"enrolments\"  (\"school_id\", \"school_year_id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_enrolments_pupil_year\" ON \"enrolments\"  (\"pupil_id\", \"school_year_id\") ");
    await queryRunner.query("CREATE TABLE \"holidays\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"version\" integer NOT NULL DEFAULT '1', \"school_id\" uuid NOT NULL, \"school_year_id\" uuid NOT NULL, \"name\" text NOT NULL, \"starts_on\" date NOT NULL, \"ends_on\" date NOT NULL, \"kind\" text NOT NULL, CONSTRAINT \"PK_3646bdd4c3817d954d830881dfe\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_holidays_school_year_id\" ON \"holidays\"  (\"school_year_id\") ");
    await queryRunner.query("CREATE INDEX \"ix_holidays_school_id\" ON \"holidays\"  (\"school_id\", \"starts_on\") ");
    await queryRunner.query("CREATE TABLE \"memberships\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"version\" integer NOT NULL DEFAULT '1', \"person_id\" uuid NOT NULL, \"role\" text NOT NULL, \"school_id\" uuid, \"carrier_id\" uuid, \"federal_state\" character varying(2), \"abbreviation\" text, \"valid_from\" date NOT NULL, \"valid_to\" date, CONSTRAINT \"ck_memberships_scope\" CHECK ((role IN ('SCHOOL_ADMIN','SECRETARIAT','SCHOOL_MANAGEMENT','TEACHER') AND school_id IS NOT NULL)\n  OR (role = 'CARRIER_ADMIN' AND carrier_id IS NOT NULL)\n  OR (role = 'STATE_ADMIN' AND federal_state IS NOT NULL)), CONSTRAINT \"PK_25d28bd932097a9e90495ede7b4\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_memberships_carrier_id\" ON \"memberships\"  (\"carrier_id\") ");
    await queryRunner.query("CREATE INDEX \"ix_memberships_school_id\" ON \"memberships\"  (\"school_id\", \"role\") ");
    await queryRunner.query("CREATE INDEX \"ix_memberships_person_id\" ON \"memberships\"  (\"person_id\") ");
    await queryRunner.query("ALTER TABLE \"accounts\" ADD CONSTRAINT \"fk_accounts_person\" FOREIGN KEY (\"person_id\") REFERENCES \"persons\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"sessions\" ADD CONSTRAINT \"fk_sessions_account\" FOREIGN KEY (\"account_id\") REFERENCES \"accounts\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"schools\" ADD CONSTRAINT \"fk_schools_carrier\" FOREIGN KEY (\"carrier_id\") REFERENCES \"school_carriers\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"rooms\" ADD CONSTRAINT \"fk_rooms_school\" FOREIGN KEY (\"school_id\") REFERENCES \"schools\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"subjects\" ADD CONSTRAINT \"fk_subjects_school\" FOREIGN KEY (\"school_id\") REFERENCES \"schools\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"school_years\" ADD CONSTRAINT \"fk_school_years_school\" FOREIGN KEY (\"school_id\") REFERENCES \"schools\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"groups\" ADD CONSTRAINT \"fk_groups_school\" FOREIGN KEY (\"school_id\") REFERENCES \"schools\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"groups\" ADD CONSTRAINT \"fk_groups_school_year\" FOREIGN KEY (\"school_year_id\") REFERENCES \"school_years\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"groups\" ADD CONSTRAINT \"fk_groups_subject\" FOREIGN KEY (\"subject_id\") REFERENCES \"subjects\"(\"id\") ON DELETE SET NULL ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"group_members\" ADD CONSTRAINT \"fk_group_members_school\" FOREIGN KEY (\"school_id\") REFERENCES \"schools\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"group_members\" ADD CONSTRAINT \"fk_group_members_group\" FOREIGN KEY (\"group_id\") REFERENCES \"groups\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"group_members\" ADD CONSTRAINT \"fk_group_members_person\" FOREIGN KEY (\"person_id\") REFERENCES \"persons\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"pupils\" ADD CONSTRAINT \"fk_pupils_school\" FOREIGN KEY (\"school_id\") REFERENCES \"schools\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"pupils\" ADD CONSTRAINT \"fk_pupils_person\" FOREIGN KEY (\"person_id\") REFERENCES \"persons\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"guardianships\" ADD CONSTRAINT \"fk_guardianships_school\" FOREIGN KEY (\"school_id\") REFERENCES \"schools\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"guardianships\" ADD CONSTRAINT \"fk_guardianships_pupil\" FOREIGN KEY (\"pupil_id\") REFERENCES \"pupils\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"guardianships\" ADD CONSTRAINT \"fk_guardianships_guardian_person\" FOREIGN KEY (\"guardian_person_id\") REFERENCES \"persons\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"enrolments\" ADD CONSTRAINT \"fk_enrolments_school\" FOREIGN KEY (\"school_id\") REFERENCES \"schools\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"enrolments\" ADD CONSTRAINT \"fk_enrolments_pupil\" FOREIGN KEY (\"pupil_id\") REFERENCES \"pupils\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"enrolments\" ADD CONSTRAINT \"fk_enrolments_school_year\" FOREIGN KEY (\"school_year_id\") REFERENCES \"school_years\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"enrolments\" ADD CONSTRAINT \"fk_enrolments_class\" FOREIGN KEY (\"class_id\") REFERENCES \"groups\"(\"id\") ON DELETE SET NULL ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"holidays\" ADD CONSTRAINT \"fk_holidays_school\" FOREIGN KEY (\"school_id\") REFERENCES \"schools\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"holidays\" ADD CONSTRAINT \"fk_holidays_school_year\" FOREIGN KEY (\"school_year_id\") REFERENCES \"school_years\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"memberships\" ADD CONSTRAINT \"fk_memberships_person\" FOREIGN KEY (\"person_id\") REFERENCES \"persons\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"memberships\" ADD CONSTRAINT \"fk_memberships_school\" FOREIGN KEY (\"school_id\") REFERENCES \"schools\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"memberships\" ADD CONSTRAINT \"fk_memberships_carrier\" FOREIGN KEY (\"carrier_id\") REFERENCES \"school_carriers\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE IF EXISTS memberships CASCADE');
    await queryRunner.query('DROP TABLE IF EXISTS holidays CASCADE');
    await queryRunner.query('DROP TABLE IF EXISTS enrolments CASCADE');
    await queryRunner.query('DROP TABLE IF EXISTS guardianships CASCADE');
    await queryRunner.query('DROP TABLE IF EXISTS pupils CASCADE');
    await queryRunner.query('DROP TABLE IF EXISTS group_members CASCADE');
    await queryRunner.query('DROP TABLE IF EXISTS groups CASCADE');
    await queryRunner.query('DROP TABLE IF EXISTS school_years CASCADE');
    await queryRunner.query('DROP TABLE IF EXISTS subjects CASCADE');
    await queryRunner.query('DROP TABLE IF EXISTS rooms CASCADE');
    await queryRunner.query('DROP TABLE IF EXISTS schools CASCADE');
    await queryRunner.query('DROP TABLE IF EXISTS school_carriers CASCADE');
    await queryRunner.query('DROP TABLE IF EXISTS audit_log CASCADE');
    await queryRunner.query('DROP TABLE IF EXISTS sessions CASCADE');
    await queryRunner.query('DROP TABLE IF EXISTS login_failures CASCADE');
    await queryRunner.query('DROP TABLE IF EXISTS accounts CASCADE');
    await queryRunner.query('DROP TABLE IF EXISTS persons CASCADE');
  }
}
