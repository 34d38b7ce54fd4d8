import type { AppAbility } from '@schulverwaltung/shared';
import type { RouteAbility } from './route-meta';

/** Whether a page (route meta, navigation entry) is open to the user, at the school they work in. */
export function allowsRoute(ability: AppAbility, required: RouteAbility, schoolId: string | null): boolean {
  if (!required.perSchool) return ability.can(required.action, required.subject);
  return schoolId !== null && ability.can(required.action, { __typename: required.subject, schoolId });
}
