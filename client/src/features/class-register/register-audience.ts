import type { SessionUser } from '@schulverwaltung/shared';

/**
 * The register's day list shows the lessons a person teaches: it is offered to teachers. The office
 * and school management may read registers too, but reach them through a class, not this list.
 */
export const teachesSomewhere = (user: Pick<SessionUser, 'schoolRoles'>): boolean => user.schoolRoles.some((role) => role.role === 'TEACHER');
