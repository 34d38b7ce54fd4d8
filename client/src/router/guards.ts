import type { NavigationGuardWithThis, RouteLocationNormalized } from 'vue-router';
import { appAbility } from '@/auth/ability';
import { useSessionStore } from '@/auth/session.store';
import { allowsRoute } from './route-ability';

async function loadSessionQuietly(): Promise<void> {
  try {
    await useSessionStore().ensureLoaded();
  } catch (error) {
    // Server unreachable: treat as signed out; the sign-in form reports the network error.
    console.warn('Could not load the session', error);
  }
}

function isAllowed(to: RouteLocationNormalized): boolean {
  const schoolId = useSessionStore().currentSchool?.id ?? null;
  return to.matched.every((record) => {
    const ability = record.meta.ability;
    return !ability || allowsRoute(appAbility, ability, schoolId);
  });
}

/** Sign-in first, then the page's own permission; everything else is the server's job. */
export const authGuard: NavigationGuardWithThis<undefined> = async (to) => {
  await loadSessionQuietly();
  const session = useSessionStore();
  const requiresAuth = to.matched.some((record) => record.meta.requiresAuth);
  if (requiresAuth && !session.isSignedIn) {
    return { name: 'sign-in', query: to.fullPath === '/' ? {} : { weiter: to.fullPath } };
  }
  if (to.meta.guestOnly && session.isSignedIn) return { name: 'home' };
  if (!isAllowed(to)) return { name: 'forbidden' };
  return true;
};
