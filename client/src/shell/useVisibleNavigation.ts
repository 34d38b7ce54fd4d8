import { computed } from 'vue';
import { parseSession } from '@/auth/ability';
import { useAppAbility } from '@/auth/useAppAbility';
import { useSessionStore } from '@/auth/session.store';
import { allowsRoute } from '@/router/route-ability';
import { NAVIGATION_ITEMS } from './navigation';

/** The navigation entries the signed-in user may open at their school (reactive to sign-in, roles and school). */
export function useVisibleNavigation() {
  const { ability } = useAppAbility();
  const session = useSessionStore();
  const user = computed(() => (session.viewer ? parseSession(session.viewer.session) : null));
  return computed(() => NAVIGATION_ITEMS.filter((item) => allowsRoute(ability, item.ability, session.currentSchool?.id ?? null)
    && (!item.audience || (user.value !== null && item.audience(user.value)))));
}
