import { defineAbilityFor, sessionUserSchema } from '@schulverwaltung/shared';
import type { AppAbility, SessionUser } from '@schulverwaltung/shared';

/**
 * One ability instance for the app's lifetime, provided through @casl/vue. Signing in or out
 * swaps its rules in place, so every `can()` already rendered re-evaluates.
 * Built by defineAbilityFor(null) so it carries the shared __typename subject detection.
 */
export const appAbility: AppAbility = defineAbilityFor(null);

export function applySession(session: SessionUser | null): void {
  appAbility.update(defineAbilityFor(session).rules);
}

/** The `session` JSON of `me`, checked against the shared schema before any rule uses it. */
export function parseSession(session: unknown): SessionUser | null {
  const result = sessionUserSchema.safeParse(session);
  if (!result.success) {
    // A server/client mismatch: show nothing rather than guess permissions.
    console.error('Viewer session does not match the shared SessionUser schema', result.error.issues);
    return null;
  }
  return result.data;
}
