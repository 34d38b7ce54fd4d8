import { subject } from '@casl/ability';
import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { Action, AppAbility, SubjectName } from '@schulverwaltung/shared';
import { badInput, forbidden, notFound } from './app-error';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids come from clients: a malformed one is bad input, not a database error. */
export function checkId(id: string, field = 'id'): string {
  if (!UUID.test(id)) throw badInput(field, 'muss eine gültige ID sein', 'invalid_uuid');
  return id;
}

export function can(ability: AppAbility, action: Action, type: SubjectName, object: object, field?: string): boolean {
  return ability.can(action, subject(type, { ...object }) as never, field);
}

/**
 * Like can(), for objects built for this request only (e.g. rows parsed from a JSON column): they
 * are tagged with their subject type in place instead of copied — lists check one per row.
 */
export function canOnFresh(ability: AppAbility, action: Action, type: SubjectName, object: object): boolean {
  return ability.can(action, subject(type, object) as never);
}

/** Throws FORBIDDEN when the caller may not do `action` on this record. */
export function assertCan(ability: AppAbility, action: Action, type: SubjectName, object: object, what?: string): void {
  if (!can(ability, action, type, object)) throw forbidden(what);
}

/**
 * Loads a row the caller may read. A row outside the caller's scope answers NOT_FOUND exactly
 * like a missing one, so the existence of another school's records does not leak.
 */
export async function loadVisible<T extends ObjectLiteral>(
  manager: EntityManager, entity: EntityTarget<T>, id: string, type: SubjectName, ability: AppAbility, label: string,
): Promise<T> {
  const row = await manager.findOneBy(entity, { id: checkId(id) } as never);
  if (!row || !can(ability, 'read', type, row)) throw notFound(label, id);
  return row;
}
