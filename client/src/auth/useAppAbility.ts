import { useAbility } from '@casl/vue';
import type { AppAbility } from '@schulverwaltung/shared';

/**
 * The typed, reactive ability of the signed-in user. Templates call `can(action, subject)`
 * with a subject type or a GraphQL object carrying __typename — never compare roles.
 */
export function useAppAbility() {
  const ability = useAbility<AppAbility>();
  const can: AppAbility['can'] = (...args) => ability.can(...args);
  const cannot: AppAbility['cannot'] = (...args) => ability.cannot(...args);
  return { ability, can, cannot };
}
