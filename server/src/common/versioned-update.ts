import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { conflict } from './app-error';
import { AuditActor, diffFields, recordAudit } from '../modules/audit/audit.service';

export interface VersionedUpdate<T extends ObjectLiteral & { id: string; version: number }> {
  manager: EntityManager;
  entity: EntityTarget<T>;
  /** German name for messages, e.g. "Schüler:in". */
  label: string;
  current: T;
  expectedVersion: number;
  changes: Partial<T>;
  actor: AuditActor;
  schoolId: string | null;
}

/**
 * Optimistic locking: the row changes only if nobody changed it since the caller read it.
 * A stale version gets CONFLICT and changes nothing; a real change bumps the version and is audited.
 */
export async function updateVersioned<T extends ObjectLiteral & { id: string; version: number }>(u: VersionedUpdate<T>): Promise<T> {
  if (u.current.version !== u.expectedVersion) throw conflict(u.label, u.expectedVersion, u.current.version);
  const changes = diffFields(u.current, u.changes);
  if (Object.keys(changes).length === 0) return u.current;
  const values = Object.fromEntries(Object.entries(changes).map(([k, c]) => [k, c.new]));
  const result = await u.manager
    .createQueryBuilder()
    .update(u.entity)
    .set({ ...values, version: () => 'version + 1', updatedAt: () => 'now()' } as never)
    .where('id = :id AND version = :version', { id: u.current.id, version: u.expectedVersion })
    .execute();
  if (result.affected === 0) throw conflict(u.label, u.expectedVersion);
  const metadata = u.manager.connection.getMetadata(u.entity);
  await recordAudit(u.manager, {
    actor: u.actor, schoolId: u.schoolId, action: 'update', entityType: metadata.tableName, entityId: u.current.id, changes,
  });
  return u.manager.findOneByOrFail(u.entity, { id: u.current.id } as never);
}

/** Claims a row for a change stored elsewhere (e.g. its member list): bumps the version or answers CONFLICT. */
export async function bumpVersion(manager: EntityManager, entity: EntityTarget<ObjectLiteral>, id: string, expectedVersion: number, label: string): Promise<void> {
  const result = await manager.createQueryBuilder().update(entity)
    .set({ version: () => 'version + 1', updatedAt: () => 'now()' } as never)
    .where('id = :id AND version = :version', { id, version: expectedVersion })
    .execute();
  if (result.affected === 0) throw conflict(label, expectedVersion);
}
