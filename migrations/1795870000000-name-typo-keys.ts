import { MigrationInterface, QueryRunner } from 'typeorm';

// Typo-tolerant name search. Trigrams find "Mueller" for "Müller" and a wrong letter in a long name,
// but a short name with one wrong letter ("Mexer" for "Meyer") or two letters swapped ("Kasier")
// shares too few trigrams with the right one. name_typo_keys() gives every word of a normalised
// name (persons.search_name) with each of its letters left out in turn: two words one typo apart
// (a wrong, missing, extra or swapped letter) share a key. Each word is also taken with ae/oe/ue
// folded to a single letter, so "Brxmme" (one wrong letter where "ö" was) finds "Brömme".
// The GIN index over the keys answers `name_typo_keys(search_name) && name_typo_keys($query)`.
// COST tells the planner the function is dear, so it reads the indexed keys rather than computing
// them for every pupil of a school.

export class NameTypoKeys1795870000000 implements MigrationInterface {
  name = 'NameTypoKeys1795870000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION name_typo_keys(name text) RETURNS text[]
      LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE COST 10000 AS $$
        WITH words AS (
          SELECT word FROM unnest(string_to_array(name, ' ')) AS word WHERE word <> ''
          UNION
          SELECT regexp_replace(word, '([aou])e', '\\1', 'g') FROM unnest(string_to_array(name, ' ')) AS word WHERE word <> ''
        )
        SELECT coalesce(array_agg(DISTINCT key), '{}') FROM (
          SELECT word AS key FROM words
          UNION ALL
          SELECT overlay(word PLACING '' FROM position FOR 1) FROM words, generate_series(1, length(word)) AS position
          WHERE length(word) >= 4
        ) keys
      $$`);
    await queryRunner.query(`CREATE INDEX ix_persons_search_typo_keys ON persons USING gin (name_typo_keys(search_name))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX ix_persons_search_typo_keys`);
    await queryRunner.query(`DROP FUNCTION name_typo_keys(text)`);
  }
}
