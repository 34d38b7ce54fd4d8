import { createHash } from 'node:crypto';
import type { ClientBase } from 'pg';
import type { EntityManager, EntityTarget, ObjectLiteral, SelectQueryBuilder } from 'typeorm';

// TypeORM sends every statement unnamed, so PostgreSQL plans it anew each time. For the queries
// that run on every request (session facts, pupil read model) planning cost more than executing:
// measured here 2–5 ms unnamed against 0.4–0.7 ms as a named (prepared) statement. Naming a
// statement by a hash of its text lets each connection plan it once. Use it only for statements
// whose text takes few shapes (array parameters with = ANY, not IN with one parameter per value).

const names = new Map<string, string>();

function statementName(sql: string): string {
  let name = names.get(sql);
  if (!name) {
    name = `sv_${createHash('sha1').update(sql).digest('hex').slice(0, 24)}`;
    if (names.size < 5_000) names.set(sql, name);
  }
  return name;
}

/** Runs SQL as a named prepared statement on the manager's connection (its transaction, if any). */
export async function queryPrepared<T extends ObjectLiteral>(manager: EntityManager, sql: string, parameters: unknown[]): Promise<T[]> {
  const runner = manager.queryRunner ?? manager.connection.createQueryRunner();
  const ownsRunner = !manager.queryRunner;
  try {
    const client = (await runner.connect()) as ClientBase;
    const result = await client.query<T>({ name: statementName(sql), text: sql, values: parameters });
    return result.rows;
  } finally {
    if (ownsRunner) await runner.release();
  }
}

/** getRawMany of a query builder, as a prepared statement on the given manager's connection. */
export function rawManyPrepared<T extends ObjectLiteral>(manager: EntityManager, qb: SelectQueryBuilder<ObjectLiteral>): Promise<T[]> {
  const [sql, parameters] = qb.getQueryAndParameters();
  return queryPrepared<T>(manager, sql, parameters);
}

/**
 * Rows whose `property` is one of `values`, as plain objects with the entity's property names:
 * the batch query of a DataLoader, without TypeORM's per-call query building and hydration.
 */
export async function findByAnyPrepared<E extends ObjectLiteral>(
  manager: EntityManager, entity: EntityTarget<E>, property: keyof E & string, values: readonly unknown[], orderBy?: string,
): Promise<E[]> {
  const metadata = manager.connection.getMetadata(entity);
  const column = metadata.findColumnWithPropertyName(property);
  if (!column) throw new Error(`${metadata.name} has no column for ${property}`);
  const sql = `SELECT * FROM ${metadata.tableName} WHERE ${column.databaseName} = ANY($1)${orderBy ? ` ORDER BY ${orderBy}` : ''}`;
  const rows = await queryPrepared<Record<string, unknown>>(manager, sql, [values]);
  return rows.map((row) => columnsToProperties(manager, entity, row));
}

// column name → property name pairs per entity, looked up once (getMetadata searches a list).
const columnPairs = new WeakMap<object, [string, string][]>();

/** A row keyed by column names (e.g. from row_to_json) as an object keyed by the entity's property names. */
export function columnsToProperties<E extends ObjectLiteral>(manager: EntityManager, entity: EntityTarget<E>, row: Record<string, unknown>): E {
  let pairs = columnPairs.get(entity as object);
  if (!pairs) {
    pairs = manager.connection.getMetadata(entity).columns.map((c) => [c.databaseName, c.propertyName]);
    columnPairs.set(entity as object, pairs);
  }
  const result: Record<string, unknown> = {};
  for (const [column, property] of pairs) result[property] = row[column];
  return result as E;
}

/**
 * Runs independent loads at once on the pool; inside a transaction (one connection) one after
 * another, since pg would only queue them there (and warns that it will stop doing so).
 */
export async function loadAll<T extends readonly unknown[]>(manager: EntityManager, loads: { [K in keyof T]: () => Promise<T[K]> }): Promise<T> {
  if (!manager.queryRunner) return Promise.all(loads.map((load) => load())) as unknown as Promise<T>;
  const results: unknown[] = [];
  for (const load of loads) results.push(await load());
  return results as unknown as T;
}
