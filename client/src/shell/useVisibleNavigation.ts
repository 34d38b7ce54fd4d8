import { computed } from 'vue';
import { useAppAbility } from '@/auth/useAppAbility';
import { NAVIGATION_ITEMS } from './navigation';

/** The navigation entries the signed-in user may open (reactive to sign-in and role changes). */
export function useVisibleNavigation() {
  const { can } = useAppAbility();
  return computed(() => NAVIGATION_ITEMS.filter((item) => can(item.ability.action, item.ability.subject)));
}
