import type { Action, SubjectName } from '@schulverwaltung/shared';

export interface RouteAbility {
  action: Action;
  subject: SubjectName;
  /** Checked for the school the user works in (the school switcher), not for any school. */
  perSchool?: boolean;
}

declare module 'vue-router' {
  interface RouteMeta {
    /** Only for signed-in users; others go to the sign-in page. */
    requiresAuth?: boolean;
    /** Only for signed-in users; signed-in users are sent home (the sign-in page). */
    guestOnly?: boolean;
    /** A type-level permission the whole page needs; records are re-checked by the server. */
    ability?: RouteAbility;
    /** The list a detail page belongs to (navigation highlight, school switch). */
    sectionRoute?: string;
  }
}
