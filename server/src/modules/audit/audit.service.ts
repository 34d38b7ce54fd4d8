import { EntityManager } from 'typeorm';
import { AuditChanges, AuditEntryEntity } from './audit-entry.entity';

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
export async function recordAudit(manager: EntityManager, record: AuditRecord): Promise<void> {
  await manager.insert(AuditEntryEntity, {
    schoolId: record.schoolId,
    actorPersonId: record.actor.personId,
    action: record.action,
    entityType: record.entityType,
    entityId: record.entityId,
    changes: record.changes as never,
  });
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
