import { DataSource, Logger, QueryRunner } from 'typeorm';
import type { GraphqlResponse } from './test-app';

// Reading the database behind the API's back: what a mutation really wrote (or did not).

/** The whole row as stored (every column, timestamps and version included), or undefined. */
export async function rowOf(dataSource: DataSource, table: string, id: string): Promise<Record<string, unknown> | undefined> {
  const [row] = await dataSource.query(`SELECT * FROM ${table} WHERE id = $1`, [id]);
  return row;
}

/** Row counts of whole tables, e.g. { pupils: 3, audit_log: 7 }. */
export async function countRows(dataSource: DataSource, ...tables: string[]): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const [{ count }] = await dataSource.query(`SELECT count(*)::int AS count FROM ${table}`);
    counts[table] = count;
  }
  return counts;
}

export interface AuditRow {
  actorPersonId: string | null;
  schoolId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  changes: Record<string, { old: unknown; new: unknown }>;
}

/** The audit_log entries about one entity, oldest first. */
export function auditEntriesOf(dataSource: DataSource, entityId: string): Promise<AuditRow[]> {
  return dataSource.query(
    `SELECT actor_person_id AS "actorPersonId", school_id AS "schoolId", action, entity_type AS "entityType",
            entity_id AS "entityId", changes
     FROM audit_log WHERE entity_id = $1 ORDER BY at, id`,
    [entityId],
  );
}

/** The first error of a GraphQL answer: code, field and rule (undefined when there is none). */
export function firstError(result: GraphqlResponse) {
  const error = result.errors?.[0];
  return error && { code: error.extensions?.code, field: error.extensions?.field, rule: error.extensions?.rule, message: error.message };
}

/** A TypeORM logger that records every SQL statement sent to the database. */
class RecordingLogger implements Logger {
  readonly queries: string[] = [];
  logQuery(query: string, _parameters?: unknown[], _runner?: QueryRunner) {
    this.queries.push(query);
  }
  logQueryError() {}
  logQuerySlow() {}
  logSchemaBuild() {}
  logMigration() {}
  log() {}
}

/**
 * Runs `work` while recording the SQL statements of the data source (TypeORM hands every statement
 * of every query runner to the data source's logger), then restores the previous logger.
 */
export async function recordQueries<T>(dataSource: DataSource, work: () => Promise<T>): Promise<{ result: T; queries: string[] }> {
  const previous = dataSource.logger;
  const recorder = new RecordingLogger();
  dataSource.setOptions({ logger: recorder });
  try {
    const result = await work();
    return { result, queries: recorder.queries };
  } finally {
    dataSource.setOptions({ logger: previous });
  }
}
