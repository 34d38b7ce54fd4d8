import { EntityManager } from 'typeorm';
import { queryPrepared } from '../../database/prepared-query';
import { AuditChanges } from './audit-entry.entity';

export interface AuditActor {
  personId: string | null;
}

export interface AuditRecord {
  actor: AuditActor;
  schoolId: string | null;
  action: 'create' | 'update' | 'delete' | 'grant';
  entityType: string;
  entityId: string;
  changes: AuditChanges;
}

/** Writes the audit entry with the caller's manager, i.e. inside the same transaction as the change. */
// Written on every change: a plain prepared INSERT, without TypeORM building the statement each time.
const INSERT_AUDIT_SQL = `
  INSERT INTO audit_log (school_id, actor_person_id, action, entity_type, entity_id, changes) VALUES ($1, $2, $3, $4, $5, $6)`;

export async function recordAudit(manager: EntityManager, record: AuditRecord): Promise<void> {
  await queryPrepared(manager, INSERT_AUDIT_SQL, [
    record.schoolId, record.actor.personId, record.action, record.entityType, record.entityId, JSON.stringify(record.changes),
  ]);
}

/** old → new for every field whose value changes. */
export function diffFields<T extends object>(before: T, changes: Partial<T>): AuditChanges {
  const diff: AuditChanges = {};
  for (const [key, value] of Object.entries(changes)) {
    const old = (before as Record<string, unknown>)[key];
    if (value !== undefined && JSON.stringify(old) !== JSON.stringify(value)) diff[key] = { old, new: value };
  }
  return diff;
}

/** Every field of a created row as null → value. */
export function creationFields(values: object): AuditChanges {
  return Object.fromEntries(
    Object.entries(values).filter(([, v]) => v !== undefined).map(([k, v]) => [k, { old: null, new: v }]),
  );
}
