import { rulesToQuery } from '@casl/ability/extra';
import { Brackets, WhereExpressionBuilder } from 'typeorm';
import type { Action, AppAbility, SubjectName } from '@schulverwaltung/shared';

// CASL has no TypeORM adapter, so list queries are scoped by translating the very rules that
// check single records into SQL. Our rule conditions use a small language: equality and $in on
// scalar fields. Each subject names the SQL column for each field a rule may mention.
export type ColumnMap = Record<string, string>;

type Condition = Record<string, unknown>;
let parameterCounter = 0;

function conditionToSql(condition: Condition, columns: ColumnMap, params: Record<string, unknown>): string {
  const parts = Object.entries(condition).map(([field, value]) => {
    const column = columns[field];
    if (!column) throw new Error(`scope-to-sql: no column for field "${field}"`);
    const name = `scope_${(parameterCounter = (parameterCounter + 1) % 1_000_000)}`;
    if (value && typeof value === 'object' && '$in' in value) {
      params[name] = (value as { $in: unknown[] }).$in;
      return `${column} = ANY(:${name})`;
    }
    if (value && typeof value === 'object') throw new Error(`scope-to-sql: unsupported operator in ${JSON.stringify(value)}`);
    params[name] = value;
    return `${column} = :${name}`;
  });
  return parts.length > 0 ? `(${parts.join(' AND ')})` : 'TRUE';
}

export interface Scope {
  /** false: the caller may see no row at all; skip the query. */
  isEmpty: boolean;
  apply(qb: WhereExpressionBuilder): void;
}

/** Rows of `subject` the ability allows `action` on, as a WHERE clause over `columns`. */
export function scopeFor(ability: AppAbility, action: Action, subject: SubjectName, columns: ColumnMap): Scope {
  const query = rulesToQuery(ability, action, subject, (rule) => {
    if (rule.inverted) throw new Error('scope-to-sql: inverted rules are not supported');
    return rule.conditions as Condition;
  });
  if (query === null) return { isEmpty: true, apply: (qb) => qb.andWhere('FALSE') };
  const alternatives = (query.$or ?? []) as Condition[];
  if (Object.keys(query).length === 0 || alternatives.length === 0) return { isEmpty: false, apply: () => undefined };
  return {
    isEmpty: false,
    apply(qb) {
      const params: Record<string, unknown> = {};
      const sql = alternatives.map((c) => conditionToSql(c, columns, params)).join(' OR ');
      qb.andWhere(new Brackets((inner) => inner.where(`(${sql})`, params)));
    },
  };
}
